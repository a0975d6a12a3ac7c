"""Backups through SQLite's online backup API, with rotation.

The backup API copies a consistent snapshot even while WAL holds recent writes, which a plain
file copy would miss. Backups live in a ``backups`` folder beside the database file by default,
so they stay on the same disk and travel with it when a clerk copies the folder.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

DEFAULT_KEEP = 20


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
) -> Path:
    """Copy ``db_path`` to ``dest`` (or a timestamped file in the backup folder).

    Args:
        db_path: the live database.
        dest: exact target file; when None a name ``<stem>-<UTC stamp>-<reason>.sqlite`` is made.
        reason: a short word saved in the file name (``start``, ``migrate``, ``manual``...).
        keep: how many automatic backups to keep in the folder (None keeps all).
        now: the clock, for tests.

    Returns:
        The path of the written backup.
    """
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    if dest is None:
        folder = backup_dir_for(db_path)
        folder.mkdir(parents=True, exist_ok=True)
        dest = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
        counter = 1
        while dest.exists():
            counter += 1
            dest = folder / f"{db_path.stem}-{stamp}-{reason}-{counter}.sqlite"
    else:
        dest.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"file:{db_path.resolve().as_posix()}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(dest)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    if keep is not None and dest.parent == backup_dir_for(db_path):
        rotate_backups(dest.parent, db_path.stem, keep=keep)
    return dest


def list_backups(folder: Path, stem: str) -> list[Path]:
    """Backups of a database in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{stem}-*.sqlite"))


def rotate_backups(folder: Path, stem: str, *, keep: int) -> list[Path]:
    """Delete the oldest backups beyond ``keep``; return what was deleted."""
    backups = list_backups(folder, stem)
    doomed = backups[: max(0, len(backups) - keep)]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed
