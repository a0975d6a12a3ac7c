"""The employee form: reads, inline checks, create, update (and undo) and deletion.

Contract: every write takes an :class:`Actor` with the Admin or Operator role, runs in one
transaction with one audit entry (before and after values), stamps the rows it changes, and
returns DTOs only. Errors are :class:`ValidationError` (a field name and catalogue code),
:class:`NotFoundError` or :class:`ConflictError`; warnings never block and come back in
:attr:`EmployeeSaved.warnings`.

Decisions worth knowing:

- The employee row is the aggregate root of its assignments: any change to the employee *or*
  its assignments bumps the employee's version, so ``EmployeeDetail.version`` alone guards the
  form against a concurrent edit (``expected_version``).
- :func:`update_employee` corrects the current assignment in place (a typo is not history);
  the dated changes (mutasi, leaving) are in
  :mod:`kinerja_desktop.services.register.employee_history`.
  Undo of an update is the same service called with the ``before`` values.
- Rows owned by another office are read-only here (DESIGN.md section 5): ``editable`` says so,
  and a write is refused with ``record.not_owned``. New rows belong to the home office.
- An account may not make its own linked employee anyone's atasan (``employee.self_atasan``,
  :func:`require_not_self_atasan`; create, update, mutasi and the sheet import): another
  account must make that change. The refusal is audited.
- A deleted employee is a tombstone (``deleted_at``, version bumped) and keeps its NIP; creating
  that NIP again brings the same record (same uuid) back, which is how undo of a deletion works.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from kinerja_desktop.domain.nip import check_nip, format_nip
from kinerja_desktop.domain.ranks import pangkat_label
from kinerja_desktop.services.admin.permissions import refuse, require
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.conflicts import check_version
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.recording import audit, now_utc, stamp_change, stamp_new
from kinerja_desktop.services.register.checks import (
    Person,
    RegisterState,
    check_employee,
    load_state,
    person_columns,
    start_issues,
)
from kinerja_desktop.services.register.dto import (
    AssignmentDTO,
    AtasanChoice,
    EmployeeDeleted,
    EmployeeDetail,
    EmployeeInput,
    EmployeeSaved,
    FieldIssue,
    FormCheck,
)
from kinerja_desktop.storage.base import new_uuid
from kinerja_desktop.storage.models import Assignment, Employee, Evaluation, Skp

__all__ = [
    "atasan_choices",
    "check_employee_form",
    "create_employee",
    "delete_employee",
    "get_employee",
    "update_employee",
]

EDITORS = (Role.ADMIN, Role.OPERATOR)


def raise_first(errors: list[FieldIssue]) -> None:
    """Raise the first error as a :class:`ValidationError` naming its field (the form shows all
    of them inline through :func:`check_employee_form`; a save refuses on the first)."""
    if errors:
        first = errors[0]
        raise ValidationError(first.code, first.message, field=first.field, **dict(first.params))


def _check_version(session: Session, person: Person, expected: int | None) -> None:
    # The register is read as plain rows; the stamps of the last change are on the ORM row,
    # and the check locks that row on a server (also when the plain row's version matches).
    if expected is not None:
        check_version(session.get_one(Employee, person.id), expected, name=person.full_name)


# -- reads --------------------------------------------------------------------------------------


def employee_detail(
    session: Session, uuid: str, *, today: date | None = None, deleted: bool = False
) -> EmployeeDetail:
    """The detail of ``uuid`` read in ``session`` (a tombstone only when ``deleted``)."""
    state = load_state(session)
    person = state.people.get(uuid)
    if person is None or (person.deleted and not deleted):
        raise NotFoundError("employee.not_found", value=uuid)
    e = person.employee
    table = Assignment.__table__
    rows = session.execute(
        select(*table.c)
        .where(table.c.employee_id == person.id, table.c.deleted_at.is_(None))
        .order_by(table.c.start_date, table.c.id)
    ).all()
    history = tuple(_assignment_dto(state, a) for a in rows)
    current = next((a for a in reversed(history) if a.current), None)
    evaluated = (
        session.execute(
            select(func.count()).select_from(Evaluation).where(Evaluation.employee_id == person.id)
        ).scalar_one()
        + session.execute(
            select(func.count()).select_from(Skp).where(Skp.employee_id == person.id)
        ).scalar_one()
    )
    check = check_nip(e.nip, e.employment_type, gender=e.gender, today=today)
    warnings = tuple(FieldIssue("nip", i.code, i.message, i.params) for i in check.warnings)
    return EmployeeDetail(
        uuid=person.uuid,
        version=person.version,
        nip=e.nip,
        nip_display=format_nip(e.nip),
        name=e.name,
        title_prefix=e.title_prefix,
        title_suffix=e.title_suffix,
        full_name=person.full_name,
        gender=e.gender,
        birth_date=e.birth_date or check.birth_date,
        tmt_cpns=check.tmt,
        employment_type=e.employment_type,
        active=person.active,
        leave_reason=e.leave_reason,
        leave_date=e.leave_date,
        phone=e.phone,
        email=e.email,
        origin_office=person.origin,
        editable=state.owned(person.origin) and not person.deleted,
        has_evaluations=evaluated > 0,
        current=current,
        history=history,
        nip_warnings=warnings,
        karpeg=e.karpeg,
        education=e.education,
        birth_place=e.birth_place,
    )


def _pangkat(grade: str) -> str:
    try:
        return pangkat_label(grade)
    except ValidationError:  # an unknown code from an old import still shows
        return grade


def _assignment_dto(state: RegisterState, a: Any) -> AssignmentDTO:
    office = state.office_by_id.get(a.office_id)
    boss = state.by_id.get(a.atasan_id) if a.atasan_id else None
    external = state.external_by_id.get(a.external_penilai_id)
    name = boss.full_name if boss else external.name if external is not None else ""
    return AssignmentDTO(
        uuid=a.uuid,
        office_code=office.code if office else "",
        office_name=office.name if office else "",
        start_date=a.start_date,
        end_date=a.end_date,
        jabatan=a.jabatan,
        job_kind=a.job_kind,
        functional_level=a.functional_level,
        grade=a.grade,
        pangkat=_pangkat(a.grade),
        atasan_uuid=boss.uuid if boss else None,
        external_penilai_uuid=external.uuid if external is not None else None,
        atasan_name=name,
        is_head=bool(a.is_head),
        acting=a.acting,
        note=a.note,
        version=a.version,
        origin_office=a.origin_office,
        tmt_jabatan=a.tmt_jabatan,
        tmt_golongan=a.tmt_golongan,
        kelas_jabatan=a.kelas_jabatan,
    )


def get_employee(db: Database, uuid: str) -> EmployeeDetail:
    """One employee with every field, the current assignment and the history.

    Raises:
        NotFoundError: ``employee.not_found``.
    """
    with db.uow() as uow:
        return employee_detail(uow.session, uuid)


def check_employee_form(
    db: Database, values: EmployeeInput, *, uuid: str | None = None, today: date | None = None
) -> FormCheck:
    """Inline validation of the form (never raises for the values themselves).

    Errors block saving; warnings (gender digit, age at TMT) are shown and never block. The
    NIP's birth date, TMT CPNS and gender digit come back for display.
    """
    today = today or date.today()
    with db.uow() as uow:
        state = load_state(uow.session)
    person = state.people.get(uuid) if uuid else None
    before = state.stored_values(person) if person is not None else None
    resolved = values.normalized(start=before.start_date if before else today)
    key = uuid or new_uuid()
    state.override(key, resolved)
    errors, warnings, nip = check_employee(state, resolved, uuid=key, before=before, today=today)
    return FormCheck(tuple(errors), tuple(warnings), nip.birth_date, nip.tmt, nip.gender)


def atasan_choices(db: Database, *, employee_uuid: str | None = None) -> list[AtasanChoice]:
    """Who may be the atasan of ``employee_uuid``: active employees with a current assignment
    (never the employee, never one of their subordinates at any depth), then external penilai."""
    with db.uow() as uow:
        state = load_state(uow.session)
    choices = []
    for person in state.people.values():
        values = state.stored_values(person)
        if values is None or not state.is_active(person.uuid) or person.uuid == employee_uuid:
            continue
        if person.assignment.end_date is not None:
            continue
        if employee_uuid and state.cycle_through(employee_uuid, person.uuid):
            continue
        office = values.office_code
        choices.append(
            AtasanChoice(person.uuid, False, person.full_name, person.nip, values.jabatan, office)
        )
    choices.sort(key=lambda c: (c.name.casefold(), c.nip))
    externals = [
        AtasanChoice(x.uuid, True, x.name, x.nip, x.jabatan, "") for x in state.externals.values()
    ]
    return choices + sorted(externals, key=lambda c: c.name.casefold())


# -- writes ----------------------------------------------------------------------------------


def _json(values: EmployeeInput | None) -> dict[str, Any] | None:
    return values.as_json() if values is not None else None


def self_atasan_name(
    state: RegisterState, actor: Actor, atasan_uuid: str | None, before_atasan: str | None
) -> str | None:
    """The name of the actor's own employee when a write would newly make them an atasan.

    An account may not make its own linked employee anyone's atasan (``employee.self_atasan``,
    issue 13): that would let a person choose whom they rate. Another account makes that
    change, and the change is audited like any other. Keeping an existing atasan unchanged is
    not a new choice and passes; the command line and the system carry no linked employee.
    """
    own = actor.employee_uuid
    if own is None or atasan_uuid != own or before_atasan == own:
        return None
    person = state.people.get(own)
    return person.full_name if person is not None else own


def require_not_self_atasan(
    state: RegisterState, actor: Actor, values: EmployeeInput, before: EmployeeInput | None
) -> None:
    """Refuse (and audit) a write that makes the actor's own employee an atasan."""
    before_atasan = before.atasan_uuid if before is not None else None
    name = self_atasan_name(state, actor, values.atasan_uuid, before_atasan)
    if name is not None:
        refuse(actor, "employee.self_atasan", field="atasan_uuid", name=name)


def checked_values(
    state: RegisterState, actor: Actor, values: EmployeeInput, *, uuid: str,
    before: EmployeeInput | None, today: date,
) -> tuple[list[FieldIssue], date | None]:  # fmt: skip
    """Judge ``values`` on the register as it would be after the write; raise on an error,
    return the warnings and the NIP's birth date. Call it before writing anything: a refusal
    is audited in a transaction of its own, which must not wait for this one."""
    require_not_self_atasan(state, actor, values, before)
    state.override(uuid, values)
    errors, warnings, nip = check_employee(state, values, uuid=uuid, before=before, today=today)
    raise_first(errors)
    return warnings, nip.birth_date


def finish_change(
    session: Session, actor: Actor, person: Person, *, action: str, before: Any, after: Any,
    summary: str = "", today: date | None = None,
) -> EmployeeDetail:  # fmt: skip
    """Bump the aggregate version, write the audit entry, and read the result back."""
    stamp_change(session.get_one(Employee, person.id), actor)
    audit(
        session, actor, action=action, entity="employee", record_uuid=person.uuid,
        before=before, after=after, summary=summary,
    )  # fmt: skip
    session.flush()
    return employee_detail(session, person.uuid, today=today, deleted=True)


def create_employee(
    db: Database, actor: Actor, values: EmployeeInput, *, today: date | None = None
) -> EmployeeSaved:
    """Add an employee with their first assignment (from ``start_date``, default today).

    A NIP that belongs to a deleted employee brings that record back (same uuid, version
    bumped, new values and a new assignment), so undoing a deletion keeps sync identity.

    Raises:
        ValidationError: the first error of :func:`check_employee_form`.
        PermissionDeniedError: ``employee.self_atasan`` (:func:`require_not_self_atasan`).
    """
    require(actor, *EDITORS)
    today = today or date.today()
    values = values.normalized(start=today)
    with db.uow() as uow:
        session = uow.session
        state = load_state(session)
        tombstone = state.by_nip.get(values.nip)
        revive = tombstone if tombstone is not None and tombstone.deleted else None
        uuid = revive.uuid if revive is not None else new_uuid()
        warnings, birth = checked_values(state, actor, values, uuid=uuid, before=None, today=today)
        home = state.home or values.office_code
        if revive is not None:
            employee = session.get_one(Employee, revive.id)  # finish_change bumps its version
        else:
            employee = Employee(uuid=uuid)
            stamp_new(employee, actor, office=home)
            employee.version = 0  # finish_change bumps it to 1
            session.add(employee)
        for key, value in person_columns(values, birth_date=birth).items():
            setattr(employee, key, value)
        employee.active, employee.leave_reason, employee.leave_date = True, None, None
        employee.deleted_at = None
        session.flush()
        state.people[uuid].id = employee.id
        assignment = Assignment(employee_id=employee.id, **state.assignment_columns(values))
        stamp_new(assignment, actor, office=home)
        session.add(assignment)
        detail = finish_change(
            session, actor, state.people[uuid], action="create", before=None,
            after=values.as_json(), summary=values.nip, today=today,
        )  # fmt: skip
        uow.commit()
    return EmployeeSaved(detail, None, values, tuple(warnings))


def update_employee(
    db: Database,
    actor: Actor,
    uuid: str,
    values: EmployeeInput,
    *,
    expected_version: int | None = None,
    today: date | None = None,
) -> EmployeeSaved:
    """Correct an employee and their current assignment in place (the form's save, and undo).

    ``values`` is the full set; ``start_date`` None keeps the stored start. Identical values
    write nothing (``changed`` False).

    Raises:
        NotFoundError: no such live employee.
        ConflictError: ``record.changed`` (version differs from ``expected_version``),
            ``record.not_owned``.
        ValidationError: the first rule broken.
        PermissionDeniedError: ``employee.self_atasan`` (:func:`require_not_self_atasan`).
    """
    require(actor, *EDITORS)
    today = today or date.today()
    with db.uow() as uow:
        session = uow.session
        state = load_state(session)
        person = state.live(uuid)
        _check_version(session, person, expected_version)
        before = state.stored_values(person)
        if before is None:
            raise ConflictError("employee.no_assignment", name=person.full_name)
        values = values.normalized(start=before.start_date)
        if values == before:
            return EmployeeSaved(
                employee_detail(session, uuid, today=today), before, before, (), False
            )
        for origin in (person.origin, person.assignment.origin_office):
            state.require_owned(origin, person.full_name)
        warnings, birth = checked_values(
            state, actor, values, uuid=uuid, before=before, today=today
        )
        raise_first(start_issues(person, values))
        employee = session.get_one(Employee, person.id)
        for key, value in person_columns(values, birth_date=birth).items():
            setattr(employee, key, value)
        assignment = session.get_one(Assignment, person.assignment.id)
        columns = state.assignment_columns(values)
        if any(getattr(assignment, k) != v for k, v in columns.items()):
            for key, value in columns.items():
                setattr(assignment, key, value)
            stamp_change(assignment, actor)
        detail = finish_change(
            session, actor, person, action="update", before=before.as_json(),
            after=values.as_json(), summary=values.nip, today=today,
        )  # fmt: skip
        uow.commit()
    return EmployeeSaved(detail, before, values, tuple(warnings))


def delete_employee(db: Database, actor: Actor, uuid: str) -> EmployeeDeleted:
    """Delete an employee entered by mistake: a tombstone, never a hard delete.

    Undo with :func:`create_employee` called with ``before`` (the same record comes back).

    Raises:
        ConflictError: ``employee.has_evaluations`` (an SKP or evaluation exists: record the
            leaving instead), ``employee.is_atasan`` (still someone's current atasan),
            ``record.not_owned``.
    """
    require(actor, *EDITORS)
    with db.uow() as uow:
        session = uow.session
        state = load_state(session)
        person = state.live(uuid)
        state.require_owned(person.origin, person.full_name)
        if employee_detail(session, uuid).has_evaluations:
            raise ConflictError("employee.has_evaluations", name=person.full_name)
        below = [u for u, b in state.atasan_of.items() if b == uuid and not state.people[u].deleted]
        if below:
            raise ConflictError("employee.is_atasan", name=person.full_name, count=len(below))
        before = state.stored_values(person)
        stamp = now_utc()
        rows = session.execute(
            select(Assignment).where(
                Assignment.employee_id == person.id, Assignment.deleted_at.is_(None)
            )
        ).scalars()
        for row in rows:
            row.deleted_at = stamp
            stamp_change(row, actor, at=stamp)
        employee = session.get_one(Employee, person.id)
        employee.deleted_at = stamp
        finish_change(
            session, actor, person, action="delete", before=_json(before), after=None,
            summary=person.nip,
        )  # fmt: skip
        uow.commit()
        version = employee.version
    assert before is not None
    return EmployeeDeleted(uuid, before, version)
