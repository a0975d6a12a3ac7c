"""Reporting: the data of every printed document and recap, and writing them.

The room's front door: what the GUI and the CLI may call (services/front_door.py).
"""

from __future__ import annotations

from kinerja_desktop.services.front_door import lazy_exports

# fmt: off
EXPORTS: dict[str, tuple[str, ...]] = {
    ".ak": ("kept_nomor",),
    ".dashboard": ("IkmPoint", "IkuLine", "IkuPoint", "OfficeFigures", "PAGE_LINES",
        "PAGE_OFFICES", "furthest_behind", "lowest_done", "office_figures", "recap_page",),
    ".dashboard_reads": ("DashboardCounts", "dashboard_counts",),
    ".data": ("employees_of_office",),
    ".monitor_offices": ("OfficeLine", "export_monitor", "office_lines",),
    ".output": ("Written", "write_batch", "write_document",),
    ".recap": ("write_recap",),
    ".recaps": ("office_recap",),
}
# fmt: on

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
