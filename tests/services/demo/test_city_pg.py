"""The demo city built into a PostgreSQL database (``--db postgresql+psycopg://… demo --scale
city``, issue 18): the same rows as the SQLite city, the app's own inserts work afterwards
(the sequences were moved past the bulk load's ids), and a database holding rows is refused,
``--force`` or not.

Skipped, with the reason, where no PostgreSQL server answers (``KINERJA_TEST_PG_URL``).
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from kinerja_desktop.cli import main
from kinerja_desktop.config import DatabaseUrl, parse_db_address
from kinerja_desktop.domain.enums import EmploymentType, JobKind, OfficeKind
from kinerja_desktop.domain.errors import ConflictError
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.demo.city import TINY_CITY, CitySummary, build_city
from kinerja_desktop.services.register.dto import EmployeeInput, OfficeInput
from kinerja_desktop.services.register.employee_admin import create_employee
from kinerja_desktop.services.register.office_admin import create_office
from kinerja_desktop.storage.models import Base
from tests import pg_support
from tests.cli.helpers import run

pytestmark = pytest.mark.skipif(
    pg_support.unavailable() is not None, reason=str(pg_support.unavailable())
)


@pytest.fixture(scope="module")
def pg_city() -> Iterator[tuple[DatabaseUrl, dict[str, Any]]]:
    """``kinerja-desktop --db URL demo --scale city`` (the tiny plan) into a database made
    empty as an administrator makes it (``createdb``: not even the schema); its JSON."""
    name = pg_support.new_name("kinerja_city")
    url = pg_support.create_database(name)
    address = parse_db_address(url)
    assert isinstance(address, DatabaseUrl)
    try:
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(["--db", url, "demo", "--scale", "city", "--tiny", "--json"])
        assert code == 0, out.getvalue()
        yield address, json.loads(out.getvalue())
    finally:
        pg_support.drop_database(name)


@pytest.fixture(scope="module")
def sqlite_city(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CitySummary]:
    path = tmp_path_factory.mktemp("city") / "kota.sqlite"
    return path, build_city(path, plan=TINY_CITY)


def _sqlite_counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        return {
            t.name: con.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0]
            for t in Base.metadata.sorted_tables
        }
    finally:
        con.close()


def _pg_counts(address: DatabaseUrl) -> dict[str, int]:
    with Database.open(address) as db, db.uow() as uow:
        return {
            t.name: uow.session.execute(select(func.count()).select_from(t)).scalar_one()
            for t in Base.metadata.sorted_tables
        }


def test_the_city_on_postgresql_holds_the_same_rows_as_on_sqlite(pg_city, sqlite_city) -> None:
    (address, payload), (path, on_file) = pg_city, sqlite_city
    assert payload["counts"] == on_file.rows and payload["path"] == str(address)
    counts = _pg_counts(address)
    assert counts == _sqlite_counts(path)  # every table, the bookkeeping's too
    assert counts["evaluations"] > 1000 and counts["offices"] == on_file.offices
    assert payload["sync"]["counts"] == on_file.sync_counts
    assert on_file.sync_counts["rejected"] == on_file.sync_counts["conflicts"] == 0
    with Database.open(address) as db, db.uow() as uow:
        size = uow.session.execute(text("SELECT pg_database_size(current_database())"))
        assert abs(payload["size_bytes"] - size.scalar_one()) < 2**24


def _next_ids(db: Database) -> dict[str, tuple[int, int]]:
    """Per table with an id sequence: (the id its next plain insert gets, the highest id)."""
    found = {}
    with db.uow() as uow:
        for table in Base.metadata.sorted_tables:
            if "id" not in table.c:
                continue
            seq = uow.session.execute(
                text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
            ).scalar()
            if seq is None:
                continue
            last, called = uow.session.execute(
                text(f"SELECT last_value, is_called FROM {seq}")
            ).one()
            highest = uow.session.execute(text(f'SELECT max(id) FROM "{table.name}"')).scalar()
            found[table.name] = (last + 1 if called else last, highest or 0)
    return found


def test_the_apps_own_inserts_work_after_the_build(pg_city) -> None:
    address, _ = pg_city
    with Database.open(address) as db:
        ids = _next_ids(db)
        assert {"offices", "employees", "evaluations", "period_settings"} <= set(ids)
        behind = {t: pair for t, pair in ids.items() if pair[0] <= pair[1]}
        assert behind == {}  # every sequence past the ids the bulk load and the import gave
        with db.uow() as uow:
            highest = uow.session.execute(text("SELECT max(id) FROM employees")).scalar_one()
        office = OfficeInput("BTK-K99", "Kelurahan Uji", OfficeKind.KELURAHAN, parent_code="BTK")
        create_office(db, SYSTEM, office)
        values = EmployeeInput(
            nip="199511202020121004", name="Doni Uji", office_code="BTK-K99", grade="III/a",
            jabatan="Pengelola Umum", job_kind=JobKind.PELAKSANA,
            employment_type=EmploymentType.PNS, start_date=date(2026, 1, 2),
        )  # fmt: skip
        saved = create_employee(db, SYSTEM, values, today=date(2026, 12, 1))
        with db.uow() as uow:
            new_id = uow.session.execute(
                text("SELECT id FROM employees WHERE uuid = :u"), {"u": saved.detail.uuid}
            ).scalar_one()
    assert new_id == highest + 1


def test_a_server_database_holding_rows_is_refused_even_with_force(pg_city, capsys) -> None:
    address, _payload = pg_city
    before = _pg_counts(address)
    for force in (False, True):
        with pytest.raises(ConflictError) as caught:
            build_city(address, force=force, plan=TINY_CITY)
        assert caught.value.code == "db.server_not_empty"
    code, out, err = run(capsys, "--db", address.url, "demo", "--scale", "city", "--force")
    assert code != 0 and "--force tidak mengosongkan database di server" in out + err
    assert _pg_counts(address) == before  # nothing dropped, nothing added
