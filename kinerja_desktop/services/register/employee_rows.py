"""One line of the Pegawai list made from plain values.

Shared by the register's reads (:mod:`.employees`, through SQLAlchemy) and the first screenful
read straight from the file at start-up (:mod:`.preview`, through ``sqlite3``), so both make
the same :class:`~kinerja_desktop.services.common.dto.EmployeeRow` from the same columns. No
SQLAlchemy here: the preview runs before it is imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.ranks import pangkat_label
from kinerja_desktop.services.common.dto import EmployeeRow


def safe_pangkat(grade: str) -> str:
    try:
        return pangkat_label(grade)
    except Exception:  # an unknown grade code from an old import still lists
        return grade


def pick_current(assignments: Iterable[Any]) -> dict[int, Any]:
    """employee id -> their open assignment, else the one that started last.

    ``assignments`` in stored order (by id): of two that tie, the first stored wins.
    """
    current: dict[int, tuple[tuple[bool, date], Any]] = {}
    for a in assignments:
        key = (a.end_date is None, a.start_date or date.min)
        held = current.get(a.employee_id)
        if held is None or key > held[0]:
            current[a.employee_id] = (key, a)
    return {employee: a for employee, (_key, a) in current.items()}


def joined_atasan(a: Any) -> str:
    """The atasan (or external penilai) name of an assignment row that joined them; a
    deleted atasan prints empty, as :func:`~.employees.list_employees` does."""
    if a.atasan_id is not None:
        return full_name(a.atasan_name, a.atasan_prefix, a.atasan_suffix) if a.atasan_name else ""
    if a.external_penilai_id is not None:
        return a.external or ""
    return ""


def employee_row(
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
        pangkat=safe_pangkat(grade) if grade else "",
        jabatan=assignment.jabatan if assignment is not None else "",
        job_kind=assignment.job_kind if assignment is not None else None,
        office_code=code,
        office_name=office_name,
        atasan_name=atasan,
        active=person.active,
        is_head=bool(assignment.is_head) if assignment is not None else False,
    )


def joined_row(person: Any, assignment: Any) -> EmployeeRow:
    """The row of ``person`` with the assignment row that joined its office and atasan."""
    a = assignment
    office = (a.office_code or "", a.office_name or "") if a is not None else ("", "")
    full = full_name(person.name, person.title_prefix, person.title_suffix)
    return employee_row(person, a, office, full=full, atasan=joined_atasan(a) if a else "")
