"""Where a database file lives: the PC's own disk, a network share, a removable drive, or a
folder a cloud client synchronises.

Only the local disk gets WAL. WAL needs shared memory that SMB shares do not provide reliably,
and a stick pulled out or a sync client copying ``-wal`` apart from the main file leaves a
database that misses its last changes; a rollback journal (``journal_mode=DELETE``) keeps each
commit inside the one file. The answer comes from where Windows says it: ``GetDriveTypeW`` for
the drive (Windows only) and the OneDrive environment variables for synced folders.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import PurePath, PurePosixPath, PureWindowsPath

from kinerja_desktop.storage.sqlite_uri import absolute_path

# GetDriveTypeW results (winbase.h).
DRIVE_REMOVABLE = 2
DRIVE_FIXED = 3
DRIVE_REMOTE = 4
DRIVE_CDROM = 5

CLOUD_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")


class Location(StrEnum):
    LOCAL = "local"
    NETWORK = "network"
    REMOVABLE = "removable"
    CLOUD = "cloud"


def _windows_drive_type(root: str) -> int:
    kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009 - windll exists on Windows only
    kernel32.GetDriveTypeW.argtypes = [ctypes.c_wchar_p]
    kernel32.GetDriveTypeW.restype = ctypes.c_uint
    return int(kernel32.GetDriveTypeW(root))


# Replaced in tests to run the Windows branch on Linux.
drive_type: Callable[[str], int] | None = _windows_drive_type if sys.platform == "win32" else None


def _under(path: PurePath, folder: str) -> bool:
    if not folder:
        return False
    flavour = PureWindowsPath if isinstance(path, PureWindowsPath) else PurePosixPath
    root = flavour(folder)
    if not root.is_absolute():
        return False
    # PureWindowsPath compares case-insensitively, as the Windows file system does.
    return path == root or root in path.parents


def location_of(path: PurePath, *, environ: Mapping[str, str] | None = None) -> Location:
    """Where ``path`` lives (see the module docstring).

    A UNC path (``\\\\server\\share``) is a network share even where no drive type can be asked.
    """
    path = absolute_path(path)
    env = os.environ if environ is None else environ
    if any(_under(path, env.get(name, "")) for name in CLOUD_VARIABLES):
        return Location.CLOUD
    if not isinstance(path, PureWindowsPath):
        return Location.LOCAL
    if path.drive.startswith("\\\\"):
        return Location.NETWORK
    probe = drive_type
    if probe is None or not path.drive:
        return Location.LOCAL
    kind = probe(path.drive + "\\")
    if kind == DRIVE_REMOTE:
        return Location.NETWORK
    if kind in (DRIVE_REMOVABLE, DRIVE_CDROM):
        return Location.REMOVABLE
    return Location.LOCAL
