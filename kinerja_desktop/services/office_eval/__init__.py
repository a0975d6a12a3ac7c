"""The office's own evaluation: office IKU realisations, IKM, organisation predikat, periods and
locks, the predikat distribution.

The room's front door: what the GUI and the CLI may call (services/front_door.py).
"""

from __future__ import annotations

from kinerja_desktop.services.front_door import lazy_exports

# fmt: off
EXPORTS: dict[str, tuple[str, ...]] = {
    ".distribution": ("office_distribution",),
    ".ikm_sheets": ("read_ikm_answers", "write_ikm_template",),
    ".ikm_survey": ("IkmReport", "IkmSurveyDTO", "compute_answers", "get_survey",
        "ikm_indicators", "post_to_indicator", "save_survey",),
    ".org_predikat": ("OrgPredikatRow", "list_org_predikat", "set_org_predikat",),
    ".periods": ("PeriodSettingDTO", "deadline_bounds", "list_period_settings", "lock_period",
        "reopen_period", "set_deadline",),
    ".realisation_sheets": ("export_office_realisations", "import_office_realisations",
        "preview_office_realisations",),
    ".realisations": ("IndicatorCapaian", "OfficeCapaian", "RealisationEntry", "office_capaian",
        "office_periods", "parse_value", "save_realisations",),
}
# fmt: on

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
