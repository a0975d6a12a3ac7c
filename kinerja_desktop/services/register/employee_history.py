"""Employee changes over time: mutasi (a dated new assignment) and leaving, with their undo.

Contract as in :mod:`kinerja_desktop.services.register.employee_admin` (one transaction, one audit
entry, Admin or Operator, DTOs out, the employee row's version bumped as the aggregate root). The
history is kept: a mutasi closes the current assignment the day before the new one starts, a
leaving (pensiun, mutasi keluar, meninggal, berhenti) ends it on the leave date and makes the
employee inactive. Neither ever deletes a row; their undo (:func:`cancel_mutasi`,
:func:`reactivate_employee`) leaves the cancelled assignment as a tombstone so sync sees it.

Dates in the future are refused: a change is recorded when it happens, so "current" always
means today.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date, timedelta

from sqlalchemy import select

from kinerja_desktop.domain.enums import LeaveReason
from kinerja_desktop.domain.errors import ConflictError, ValidationError
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.recording import now_utc, stamp_change, stamp_new
from kinerja_desktop.services.register.checks import load_state
from kinerja_desktop.services.register.dto import (
    KEEP_KELAS,
    EmployeeSaved,
    FieldIssue,
    MutasiInput,
)
from kinerja_desktop.services.register.employee_admin import EDITORS, checked_values, finish_change
from kinerja_desktop.storage.models import Assignment, Employee

__all__ = ["cancel_mutasi", "reactivate_employee", "record_leaving", "record_mutasi"]


def record_mutasi(
    db: Database, actor: Actor, uuid: str, change: MutasiInput, *, today: date | None = None
) -> EmployeeSaved:
    """A dated change of office, jabatan, golongan, atasan or head status.

    The current assignment ends the day before ``change.start_date`` and stays in the history;
    a new one (owned by the home office) starts that day. Undo with :func:`cancel_mutasi`.

    Raises:
        ValidationError: ``employee.date_order`` (not after the current start),
            ``employee.date_future``, ``employee.mutasi_unchanged``, or a rule broken.
        ConflictError: ``employee.inactive``, ``record.not_owned``.
    """
    require(actor, *EDITORS)
    today = today or date.today()
    with db.uow() as uow:
        session = uow.session
        state = load_state(session)
        person = state.live(uuid)
        before = state.stored_values(person)
        if before is None or not person.active or person.assignment.end_date is not None:
            raise ConflictError("employee.inactive", name=person.full_name)
        for origin in (person.origin, person.assignment.origin_office):
            state.require_owned(origin, person.full_name)
        changed = asdict(change)
        if changed["kelas_jabatan"] == KEEP_KELAS:
            del changed["kelas_jabatan"]
        values = replace(before, **changed).normalized()
        if change.start_date <= before.start_date:
            raise ValidationError(
                "employee.date_order", field="start_date", value=change.start_date.isoformat(),
                start=before.start_date.isoformat(),
            )  # fmt: skip
        if change.start_date > today:
            value = change.start_date.isoformat()
            raise ValidationError("employee.date_future", field="start_date", value=value)
        compared = set(changed) - {"start_date", "note"}
        if all(getattr(values, k) == getattr(before, k) for k in compared):
            raise ValidationError("employee.mutasi_unchanged", field="office_code")
        warnings, _ = checked_values(state, actor, values, uuid=uuid, before=before, today=today)
        old = session.get_one(Assignment, person.assignment.id)
        old.end_date = change.start_date - timedelta(days=1)
        stamp_change(old, actor)
        new = Assignment(employee_id=person.id, **state.assignment_columns(values))
        stamp_new(new, actor, office=state.home or values.office_code)
        session.add(new)
        detail = finish_change(
            session, actor, person, action="mutasi", before=before.as_json(),
            after=values.as_json(), summary=new.uuid, today=today,
        )  # fmt: skip
        uow.commit()
    return EmployeeSaved(detail, before, values, tuple(warnings))


def cancel_mutasi(db: Database, actor: Actor, uuid: str) -> EmployeeSaved:
    """Undo the last mutasi: the current assignment becomes a tombstone and the previous one
    (which ended the day before it started) is open again.

    Raises:
        ConflictError: ``employee.no_previous`` when there is no such mutasi to cancel.
    """
    require(actor, *EDITORS)
    with db.uow() as uow:
        session = uow.session
        state = load_state(session)
        person = state.live(uuid)
        current, before = person.assignment, state.stored_values(person)
        previous = None
        if current is not None and current.end_date is None:
            previous = session.execute(
                select(Assignment).where(
                    Assignment.employee_id == person.id,
                    Assignment.deleted_at.is_(None),
                    Assignment.end_date == current.start_date - timedelta(days=1),
                )
            ).scalar()
        if previous is None or before is None:
            raise ConflictError("employee.no_previous", name=person.full_name)
        for origin in (person.origin, current.origin_office, previous.origin_office):
            state.require_owned(origin, person.full_name)
        row = session.get_one(Assignment, current.id)
        row.deleted_at = now_utc()
        stamp_change(row, actor)
        previous.end_date = None
        stamp_change(previous, actor)
        session.flush()
        after = load_state(session)
        values = after.stored_values(after.people[uuid])
        assert values is not None
        detail = finish_change(
            session, actor, person, action="mutasi_cancel", before=before.as_json(),
            after=values.as_json(), summary=row.uuid,
        )  # fmt: skip
        uow.commit()
    return EmployeeSaved(detail, before, values)


def record_leaving(
    db: Database,
    actor: Actor,
    uuid: str,
    *,
    reason: LeaveReason,
    leave_date: date,
    note: str = "",
    today: date | None = None,
) -> EmployeeSaved:
    """Pensiun, mutasi keluar, meninggal or berhenti from ``leave_date``: the employee becomes
    inactive and the current assignment ends that day. Subordinates left without an active
    atasan come back as a warning. Undo with :func:`reactivate_employee`.

    Raises:
        ConflictError: ``employee.already_inactive``, ``record.not_owned``.
        ValidationError: ``employee.date_future``, ``employee.leave_before_start``.
    """
    require(actor, *EDITORS)
    today = today or date.today()
    reason = LeaveReason(reason)
    with db.uow() as uow:
        session = uow.session
        state = load_state(session)
        person = state.live(uuid)
        before = state.stored_values(person)
        if not person.active:
            raise ConflictError("employee.already_inactive", name=person.full_name)
        state.require_owned(person.origin, person.full_name)
        if leave_date > today:
            raise ValidationError("employee.date_future", field="leave_date", value=str(leave_date))
        current = person.assignment
        if current is not None and current.end_date is None:
            if leave_date < current.start_date:
                raise ValidationError(
                    "employee.leave_before_start", field="leave_date",
                    value=leave_date.isoformat(), start=current.start_date.isoformat(),
                )  # fmt: skip
            state.require_owned(current.origin_office, person.full_name)
            row = session.get_one(Assignment, current.id)
            row.end_date, row.note = leave_date, note.strip() or row.note
            stamp_change(row, actor)
        employee = session.get_one(Employee, person.id)
        employee.active, employee.leave_reason, employee.leave_date = False, reason, leave_date
        below = sorted(u for u, b in state.atasan_of.items() if b == uuid and state.is_active(u))
        warnings = ()
        if below:
            issue = FieldIssue.make(
                "", "employee.leaving_subordinates", name=person.full_name, count=len(below)
            )
            warnings = (issue,)
        after = {"active": False, "reason": reason.value, "date": leave_date.isoformat()}
        detail = finish_change(
            session, actor, person, action="leave", before={"active": True},
            after=after | {"subordinates": below}, summary=reason.value, today=today,
        )  # fmt: skip
        uow.commit()
    assert before is not None
    return EmployeeSaved(detail, before, before, warnings)


def reactivate_employee(db: Database, actor: Actor, uuid: str) -> EmployeeSaved:
    """Undo a leaving: active again, and the assignment that ended on the leave date reopens.

    Raises:
        ConflictError: ``employee.not_inactive``, ``record.not_owned``.
    """
    require(actor, *EDITORS)
    with db.uow() as uow:
        session = uow.session
        state = load_state(session)
        person = state.live(uuid)
        if person.active:
            raise ConflictError("employee.not_inactive", name=person.full_name)
        state.require_owned(person.origin, person.full_name)
        employee = session.get_one(Employee, person.id)
        last = person.assignment
        if last is not None and last.end_date is not None and last.end_date == employee.leave_date:
            state.require_owned(last.origin_office, person.full_name)
            row = session.get_one(Assignment, last.id)
            row.end_date = None
            stamp_change(row, actor)
        reason = employee.leave_reason.value if employee.leave_reason else None
        before = {"active": False, "reason": reason, "date": str(employee.leave_date)}
        employee.active, employee.leave_reason, employee.leave_date = True, None, None
        detail = finish_change(
            session, actor, person, action="reactivate", before=before, after={"active": True}
        )
        state = load_state(session)
        uow.commit()
    values = state.stored_values(state.people[uuid])
    assert values is not None
    return EmployeeSaved(detail, values, values)
