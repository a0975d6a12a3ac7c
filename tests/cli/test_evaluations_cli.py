"""``realisations template|export|import`` and ``evaluations status``: outputs and exit codes."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation.completion import completion_summary
from tests.cli.helpers import run

SUMMARY_KEYS = {"created", "updated", "unchanged", "errors", "warnings", "dry_run"}


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def _draft_nips(path: Path) -> set[str]:
    """NIPs of the employees whose 2026-Q3 evaluation is a Draft."""
    con = sqlite3.connect(path)
    nips = {
        r[0]
        for r in con.execute(
            "SELECT e.nip FROM evaluations v JOIN employees e ON e.id = v.employee_id "
            "WHERE v.period = '2026-Q3' AND v.status = 'draft'"
        )
    }
    con.close()
    return nips


def _sheet(path: Path):
    book = openpyxl.load_workbook(path)
    sheet = book["Realisasi"]
    header = [c.value for c in sheet[1]]
    return book, sheet, {name: n for n, name in enumerate(header)}


def test_status_json_matches_the_service(demo_db_path, capsys):
    code, out, _ = run(
        capsys, "--db", str(demo_db_path), "evaluations", "status", "--period", "2026-Q3",
        "--office", "NGL", "--json",
    )  # fmt: skip
    assert code == 0
    payload = json.loads(out)
    with Database.open(demo_db_path) as db:
        summary = completion_summary(db, "2026-Q3", office_code="NGL")
    assert payload["period"] == "2026-Q3" and payload["office"] == "NGL"
    assert payload["total"] == summary.total == len(payload["rows"])
    assert payload["stages"] == summary.stages
    assert {r["nip"] for r in payload["rows"]} == {r.nip for r in summary.rows}
    code, out, _ = run(capsys, "--db", str(demo_db_path), "evaluations", "status", "--period",
                       "2026-Q3")  # fmt: skip
    assert code == 0 and "Belum dimulai" in out
    code, out, err = run(capsys, "--db", str(demo_db_path), "evaluations", "status", "--period",
                         "2026-X")  # fmt: skip
    # An invalid period is a usage error (DESIGN.md 6): nothing was opened.
    assert code == 2 and "2026-X" in err


def test_export_edit_import_with_worked_example(demo_copy, tmp_path, capsys):
    db = ["--db", str(demo_copy)]
    target = tmp_path / "ngl.xlsx"
    code, out, _ = run(capsys, *db, "realisations", "export", str(target), "--period", "2026-Q3",
                       "--office", "NGL", "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["rows"] > 0
    drafts = _draft_nips(demo_copy)
    book, sheet, col = _sheet(target)
    row = next(r for r in sheet.iter_rows(min_row=2) if r[col["NIP"]].value in drafts)
    assert isinstance(row[col["NIP"]].value, str)
    nip, key = row[col["NIP"]].value, row[col["Kode"]].value
    # DOMAIN.md A 1 worked example: lower is better, target 7, realisasi 6.5 -> 107.14.
    con = sqlite3.connect(demo_copy)
    con.execute(
        "UPDATE skp_indicators SET polarity='lower', target=7, split_rule='same', cap=NULL "
        "WHERE id = (SELECT r.skp_indicator_id FROM realisations r JOIN evaluations v ON "
        "v.id = r.evaluation_id JOIN employees e ON e.id = v.employee_id WHERE e.nip = ? AND "
        "v.period = '2026-Q3' ORDER BY r.id LIMIT 1)",
        (nip,),
    )
    con.commit()
    con.close()
    code, out, _ = run(capsys, *db, "realisations", "export", str(target), "--period", "2026-Q3",
                       "--office", "NGL")  # fmt: skip
    book, sheet, col = _sheet(target)
    row = next(
        r for r in sheet.iter_rows(min_row=2)
        if r[col["NIP"]].value == nip and r[col["Kode"]].value == key
    )  # fmt: skip
    row[col["Realisasi"]].value = "6,5"
    book.save(target)
    before = dump(demo_copy)
    code, out, _ = run(capsys, *db, "realisations", "import", str(target), "--period", "2026-Q3",
                       "--dry-run", "--json")  # fmt: skip
    summary = json.loads(out)
    assert code == 0 and set(summary) == SUMMARY_KEYS and summary["dry_run"] is True
    assert summary["updated"] == 1 and summary["errors"] == []
    assert dump(demo_copy) == before
    code, out, _ = run(capsys, *db, "realisations", "import", str(target), "--period", "2026-Q3")
    assert code == 0 and "1 diubah" in out
    again = tmp_path / "again.xlsx"
    run(capsys, *db, "realisations", "export", str(again), "--period", "2026-Q3", "--office", "NGL")
    book, sheet, col = _sheet(again)
    row = next(
        r for r in sheet.iter_rows(min_row=2)
        if r[col["NIP"]].value == nip and r[col["Kode"]].value == key
    )  # fmt: skip
    assert Decimal(str(row[col["Realisasi"]].value)) == Decimal("6.5")
    assert Decimal(str(row[col["Capaian (%)"]].value)) == Decimal("107.14")
    assert row[col["Kategori"]].value == "Sangat Tinggi"


@pytest.mark.parametrize(
    ("value", "code_"), [("sepuluh", "sheet.not_number"), (-4, "realisation.negative")]
)
def test_bad_values_refuse_the_whole_file(demo_copy, tmp_path, capsys, value, code_):
    db = ["--db", str(demo_copy)]
    target = tmp_path / "all.xlsx"
    run(capsys, *db, "realisations", "template", str(target), "--period", "2026-Q3")
    drafts = _draft_nips(demo_copy)
    book, sheet, col = _sheet(target)
    rows = [r for r in sheet.iter_rows(min_row=2) if r[col["NIP"]].value in drafts]
    rows[0][col["Realisasi"]].value = 3  # a good row: still nothing is saved
    counted = next(r for r in rows[1:] if r[col["Kode"]].value == "1.1")
    counted[col["Realisasi"]].value = value
    book.save(target)
    before = dump(demo_copy)
    code, out, err = run(capsys, *db, "realisations", "import", str(target), "--period",
                         "2026-Q3", "--json")  # fmt: skip
    summary = json.loads(out)
    assert code == 1
    assert [e["code"] for e in summary["errors"]] == [code_]
    assert summary["errors"][0]["row"] == counted[0].row
    assert summary["errors"][0]["column"] == "Realisasi"
    assert "tidak ada data yang diubah" in err
    assert dump(demo_copy) == before


def test_locked_period_is_refused(demo_copy, tmp_path, capsys):
    db = ["--db", str(demo_copy)]
    target = tmp_path / "q1.xlsx"
    code, _, _ = run(capsys, *db, "realisations", "export", str(target), "--period", "2026-Q1")
    assert code == 0
    code, out, _ = run(capsys, *db, "realisations", "import", str(target), "--period", "2026-Q1",
                       "--json")  # fmt: skip
    assert code == 1
    assert json.loads(out)["errors"][0]["code"] == "office_eval.period_locked"


def test_duplicate_unknown_code_and_nip_rows(demo_copy, tmp_path, capsys):
    db = ["--db", str(demo_copy)]
    target = tmp_path / "q3.xlsx"
    run(capsys, *db, "realisations", "template", str(target), "--period", "2026-Q3")
    drafts = _draft_nips(demo_copy)
    book, sheet, col = _sheet(target)
    first = next(r for r in sheet.iter_rows(min_row=2) if r[col["NIP"]].value in drafts)
    values = [c.value for c in first]
    values[col["Realisasi"]] = 5
    sheet.append(values)  # the same NIP and code twice
    unknown = list(values)
    unknown[col["Kode"]] = "9.9"
    sheet.append(unknown)
    stranger = list(values)
    stranger[col["NIP"]] = "199001012015031001"
    sheet.append(stranger)
    book.save(target)
    before = dump(demo_copy)
    code, out, _ = run(capsys, *db, "realisations", "import", str(target), "--period",
                       "2026-Q3", "--json")  # fmt: skip
    errors = json.loads(out)["errors"]
    assert code == 1
    assert [e["code"] for e in errors] == [
        "realisation.duplicate_row",
        "realisation.unknown_code",
        "realisation.unknown_nip",
    ]
    assert errors[0]["column"] == "Kode" and errors[1]["value"] == "9.9"
    assert dump(demo_copy) == before


def test_the_period_may_be_written_as_the_gui_shows_it(
    demo_db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by_code = main(["--db", str(demo_db_path), "evaluations", "status", "--period", "2026-Q1",
                    "--json"])  # fmt: skip
    coded = json.loads(capsys.readouterr().out)
    by_name = main(["--db", str(demo_db_path), "evaluations", "status", "--period",
                    "Triwulan I 2026", "--json"])  # fmt: skip
    named = json.loads(capsys.readouterr().out)
    assert by_code == by_name == 0
    assert named == coded


def test_an_invalid_period_is_a_usage_error(
    demo_db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo_db_path.read_bytes()
    code = main(["--db", str(demo_db_path), "evaluations", "status", "--period", "2026-Q5"])
    err = capsys.readouterr().err
    assert code == 2
    assert "Periode tidak sah: 2026-Q5" in err
    assert demo_db_path.read_bytes() == before


def test_a_month_asked_of_a_quarterly_installation_says_so(
    demo_db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(demo_db_path), "evaluations", "status", "--period", "Juli 2026"])
    err = capsys.readouterr().err
    assert code == 1
    assert "2026-07 bukan periode evaluasi instalasi ini" in err and "2026-Q1" in err
