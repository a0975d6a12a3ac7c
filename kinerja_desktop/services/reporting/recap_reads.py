"""The recaps' reads, set-based: the IKU, staff and evaluation states of one office or of every
office for a period in a fixed handful of queries (issue 16: the recap asked two queries per
IKU and one per employee, and bound every employee id of an office in one ``IN`` list).

No statement binds a list of ids: the chosen office's staff and evaluations are subqueries.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.domain.scoring import category, format_number, round2
from kinerja_desktop.domain.targets import annual_realisation, split_target
from kinerja_desktop.reports.model import IkuRow
from kinerja_desktop.services.admin.settings import AppSettings
from kinerja_desktop.services.evaluation.core import effective, newest_assessments
from kinerja_desktop.services.plans.indicators import safe_capaian
from kinerja_desktop.services.reporting.people import EvalState
from kinerja_desktop.services.reporting.results import fmt_value
from kinerja_desktop.storage.models import (
    Assignment,
    Employee,
    Evaluation,
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    Office,
    OrgAssessment,
)

__all__ = ["RecapReads", "iku_rows"]


@dataclass(frozen=True)
class RecapReads:
    """What the recap of ``period`` needs of one office (``office_id``) or of every office."""

    indicators: dict[int, list[Indicator]]
    targets: dict[int, dict[str, IndicatorTarget]]
    reals: dict[int, dict[str, Any]]
    org: dict[int, Any]
    staff: dict[int, list[tuple[Employee, Assignment]]]
    states: dict[int, EvalState]

    @classmethod
    def read(cls, session: Session, period: Period, office_id: int | None) -> RecapReads:
        indicators: dict[int, list[Indicator]] = {}
        chosen = select(Indicator.id).where(
            Indicator.year == period.year, Indicator.deleted_at.is_(None)
        )
        if office_id is not None:
            chosen = chosen.where(Indicator.office_id == office_id)
        for ind in session.execute(
            select(Indicator)
            .where(Indicator.id.in_(chosen))
            .order_by(Indicator.sort_order, Indicator.code)
        ).scalars():
            indicators.setdefault(ind.office_id, []).append(ind)
        targets: dict[int, dict[str, IndicatorTarget]] = {}
        for t in session.execute(
            select(IndicatorTarget)
            .where(IndicatorTarget.indicator_id.in_(chosen), IndicatorTarget.deleted_at.is_(None))
            .order_by(IndicatorTarget.id)
        ).scalars():
            targets.setdefault(t.indicator_id, {})[t.period] = t
        reals: dict[int, dict[str, Any]] = {}
        for indicator_id, code, value in session.execute(
            select(
                IndicatorRealisation.indicator_id,
                IndicatorRealisation.period,
                IndicatorRealisation.value,
            )
            .where(
                IndicatorRealisation.indicator_id.in_(chosen),
                IndicatorRealisation.deleted_at.is_(None),
            )
            .order_by(IndicatorRealisation.id)
        ):
            reals.setdefault(indicator_id, {})[code] = value
        return cls(
            indicators,
            targets,
            reals,
            _org(session, period, office_id),
            _staff(session, office_id),
            _states(session, period, office_id),
        )


def _org(session: Session, period: Period, office_id: int | None) -> dict[int, Any]:
    stmt = (
        select(OrgAssessment.office_id, OrgAssessment.predikat)
        .where(OrgAssessment.period == str(period), OrgAssessment.deleted_at.is_(None))
        .order_by(OrgAssessment.id)
    )
    if office_id is not None:
        stmt = stmt.where(OrgAssessment.office_id == office_id)
    org: dict[int, Any] = {}
    for office, predikat in session.execute(stmt):
        org.setdefault(office, predikat)
    return org


def _current_staff(office_id: int | None) -> Select[Any]:
    stmt = (
        select(Employee, Assignment)
        .join(Assignment, Assignment.employee_id == Employee.id)
        .where(
            Assignment.end_date.is_(None),
            Assignment.deleted_at.is_(None),
            Employee.deleted_at.is_(None),
            Employee.active.is_(True),
        )
    )
    return stmt if office_id is None else stmt.where(Assignment.office_id == office_id)


def _staff(session: Session, office_id: int | None) -> dict[int, list[tuple[Employee, Assignment]]]:
    """The active staff of each office, by name (then id, so equal names keep one order)."""
    staff: dict[int, list[tuple[Employee, Assignment]]] = {}
    for e, a in session.execute(_current_staff(office_id).order_by(Employee.name, Employee.id)):
        staff.setdefault(a.office_id, []).append((e, a))
    return staff


def _states(session: Session, period: Period, office_id: int | None) -> dict[int, EvalState]:
    """The state of each employee's latest evaluation of ``period`` (of the office's staff)."""
    chosen = select(Evaluation.id).where(
        Evaluation.period == str(period), Evaluation.deleted_at.is_(None)
    )
    if office_id is not None:
        staff = _current_staff(office_id).with_only_columns(Employee.id)
        chosen = chosen.where(Evaluation.employee_id.in_(staff))
    latest: dict[int, Evaluation] = {}
    for ev in session.execute(select(Evaluation).where(Evaluation.id.in_(chosen))).scalars():
        held = latest.get(ev.employee_id)
        if held is None or ev.revision > held.revision:
            latest[ev.employee_id] = ev
    newest = newest_assessments(session, chosen)
    states: dict[int, EvalState] = {}
    for employee_id, ev in latest.items():
        state = effective(ev, newest.get(ev.id))
        snapshot = state.snapshot if state.status == EvaluationStatus.APPROVED else None
        states[employee_id] = EvalState(state.status, state.predikat, snapshot, state.approved_at)
    return states


def iku_rows(
    reads: RecapReads, office: Office, period: Period, settings: AppSettings
) -> tuple[tuple[IkuRow, ...], Decimal | None]:
    """The office's IKU rows for ``period`` and the mean of their capaian."""
    rows = []
    values: list[Decimal] = []
    for ind in reads.indicators.get(office.id, []):
        targets = reads.targets.get(ind.id, {})
        reals = reads.reals.get(ind.id, {})
        stored = targets.get(str(period))
        if stored is not None:
            target, target_hi = stored.target, stored.target_hi
        elif period.kind == PeriodKind.YEAR:
            target, target_hi = ind.annual_target, ind.annual_target_hi
        else:
            count = period.kind.count_per_year
            target = split_target(ind.annual_target, ind.split_rule, count)[period.index - 1]
            target_hi = ind.annual_target_hi
        value = reals.get(str(period))
        if value is None and period.kind == PeriodKind.YEAR:
            subs = sorted((Period.parse(p), v) for p, v in reals.items() if p != str(period))
            value = annual_realisation([v for _, v in subs], ind.split_rule)
        result = safe_capaian(value, target, ind.polarity, target_hi=target_hi, cap=ind.cap)
        key = category(result, settings.bands).value if result is not None else ""
        if result is not None:
            values.append(result)
        target_text = fmt_value(target)
        if target_hi is not None:
            target_text = f"{fmt_value(target)}–{fmt_value(target_hi)}"
        rows.append(
            IkuRow(
                code=ind.code,
                name=ind.name,
                unit=ind.unit,
                target=target_text,
                realisation=fmt_value(value) if value is not None else "-",
                capaian=format_number(round2(result)) if result is not None else "-",
                category=label(category(result, settings.bands)) if result is not None else "-",
                category_key=key,
                capaian_value=float(round2(result)) if result is not None else None,
            )
        )
    mean = sum(values, Decimal(0)) / len(values) if values else None
    return tuple(rows), mean
