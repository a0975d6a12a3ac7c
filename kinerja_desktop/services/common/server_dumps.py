"""Where a server database's dumps go, and the dump taken before a schema migration.

The folder rule lives here, below the admin room, because opening a database (this room's
:class:`~.database.Database`) must dump an older server schema before migrating it, as a
SQLite file is copied first (DESIGN.md 6). :mod:`kinerja_desktop.services.admin.pg_backups`
uses the same rule for ``backup`` and the Cadangan dialog, and rotates the folder.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from kinerja_desktop.config import DatabaseUrl, DbAddress, data_dir
from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.storage import backup as store, pg_backup
from kinerja_desktop.storage.migrate import head_revision
from kinerja_desktop.storage.models import Setting

log = logging.getLogger(__name__)

SUFFIX = ".dump"
MB = 1024 * 1024
#: Both tools a migration backup needs: pg_dump writes it, pg_restore --list verifies it.
DUMP_TOOLS = ("pg_dump", "pg_restore")


def server_slug(address: DatabaseUrl) -> str:
    """``<host>-<port>-<database>``, safe as a folder name on every system."""
    url = make_url(address.url)
    raw = f"{url.host or 'lokal'}-{url.port or 5432}-{url.database or ''}"
    return re.sub(r"[^A-Za-z0-9._-]+", "_", raw)


def default_server_folder(address: DatabaseUrl) -> Path:
    return data_dir() / "server" / server_slug(address) / "backups"


def server_settings(address: DatabaseUrl) -> dict[str, object]:
    """Pengaturan's backup rows as stored in the server database; {} when unreadable (the
    default folder and no budget still let a backup be made)."""
    engine = create_engine(address.url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(Setting.key, Setting.value).where(
                    Setting.key.in_(("backup_dir", "backup_budget_mb"))
                )
            ).all()
        return {key: value for key, value in rows}
    except SQLAlchemyError as exc:
        log.warning("could not read the backup settings of %s: %s", address, type(exc).__name__)
        return {}
    finally:
        engine.dispose()


def server_backup_place(address: DatabaseUrl) -> tuple[Path, int]:
    """The backup folder of a server database and its size budget in bytes (0: none)."""
    stored = server_settings(address)
    folder = stored.get("backup_dir")
    budget = stored.get("backup_budget_mb")
    chosen = Path(folder) if isinstance(folder, str) and folder else None
    size = budget * MB if isinstance(budget, int) and not isinstance(budget, bool) else 0
    return chosen or default_server_folder(address), max(size, 0)


def dump_name(database: str, reason: str, now: datetime) -> str:
    return f"{database}-{now.strftime(store.STAMP_FORMAT)}-{reason}{SUFFIX}"


def free_dump_path(folder: Path, database: str, reason: str, when: datetime) -> Path:
    """``folder``'s name for a new dump, numbered when one of the same second exists."""
    dest = folder / dump_name(database, reason, when)
    counter = 1
    while dest.exists():
        counter += 1
        dest = folder / dump_name(database, f"{reason}-{counter}", when)
    return dest


def migration_backup(address: DbAddress, db_revision: str) -> Path:
    """Dump the server database (reason ``migrate``) before its schema is upgraded.

    The rule: no dump, no migration. Without pg_dump/pg_restore on this PC the migration is
    refused (``db.server_migrate_no_backup``) and the database is left as it is; the next
    ``backup`` rotates the folder with this dump in it.

    Raises:
        DatabaseError: ``db.server_migrate_no_backup`` without the tools; ``pg_backup.*``
            when the dump fails or does not read back.
    """
    assert isinstance(address, DatabaseUrl)
    try:
        for tool in DUMP_TOOLS:
            pg_backup.find_tool(tool)
    except DatabaseError as exc:
        raise DatabaseError(
            "db.server_migrate_no_backup",
            path=str(address),
            tool=str(exc.params.get("tool", "pg_dump")),
            db_revision=db_revision,
            app_revision=head_revision(),
        ) from exc
    folder, _ = server_backup_place(address)
    when = datetime.now(UTC)
    dest = free_dump_path(folder, str(make_url(address.url).database), "migrate", when)
    return pg_backup.dump(address.url, dest).path
