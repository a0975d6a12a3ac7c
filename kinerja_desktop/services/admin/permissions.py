"""Permission checks, done in the services so the GUI and the CLI cannot bypass them.

Every refusal goes through :func:`refuse`, which hands it to the actor's refusal recorder (the
audit trail, for a signed-in account: see :func:`kinerja_desktop.services.admin.accounts.actor_for`)
before raising. A check that only asks whether an action would be allowed (to grey out a
button) passes ``actor.quiet()`` so that looking is not recorded as a refused action.

Trap: the recorder writes in a transaction of its own (the refused one rolls back), so check
permissions before the first write of a transaction; a refusal after a flush would make the
recorder wait for the SQLite write lock this transaction holds (it gives up after the busy
timeout and logs, and the refusal still reaches the user).
"""

from __future__ import annotations

import inspect
from typing import NoReturn

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import PermissionDeniedError
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.queries import current_assignment
from kinerja_desktop.storage.models import Assignment, Employee

# Roles that may change data at all; Pimpinan only reads.
WRITERS = frozenset({Role.ADMIN, Role.OPERATOR, Role.PENILAI})


def refuse(actor: Actor, code: str, **params: str) -> NoReturn:
    """Record the refusal (when the actor carries a recorder) and raise it.

    Raises:
        PermissionDeniedError: ``code`` with ``value`` = the username and ``params``.
    """
    if actor.on_refused is not None:
        actor.on_refused(actor, code, {"operation": _entry_point(), **params})
    raise PermissionDeniedError(code, value=actor.username, **params)


def _entry_point() -> str:
    """The service function the GUI or the CLI called (the outermost frame in ``services``),
    so the audit trail names what the user tried rather than the helper that said no."""
    found = ""
    frame = inspect.currentframe()
    while frame is not None:
        if str(frame.f_globals.get("__name__", "")).startswith(_SERVICES):
            found = frame.f_code.co_name
        elif found:
            break
        frame = frame.f_back
    return found


_SERVICES = "kinerja_desktop.services."


def require(actor: Actor, *roles: Role) -> None:
    """Refuse unless ``actor`` holds at least one of ``roles``."""
    if not any(actor.has(role) for role in roles):
        refuse(actor, "permission.denied", roles=", ".join(r.value for r in roles))


def require_writer(actor: Actor) -> None:
    """Refuse a read-only account (Pimpinan without another role)."""
    require(actor, *WRITERS)


def current_atasan_uuid(session: Session, employee_id: int) -> str | None:
    """The uuid of the employee's current atasan (pejabat penilai) inside this database."""
    atasan_id = session.execute(
        select(Assignment.atasan_id)
        .where(
            Assignment.employee_id == employee_id,
            Assignment.end_date.is_(None),
            Assignment.deleted_at.is_(None),
        )
        .order_by(Assignment.start_date.desc())
        .limit(1)
    ).scalar()
    if atasan_id is None:
        return None
    return session.execute(select(Employee.uuid).where(Employee.id == atasan_id)).scalar()


def require_penilai_of(
    session: Session, actor: Actor, employee_id: int, *, refusal: str | None = None
) -> None:
    """Refuse unless ``actor`` decides as the penilai of ``employee_id`` (DESIGN.md section 7b).

    The one penilai check of every path (SKP decisions, assessments, approvals): a Penilai whose
    linked employee is the direct atasan passes, and so does an Admin recording the decision of
    the external penilai of an employee who has no atasan in the register; the system actor
    (CLI, demo) passes. ``refusal`` words every refusal with one code (the evaluation's
    ``assessment.not_penilai``); without it a missing role is ``permission.denied`` and another
    employee's atasan ``permission.not_subordinate``.
    """
    if actor.is_tool:
        return
    assignment = current_assignment(session, employee_id)
    if assignment is not None and assignment.atasan_id is None:
        if assignment.external_penilai_id is not None and actor.has(Role.ADMIN):
            return
        if refusal is not None:
            refuse(actor, refusal)
    if not actor.has(Role.PENILAI):
        refuse(actor, refusal) if refusal else require(actor, Role.PENILAI)
    if actor.employee_uuid is None or current_atasan_uuid(session, employee_id) != (
        actor.employee_uuid
    ):
        refuse(actor, refusal or "permission.not_subordinate")
