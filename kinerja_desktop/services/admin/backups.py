"""Backups a clerk can see, make and check, and the automatic one at start.

Restoring one is :mod:`~kinerja_desktop.services.admin.restore`; the ``<db>.restoring`` copy it
builds is named and cleaned up here, because the start-up removes a stale one too.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, delete, insert, update

from kinerja_desktop.config import DbAddress
from kinerja_desktop.domain.errors import DatabaseError, ValidationError
from kinerja_desktop.services.admin.backup_budget import BudgetReport, apply_backup_budget
from kinerja_desktop.services.admin.import_slots import REASON, list_import_slots
from kinerja_desktop.services.admin.settings import backup_folder_for_path
from kinerja_desktop.storage import backup as store
from kinerja_desktop.storage.engine import SQLITE_HEADER, check_database_file
from kinerja_desktop.storage.migrate import (
    known_revisions,
)
from kinerja_desktop.storage.models import AuditEntry, Setting, SyncPartner

log = logging.getLogger(__name__)

AUTO_INTERVAL = timedelta(hours=4)
FORCE_FULL_KEY = "force_full_export"


def record_restore(conn: Connection, username: str, source_name: str) -> None:
    """In a restored database: every partner gets a full package next time (they may have
    seen later rows of this office than the backup holds), and the audit says so."""
    conn.execute(update(SyncPartner).values(force_full=True))
    conn.execute(delete(Setting).where(Setting.key == FORCE_FULL_KEY))
    conn.execute(insert(Setting).values(key=FORCE_FULL_KEY, value=True))
    conn.execute(
        insert(AuditEntry).values(
            at=datetime.now(UTC),
            username=username,
            action="restore",
            entity="database",
            summary=f"restored from {source_name}",
        )
    )


STALE_RESTORING = timedelta(minutes=30)


@dataclass(frozen=True)
class BackupInfo:
    """A backup file. ``budget``: how the backups folder stands against its size budget
    after this backup was made (None when listed, or when no budget is set)."""

    path: str
    created_at: datetime | None
    size: int
    reason: str
    budget: BudgetReport | None = None


def backup_folders(db_path: Path) -> list[Path]:
    """Where backups of ``db_path`` are: the configured folder first (Pengaturan), then
    ``backups`` beside the file, where the backup before a migration always goes."""
    folders = [backup_folder_for_path(db_path), store.backup_dir_for(db_path)]
    return list(dict.fromkeys(folder.resolve() for folder in folders))


def backup_folder_for(db_path: DbAddress) -> Path:
    """The folder a backup of ``db_path`` goes to: Pengaturan's, else the default (beside
    the file; for a server database see :mod:`.pg_backups`)."""
    if isinstance(db_path, Path):
        return backup_folder_for_path(db_path)
    from kinerja_desktop.services.admin.pg_backups import server_backup_place

    return server_backup_place(db_path)[0]


def list_backups(db_path: DbAddress, *, import_slots: bool = True) -> list[BackupInfo]:
    """Backups of ``db_path`` in its backup folders, newest first; with ``import_slots`` also
    the copies taken before sync imports (:mod:`.import_slots`)."""
    if not isinstance(db_path, Path):
        from kinerja_desktop.services.admin.pg_backups import list_server_backups

        return list_server_backups(db_path.url, backup_folder_for(db_path))
    items = []
    paths = [
        p for folder in backup_folders(db_path) for p in store.list_backups(folder, db_path.stem)
    ]
    for path in paths:
        items.append(
            BackupInfo(
                path=str(path),
                created_at=store.backup_time(path, db_path.stem),
                size=path.stat().st_size,
                reason=store.backup_reason(path, db_path.stem),
            )
        )
    if import_slots:
        slots = list_import_slots(backup_folders(db_path), db_path.stem)
        items += [BackupInfo(str(s.path), s.created_at, s.size, REASON) for s in slots]
    items.sort(key=lambda b: b.created_at or datetime.min.replace(tzinfo=UTC), reverse=True)
    return items


def make_backup(
    db_path: DbAddress,
    *,
    reason: str = "manual",
    out: Path | None = None,
    now: datetime | None = None,
    protect: frozenset[Path] = frozenset(),
) -> BackupInfo:
    """Back up now (to ``out`` or the backup folder), then rotate and apply the folder's size
    budget (never removing ``protect``, a file being restored). Never migrates the database.

    A server database is dumped with ``pg_dump`` (:func:`.pg_backups.backup_server`).
    """
    if not isinstance(db_path, Path):
        from kinerja_desktop.services.admin.pg_backups import backup_server

        return backup_server(db_path, reason=reason, out=out)
    check_database_file(db_path, must_exist=True)
    try:
        folder = backup_folder_for_path(db_path)
        dest = store.backup_database(db_path, dest=out, reason=reason, now=now, folder=folder)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(
            "backup.write_failed", path=str(out or backup_folder_for_path(db_path)), error=str(exc)
        ) from exc
    size = dest.stat().st_size
    # The new backup is the newest copy of all, which the budget never removes.
    budget = apply_backup_budget(db_path, now=now, protect=protect | {dest})
    return BackupInfo(
        path=str(dest),
        created_at=store.backup_time(dest, db_path.stem),
        size=size,
        reason=reason,
        budget=budget,
    )


def auto_backup(db_path: DbAddress, *, now: datetime | None = None) -> BackupInfo | None:
    """Back up at start unless a backup younger than :data:`AUTO_INTERVAL` exists.

    It also removes a ``<db>.restoring`` left by a restore that crashed long enough ago that
    it cannot be one still running.
    """
    if not isinstance(db_path, Path):
        # A dump of a city database at every start of every analyst's app would be heavy;
        # the server is dumped on demand (Cadangan, ``backup``) or by the server's schedule.
        return None
    now = now or datetime.now(UTC)
    remove_stale_restoring(db_path, older_than=STALE_RESTORING)
    # An import slot is replaced by the next import, so it never stands in for this backup.
    kept = list_backups(db_path, import_slots=False)
    newest = next((b for b in kept if b.created_at is not None), None)
    if newest is not None and newest.created_at and now - newest.created_at < AUTO_INTERVAL:
        return None
    return make_backup(db_path, reason="start", now=now)


def restoring_path(db_path: Path) -> Path:
    """The copy a restore builds beside the database before it replaces it."""
    return db_path.with_name(db_path.name + ".restoring")


def remove_stale_restoring(db_path: Path, *, older_than: timedelta | None = None) -> bool:
    """Delete a ``<db>.restoring`` left by a crashed restore; True when one was removed.

    Always safe for the database: the live file is never the ``.restoring`` one. With
    ``older_than`` a younger file is left alone (it may belong to a restore running now).
    """
    stale = restoring_path(db_path)
    if not stale.exists():
        return False
    if older_than is not None:
        age = datetime.now(UTC) - datetime.fromtimestamp(stale.stat().st_mtime, UTC)
        if age < older_than:
            return False
    try:
        store.remove_with_companions(stale)
    except OSError as exc:
        log.warning("could not remove %s: %s", stale, exc)
        return False
    log.info("removed %s left by an interrupted restore", stale)
    return True


@dataclass(frozen=True)
class BackupCheck:
    """A backup file that passed every check: what it holds and for which office."""

    path: str
    revision: str
    office_code: str | None
    office_uuid: str | None
    office_name: str | None


def check_backup(path: Path) -> BackupCheck:
    """Check ``path`` completely without changing it: a Kinerja database of a schema revision
    this app knows that passes ``PRAGMA integrity_check``.

    Raises:
        ValidationError: ``restore.missing``, ``restore.not_kinerja`` (not SQLite, or another
            program's database), ``restore.damaged`` (a Kinerja file failing the check),
            ``restore.newer`` (made by a newer app version).
    """
    where = str(path)
    if not path.is_file():
        raise ValidationError("restore.missing", path=where)
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise ValidationError("restore.not_kinerja", path=where)
    try:
        identity = store.read_identity(path)
    except sqlite3.DatabaseError as exc:
        raise ValidationError("restore.damaged", path=where) from exc
    if not {"alembic_version", "offices", "employees"} <= identity.tables:
        raise ValidationError("restore.not_kinerja", path=where)
    if identity.revision is None:
        raise ValidationError("restore.damaged", path=where)
    if identity.revision not in known_revisions():
        raise ValidationError("restore.newer", path=where, db_revision=identity.revision)
    if not store.integrity_ok(path):
        raise ValidationError("restore.damaged", path=where)
    return BackupCheck(
        path=where,
        revision=identity.revision,
        office_code=identity.home_code,
        office_uuid=identity.home_uuid,
        office_name=identity.home_name,
    )


def verify_backup(path: Path) -> str:
    """Return the schema revision of a backup file, or refuse it (see :func:`check_backup`)."""
    return check_backup(path).revision
