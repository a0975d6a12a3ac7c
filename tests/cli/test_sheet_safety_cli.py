"""The reader's refusals through the real doors: ``employees import`` and ``indicators import``
refuse a hidden sheet and an over-expanding one with exit 1, a message naming file and sheet,
and the database unchanged; an export with formula-like text imports back with 0 changes."""

from __future__ import annotations

import json
import re
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.cli.helpers import run


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return list(con.iterdump())
    finally:
        con.close()


def test_hidden_or_exploding_sheets_are_refused_and_change_nothing(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(demo_copy)]
    exported = tmp_path / "pegawai.xlsx"
    assert run(capsys, *db, "employees", "export", str(exported))[0] == 0
    before = dump(demo_copy)

    hidden = tmp_path / "tersembunyi.xlsx"
    wb = openpyxl.load_workbook(exported)
    wb["Pegawai"].sheet_state = "hidden"
    wb.save(hidden)
    code, out, _ = run(capsys, *db, "employees", "import", str(hidden), "--json")
    assert code == 1
    (error,) = json.loads(out)["errors"]
    assert error["code"] == "sheet.hidden"
    assert "Lembar Pegawai pada berkas tersembunyi.xlsx disembunyikan" in error["message"]

    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(exported) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"(<worksheet[^>]*>)", lambda m: m.group(1) + b" " * 8_000_000,
                              data, count=1)  # fmt: skip
            dst.writestr(info.filename, data)
    code, out, _ = run(capsys, *db, "employees", "import", str(bomb), "--json")
    assert code == 1
    (error,) = json.loads(out)["errors"]
    assert error["code"] == "sheet.xml_too_large"
    assert error["message"].startswith("Lembar Pegawai pada berkas bom.xlsx tidak dibaca")
    assert dump(demo_copy) == before


def test_formula_like_text_survives_an_export_and_import_by_cli(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    con = sqlite3.connect(demo_copy)
    con.execute(
        "update indicators set name = '=HYPERLINK(\"x\")', unit = '@budi' where id = (select "
        "i.id from indicators i join offices o on o.id = i.office_id where o.code = 'NGL' and "
        "i.year = 2026 order by i.code limit 1)"
    )
    con.commit()
    con.close()
    db = ["--db", str(demo_copy)]
    iku = tmp_path / "iku.xlsx"
    assert run(capsys, *db, "indicators", "export", str(iku), "--office", "NGL", "--year",
               "2026")[0] == 0  # fmt: skip
    cell = next(
        c for row in openpyxl.load_workbook(iku)["IKU"].iter_rows() for c in row
        if c.value == '=HYPERLINK("x")'
    )  # fmt: skip
    assert (cell.data_type, cell.quotePrefix) == ("s", True)
    code, out, _ = run(capsys, *db, "indicators", "import", str(iku), "--year", "2026", "--json")
    summary = json.loads(out)
    assert code == 0 and summary["errors"] == [] and summary["updated"] == 0
