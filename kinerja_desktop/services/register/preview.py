"""The Pegawai list's first screenful read straight from the file while the app starts.

Before its first query the app imports SQLAlchemy, the models and the services and configures
the mappers: about half a second of Python on an office PC, which made the rows appear 6x later
than a bare window (issue 16 aims at 4x). This module reads the same first page with the
standard library's ``sqlite3`` meanwhile, so the clerk sees the list at once; the normal read
replaces it a moment later (the view keeps the rows on screen when they are equal). It shows,
it never writes: one connection with ``query_only``, closed at once, the window offers no
action until the database is open.

Only where the file may be read without the start-up's checks, else there is no preview and
the start goes on as before:

- a local file with SQLite's header at exactly the schema this SQL was written for
  (:data:`PREVIEW_SCHEMA`: a test fails when a migration moves the head, so that the SQL is
  compared with the register's again);
- the previous session closed cleanly and the last full check is recent
  (:func:`~kinerja_desktop.services.admin.check_policy.full_check_due_for`): exactly when the
  start-up itself leaves the full check to the background. A file another copy holds, or one
  whose last session crashed, gets no preview;
- anything unexpected (a value the enums do not know, a locked file, any SQLite error) gives
  no preview rather than an error: the normal read then shows the rows or says what is wrong.

The statements mirror :func:`~.employees.list_employees_page`'s first page (people by
``lower(name)``, NIP and uuid; their live assignments with office, atasan and external
penilai joined) and :func:`~kinerja_desktop.services.common.list_offices`; a test compares
the results on a register with every case the rows distinguish.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections import namedtuple
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.enums import EmploymentType, JobKind, OfficeKind
from kinerja_desktop.services.admin.check_policy import full_check_due_for
from kinerja_desktop.services.common.dto import EmployeeRow, OfficeDTO
from kinerja_desktop.services.register.employee_rows import joined_row, pick_current
from kinerja_desktop.storage.sqlite_uri import SQLITE_HEADER, file_uri

#: The Alembic revision whose tables and columns the statements below name.
PREVIEW_SCHEMA = "0015"

_PEOPLE = """
SELECT id, uuid, nip, name, title_prefix, title_suffix, employment_type, active
FROM employees WHERE deleted_at IS NULL
ORDER BY lower(name), nip, uuid LIMIT ?
"""

# The page's people by a subquery, as the register's statement does: nothing bound grows.
_ASSIGNMENTS = """
SELECT a.employee_id, a.start_date, a.end_date, a.jabatan, a.job_kind, a.grade, a.is_head,
       a.atasan_id, a.external_penilai_id, o.code AS office_code, o.name AS office_name,
       s.name AS atasan_name, s.title_prefix AS atasan_prefix, s.title_suffix AS atasan_suffix,
       x.name AS external
FROM assignments AS a
LEFT OUTER JOIN offices AS o ON o.id = a.office_id
LEFT OUTER JOIN employees AS s ON s.id = a.atasan_id AND s.deleted_at IS NULL
LEFT OUTER JOIN external_penilai AS x ON x.id = a.external_penilai_id
WHERE a.deleted_at IS NULL AND a.employee_id IN (
    SELECT id FROM employees WHERE deleted_at IS NULL ORDER BY lower(name), nip, uuid LIMIT ?
)
ORDER BY a.id
"""

_OFFICES = """
SELECT o.uuid, o.code, o.name, o.kind, p.code, o.address, o.postal_code, o.city,
       o.letterhead_1, o.letterhead_2, o.letterhead_3
FROM offices AS o LEFT OUTER JOIN offices AS p ON o.parent_id = p.id
WHERE o.deleted_at IS NULL ORDER BY o.code
"""

_COUNT = "SELECT count(*) FROM employees WHERE deleted_at IS NULL"

_Person = namedtuple("_Person", "id uuid nip name title_prefix title_suffix employment_type active")
_Assignment = namedtuple(
    "_Assignment",
    "employee_id start_date end_date jabatan job_kind grade is_head atasan_id "
    "external_penilai_id office_code office_name atasan_name atasan_prefix atasan_suffix "
    "external",
)


@dataclass(frozen=True)
class EmployeePreview:
    """The first ``len(rows)`` employees in the register's order, every live office and how
    many live employees there are."""

    rows: tuple[EmployeeRow, ...]
    offices: list[OfficeDTO]
    total: int


def preview_employees(path: object, limit: int = 200) -> EmployeePreview | None:
    """The first page of the Pegawai list of the database file ``path``, or ``None`` when
    the file may not (or cannot) be previewed (see the module's rules). Never raises for a
    file: every doubt is a ``None``."""
    if not isinstance(path, Path) or limit < 1 or not _plain_sqlite(path):
        return None
    if full_check_due_for(path):
        return None
    try:
        return _read(path, limit)
    except (sqlite3.Error, ValueError, OSError):
        return None


def _plain_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _read(path: Path, limit: int) -> EmployeePreview | None:
    # A plain connection that only reads: SQLite removes the -wal/-shm it made when it closes
    # (a read-only one would leave them), and query_only refuses any write on it.
    # mode=rw: a file removed since the header was read is not made anew.
    uri = file_uri(path) + "?mode=rw"
    con = sqlite3.connect(uri, uri=True, timeout=0.1, isolation_level=None)
    try:
        con.execute("PRAGMA query_only = 1")
        revision = con.execute("SELECT version_num FROM alembic_version").fetchall()
        if revision != [(PREVIEW_SCHEMA,)]:
            return None  # an older file is upgraded first; a newer one is refused by opening
        con.execute("BEGIN")  # one snapshot for the three reads
        people = [_person(r) for r in con.execute(_PEOPLE, (limit,))]
        posts = [_assignment(r) for r in con.execute(_ASSIGNMENTS, (limit,))] if people else []
        offices = [_office(r) for r in con.execute(_OFFICES)]
        (total,) = con.execute(_COUNT).fetchone()
    finally:
        with contextlib.suppress(sqlite3.Error):
            con.close()
    current = pick_current(posts)
    rows = tuple(joined_row(person, current.get(person.id)) for person in people)
    return EmployeePreview(rows, offices, int(total))


def _person(r: tuple[Any, ...]) -> _Person:
    return _Person(*r[:6], EmploymentType(r[6]), bool(r[7]))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value is not None else None


def _assignment(r: tuple[Any, ...]) -> _Assignment:
    return _Assignment(r[0], _day(r[1]), _day(r[2]), r[3], JobKind(r[4]), r[5], bool(r[6]), *r[7:])


def _office(r: tuple[Any, ...]) -> OfficeDTO:
    return OfficeDTO(
        uuid=r[0],
        code=r[1],
        name=r[2],
        kind=OfficeKind(r[3]),
        parent_code=r[4],
        address=r[5],
        postal_code=r[6],
        city=r[7],
        letterhead=tuple(line for line in r[8:11] if line),
    )
