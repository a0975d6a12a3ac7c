"""A stand-in for Windows' ``msvcrt`` that enforces byte-range locks as Windows does.

Windows locks (``msvcrt.locking`` -> ``LockFile``) are mandatory and belong to a handle: a
byte locked through one handle cannot be locked again (not even through the same handle), and
another handle can neither read nor write it. ``msvcrt.locking`` locks ``nbytes`` from the
handle's *current position*, which may lie past the end of the file.

:func:`install` puts the fake in ``sys.modules`` and wraps ``os.open``, ``os.close``,
``os.read``, ``os.write`` and ``os.ftruncate`` so that I/O on files under one folder obeys the
locks, and so that a test can see which handles are still open and whether one was closed
while it still held a lock (Windows releases those only "eventually": the fake keeps them).
"""

from __future__ import annotations

import errno
import os
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

LK_UNLCK, LK_LOCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4


@dataclass
class LockTable:
    folder: Path
    #: (dev, inode) -> {byte offset: fd holding it}
    locks: dict[tuple[int, int], dict[int, int]] = field(default_factory=dict)
    #: fd -> (dev, inode) for every open handle on a file under ``folder``
    handles: dict[int, tuple[int, int]] = field(default_factory=dict)
    closed_while_locked: list[int] = field(default_factory=list)
    locked_bytes: list[int] = field(default_factory=list)

    def others_hold(self, fd: int, start: int, length: int) -> bool:
        key = self.handles.get(fd)
        if key is None:
            return False
        held = self.locks.get(key, {})
        return any(owner != fd for off, owner in held.items() if start <= off < start + length)


def install(monkeypatch: pytest.MonkeyPatch, folder: Path) -> LockTable:
    """Install the fake ``msvcrt`` for files under ``folder``; returns its lock table."""
    table = LockTable(folder.resolve())
    real_open, real_close = os.open, os.close
    real_read, real_write, real_truncate = os.read, os.write, os.ftruncate

    def violation() -> OSError:
        return OSError(errno.EACCES, "The process cannot access the file (region locked)")

    def fake_open(path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
        fd = real_open(path, flags, mode, **kwargs)
        try:
            inside = Path(os.fsdecode(path)).resolve().is_relative_to(table.folder)
        except (TypeError, ValueError):
            inside = False
        if inside:
            stat = os.fstat(fd)
            table.handles[fd] = (stat.st_dev, stat.st_ino)
        return fd

    def fake_close(fd: int) -> None:
        key = table.handles.pop(fd, None)
        if key is not None and any(owner == fd for owner in table.locks.get(key, {}).values()):
            table.closed_while_locked.append(fd)  # the lock stays, as it may on Windows
        real_close(fd)

    def fake_read(fd: int, n: int) -> bytes:
        if table.others_hold(fd, os.lseek(fd, 0, os.SEEK_CUR), n):
            raise violation()
        return real_read(fd, n)

    def fake_write(fd: int, data: Any) -> int:
        if table.others_hold(fd, os.lseek(fd, 0, os.SEEK_CUR), len(data)):
            raise violation()
        return real_write(fd, data)

    def fake_truncate(fd: int, length: int) -> None:
        size = os.fstat(fd).st_size
        if length < size and table.others_hold(fd, length, size - length):
            raise violation()
        real_truncate(fd, length)

    def locking(fd: int, mode: int, nbytes: int) -> None:
        key = table.handles.get(fd)
        if key is None:
            stat = os.fstat(fd)
            key = (stat.st_dev, stat.st_ino)
        held = table.locks.setdefault(key, {})
        start = os.lseek(fd, 0, os.SEEK_CUR)
        region = range(start, start + nbytes)
        if mode == LK_UNLCK:
            if any(held.get(off) != fd for off in region):
                raise violation()
            for off in region:
                del held[off]
            return
        if any(off in held for off in region):
            # LK_LOCK retries ten times a second apart before it gives up; same outcome.
            raise OSError(errno.EDEADLK if mode == LK_LOCK else errno.EACCES, "locked")
        for off in region:
            held[off] = fd
        table.locked_bytes.extend(region)

    fake = types.ModuleType("msvcrt")
    for name, value in {
        "LK_UNLCK": LK_UNLCK,
        "LK_LOCK": LK_LOCK,
        "LK_NBLCK": LK_NBLCK,
        "LK_RLCK": LK_RLCK,
        "LK_NBRLCK": LK_NBRLCK,
        "locking": locking,
    }.items():
        setattr(fake, name, value)
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "close", fake_close)
    monkeypatch.setattr(os, "read", fake_read)
    monkeypatch.setattr(os, "write", fake_write)
    monkeypatch.setattr(os, "ftruncate", fake_truncate)
    return table
