"""``rencana-aksi template|export|import``: the round trip reports 0 changes, a bad row refuses
the file (exit 1, file, row and column in the message), the reading commands take no lock."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl

from kinerja_desktop.cli import edge
from kinerja_desktop.cli.core import build_parser
from tests.cli.helpers import run

SUMMARY_KEYS = {"created", "updated", "unchanged", "errors", "warnings", "dry_run"}


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def test_export_then_dry_run_import_reports_no_change(demo_copy, tmp_path, capsys):
    db = ["--db", str(demo_copy)]
    target = tmp_path / "ra.xlsx"
    code, out, _ = run(capsys, *db, "rencana-aksi", "export", str(target), "--period", "2026-Q2")
    assert code == 0 and "baris rencana aksi diekspor" in out and target.exists()
    before = dump(demo_copy)
    code, out, err = run(capsys, *db, "rencana-aksi", "import", str(target), "--period",
                         "2026-Q2", "--dry-run", "--json")  # fmt: skip
    summary = json.loads(out)
    assert code == 0 and set(summary) == SUMMARY_KEYS and err == ""
    assert (summary["created"], summary["updated"]) == (0, 0) and summary["unchanged"] > 100
    assert summary["dry_run"] is True
    code, out, _ = run(capsys, *db, "rencana-aksi", "import", str(target), "--period", "2026-Q2",
                       "--dry-run")  # fmt: skip
    assert code == 0 and "0 baru, 0 diubah" in out and "tidak ada yang disimpan" in out
    assert dump(demo_copy) == before


def test_template_filled_imports_and_a_bad_row_refuses_the_file(demo_copy, tmp_path, capsys):
    db = ["--db", str(demo_copy)]
    target = tmp_path / "templat.xlsx"
    code, _, _ = run(capsys, *db, "rencana-aksi", "template", str(target), "--period", "2026-Q3",
                     "--office", "NGL")  # fmt: skip
    assert code == 0
    drafts = {n for (n,) in sqlite3.connect(demo_copy).execute(
        "SELECT e.nip FROM evaluations v JOIN employees e ON e.id = v.employee_id "
        "WHERE v.period = '2026-Q3' AND v.status = 'draft' AND v.origin_office = 'NGL'"
    )}  # fmt: skip
    book = openpyxl.load_workbook(target)
    sheet = book["Rencana Aksi"]
    col = {c.value: i for i, c in enumerate(sheet[1])}
    rows = [r for r in sheet.iter_rows(min_row=2) if r[col["NIP"]].value in drafts]
    rows[0][col["Rencana Aksi"]].value = "Menyusun laporan"
    rows[0][col["Target"]].value = 2
    rows[1][col["Target"]].value = "dua"  # a target that is no number
    book.save(target)
    before = dump(demo_copy)
    code, out, err = run(capsys, *db, "rencana-aksi", "import", str(target), "--period",
                         "2026-Q3", "--json")  # fmt: skip
    summary = json.loads(out)
    assert code == 1 and [e["row"] for e in summary["errors"]] == [rows[1][0].row]
    assert summary["errors"][0]["column"] == "Target"
    assert f"templat.xlsx, baris {rows[1][0].row}" in err and "Target" in err
    assert dump(demo_copy) == before
    rows[1][col["Target"]].value = None
    book.save(target)
    code, out, _ = run(capsys, *db, "rencana-aksi", "import", str(target), "--period", "2026-Q3")
    assert code == 0 and "1 baru" in out


def test_reading_commands_take_no_writer_lock():
    parser = build_parser()
    for verb, extra in (("template", []), ("export", []), ("import", [])):
        args = parser.parse_args(["rencana-aksi", verb, "f.xlsx", "--period", "2026-Q3", *extra])
        assert edge.writes(args, Path("x.sqlite")) == (verb == "import")
