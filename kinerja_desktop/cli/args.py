"""Argument types shared by the command groups: a wrong value is a usage error (exit 2)."""

from __future__ import annotations

import argparse

from kinerja_desktop.cli.argparse_text import parsing_language
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.messages import text
from kinerja_desktop.domain.periods import Period

PERIOD_HELP = 'misalnya 2026-Q3 atau "Triwulan III 2026"'


def period_arg(value: str) -> str:
    """The canonical code of the period ``value`` names (``"Triwulan III 2026"`` -> ``2026-Q3``);
    argparse turns the refusal into its usage error, so nothing is opened or migrated."""
    try:
        return str(Period.from_text(value))
    except ValidationError as err:
        # The option is named by argparse itself ("argumen --period: …"): no "(kolom …)".
        raise argparse.ArgumentTypeError(text(err.code, parsing_language(), **err.params)) from None
