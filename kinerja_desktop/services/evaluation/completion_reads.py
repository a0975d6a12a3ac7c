"""The completion monitor's reads, set-based: a fixed handful of queries per period, whatever
the number of employees (issue 16: a city's monitor read each employee's evaluation detail,
about twenty statements a row, and froze for over a minute).

Each figure is the one :func:`~kinerja_desktop.services.evaluation.core.build_detail` gives
for the employee's latest evaluation of the period (lines of the evaluation's SKP, filled
realisations, the newest assessment, the mean uncapped capaian of the RHK Utama lines), read
for every evaluation of the period at once. No statement binds a list of ids: the period's
evaluations are a subquery.

The "Belum ada rencana aksi" figure (issue 19) counts, per SKP, the live RHK without a live
rencana aksi in the period (for the year: in any period of the year), in one grouped query;
it binds only the period codes (at most twelve), never ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, case, exists, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EvaluationStatus, Predikat, RhkKind
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.domain.predikat import predikat as predikat_of
from kinerja_desktop.domain.scoring import mean_capaian
from kinerja_desktop.services.admin.settings import settings_in
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.storage.models import (
    Assessment,
    Assignment,
    Employee,
    Evaluation,
    ExternalPenilai,
    Realisation,
    RencanaAksi,
    Rhk,
    Skp,
    SkpIndicator,
)

__all__ = ["Progress", "penilai_names", "period_progress", "plan_periods", "skp_states"]


@dataclass(frozen=True)
class Progress:
    """How far one employee's latest evaluation of the period is."""

    uuid: str
    revision: int
    status: EvaluationStatus
    filled: int
    total: int
    rated: bool
    mean: Decimal | None
    predikat: Predikat | None
    rhks: int = 0
    unplanned: int = 0


def skp_states(session: Session, year: int) -> dict[int, tuple[bool, EvaluationStatus]]:
    """Per employee: whether an approved SKP of ``year`` exists, and the status of the SKP
    shown (the approved one, else the latest revision)."""
    latest: dict[int, tuple[int, EvaluationStatus]] = {}
    approved: set[int] = set()
    for employee_id, revision, status in session.execute(
        select(Skp.employee_id, Skp.revision, Skp.status).where(
            Skp.year == year, Skp.deleted_at.is_(None)
        )
    ):
        if status == EvaluationStatus.APPROVED:
            approved.add(employee_id)
        held = latest.get(employee_id)
        if held is None or revision > held[0]:
            latest[employee_id] = (revision, status)
    return {
        employee_id: (
            employee_id in approved,
            EvaluationStatus.APPROVED if employee_id in approved else status,
        )
        for employee_id, (_revision, status) in latest.items()
    }


def penilai_names(session: Session) -> tuple[dict[int, str], dict[int, str]]:
    """The names of every atasan named by a current assignment, and of every external penilai."""
    atasan = select(Assignment.atasan_id).where(
        Assignment.end_date.is_(None), Assignment.deleted_at.is_(None)
    )
    people = {
        r.id: full_name(r.name, r.title_prefix, r.title_suffix)
        for r in session.execute(
            select(Employee.id, Employee.name, Employee.title_prefix, Employee.title_suffix).where(
                Employee.id.in_(atasan)
            )
        )
    }
    externals = {
        r.id: r.name for r in session.execute(select(ExternalPenilai.id, ExternalPenilai.name))
    }
    return people, externals


def period_progress(session: Session, code: str) -> dict[int, Progress]:
    """Per employee id: the progress of their latest evaluation of period ``code``."""
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
    lines = _lines_by_skp(session, code)
    values = _values(session, chosen)
    plans = _plan_counts(session, code)
    out: dict[int, Progress] = {}
    for employee_id, ev in latest.items():
        assessment = assessments.get(ev.id)
        own = values.get(ev.id, {})
        skp_lines = lines.get(ev.skp_id, []) if ev.skp_id is not None else []
        filled = sum(1 for ind, _kind in skp_lines if own.get(ind.id) is not None)
        out[employee_id] = Progress(
            uuid=ev.uuid,
            revision=ev.revision,
            status=(state := core.effective(ev, assessment)).status,
            filled=filled,
            total=len(skp_lines),
            rated=bool(assessment and assessment.rating_hasil and assessment.rating_perilaku),
            mean=_mean(skp_lines, own, period),
            predikat=_grade(state, assessment),
            rhks=plans.get(ev.skp_id, (0, 0))[0] if ev.skp_id is not None else 0,
            unplanned=plans.get(ev.skp_id, (0, 0))[1] if ev.skp_id is not None else 0,
        )
    return out


def _grade(state: core.State, assessment: Assessment | None) -> Predikat | None:
    """The predikat as the evaluation detail gives it: decided, else from both ratings."""
    if state.predikat is not None:
        return state.predikat
    if assessment and assessment.rating_hasil and assessment.rating_perilaku:
        return predikat_of(assessment.rating_hasil, assessment.rating_perilaku)
    return None


def _mean(
    lines: list[tuple[Any, RhkKind]], values: dict[int, Any], period: Period
) -> Decimal | None:
    items = []
    for ind, kind in lines:
        value = values.get(ind.id)
        if kind != RhkKind.UTAMA or value is None:
            continue
        score = core.uncapped(ind, core.period_target(ind, period), value)
        if score is not None:
            items.append((score, ind.weight))
    return mean_capaian(items)


def _lines_by_skp(session: Session, code: str) -> dict[int, list[tuple[Any, RhkKind]]]:
    """The live indicators of every SKP an evaluation of the period rests on, in printed
    order (as :func:`~kinerja_desktop.services.evaluation.core.skp_lines`)."""
    skps = select(Evaluation.skp_id).where(
        Evaluation.period == code, Evaluation.deleted_at.is_(None)
    )
    by_skp: dict[int, list[tuple[Any, RhkKind]]] = {}
    # Plain rows with what a line's capaian needs, not ORM objects (a city has 100,000s).
    for ind in session.execute(
        select(
            SkpIndicator.id,
            SkpIndicator.target,
            SkpIndicator.target_hi,
            SkpIndicator.split_rule,
            SkpIndicator.polarity,
            SkpIndicator.weight,
            Rhk.skp_id,
            Rhk.kind,
        )
        .join(Rhk, SkpIndicator.rhk_id == Rhk.id)
        .where(
            Rhk.skp_id.in_(skps),
            Rhk.deleted_at.is_(None),
            SkpIndicator.deleted_at.is_(None),
        )
        .order_by(
            Rhk.skp_id,
            Rhk.kind != RhkKind.UTAMA,
            Rhk.sort_order,
            Rhk.id,
            SkpIndicator.sort_order,
            SkpIndicator.id,
        )
    ):
        by_skp.setdefault(ind.skp_id, []).append((ind, ind.kind))
    return by_skp


def _values(session: Session, chosen: Select[tuple[int]]) -> dict[int, dict[int, Any]]:
    """Per evaluation: the realisation value of each indicator (the last row wins, as in
    :func:`~kinerja_desktop.services.evaluation.core.realisations_by_indicator`)."""
    values: dict[int, dict[int, Any]] = {}
    for evaluation_id, indicator_id, value in session.execute(
        select(Realisation.evaluation_id, Realisation.skp_indicator_id, Realisation.value)
        .where(Realisation.evaluation_id.in_(chosen), Realisation.deleted_at.is_(None))
        .order_by(Realisation.id)
    ):
        values.setdefault(evaluation_id, {})[indicator_id] = value
    return values


def plan_periods(session: Session, code: str) -> list[str]:
    """The periods whose rencana aksi count for period ``code``: itself, or for the year every
    period of the installation's frequency (plans are never written for the year itself)."""
    period = Period.parse(code)
    if period.kind != PeriodKind.YEAR:
        return [code]
    kind = PeriodKind.from_frequency(settings_in(session).evaluation_frequency)
    return [str(p) for p in period.subperiods(kind)]


def _plan_counts(session: Session, code: str) -> dict[int, tuple[int, int]]:
    """Per SKP an evaluation of the period rests on: (live RHK, RHK without a live rencana
    aksi in the period), in one grouped statement."""
    skps = select(Evaluation.skp_id).where(
        Evaluation.period == code, Evaluation.deleted_at.is_(None)
    )
    planned = exists().where(
        RencanaAksi.rhk_id == Rhk.id,
        RencanaAksi.deleted_at.is_(None),
        RencanaAksi.period.in_(plan_periods(session, code)),
    )
    query = (
        select(Rhk.skp_id, func.count(Rhk.id), func.sum(case((planned, 0), else_=1)))
        .where(Rhk.skp_id.in_(skps), Rhk.deleted_at.is_(None))
        .group_by(Rhk.skp_id)
    )
    return {skp_id: (total, int(missing or 0)) for skp_id, total, missing in session.execute(query)}
