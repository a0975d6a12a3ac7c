"""Database roles at the city (issue 18.4): an analyst's read-only role gets HANYA BACA.

The roles are made as the README's "Kantor kota (PostgreSQL)" section says: a writer granted
``SELECT, INSERT, UPDATE, DELETE`` and the sequences, an analyst granted ``SELECT`` only.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from kinerja_desktop.config import DatabaseUrl
from kinerja_desktop.domain import messages
from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.services.common import Database
from kinerja_desktop.storage.models import Setting
from tests.storage.pg.conftest import admin

WRITER_GRANTS = (
    "GRANT CONNECT ON DATABASE {db} TO {role}",
    "GRANT USAGE ON SCHEMA public TO {role}",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
    "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {role}",
)
ANALYST_GRANTS = (
    "GRANT CONNECT ON DATABASE {db} TO {role}",
    "GRANT USAGE ON SCHEMA public TO {role}",
    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
)


@pytest.fixture
def make_role(pg_url: URL) -> Iterator[object]:
    """Make a login role with the given grants on ``pg_url``; dropped after the test."""
    made: list[str] = []

    def make(grants: tuple[str, ...]) -> DatabaseUrl:
        role = f"r_{uuid.uuid4().hex[:10]}"
        with admin(pg_url).connect() as conn:
            conn.execute(text(f"CREATE ROLE {role} LOGIN"))
        made.append(role)
        owner = create_engine(pg_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with owner.connect() as conn:
            for grant in grants:
                conn.execute(text(grant.format(db=f'"{pg_url.database}"', role=role)))
        owner.dispose()
        return DatabaseUrl(pg_url.set(username=role).render_as_string(hide_password=False))

    yield make
    engine = admin(pg_url)
    with engine.connect() as conn:
        for role in made:
            # The test's database (and the grants in it) is dropped by pg_url after this.
            conn.execute(text(f'REVOKE ALL ON DATABASE "{pg_url.database}" FROM {role}'))
    engine.dispose()
    owner = create_engine(pg_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with owner.connect() as conn:
        for role in made:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
    owner.dispose()


def _write_a_setting(db: Database) -> None:
    with db.uow() as uow:
        uow.session.add(Setting(key="s14_probe", value="x"))
        uow.commit()


def test_an_analyst_role_opens_read_only_and_a_write_is_refused(make_role) -> None:
    address = make_role(ANALYST_GRANTS)
    with Database.open(address) as db:
        assert db.is_server and db.read_only and db.read_only_reason == "role"
        assert "hanya diberi hak membaca" in (db.read_only_text() or "")
        with db.uow() as uow:  # reading works
            assert uow.session.query(Setting).count() >= 0
        with pytest.raises(DatabaseError) as caught:
            _write_a_setting(db)
        assert caught.value.code == "db.read_only_write_server"
        worded = messages.text(caught.value.code, "id", **caught.value.params)
        assert "hak membaca" in worded and "Salin berkas" not in worded  # a role, not a file


def test_a_writer_role_opens_for_writing(make_role) -> None:
    address = make_role(WRITER_GRANTS)
    with Database.open(address) as db:
        assert not db.read_only and db.read_only_reason is None
        _write_a_setting(db)
        assert db.get_setting("s14_probe") == "x"


def _readme_sql() -> list[str]:
    """The SQL blocks of the README's "Two database roles" section, in order."""
    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Two database roles", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.S)


def _run_sql(url: URL, block: str, names: dict[str, str]) -> None:
    """Run ``block`` as the README says: ``-- psql -d NAME`` switches the database."""
    database = "postgres"
    statements: list[tuple[str, str]] = []
    for line in block.splitlines():
        switch = re.match(r"-- psql -d (\w+)", line)
        if switch:
            database = names.get(switch.group(1), switch.group(1))
        elif line.strip() and not line.startswith("--"):
            statements.append((database, line))
    for database, statement in statements:
        for old, new in names.items():
            statement = re.sub(rf"\b{old}\b", new, statement)
        engine = create_engine(
            url.set(database=database), isolation_level="AUTOCOMMIT", poolclass=NullPool
        )
        with engine.connect() as conn:
            conn.execute(text(statement))
        engine.dispose()


def test_the_readme_roles_work_as_written(pg_server: URL) -> None:
    """The README's statements, run as written (names made unique on the shared cluster):
    ``kota`` builds the schema, ``analis`` opens HANYA BACA, an extra operator writes."""
    tag = uuid.uuid4().hex[:8]
    names = {n: f"{n}_{tag}" for n in ("kinerja_kota", "kota", "analis", "operator1")}
    owner_block, operator_block = _readme_sql()
    as_role = {
        role: DatabaseUrl(
            pg_server.set(username=names[role], database=names["kinerja_kota"]).render_as_string(
                hide_password=False
            )
        )
        for role in ("kota", "analis", "operator1")
    }
    try:
        _run_sql(pg_server, owner_block, names)
        with Database.open(as_role["kota"]) as db:  # an empty database: kota builds the schema
            assert not db.read_only
        _run_sql(pg_server, operator_block, names)
        with Database.open(as_role["analis"]) as db:
            assert db.read_only and db.read_only_reason == "role"
            with db.uow() as uow:
                assert uow.session.query(Setting).count() >= 0  # granted by the defaults
        with Database.open(as_role["operator1"]) as db:
            assert not db.read_only
            _write_a_setting(db)
    finally:
        engine = admin(pg_server)
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{names["kinerja_kota"]}" WITH (FORCE)'))
            for role in ("operator1", "analis", "kota"):
                conn.execute(text(f"DROP ROLE IF EXISTS {names[role]}"))
        engine.dispose()
