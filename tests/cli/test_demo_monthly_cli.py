"""``demo --office NGL-GRL --frequency monthly``: the monthly example on the command line
(issue 20.4)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.helpers import run


def test_monthly_single_office_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "bulanan.sqlite"
    code, out, _ = run(capsys, "--db", str(db), "demo", "--office", "NGL-GRL",
                       "--frequency", "monthly", "--json")  # fmt: skip
    body = json.loads(out)
    assert code == 0 and body["office"] == "NGL-GRL" and body["frequency"] == "monthly"
    con = sqlite3.connect(db)
    try:
        frequency = con.execute(
            "SELECT value FROM settings WHERE key = 'evaluation_frequency'"
        ).fetchone()[0]
        periods = {r[0] for r in con.execute("SELECT DISTINCT period FROM evaluations")}
    finally:
        con.close()
    assert json.loads(frequency) == "monthly"
    assert periods == {"2026-01", "2026-02", "2026-03"}
    pdf = tmp_path / "feb.pdf"
    code, out, _ = run(capsys, "--db", str(db), "report", "recap", "--office", "NGL-GRL",
                       "--period", "2026-02", "--out", str(pdf), "--json")  # fmt: skip
    assert code == 0, out
    assert pdf.exists()


def test_unknown_frequency_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "x.sqlite"), "demo", "--frequency",
                       "weekly")  # fmt: skip
    assert code == 2 and "weekly" in err and not (tmp_path / "x.sqlite").exists()
