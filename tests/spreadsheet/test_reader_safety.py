"""The shared reader: which sheet it reads, what it refuses before openpyxl sees the file, and
formula cells told apart from text that merely starts with "="."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.spreadsheet import xlsx_package
from kinerja_desktop.spreadsheet.columns import ColumnSpec, SheetSpec
from kinerja_desktop.spreadsheet.reader import read_sheet
from kinerja_desktop.spreadsheet.writer import write_sheet

NIP = "199204152019032001"
SPEC = SheetSpec(
    "Data",
    (
        ColumnSpec("nip", "NIP", required=True, kind="nip"),
        ColumnSpec("name", "Nama", required=True),
        ColumnSpec("note", "Catatan"),
    ),
)


def book(path: Path, sheets: dict[str, str]) -> Path:
    """A workbook with one data table per sheet; ``sheets`` maps title -> sheet_state."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, state in sheets.items():
        ws = wb.create_sheet(title)
        ws.append(["NIP", "Nama"])
        ws.append([NIP, f"Isi {title}"])
        ws.sheet_state = state
    wb.save(path)
    return path


def refused(path: Path) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        read_sheet(path, SPEC)
    assert caught.value.file == str(path)
    assert path.name in caught.value.message
    return caught.value


def rewrite(path: Path, member: str, change: object) -> None:
    """Replace one zip member's bytes by ``change(old_bytes)``."""
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, data in items:
            if info.filename == member:
                data = change(data)  # type: ignore[operator]
            dst.writestr(info.filename, data)


def test_the_named_visible_sheet_is_read_without_a_warning(tmp_path: Path) -> None:
    path = book(tmp_path / "a.xlsx", {"Lain": "visible", "Data": "visible"})
    data = read_sheet(path, SPEC)
    assert data.sheet == "Data" and data.rows[0].values["name"] == "Isi Data"
    assert data.warnings == []


def test_without_the_name_the_only_visible_sheet_is_read_with_a_warning(tmp_path: Path) -> None:
    path = book(tmp_path / "b.xlsx", {"Tersembunyi": "hidden", "Lembar1": "visible"})
    data = read_sheet(path, SPEC)
    assert data.sheet == "Lembar1" and data.rows[0].values["name"] == "Isi Lembar1"
    (warning,) = data.warnings
    assert warning.code == "sheet.other_sheet"
    assert warning.message == (
        "Berkas b.xlsx tidak mempunyai lembar Data; yang dibaca lembar Lembar1, "
        "satu-satunya lembar yang terlihat."
    )


@pytest.mark.parametrize(
    ("state", "code", "words"),
    [
        ("hidden", "sheet.hidden", "disembunyikan"),
        ("veryHidden", "sheet.very_hidden", "sepenuhnya"),
    ],
)
def test_a_hidden_named_sheet_is_refused(tmp_path: Path, state: str, code: str, words: str) -> None:
    # The visible sheet must not be read instead: the file says its data is in "Data".
    path = book(tmp_path / "c.xlsx", {"Lembar1": "visible", "Data": state})
    err = refused(path)
    assert err.code == code
    assert "Lembar Data pada berkas c.xlsx" in err.message and words in err.message


def test_several_visible_sheets_without_the_name_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.xlsx"
    write_sheet(path, SPEC, [{"nip": NIP, "name": "Rina"}])
    wb = openpyxl.load_workbook(path)
    wb["Data"].title = "Pegawai Saya"  # the clerk renamed it; "Petunjuk" is visible too
    wb.save(path)
    err = refused(path)
    assert err.code == "sheet.ambiguous"
    assert "lembar Data" in err.message and "(Pegawai Saya, Petunjuk)" in err.message

    del wb["Petunjuk"]  # the hidden "Daftar" list sheet remains, never a candidate
    wb.save(path)
    data = read_sheet(path, SPEC)
    assert data.sheet == "Pegawai Saya" and [w.code for w in data.warnings] == ["sheet.other_sheet"]


def test_no_visible_sheet_at_all_is_refused(tmp_path: Path) -> None:
    path = book(tmp_path / "e.xlsx", {"Lembar1": "visible", "Lembar2": "hidden"})
    # openpyxl will not save a workbook without a visible sheet; Excel files can have one.
    rewrite(
        path,
        "xl/workbook.xml",
        lambda xml: xml.replace(b'state="visible"', b'state="hidden"'),
    )
    err = refused(path)
    assert err.code == "sheet.no_visible" and "lembar Data" in err.message


def test_a_string_cell_starting_with_equals_is_text_a_formula_cell_is_refused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "f.xlsx"
    texts = ['=HYPERLINK("x")', "+62 812", "-5 hari", "@budi"]
    write_sheet(path, SPEC, [{"nip": NIP, "name": t, "note": t} for t in texts])
    data = read_sheet(path, SPEC)
    assert [(r.values["name"], r.values["note"], r.errors) for r in data.rows] == [
        (t, t, []) for t in texts
    ]

    wb = openpyxl.load_workbook(path)
    wb["Data"]["B2"] = "=A1"  # a real formula
    wb.save(path)
    first = read_sheet(path, SPEC).rows[0]
    assert [(e.code, e.column, e.value) for e in first.errors] == [("sheet.formula", "Nama", "=A1")]


def _forbid_openpyxl(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl must not read a refused file")

    monkeypatch.setattr(openpyxl, "load_workbook", boom)


def test_a_sheet_that_would_expand_too_far_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = book(tmp_path / "bom.xlsx", {"Data": "visible"})
    # 4 MB of whitespace inside the sheet XML packs to a few KB: a ratio of about 1000:1.
    padding = b" " * (4 * 1024 * 1024)
    rewrite(path, "xl/worksheets/sheet1.xml", lambda xml: re.sub(
        rb"(<worksheet[^>]*>)", lambda m: m.group(1) + padding, xml, count=1))  # fmt: skip
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
        assert info.file_size > xlsx_package.MAX_RATIO * info.compress_size
    _forbid_openpyxl(monkeypatch)
    err = refused(path)
    assert err.code == "sheet.xml_too_large"
    assert err.message.startswith("Lembar Data pada berkas bom.xlsx tidak dibaca")
    assert "4 MB" in err.message and "200:1" in err.message


def test_a_part_past_the_size_limit_is_refused_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "g.xlsx"
    write_sheet(path, SPEC, [{"nip": NIP, "name": "Rina"}])
    assert read_sheet(path, SPEC).rows  # readable under the real limit
    with zipfile.ZipFile(path) as archive:
        first = next(i for i in archive.infolist() if i.file_size > 3000)
    monkeypatch.setattr(xlsx_package, "MAX_PART_BYTES", 3000)
    _forbid_openpyxl(monkeypatch)
    err = refused(path)
    if first.filename.startswith("xl/worksheets/"):
        assert err.code == "sheet.xml_too_large" and "Lembar " in err.message
    else:
        assert err.code == "sheet.part_too_large"
        assert f"Bagian {first.filename} pada berkas g.xlsx" in err.message


def test_part_too_large_names_a_worksheet_by_its_title(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = book(tmp_path / "h.xlsx", {"Lain": "visible", "Data": "visible"})
    rewrite(path, "xl/worksheets/sheet2.xml", lambda xml: xml.replace(
        b"</sheetData>", b"</sheetData>" + b"<!--" + b"x" * 60_000 + b"-->"))  # fmt: skip
    monkeypatch.setattr(xlsx_package, "MAX_PART_BYTES", 50_000)
    err = refused(path)
    assert err.code == "sheet.xml_too_large"
    assert err.message.startswith("Lembar Data pada berkas h.xlsx")
