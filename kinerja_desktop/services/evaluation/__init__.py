"""Evaluation: realisations, evidence, assessments, annual, completion.

The front door: the use cases the GUI and the CLI may call. Each name is imported from its
module on first use (services/front_door.py), so importing this room's ``dto`` at the first
paint loads no SQLAlchemy. The block under ``TYPE_CHECKING`` is what import-linter and type
checkers read; tests/test_front_doors.py keeps it equal to ``EXPORTS``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja_desktop.services.front_door import lazy_exports

if TYPE_CHECKING:
    from .annual import refresh_from_periods as refresh_from_periods
    from .assessments import (
        approve as approve,
    )
    from .assessments import (
        permissions as permissions,
    )
    from .assessments import (
        reopen as reopen,
    )
    from .assessments import (
        return_evaluation as return_evaluation,
    )
    from .assessments import (
        save_assessment as save_assessment,
    )
    from .assessments import (
        submit as submit,
    )
    from .bulk_approval import (
        BulkApproval as BulkApproval,
    )
    from .bulk_approval import (
        approve_selected as approve_selected,
    )
    from .bulk_approval import (
        periods_awaiting as periods_awaiting,
    )
    from .completion import (
        STAGES as STAGES,
    )
    from .completion import (
        completion_summary as completion_summary,
    )
    from .completion import (
        export_completion as export_completion,
    )
    from .completion import (
        row_json as row_json,
    )
    from .completion import (
        stage_label as stage_label,
    )
    from .evaluations import list_evaluations as list_evaluations
    from .evaluations import list_periods as list_periods
    from .evidence import (
        add_evidence as add_evidence,
    )
    from .evidence import (
        evidence_path as evidence_path,
    )
    from .evidence import (
        remove_evidence as remove_evidence,
    )
    from .realisation_sheets import (
        export_realisations as export_realisations,
    )
    from .realisation_sheets import (
        import_realisations as import_realisations,
    )
    from .realisation_sheets import (
        write_template as write_template,
    )
    from .realisations import (
        get_evaluation as get_evaluation,
    )
    from .realisations import (
        parse_value as parse_value,
    )
    from .realisations import (
        save_realisations as save_realisations,
    )
    from .realisations import (
        start_evaluation as start_evaluation,
    )

EXPORTS: dict[str, tuple[str, ...]] = {
    ".annual": ("refresh_from_periods",),
    ".assessments": (
        "approve",
        "permissions",
        "reopen",
        "return_evaluation",
        "save_assessment",
        "submit",
    ),
    ".bulk_approval": (
        "BulkApproval",
        "approve_selected",
        "periods_awaiting",
    ),
    ".completion": (
        "STAGES",
        "completion_summary",
        "export_completion",
        "row_json",
        "stage_label",
    ),
    ".evaluations": (
        "list_evaluations",
        "list_periods",
    ),
    ".evidence": (
        "add_evidence",
        "evidence_path",
        "remove_evidence",
    ),
    ".realisation_sheets": (
        "export_realisations",
        "import_realisations",
        "write_template",
    ),
    ".realisations": (
        "get_evaluation",
        "parse_value",
        "save_realisations",
        "start_evaluation",
    ),
}

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
