"""Opening the SQLite file: checks first, then an engine with safe pragmas.

Every problem with the file (missing, a folder, not a Kinerja database, locked) becomes a
:class:`~kinerja_desktop.domain.errors.DatabaseError` with a catalogue code, so the edges can say
one clear sentence and nothing is changed on disk.

How a file is opened (:func:`plan_opening`) depends on where it is and who may write it:

* the URI comes from :func:`~kinerja_desktop.storage.sqlite_uri.sqlite_uri` (absolute, quoted,
  UNC-safe), always with ``uri=true``;
* a writable file on the PC's own disk gets ``journal_mode=WAL``; on a network share, a
  removable drive or a synced folder ``journal_mode=DELETE`` (see ``storage/location.py``);
* read-only opens use ``mode=ro``, plus ``immutable=1`` only when this process cannot write the
  folder (nobody here can change the file, and SQLite could not make its ``-shm`` there) and no
  ``-wal`` or ``-journal`` holds changes that immutable would ignore.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DatabaseError as SADatabaseError, OperationalError

from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.storage.location import Location, location_of
from kinerja_desktop.storage.sqlite_uri import (
    SQLITE_HEADER as SQLITE_HEADER,  # re-exported: backups and the checks name it here
    file_uri,
    sqlite_uri,
)

BUSY_TIMEOUT_MS = 5000
COMPANIONS = ("-wal", "-shm", "-journal")
# Tables every schema revision has had; with ``alembic_version`` they mark a Kinerja database.
KINERJA_TABLES = frozenset({"alembic_version", "offices", "employees"})

log = logging.getLogger(__name__)


class FileKind(StrEnum):
    """What an existing file holds, as far as can be told without trusting it."""

    EMPTY = "empty"  # no tables yet: a new database is made in it
    KINERJA = "kinerja"
    UNREADABLE = "unreadable"  # SQLite's header, but its schema cannot be read: damaged


class ReadOnlyReason(StrEnum):
    """Why a file can only be read (message codes ``db.read_only.<value>``)."""

    FOLDER = "folder"
    FILE = "file"


# -- who may write ------------------------------------------------------------------------------


def folder_writable(folder: Path) -> bool:
    """True when this process can create a file in ``folder``.

    ``os.access`` alone is not enough: on Windows it ignores ACLs and a write-protected stick,
    so a real file is created and removed. (Tests replace this function: root writes anywhere.)
    """
    if not os.access(folder, os.W_OK):
        return False
    probe = folder / f".kinerja-tulis-{uuid.uuid4().hex[:12]}.tmp"
    try:
        fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError:
        return False
    os.close(fd)
    with contextlib.suppress(OSError):
        probe.unlink()
    return True


def file_writable(path: Path) -> bool:
    """True when ``path`` may be written (a copy from a CD keeps a read-only attribute)."""
    return os.access(path, os.W_OK)


def read_only_reason(path: Path) -> ReadOnlyReason | None:
    """Why the existing file ``path`` can only be read here, or None when it can be written."""
    if not folder_writable(path.absolute().parent):
        return ReadOnlyReason.FOLDER
    if path.exists() and not file_writable(path):
        return ReadOnlyReason.FILE
    return None


def companions(path: Path) -> set[str]:
    """The suffixes of the ``-wal``/``-shm``/``-journal`` files that exist beside ``path``."""
    return {s for s in COMPANIONS if path.with_name(path.name + s).exists()}


def remove_new_companions(path: Path, before: set[str]) -> None:
    """Remove the ``-wal``/``-shm`` a read-only connection left that were not there ``before``.

    SQLite itself deletes them when its last connection to the file closes, under its own
    locks, so they stay while another program has the file open (deleting them by hand under
    that program would split the database between two WALs). A plain connection that only
    reads and closes does that without changing the database file. A non-empty ``-wal`` is
    left alone: a read-only connection never writes one, so a writer holds it.
    """
    created = (companions(path) - before) & {"-wal", "-shm"}
    if not created:
        return
    wal = path.with_name(path.name + "-wal")
    with contextlib.suppress(OSError):
        if wal.stat().st_size > 0:
            return
    try:
        con = sqlite3.connect(file_uri(path) + "?mode=rw", uri=True, timeout=0)
        try:
            con.execute("SELECT 1 FROM sqlite_master").fetchone()
        finally:
            con.close()
    except sqlite3.Error as exc:
        log.info("left %s beside %s: %s", sorted(created), path, exc)


# -- how to open --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Opening:
    """How one file is opened (see the module docstring)."""

    path: Path
    read_only: bool
    immutable: bool
    location: Location

    @property
    def uri(self) -> str:
        return sqlite_uri(self.path, read_only=self.read_only, immutable=self.immutable)

    @property
    def journal_mode(self) -> str:
        return "WAL" if self.location is Location.LOCAL else "DELETE"


def _pending_here(path: Path, present: set[str]) -> str | None:
    """The companion holding changes SQLite cannot read without writing the folder, if any.

    Measured with SQLite 3.40 in a folder the process cannot write: a ``-wal`` without its
    ``-shm`` gives SQLITE_CANTOPEN (with ``-shm`` it reads); a rollback journal would need a
    rollback first.
    """
    if "-wal" in present and "-shm" not in present:
        return "-wal"
    journal = path.with_name(path.name + "-journal")
    if "-journal" in present and journal.stat().st_size > 0:
        return "-journal"
    return None


def plan_opening(path: Path, *, read_only: bool = False) -> Opening:
    """Decide URI flags and journal mode for ``path``.

    Raises:
        DatabaseError: ``db.read_only_pending`` when a read-only open in a folder this process
            cannot write would fail on a ``-wal``/``-journal`` left beside the file.
    """
    immutable = False
    if read_only and path.exists() and not folder_writable(path.absolute().parent):
        present = companions(path)
        pending = _pending_here(path, present)
        if pending is not None:
            raise DatabaseError(
                "db.read_only_pending",
                path=str(path),
                file=str(path),
                companion=path.name + pending,
                folder=str(path.absolute().parent),
            )
        # Without immutable SQLite refuses a WAL database here (SQLITE_READONLY_DIRECTORY).
        immutable = not present & {"-wal", "-journal"}
    return Opening(
        path=path, read_only=read_only, immutable=immutable, location=location_of(Path(path))
    )


@contextlib.contextmanager
def read_only_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A raw ``mode=ro`` connection for a quick look; it removes what it created on close."""
    before = companions(path)
    con = sqlite3.connect(plan_opening(path, read_only=True).uri, uri=True)
    try:
        yield con
    finally:
        con.close()
        remove_new_companions(path, before)


def identify(path: Path) -> FileKind:
    """What the existing SQLite file ``path`` holds.

    Raises:
        DatabaseError: ``db.not_kinerja`` for a SQLite file of another program.
    """
    try:
        with read_only_connection(path) as con:
            tables = {
                row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
    except sqlite3.DatabaseError:
        return FileKind.UNREADABLE
    if not tables:
        return FileKind.EMPTY
    if tables >= KINERJA_TABLES:
        return FileKind.KINERJA
    raise DatabaseError("db.not_kinerja", path=str(path), file=str(path))


def check_database_file(path: Path, *, must_exist: bool = True) -> FileKind | None:
    """Refuse a path that cannot be an app database, without changing anything on disk.

    Returns:
        What the file holds, or None when it does not exist (and need not).

    Raises:
        DatabaseError: ``db.is_folder``, ``db.missing``, ``db.not_kinerja`` (not SQLite, or
            SQLite of another program: never called damaged) or ``db.unwritable_folder``.
    """
    if path.is_dir():
        raise DatabaseError("db.is_folder", path=str(path), file=str(path))
    if not path.exists():
        if must_exist:
            raise DatabaseError("db.missing", path=str(path), file=str(path))
        folder = path.parent
        if folder.exists() and not folder.is_dir():
            raise DatabaseError("db.unwritable_folder", path=str(folder), file=str(path))
        return None
    if path.stat().st_size == 0:
        return FileKind.EMPTY  # an empty file is a fresh SQLite database to be created
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError("db.not_kinerja", path=str(path), file=str(path))
    return identify(path)


# -- the engine ---------------------------------------------------------------------------------


def _pragmas(opening: Opening) -> Any:
    def set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if not opening.read_only:
            try:
                # WAL survives abrupt power-off better and lets readers work during a write;
                # off the local disk a rollback journal keeps each commit inside the file.
                mode = cursor.execute(f"PRAGMA journal_mode={opening.journal_mode}").fetchone()
                if mode and str(mode[0]).upper() != opening.journal_mode:
                    log.warning("%s stays in journal_mode=%s", opening.path, mode[0])
            except sqlite3.OperationalError as exc:
                # Leaving WAL needs the file to itself; another reader keeps it in WAL.
                log.warning(
                    "journal_mode=%s not set on %s: %s", opening.journal_mode, opening.path, exc
                )
            synchronous = "NORMAL" if opening.location is Location.LOCAL else "FULL"
            cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.close()

    return set_pragmas


def _read_only_errors(opening: Opening) -> Any:
    def handle_error(context: ExceptionContext) -> BaseException | None:
        text = str(context.original_exception).lower()
        if "readonly" in text or "read-only" in text:
            return DatabaseError(
                "db.read_only_write", path=str(opening.path), file=str(opening.path)
            )
        return None

    return handle_error


def create_db_engine(
    path: Path, *, read_only: bool = False, opening: Opening | None = None
) -> Engine:
    """An engine on ``path`` with the pragmas of DESIGN.md section 5, opened as
    :func:`plan_opening` decides (or as ``opening`` says).

    With ``read_only`` the file is opened through a ``mode=ro`` URI, so it is never written
    (used by ``check``, a second instance and a folder nobody here may write); a write on it
    raises ``db.read_only_write`` instead of SQLite's bare "readonly database".
    """
    opening = opening or plan_opening(path, read_only=read_only)
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=opening.uri, query={"uri": "true"}),
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _pragmas(opening))
    if opening.read_only:
        event.listen(engine, "handle_error", _read_only_errors(opening))
    return engine


def integrity_ok(engine: Engine) -> bool:
    """True when SQLite's quick integrity check passes (on a server: when it answers; the
    server checks its own pages)."""
    check = "PRAGMA quick_check" if engine.dialect.name == "sqlite" else "SELECT 'ok'"
    try:
        with engine.connect() as conn:
            result = conn.exec_driver_sql(check).scalar()
    except (SADatabaseError, OperationalError):
        return False
    return result == "ok"


def translate_error(exc: Exception, path: Path) -> DatabaseError:
    """Word a low-level SQLite failure as a catalogue error."""
    if isinstance(exc, DatabaseError):
        return exc
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseError("db.locked", path=str(path), file=str(path))
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return DatabaseError("db.corrupt", path=str(path), file=str(path))
    if "readonly" in text or "read-only" in text:
        return DatabaseError("db.read_only_write", path=str(path), file=str(path))
    if "unable to open" in text:
        return DatabaseError("db.unwritable_folder", path=str(path.parent), file=str(path))
    return DatabaseError("db.corrupt", path=str(path), file=str(path))
