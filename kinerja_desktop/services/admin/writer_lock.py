"""The writer lock and the schema probe the command line needs, behind the services floor.

The window and every writing command share one writer lock per database file
(``storage/instance_lock.py``); the CLI reaches it here, so it never imports ``storage``
itself (an import-linter contract keeps it so).
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from kinerja_desktop.storage.instance_lock import InstanceLock, who_am_i as who_am_i
from kinerja_desktop.storage.sqlite_uri import sqlite_uri


class HeldLock(Protocol):
    """A writer lock this process holds until it calls :meth:`release`."""

    def release(self) -> None: ...


def schema_needs_upgrade(db_path: Path) -> bool:
    """Whether the Kinerja database at ``db_path`` is of an older, known schema (opening it
    would migrate, which writes). Anything unreadable answers False: the command says why."""
    if not db_path.is_file():
        return False
    try:
        uri = sqlite_uri(db_path, read_only=True)
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=1)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except (sqlite3.Error, ValueError, OSError):
        return False
    if row is None:
        return False
    from kinerja_desktop.storage.migrate import head_revision, known_revisions

    return row[0] != head_revision() and row[0] in known_revisions()


@dataclass(frozen=True)
class Held:
    """Who holds the file, as the lock file says, worded for a message."""

    user: str
    computer: str
    since: str


def _held_by(lock: InstanceLock) -> Held:
    data = lock.holder()
    user, _, computer = str(data.get("holder") or "?@?").partition("@")
    since = "?"
    with contextlib.suppress(KeyError, TypeError, ValueError):
        since = datetime.fromisoformat(str(data["since"])).astimezone().strftime("%Y-%m-%d %H:%M")
    return Held(user or "?", computer or "?", since)


def take_writer_lock(db_path: Path) -> tuple[HeldLock | None, Held | None]:
    """``(lock, None)`` when taken; ``(None, holder)`` when another copy holds the file;
    ``(None, None)`` when no lock file can be made there (a missing or read-only folder:
    the command itself then says what is wrong, and nobody else can write there either)."""
    lock = InstanceLock(db_path)
    if lock.acquire():
        return lock, None
    if lock.error is not None:
        return None, None
    return None, _held_by(lock)
