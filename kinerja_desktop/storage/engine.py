"""Opening the SQLite file: checks first, then an engine with safe pragmas.

Every problem with the file (missing, a folder, not SQLite, locked) becomes a
:class:`~kinerja_desktop.domain.errors.DatabaseError` with a catalogue code, so the edges can say
one clear sentence and nothing is changed on disk.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from kinerja_desktop.domain.errors import DatabaseError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def check_database_file(path: Path, *, must_exist: bool = True) -> None:
    """Refuse a path that cannot be an app database, without touching it.

    Raises:
        DatabaseError: ``db.is_folder``, ``db.missing``, ``db.corrupt`` or
            ``db.unwritable_folder``.
    """
    if path.is_dir():
        raise DatabaseError("db.is_folder", path=str(path), file=str(path))
    if not path.exists():
        if must_exist:
            raise DatabaseError("db.missing", path=str(path), file=str(path))
        folder = path.parent
        if folder.exists() and not folder.is_dir():
            raise DatabaseError("db.unwritable_folder", path=str(folder), file=str(path))
        return
    if path.stat().st_size == 0:
        return  # an empty file is a fresh SQLite database to be created
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError("db.corrupt", path=str(path), file=str(path))


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # WAL survives abrupt power-off better and lets readers work during a write.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _set_read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def create_db_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine on ``path`` with the pragmas of DESIGN.md section 5.

    With ``read_only`` the file is opened through a ``mode=ro`` URI, so it is never written
    (used by ``check`` and by a second instance).
    """
    if read_only:
        engine = create_engine(
            f"sqlite+pysqlite:///file:{path.resolve().as_posix()}?mode=ro&uri=true",
            connect_args={"check_same_thread": False},
        )
        event.listen(engine, "connect", _set_read_only_pragmas)
    else:
        engine = create_engine(
            f"sqlite+pysqlite:///{path.resolve().as_posix()}",
            connect_args={"check_same_thread": False},
        )
        event.listen(engine, "connect", _set_pragmas)
    return engine


def integrity_ok(engine: Engine) -> bool:
    """True when SQLite's quick integrity check passes."""
    try:
        with engine.connect() as conn:
            result = conn.exec_driver_sql("PRAGMA quick_check").scalar()
    except (SADatabaseError, OperationalError):
        return False
    return result == "ok"


def translate_error(exc: Exception, path: Path) -> DatabaseError:
    """Word a low-level SQLite failure as a catalogue error."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseError("db.locked", path=str(path), file=str(path))
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return DatabaseError("db.corrupt", path=str(path), file=str(path))
    if "unable to open" in text or "readonly" in text or "read-only" in text:
        return DatabaseError("db.unwritable_folder", path=str(path.parent), file=str(path))
    return DatabaseError("db.corrupt", path=str(path), file=str(path))
