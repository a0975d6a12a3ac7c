"""One writer per database file: an OS-level lock on ``<db>.lock`` that names its holder.

The operating system releases the lock when the holding process dies, even on a power cut, so
a stale lock file never blocks anyone; its text only tells a second copy of the app who holds
the database (user, computer, since when) so it can open it read-only and say so.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import IO


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def who_am_i() -> str:
    """``user@computer`` of this process, for lock files and CLI audit entries."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in some service accounts
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        # flock, not lockf: a POSIX record lock would drop when any other descriptor of the
        # same file closes in this process (reading the holder text would release it).
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class InstanceLock:
    """Hold the writer lock of a database file while the app runs."""

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path_for(db_path)
        self._handle: IO[str] | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it (see :meth:`holder`)."""
        handle = self.path.open("a+", encoding="utf-8")
        if not _try_lock(handle):
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(
            json.dumps(
                {
                    "holder": who_am_i(),
                    "pid": os.getpid(),
                    "since": datetime.now(UTC).isoformat(timespec="seconds"),
                }
            )
        )
        handle.flush()
        self._handle = handle
        return True

    def holder(self) -> dict[str, object]:
        """What the lock file says about its holder (empty when unreadable)."""
        try:
            return dict(json.loads(self.path.read_text(encoding="utf-8") or "{}"))
        except (OSError, ValueError):
            return {}

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the descriptor drops the OS lock
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None
