"""A server database at an older schema is dumped before it is migrated, as a SQLite file is
copied (issue 18.5 with DESIGN.md 6); without pg_dump the migration is refused, unchanged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from kinerja_desktop.config import parse_db_address
from kinerja_desktop.domain import messages
from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.services.common import server_dumps
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.storage import pg_backup
from kinerja_desktop.storage.migrate import current_revision, head_revision, upgrade_engine
from tests import pg_support
from tests.cli.helpers import run

OLD = "0013"
ROOT = str(Path(__file__).parents[3])


@pytest.fixture
def old_server_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A server database whose schema stops at ``OLD``; its backups go under ``tmp_path``."""
    why = pg_support.unavailable()
    if why:
        pytest.skip(why)
    monkeypatch.setattr(server_dumps, "data_dir", lambda: tmp_path / "data")
    with pg_support.temporary_database("kinerja_migbak") as url:
        engine = create_engine(url, poolclass=NullPool)
        upgrade_engine(engine, OLD)
        engine.dispose()
        yield url


def _revision(url: str) -> str | None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()


def test_opening_an_older_server_schema_dumps_it_then_migrates(
    old_server_db: str, tmp_path: Path
) -> None:
    assert head_revision() != OLD
    with Database.open(parse_db_address(old_server_db)) as db:
        assert db.migrated_from == OLD
        assert db.revision == head_revision()
        assert db.backup is not None
        backup = db.backup
    assert _revision(old_server_db) == head_revision()
    folder = tmp_path / "data" / "server"
    dumps = list(folder.rglob("*.dump"))
    assert dumps == [backup]
    assert backup.name.endswith("-migrate.dump")
    assert backup.name.startswith(pg_support.name_of(old_server_db) + "-")
    # A whole, verified dump: pg_restore reads its entries.
    assert pg_backup.list_entries(backup) > 0


def test_without_pg_dump_the_migration_is_refused_and_nothing_changes(
    old_server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    monkeypatch.setattr(pg_backup, "tool_dirs", lambda: [])
    with pytest.raises(DatabaseError) as caught:
        Database.open(parse_db_address(old_server_db))
    error = caught.value
    assert error.code == "db.server_migrate_no_backup"
    assert error.params["tool"] == "pg_dump"
    sentence = messages.text(error.code, **error.params)
    assert "pg_dump" in sentence and OLD in sentence and head_revision() in sentence
    assert _revision(old_server_db) == OLD
    assert not list(tmp_path.rglob("*.dump"))


def test_a_current_or_empty_server_schema_is_opened_without_a_dump(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    why = pg_support.unavailable()
    if why:
        pytest.skip(why)
    monkeypatch.setattr(server_dumps, "data_dir", lambda: tmp_path / "data")
    # No tool is needed when nothing is migrated: an empty database only gets its schema.
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    monkeypatch.setattr(pg_backup, "tool_dirs", lambda: [])
    with pg_support.temporary_database("kinerja_migbak_new") as url:
        with Database.open(parse_db_address(url)) as db:
            assert db.revision == head_revision() and db.backup is None
        with Database.open(parse_db_address(url)) as db:
            assert db.migrated_from is None and db.backup is None
    assert not list(tmp_path.rglob("*.dump"))


def test_cli_migrate_reports_the_dump(old_server_db: str, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--db", old_server_db, "migrate", "--json"],
        capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL,
        env=os.environ | {"PYTHONPATH": ROOT, "XDG_DATA_HOME": str(tmp_path / "xdg")},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert body["migrated_from"] == OLD and body["schema"] == head_revision()
    assert body["backup"].endswith("-migrate.dump") and Path(body["backup"]).is_file()
    assert Path(body["backup"]).is_relative_to(tmp_path / "xdg")


def test_cli_migrate_without_pg_dump_says_so_in_one_sentence(
    old_server_db: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    monkeypatch.setattr(pg_backup, "tool_dirs", lambda: [])
    code, out, err = run(capsys, "--db", old_server_db, "migrate")
    assert code != 0 and out == ""
    assert "pg_dump" in err and "klien PostgreSQL" in err and "Traceback" not in err
    assert _revision(old_server_db) == OLD
