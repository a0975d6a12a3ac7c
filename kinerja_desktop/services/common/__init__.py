"""What every capability shares: the database handle, the actor, shared DTOs, the bookkeeping of
every write.

The room's front door: what the GUI and the CLI may call (services/front_door.py).
"""

from __future__ import annotations

from kinerja_desktop.services.front_door import lazy_exports

# fmt: off
EXPORTS: dict[str, tuple[str, ...]] = {
    ".actor": ("Actor", "ActorKind",),
    ".collector": ("freeze_loaded", "pause_gc", "paused_gc", "resume_gc", "thaw",),
    ".database": ("Database", "read_only_reason", "reason_text",),
    ".import_dto": ("ImportSummary",),
    ".info": ("database_info",),
    ".offices": ("home_office", "list_offices",),
    ".sheet_import": ("SheetFile", "SheetPreview",),
}
# fmt: on

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
