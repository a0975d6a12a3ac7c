"""Reporting: the data of every printed document and recap, and writing them.

The front door: the use cases the GUI and the CLI may call. Each name is imported from its
module on first use (services/front_door.py), so importing this room's ``dto`` at the first
paint loads no SQLAlchemy. The block under ``TYPE_CHECKING`` is what import-linter and type
checkers read; tests/test_front_doors.py keeps it equal to ``EXPORTS``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja_desktop.services.front_door import lazy_exports

if TYPE_CHECKING:
    from .ak import kept_nomor as kept_nomor
    from .data import employees_of_office as employees_of_office
    from .output import (
        Written as Written,
    )
    from .output import (
        write_batch as write_batch,
    )
    from .output import (
        write_document as write_document,
    )
    from .recap import write_recap as write_recap
    from .recaps import office_recap as office_recap

EXPORTS: dict[str, tuple[str, ...]] = {
    ".ak": ("kept_nomor",),
    ".data": ("employees_of_office",),
    ".output": (
        "Written",
        "write_batch",
        "write_document",
    ),
    ".recap": ("write_recap",),
    ".recaps": ("office_recap",),
}

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
