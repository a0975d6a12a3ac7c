"""Backups a clerk can see, make and restore, and the automatic one at start.

A restore first verifies that the file is a backup of this app that this version can open,
backs up the current state, then copies the backup in through SQLite's backup API and marks
every sync partner for a full export (their view of this office may now be ahead of it).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, insert, update

from kinerja_desktop.domain.errors import DatabaseError, ValidationError
from kinerja_desktop.services.actor import Actor
from kinerja_desktop.services.app_settings import backup_folder_for_path
from kinerja_desktop.storage import backup as store
from kinerja_desktop.storage.engine import SQLITE_HEADER, check_database_file
from kinerja_desktop.storage.migrate import known_revisions, open_database
from kinerja_desktop.storage.models import AuditEntry, Setting, SyncPartner

AUTO_INTERVAL = timedelta(hours=4)
FORCE_FULL_KEY = "force_full_export"


@dataclass(frozen=True)
class BackupInfo:
    path: str
    created_at: datetime | None
    size: int
    reason: str


def backup_folders(db_path: Path) -> list[Path]:
    """Where backups of ``db_path`` are: the configured folder first (Pengaturan), then
    ``backups`` beside the file, where the backup before a migration always goes."""
    folders = [backup_folder_for_path(db_path), store.backup_dir_for(db_path)]
    return list(dict.fromkeys(folder.resolve() for folder in folders))


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of ``db_path`` in its backup folders, newest first."""
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
    items.sort(key=lambda b: b.created_at or datetime.min.replace(tzinfo=UTC), reverse=True)
    return items


def make_backup(
    db_path: Path,
    *,
    reason: str = "manual",
    out: Path | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """Back up now (to ``out`` or the backup folder). Never migrates the database."""
    check_database_file(db_path, must_exist=True)
    try:
        folder = backup_folder_for_path(db_path)
        dest = store.backup_database(db_path, dest=out, reason=reason, now=now, folder=folder)
    except OSError as exc:
        raise DatabaseError(
            "backup.write_failed", path=str(out or backup_folder_for_path(db_path)), error=str(exc)
        ) from exc
    return BackupInfo(
        path=str(dest),
        created_at=store.backup_time(dest, db_path.stem),
        size=dest.stat().st_size,
        reason=reason,
    )


def auto_backup(db_path: Path, *, now: datetime | None = None) -> BackupInfo | None:
    """Back up at start unless a backup younger than :data:`AUTO_INTERVAL` exists."""
    now = now or datetime.now(UTC)
    newest = next((b for b in list_backups(db_path) if b.created_at is not None), None)
    if newest is not None and newest.created_at and now - newest.created_at < AUTO_INTERVAL:
        return None
    return make_backup(db_path, reason="start", now=now)


def verify_backup(path: Path) -> str:
    """Return the schema revision of a backup file, or refuse it.

    Raises:
        ValidationError: ``restore.not_backup`` (not SQLite, damaged, or not this app's),
            ``restore.newer`` (made by a newer app version).
    """
    if not path.is_file():
        raise ValidationError("restore.not_backup", path=str(path), file=str(path))
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise ValidationError("restore.not_backup", path=str(path), file=str(path))
    con = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True)
    try:
        if con.execute("PRAGMA quick_check").fetchone() != ("ok",):
            raise ValidationError("restore.not_backup", path=str(path), file=str(path))
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"alembic_version", "offices", "employees"} <= tables:
            raise ValidationError("restore.not_backup", path=str(path), file=str(path))
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ValidationError("restore.not_backup", path=str(path), file=str(path)) from exc
    finally:
        con.close()
    if revision is None:
        raise ValidationError("restore.not_backup", path=str(path), file=str(path))
    if revision[0] not in known_revisions():
        raise ValidationError(
            "restore.newer", path=str(path), file=str(path), db_revision=revision[0]
        )
    return str(revision[0])


@dataclass(frozen=True)
class RestoreResult:
    restored_from: str
    safety_backup: str
    revision: str


def restore_backup(db_path: Path, backup_path: Path, actor: Actor) -> RestoreResult:
    """Replace the database at ``db_path`` with ``backup_path``.

    The caller must have closed its own connections and asked for confirmation. The current
    state is backed up first (reason ``pre-restore``), so a restore can itself be undone.
    """
    verify_backup(backup_path)
    safety = make_backup(db_path, reason="pre-restore") if db_path.exists() else None
    source = sqlite3.connect(f"file:{backup_path.resolve().as_posix()}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(db_path)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    result = open_database(db_path)
    try:
        with result.engine.begin() as conn:
            conn.execute(update(SyncPartner).values(force_full=True))
            conn.execute(delete(Setting).where(Setting.key == FORCE_FULL_KEY))
            conn.execute(insert(Setting).values(key=FORCE_FULL_KEY, value=True))
            conn.execute(
                insert(AuditEntry).values(
                    at=datetime.now(UTC),
                    username=actor.username,
                    action="restore",
                    entity="database",
                    summary=f"restored from {backup_path.name}",
                )
            )
    finally:
        result.engine.dispose()
    return RestoreResult(
        restored_from=str(backup_path),
        safety_backup=str(safety.path) if safety else "",
        revision=result.revision,
    )
