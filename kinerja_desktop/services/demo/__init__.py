"""The deterministic Nanggalo demo database.

The front door: the use cases the GUI and the CLI may call. Each name is imported from its
module on first use (services/front_door.py), so importing this room's ``dto`` at the first
paint loads no SQLAlchemy. The block under ``TYPE_CHECKING`` is what import-linter and type
checkers read; tests/test_front_doors.py keeps it equal to ``EXPORTS``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja_desktop.services.front_door import lazy_exports

if TYPE_CHECKING:
    from .accounts import demo_accounts as demo_accounts
    from .build import build_demo as build_demo

EXPORTS: dict[str, tuple[str, ...]] = {
    ".accounts": ("demo_accounts",),
    ".build": ("build_demo",),
}

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
