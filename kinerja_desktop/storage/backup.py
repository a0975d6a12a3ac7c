"""Backups through SQLite's online backup API, with rotation.

Rotation keeps recent backups, then one a day, a week and a month (:func:`choose_kept`).
The backup API copies a consistent snapshot even while WAL holds recent writes, which a plain
file copy would miss. Backups live in a ``backups`` folder beside the database file by default,
so they stay on the same disk and travel with it when a clerk copies the folder.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kinerja_desktop.storage.sqlite_uri import sqlite_uri

DEFAULT_KEEP = 10
STAMP_FORMAT = "%Y%m%d-%H%M%S"


def backup_dir_for(db_path: Path) -> Path:
    """The default backup folder of a database file."""
    return db_path.resolve().parent / "backups"


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
    folder: Path, stem: str, *, keep: int = DEFAULT_KEEP, now: datetime | None = None
) -> list[Path]:
    """Delete backups the policy of :func:`choose_kept` does not keep; return them.

    Files whose names carry no time stamp (copied in by hand) are never touched.
    """
    stamped = [
        (path, when)
        for path in list_backups(folder, stem)
        if (when := backup_time(path, stem)) is not None
    ]
    kept = choose_kept(stamped, keep=keep, now=now or datetime.now(UTC))
    doomed = [path for path, _ in stamped if path not in kept]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed
