"""SQLAlchemy typed models: the one local SQLite file of an office.

Every row that can travel carries :class:`SyncMixin` (uuid, version, updated_at, updated_by,
origin_office, tombstone). Natural keys (NIP as text, indicator code, ISO period text) are unique
among live rows; matching across databases is by uuid.

The models live in one module per capability; this front door imports them all so that
``Base.metadata`` (Alembic, the sync tables, the demo copy) sees every table.
"""

from kinerja_desktop.storage.base import Base
from kinerja_desktop.storage.models.admin import AuditEntry, Setting, User
from kinerja_desktop.storage.models.evaluation import (
    AkDocument,
    Assessment,
    Evaluation,
    Evidence,
    Realisation,
    RencanaAksi,
)
from kinerja_desktop.storage.models.office_eval import (
    IkmSurvey,
    IndicatorRealisation,
    OrgAssessment,
    PeriodSetting,
)
from kinerja_desktop.storage.models.plans import (
    Indicator,
    IndicatorTarget,
    Rhk,
    Skp,
    SkpExpectation,
    SkpIndicator,
)
from kinerja_desktop.storage.models.register import Assignment, Employee, ExternalPenilai, Office
from kinerja_desktop.storage.models.sync import (
    OfficeKey,
    SyncConflict,
    SyncPackageLog,
    SyncPartner,
    SyncRowState,
)

__all__ = [
    "AkDocument",
    "Assessment",
    "Assignment",
    "AuditEntry",
    "Base",
    "Employee",
    "Evaluation",
    "Evidence",
    "ExternalPenilai",
    "IkmSurvey",
    "Indicator",
    "IndicatorRealisation",
    "IndicatorTarget",
    "Office",
    "OfficeKey",
    "OrgAssessment",
    "PeriodSetting",
    "Realisation",
    "RencanaAksi",
    "Rhk",
    "Setting",
    "Skp",
    "SkpExpectation",
    "SkpIndicator",
    "SyncConflict",
    "SyncPackageLog",
    "SyncPartner",
    "SyncRowState",
    "User",
]
