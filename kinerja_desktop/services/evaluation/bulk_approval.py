"""The penilai's work queue: approving several submitted evaluations at once.

"Setujui terpilih" approves only what the penilai has already decided: each evaluation goes
through :func:`kinerja_desktop.services.evaluation.assessments.approve` unchanged, which
refuses a row whose two ratings (or the reason a rating that differs from the suggestion
needs) are not saved. So a rating is never filled in on the penilai's behalf. Each row is its
own transaction and audit entry; a row that is refused stays Diajukan and is listed with the
reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation.assessments import approve
from kinerja_desktop.storage.models import Assignment, Employee, Evaluation


@dataclass(frozen=True)
class RefusedApproval:
    """One selected evaluation that was not approved, and why (one sentence)."""

    uuid: str
    name: str
    reason: str


@dataclass(frozen=True)
class BulkApproval:
    """What "Setujui terpilih" did: the uuids approved and the rows refused."""

    approved: tuple[str, ...]
    refused: tuple[RefusedApproval, ...]
    cancelled: bool = False


def approve_selected(
    db: Database,
    actor: Actor,
    rows: Sequence[tuple[str, str]],
    *,
    lang: str = "id",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BulkApproval:
    """Approve each ``(uuid, name)`` of ``rows`` in its own transaction; never raises for a
    refused row. Stops between rows when ``cancelled()`` turns true (done rows stay done)."""
    approved: list[str] = []
    refused: list[RefusedApproval] = []
    for done, (uuid, name) in enumerate(rows):
        if cancelled is not None and cancelled():
            return BulkApproval(tuple(approved), tuple(refused), cancelled=True)
        if progress is not None:
            progress(done, len(rows))
        try:
            approve(db, actor, uuid)
        except KinerjaError as err:
            refused.append(RefusedApproval(uuid, name, describe(err, lang)))
        else:
            approved.append(uuid)
    if progress is not None:
        progress(len(rows), len(rows))
    return BulkApproval(tuple(approved), tuple(refused))


def periods_awaiting(db: Database, penilai_uuid: str) -> list[str]:
    """Periods with evaluations Diajukan by the staff whose current atasan is ``penilai_uuid``,
    newest first: where the penilai's work is waiting."""
    with db.uow() as uow:
        session = uow.session
        penilai_id = session.execute(
            select(Employee.id).where(Employee.uuid == penilai_uuid)
        ).scalar_one_or_none()
        if penilai_id is None:
            return []
        periods = session.execute(
            select(Evaluation.period)
            .join(Assignment, Assignment.employee_id == Evaluation.employee_id)
            .where(
                Evaluation.status == EvaluationStatus.SUBMITTED,
                Evaluation.deleted_at.is_(None),
                Assignment.end_date.is_(None),
                Assignment.deleted_at.is_(None),
                Assignment.atasan_id == penilai_id,
            )
            .distinct()
        ).scalars()
        return sorted(periods, reverse=True)
