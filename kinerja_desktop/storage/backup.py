"""Backups through SQLite's online backup API, with rotation.

Rotation keeps recent backups, then one a day, a week and a month (:func:`choose_kept`).
The backup API copies a consistent snapshot even while WAL holds recent writes, which a plain
file copy would miss. Backups live in a ``backups`` folder beside the database file by default,
so they stay on the same disk and travel with it when a clerk copies the folder.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kinerja_desktop.storage.file_ops import fsync_file, unlink_with_retry
from kinerja_desktop.storage.sqlite_uri import sqlite_uri

DEFAULT_KEEP = 10
STAMP_FORMAT = "%Y%m%d-%H%M%S"


def backup_dir_for(db_path: Path) -> Path:
    """The default backup folder of a database file."""
    # absolute(), not resolve(): a mapped drive must not turn into its UNC path (issue 21).
    return db_path.absolute().parent / "backups"


def backup_database(
    db_path: Path,
    *,
    dest: Path | None = None,
    reason: str = "manual",
    keep: int | None = DEFAULT_KEEP,
    now: datetime | None = None,
    folder: Path | None = None,
) -> Path:
    """Copy ``db_path`` to ``dest`` (or a timestamped file in the backup folder).

    Args:
        db_path: the live database.
        dest: exact target file; when None a name ``<stem>-<UTC stamp>-<reason>.sqlite`` is made.
        reason: a short word saved in the file name (``start``, ``migrate``, ``manual``...).
        keep: how many automatic backups to keep in the folder (None keeps all).
        now: the clock, for tests.
        folder: the backup folder (the installation's setting); ``backups`` beside the file
            when None.

    Returns:
        The path of the written backup.
    """
    stamp = (now or datetime.now(UTC)).strftime(STAMP_FORMAT)
    folder = folder or backup_dir_for(db_path)
    if dest is None:
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
        counter = 1
        while dest.exists():
            counter += 1
            dest = folder / f"{db_path.stem}-{stamp}-{reason}-{counter}.sqlite"
    else:
        dest.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(sqlite_uri(db_path, read_only=True), uri=True)
    try:
        target = sqlite3.connect(dest)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    if keep is not None and dest.parent == folder:
        rotate_backups(dest.parent, db_path.stem, keep=keep, now=now)
    return dest


def backup_time(path: Path, stem: str) -> datetime | None:
    """The UTC time encoded in a backup's file name, or None for a foreign name."""
    rest = path.stem[len(stem) + 1 :]
    try:
        return datetime.strptime(rest[:15], STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None


def backup_reason(path: Path, stem: str) -> str:
    rest = path.stem[len(stem) + 1 :]
    return rest[16:] if len(rest) > 16 else ""


def list_backups(folder: Path, stem: str) -> list[Path]:
    """Backups of a database in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{stem}-[0-9]*.sqlite"))


def choose_kept(stamped: list[tuple[Path, datetime]], *, keep: int, now: datetime) -> set[Path]:
    """Grandfather-father-son: the newest ``keep``, then one a day for a week, one a week for
    five weeks and one a month for a year (each the newest of its day, week or month)."""
    newest_first = sorted(stamped, key=lambda item: item[1], reverse=True)
    kept = {path for path, _ in newest_first[:keep]}
    buckets: dict[tuple[str, object], Path] = {}
    for path, when in newest_first:
        age = now - when
        if age <= timedelta(days=7):
            key: tuple[str, object] = ("day", when.date())
        elif age <= timedelta(days=35):
            key = ("week", tuple(when.isocalendar())[:2])
        elif age <= timedelta(days=366):
            key = ("month", (when.year, when.month))
        else:
            continue
        buckets.setdefault(key, path)
    return kept | set(buckets.values())


def rotate_backups(
    folder: Path,
    stem: str,
    *,
    keep: int = DEFAULT_KEEP,
    now: datetime | None = None,
    protect: frozenset[Path] = frozenset(),
) -> list[Path]:
    """Delete backups the policy of :func:`choose_kept` does not keep; return them.

    Files whose names carry no time stamp (copied in by hand) are never touched, nor the
    files in ``protect`` (the backup a restore just read from).
    """
    protected = {p.resolve() for p in protect}
    stamped = [
        (path, when)
        for path in list_backups(folder, stem)
        if (when := backup_time(path, stem)) is not None
    ]
    kept = choose_kept(stamped, keep=keep, now=now or datetime.now(UTC))
    doomed = [path for path, _ in stamped if path not in kept and path.resolve() not in protected]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


# -- restore: reading a file's identity, copying, and letting go of the WAL ----------------------

# Tables ``init`` fills; a database whose other tables are all empty holds only what ``init``
# made (plus sign-ins and settings), so a backup may replace it without typing the code.
_INIT_TABLES = frozenset(
    {"alembic_version", "audit_entries", "office_keys", "offices", "settings", "users"}
)
_COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class FileIdentity:
    """What a restore needs to know about a database file, read without writing it."""

    revision: str | None
    home_code: str | None
    home_uuid: str | None
    home_name: str | None
    only_init: bool
    tables: frozenset[str]


def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(sqlite_uri(path, read_only=True), uri=True)


def integrity_ok(path: Path) -> bool:
    """Full ``PRAGMA integrity_check`` on a read-only connection; False for any failure."""
    try:
        con = _ro(path)
    except sqlite3.Error:
        return False
    try:
        return con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        con.close()


def quick_ok(path: Path) -> bool:
    """``PRAGMA quick_check`` on a read-only connection; False for any failure."""
    try:
        con = _ro(path)
    except sqlite3.Error:
        return False
    try:
        return con.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        con.close()


def read_identity(path: Path) -> FileIdentity:
    """The schema revision and home office of ``path`` (read-only).

    Raises:
        sqlite3.DatabaseError: not SQLite, or damaged past reading its tables.
    """
    con = _ro(path)
    try:
        tables = frozenset(
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
        )
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = str(row[0]) if row else None
        code = uuid = name = None
        if {"settings", "offices"} <= tables:
            row = con.execute("SELECT value FROM settings WHERE key='home_office'").fetchone()
            if row and row[0] is not None:
                value = json.loads(row[0]) if isinstance(row[0], str | bytes) else row[0]
                code = str(value)
                found = con.execute(
                    "SELECT uuid, name FROM offices WHERE code=?", (code,)
                ).fetchone()
                if found:
                    uuid, name = str(found[0]), str(found[1])
        only_init = _only_init(con, tables)
    finally:
        con.close()
    return FileIdentity(revision, code, uuid, name, only_init, tables)


def _only_init(con: sqlite3.Connection, tables: frozenset[str]) -> bool:
    for table in tables - _INIT_TABLES:
        if table.startswith("sqlite_"):
            continue
        if con.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone():
            return False
    counts = {
        t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
        for t in ("offices", "users")
        if t in tables
    }
    # The home office and the placeholder of its parent; the first admin account.
    return counts.get("offices", 0) <= 2 and counts.get("users", 0) <= 1


def copy_database(source: Path, dest: Path) -> None:
    """Copy ``source`` (read-only) to ``dest`` through the backup API, then flush ``dest``."""
    src = _ro(source)
    try:
        target = sqlite3.connect(dest)
        try:
            src.backup(target)
        finally:
            target.close()
    finally:
        src.close()
    fsync_file(dest)


def release_wal(path: Path) -> bool:
    """Fold ``path``'s ``-wal`` into the main file and remove the WAL companions.

    Every connection of this process must be closed first. Returns False when another
    connection still holds the file (the checkpoint could not finish, or the ``-wal`` outlived
    our connection): replacing the file then would lose that writer's work, or replay its log
    into the new file.
    """
    con = sqlite3.connect(path, timeout=5)
    try:
        busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        con.close()
    if busy is not None and busy[0] != 0:
        return False
    # SQLite deletes the -wal when its last connection closes; one still there means another
    # connection (another program) has the file open, and would go on writing to the old file.
    if path.with_name(path.name + "-wal").exists():
        return False
    with contextlib.suppress(OSError):
        unlink_with_retry(path.with_name(path.name + "-shm"), retries=1)
    return True


def remove_with_companions(path: Path) -> None:
    """Delete ``path`` and its ``-wal``/``-shm``/``-journal`` files, when present."""
    for name in (path.name, *(path.name + s for s in _COMPANIONS)):
        unlink_with_retry(path.with_name(name))
