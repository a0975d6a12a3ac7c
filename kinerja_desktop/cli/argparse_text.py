"""argparse's own words (usage, help headings, usage errors) in Bahasa Indonesia or English.

argparse words its messages through the module-level ``_`` and ``ngettext`` it imported from
``gettext``; with no catalogue installed they stay English. Rather than ship a ``.mo`` file, the
command line swaps those two names for a lookup in the small table below while it builds and
parses its parser (group titles are worded when a parser is made, errors when it parses).
Anything the table does not hold passes through unchanged, so a newer Python's extra messages
degrade to English instead of failing.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# argparse message id -> Indonesian. English is argparse's own text.
_ID: dict[str, str] = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "optional arguments": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan tidak sah: %(value)r (pilih dari %(choices)s)"
    ),
    "expected one argument": "perlu satu nilai",
    "expected at least one argument": "perlu sedikitnya satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opsi %(option)s tidak jelas, bisa berarti %(matches)s"
    ),
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ignored explicit argument %r": "nilai %r diabaikan",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "tidak dapat membuka '%(filename)s': %(error)s",
}
_ID_PLURAL: dict[str, str] = {
    "expected %s argument": "perlu %s nilai",
}

VERSION_HELP = {
    "id": "tampilkan versi program lalu keluar",
    "en": "show program's version number and exit",
}


def _translator(lang: str) -> tuple[Callable[[str], str], Callable[[str, str, int], str]]:
    def gettext(message: str) -> str:
        return message if lang == "en" else _ID.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        if lang == "en":
            return singular if n == 1 else plural
        return _ID_PLURAL.get(singular, singular if n == 1 else plural)

    return gettext, ngettext


#: The language of the parse under way (a list so no ``global`` is needed); argument types
#: such as ``period_arg`` word their refusals in it.
_active: list[str] = []


def parsing_language() -> str:
    """The language of the parse under way: "en" or "id"."""
    return _active[-1] if _active else "id"


@contextmanager
def argparse_language(lang: str) -> Iterator[None]:
    """Word argparse's messages in ``lang`` ("en", else Indonesian) inside the block."""
    lang = "en" if lang == "en" else "id"
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _translator(lang)  # type: ignore[attr-defined]
    _active.append(lang)
    try:
        yield
    finally:
        _active.pop()
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


#: The subcommand positionals' dests ("command", "report_command") are internal names.
_COMMAND_DEST = re.compile(r"(?<![\w'-])(?:[a-z]+_)?command(?![\w'-])")
_COMMAND_WORD = {"id": "perintah", "en": "command"}


def usage_error_text(parser: argparse.ArgumentParser, message: str) -> str:
    """What argparse itself prints for a usage error: the usage line, then ``prog: error: …``,
    worded by the language active around the call."""
    message = _COMMAND_DEST.sub(_COMMAND_WORD[parsing_language()], message)
    line = argparse._("%(prog)s: error: %(message)s\n") % {  # type: ignore[attr-defined]
        "prog": parser.prog,
        "message": message,
    }
    return parser.format_usage() + line.rstrip("\n")
