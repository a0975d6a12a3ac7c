"""Schema version checks and Alembic upgrades, with a backup first.

Start-up and every command except ``check`` and ``backup`` call :func:`open_database`, which
refuses a database newer than this app, backs up an older one, and upgrades it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.storage.backup import backup_database
from kinerja_desktop.storage.engine import (
    check_database_file,
    create_db_engine,
    translate_error,
)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    """An Alembic config pointing at the migrations shipped inside the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest schema revision this app knows."""
    head = script_directory().get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in script_directory().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None for an empty database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_engine(engine: Engine, revision: str = "head") -> None:
    """Run the migrations on ``engine`` up to ``revision`` in one transaction."""
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


@dataclass(frozen=True)
class OpenResult:
    """What :func:`open_database` did."""

    engine: Engine
    revision: str
    migrated_from: str | None
    backup: Path | None
    created: bool


def open_database(path: Path, *, create: bool = False, migrate: bool = True) -> OpenResult:
    """Open (or create) the database at ``path`` and bring its schema up to date.

    Args:
        path: the SQLite file.
        create: make a new empty database when the file does not exist.
        migrate: upgrade an older schema (after a backup). When False an older schema is left
            as it is.

    Raises:
        DatabaseError: missing, folder, corrupt, locked, or newer than this app
            (``db.newer``); nothing on disk is changed in those cases.
    """
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
        current = current_revision(engine)
        if current is not None and current not in known_revisions():
            raise DatabaseError(
                "db.newer",
                path=str(path),
                file=str(path),
                db_revision=current,
                app_revision=head_revision(),
            )
        head = head_revision()
        backup: Path | None = None
        migrated_from: str | None = None
        if current != head and migrate:
            if current is not None:
                backup = backup_database(path, reason="migrate")
                migrated_from = current
            upgrade_engine(engine)
            current = head
    except DatabaseError:
        engine.dispose()
        raise
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        raise translate_error(exc, path) from exc
    return OpenResult(
        engine=engine,
        revision=current or "",
        migrated_from=migrated_from,
        backup=backup,
        created=created,
    )
