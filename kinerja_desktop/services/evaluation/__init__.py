"""Evaluation: realisations, evidence, assessments, annual, completion.

The room's front door: what the GUI and the CLI may call (services/front_door.py).
"""

from __future__ import annotations

from kinerja_desktop.services.front_door import lazy_exports

# fmt: off
EXPORTS: dict[str, tuple[str, ...]] = {
    ".annual": ("refresh_from_periods",),
    ".assessments": ("approve", "permissions", "reopen", "return_evaluation", "save_assessment",
        "submit",),
    ".bulk_approval": ("BulkApproval", "approve_selected", "periods_awaiting",),
    ".completion": ("STAGES", "completion_summary", "export_completion", "row_json",
        "stage_label",),
    ".evaluations": ("list_evaluations", "list_periods",),
    ".evidence": ("add_evidence", "evidence_path", "link_evidence", "remove_evidence",),
    ".realisation_sheets": ("export_realisations", "import_realisations", "write_template",),
    ".realisations": ("get_evaluation", "parse_value", "save_realisations", "start_evaluation",),
    ".rencana_aksi": ("add_rencana_aksi", "copy_previous_rencana_aksi", "delete_rencana_aksi",
        "edit_rencana_aksi", "reorder_rencana_aksi",),
    ".rencana_aksi_lists": ("list_rencana_aksi", "list_skp_rencana_aksi",),
    ".rencana_aksi_sheets": ("export_rencana_aksi", "import_rencana_aksi",
        "write_rencana_aksi_template",),
}
# fmt: on

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
