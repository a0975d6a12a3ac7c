"""Plans: the IKU catalogue and its templates, SKP with RHK and indicators, cascade.

The front door: the use cases the GUI and the CLI may call. Each name is imported from its
module on first use (services/front_door.py), so importing this room's ``dto`` at the first
paint loads no SQLAlchemy. The block under ``TYPE_CHECKING`` is what import-linter and type
checkers read; tests/test_front_doors.py keeps it equal to ``EXPORTS``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja_desktop.services.front_door import lazy_exports

if TYPE_CHECKING:
    from .cascade import GROUP_FLAGGED as GROUP_FLAGGED
    from .cascade import cascade_tree as cascade_tree
    from .iku_catalogue import (
        catalogue_years as catalogue_years,
    )
    from .iku_catalogue import (
        copy_catalogue as copy_catalogue,
    )
    from .iku_catalogue import (
        get_catalogue as get_catalogue,
    )
    from .iku_catalogue import (
        save_catalogue as save_catalogue,
    )
    from .iku_checks import period_targets as period_targets
    from .iku_templates import (
        GROUPS as GROUPS,
    )
    from .iku_templates import (
        TEMPLATES as TEMPLATES,
    )
    from .iku_templates import (
        template_input as template_input,
    )
    from .indicator_sheets import (
        export_indicators as export_indicators,
    )
    from .indicator_sheets import (
        import_indicators as import_indicators,
    )
    from .indicator_sheets import (
        write_indicator_template as write_indicator_template,
    )
    from .indicators import list_indicators as list_indicators
    from .skp import find_skp as find_skp
    from .skp import parent_choices as parent_choices
    from .skp import save_skp as save_skp
    from .skp_sheets import (
        export_skp as export_skp,
    )
    from .skp_sheets import (
        import_skp as import_skp,
    )
    from .skp_sheets import (
        write_skp_template as write_skp_template,
    )
    from .skp_status import (
        approve_skp as approve_skp,
    )
    from .skp_status import (
        assign_rhk as assign_rhk,
    )
    from .skp_status import (
        copy_skp as copy_skp,
    )
    from .skp_status import (
        list_skp as list_skp,
    )
    from .skp_status import (
        return_skp as return_skp,
    )
    from .skp_status import (
        save_expectations as save_expectations,
    )
    from .skp_status import (
        start_revision as start_revision,
    )
    from .skp_status import (
        submit_skp as submit_skp,
    )

EXPORTS: dict[str, tuple[str, ...]] = {
    ".cascade": (
        "GROUP_FLAGGED",
        "cascade_tree",
    ),
    ".iku_catalogue": (
        "catalogue_years",
        "copy_catalogue",
        "get_catalogue",
        "save_catalogue",
    ),
    ".iku_checks": ("period_targets",),
    ".iku_templates": (
        "GROUPS",
        "TEMPLATES",
        "template_input",
    ),
    ".indicator_sheets": (
        "export_indicators",
        "import_indicators",
        "write_indicator_template",
    ),
    ".indicators": ("list_indicators",),
    ".skp": (
        "find_skp",
        "parent_choices",
        "save_skp",
    ),
    ".skp_sheets": (
        "export_skp",
        "import_skp",
        "write_skp_template",
    ),
    ".skp_status": (
        "approve_skp",
        "assign_rhk",
        "copy_skp",
        "list_skp",
        "return_skp",
        "save_expectations",
        "start_revision",
        "submit_skp",
    ),
}

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
