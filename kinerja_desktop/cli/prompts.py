"""Reading secrets and confirmations on the command line.

Passwords come from the terminal (asked twice) or, without one, from the first line of stdin;
never from an argument, where they would land in the shell history and the process list.
"""

from __future__ import annotations

import getpass
import sys

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.admin import who_am_i
from kinerja_desktop.services.common import Actor, ActorKind


def read_password(prompt: str = "Kata sandi: ", *, confirm: bool = True) -> str:
    """Read a password; refuse an empty one or a mismatched confirmation."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if confirm and getpass.getpass("Ulangi kata sandi: ") != first:
            raise ValidationError("cli.password_mismatch", field="password")
        password = first
    else:
        line = sys.stdin.readline() if sys.stdin is not None else ""
        password = line.rstrip("\r\n")
    if not password:
        raise ValidationError("cli.password_missing", field="password")
    return password


def confirmed(yes: bool, question: str) -> bool:
    """True with ``--yes``; else ask on a terminal; without one, refuse (DESIGN.md section 6)."""
    if yes:
        return True
    if sys.stdin is None or not sys.stdin.isatty():
        return False
    # The question goes to stderr, like every message for people: stdout carries only the
    # result (one JSON object with --json), also when a confirmation was asked on the way.
    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().lower()
    return answer in {"y", "ya", "yes"}


def cli_actor() -> Actor:
    """Headless commands act as ``cli:<os user>@<computer>`` with every role: whoever can run
    them can already open the file, and the audit trail records who it was."""
    return Actor(f"cli:{who_am_i()}", frozenset(Role), kind=ActorKind.CLI)
