"""The record lookups every capability asks for, written once (issue 15: one rule, one place).

Each takes the unit of work's session and reads plain rows; none writes.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.storage.models import Assignment, Evaluation, Skp


def current_assignment(session: Session, employee_id: int) -> Assignment | None:
    """The employee's open assignment (the newest, should two be open)."""
    return session.execute(
        select(Assignment)
        .where(
            Assignment.employee_id == employee_id,
            Assignment.end_date.is_(None),
            Assignment.deleted_at.is_(None),
        )
        .order_by(Assignment.start_date.desc(), Assignment.id.desc())
        .limit(1)
    ).scalar()


def approved_skp(session: Session, employee_id: int, year: int) -> Skp | None:
    """The latest approved revision of the employee's SKP for ``year``, or None."""
    return session.execute(
        select(Skp)
        .where(
            Skp.employee_id == employee_id,
            Skp.year == year,
            Skp.status == EvaluationStatus.APPROVED,
            Skp.deleted_at.is_(None),
        )
        .order_by(Skp.revision.desc())
        .limit(1)
    ).scalar()


def skp_of_year(session: Session, employee_id: int, year: int) -> Skp | None:
    """The SKP in force for the year: the latest approved revision, else the latest one."""
    plans = (
        session.execute(
            select(Skp)
            .where(Skp.employee_id == employee_id, Skp.year == year, Skp.deleted_at.is_(None))
            .order_by(Skp.revision)
        )
        .scalars()
        .all()
    )
    approved = [p for p in plans if p.status == EvaluationStatus.APPROVED]
    return (approved or plans or [None])[-1]


def latest_evaluation(session: Session, employee_id: int, period: str) -> Evaluation | None:
    """The newest revision of the employee's evaluation of ``period``, or None."""
    return session.execute(
        select(Evaluation)
        .where(
            Evaluation.employee_id == employee_id,
            Evaluation.period == period,
            Evaluation.deleted_at.is_(None),
        )
        .order_by(Evaluation.revision.desc())
        .limit(1)
    ).scalar()
