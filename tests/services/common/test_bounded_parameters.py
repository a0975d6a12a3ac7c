"""No statement binds an unbounded list of parameters (issue 16, "must hold").

A city database holds more evaluations, realisations and employees than SQLite binds in one
statement (32,766 by default; 999 in older builds), so an ``IN (?, ?, …)`` over every row of a
screen fails there long before it is slow. Here every connection is limited to 100 bound
variables, and the reads behind each screen run on the demo, which already holds more rows
than that: an unbounded ``IN`` fails in the normal suite without a city database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from kinerja_desktop.services.common.database import Database

LIMIT = 100


@pytest.fixture
def limited_db(demo_db_path) -> Iterator[Database]:
    def limit(dbapi_connection: object, _record: object) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, LIMIT)

    event.listen(Engine, "connect", limit)
    try:
        with Database.open(demo_db_path) as db:
            yield db
    finally:
        event.remove(Engine, "connect", limit)


def test_the_limit_bites(limited_db: Database) -> None:
    """The fixture really limits: a statement binding more than 100 values is refused."""
    from sqlalchemy import select

    from kinerja_desktop.storage.models import Employee

    with limited_db.uow() as uow, pytest.raises(Exception, match="too many SQL variables"):
        uow.session.execute(select(Employee.id).where(Employee.id.in_(list(range(LIMIT + 1)))))


def test_evaluasi_for_every_period_and_all_periods(limited_db: Database) -> None:
    from kinerja_desktop.services.evaluation.evaluations import list_evaluations, list_periods

    everything = list_evaluations(limited_db)
    assert len(everything) > LIMIT
    total = 0
    for choice in list_periods(limited_db):
        rows = list_evaluations(limited_db, period=choice.code)
        assert all(row.period == choice.code for row in rows)
        total += len(rows)
    assert total == len(everything)


def test_the_other_screens_read_within_the_limit(limited_db: Database) -> None:
    from kinerja_desktop.services.evaluation.completion import completion_summary
    from kinerja_desktop.services.evaluation.evaluations import list_periods
    from kinerja_desktop.services.plans.skp_status import list_skp
    from kinerja_desktop.services.register.employees import list_employees
    from kinerja_desktop.services.reporting.recap import kecamatan_recap_data
    from kinerja_desktop.services.reporting.recaps import office_recap

    assert len(list_employees(limited_db)) >= LIMIT
    assert list_skp(limited_db, 2026)
    for choice in list_periods(limited_db):
        if choice.code[5:6] != "Q":
            continue
        assert completion_summary(limited_db, choice.code).rows
        assert office_recap(limited_db, period=choice.code)
        assert kecamatan_recap_data(limited_db, period=choice.code) is not None
