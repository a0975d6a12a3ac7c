"""What every command passes through at the edge: the console, the writer lock, the errors.

* :func:`prepare_console`: output that is redirected or piped is written as UTF-8, and a
  stream whose encoding cannot hold a character replaces it, so printing a summary after a
  committed change can never fail on an encoding error (a Windows code page, a
  ``PYTHONIOENCODING=ascii``).
* :func:`silence_closed_pipe`: ``kinerja-desktop ... | head -1`` ends quietly.
* :func:`writes` and :func:`take_writer_lock`: a command that changes the database takes the
  same writer lock as the window (``storage/instance_lock.py``), so the CLI is one more door
  with the same rule: one writer per file. Commands that only read run beside an open window.
* :func:`collision_code`: a database error that a concurrent writer causes (a unique key
  taken a moment ago, a write lock that did not come free) is worded, never a traceback.

Only the standard library is imported at module level, so ``--version`` stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sqlite3
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kinerja_desktop.storage.instance_lock import InstanceLock
from kinerja_desktop.storage.sqlite_uri import sqlite_uri

# -- console ----------------------------------------------------------------------------------


def _reconfigure(stream: Any) -> None:
    if not isinstance(stream, io.TextIOWrapper):
        return
    encoding = (stream.encoding or "").replace("_", "-").lower()
    if encoding in {"utf-8", "utf8"}:
        return
    with contextlib.suppress(OSError, ValueError):
        if not stream.isatty() and not os.environ.get("PYTHONIOENCODING"):
            # A pipe or a file: whatever reads it gets UTF-8, not the console's code page.
            stream.reconfigure(encoding="utf-8", errors="replace")
        else:
            # A console, or an encoding the user chose: keep it, replace what it cannot hold.
            stream.reconfigure(errors="replace")


def prepare_console() -> None:
    """Make stdout and stderr unable to fail on a character they cannot encode."""
    for stream in (sys.stdout, sys.stderr):
        _reconfigure(stream)


def silence_closed_pipe() -> None:
    """The reader of our output went away (``| head``): stop writing, without a message.

    Python flushes stdout once more at exit and would report the broken pipe as "Exception
    ignored"; pointing both descriptors at the null device lets that flush succeed.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)


# -- the writer lock --------------------------------------------------------------------------

#: Commands that only read the database (or no database at all). Everything else, including
#: a command added later, counts as writing and takes the lock: the safe default. A command
#: may also say so itself with ``set_defaults(read_only=True)``.
READ_ONLY: frozenset[tuple[str, ...]] = frozenset(
    {
        ("check",),
        ("backup",),
        ("backups",),
        ("snapshot",),
        ("report",),
        ("ikm",),
        ("evaluations", "status"),
        ("sync", "conflicts"),
        ("sync", "keys", "export"),
        ("users", "list"),
        *((group, verb) for group in ("employees", "indicators", "skp", "realisations")
          for verb in ("template", "export")),
    }
)  # fmt: skip


def command_path(args: argparse.Namespace) -> tuple[str, ...]:
    """``("sync", "keys", "import")`` for ``sync keys import``, from argparse's dests."""
    path: list[str] = []
    name = getattr(args, "command", None)
    while name:
        path.append(name)
        name = getattr(args, f"{name}_command", None)
    return tuple(path)


def writes(args: argparse.Namespace, db_path: Path) -> bool:
    """Does this command change the database at ``db_path``?"""
    path = command_path(args)
    if not path:
        return False  # the window takes the lock itself
    flag = getattr(args, "read_only", None)
    if flag is not None:
        return not flag
    if getattr(args, "dry_run", False):
        return False
    if path == ("demo",) and getattr(args, "open", False) and not getattr(args, "force", False):
        return not db_path.exists()  # an existing demo is only opened, by the window
    return not any(path[: len(prefix)] == prefix for prefix in READ_ONLY) or _needs_upgrade(
        path, db_path
    )


def _needs_upgrade(path: tuple[str, ...], db_path: Path) -> bool:
    """A reading command on an older schema migrates first (DESIGN.md 6): that writes."""
    if path[0] in {"check", "backup", "backups", "ikm"} or not db_path.is_file():
        return False  # these never migrate, or there is nothing to migrate
    try:
        uri = sqlite_uri(db_path, read_only=True)
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=1)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except (sqlite3.Error, ValueError, OSError):
        return False  # not readable as ours: the command itself says what is wrong
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


def take_writer_lock(db_path: Path) -> tuple[InstanceLock | None, Held | None]:
    """``(lock, None)`` when taken; ``(None, holder)`` when another copy holds the file;
    ``(None, None)`` when no lock file can be made there (a missing or read-only folder:
    the command itself then says what is wrong, and nobody else can write there either)."""
    lock = InstanceLock(db_path)
    if lock.acquire():
        return lock, None
    if lock.error is not None:
        return None, None
    return None, _held_by(lock)


# -- errors a concurrent writer causes --------------------------------------------------------


def collision_code(exc: BaseException) -> str | None:
    """The message code for a database error caused by another writer, else None."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        names = {cls.__name__ for cls in type(current).__mro__}
        if "IntegrityError" in names:
            return "db.write_collision"
        if "OperationalError" in names and "locked" in str(current).lower():
            return "db.busy"
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return None
