"""What is due for the signed-in user (issue 20): one service, a few grouped queries.

- a **penilai** (an account linked to an employee): evaluations Diajukan by the staff whose
  current atasan they are, per period, and SKP Diajukan waiting for their approval;
- a **clerk** (Operator): per office, the employees whose realisations of the period are still
  to be entered and submitted, and the days left to the period's deadline;
- an **Admin**: partner offices whose last package arrived more than
  ``AppSettings.partner_stale_days`` days ago (or never, counted from their registration).

It lives in the sync room because the Admin's part reads the packages received; the rest is read
straight from the evaluation tables with grouped counts (never a query per employee).

Decisions where the issue is silent:

- "Realisations missing" counts the active employees with a current assignment whose latest
  evaluation of the period is missing or still editable (Draft or Dikembalikan): the clerk's
  work is not done until it is submitted. Employees without an approved SKP are counted too,
  since their realisations cannot be entered yet either.
- The clerk's period is the one of the installation's frequency that contains ``today``,
  unless a period is given; its deadline is the period's setting, else the default (DOMAIN.md
  A 9), as in the completion monitor.
- A partner that never sent a package counts from the day it was registered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from kinerja_desktop.domain.enums import EvaluationStatus, Role
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.services.admin.settings import settings_in
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.storage.models import (
    Assignment,
    Employee,
    Evaluation,
    Office,
    PeriodSetting,
    Skp,
    SyncPackageLog,
    SyncPartner,
)

__all__ = [
    "OfficeBacklog",
    "PeriodQueue",
    "Reminders",
    "StalePartner",
    "reminders_for",
]


@dataclass(frozen=True)
class PeriodQueue:
    """Evaluations Diajukan waiting for one penilai in one period."""

    period: str
    count: int


@dataclass(frozen=True)
class OfficeBacklog:
    """One office's employees whose realisations of the period are not yet submitted."""

    office_code: str
    office_name: str
    missing: int
    total: int


@dataclass(frozen=True)
class StalePartner:
    """A partner office whose package is overdue; ``last_package`` None when none ever came."""

    office_code: str
    last_package: date | None
    days: int


@dataclass(frozen=True)
class Reminders:
    """What is due for one user; each part empty when the user has no such role.

    Attributes:
        evaluations_waiting: periods with evaluations Diajukan for the penilai, newest first.
        skp_waiting: SKP Diajukan by the penilai's staff.
        period, deadline, days_left: the clerk's period and its deadline (None for others).
        backlog: per office with someone behind, by office code.
        stale_partners: overdue partner offices, the longest silent first.
        stale_after: the setting those were measured against (days).
    """

    evaluations_waiting: tuple[PeriodQueue, ...] = ()
    skp_waiting: int = 0
    period: str | None = None
    deadline: date | None = None
    days_left: int | None = None
    backlog: tuple[OfficeBacklog, ...] = ()
    stale_partners: tuple[StalePartner, ...] = ()
    stale_after: int = 14

    @property
    def evaluations_total(self) -> int:
        return sum(q.count for q in self.evaluations_waiting)

    @property
    def missing_total(self) -> int:
        return sum(b.missing for b in self.backlog)

    @property
    def empty(self) -> bool:
        """Nothing is due."""
        return not (
            self.evaluations_waiting or self.skp_waiting or self.backlog or self.stale_partners
        )


def reminders_for(
    db: Database, actor: Actor, *, today: date | None = None, period: str | None = None
) -> Reminders:
    """What is due for ``actor`` (see the module docstring); read only."""
    today = today or date.today()
    with db.uow() as uow:
        session = uow.session
        settings = settings_in(session)
        parts: dict[str, object] = {"stale_after": settings.partner_stale_days}
        penilai_id = _employee_id(session, actor.employee_uuid)
        if actor.has(Role.PENILAI) and penilai_id is not None:
            parts["evaluations_waiting"] = _evaluations_waiting(session, penilai_id)
            parts["skp_waiting"] = _skp_waiting(session, penilai_id)
        if actor.has(Role.OPERATOR):
            kind = PeriodKind.from_frequency(settings.evaluation_frequency)
            chosen = Period.parse(period) if period else Period.containing(today, kind)
            deadline = _deadline(session, chosen)
            parts.update(
                period=str(chosen),
                deadline=deadline,
                days_left=(deadline - today).days,
                backlog=_backlog(session, str(chosen)),
            )
        if actor.has(Role.ADMIN):
            parts["stale_partners"] = _stale_partners(session, today, settings.partner_stale_days)
    return Reminders(**parts)  # type: ignore[arg-type]


def _employee_id(session: Session, employee_uuid: str | None) -> int | None:
    if employee_uuid is None:
        return None
    return session.execute(
        select(Employee.id).where(Employee.uuid == employee_uuid)
    ).scalar_one_or_none()


def _staff_of(penilai_id: int) -> object:
    """The employees whose current atasan is the penilai (a subquery of employee ids)."""
    return (
        select(Assignment.employee_id)
        .where(
            Assignment.atasan_id == penilai_id,
            Assignment.end_date.is_(None),
            Assignment.deleted_at.is_(None),
        )
        .scalar_subquery()
    )


def _evaluations_waiting(session: Session, penilai_id: int) -> tuple[PeriodQueue, ...]:
    rows = session.execute(
        select(Evaluation.period, func.count(Evaluation.id))
        .where(
            Evaluation.status == EvaluationStatus.SUBMITTED,
            Evaluation.deleted_at.is_(None),
            Evaluation.employee_id.in_(_staff_of(penilai_id)),
        )
        .group_by(Evaluation.period)
    ).all()
    return tuple(
        PeriodQueue(p, n) for p, n in sorted(rows, key=lambda r: Period.parse(r[0]), reverse=True)
    )


def _skp_waiting(session: Session, penilai_id: int) -> int:
    return int(
        session.execute(
            select(func.count(Skp.id)).where(
                Skp.status == EvaluationStatus.SUBMITTED,
                Skp.deleted_at.is_(None),
                Skp.employee_id.in_(_staff_of(penilai_id)),
            )
        ).scalar_one()
    )


def _deadline(session: Session, period: Period) -> date:
    stored = session.execute(
        select(PeriodSetting.deadline).where(
            PeriodSetting.period == str(period), PeriodSetting.deleted_at.is_(None)
        )
    ).scalar()
    return stored or period.default_deadline()


def _backlog(session: Session, period: str) -> tuple[OfficeBacklog, ...]:
    """Per office: active staff with a current assignment, and those not yet submitted."""
    latest = (
        select(Evaluation.employee_id, func.max(Evaluation.revision).label("revision"))
        .where(Evaluation.period == period, Evaluation.deleted_at.is_(None))
        .group_by(Evaluation.employee_id)
        .subquery()
    )
    ev = aliased(Evaluation)
    behind = (ev.id.is_(None)) | ev.status.in_((EvaluationStatus.DRAFT, EvaluationStatus.RETURNED))
    rows = session.execute(
        select(
            Office.code,
            Office.name,
            func.count(Assignment.employee_id),
            func.sum(case((behind, 1), else_=0)),
        )
        .join(Assignment, Assignment.office_id == Office.id)
        .join(Employee, Employee.id == Assignment.employee_id)
        .outerjoin(latest, latest.c.employee_id == Assignment.employee_id)
        .outerjoin(
            ev,
            (ev.employee_id == latest.c.employee_id)
            & (ev.revision == latest.c.revision)
            & (ev.period == period)
            & ev.deleted_at.is_(None),
        )
        .where(
            Assignment.end_date.is_(None),
            Assignment.deleted_at.is_(None),
            Employee.deleted_at.is_(None),
            Employee.active.is_(True),
        )
        .group_by(Office.code, Office.name)
        .order_by(Office.code)
    ).all()
    return tuple(
        OfficeBacklog(code, name, int(missing or 0), int(total))
        for code, name, total, missing in rows
        if missing
    )


def _stale_partners(session: Session, today: date, limit: int) -> tuple[StalePartner, ...]:
    last_in = (
        select(SyncPackageLog.partner_code, func.max(SyncPackageLog.at).label("at"))
        .where(SyncPackageLog.direction == "in")
        .group_by(SyncPackageLog.partner_code)
        .subquery()
    )
    stale = []
    for code, registered, arrived in session.execute(
        select(SyncPartner.office_code, SyncPartner.registered_at, last_in.c.at).outerjoin(
            last_in, last_in.c.partner_code == SyncPartner.office_code
        )
    ):
        since = _day(arrived or registered)
        days = (today - since).days
        if days > limit:
            stale.append(StalePartner(code, _day(arrived) if arrived else None, days))
    return tuple(sorted(stale, key=lambda s: (-s.days, s.office_code)))


def _day(moment: datetime) -> date:
    """The local calendar day of a stored moment (naive values are UTC, as SQLite keeps them)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date()
