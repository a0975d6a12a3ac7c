"""SQLite file URIs, built one way for the engine, the backups and ``check``.

Why not ``f"file:{path.resolve().as_posix()}"``: on Windows ``resolve()`` turns a mapped drive
``Z:\\...`` into ``\\\\server\\share\\...``, which becomes ``file://server/share/...`` and SQLite
refuses it ("invalid uri authority"); an unquoted ``#`` or ``?`` in a folder name cuts the path
short and ``%`` is read as an escape. So the path is made absolute without resolving links or
drive mappings, every segment is percent-quoted, a drive letter is written ``file:///C:/...``
and a UNC share ``file:////server/share/...`` (empty authority, path ``//server/share``).
"""

from __future__ import annotations

from pathlib import Path, PurePath, PureWindowsPath
from urllib.parse import quote

#: The first 16 bytes of every SQLite database file (here, not in engine.py: the start-up's
#: preview checks it before SQLAlchemy is imported).
SQLITE_HEADER = b"SQLite format 3\x00"

_LONG_UNC = "\\\\?\\UNC\\"
_LONG_PREFIXES = ("\\\\?\\", "\\\\.\\")


def plain_windows_path(path: PureWindowsPath) -> PureWindowsPath:
    """``path`` without a ``\\\\?\\`` (long path) prefix: ``\\\\?\\UNC\\srv\\share`` becomes
    ``\\\\srv\\share`` and ``\\\\?\\C:\\x`` becomes ``C:\\x``.

    SQLite's URI parser knows nothing of the prefix, and the Windows API accepts the plain
    form for the same file.
    """
    text = str(path)
    if text[: len(_LONG_UNC)].upper() == _LONG_UNC:
        return PureWindowsPath("\\\\" + text[len(_LONG_UNC) :])
    for prefix in _LONG_PREFIXES:
        if text.startswith(prefix):
            return PureWindowsPath(text[len(prefix) :])
    return path


def absolute_path(path: PurePath) -> PurePath:
    """A concrete path made absolute with ``absolute()`` (never ``resolve()``); a pure path
    must already be absolute.

    Raises:
        ValueError: a relative pure path (nothing to make it absolute against).
    """
    if isinstance(path, Path):
        path = path.absolute()
    if not path.is_absolute():
        raise ValueError(f"not an absolute path: {path}")
    if isinstance(path, PureWindowsPath):
        path = plain_windows_path(path)
    return path


def _quoted(parts: tuple[str, ...]) -> str:
    return "/".join(quote(part, safe="") for part in parts)


def file_uri(path: PurePath) -> str:
    """The ``file:`` URI of ``path`` without a query string.

    Examples::

        C:\\Data Kantor\\k.sqlite      file:///C:/Data%20Kantor/k.sqlite
        \\\\server\\share\\k.sqlite     file:////server/share/k.sqlite
        /home/ani/#1/k.sqlite          file:///home/ani/%231/k.sqlite
    """
    path = absolute_path(path)
    if isinstance(path, PureWindowsPath):
        drive = path.drive
        rest = _quoted(path.parts[1:])
        if drive.startswith("\\\\"):
            server, _, share = drive[2:].partition("\\")
            head = f"//{quote(server, safe='')}/{quote(share, safe='')}"
            return f"file://{head}/{rest}" if rest else f"file://{head}"
        return f"file:///{drive}/{rest}"
    root = path.parts[0]  # "/" or, rarely, "//"
    return f"file://{root}{_quoted(path.parts[1:])}"


def sqlite_uri(path: PurePath, *, read_only: bool = False, immutable: bool = False) -> str:
    """The URI to give ``sqlite3.connect(..., uri=True)`` for the database file ``path``.

    Args:
        path: the file; a concrete path is made absolute, a pure one must be absolute.
        read_only: add ``mode=ro`` (SQLite refuses every write on the connection).
        immutable: add ``immutable=1`` (no locks, no ``-shm``): only for a file nobody can
            change meanwhile, such as one in a folder this process cannot write.
    """
    params = []
    if read_only:
        params.append("mode=ro")
    if immutable:
        params.append("immutable=1")
    uri = file_uri(path)
    return f"{uri}?{'&'.join(params)}" if params else uri
