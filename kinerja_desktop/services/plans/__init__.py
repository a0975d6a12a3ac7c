"""Plans: the IKU catalogue and its templates, SKP with RHK and indicators, cascade.

The room's front door: what the GUI and the CLI may call (services/front_door.py).
"""

from __future__ import annotations

from kinerja_desktop.services.front_door import lazy_exports

# fmt: off
EXPORTS: dict[str, tuple[str, ...]] = {
    ".cascade": ("GROUP_FLAGGED", "cascade_tree",),
    ".iku_catalogue": ("catalogue_years", "copy_catalogue", "get_catalogue", "save_catalogue",),
    ".iku_checks": ("period_targets",),
    ".iku_templates": ("GROUPS", "TEMPLATES", "template_input",),
    ".indicator_sheets": ("export_indicators", "import_indicators", "write_indicator_template",),
    ".indicators": ("list_indicators",),
    ".skp": ("find_skp", "parent_choices", "save_skp",),
    ".skp_sheets": ("export_skp", "import_skp", "write_skp_template",),
    ".skp_status": ("approve_skp", "assign_rhk", "copy_skp", "list_skp", "return_skp",
        "save_expectations", "start_revision", "submit_skp",),
}
# fmt: on

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
