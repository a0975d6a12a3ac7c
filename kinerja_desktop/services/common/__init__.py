"""What every capability shares: the database handle, the actor, shared DTOs, the bookkeeping of
every write.

The front door: the use cases the GUI and the CLI may call. Each name is imported from its
module on first use (services/front_door.py), so importing this room's ``dto`` at the first
paint loads no SQLAlchemy. The block under ``TYPE_CHECKING`` is what import-linter and type
checkers read; tests/test_front_doors.py keeps it equal to ``EXPORTS``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja_desktop.services.front_door import lazy_exports

if TYPE_CHECKING:
    from .actor import Actor as Actor
    from .actor import ActorKind as ActorKind
    from .database import (
        Database as Database,
    )
    from .database import (
        read_only_reason as read_only_reason,
    )
    from .database import (
        reason_text as reason_text,
    )
    from .import_dto import ImportSummary as ImportSummary
    from .info import database_info as database_info
    from .offices import home_office as home_office
    from .offices import list_offices as list_offices
    from .sheet_import import SheetFile as SheetFile
    from .sheet_import import SheetPreview as SheetPreview

EXPORTS: dict[str, tuple[str, ...]] = {
    ".actor": (
        "Actor",
        "ActorKind",
    ),
    ".database": (
        "Database",
        "read_only_reason",
        "reason_text",
    ),
    ".import_dto": ("ImportSummary",),
    ".info": ("database_info",),
    ".offices": (
        "home_office",
        "list_offices",
    ),
    ".sheet_import": (
        "SheetFile",
        "SheetPreview",
    ),
}

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
