"""The completion monitor's reads, set-based: a fixed handful of queries per period, whatever
the number of employees (issue 16: a city's monitor read each employee's evaluation detail,
about twenty statements a row, and froze for over a minute).

Each figure is the one :func:`~kinerja_desktop.services.evaluation.core.build_detail` gives
for the employee's latest evaluation of the period (lines of the evaluation's SKP, filled
realisations, the newest assessment, the mean uncapped capaian of the RHK Utama lines), read
for every evaluation of the period at once. No statement binds a list of ids: the period's
evaluations are a subquery. The lines and the filled realisations are counted in SQL (GROUP BY
SKP, GROUP BY evaluation); evaluations and assessments are read as plain Core rows, one at a
time (the ORM's objects cost seconds for a city, and its result converts a whole result in one
call that keeps the GIL from the GUI thread while the monitor or the Dasbor reads); the mean
capaian is computed in one pass (:func:`_means`). tests/services/evaluation/test_progress_reads.py
compares every figure with the per-employee algorithm this replaced.

The "Belum ada rencana aksi" figure (issue 19) counts, per SKP, the live RHK without a live
rencana aksi in the period (for the year: in any period of the year), in one grouped query;
it binds only the period codes (at most twelve), never ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Float, Select, String, case, exists, func, null, select, type_coerce
from sqlalchemy.engine import processors
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EvaluationStatus, Polarity, Predikat, RhkKind, SplitRule
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.domain.predikat import predikat as predikat_of
from kinerja_desktop.domain.scoring import mean_capaian
from kinerja_desktop.services.admin.settings import settings_in
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.services.evaluation.stored import ConvertOnce
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
from kinerja_desktop.storage.models.columns import Score

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
    for employee_id, revision, status in session.connection().execute(
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
        for r in session.connection().execute(
            select(Employee.id, Employee.name, Employee.title_prefix, Employee.title_suffix).where(
                Employee.id.in_(atasan)
            )
        )
    }
    externals = {
        r.id: r.name
        for r in session.connection().execute(select(ExternalPenilai.id, ExternalPenilai.name))
    }
    return people, externals


def period_progress(session: Session, code: str, *, means: bool = True) -> dict[int, Progress]:
    """Per employee id: the progress of their latest evaluation of period ``code``, from a
    fixed handful of grouped statements over plain rows (no ORM object per employee).
    ``means=False`` leaves the mean capaian out (``None``): the Dasbor counts stages only."""
    chosen = select(Evaluation.id).where(Evaluation.period == code, Evaluation.deleted_at.is_(None))
    latest = _latest_heads(session, code)
    decisions = _decisions(session, chosen)
    totals = _line_counts(session, code)
    filled = _filled_counts(session, chosen)
    mean_of = _means(session, code, chosen) if means else {}
    plans = _plan_counts(session, code)
    out: dict[int, Progress] = {}
    for employee_id, ev in latest.items():
        assessment = decisions.get(ev.id)
        state = core.effective(ev, assessment)
        rhks, unplanned = plans.get(ev.skp_id, (0, 0)) if ev.skp_id is not None else (0, 0)
        out[employee_id] = Progress(
            uuid=ev.uuid,
            revision=ev.revision,
            status=state.status,
            filled=filled.get(ev.id, 0),
            total=totals.get(ev.skp_id, 0) if ev.skp_id is not None else 0,
            rated=bool(assessment and assessment.rating_hasil and assessment.rating_perilaku),
            mean=mean_of.get(ev.id),
            predikat=_grade(state, assessment),
            rhks=rhks,
            unplanned=unplanned,
        )
    return out


def _latest_heads(session: Session, code: str) -> dict[int, Any]:
    """Per employee: the plain row of their highest revision of the period (the first read
    wins a tie, as before), with what :func:`core.effective` reads."""
    latest: dict[int, Any] = {}
    for ev in session.connection().execute(
        select(
            Evaluation.id,
            Evaluation.employee_id,
            Evaluation.uuid,
            Evaluation.revision,
            Evaluation.skp_id,
            Evaluation.status,
            Evaluation.status_reason,
            Evaluation.predikat,
            Evaluation.approved_at,
            Evaluation.submitted_at,
            null().label("snapshot"),
        )
        .where(Evaluation.period == code, Evaluation.deleted_at.is_(None))
        .order_by(Evaluation.id)
    ):
        held = latest.get(ev.employee_id)
        if held is None or ev.revision > held.revision:
            latest[ev.employee_id] = ev
    return latest


def _decisions(session: Session, chosen: Select[tuple[int]]) -> dict[int, Any]:
    """Per evaluation: its newest live assessment as a plain row (the frozen snapshot left
    out: the monitor never shows it)."""
    newest: dict[int, Any] = {}
    for row in session.connection().execute(
        select(
            Assessment.evaluation_id,
            Assessment.decision,
            Assessment.decided_at,
            Assessment.decision_reason,
            Assessment.predikat,
            Assessment.rating_hasil,
            Assessment.rating_perilaku,
            null().label("snapshot"),
        )
        .where(Assessment.evaluation_id.in_(chosen), Assessment.deleted_at.is_(None))
        .order_by(Assessment.id)
    ):
        newest[row.evaluation_id] = row
    return newest


def _grade(state: core.State, assessment: Any | None) -> Predikat | None:
    """The predikat as the evaluation detail gives it: decided, else from both ratings."""
    if state.predikat is not None:
        return state.predikat
    if assessment and assessment.rating_hasil and assessment.rating_perilaku:
        return predikat_of(assessment.rating_hasil, assessment.rating_perilaku)
    return None


def _live_lines() -> Select[Any]:
    """The live indicators of live RHK (a line of the SKP's printed form)."""
    return (
        select(SkpIndicator.id)
        .join(Rhk, SkpIndicator.rhk_id == Rhk.id)
        .where(Rhk.deleted_at.is_(None), SkpIndicator.deleted_at.is_(None))
    )


def _line_counts(session: Session, code: str) -> dict[int, int]:
    """Per SKP an evaluation of the period rests on: its lines, counted in one grouped query."""
    skps = select(Evaluation.skp_id).where(
        Evaluation.period == code, Evaluation.deleted_at.is_(None)
    )
    query = (
        _live_lines()
        .with_only_columns(Rhk.skp_id, func.count(SkpIndicator.id))
        .where(Rhk.skp_id.in_(skps))
        .group_by(Rhk.skp_id)
    )
    return {skp_id: int(n) for skp_id, n in session.connection().execute(query)}


def _filled_counts(session: Session, chosen: Select[tuple[int]]) -> dict[int, int]:
    """Per evaluation: the lines of its own SKP with a realisation value, in one grouped
    query (one realisation per evaluation and indicator: a unique constraint)."""
    query = (
        _filled_lines(chosen)
        .with_only_columns(Realisation.evaluation_id, func.count(Realisation.id))
        .group_by(Realisation.evaluation_id)
    )
    return {ev_id: int(n) for ev_id, n in session.connection().execute(query)}


def _filled_lines(chosen: Select[tuple[int]]) -> Select[Any]:
    """The live lines of each chosen evaluation's own SKP that hold a realisation value, one
    row per line (columns chosen by the caller)."""
    return (
        _live_lines()
        .join(Realisation, Realisation.skp_indicator_id == SkpIndicator.id)
        .join(Evaluation, Evaluation.id == Realisation.evaluation_id)
        .where(
            Realisation.evaluation_id.in_(chosen),
            Realisation.deleted_at.is_(None),
            Realisation.value.is_not(None),
            Rhk.skp_id == Evaluation.skp_id,
        )
    )


class _Line(NamedTuple):
    """What :func:`core.period_target` and :func:`core.uncapped` read of an indicator."""

    target: Decimal
    target_hi: Decimal | None
    split_rule: SplitRule
    polarity: Polarity


def _means(session: Session, code: str, chosen: Select[tuple[int]]) -> dict[int, Decimal | None]:
    """Per evaluation: the mean uncapped capaian of the filled RHK Utama lines of its own SKP,
    from one query in one pass. The lines come in printed order, so each mean adds the same
    Decimals in the same order as the evaluation detail; each distinct (value, target, rule)
    is scored once (a city's 55,000 lines hold a few thousand), and each stored number is
    turned into a Decimal by the column type's own converter, once per distinct number."""
    period = Period.parse(code)
    rows = session.connection().execute(
        _filled_lines(chosen)
        .with_only_columns(
            Realisation.evaluation_id,
            type_coerce(Realisation.value, Float),
            type_coerce(SkpIndicator.target, Float),
            type_coerce(SkpIndicator.target_hi, Float),
            type_coerce(SkpIndicator.split_rule, String),
            type_coerce(SkpIndicator.polarity, String),
            type_coerce(SkpIndicator.weight, Float),
        )
        .where(Rhk.kind == RhkKind.UTAMA)
        .order_by(
            Realisation.evaluation_id,
            Rhk.sort_order,
            Rhk.id,
            SkpIndicator.sort_order,
            SkpIndicator.id,
        )
    )
    decimal = ConvertOnce(processors.to_decimal_processor_factory(Decimal, Score.scale))
    scores: dict[tuple[Any, ...], Decimal | None] = {}
    items: dict[int, list[tuple[Decimal, Decimal | None]]] = {}
    for ev_id, value, target, target_hi, rule, polarity, weight in rows:
        key = (value, target, target_hi, rule, polarity)
        score = scores.get(key, _UNSET)
        if score is _UNSET:
            line = _Line(decimal(target), decimal(target_hi), SplitRule(rule), Polarity(polarity))
            in_period = core.period_target(line, period)  # type: ignore[arg-type]
            score = scores[key] = core.uncapped(line, in_period, decimal(value))  # type: ignore[arg-type]
        bucket = items.setdefault(ev_id, [])
        if score is not None:
            bucket.append((score, decimal(weight)))  # type: ignore[arg-type]
    return {ev_id: mean_capaian(found) for ev_id, found in items.items()}


_UNSET: Any = object()


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
    return {
        skp_id: (total, int(missing or 0))
        for skp_id, total, missing in session.connection().execute(query)
    }
