"""Organisation records: offices (kecamatan, kelurahan, puskesmas) and external penilai.

Contract: reads return DTOs; every write takes an :class:`Actor` (offices: Admin; external penilai:
Admin or Operator), runs in one transaction with an audit entry holding before and after, stamps
the row, and raises domain errors with catalogue codes and field names. Updates take the full set
of values and return them before and after, so an undo is the same call with ``before``.

Decisions:

- An office code never changes once created: it is the natural key that sync packages, file
  names and every row's ``origin_office`` carry. A wrong code is fixed by a new office.
- The office *head* is not a column of the office: it is the employee whose current assignment
  at that office is marked as head (with its Plt./Plh. flag), so the head's history is the
  assignment history. :func:`set_office_head` moves that mark.
- An office is deleted (a tombstone) only when nothing depends on it: no current employees
  (the issue's rule), no child offices, no IKU, surveys or organisation predikat, and never the
  home office.
- Logos are PNG or JPEG up to 1 MB (they are embedded in every printed report).
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Acting, EmploymentType, OfficeKind, Role
from kinerja_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.nip import validate_nip
from kinerja_desktop.domain.offices import validate_office_code
from kinerja_desktop.domain.ranks import grade as find_grade
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.conflicts import check_version
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import audit, now_utc, stamp_change, stamp_new
from kinerja_desktop.services.register.dto import (
    ExternalPenilaiDTO,
    ExternalPenilaiInput,
    ExternalPenilaiSaved,
    OfficeDetail,
    OfficeHeadChange,
    OfficeInput,
    OfficeSaved,
)
from kinerja_desktop.storage.models import (
    Assignment,
    Employee,
    ExternalPenilai,
    IkmSurvey,
    Indicator,
    Office,
    OrgAssessment,
)

__all__ = [
    "MAX_LOGO_BYTES", "create_external_penilai", "create_office", "delete_external_penilai",
    "delete_office", "get_office", "list_external_penilai", "read_logo", "set_office_head",
    "update_external_penilai", "update_office", "validate_logo",
]  # fmt: skip

MAX_LOGO_BYTES = 1024 * 1024
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_OFFICE_FIELDS = tuple(k for k in OfficeInput.__dataclass_fields__ if k not in ("parent_code",))


def _owned(session: Session, origin: str) -> bool:
    home = home_office_code(session)
    return home is None or origin == home


def _require_owned(session: Session, origin: str, name: str) -> None:
    if not _owned(session, origin):
        raise ConflictError("record.not_owned", name=name, office=origin)


def _check_version(row: Any, expected: int | None, name: str) -> None:
    check_version(row, expected, name=name)


# -- offices ------------------------------------------------------------------------------------


def validate_logo(data: bytes | None) -> bytes | None:
    """PNG or JPEG bytes of at most :data:`MAX_LOGO_BYTES` (None means no logo)."""
    if data is None:
        return None
    if len(data) > MAX_LOGO_BYTES or not data.startswith(_IMAGE_MAGIC):
        raise ValidationError("office.logo_invalid", field="logo", size=MAX_LOGO_BYTES // 1024)
    return bytes(data)


def read_logo(path: Path) -> bytes:
    """Read and check a logo file for :attr:`OfficeInput.logo`."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError("office.logo_unreadable", field="logo", path=str(path)) from exc
    return validate_logo(data) or b""


def _office(session: Session, code: str) -> Office:
    row = session.execute(
        select(Office).where(Office.code == code.strip().upper(), Office.deleted_at.is_(None))
    ).scalar()
    if row is None:
        raise NotFoundError("office.not_found", field="code", value=code)
    return row


def _input_of(row: Office) -> OfficeInput:
    values = {k: getattr(row, k) for k in _OFFICE_FIELDS}
    return OfficeInput(**values, parent_code=row.parent.code if row.parent else None)


def _staff(session: Session, office_id: int) -> list[Any]:
    """(assignment, employee) of the active employees currently at the office (a few dozen)."""
    return list(
        session.execute(
            select(Assignment, Employee)
            .join(Employee, Employee.id == Assignment.employee_id)
            .where(
                Assignment.office_id == office_id,
                Assignment.end_date.is_(None),
                Assignment.deleted_at.is_(None),
                Employee.deleted_at.is_(None),
                Employee.active.is_(True),
            )
        ).all()
    )


def _detail(session: Session, row: Office) -> OfficeDetail:
    staff = _staff(session, row.id)
    # A definitive head is shown before an acting one (a Plh. stands in beside the holder).
    heads = sorted((r for r in staff if r[0].is_head), key=lambda r: r[0].acting != Acting.NONE)
    head_uuid, head_name, head_acting = None, "", Acting.NONE
    if heads:
        assignment, person = heads[0]
        head_uuid, head_acting = person.uuid, assignment.acting
        head_name = full_name(person.name, person.title_prefix, person.title_suffix)
    children = session.execute(
        select(Office.code).where(Office.parent_id == row.id, Office.deleted_at.is_(None))
    ).scalars()
    return OfficeDetail(
        uuid=row.uuid,
        version=row.version,
        values=_input_of(row),
        head_uuid=head_uuid,
        head_name=head_name,
        head_acting=head_acting,
        employees=len(staff),
        children=tuple(sorted(children)),
        is_home=row.code == home_office_code(session),
        editable=_owned(session, row.origin_office),
    )


def get_office(db: Database, code: str) -> OfficeDetail:
    """An office with every field, its head and staff count.

    Raises:
        NotFoundError: ``office.not_found``.
    """
    with db.uow() as uow:
        return _detail(uow.session, _office(uow.session, code))


def _checked_office(session: Session, values: OfficeInput) -> tuple[OfficeInput, Office | None]:
    code = validate_office_code(values.code)
    name = values.name.strip()
    if not name:
        raise ValidationError("office.name_required", field="name")
    kind = OfficeKind(values.kind)
    parent = None
    if values.parent_code:
        parent_code = values.parent_code.strip().upper()
        if parent_code == code:
            raise ValidationError("office.parent_self", field="parent_code", value=code)
        try:
            parent = _office(session, parent_code)
        except NotFoundError as exc:
            raise ValidationError(
                "office.parent_unknown", field="parent_code", value=parent_code
            ) from exc
        above = parent
        while above is not None:  # the new parent may not sit below this office
            if above.code == code:
                raise ValidationError("office.parent_cycle", field="parent_code", value=parent_code)
            above = above.parent
    skip = ("kind", "logo")
    texts = {k: str(getattr(values, k)).strip() for k in _OFFICE_FIELDS if k not in skip}
    cleaned = OfficeInput(
        **texts | {"code": code, "name": name},
        kind=kind,
        parent_code=parent.code if parent else None,
        logo=validate_logo(values.logo),
    )
    return cleaned, parent


def _audit_json(values: OfficeInput) -> dict[str, Any]:
    logo = f"<{len(values.logo)} bytes>" if values.logo else None
    return asdict(values) | {"kind": values.kind.value, "logo": logo}


def create_office(db: Database, actor: Actor, values: OfficeInput) -> OfficeSaved:
    """Add an office (owned by the home office, like every new row).

    Raises:
        ValidationError: bad code, empty name, unknown or circular parent, bad logo.
        ConflictError: ``office.exists`` (also when a deleted office used the code).
    """
    require(actor, Role.ADMIN)
    with db.uow() as uow:
        session = uow.session
        cleaned, parent = _checked_office(session, values)
        if session.execute(select(Office.id).where(Office.code == cleaned.code)).first():
            raise ConflictError("office.exists", field="code", value=cleaned.code)
        row = Office(**{k: getattr(cleaned, k) for k in _OFFICE_FIELDS}, parent=parent)
        stamp_new(row, actor, office=home_office_code(session) or cleaned.code)
        session.add(row)
        session.flush()
        audit(
            session, actor, action="create", entity="office", record_uuid=row.uuid,
            after=_audit_json(cleaned), summary=cleaned.code,
        )  # fmt: skip
        detail = _detail(session, row)
        uow.commit()
    return OfficeSaved(detail, None, cleaned)


def update_office(
    db: Database, actor: Actor, code: str, values: OfficeInput, *,
    expected_version: int | None = None,
) -> OfficeSaved:  # fmt: skip
    """Change an office's name, kind, parent, address, letterhead lines or logo.

    Raises:
        ValidationError: ``office.code_fixed`` when ``values.code`` differs from ``code``.
        ConflictError: ``record.changed``, ``record.not_owned``.
    """
    require(actor, Role.ADMIN)
    with db.uow() as uow:
        session = uow.session
        row = _office(session, code)
        _check_version(row, expected_version, row.name)
        before = _input_of(row)
        cleaned, parent = _checked_office(session, values)
        if cleaned.code != row.code:
            raise ValidationError("office.code_fixed", field="code", value=row.code)
        if cleaned == before:
            return OfficeSaved(_detail(session, row), before, before, changed=False)
        _require_owned(session, row.origin_office, row.name)
        for key in _OFFICE_FIELDS:
            setattr(row, key, getattr(cleaned, key))
        row.parent = parent
        stamp_change(row, actor)
        audit(
            session, actor, action="update", entity="office", record_uuid=row.uuid,
            before=_audit_json(before), after=_audit_json(cleaned), summary=row.code,
        )  # fmt: skip
        session.flush()
        detail = _detail(session, row)
        uow.commit()
    return OfficeSaved(detail, before, cleaned)


def delete_office(db: Database, actor: Actor, code: str) -> OfficeDetail:
    """Delete an office nothing depends on (a tombstone). Returns it as it was.

    Raises:
        ConflictError: ``office.is_home``, ``office.has_employees``, ``office.has_children``,
            ``office.has_data``, ``record.not_owned``.
    """
    require(actor, Role.ADMIN)
    with db.uow() as uow:
        session = uow.session
        row = _office(session, code)
        detail = _detail(session, row)
        if detail.is_home:
            raise ConflictError("office.is_home", value=row.code)
        if detail.employees:
            raise ConflictError("office.has_employees", value=row.code, count=detail.employees)
        if detail.children:
            children = ", ".join(detail.children)
            raise ConflictError("office.has_children", value=row.code, children=children)
        for model in (Indicator, IkmSurvey, OrgAssessment):
            used = session.execute(
                select(func.count())
                .select_from(model)
                .where(model.office_id == row.id, model.deleted_at.is_(None))
            ).scalar_one()
            if used:
                raise ConflictError("office.has_data", value=row.code, count=used)
        _require_owned(session, row.origin_office, row.name)
        row.deleted_at = now_utc()
        stamp_change(row, actor)
        audit(
            session, actor, action="delete", entity="office", record_uuid=row.uuid,
            before=_audit_json(detail.values), summary=row.code,
        )  # fmt: skip
        uow.commit()
    return detail


def set_office_head(
    db: Database, actor: Actor, *, office_code: str, employee_uuid: str | None,
    acting: Acting = Acting.NONE,
) -> OfficeHeadChange:  # fmt: skip
    """Make ``employee_uuid`` the head of the office (None: nobody), marking Plt./Plh. acting.

    The mark moves between current assignments at that office (corrected in place, versions
    bumped), so the previous head stops being head in the same transaction. Undo: call again
    with ``before_uuid`` and ``before_acting``.

    Raises:
        ValidationError: ``office.head_not_here`` when the employee has no current assignment
            at this office or is inactive.
        ConflictError: ``record.not_owned`` for an assignment owned elsewhere.
    """
    require(actor, Role.ADMIN, Role.OPERATOR)
    acting = Acting(acting)
    with db.uow() as uow:
        session = uow.session
        office = _office(session, office_code)
        before = _detail(session, office)
        rows = _staff(session, office.id)
        if employee_uuid is not None and employee_uuid not in {e.uuid for _, e in rows}:
            raise ValidationError("office.head_not_here", field="head", value=office.code)
        for assignment, employee in rows:
            wanted = employee.uuid == employee_uuid
            state = (wanted, acting if wanted else Acting.NONE)
            if (bool(assignment.is_head), assignment.acting) == state:
                continue
            _require_owned(session, assignment.origin_office, employee.name)
            assignment.is_head, assignment.acting = state
            stamp_change(assignment, actor)
            stamp_change(employee, actor)  # the employee is the aggregate root
        change = OfficeHeadChange(
            office.code, before.head_uuid, before.head_acting, employee_uuid,
            acting if employee_uuid else Acting.NONE,
        )  # fmt: skip
        audit(
            session, actor, action="set_head", entity="office", record_uuid=office.uuid,
            before={"head": change.before_uuid, "acting": change.before_acting.value},
            after={"head": change.after_uuid, "acting": change.after_acting.value},
            summary=office.code,
        )  # fmt: skip
        uow.commit()
    return change


# -- external penilai ---------------------------------------------------------------------------


def _external_dto(session: Session, row: ExternalPenilai) -> ExternalPenilaiDTO:
    return ExternalPenilaiDTO(
        row.uuid, row.name, row.nip, row.grade, row.jabatan, row.instansi, row.acting,
        row.version, _owned(session, row.origin_office),
    )  # fmt: skip


def _external_input(row: ExternalPenilai) -> ExternalPenilaiInput:
    return ExternalPenilaiInput(row.name, row.jabatan, row.nip, row.grade, row.instansi, row.acting)


def _external_json(values: ExternalPenilaiInput) -> dict[str, Any]:
    return asdict(values) | {"acting": values.acting.value}


def _checked_external(values: ExternalPenilaiInput) -> ExternalPenilaiInput:
    name, jabatan = values.name.strip(), values.jabatan.strip()
    if not name:
        raise ValidationError("external.name_required", field="name")
    if not jabatan:
        raise ValidationError("external.jabatan_required", field="jabatan")
    nip = validate_nip(values.nip, EmploymentType.PNS) if values.nip.strip() else ""
    grade = find_grade(values.grade).code if values.grade.strip() else ""
    return ExternalPenilaiInput(
        name, jabatan, nip, grade, values.instansi.strip(), Acting(values.acting)
    )


def _external(session: Session, uuid: str) -> ExternalPenilai:
    row = session.execute(
        select(ExternalPenilai).where(
            ExternalPenilai.uuid == uuid, ExternalPenilai.deleted_at.is_(None)
        )
    ).scalar()
    if row is None:
        raise NotFoundError("external.not_found", value=uuid)
    return row


def list_external_penilai(db: Database) -> list[ExternalPenilaiDTO]:
    """Every live external penilai record, by name."""
    with db.uow() as uow:
        rows = uow.session.execute(
            select(ExternalPenilai).where(ExternalPenilai.deleted_at.is_(None))
        ).scalars()
        found = [_external_dto(uow.session, row) for row in rows]
    return sorted(found, key=lambda x: (x.name.casefold(), x.uuid))


def create_external_penilai(
    db: Database, actor: Actor, values: ExternalPenilaiInput
) -> ExternalPenilaiSaved:
    """Add a penilai who works outside this database (DOMAIN.md A 12)."""
    require(actor, Role.ADMIN, Role.OPERATOR)
    cleaned = _checked_external(values)
    with db.uow() as uow:
        session = uow.session
        row = ExternalPenilai(**asdict(cleaned))
        stamp_new(row, actor, office=home_office_code(session) or "")
        session.add(row)
        session.flush()
        audit(
            session, actor, action="create", entity="external_penilai", record_uuid=row.uuid,
            after=_external_json(cleaned), summary=cleaned.name,
        )  # fmt: skip
        dto = _external_dto(session, row)
        uow.commit()
    return ExternalPenilaiSaved(dto, None, cleaned)


def update_external_penilai(
    db: Database, actor: Actor, uuid: str, values: ExternalPenilaiInput, *,
    expected_version: int | None = None,
) -> ExternalPenilaiSaved:  # fmt: skip
    """Change an external penilai record (full values; undo with ``before``)."""
    require(actor, Role.ADMIN, Role.OPERATOR)
    cleaned = _checked_external(values)
    with db.uow() as uow:
        session = uow.session
        row = _external(session, uuid)
        _check_version(row, expected_version, row.name)
        before = _external_input(row)
        if before == cleaned:
            return ExternalPenilaiSaved(_external_dto(session, row), before, before)
        _require_owned(session, row.origin_office, row.name)
        for key, value in asdict(cleaned).items():
            setattr(row, key, value)
        stamp_change(row, actor)
        audit(
            session, actor, action="update", entity="external_penilai", record_uuid=row.uuid,
            before=_external_json(before), after=_external_json(cleaned), summary=cleaned.name,
        )  # fmt: skip
        session.flush()
        dto = _external_dto(session, row)
        uow.commit()
    return ExternalPenilaiSaved(dto, before, cleaned)


def delete_external_penilai(db: Database, actor: Actor, uuid: str) -> ExternalPenilaiDTO:
    """Delete an external penilai nobody has as current atasan (a tombstone).

    Raises:
        ConflictError: ``external.in_use``, ``record.not_owned``.
    """
    require(actor, Role.ADMIN, Role.OPERATOR)
    with db.uow() as uow:
        session = uow.session
        row = _external(session, uuid)
        used = session.execute(
            select(func.count())
            .select_from(Assignment)
            .where(
                Assignment.external_penilai_id == row.id,
                Assignment.end_date.is_(None),
                Assignment.deleted_at.is_(None),
            )
        ).scalar_one()
        if used:
            raise ConflictError("external.in_use", name=row.name, count=used)
        _require_owned(session, row.origin_office, row.name)
        dto = _external_dto(session, row)
        row.deleted_at = now_utc()
        stamp_change(row, actor)
        audit(
            session, actor, action="delete", entity="external_penilai", record_uuid=row.uuid,
            before=_external_json(_external_input(row)), summary=row.name,
        )  # fmt: skip
        uow.commit()
    return dto
