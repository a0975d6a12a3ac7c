"""Schema version checks and Alembic upgrades, with a backup first.

Start-up and every command except ``check`` and ``backup`` call :func:`open_database`, which
refuses a database newer than this app, backs up an older one, and upgrades it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError as SADatabaseError, OperationalError

from kinerja_desktop.config import DbAddress, is_server
from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.storage.backup import backup_database
from kinerja_desktop.storage.engine import (
    check_database_file,
    create_db_engine,
    translate_error,
)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*=\s*['\"]?(\w+)['\"]?", re.MULTILINE)


def alembic_config() -> Config:
    """An Alembic config pointing at the migrations shipped inside the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the version files' text.

    Importing Alembic costs about 0.14 s at every start although a migration is rare, so the
    schema check reads the two assignment lines of each version file instead.
    """
    graph: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict(m.groups() for m in _REVISION_LINE.finditer(path.read_text("utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            graph[found["revision"]] = None if down in (None, "None") else down
    return graph


def head_revision() -> str:
    """The newest schema revision this app knows (the one no other revision follows)."""
    graph = _revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    if len(heads) != 1:
        raise RuntimeError(f"migrations must form one line, found heads {sorted(heads)}")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revision_graph())


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_engine(engine: Engine, revision: str = "head") -> None:
    """Run the migrations on ``engine`` up to ``revision`` in one transaction."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


#: Dumps a server database before its schema is upgraded: (address, its revision) -> the dump.
ServerBackup = Callable[[DbAddress, str], Path]


@dataclass(frozen=True)
class OpenResult:
    """What :func:`open_database` did."""

    engine: Engine
    revision: str
    migrated_from: str | None
    backup: Path | None
    created: bool


def open_database(
    path: DbAddress,
    *,
    create: bool = False,
    migrate: bool = True,
    server_backup: ServerBackup | None = None,
) -> OpenResult:
    """Open (or create) the database at ``path`` and bring its schema up to date.

    Args:
        path: the SQLite file, or a server database's address (:func:`open_server_database`).
        create: make a new empty database when the file does not exist.
        migrate: upgrade an older schema (after a backup). When False an older schema is left
            as it is.
        server_backup: how a server database is dumped before a migration (the services
            know the backup folder); without it an older server schema is not migrated.

    Raises:
        DatabaseError: missing, folder, corrupt, locked, or newer than this app
            (``db.newer``); nothing on disk is changed in those cases.
    """
    if is_server(path):
        return open_server_database(path, migrate=migrate, backup=server_backup)
    assert isinstance(path, Path)
    check_database_file(path, must_exist=not create)
    created = not path.exists() or path.stat().st_size == 0
    if created:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                "db.unwritable_folder", path=str(path.parent), file=str(path)
            ) from exc
    engine = create_db_engine(path)
    try:
        return _up_to_date(
            engine, path, current_revision(engine), created=created, migrate=migrate,
            take_backup=lambda _current: backup_database(path, reason="migrate"),
        )  # fmt: skip
    except DatabaseError:
        engine.dispose()
        raise
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        raise translate_error(exc, path) from exc


def _up_to_date(
    engine: Engine,
    where: DbAddress,
    current: str | None,
    *,
    created: bool,
    migrate: bool,
    take_backup: Callable[[str], Path],
) -> OpenResult:
    """The one path of both engines: refuse a newer schema, back an older one up with
    ``take_backup`` (a file copy, a dump) and only then upgrade it."""
    head = head_revision()
    if current is not None and current not in known_revisions():
        raise DatabaseError(
            "db.newer", path=str(where), file=str(where), db_revision=current, app_revision=head
        )
    if current == head or not migrate:
        return OpenResult(engine, current or "", None, None, created)
    backup = take_backup(current) if current is not None else None
    upgrade_engine(engine)
    return OpenResult(engine, head, current, backup, created)


def open_server_database(
    address: DbAddress, *, migrate: bool = True, backup: ServerBackup | None = None
) -> OpenResult:
    """Open a server database and bring its schema up to date.

    The database itself is made by the server's administrator (``createdb``); an empty one
    gets the schema here, as a new SQLite file does. An older schema is dumped by ``backup``
    first, as a SQLite file is copied: the migration's transaction protects against a failed
    upgrade, not against an upgrade that succeeds and turns out wrong. No ``backup`` (or one
    that fails) means no migration.

    Raises:
        DatabaseError: ``db.server_*`` (unreachable, password, missing, denied),
            ``db.server_migrate_no_backup``, ``pg_backup.*`` (the dump failed) or ``db.newer``.
    """
    from kinerja_desktop.storage.server import (
        create_server_engine,
        server_health,
        translate_server_error,
    )

    assert not isinstance(address, Path)
    engine = create_server_engine(address)
    try:
        current = server_health(engine, address).revision
        return _up_to_date(
            engine, address, current, created=current is None, migrate=migrate,
            take_backup=lambda revision: _dump_before_migration(address, revision, backup),
        )  # fmt: skip
    except DatabaseError:
        engine.dispose()
        raise
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        raise translate_server_error(exc, address) from exc


def _dump_before_migration(address: DbAddress, current: str, backup: ServerBackup | None) -> Path:
    if backup is None:
        raise DatabaseError(
            "db.server_migrate_no_backup",
            path=str(address),
            tool="pg_dump",
            db_revision=current,
            app_revision=head_revision(),
        )
    return backup(address, current)
