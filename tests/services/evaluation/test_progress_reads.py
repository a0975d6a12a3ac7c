"""The monitor's progress read (:func:`completion_reads.period_progress`) gives what the
per-employee algorithm it replaced gave (issue 16, item 3).

The reference below is that algorithm as it stood before the grouped rewrite: ORM evaluations
and assessments, the SKP's lines in printed order, each line's capaian computed per row. The
rewrite must give the same figures, Decimal for Decimal, for every period of the demo, the
year included; and it must bind no list of ids (SQLite limited to a few variables).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import RhkKind
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.predikat import predikat as predikat_of
from kinerja_desktop.domain.scoring import mean_capaian
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation import completion_reads, core
from kinerja_desktop.storage.models import Evaluation, Realisation, Rhk

PERIODS = ("2026-Q1", "2026-Q2", "2026-Q3", "2026", "2025-Q4")


def _reference(session: Session, code: str) -> dict[int, completion_reads.Progress]:
    """period_progress as it was: ORM rows, one employee at a time."""
    period = Period.parse(code)
    chosen = select(Evaluation.id).where(Evaluation.period == code, Evaluation.deleted_at.is_(None))
    latest: dict[int, Evaluation] = {}
    for ev in session.execute(
        select(Evaluation).where(Evaluation.period == code, Evaluation.deleted_at.is_(None))
    ).scalars():
        held = latest.get(ev.employee_id)
        if held is None or ev.revision > held.revision:
            latest[ev.employee_id] = ev
    assessments = core.newest_assessments(session, chosen)
    out: dict[int, completion_reads.Progress] = {}
    for employee_id, ev in latest.items():
        assessment = assessments.get(ev.id)
        lines = [(line.indicator, line.rhk.kind) for line in core.skp_lines(session, ev.skp_id)]
        values = {
            r.skp_indicator_id: r.value
            for r in session.execute(
                select(Realisation)
                .where(Realisation.evaluation_id == ev.id, Realisation.deleted_at.is_(None))
                .order_by(Realisation.id)
            ).scalars()
        }
        state = core.effective(ev, assessment)
        rated = bool(assessment and assessment.rating_hasil and assessment.rating_perilaku)
        grade = state.predikat
        if grade is None and rated:
            grade = predikat_of(assessment.rating_hasil, assessment.rating_perilaku)  # type: ignore[union-attr]
        rhks, unplanned = _plans(session, code, ev.skp_id)
        out[employee_id] = completion_reads.Progress(
            uuid=ev.uuid,
            revision=ev.revision,
            status=state.status,
            filled=sum(1 for ind, _kind in lines if values.get(ind.id) is not None),
            total=len(lines),
            rated=rated,
            mean=_mean(lines, values, period),
            predikat=grade,
            rhks=rhks,
            unplanned=unplanned,
        )
    return out


def _mean(lines: list[tuple[Any, RhkKind]], values: dict[int, Any], period: Period) -> Any:
    items = []
    for ind, kind in lines:
        value = values.get(ind.id)
        if kind != RhkKind.UTAMA or value is None:
            continue
        score = core.uncapped(ind, core.period_target(ind, period), value)
        if score is not None:
            items.append((score, ind.weight))
    return mean_capaian(items)


def _plans(session: Session, code: str, skp_id: int | None) -> tuple[int, int]:
    from kinerja_desktop.storage.models import RencanaAksi

    if skp_id is None:
        return 0, 0
    periods = completion_reads.plan_periods(session, code)
    rhks = session.execute(
        select(Rhk.id).where(Rhk.skp_id == skp_id, Rhk.deleted_at.is_(None))
    ).scalars()
    total = missing = 0
    for rhk_id in rhks:
        total += 1
        planned = session.execute(
            select(RencanaAksi.id).where(
                RencanaAksi.rhk_id == rhk_id,
                RencanaAksi.deleted_at.is_(None),
                RencanaAksi.period.in_(periods),
            )
        ).first()
        missing += planned is None
    return total, missing


@pytest.mark.parametrize("code", PERIODS)
def test_same_progress_as_the_per_employee_algorithm(demo_db: Database, code: str) -> None:
    with demo_db.uow() as uow:
        expected = _reference(uow.session, code)
        found = completion_reads.period_progress(uow.session, code)
    assert found == expected
    if code != "2025-Q4":  # the demo's history starts in 2026
        assert expected, "the demo has evaluations in this period"
        assert any(p.mean is not None for p in expected.values())
        assert any(p.filled for p in expected.values())


def test_the_figures_are_exact_decimals(demo_db: Database) -> None:
    """Not merely equal after rounding: the very Decimals, digit for digit."""
    with demo_db.uow() as uow:
        expected = _reference(uow.session, "2026-Q2")
        found = completion_reads.period_progress(uow.session, "2026-Q2")
    means = [(found[k].mean, expected[k].mean) for k in expected if expected[k].mean is not None]
    assert means
    assert all(isinstance(a, Decimal) and str(a) == str(b) for a, b in means)


@pytest.mark.sqlite_only("SQLite's bound-parameter limit (SQLITE_LIMIT_VARIABLE_NUMBER)")
def test_no_list_of_ids_is_bound(demo_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.services.common.test_bounded_parameters import limited

    with limited(demo_db_path, monkeypatch) as db, db.uow() as uow:
        for code in PERIODS:
            assert len(completion_reads.period_progress(uow.session, code)) >= 0
