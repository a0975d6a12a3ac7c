"""``kinerja-desktop --db postgresql+psycopg://… check`` (issue 18): the server's health check
instead of the file's, end to end: the schema and the counts of a city database, an empty
database and a missing one worded, and the database left as it was.

Skipped, with the reason, where no PostgreSQL server answers (``KINERJA_TEST_PG_URL``).
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.config import parse_db_address
from kinerja_desktop.domain import messages
from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.services.admin.check import check_database
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.info import count_records
from kinerja_desktop.storage.migrate import head_revision
from kinerja_desktop.storage.models import Base
from tests import pg_support
from tests.cli.helpers import run

pytestmark = pytest.mark.skipif(
    pg_support.unavailable() is not None, reason=str(pg_support.unavailable())
)


def _table_counts(url: str) -> dict[str, int]:
    """Every table's row count, to see that a check wrote nothing (audit, settings...)."""
    with Database.open(parse_db_address(url)) as db, db.uow() as uow:
        return {
            t.name: uow.session.execute(select(func.count()).select_from(t)).scalar_one()
            for t in Base.metadata.sorted_tables
        }


def test_check_on_a_server_gives_the_schema_and_the_counts(pg_demo_url: str) -> None:
    address = parse_db_address(pg_demo_url)
    with Database.open(address) as db, Session(db.engine) as session:
        expected = count_records(session)
    result = check_database(address)
    assert result.ok and result.schema == head_revision()
    assert result.counts == expected and expected["employees"] > 0
    # No file notes (read-only folder, network drive) for a database that is no file.
    assert not any("berkas" in p.lower() or "folder" in p.lower() for p in result.problems)


def test_the_check_command_on_a_server_end_to_end(pg_demo_url: str, capsys) -> None:
    before = _table_counts(pg_demo_url)
    code, out, _err = run(capsys, "--db", pg_demo_url, "check", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["ok"] is True and payload["schema"] == head_revision()
    assert payload["counts"]["offices"] > 0
    code, out, _err = run(capsys, "--db", pg_demo_url, "check")
    assert code == 0
    assert out.splitlines()[0] == messages.text(
        "cli.check_ok", "id", path=str(parse_db_address(pg_demo_url)), schema=head_revision()
    )
    assert _table_counts(pg_demo_url) == before  # the checks wrote nothing


def test_an_empty_server_database_has_no_schema_to_check(capsys) -> None:
    with pg_support.temporary_database("kinerja_t") as url:  # as createdb makes it
        result = check_database(parse_db_address(url))
        assert not result.ok and result.schema == ""
        assert result.problems == (messages.text("check.no_schema", "id"),)
        code, out, _err = run(capsys, "--db", url, "check")
        assert code != 0 and messages.text("check.no_schema", "id") in out


def test_a_missing_server_database_is_said_not_raised(capsys) -> None:
    url = pg_support.database_url(pg_support.new_name("kinerja_missing"))
    with pytest.raises(DatabaseError) as caught:
        check_database(parse_db_address(url))
    assert caught.value.code == "db.server_missing"
    code, out, err = run(capsys, "--db", url, "check")
    assert code != 0 and "Traceback" not in out + err
    assert "belum ada di server" in out + err
