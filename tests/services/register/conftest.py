"""Fixtures of the register tests: the hand-built kecamatan register of :mod:`.helpers`.

Built once per session and engine; each test gets a private copy. A module whose tests work on
this register rather than the demo says so by defining ``db`` as ``register_db``. Through
``db_engine`` the register tests run on SQLite and on PostgreSQL (issue 18).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kinerja_desktop.config import parse_db_address
from kinerja_desktop.services.common.database import Database
from tests import pg_support
from tests.services.register.helpers import Register, build_register


@pytest.fixture(scope="session")
def register_template(tmp_path_factory: pytest.TempPathFactory) -> Register:
    """The register as built on SQLite; copy it (``reg``) before writing."""
    return build_register(tmp_path_factory.mktemp("register") / "ngl.sqlite")


@pytest.fixture(scope="session")
def pg_register_template(pg_schema_template: str) -> Iterator[tuple[str, Register]]:
    """The register built once into a PostgreSQL database: (its name, the register)."""
    name = pg_support.new_name("kinerja_tpl_register")
    url = pg_support.create_database(name, template=pg_schema_template)
    register = build_register(parse_db_address(url))
    yield name, register
    pg_support.drop_database(name)


@pytest.fixture
def reg(db_engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Register]:
    """A private copy of the register that a test may change (a file or a database)."""
    if db_engine == "postgresql":
        name, template = request.getfixturevalue("pg_register_template")
        with pg_support.temporary_database("kinerja_t", template=name) as url:
            yield replace(template, path=parse_db_address(url))
        return
    template = request.getfixturevalue("register_template")
    target = tmp_path / "ngl.sqlite"
    shutil.copy(template.path, target)
    yield replace(template, path=target)


@pytest.fixture
def register_db(reg: Register) -> Iterator[Database]:
    """The private copy, opened."""
    with Database.open(reg.path) as database:
        yield database
