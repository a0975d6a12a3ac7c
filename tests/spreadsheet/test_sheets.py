"""The generic spreadsheet reader and writer: typed cells, header matching, every refusal."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.spreadsheet.columns import Choice, ColumnSpec, SheetSpec, fold
from kinerja_desktop.spreadsheet.reader import SheetReader, read_sheet
from kinerja_desktop.spreadsheet.writer import HELP_SHEET, LIST_SHEET, write_sheet

NIP = "199204152019032001"
SPEC = SheetSpec(
    "Data",
    (
        ColumnSpec("nip", "NIP", ("NIP Baru",), required=True, kind="nip", width=22),
        ColumnSpec("name", "Nama", ("Nama Lengkap",), required=True, help="Nama tanpa gelar."),
        ColumnSpec(
            "kind", "Jenis", kind="choice",
            choices=(Choice("a", "Alfa", ("satu",)), Choice("b", "Beta")),
        ),
        ColumnSpec("count", "Jumlah", kind="int"),
        ColumnSpec("amount", "Nilai", kind="decimal"),
        ColumnSpec("day", "Tanggal", kind="date"),
    ),
    intro=("Satu baris untuk satu data.",),
    max_rows=5,
)  # fmt: skip


def workbook(path: Path, rows: list[list[object]], *, title: str = "Data") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def refused(path: Path, spec: SheetSpec = SPEC) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        read_sheet(path, spec)
    assert caught.value.file == str(path)
    return caught.value


def test_fold_and_duplicate_names_in_a_spec_are_refused() -> None:
    assert fold(" NIP-Baru ") == fold("nip baru") == "nipbaru"
    assert fold("III/a") == fold("IIIa")
    with pytest.raises(ValueError):
        SheetSpec("X", (ColumnSpec("a", "Nama"), ColumnSpec("b", "NAMA ")))


def test_write_then_read_back(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    rows = [
        {"nip": NIP, "name": "Rina", "kind": "a", "count": 3, "amount": Decimal("2.5"),
         "day": date(2026, 1, 2)},
        {"nip": "198811302014021002", "name": "Budi", "kind": "b"},
    ]  # fmt: skip
    assert write_sheet(path, SPEC, rows) == 2

    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Data", HELP_SHEET, LIST_SHEET]
    ws = wb["Data"]
    assert [c.value for c in ws[1]] == ["NIP", "Nama", "Jenis", "Jumlah", "Nilai", "Tanggal"]
    assert ws["A1"].font.bold and ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width == 22
    assert ws["A2"].value == NIP and ws["A2"].number_format == "@"
    assert ws["C2"].value == "Alfa" and ws["F2"].number_format == "DD-MM-YYYY"
    (validation,) = ws.data_validations.dataValidation
    assert validation.formula1 == "='Daftar'!$A$2:$A$3" and "C2" in str(validation.sqref)
    assert wb[LIST_SHEET].sheet_state == "hidden"
    assert [c.value for c in wb[LIST_SHEET]["A"]] == ["Jenis", "Alfa", "Beta"]
    help_text = [[c.value for c in row] for row in wb[HELP_SHEET].iter_rows()]
    assert ["Nama", "Ya", "Nama tanpa gelar.", None, "Nama Lengkap"] in help_text
    assert any(row[0] == "Satu baris untuk satu data." for row in help_text)

    data = read_sheet(path, SPEC)
    assert data.sheet == "Data" and data.header.row == 1
    first, second = data.rows
    assert first.row == 2 and first.errors == []
    assert first.values == {
        "nip": NIP, "name": "Rina", "kind": "a", "count": 3, "amount": Decimal("2.5"),
        "day": date(2026, 1, 2),
    }  # fmt: skip
    assert second.values["count"] is None and second.values["kind"] == "b"


def test_headers_in_any_order_case_and_synonyms_below_a_title(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DAFTAR PEGAWAI KELURAHAN"])
    ws.merge_cells("A1:D1")  # a banner above the header is harmless
    ws.append([])
    ws.append(["no", "nama lengkap", "  nip baru ", "JENIS", "Catatan"])
    ws.append([1, "Rina", "19920415 201903 2 001", "satu", "x"])
    ws.append([2, "Budi", "19881130.201402.1.002", " BETA ", None])
    ws.append([3, None, None, None, None])  # only an unknown column: an empty row
    wb.save(tmp_path / "t.xlsx")

    data = read_sheet(tmp_path / "t.xlsx", SPEC)
    assert data.header.row == 3
    assert data.header.header("nip") == "nip baru"
    assert [r.values for r in data.rows] == [
        {"nip": NIP, "name": "Rina", "kind": "a"},
        {"nip": "198811302014021002", "name": "Budi", "kind": "b"},
    ]
    assert [(w.row, w.column, w.code) for w in data.warnings] == [
        (None, "", "sheet.other_sheet"),  # "Sheet", the only sheet, has not the spec's name
        (3, "no", "sheet.unknown_column"),
        (3, "Catatan", "sheet.unknown_column"),
    ]


def test_cell_errors_name_row_column_and_value(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "t.xlsx",
        [
            ["NIP", "Nama", "Jenis", "Jumlah", "Nilai", "Tanggal"],
            [199204152019032001, "Rina", "Gamma", "3,5", "1.234,5", "31-12-2025"],
            ["1.99204E+17", "", "Alfa", 4.0, "abc", "besok"],
            [NIP, "=A1", "Beta", "x", 1.5, datetime(2026, 2, 1)],
        ],
    )
    rows = read_sheet(path, SPEC).rows
    first = {e.column: e for e in rows[0].errors}
    assert first["NIP"].code == "nip.not_text"
    assert first["NIP"].row == 2
    assert "sebagai Teks" in first["NIP"].message and "1.992042E+17" in first["NIP"].message
    assert "Format the NIP column as Text" in first["NIP"].worded("en")
    assert first["Jenis"].code == "sheet.choice" and "Alfa, Beta" in first["Jenis"].message
    assert first["Jumlah"].code == "sheet.not_integer"
    assert rows[0].values["amount"] == Decimal("1234.5")
    assert rows[0].values["day"] == date(2025, 12, 31)
    assert rows[0].failed == {"nip", "kind", "count"}

    second = {e.column: e.code for e in rows[1].errors}
    assert second == {
        "NIP": "nip.not_text", "Nama": "sheet.required", "Nilai": "sheet.not_number",
        "Tanggal": "sheet.not_date",
    }  # fmt: skip
    assert rows[1].values["count"] == 4

    third = {e.column: e for e in rows[2].errors}
    assert third["Nama"].code == "sheet.formula" and third["Nama"].value == "=A1"
    assert third["Jumlah"].code == "sheet.not_number"
    assert rows[2].values["day"] == date(2026, 2, 1)


def test_merged_cells_in_the_data_are_refused(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["NIP", "Nama"])
    ws.append([NIP, "Rina"])
    ws.append(["198811302014021002", "Budi"])
    ws.merge_cells("B2:B3")
    wb.save(tmp_path / "m.xlsx")
    err = refused(tmp_path / "m.xlsx")
    assert err.code == "sheet.merged"
    assert (err.row, err.field) == (2, "Nama")
    assert "B2:B3" in err.message and "m.xlsx" in err.message


def test_file_level_refusals(tmp_path: Path) -> None:
    text = tmp_path / "data.xlsx"
    text.write_text("NIP;Nama\n1;2\n", encoding="utf-8")
    assert refused(text).code == "sheet.not_xlsx"

    assert refused(tmp_path / "none.xlsx").code == "sheet.missing"

    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    (tmp_path / "old.xlsx").write_bytes(ole + b"Workbook".ljust(64, b"\0"))
    assert refused(tmp_path / "old.xlsx").code == "sheet.old_xls"
    (tmp_path / "secret.xlsx").write_bytes(ole + "EncryptionInfo".encode("utf-16-le"))
    err = refused(tmp_path / "secret.xlsx")
    assert err.code == "sheet.encrypted" and "kata sandi" in err.message

    good = workbook(tmp_path / "good.xlsx", [["NIP", "Nama"], [NIP, "Rina"]])
    (tmp_path / "cut.xlsx").write_bytes(good.read_bytes()[:1500])
    assert refused(tmp_path / "cut.xlsx").code == "sheet.damaged"

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    (tmp_path / "doc.xlsx").write_bytes(buffer.getvalue())
    assert refused(tmp_path / "doc.xlsx").code == "sheet.not_xlsx"

    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    assert refused(broken).code == "sheet.damaged"


def test_sheet_shape_refusals(tmp_path: Path) -> None:
    assert refused(workbook(tmp_path / "e.xlsx", [])).code == "sheet.empty"
    err = refused(workbook(tmp_path / "h.xlsx", [["a", "b"], [1, 2]]))
    assert err.code == "sheet.no_header" and "NIP, Nama" in err.message
    err = refused(workbook(tmp_path / "c.xlsx", [["NIP", "Jenis"], [NIP, "Alfa"]]))
    assert (err.code, err.row, err.field) == ("sheet.missing_columns", 1, "Nama")
    err = refused(workbook(tmp_path / "d.xlsx", [["NIP", "Nama", "NIP Baru"], [NIP, "x", NIP]]))
    assert err.code == "sheet.duplicate_column" and err.field == "NIP Baru"
    assert refused(workbook(tmp_path / "n.xlsx", [["NIP", "Nama"]])).code == "sheet.no_rows"
    rows = [["NIP", "Nama"]] + [[NIP, f"P{i}"] for i in range(6)]
    err = refused(workbook(tmp_path / "big.xlsx", rows))
    assert err.code == "sheet.too_many_rows" and err.row == 7
    assert "Bagi menjadi beberapa berkas" in err.message and "5 baris" in err.message


def test_the_named_sheet_is_preferred_and_readers_close(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["something else"])
    data = wb.create_sheet("data")
    data.append(["NIP", "Nama"])
    data.append([NIP, "Rina"])
    wb.save(tmp_path / "two.xlsx")
    with SheetReader(tmp_path / "two.xlsx", SPEC) as reader:
        assert reader.sheet == "data"
        assert [r.values["name"] for r in reader.rows()] == ["Rina"]
    # The handle is closed: the file can be replaced (Windows would refuse an open file).
    (tmp_path / "two.xlsx").unlink()


def test_a_blank_required_choice_is_reported_on_every_row(tmp_path: Path) -> None:
    spec = SheetSpec(
        "Data",
        (
            ColumnSpec("nip", "NIP", required=True, kind="nip"),
            ColumnSpec("kind", "Jenis", required=True, kind="choice", choices=(Choice("a", "A"),)),
        ),
    )
    rows = [["NIP", "Jenis"], [NIP, "  "], [NIP, "  "], [NIP, "a"], [NIP, "A"]]
    data = read_sheet(workbook(tmp_path / "t.xlsx", rows), spec)
    assert [[e.code for e in r.errors] for r in data.rows] == [
        ["sheet.required"], ["sheet.required"], [], [],
    ]  # fmt: skip
    assert [r.values["kind"] for r in data.rows] == [None, None, "a", "a"]
