"""File moves that survive a crash and a Windows file held open by another program.

On Windows a virus scanner, a sync client (OneDrive) or a second program that just read the
file may hold it for a moment, and ``os.replace``/``os.unlink`` then fail with a sharing
violation that clears by itself; a few short retries hide that. When it does not clear, the
caller words :class:`FileBusyError` with the file and, where Windows can tell, the programs
holding it (:func:`programs_holding`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

RETRIES = 5
RETRY_DELAY_S = 0.2


class FileBusyError(OSError):
    """A replace or delete that kept failing; ``path`` is the file, ``programs`` who holds it
    (empty when not known)."""

    def __init__(self, path: Path, programs: list[str], cause: OSError) -> None:
        super().__init__(cause.errno, f"{path}: {cause.strerror or cause}")
        self.path = path
        self.programs = programs
        self.cause = cause


def _retry(path: Path, func: Callable[[], object], retries: int, delay: float) -> None:
    last: OSError | None = None
    for attempt in range(max(1, retries)):
        try:
            func()
            return
        except FileNotFoundError:
            raise
        except OSError as exc:  # PermissionError is the Windows sharing violation
            last = exc
            if sys.platform != "win32" and not isinstance(exc, PermissionError):
                break
            if attempt + 1 < retries:
                time.sleep(delay)
    assert last is not None
    raise FileBusyError(path, programs_holding(path), last) from last


def replace_with_retry(
    source: Path, target: Path, *, retries: int = RETRIES, delay: float = RETRY_DELAY_S
) -> None:
    """``os.replace(source, target)``, retried while the target is held open.

    Raises:
        FileBusyError: still failing after ``retries`` attempts; ``path`` is ``target``.
        FileNotFoundError: ``source`` is missing (not retried).
    """
    _retry(target, lambda: os.replace(source, target), retries, delay)


def unlink_with_retry(
    path: Path, *, retries: int = RETRIES, delay: float = RETRY_DELAY_S, missing_ok: bool = True
) -> None:
    """Delete ``path``, retried while it is held open; a missing file is fine by default."""
    try:
        _retry(path, path.unlink, retries, delay)
    except FileNotFoundError:
        if not missing_ok:
            raise


def move_together(
    moves: list[tuple[Path, Path]], *, retries: int = RETRIES, delay: float = RETRY_DELAY_S
) -> None:
    """Move each ``(source, target)`` in order (missing sources skipped), all or none.

    For a database and its ``-wal``/``-shm``/``-journal``: moving only some of them would part
    a database from its log. When one move keeps failing (the file is held open), the moves
    already made are undone before the error is raised.

    Raises:
        FileBusyError: ``path`` is the *source* that could not be moved, ``programs`` who
            holds it; every file is back where it was.
    """
    done: list[tuple[Path, Path]] = []
    for source, target in moves:
        if not source.exists():
            continue
        try:
            replace_with_retry(source, target, retries=retries, delay=delay)
        except FileBusyError as exc:
            for moved_from, moved_to in reversed(done):
                try:
                    replace_with_retry(moved_to, moved_from, retries=retries, delay=delay)
                except OSError:  # a file moved a moment ago is rarely held; say where it is
                    log.error("could not move %s back to %s", moved_to, moved_from)
            raise FileBusyError(source, programs_holding(source), exc.cause) from exc
        done.append((source, target))


def fsync_file(path: Path) -> None:
    """Flush ``path``'s content to the disk (Windows needs a handle opened for writing)."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries, so a rename in it survives a power cut.

    POSIX only: Windows cannot open a folder for fsync and NTFS journals renames itself.
    """
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def programs_holding(path: Path) -> list[str]:
    """Names of the programs holding ``path`` open (Windows Restart Manager), else ``[]``.

    Best effort: any failure of the API gives an empty list, never an error.
    """
    if sys.platform != "win32":
        return []
    with contextlib.suppress(Exception):
        return _restart_manager_holders(path)
    return []


def _restart_manager_holders(path: Path) -> list[str]:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    class _UniqueProcess(ctypes.Structure):
        _fields_ = [("dwProcessId", wintypes.DWORD), ("ProcessStartTime", wintypes.FILETIME)]

    class _ProcessInfo(ctypes.Structure):
        _fields_ = [
            ("Process", _UniqueProcess),
            ("strAppName", wintypes.WCHAR * 256),
            ("strServiceShortName", wintypes.WCHAR * 64),
            ("ApplicationType", wintypes.DWORD),
            ("AppStatus", wintypes.ULONG),
            ("TSSessionId", wintypes.DWORD),
            ("bRestartable", wintypes.BOOL),
        ]

    rstrtmgr = ctypes.WinDLL("rstrtmgr")  # type: ignore[attr-defined]
    session = wintypes.DWORD()
    key = ctypes.create_unicode_buffer(64)
    if rstrtmgr.RmStartSession(ctypes.byref(session), 0, key) != 0:
        return []
    try:
        files = (wintypes.LPCWSTR * 1)(str(path))
        if rstrtmgr.RmRegisterResources(session, 1, files, 0, None, 0, None) != 0:
            return []
        needed, count, reasons = wintypes.UINT(0), wintypes.UINT(0), wintypes.DWORD(0)
        rstrtmgr.RmGetList(session, ctypes.byref(needed), ctypes.byref(count), None,
                           ctypes.byref(reasons))  # fmt: skip
        if needed.value == 0:
            return []
        infos = (_ProcessInfo * needed.value)()
        count = wintypes.UINT(needed.value)
        if rstrtmgr.RmGetList(session, ctypes.byref(needed), ctypes.byref(count), infos,
                              ctypes.byref(reasons)) != 0:  # fmt: skip
            return []
        return sorted({infos[i].strAppName for i in range(count.value) if infos[i].strAppName})
    finally:
        rstrtmgr.RmEndSession(session)
