"""One writer per database file: an OS-level lock on ``<db>.lock`` that names its holder.

The operating system releases the lock when the holding process dies, even on a power cut, so
a stale lock file never blocks anyone; its text only tells a second copy of the app who holds
the database (user, computer, since when) so it can open it read-only and say so.

The trap on Windows: ``msvcrt.locking`` locks bytes from the *current position* of the handle,
and the lock is mandatory (another handle can neither read nor write a locked byte). Locking
"the end of the file" therefore locks a different byte for each copy as soon as the holder
text changes length (a longer PID or user name), so two copies could both write, and a reader
of the holder text would trip over the locked byte. Here the lock is always the single byte at
:data:`LOCK_OFFSET`, far past any holder text, reached by an explicit seek on a handle opened
without append mode; the text at the start of the file is rewritten without moving it.
Elsewhere ``flock`` locks the whole file (advisory), which has neither problem.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

#: The byte the Windows lock covers: 1 MiB, far past any holder text (a few hundred bytes).
LOCK_OFFSET = 1 << 20
#: How much of the lock file is read as holder text; never reaches :data:`LOCK_OFFSET`.
_TEXT_LIMIT = 4096
#: Windows opens files in text mode unless told otherwise; 0 elsewhere.
_O_BINARY = getattr(os, "O_BINARY", 0)
#: Which branch locks; tests set it to run the Windows branch with a fake ``msvcrt``.
_WINDOWS = sys.platform == "win32"
#: The holder text's field for the time of the last full check (``PRAGMA quick_check``).
CHECKED_KEY = "checked"


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def who_am_i() -> str:
    """``user@computer`` of this process, for lock files and CLI audit entries."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in some service accounts
        user = "unknown"
    return f"{user}@{socket.gethostname()}"


def _pid() -> int:
    return os.getpid()


def _lock(fd: int) -> bool:
    """Take the OS lock on ``fd`` without waiting; False when another handle has it."""
    if _WINDOWS:
        import msvcrt

        try:
            os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        # flock, not lockf: a POSIX record lock would drop when any other descriptor of the
        # same file closes in this process (reading the holder text would release it).
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if _WINDOWS:
        import msvcrt

        os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _write_text(fd: int, text: str) -> None:
    """Replace the holder text at the start of the file; the lock byte stays where it is."""
    data = text.encode("utf-8")
    os.lseek(fd, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.ftruncate(fd, len(data))  # a shorter text than the last holder's leaves no tail


def _read_holder(path: Path) -> dict[str, object]:
    """The JSON at the start of ``path``; empty when missing, unreadable or half written."""
    try:
        fd = os.open(path, os.O_RDONLY | _O_BINARY)
    except OSError:
        return {}
    try:
        raw = os.read(fd, _TEXT_LIMIT)
    except OSError:
        return {}
    finally:
        os.close(fd)
    try:
        data = json.loads(raw.decode("utf-8") or "{}")
    except ValueError:
        return {}
    return dict(data) if isinstance(data, dict) else {}


def read_lock_text(db_path: Path) -> dict[str, object]:
    """What the lock file of ``db_path`` says, read without taking the lock (empty when
    there is none or it cannot be read)."""
    return _read_holder(lock_path_for(db_path))


def parse_checked(value: object) -> datetime | None:
    """The time of the last full check as the lock text stores it (``None``: none, or not
    readable); a time without a zone is UTC."""
    try:
        when = datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class InstanceLock:
    """Hold the writer lock of a database file while the app (or a CLI command) runs.

    :meth:`acquire` never raises: it returns False when another copy holds the file, or when
    no lock file can be made there (:attr:`error` then says why), and it closes every handle
    it opened on the way.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path_for(db_path)
        self._fd: int | None = None
        self._text: dict[str, object] = {}
        #: Why :meth:`acquire` could not even try (the folder is read-only or missing).
        self.error: OSError | None = None
        #: What the lock file said before this copy took it (empty on a first run).
        self.previous: dict[str, object] = {}

    def acquire(self) -> bool:
        """Take the lock; False when another process holds it (see :meth:`holder`)."""
        if self._fd is not None:
            return True
        self.error = None
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | _O_BINARY, 0o666)
        except OSError as exc:
            self.error = exc
            return False
        if not _lock(fd):
            os.close(fd)
            return False
        self._fd = fd
        self.previous = _read_holder(self.path)
        self._text = {"holder": who_am_i(), "pid": _pid(), "since": _now()}
        # The last full check travels from holder to holder (a CLI command keeps it too),
        # while "clean" does not: it is written only by a normal release.
        if isinstance(checked := self.previous.get(CHECKED_KEY), str):
            self._text[CHECKED_KEY] = checked
        # The lock holds even when its note cannot be written (a full disk): a second copy
        # then only cannot say who holds the file.
        with contextlib.suppress(OSError):
            _write_text(fd, json.dumps(self._text))
        return True

    def holder(self, *, attempts: int = 5) -> dict[str, object]:
        """What the lock file says about its holder (empty when unreadable).

        The holder writes its text just after taking the lock, so a reader racing it may see
        an empty or half-written file; a few short retries cover that window.
        """
        data: dict[str, object] = {}
        for attempt in range(max(1, attempts)):
            data = _read_holder(self.path)
            if data.get("holder"):
                break
            if attempt + 1 < attempts:
                time.sleep(0.05)
        return data

    @property
    def last_exit_clean(self) -> bool | None:
        """Did the previous holder release the lock normally? None on a first run."""
        if not self.previous:
            return None
        return self.previous.get("clean") is True

    @property
    def last_full_check(self) -> datetime | None:
        """When the database last passed a full check, as the lock file remembers it."""
        return parse_checked(self._text.get(CHECKED_KEY))  # carried over from the previous holder

    def record_full_check(self, when: datetime | None) -> None:
        """Remember that the database passed a full check at ``when`` (None forgets it: the
        check failed, so the next start checks before the window is usable)."""
        if when is None:
            self._text.pop(CHECKED_KEY, None)
        else:
            self._text[CHECKED_KEY] = when.astimezone(UTC).isoformat(timespec="seconds")
        if self._fd is not None:
            with contextlib.suppress(OSError):
                _write_text(self._fd, json.dumps(self._text))

    def release(self) -> None:
        """Mark the exit clean in the holder text, unlock, then close the handle."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            with contextlib.suppress(OSError):
                _write_text(fd, json.dumps({**self._text, "clean": True, "until": _now()}))
            # Unlock before closing: Windows frees the locks of a closed handle only "when
            # the system gets to it", which may be after the next copy tried.
            with contextlib.suppress(OSError):
                _unlock(fd)
        finally:
            os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None
