"""The command line, ``kinerja-desktop`` (see :mod:`kinerja_desktop.cli.core`)."""

from kinerja_desktop.cli.core import build_parser, main

__all__ = ["build_parser", "main"]
