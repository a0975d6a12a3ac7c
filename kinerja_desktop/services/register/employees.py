"""Reading the employee register as plain rows (fast with 10,000 employees)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.ranks import pangkat_label
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import EmployeeRow
from kinerja_desktop.storage.models import Assignment, Employee, ExternalPenilai, Office


def _safe_pangkat(grade: str) -> str:
    try:
        return pangkat_label(grade)
    except Exception:  # an unknown grade code from an old import still lists
        return grade


def _current_assignments(session: Session) -> dict[int, Any]:
    """employee id -> their open assignment, else the one that started last."""
    current: dict[int, tuple] = {}
    for a in session.execute(
        select(
            Assignment.employee_id,
            Assignment.office_id,
            Assignment.start_date,
            Assignment.end_date,
            Assignment.jabatan,
            Assignment.job_kind,
            Assignment.grade,
            Assignment.atasan_id,
            Assignment.external_penilai_id,
            Assignment.is_head,
        ).where(Assignment.deleted_at.is_(None))
    ):
        # The open assignment wins; otherwise the one that started last.
        key = (a.end_date is None, a.start_date or date.min)
        held = current.get(a.employee_id)
        if held is None or key > held[0]:
            current[a.employee_id] = (key, a)
    return {employee: a for employee, (_key, a) in current.items()}


def _employee_row(
    person: Any,
    assignment: Any,
    office: tuple[str, str],
    *,
    full: str,
    atasan: str,
) -> EmployeeRow:
    grade = assignment.grade if assignment is not None else ""
    code, office_name = office
    return EmployeeRow(
        uuid=person.uuid,
        nip=person.nip,
        nip_display=format_nip(person.nip),
        name=person.name,
        full_name=full,
        employment_type=person.employment_type,
        grade=grade,
        pangkat=_safe_pangkat(grade) if grade else "",
        jabatan=assignment.jabatan if assignment is not None else "",
        job_kind=assignment.job_kind if assignment is not None else None,
        office_code=code,
        office_name=office_name,
        atasan_name=atasan,
        active=person.active,
        is_head=bool(assignment.is_head) if assignment is not None else False,
    )


def list_employees(
    db: Database, *, office_code: str | None = None, include_inactive: bool = True
) -> list[EmployeeRow]:
    """Every employee with their current (or last) assignment, ordered by name."""
    with db.uow() as uow:
        session = uow.session
        people = session.execute(
            select(
                Employee.id,
                Employee.uuid,
                Employee.nip,
                Employee.name,
                Employee.title_prefix,
                Employee.title_suffix,
                Employee.employment_type,
                Employee.active,
            ).where(Employee.deleted_at.is_(None))
        ).all()
        names = {r.id: full_name(r.name, r.title_prefix, r.title_suffix) for r in people}
        externals = {
            r.id: r.name
            for r in session.execute(select(ExternalPenilai.id, ExternalPenilai.name)).all()
        }
        offices = {
            r.id: (r.code, r.name)
            for r in session.execute(select(Office.id, Office.code, Office.name))
        }
        current = _current_assignments(session)
    rows: list[EmployeeRow] = []
    for person in people:
        if not include_inactive and not person.active:
            continue
        assignment = current.get(person.id)
        office = ("", "")
        if assignment is not None:
            office = offices.get(assignment.office_id, ("", ""))
        if office_code is not None and office[0] != office_code:
            continue
        atasan = ""
        if assignment is not None:
            if assignment.atasan_id is not None:
                atasan = names.get(assignment.atasan_id, "")
            elif assignment.external_penilai_id is not None:
                atasan = externals.get(assignment.external_penilai_id, "")
        rows.append(_employee_row(person, assignment, office, full=names[person.id], atasan=atasan))
    rows.sort(key=lambda r: (r.name.casefold(), r.nip))
    return rows


def find_employee_uuid(db: Database, nip: str) -> str:
    """The uuid of the live employee with ``nip``.

    Raises:
        NotFoundError: ``employee.unknown_nip``.
    """
    with db.uow() as uow:
        found = uow.session.execute(
            select(Employee.uuid).where(Employee.nip == nip, Employee.deleted_at.is_(None))
        ).scalar()
    if found is None:
        raise NotFoundError("employee.unknown_nip", field="nip", nip=nip)
    return found
