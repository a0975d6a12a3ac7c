"""The employee list in pages (issue 16, item 2): each row exactly once, in order, with any
page size, and no statement binding more than a handful of values."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import Engine

from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.dto import EmployeeCursor
from kinerja_desktop.services.register.employees import (
    employee_order,
    list_employees,
    list_employees_page,
)
from kinerja_desktop.storage.models import Employee

LIMIT = 20


def all_pages(db: Database, size: int | None) -> list:
    rows, cursor, pages = [], None, 0
    while True:
        page = list_employees_page(db, after=cursor, limit=size)
        assert (page.total is not None) == (cursor is None), "the count comes with page one"
        assert size is None or len(page.rows) <= size
        rows.extend(page.rows)
        pages += 1
        cursor = page.next
        if cursor is None:
            return rows
        assert pages < 10_000, "the pages never end"


def test_tiny_pages_return_each_employee_once_in_order(db: Database) -> None:
    whole = list_employees(db)
    first = list_employees_page(db, limit=3)
    assert first.total == len(whole) and len(first.rows) == 3 and first.next is not None
    one_piece = all_pages(db, None)
    for size in (1, 3, 7):
        paged = all_pages(db, size)
        # The same rows in the same order whatever the page size ...
        assert [r.uuid for r in paged] == [r.uuid for r in one_piece], size
    # ... each live employee once, exactly as the whole-list read makes it, in its order
    # once sorted by its key (a no-op for plain-letter names on SQLite).
    assert len({r.uuid for r in one_piece}) == len(one_piece) == len(whole)
    assert sorted(one_piece, key=employee_order) == whole
    assert list_employees_page(db, after=EmployeeCursor("\uffff", "", ""), limit=5).rows == ()


def test_a_page_size_below_one_is_refused(db: Database) -> None:
    with pytest.raises(ValueError):
        list_employees_page(db, limit=0)


def test_names_the_database_does_not_fold_end_in_the_list_order(db: Database) -> None:
    """SQLite's ``lower()`` folds ASCII only, so "Éva" comes before "élise" in the database's
    order and after it in the list's; the complete list sorted by :func:`employee_order` (what
    the Pegawai view does once every page is in) is still the whole-list read's."""
    with db.uow() as uow:
        live = select(Employee).where(Employee.deleted_at.is_(None)).order_by(Employee.id)
        first, second = uow.session.execute(live.limit(2)).scalars()
        first.name, second.name = "Éva Ulfa", "élise Zahra"
        uow.commit()
    paged = all_pages(db, 4)
    assert {"Éva Ulfa", "élise Zahra"} <= {r.name for r in paged}
    assert sorted(paged, key=employee_order) == list_employees(db)


@pytest.fixture
def limited_db(demo_db_path: Path, tmp_path: Path) -> Iterator[Database]:
    """A demo copy whose connections bind at most ``LIMIT`` values. Issue 16's "must hold"
    asks for 100; the demo has 100 live employees, so 20 is what makes an ``IN`` over a
    page's people or the whole register fail here (what passes at 20 passes at 100)."""
    import shutil

    copy = tmp_path / "limited.sqlite"
    shutil.copy(demo_db_path, copy)

    def limit(dbapi_connection: object, _record: object) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, LIMIT)

    event.listen(Engine, "connect", limit)
    try:
        with Database.open(copy) as db:
            yield db
    finally:
        event.remove(Engine, "connect", limit)


@pytest.mark.sqlite_only("SQLite's bound-parameter limit (SQLITE_LIMIT_VARIABLE_NUMBER)")
def test_pages_work_with_sqlite_limited_to_few_variables(limited_db: Database) -> None:
    with limited_db.uow() as uow, pytest.raises(Exception, match="too many SQL variables"):
        uow.session.execute(select(Employee.id).where(Employee.id.in_(list(range(LIMIT + 1)))))
    whole = list_employees(limited_db)
    assert len(whole) > LIMIT  # more employees than one statement may bind
    for size in (2, LIMIT + 5, None):
        assert sorted(all_pages(limited_db, size), key=employee_order) == whole
