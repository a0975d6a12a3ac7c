"""The argparse side of the command line: subcommands that take the global options (``--db``,
``--lang``) after their name too, and usage errors raised, not exited, so the funnel in
:mod:`~kinerja_desktop.cli.core` can answer them (exit 2, with the JSON object)."""

from __future__ import annotations

import argparse
from typing import Any

from kinerja_desktop.cli.argparse_text import usage_error_text


class UsageError(Exception):
    """A command line that does not parse; ``line`` is the error without the usage lines
    (what the JSON object carries)."""

    def __init__(self, text: str, line: str | None = None) -> None:
        super().__init__(text)
        self.line = line or text


class Parser(argparse.ArgumentParser):
    """argparse's words come in the command line's language (``cli/argparse_text.py``); a
    usage error raises instead of exiting so the funnel can add the JSON object."""

    def error(self, message: str) -> Any:  # type: ignore[override]
        full = usage_error_text(self, message)
        raise UsageError(full, full.rsplit("\n", 1)[-1])


def global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--db", metavar="PATH", default=default, help="berkas database")
    # "pseudo" is the developers' pseudo-locale (gui/i18n.py); messages treat it as "id".
    parser.add_argument(
        "--lang", choices=("id", "en", "pseudo"), default=argparse.SUPPRESS if suppress else "id"
    )


def add_command(
    sub: Any, name: str, help_text: str, *, json_flag: bool = True
) -> argparse.ArgumentParser:
    """Add a subcommand that accepts the global options after its name too."""
    p = sub.add_parser(name, help=help_text)
    global_options(p, suppress=True)
    if json_flag:
        p.add_argument("--json", action="store_true", help="keluaran JSON")
    return p


def add_group(sub: Any, name: str, help_text: str) -> Any:
    """Add a command group (``employees template|export|import``); returns its subparsers."""
    group = sub.add_parser(name, help=help_text)
    global_options(group, suppress=True)
    return group.add_subparsers(dest=f"{name}_command", parser_class=Parser, required=True)
