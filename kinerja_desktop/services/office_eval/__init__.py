"""The office's own evaluation: office IKU realisations, IKM, organisation predikat, periods and
locks, the predikat distribution.

The front door: the use cases the GUI and the CLI may call. Each name is imported from its
module on first use (services/front_door.py), so importing this room's ``dto`` at the first
paint loads no SQLAlchemy. The block under ``TYPE_CHECKING`` is what import-linter and type
checkers read; tests/test_front_doors.py keeps it equal to ``EXPORTS``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kinerja_desktop.services.front_door import lazy_exports

if TYPE_CHECKING:
    from .distribution import office_distribution as office_distribution
    from .ikm_sheets import (
        read_ikm_answers as read_ikm_answers,
    )
    from .ikm_sheets import (
        write_ikm_template as write_ikm_template,
    )
    from .ikm_survey import (
        IkmReport as IkmReport,
    )
    from .ikm_survey import (
        IkmSurveyDTO as IkmSurveyDTO,
    )
    from .ikm_survey import (
        compute_answers as compute_answers,
    )
    from .ikm_survey import (
        get_survey as get_survey,
    )
    from .ikm_survey import (
        ikm_indicators as ikm_indicators,
    )
    from .ikm_survey import (
        post_to_indicator as post_to_indicator,
    )
    from .ikm_survey import (
        save_survey as save_survey,
    )
    from .org_predikat import (
        OrgPredikatRow as OrgPredikatRow,
    )
    from .org_predikat import (
        list_org_predikat as list_org_predikat,
    )
    from .org_predikat import (
        set_org_predikat as set_org_predikat,
    )
    from .periods import (
        PeriodSettingDTO as PeriodSettingDTO,
    )
    from .periods import (
        deadline_bounds as deadline_bounds,
    )
    from .periods import (
        list_period_settings as list_period_settings,
    )
    from .periods import (
        lock_period as lock_period,
    )
    from .periods import (
        reopen_period as reopen_period,
    )
    from .periods import (
        set_deadline as set_deadline,
    )
    from .realisation_sheets import (
        export_office_realisations as export_office_realisations,
    )
    from .realisation_sheets import (
        import_office_realisations as import_office_realisations,
    )
    from .realisation_sheets import (
        preview_office_realisations as preview_office_realisations,
    )
    from .realisations import (
        IndicatorCapaian as IndicatorCapaian,
    )
    from .realisations import (
        OfficeCapaian as OfficeCapaian,
    )
    from .realisations import (
        RealisationEntry as RealisationEntry,
    )
    from .realisations import (
        office_capaian as office_capaian,
    )
    from .realisations import (
        office_periods as office_periods,
    )
    from .realisations import (
        parse_value as parse_value,
    )
    from .realisations import (
        save_realisations as save_realisations,
    )

EXPORTS: dict[str, tuple[str, ...]] = {
    ".distribution": ("office_distribution",),
    ".ikm_sheets": (
        "read_ikm_answers",
        "write_ikm_template",
    ),
    ".ikm_survey": (
        "IkmReport",
        "IkmSurveyDTO",
        "compute_answers",
        "get_survey",
        "ikm_indicators",
        "post_to_indicator",
        "save_survey",
    ),
    ".org_predikat": (
        "OrgPredikatRow",
        "list_org_predikat",
        "set_org_predikat",
    ),
    ".periods": (
        "PeriodSettingDTO",
        "deadline_bounds",
        "list_period_settings",
        "lock_period",
        "reopen_period",
        "set_deadline",
    ),
    ".realisation_sheets": (
        "export_office_realisations",
        "import_office_realisations",
        "preview_office_realisations",
    ),
    ".realisations": (
        "IndicatorCapaian",
        "OfficeCapaian",
        "RealisationEntry",
        "office_capaian",
        "office_periods",
        "parse_value",
        "save_realisations",
    ),
}

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
