"""``indicators`` and ``skp`` spreadsheets: the demo round trip, edits, refusals, exit codes."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from tests.cli.helpers import run

SUMMARY_KEYS = {"created", "updated", "unchanged", "errors", "warnings", "dry_run"}


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def query(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _edit(path: Path, sheet: str, header: str, row: int, value: object) -> None:
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    column = next(c.column for c in ws[1] if c.value == header)
    ws.cell(row=row, column=column, value=value)
    book.save(path)


def test_demo_catalogue_and_skp_import_back_unchanged(demo_copy, tmp_path, capsys):
    db = ["--db", str(demo_copy)]
    before = dump(demo_copy)
    iku, skp = tmp_path / "iku.xlsx", tmp_path / "skp.xlsx"
    code, out, _ = run(capsys, *db, "indicators", "export", str(iku), "--year", "2026", "--json")
    assert code == 0 and json.loads(out)["rows"] == 53
    code, out, _ = run(capsys, *db, "skp", "export", str(skp), "--year", "2026", "--json")
    assert code == 0 and json.loads(out)["rows"] == 531
    code, out, _ = run(capsys, *db, "indicators", "import", str(iku), "--year", "2026", "--json")
    summary = json.loads(out)
    assert code == 0 and set(summary) == SUMMARY_KEYS
    assert (summary["created"], summary["updated"], summary["unchanged"]) == (0, 0, 53)
    code, out, _ = run(capsys, *db, "skp", "import", str(skp), "--year", "2026", "--json")
    summary = json.loads(out)
    assert code == 0 and (summary["updated"], summary["unchanged"]) == (0, 98)
    assert dump(demo_copy) == before  # nothing was written, not even an audit entry


def test_edited_sheets_update_and_a_dry_run_writes_nothing(demo_copy, tmp_path, capsys):
    db = ["--db", str(demo_copy)]
    iku = tmp_path / "iku.xlsx"
    run(capsys, *db, "indicators", "export", str(iku), "--office", "NGL", "--year", "2026")
    _edit(iku, "IKU", "Target P4", 2, "85")  # IKU-01, triwulan IV
    before = dump(demo_copy)
    code, out, _ = run(capsys, *db, "indicators", "import", str(iku), "--year", "2026",
                       "--dry-run")  # fmt: skip
    assert code == 0 and "1 diubah" in out and dump(demo_copy) == before
    code, out, _ = run(capsys, *db, "indicators", "import", str(iku), "--year", "2026", "--json")
    assert json.loads(out)["updated"] == 1
    sql = (
        "select cast(t.target as real) from indicator_targets t join indicators i on "
        "i.id=t.indicator_id join offices o on o.id=i.office_id where o.code='NGL' and "
        "i.code='IKU-01' and t.period='2026-Q4'"
    )
    assert query(demo_copy, sql) == [(85.0,)]


@pytest.mark.parametrize(
    ("header", "value", "code", "column"),
    [
        ("Target Tahunan", 0, "iku.target_bad", "Target Tahunan"),
        ("Bobot", 30, "iku.weight_missing", "Bobot"),
        ("Target P2", "95-90", "iku.target_bad", "Target Tahunan"),
    ],
)
def test_bad_indicator_rows_are_refused_with_nothing_saved(
    demo_copy, tmp_path, capsys, header, value, code, column
):
    db = ["--db", str(demo_copy)]
    iku = tmp_path / "iku.xlsx"
    run(capsys, *db, "indicators", "export", str(iku), "--office", "NGL", "--year", "2026")
    _edit(iku, "IKU", header, 2, value)
    before = dump(demo_copy)
    rc, out, err = run(capsys, *db, "indicators", "import", str(iku), "--year", "2026", "--json")
    summary = json.loads(out)
    assert rc == 1 and dump(demo_copy) == before
    assert summary["errors"][0]["code"] == code and summary["errors"][0]["row"] == 2
    assert summary["errors"][0]["column"] == column
    assert "Impor ditolak" in err


def test_skp_row_naming_a_wrong_atasan_rhk_is_refused(demo_copy, tmp_path, capsys):
    db = ["--db", str(demo_copy)]
    skp = tmp_path / "skp.xlsx"
    run(capsys, *db, "skp", "export", str(skp), "--office", "NGL", "--year", "2026")
    book = openpyxl.load_workbook(skp)
    ws = book["SKP"]
    names = [c.value for c in ws[1]]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    draft = next(i for i, r in enumerate(rows, start=2) if r[1].startswith("Masrizal"))
    ws.cell(row=draft, column=names.index("No RHK Atasan") + 1, value=9)
    book.save(skp)
    before = dump(demo_copy)
    rc, out, _ = run(capsys, *db, "skp", "import", str(skp), "--year", "2026", "--json")
    error = json.loads(out)["errors"][0]
    assert rc == 1 and error["code"] == "skp.sheet_parent_number" and error["row"] == draft
    assert dump(demo_copy) == before


def test_skp_edit_of_a_draft_applies(demo_copy, tmp_path, capsys):
    db = ["--db", str(demo_copy)]
    skp = tmp_path / "skp.xlsx"
    run(capsys, *db, "skp", "export", str(skp), "--office", "NGL", "--year", "2026")
    book = openpyxl.load_workbook(skp)
    ws = book["SKP"]
    names = [c.value for c in ws[1]]
    draft = next(
        i for i, r in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2)
        if r[1].startswith("Masrizal")
    )  # fmt: skip
    ws.cell(row=draft, column=names.index("Target") + 1, value=30)
    book.save(skp)
    rc, out, _ = run(capsys, *db, "skp", "import", str(skp), "--year", "2026", "--json")
    assert rc == 0 and json.loads(out)["updated"] == 1
    approved = next(
        i for i, r in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2)
        if r[1].startswith("Irwan")
    )  # fmt: skip
    ws.cell(row=approved, column=names.index("Target") + 1, value=99)
    book.save(skp)
    rc, out, _ = run(capsys, *db, "skp", "import", str(skp), "--year", "2026", "--json")
    assert rc == 1 and json.loads(out)["errors"][0]["code"] == "skp.approved_locked"


def test_template_and_usage(demo_copy, tmp_path, capsys):
    db = ["--db", str(demo_copy)]
    code, out, _ = run(capsys, *db, "skp", "template", str(tmp_path / "t.xlsx"), "--json")
    assert code == 0 and json.loads(out)["ok"]
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames[0] == "SKP"
    code, _, _ = run(capsys, *db, "indicators", "export", str(tmp_path / "x.xlsx"), "--year", "x")
    assert code == 2
    code, out, _ = run(capsys, *db, "indicators", "export", str(tmp_path / "x.xlsx"),
                       "--office", "NOPE", "--json")  # fmt: skip
    assert code == 1 and json.loads(out)["error"]["code"] == "office.not_found"


def test_import_summaries_say_what_they_count(demo_copy, tmp_path, capsys):
    db = ["--db", str(demo_copy)]
    iku, skp = tmp_path / "iku.xlsx", tmp_path / "skp.xlsx"
    code, out, _ = run(capsys, *db, "skp", "export", str(skp), "--year", "2026")
    assert code == 0 and out.startswith("531 baris diekspor")
    code, out, _ = run(capsys, *db, "skp", "import", str(skp), "--year", "2026", "--dry-run")
    assert code == 0
    assert out.startswith("Uji coba impor SKP (tidak ada yang disimpan) — jumlah SKP (satu per "
                          "pegawai): 0 baru, 0 diubah, 98 tidak berubah.")  # fmt: skip
    assert "pegawai selesai" not in out
    run(capsys, *db, "indicators", "export", str(iku), "--year", "2026")
    code, out, _ = run(capsys, *db, "--lang", "en", "indicators", "import", str(iku), "--year",
                       "2026")  # fmt: skip
    assert out.startswith("IKU catalogue import done — IKU: 0 created, 0 updated, 53 unchanged.")
