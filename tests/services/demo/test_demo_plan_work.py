"""The demo's rencana aksi, evidence files and annual evaluation (issue 19): present, frozen
with their approvals, listed by the services, and the same bytes on every build."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Row, text

from kinerja_desktop.domain.enums import SplitRule
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.demo.build import build_demo
from kinerja_desktop.services.evaluation.rencana_aksi_lists import list_rencana_aksi
from tests.services.demo.test_demo import rows


def _rows(db: Database, sql: str, *params: object) -> list[Row[Any]]:
    """The rows of ``sql`` (``?`` placeholders) read from ``db`` (either engine)."""
    pieces = sql.split("?")
    named = "".join(f"{piece}:p{i}" for i, piece in enumerate(pieces[:-1])) + pieces[-1]
    with db.engine.connect() as con:
        return list(con.execute(text(named), {f"p{i}": v for i, v in enumerate(params)}))


def test_approved_periods_have_plans_frozen_in_their_snapshot(demo_db: Database) -> None:
    approved = _rows(demo_db, "SELECT * FROM evaluations WHERE status = 'approved'")
    assert approved
    planned = {
        (r.employee_id, r.period)
        for r in _rows(
            demo_db,
            "SELECT s.employee_id, a.period FROM rencana_aksi a JOIN rhk r ON r.id = a.rhk_id "
            "JOIN skp s ON s.id = r.skp_id",
        )
    }
    assert {(e.employee_id, e.period) for e in approved} <= planned
    # Only approved periods: the drafts of Triwulan III are the clerk's to plan.
    assert {p for _, p in planned} == {"2026-Q1", "2026-Q2"}
    with_target = _rows(demo_db, "SELECT * FROM rencana_aksi WHERE target IS NOT NULL")
    assert with_target and all(r.unit for r in with_target)
    ev = approved[0]
    snapshot = json.loads(ev.snapshot) if isinstance(ev.snapshot, str) else ev.snapshot
    frozen = snapshot["rencana_aksi"]
    listed = list_rencana_aksi(demo_db, ev.uuid)
    assert listed and all(g.frozen for g in listed)
    assert [[p.text for p in g.plans] for g in listed] == [
        [p["text"] for p in g["plans"]] for g in frozen
    ]
    assert all(g.plans for g in listed)


@pytest.mark.sqlite_only("the evidence folder sits beside the demo file")
def test_evidence_files_are_made_by_the_demo_and_some_link_a_plan(demo_db_path: Path) -> None:
    files = rows(demo_db_path, "SELECT * FROM evidence")
    kinds = {f["media_type"] for f in files}
    assert kinds == {"application/pdf", "image/png"}
    linked = [f for f in files if f["rencana_aksi_id"] is not None]
    assert linked and len(linked) < len(files)
    folder = demo_db_path.parent / f"{demo_db_path.stem}-bukti"
    for f in files:
        ext = ".pdf" if f["media_type"] == "application/pdf" else ".png"
        data = (folder / f"{f['sha256']}{ext}").read_bytes()
        assert hashlib.sha256(data).hexdigest() == f["sha256"] and len(data) == f["size"]
        assert data.startswith(b"%PDF" if ext == ".pdf" else b"\x89PNG\r\n\x1a\n")
    # A linked file shows a plan of its own realisation's RHK and period.
    same = rows(
        demo_db_path,
        "SELECT count(*) FROM evidence x JOIN realisations r ON r.id = x.realisation_id "
        "JOIN evaluations e ON e.id = r.evaluation_id JOIN skp_indicators i "
        "ON i.id = r.skp_indicator_id JOIN rencana_aksi a ON a.id = x.rencana_aksi_id "
        "WHERE a.rhk_id = i.rhk_id AND a.period = e.period",
    )
    assert same[0][0] == len(linked)


def test_one_annual_evaluation_rolled_up_from_the_periods(demo_db: Database) -> None:
    annual = _rows(demo_db, "SELECT * FROM evaluations WHERE period = '2026'")
    assert [a.status for a in annual] == ["draft"]
    a = annual[0]
    values = _rows(
        demo_db,
        "SELECT r.skp_indicator_id, r.value, i.split_rule FROM realisations r "
        "JOIN skp_indicators i ON i.id = r.skp_indicator_id WHERE r.evaluation_id = ?",
        a.id,
    )
    assert values
    periods = _rows(
        demo_db,
        "SELECT r.skp_indicator_id, r.value FROM realisations r JOIN evaluations e "
        "ON e.id = r.evaluation_id WHERE e.employee_id = ? AND e.period LIKE '2026-%' "
        "ORDER BY e.period",
        a.employee_id,
    )
    for indicator, value, rule in values:
        parts = [Decimal(str(v)) for i, v in periods if i == indicator]
        expected = sum(parts) if rule == SplitRule.CUMULATIVE.value else parts[-1]
        if rule == SplitRule.SAME.value:
            expected = sum(parts) / len(parts)
        assert abs(Decimal(str(value)) - expected) < Decimal("0.00001"), (indicator, rule)


@pytest.mark.sqlite_only("compares the evidence folders beside two demo files")
def test_the_files_are_the_same_bytes_on_every_build(demo_db_path: Path, tmp_path: Path) -> None:
    build_demo(tmp_path / "again.sqlite", office_code="NGL-GRL")
    again = sorted((tmp_path / "again-bukti").iterdir())
    assert again
    full = demo_db_path.parent / f"{demo_db_path.stem}-bukti"
    for path in again:
        assert path.read_bytes() == (full / path.name).read_bytes()
