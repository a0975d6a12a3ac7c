"""Whether a command line only asks for the window, read without argparse (issue 16.2).

Building the whole parser imports every command group's module and adds some 300 arguments:
about a quarter of the work before the window's first paint, for a parser that plain
``kinerja-desktop`` (or ``--db X``, ``--lang en``) never uses. :func:`gui_start` recognises
exactly those command lines; anything else, including anything it is unsure of (an option
value that starts with ``-``, an abbreviated option, an unknown language), goes to the full
parser, which answers it as before (help, usage errors and exit codes unchanged).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: ``--lang`` values the parser accepts (``cli/parser.py``'s ``global_options``).
LANGS = ("id", "en", "pseudo")
_OPTIONS = ("--db", "--lang")


@dataclass(frozen=True)
class GuiStart:
    """What the parser would have read: ``db`` (``None`` when absent) and ``lang`` (``"id"``
    when absent, as its default); ``lang_given`` says whether ``--lang`` was typed."""

    db: str | None = None
    lang: str = "id"
    lang_given: bool = False


def gui_start(argv: Sequence[str]) -> GuiStart | None:
    """The window's start when ``argv`` holds only ``--db``/``--lang`` (each as ``--x V`` or
    ``--x=V``, the last one counting, as argparse does); ``None`` for every other line."""
    db: str | None = None
    lang, lang_given = "id", False
    index = 0
    while index < len(argv):
        name, equals, value = argv[index].partition("=")
        if name not in _OPTIONS:
            return None
        if equals:
            index += 1
        else:
            if index + 1 >= len(argv) or argv[index + 1].startswith("-"):
                return None  # missing, or a value argparse might read as an option
            value = argv[index + 1]
            index += 2
        if name == "--db":
            db = value
        elif value in LANGS:
            lang, lang_given = value, True
        else:
            return None  # the parser words the refusal
    return GuiStart(db=db, lang=lang, lang_given=lang_given)


def lang_values(args: Sequence[str]) -> list[str]:
    """Every ``--lang`` value typed, in order (before any parsing: the parser's own words
    come in that language)."""
    values = []
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            values.append(args[index + 1])
        elif arg.startswith("--lang="):
            values.append(arg.split("=", 1)[1])
    return values
