"""Sync between offices: packages out and in, ownership, receipts, conflicts, keys.

The front door: the use cases the GUI and the CLI may call. Each name is imported from its
module on first use (services/front_door.py), so importing this room's ``dto`` at the first
paint loads no SQLAlchemy. The block under ``TYPE_CHECKING`` is what import-linter and type
checkers read; tests/test_front_doors.py keeps it equal to ``EXPORTS``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja_desktop.services.front_door import lazy_exports

if TYPE_CHECKING:
    from .conflicts import list_conflicts as list_conflicts
    from .conflicts import resolve_conflict as resolve_conflict
    from .exporter import export_package as export_package
    from .importer import (
        ImportSummary as ImportSummary,
    )
    from .importer import (
        import_package as import_package,
    )
    from .importer import (
        refused_summary as refused_summary,
    )
    from .overview import (
        export_targets as export_targets,
    )
    from .overview import (
        home_fingerprint as home_fingerprint,
    )
    from .overview import (
        sync_overview as sync_overview,
    )
    from .partners import (
        PartnerKey as PartnerKey,
    )
    from .partners import (
        export_key as export_key,
    )
    from .partners import (
        import_key as import_key,
    )
    from .partners import (
        package_sender as package_sender,
    )
    from .partners import (
        read_key_file as read_key_file,
    )
    from .partners import (
        register_partner as register_partner,
    )
    from .receipts import issue_receipt as issue_receipt
    from .receipts import read_receipt_file as read_receipt_file

EXPORTS: dict[str, tuple[str, ...]] = {
    ".conflicts": (
        "list_conflicts",
        "resolve_conflict",
    ),
    ".exporter": ("export_package",),
    ".importer": (
        "ImportSummary",
        "import_package",
        "refused_summary",
    ),
    ".overview": (
        "export_targets",
        "home_fingerprint",
        "sync_overview",
    ),
    ".partners": (
        "PartnerKey",
        "export_key",
        "import_key",
        "package_sender",
        "read_key_file",
        "register_partner",
    ),
    ".receipts": (
        "issue_receipt",
        "read_receipt_file",
    ),
}

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
