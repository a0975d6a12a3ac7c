"""Reading the employee register as plain rows (fast with 10,000 employees).

:func:`list_employees` reads the whole register in one piece; :func:`list_employees_page`
reads it in pages for the Pegawai view, so a city's first screenful shows before the other
10,000 rows are read (issue 16, item 2). Pages are keyset pages on the database's own order
key (``lower(name)``, NIP, uuid): each statement binds at most four values, whatever the page
size, and a page never repeats or skips a row of an unchanged register.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, select, tuple_
from sqlalchemy.orm import Session, aliased

from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import EmployeeRow
from kinerja_desktop.services.register.dto import EmployeeCursor, EmployeePage
from kinerja_desktop.services.register.employee_rows import employee_row, joined_row, pick_current
from kinerja_desktop.services.register.fetch import fetch_rows
from kinerja_desktop.storage.models import Assignment, Employee, ExternalPenilai, Office


def _current_assignments(session: Session) -> dict[int, Any]:
    """employee id -> their open assignment, else the one that started last."""
    return pick_current(
        session.execute(
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
        )
    )


def list_employees(
    db: Database, *, office_code: str | None = None, include_inactive: bool = True
) -> list[EmployeeRow]:
    """Every employee with their current (or last) assignment, ordered by name."""
    with db.uow() as uow:
        session = uow.session
        people = fetch_rows(
            session,
            select(
                Employee.id,
                Employee.uuid,
                Employee.nip,
                Employee.name,
                Employee.title_prefix,
                Employee.title_suffix,
                Employee.employment_type,
                Employee.active,
            ).where(Employee.deleted_at.is_(None)),
        )
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
        rows.append(employee_row(person, assignment, office, full=names[person.id], atasan=atasan))
    rows.sort(key=employee_order)
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


def _page_people(after: EmployeeCursor | None, limit: int | None) -> Any:
    sort_name = func.lower(Employee.name)
    people = (
        select(
            Employee.id, Employee.uuid, Employee.nip, Employee.name, Employee.title_prefix,
            Employee.title_suffix, Employee.employment_type, Employee.active,
            sort_name.label("sort_name"),
        )
        .where(Employee.deleted_at.is_(None))
        .order_by(sort_name, Employee.nip, Employee.uuid)
    )  # fmt: skip
    if after is not None:
        key = tuple_(sort_name, Employee.nip, Employee.uuid)
        people = people.where(key > tuple_(after.sort_name, after.nip, after.uuid))
    return people.limit(limit) if limit is not None else people


def _page_assignments(people: Any) -> Any:
    """The live assignments of the page's people with the names their rows print (the
    people by a subquery, not a list of ids: nothing bound grows with the page)."""
    atasan = aliased(Employee)
    return (
        select(
            Assignment.employee_id, Assignment.start_date, Assignment.end_date,
            Assignment.jabatan, Assignment.job_kind, Assignment.grade, Assignment.is_head,
            Assignment.atasan_id, Assignment.external_penilai_id,
            Office.code.label("office_code"), Office.name.label("office_name"),
            atasan.name.label("atasan_name"), atasan.title_prefix.label("atasan_prefix"),
            atasan.title_suffix.label("atasan_suffix"), ExternalPenilai.name.label("external"),
        )
        .select_from(Assignment)
        .outerjoin(Office, Office.id == Assignment.office_id)
        .outerjoin(atasan, and_(atasan.id == Assignment.atasan_id, atasan.deleted_at.is_(None)))
        .outerjoin(ExternalPenilai, ExternalPenilai.id == Assignment.external_penilai_id)
        .where(
            Assignment.deleted_at.is_(None),
            Assignment.employee_id.in_(people.with_only_columns(Employee.id)),
        )
        .order_by(Assignment.id)  # ties of the rule below go to the first stored, as before
    )  # fmt: skip


def list_employees_page(
    db: Database, *, after: EmployeeCursor | None = None, limit: int | None = 200
) -> EmployeePage:
    """The live employees after ``after`` (from the first when ``None``), at most ``limit``
    (``None``: all the rest), each with their current (or last) assignment.

    Rows as :func:`list_employees` makes them, ordered by the database's ``lower(name)``,
    NIP and uuid. On SQLite that is :func:`list_employees`'s order (name case-folded, NIP)
    for names in plain letters; elsewhere (a letter SQLite does not fold, PostgreSQL's
    collation) it may differ, so a caller that must match it re-sorts the complete list by
    :func:`employee_order` (one pass when already in order).
    """
    if limit is not None and limit < 1:
        raise ValueError("limit must be at least 1")
    people_query = _page_people(after, limit)
    with db.uow() as uow:
        session = uow.session
        people = fetch_rows(session, people_query)
        current = {}
        if people:
            current = pick_current(fetch_rows(session, _page_assignments(people_query)))
        total = None
        if after is None:
            count = select(func.count()).select_from(Employee)
            total = session.execute(count.where(Employee.deleted_at.is_(None))).scalar_one()
    rows = [joined_row(person, current.get(person.id)) for person in people]
    last = people[-1] if people else None
    more = last is not None and limit is not None and len(people) == limit
    cursor = EmployeeCursor(last.sort_name, last.nip, last.uuid) if more and last else None
    return EmployeePage(tuple(rows), cursor, total)


def employee_order(row: EmployeeRow) -> tuple[str, str]:
    """The order of :func:`list_employees`: the name case-folded, then the NIP."""
    return (row.name.casefold(), row.nip)
