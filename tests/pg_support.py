"""A PostgreSQL server for the tests' second engine (the city tier, issue 18).

``KINERJA_TEST_PG_URL`` names a server database the tests may use as their maintenance
connection, e.g. ``postgresql+psycopg://postgres@127.0.0.1:55432/postgres`` (``.ci/run`` starts
a throwaway cluster and sets it). Without it, or when the server does not answer, every
PostgreSQL test is skipped with that reason (a Windows developer PC has no server).

Per test session (per xdist worker) the schema is migrated once into a template database and
the demo built once into a second one; each test gets its own ``CREATE DATABASE … TEMPLATE``
copy (about 0.1 s), dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

ENV = "KINERJA_TEST_PG_URL"


@cache
def admin_url() -> str | None:
    """The maintenance connection's URL, or None (then :func:`unavailable` says why)."""
    return os.environ.get(ENV) or None


@cache
def unavailable() -> str | None:
    """Why the PostgreSQL half cannot run here, or None when a server answers."""
    url = admin_url()
    if url is None:
        return f"no PostgreSQL server for the tests ({ENV} is not set)"
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any failure to reach the server skips, with the reason
        return f"PostgreSQL at {make_url(url).render_as_string()} does not answer: {exc}"
    return None


@cache
def _admin_engine() -> Engine:
    url = admin_url()
    assert url is not None
    return create_engine(url, isolation_level="AUTOCOMMIT")


def database_url(name: str) -> str:
    """The URL of the database ``name`` on the tests' server."""
    url = admin_url()
    assert url is not None
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def new_name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


def create_database(name: str, *, template: str | None = None) -> str:
    """Create ``name`` (a copy of ``template`` when given); returns its URL."""
    with _admin_engine().connect() as conn:
        clause = f' TEMPLATE "{template}"' if template else ""
        conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    return database_url(name)


def drop_database(name: str) -> None:
    with _admin_engine().connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextmanager
def temporary_database(prefix: str, *, template: str | None = None) -> Iterator[str]:
    """A database that exists for the ``with`` block; yields its URL."""
    name = new_name(prefix)
    url = create_database(name, template=template)
    try:
        yield url
    finally:
        drop_database(name)


def name_of(url: str) -> str:
    database = make_url(url).database
    assert database is not None
    return database


def dump_rows(address: object, *, skip: tuple[str, ...] = ()) -> dict[str, list]:
    """Every row of every table of the database at ``address`` (a file's path or a
    ``DatabaseUrl``), in primary-key order: the engine-neutral "nothing changed" check.

    Compare two dumps of the same database only: a file gives each row as a tuple of its
    values, a server database as the line ``COPY`` writes for it (the same content, read
    about twenty times faster than through the column types: the sync tests take several
    dumps per test).
    """
    from pathlib import Path

    from sqlalchemy import select

    from kinerja_desktop.storage.models import Base

    tables = [t for t in Base.metadata.sorted_tables if t.name not in skip]
    if not isinstance(address, Path):
        return _copied_rows(address.url, tables)  # type: ignore[attr-defined]
    engine = create_engine(f"sqlite:///{address}")
    try:
        with engine.connect() as conn:
            return {
                table.name: [
                    tuple(row)
                    for row in conn.execute(select(table).order_by(*table.primary_key.columns))
                ]
                for table in tables
            }
    finally:
        engine.dispose()


def _copied_rows(url: str, tables: list) -> dict[str, list]:
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            dump: dict[str, list] = {}
            for table in tables:
                order = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
                query = f'COPY (SELECT * FROM "{table.name}" ORDER BY {order}) TO STDOUT'
                with cursor.copy(query) as copy:
                    data = b"".join(bytes(block) for block in copy)
                dump[table.name] = data.decode("utf-8").splitlines()
            return dump
    finally:
        engine.dispose()
