"""A real, throwaway PostgreSQL cluster for the server-backup tests (issue 18.5).

``KINERJA_TEST_PG_URL`` (a superuser or CREATEDB role's address on a server the tests may
create databases on) is used when set; otherwise the session starts its own cluster with the
installed ``initdb`` (as the ``postgres`` user when run as root: initdb refuses root) and stops
it at the end. Without either the tests that need a server skip, saying why.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from kinerja_desktop.storage.migrate import upgrade_engine

BASE_PORT = 55439
TEMPLATE = "kinerja_pg_backup_tpl"


def _initdb() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(found[0]) if found else None


def _as_server_user(argv: list[str]) -> list[str]:
    if os.name == "posix" and os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *argv]
    return argv


def _port() -> int:
    # One cluster per xdist worker, so parallel runs do not fight over the port.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return BASE_PORT + int("".join(ch for ch in worker if ch.isdigit()) or 0)


def _start_cluster(initdb: Path, root: Path) -> None:
    bindir = initdb.parent
    run = {"check": True, "capture_output": True, "text": True}
    subprocess.run(
        _as_server_user(
            [str(initdb), "-D", str(root / "pg"), "-A", "trust", "-U", "postgres", "-N"]
        ),
        **run,
    )
    options = f"-p {_port()} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_server_user(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(root / "pg"),
                "-o",
                options,
                "-w",
                "-l",
                str(root / "server.log"),
                "start",
            ]
        ),
        **run,
    )


@pytest.fixture(scope="session")
def pg_server() -> Iterator[URL]:
    """The address of the server's ``postgres`` database for a role that may create databases."""
    given = os.environ.get("KINERJA_TEST_PG_URL")
    if given:
        yield make_url(given).set(database="postgres")
        return
    initdb = _initdb()
    if initdb is None:
        pytest.skip("no PostgreSQL server: set KINERJA_TEST_PG_URL or install postgresql (initdb)")
    root = Path(tempfile.mkdtemp(prefix="kinerja-pg-"))
    root.chmod(0o777)
    try:
        _start_cluster(initdb, root)
    except subprocess.CalledProcessError as exc:
        log = (root / "server.log").read_text() if (root / "server.log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"could not start the test cluster: {exc.stderr}{log}")
    try:
        yield URL.create(
            "postgresql+psycopg",
            username="postgres",
            host="127.0.0.1",
            port=_port(),
            database="postgres",
        )
    finally:
        subprocess.run(
            _as_server_user(
                [str(initdb.parent / "pg_ctl"), "-D", str(root / "pg"), "-m", "fast", "-w", "stop"]
            ),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)


def admin(url: URL):
    return create_engine(
        url.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )


@pytest.fixture(scope="session")
def pg_template(pg_server: URL) -> Iterator[str]:
    """A database migrated once with the app's Alembic migrations, copied for each test. Its
    name is this session's own: xdist workers (and other runs) may share one server."""
    name = f"{TEMPLATE}_{uuid.uuid4().hex[:8]}"
    engine = admin(pg_server)
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    migrated = create_engine(pg_server.set(database=name), poolclass=NullPool)
    upgrade_engine(migrated)
    migrated.dispose()
    try:
        yield name
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture
def pg_url(pg_server: URL, pg_template: str) -> Iterator[URL]:
    """A fresh migrated database of its own; it and the copies a restore keeps are dropped after."""
    name = f"kinerja_{uuid.uuid4().hex[:10]}"
    engine = admin(pg_server)
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"'))
    try:
        yield pg_server.set(database=name)
    finally:
        with engine.connect() as conn:
            left = conn.execute(
                text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": f"{name}%"}
            ).scalars()
            for db in list(left):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
        engine.dispose()
