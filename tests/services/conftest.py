"""Fixtures of the service tests: the shared, read-only demo on either engine (issue 18)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kinerja_desktop.config import parse_db_address
from kinerja_desktop.services.common.database import Database
from tests import pg_support


@pytest.fixture(scope="session")
def pg_demo_shared(pg_demo_template: str) -> Iterator[str]:
    """One PostgreSQL copy of the demo per session that tests only read: its URL. (A copy,
    not the template itself: ``CREATE DATABASE … TEMPLATE`` refuses while anyone is
    connected to the template.)"""
    with pg_support.temporary_database("kinerja_demo_ro", template=pg_demo_template) as url:
        yield url


@pytest.fixture
def demo_db(db_engine: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """The shared demo, opened, on SQLite or PostgreSQL. Read it only: ``db`` is the one to
    change."""
    if db_engine == "postgresql":
        address = parse_db_address(request.getfixturevalue("pg_demo_shared"))
    else:
        address = request.getfixturevalue("demo_db_path")
    with Database.open(address) as database:
        yield database
