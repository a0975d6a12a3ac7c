"""Safe start-up: is the file healthy, who may write it, and how to get back a damaged one.

The GUI calls these before it opens a database (DESIGN.md section 5 and issue 5):

* :func:`inspect_file` classifies the file before anything is written beside it: a file that
  is not a Kinerja database raises ``db.not_kinerja`` (never "damaged"), and a file this user
  cannot write is reported so that it opens read-only without a lock file;
* :func:`quick_check` runs SQLite's ``PRAGMA quick_check`` on a read-only connection (a few
  milliseconds on the demo file), so a damaged file is caught before anything writes to it;
* :func:`newest_good_backup` finds the newest backup that passes :func:`verify_backup`, and
  :func:`restore_damaged` keeps the damaged file aside (with its ``-wal``/``-shm``
  companions, never deleted) while restoring that backup in its place;
* :func:`acquire_writer` takes the one-writer lock of the file; a second running copy gets the
  holder instead and opens the file with :func:`open_read_only`;
* on a PostgreSQL server (the city tier) there is no file: :func:`quick_check` is the
  server's health check, there is no lock file and no file backup;
* :func:`check_before_use` decides when the full check runs (issue 16.2): before the window is
  usable only after an unclean exit (the lock file says so) or when the last full check is
  older than :data:`FULL_CHECK_EVERY`; otherwise in the background once the rows show.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kinerja_desktop.config import DatabaseUrl, DbAddress
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.admin.backups import (
    BackupInfo,
    list_backups,
    verify_backup,
)
from kinerja_desktop.services.admin.check_policy import (
    FULL_CHECK_EVERY as FULL_CHECK_EVERY,  # re-exported: tests and the GUI name it here
    full_check_due,
)
from kinerja_desktop.services.admin.restore import (
    RestoreResult,
    damaged_name as damaged_name,  # re-exported: the start-up names the kept file first
    restore_backup,
)
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database, read_only_reason
from kinerja_desktop.storage.engine import (
    FileKind,
    check_database_file,
    companions,
    create_db_engine,
    integrity_ok,
    remove_new_companions,
)
from kinerja_desktop.storage.instance_lock import InstanceLock, who_am_i
from kinerja_desktop.storage.server import create_server_engine, server_health


def quick_check(path: DbAddress) -> bool:
    """True when the Kinerja database ``path`` passes ``PRAGMA quick_check``.

    A missing file, a folder or a file that is not a Kinerja database is not "damaged": those
    raise, as when opening. Only a file with SQLite's header that is (or may be) a Kinerja
    database and fails the check is damaged.

    Raises:
        DatabaseError: ``db.missing``, ``db.is_folder`` or ``db.not_kinerja``.
    """
    if not isinstance(path, Path):
        return _server_answers(path)
    kind = check_database_file(path, must_exist=True)
    if kind is FileKind.EMPTY:
        return True
    if kind is FileKind.UNREADABLE:
        return False
    before = companions(path)
    engine = create_db_engine(path, read_only=True)
    try:
        return integrity_ok(engine)
    finally:
        engine.dispose()
        remove_new_companions(path, before)


def _server_answers(address: DatabaseUrl) -> bool:
    """The server's health check (``SELECT 1``, revision, recovery): a server that cannot be
    reached raises, as opening does; one that answers is not "damaged"."""
    engine = create_server_engine(address, read_only=True)
    try:
        server_health(engine, address)
        return True
    finally:
        engine.dispose()


@dataclass(frozen=True)
class FileState:
    """What start-up needs to know before it takes the writer lock.

    Attributes:
        read_only_reason: ``"folder"`` or ``"file"`` when this process cannot write the file
            (it is then opened read-only and no lock file is made), None when it can.
    """

    read_only_reason: str | None


def inspect_file(path: DbAddress) -> FileState:
    """Classify ``path`` before anything is written beside it (no lock file, no rename).

    Raises:
        DatabaseError: ``db.missing``, ``db.is_folder`` or ``db.not_kinerja``.
    """
    if not isinstance(path, Path):
        return FileState(read_only_reason=None)  # the server's roles decide, not a file
    check_database_file(path, must_exist=True)
    return FileState(read_only_reason=read_only_reason(path))


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
class HealthReport:
    """The background check's answer: ``ok``, or the newest backup to restore (None: none)."""

    ok: bool
    good_backup: BackupInfo | None = None


def check_in_background(db_path: Path) -> HealthReport:
    """The full check for the task runner, with the backup to offer when it fails.

    The backups are verified here too, so a failing check costs the GUI thread nothing.

    Raises:
        DatabaseError: the file is gone or no longer a Kinerja database (see :func:`quick_check`).
    """
    if quick_check(db_path):
        return HealthReport(ok=True)
    return HealthReport(ok=False, good_backup=newest_good_backup(db_path))


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

    @property
    def last_exit_clean(self) -> bool | None:
        """Did the app holding the file before close normally? None when nobody had it."""
        return self._lock.last_exit_clean

    @property
    def last_full_check(self) -> datetime | None:
        return self._lock.last_full_check

    def record_full_check(self, when: datetime | None = None) -> None:
        """The file passed a full check at ``when`` (now by default)."""
        self._lock.record_full_check(when or datetime.now(UTC))

    def forget_full_check(self) -> None:
        """The file failed its check: the next start checks it before the window is usable."""
        self._lock.record_full_check(None)


def check_before_use(lock: WriterLock | None, *, now: datetime | None = None) -> bool:
    """True when the full check must pass before the window is usable (else it runs later):
    :func:`~.check_policy.full_check_due` of what the lock file said when ``lock`` was taken
    (no lock held: due)."""
    if lock is None:
        return True
    return full_check_due(lock.last_exit_clean, lock.last_full_check, now=now)


def acquire_writer(db_path: DbAddress) -> tuple[WriterLock | None, Holder | None]:
    """Take the writer lock: ``(lock, None)``, or ``(None, holder)`` when another copy has it.

    A server database has no writer lock (``(None, None)``): it serves several analysts at
    once, each write its own transaction.
    """
    if not isinstance(db_path, Path):
        return None, None
    lock = WriterLock(db_path)
    if lock.acquire():
        return lock, None
    return None, lock.holder()


def open_read_only(db_path: Path, *, reason: str | None = None) -> Database:
    """Open ``db_path`` without ever writing it (``mode=ro``): no migration, no backup.

    ``reason`` (``"folder"``/``"file"``) says this process cannot write the file; an older
    schema is then refused (``db.read_only_old_schema``), since it could never be updated.
    Without a reason the file is held by another copy of the app, which keeps it up to date.

    Raises:
        DatabaseError: missing, not a Kinerja database, damaged, or newer than this app.
    """
    return Database.open_read_only(db_path, reason=reason, refuse_old=reason is not None)


def is_read_only(db: Database) -> bool:
    """True for a database opened read-only (another copy holds it, or it cannot be written)."""
    return db.read_only


def startup_actor() -> Actor:
    """Who restores a damaged file at start, before anyone signed in: ``app:<user>@<pc>``."""
    return Actor(f"app:{who_am_i()}")
