"""Safe start-up: is the file healthy, who may write it, and how to get back a damaged one.

The GUI calls these before it opens a database (DESIGN.md section 5 and issue 5):

* :func:`quick_check` runs SQLite's ``PRAGMA quick_check`` on a read-only connection (a few
  milliseconds on the demo file), so a damaged file is caught before anything writes to it;
* :func:`newest_good_backup` finds the newest backup that passes :func:`verify_backup`, and
  :func:`restore_damaged` keeps the damaged file aside (with its ``-wal``/``-shm``
  companions, never deleted) while restoring that backup in its place;
* :func:`acquire_writer` takes the one-writer lock of the file; a second running copy gets the
  holder instead and opens the file with :func:`open_read_only`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kinerja_desktop.domain.errors import DatabaseError, KinerjaError
from kinerja_desktop.services.actor import Actor
from kinerja_desktop.services.app_settings import backup_folder_for_path
from kinerja_desktop.services.backups import (
    BackupInfo,
    RestoreResult,
    list_backups,
    restore_backup,
    verify_backup,
)
from kinerja_desktop.services.backups import (
    damaged_name as damaged_name,  # re-exported: the start-up names the kept file first
)
from kinerja_desktop.services.database import Database
from kinerja_desktop.storage.engine import check_database_file, create_db_engine, integrity_ok
from kinerja_desktop.storage.instance_lock import InstanceLock, who_am_i
from kinerja_desktop.storage.migrate import current_revision, head_revision, known_revisions


def quick_check(path: Path) -> bool:
    """True when ``path`` looks like SQLite and passes ``PRAGMA quick_check``.

    A missing file or a folder is not "damaged": those raise, as when opening.

    Raises:
        DatabaseError: ``db.missing`` or ``db.is_folder``.
    """
    try:
        check_database_file(path, must_exist=True)
    except DatabaseError as err:
        if err.code == "db.corrupt":
            return False
        raise
    if path.stat().st_size == 0:
        return True
    engine = create_db_engine(path, read_only=True)
    try:
        return integrity_ok(engine)
    finally:
        engine.dispose()


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup of ``db_path`` that this app can restore, or None."""
    for item in list_backups(db_path):
        try:
            verify_backup(Path(item.path))
        except KinerjaError:
            continue
        return item
    return None


@dataclass(frozen=True)
class DamagedRestore:
    damaged_kept_as: str
    restored_from: str
    revision: str


def restore_damaged(
    db_path: Path, backup: Path, actor: Actor, *, aside: Path | None = None
) -> DamagedRestore:
    """Keep the damaged ``db_path`` (as ``aside`` when given and free), then restore
    ``backup`` in its place.

    The backup is checked first, so a bad choice leaves the damaged file where it was. The
    damaged file is kept by a link (or a copy) made while ``db_path`` still names it, and the
    restored copy replaces it in one step: a crash leaves the damaged file or the restored one
    under the database's name, never no file. No office confirmation: the live file cannot be
    read.
    """
    result: RestoreResult = restore_backup(db_path, backup, actor, damaged_aside=aside)
    return DamagedRestore(
        damaged_kept_as=result.damaged_kept_as or str(aside),
        restored_from=result.restored_from,
        revision=result.revision,
    )


# -- one writer per file ----------------------------------------------------------------------


@dataclass(frozen=True)
class Holder:
    """Who holds a database file for writing, as its lock file says."""

    user: str
    computer: str
    since: datetime | None
    pid: int | None


class WriterLock:
    """The writer lock of one database file, held while the window uses it."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._lock = InstanceLock(db_path)

    def acquire(self) -> bool:
        try:
            return self._lock.acquire()
        except OSError:
            # A folder where no lock file can be made (a read-only share): nobody can write
            # there anyway, so behave as if another copy held it.
            return False

    def holder(self) -> Holder:
        data = self._lock.holder()
        text = str(data.get("holder") or "?@?")
        user, _, computer = text.partition("@")
        since = None
        with contextlib.suppress(KeyError, ValueError):
            since = datetime.fromisoformat(str(data["since"]))
        pid = data.get("pid")
        return Holder(user or "?", computer or "?", since, pid if isinstance(pid, int) else None)

    def release(self) -> None:
        self._lock.release()

    @property
    def held(self) -> bool:
        return self._lock.held


def acquire_writer(db_path: Path) -> tuple[WriterLock | None, Holder | None]:
    """Take the writer lock: ``(lock, None)``, or ``(None, holder)`` when another copy has it."""
    lock = WriterLock(db_path)
    if lock.acquire():
        return lock, None
    return None, lock.holder()


def open_read_only(db_path: Path) -> Database:
    """Open ``db_path`` without ever writing it (``mode=ro``): no migration, no backup.

    Raises:
        DatabaseError: missing, damaged, or newer than this app.
    """
    check_database_file(db_path, must_exist=True)
    engine = create_db_engine(db_path, read_only=True)
    try:
        revision = current_revision(engine) or ""
    except Exception as exc:
        engine.dispose()
        raise DatabaseError("db.corrupt", path=str(db_path), file=str(db_path)) from exc
    if revision and revision not in known_revisions():
        engine.dispose()
        raise DatabaseError(
            "db.newer",
            path=str(db_path),
            file=str(db_path),
            db_revision=revision,
            app_revision=head_revision(),
        )
    return Database(path=db_path, engine=engine, revision=revision)


def is_read_only(db: Database) -> bool:
    """True for a database opened by :func:`open_read_only`."""
    return db.engine.url.query.get("mode") == "ro" or "mode=ro" in str(db.engine.url.database)


def startup_actor() -> Actor:
    """Who restores a damaged file at start, before anyone signed in: ``app:<user>@<pc>``."""
    return Actor(f"app:{who_am_i()}")


def backup_folder(db_path: Path) -> Path:
    """The folder the backups of ``db_path`` go to (for messages): the configured one."""
    return backup_folder_for_path(db_path)
