"""The Dasbor's grouped counts (services/reporting/dashboard_reads.py) are the monitor's and the
distribution report's: staff per office and stage as :func:`completion_summary` lists them,
predikat per office as :func:`office_distribution` counts them, for every period of the demo
(issue 16, item 3: the Dasbor no longer reads the monitor's rows nor one office at a time)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation import STAGES, completion_summary
from kinerja_desktop.services.office_eval import office_distribution
from kinerja_desktop.services.reporting import dashboard_counts

PERIODS = ("2026-Q1", "2026-Q2", "2026-Q3", "2026", "2025-Q4")
TODAY = date(2026, 6, 15)


def _expected(db: Database, period: str) -> tuple[dict[str, dict[str, int]], dict[str, object]]:
    summary = completion_summary(db, period, today=TODAY)
    per_office: dict[str, Counter[str]] = {}
    for row in summary.rows:
        per_office.setdefault(row.office_code, Counter())[row.stage] += 1
    stages = {c: {s: n[s] for s in STAGES} for c, n in per_office.items()}
    grades = {c: dict(office_distribution(db, c, period).counts) for c in per_office}
    return stages, grades


def _check(db: Database, period: str) -> None:
    stages, grades = _expected(db, period)
    found = dashboard_counts(db, period, today=TODAY)
    assert {c: dict(v) for c, v in found.stages.items()} == stages
    assert {c: dict(v) for c, v in found.predikat.items()} == grades
    summary = completion_summary(db, period, today=TODAY)
    assert [c for c, _n in found.offices] == sorted(stages)
    assert all(name == r.office_name for c, name in found.offices for r in summary.rows
               if r.office_code == c)  # fmt: skip
    if summary.rows:
        assert (found.deadline, found.days_left) == (
            summary.rows[0].deadline,
            summary.rows[0].days_left,
        )


@pytest.mark.parametrize("period", PERIODS)
def test_counts_are_the_monitors_and_the_distributions(demo_db: Database, period: str) -> None:
    _check(demo_db, period)
    if period != "2025-Q4":
        found = dashboard_counts(demo_db, period, today=TODAY)
        assert len(found.offices) > 5
        if period in ("2026-Q1", "2026-Q2"):  # periods with predikat in the demo
            assert sum(sum(v.values()) for v in found.predikat.values()) > 0
        assert len({s for v in found.stages.values() for s, n in v.items() if n}) > 1


@pytest.mark.sqlite_only("changes the demo copy's rows with sqlite3")
def test_a_move_within_the_period_and_a_left_employee_count_as_before(demo_copy: Path) -> None:
    """An employee moved mid-period belongs to both offices' distribution (the latest
    assignment at each decides whether they head it); an inactive one leaves the stages."""
    with sqlite3.connect(demo_copy) as con:
        employee, office = con.execute(
            "SELECT a.employee_id, a.office_id FROM assignments a JOIN evaluations e "
            "ON e.employee_id = a.employee_id AND e.period = '2026-Q2' AND e.predikat IS NOT NULL "
            "WHERE a.is_head = 0 AND a.end_date IS NULL LIMIT 1"
        ).fetchone()
        other = con.execute(
            "SELECT id FROM offices WHERE id != ? ORDER BY id LIMIT 1", (office,)
        ).fetchone()[0]
        con.execute(
            "UPDATE assignments SET end_date = '2026-05-01' WHERE employee_id = ? AND "
            "end_date IS NULL",
            (employee,),
        )
        con.execute(
            "INSERT INTO assignments (employee_id, office_id, start_date, jabatan, job_kind, "
            "grade, is_head, acting, note, uuid, version, updated_at, updated_by, origin_office) "
            "SELECT employee_id, ?, '2026-05-02', jabatan, job_kind, grade, 0, acting, note, "
            "'moved-0000', 1, updated_at, updated_by, origin_office FROM assignments "
            "WHERE employee_id = ? LIMIT 1",
            (other, employee),
        )
        con.execute(
            "UPDATE employees SET active = 0 WHERE id = (SELECT MAX(employee_id) FROM "
            "evaluations WHERE period = '2026-Q2')"
        )
    with Database.open(demo_copy) as db:
        _check(db, "2026-Q2")


@pytest.mark.sqlite_only("SQLite's bound-parameter limit (SQLITE_LIMIT_VARIABLE_NUMBER)")
def test_no_list_of_ids_is_bound(demo_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kinerja_desktop.gui.dashboard.figures import load_figures
    from tests.services.common.test_bounded_parameters import limited

    with limited(demo_db_path, monkeypatch) as db:
        for period in PERIODS[:4]:
            assert dashboard_counts(db, period, today=TODAY).offices
            figures = load_figures(db, period, None, today=TODAY)
            assert figures.completion and figures.office is not None
            assert load_figures(db, period, "PKM-NGL", today=TODAY).office_code == "PKM-NGL"
