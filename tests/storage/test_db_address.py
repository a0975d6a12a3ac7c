"""``--db`` and ``KINERJA_DB`` take a file's path or a server database's address (issue 18.1)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from kinerja_desktop.config import (
    DatabaseUrl,
    DbAddressError,
    parse_db_address,
    resolve_db_path,
)
from kinerja_desktop.domain.errors import DatabaseError
from tests import pg_support


@pytest.mark.parametrize(
    ("value", "driver"),
    [
        ("postgresql+psycopg://kota@db.padang.go.id/kinerja", "postgresql+psycopg"),
        ("postgresql://kota@127.0.0.1:5432/kinerja", "postgresql+psycopg"),
        ("postgres://kota@server/kinerja", "postgresql+psycopg"),
    ],
)
def test_an_address_names_a_server_database(value: str, driver: str) -> None:
    address = parse_db_address(value)
    assert isinstance(address, DatabaseUrl)
    assert address.url.startswith(driver + "://")
    assert address.dialect == "postgresql"
    assert address.name == "kinerja"


@pytest.mark.parametrize(
    "value", [r"C:\data\kinerja.sqlite", "C:/data/x.sqlite", "./kinerja.sqlite", "kota"]
)
def test_paths_stay_paths(value: str) -> None:
    assert parse_db_address(value) == Path(value)


def test_a_windows_path_with_a_drive_is_not_an_address() -> None:
    # "c:" is a scheme-like prefix without "//", and an upper-case drive never matches
    assert isinstance(parse_db_address(r"c:\Kinerja\kinerja.sqlite"), Path)
    assert isinstance(parse_db_address(str(PureWindowsPath("D:/x.sqlite"))), Path)


def test_an_unknown_scheme_is_refused() -> None:
    with pytest.raises(DbAddressError) as caught:
        parse_db_address("mysql://kota@server/kinerja")
    assert caught.value.scheme == "mysql"


def test_the_password_never_shows() -> None:
    address = parse_db_address("postgresql://kota:rahasia@server/kinerja")
    assert "rahasia" not in str(address)
    assert "rahasia" not in repr(address)
    assert str(address) == "postgresql+psycopg://kota:***@server/kinerja"


def test_the_environment_variable_takes_an_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINERJA_DB", "postgresql://kota@server/kinerja")
    assert resolve_db_path(None) == DatabaseUrl("postgresql+psycopg://kota@server/kinerja")


def test_an_unknown_scheme_is_a_usage_error_and_makes_no_folder(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--db", "mysql://u:pw@h/x", "check", "--json"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
        env=os.environ | {"PYTHONPATH": str(Path(__file__).parents[2])},
    )  # fmt: skip
    assert done.returncode == 2
    assert json.loads(done.stdout)["code"] == "usage"
    assert "mysql://" in done.stderr and "pw" not in done.stderr
    assert list(tmp_path.iterdir()) == []  # no "mysql:" folder, no SQLite file


# -- on a server ----------------------------------------------------------------------------------


def test_init_and_check_on_a_server(pg_empty_url: str, tmp_path: Path) -> None:
    root = str(Path(__file__).parents[2])
    env = os.environ | {"PYTHONPATH": root}
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--db", pg_empty_url, "check", "--json"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr  # the schema, no office yet
    assert json.loads(done.stdout)["counts"]["offices"] == 0
    init = ["init", "--code", "BKPSDM-PDG", "--name", "BKPSDM Kota Padang", "--kind", "kecamatan"]
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--db", pg_empty_url, *init],
        input="rahasia-kota\n", capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--db", pg_empty_url, "check", "--json"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["ok"] and result["counts"]["offices"] == 1
    again = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--db", pg_empty_url, *init, "--json"],
        input="rahasia-kota\n", capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120,
    )  # fmt: skip
    assert again.returncode == 1 and json.loads(again.stdout)["code"] == "init.exists"
    assert list(tmp_path.iterdir()) == []  # no file, no lock file, no backup folder


def test_backup_of_a_server_database_is_a_dump(pg_demo_url: str, tmp_path: Path) -> None:
    from kinerja_desktop.services.admin import make_backup

    info = make_backup(parse_db_address(pg_demo_url), out=tmp_path / "kota.dump")
    assert Path(info.path) == tmp_path / "kota.dump" and info.size > 0


def test_a_missing_server_database_is_worded(pg_schema_template: str) -> None:
    from kinerja_desktop.services.common.database import Database

    address = parse_db_address(pg_support.database_url("kinerja_tidak_ada"))
    with pytest.raises(DatabaseError) as caught:
        Database.open(address)
    assert caught.value.code == "db.server_missing"


def test_health_check_of_a_server(pg_demo_url: str) -> None:
    from kinerja_desktop.services.admin.startup_check import acquire_writer, quick_check
    from kinerja_desktop.storage.migrate import head_revision
    from kinerja_desktop.storage.server import create_server_engine, server_health

    address = parse_db_address(pg_demo_url)
    assert isinstance(address, DatabaseUrl)
    engine = create_server_engine(address)
    try:
        health = server_health(engine, address)
    finally:
        engine.dispose()
    assert health.revision == head_revision() and health.in_recovery is False
    assert quick_check(address) is True
    assert acquire_writer(address) == (None, None)


def test_a_read_only_server_handle_refuses_writes(pg_demo_url: str) -> None:
    from sqlalchemy import text

    from kinerja_desktop.services.common.database import Database

    with Database.open(parse_db_address(pg_demo_url)) as db, db.reader().uow() as uow:
        with pytest.raises(DatabaseError) as caught:
            uow.session.execute(text("UPDATE settings SET value = value"))
        assert caught.value.code == "db.read_only_write_server"


def test_the_address_with_its_password_stays_out_of_the_log(
    pg_schema_template: str, caplog: pytest.LogCaptureFixture
) -> None:
    from sqlalchemy.engine import make_url

    from kinerja_desktop.services.common.database import Database

    url = (
        make_url(pg_support.database_url("kinerja_tidak_ada"))
        .set(username="nobody", password="rahasia")
        .render_as_string(hide_password=False)
    )
    caplog.set_level(logging.DEBUG)
    with pytest.raises(DatabaseError) as caught:
        Database.open(parse_db_address(url))
    assert caught.value.code in {"db.server_missing", "db.server_password", "db.server_denied"}
    assert "rahasia" not in str(caught.value.params) and "rahasia" not in caplog.text


def test_a_terminal_is_asked_the_server_password_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first attempt fails for want of a password; the answer goes to this process's
    PGPASSWORD (where libpq reads it), unechoed, and the command runs again."""
    import argparse
    import getpass

    from kinerja_desktop.cli import core

    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    asked: list[str] = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or "rahasia")
    calls: list[str | None] = []

    def handler(args: argparse.Namespace, out: core.Output) -> int:
        calls.append(os.environ.get("PGPASSWORD"))
        if len(calls) == 1:
            raise DatabaseError("db.server_password", path="postgresql+psycopg://kota@server/k")
        return 0

    args = argparse.Namespace(command="check", handler=handler)
    assert core._run_on_server(args, core.Output(json_mode=False, lang="id")) == 0
    assert calls == [None, "rahasia"] and len(asked) == 1


def test_without_a_terminal_the_password_refusal_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from kinerja_desktop.cli import core

    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)

    def handler(args: argparse.Namespace, out: core.Output) -> int:
        raise DatabaseError("db.server_password", path="postgresql+psycopg://kota@server/k")

    args = argparse.Namespace(command="check", handler=handler)
    with pytest.raises(DatabaseError):
        core._run_on_server(args, core.Output(json_mode=False, lang="id"))


def test_restore_and_the_backup_list_of_a_server_database(pg_demo_url: str, tmp_path: Path) -> None:
    from kinerja_desktop.services.admin import list_backups, plan_restore

    address = parse_db_address(pg_demo_url)
    assert list_backups(address) == []  # no dump made yet (tests/cli/test_pg_backups_cli.py)
    with pytest.raises(TypeError):  # a server is restored by restore_server_backup
        plan_restore(address, tmp_path / "cadangan.sqlite")  # type: ignore[arg-type]


def test_the_demo_never_overwrites_a_server_database(pg_demo_url: str) -> None:
    from kinerja_desktop.domain.errors import ConflictError
    from kinerja_desktop.services.demo.build import build_demo

    with pytest.raises(ConflictError) as caught:
        build_demo(parse_db_address(pg_demo_url), force=True)  # type: ignore[arg-type]
    assert caught.value.code == "db.server_not_empty"
