"""What every command passes through at the edge: the console, the writer lock, the errors.

* :func:`prepare_console`: output that is redirected or piped is written as UTF-8, and a
  stream whose encoding cannot hold a character replaces it, so printing a summary after a
  committed change can never fail on an encoding error (a Windows code page, a
  ``PYTHONIOENCODING=ascii``).
* :func:`silence_closed_pipe`: ``kinerja-desktop ... | head -1`` ends quietly.
* :func:`writes`: a command that changes the database takes the same writer lock as the
  window (through ``services/admin/writer_lock.py``), so the CLI is one more door with the
  same rule: one writer per file. Commands that only read run beside an open window.
* :func:`collision_code`: a database error that a concurrent writer causes (a unique key
  taken a moment ago, a write lock that did not come free) is worded, never a traceback.

Only the standard library is imported at module level, so ``--version`` stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from pathlib import Path
from typing import Any

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
        *((group, verb)
          for group in ("employees", "indicators", "skp", "realisations", "rencana-aksi")
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
    if path[0] in {"check", "backup", "backups", "ikm"}:
        return False  # these never migrate
    from kinerja_desktop.services.admin import schema_needs_upgrade

    return schema_needs_upgrade(db_path)


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
