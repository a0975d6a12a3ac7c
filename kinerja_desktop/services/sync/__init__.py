"""Sync between offices: packages out and in, ownership, receipts, conflicts, keys.

The room's front door: what the GUI and the CLI may call (services/front_door.py).
"""

from __future__ import annotations

from kinerja_desktop.services.front_door import lazy_exports

# fmt: off
EXPORTS: dict[str, tuple[str, ...]] = {
    ".batch_import": ("BatchResult", "import_batch", "import_packages", "package_paths",),
    ".conflicts": ("list_conflicts", "resolve_conflict",),
    ".exporter": ("export_package",),
    ".importer": ("ImportSummary", "import_package", "refused_summary",),
    ".overview": ("export_targets", "home_fingerprint", "sync_overview",),
    ".partners": ("PartnerKey", "export_key", "import_key", "package_sender", "read_key_file",
        "register_partner",),
    ".receipts": ("issue_receipt", "read_receipt_file",),
    ".reminders": ("OfficeBacklog", "PeriodQueue", "Reminders", "StalePartner", "reminders_for",),
}
# fmt: on

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
