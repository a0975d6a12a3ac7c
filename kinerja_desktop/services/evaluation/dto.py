"""Frozen DTOs of the periodic and annual evaluation: the editor, the inputs, the monitor.

*Realisasi* is what an employee achieved on an individual indicator (IKI) of their approved
SKP in a period; *capaian* is the achievement in percent (DOMAIN.md A 1); the penilai's ratings
and the predikat follow DOMAIN.md A 3 to A 5. Plain values only, safe across threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from kinerja_desktop.domain.enums import (
    AchievementCategory,
    Aspect,
    CoreValue,
    EvaluationStatus,
    FunctionalLevel,
    OrgPredikat,
    Polarity,
    Predikat,
    Rating,
    RhkKind,
    SplitRule,
)
from kinerja_desktop.services.common.dto import NO_CHANGES, Changes, EvaluationRow


@dataclass(frozen=True)
class EvaluationListRow(EvaluationRow):
    """A line of the Evaluasi list: the evaluation row plus the mean capaian of its RHK Utama
    indicators (uncapped; ``None`` before any realisation)."""

    mean_capaian: Decimal | None = None
    # The penilai's employee uuid (the assessment's, else the atasan in the register); None
    # for an external penilai or none at all. Drives the "Yang saya nilai" filter.
    penilai_uuid: str | None = None

    @classmethod
    def from_values(cls, *values: Any) -> EvaluationListRow:
        """The row of ``values``, every field in declaration order: what the constructor
        makes, without its fifteen frozen assignments (a city's list makes 11,000 rows)."""
        row = _new(cls)
        row.__dict__.update(zip(_LIST_ROW_FIELDS, values, strict=True))
        return row


_new = object.__new__
_LIST_ROW_FIELDS = tuple(f.name for f in fields(EvaluationListRow))


@dataclass(frozen=True)
class EvidenceDTO:
    """One bukti dukung file (stored under its sha256 in the evidence folder)."""

    uuid: str
    filename: str
    sha256: str
    size: int
    media_type: str
    # The rencana aksi the file shows, if the clerk linked one (optional, issue 19).
    rencana_aksi_uuid: str | None = None


@dataclass(frozen=True)
class RealisationLine:
    """One individual indicator of the SKP with its period target, realisation and capaian.

    ``code`` is the position in the SKP, ``"2.1"`` = first indicator of the second RHK; the
    realisation sheets use it with the NIP to find the line. ``rollup`` is, in an annual
    evaluation, the value rolled up from the periods (DOMAIN.md A 9) shown beside the entry.
    """

    skp_indicator_uuid: str
    code: str
    rhk_text: str
    rhk_kind: RhkKind
    aspect: Aspect
    text: str
    unit: str
    polarity: Polarity
    split_rule: SplitRule
    target: Decimal
    target_hi: Decimal | None
    cap: Decimal | None
    weight: Decimal | None
    value: Decimal | None
    note: str
    capaian: Decimal | None
    category: AchievementCategory | None
    feedback: str = ""
    evidence: tuple[EvidenceDTO, ...] = ()
    rollup: Decimal | None = None
    problem: str = ""


@dataclass(frozen=True)
class AssessmentDTO:
    """The penilai's judgement as stored (owned by the penilai's office)."""

    uuid: str
    origin_office: str
    rating_hasil: Rating | None
    rating_hasil_suggested: Rating | None
    rating_reason: str
    rating_perilaku: Rating | None
    decision: EvaluationStatus | None
    decision_reason: str
    decided_at: datetime | None
    feedback: dict[str, str]
    behaviour_notes: dict[str, str]


@dataclass(frozen=True)
class EvaluationDetail:
    """Everything the evaluation editor shows.

    ``suggestion`` is the rating hasil kerja the app suggests now (DOMAIN.md A 3) and
    ``suggestion_basis`` says from what (``"capaian"`` or ``"org"``); ``mean_capaian`` is the
    mean of the RHK Utama indicators (uncapped). ``predikat`` is the stored one once approved,
    else the one the current ratings would give. ``angka_kredit`` is set for jabatan
    fungsional once there is a predikat (DOMAIN.md B 1.7).
    """

    uuid: str
    version: int
    employee_uuid: str
    employee_name: str
    nip: str
    jabatan: str
    office_code: str
    office_name: str
    is_head: bool
    functional_level: FunctionalLevel | None
    penilai_name: str
    penilai_uuid: str | None
    penilai_external: bool
    period: str
    period_label: str
    annual: bool
    revision: int
    status: EvaluationStatus
    status_reason: str
    origin_office: str
    editable_here: bool
    locked: bool
    deadline: date | None
    skp_uuid: str | None
    lines: tuple[RealisationLine, ...]
    assessment: AssessmentDTO | None
    mean_capaian: Decimal | None
    suggestion: Rating | None
    suggestion_basis: str
    org_predikat: OrgPredikat | None
    predikat: Predikat | None
    angka_kredit: Decimal | None
    approved_at: datetime | None
    snapshot: dict[str, Any] | None
    periods: tuple[tuple[str, EvaluationStatus | None], ...] = ()
    #: What the write that returned this detail changed (empty for a plain read).
    changes: Changes = field(default=NO_CHANGES, compare=False)

    @property
    def complete(self) -> bool:
        """Every indicator has a realisation."""
        return bool(self.lines) and all(line.value is not None for line in self.lines)


@dataclass(frozen=True)
class RealisationInput:
    """One realisation as the clerk typed it; ``value`` may still be text (checked)."""

    skp_indicator_uuid: str
    value: Decimal | str | None
    note: str = ""


@dataclass(frozen=True)
class AssessmentInput:
    """What the penilai fills in before approving."""

    rating_hasil: Rating | None
    rating_perilaku: Rating | None
    rating_reason: str = ""
    feedback: dict[str, str] = field(default_factory=dict)
    behaviour_notes: dict[CoreValue, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Permissions:
    """What the signed-in actor may do with one evaluation now (the editor shows only these)."""

    edit_realisations: bool = False
    submit: bool = False
    assess: bool = False
    decide: bool = False
    reopen: bool = False
    why_not: str = ""


@dataclass(frozen=True)
class CompletionRow:
    """One employee in the completion monitor for a period.

    ``stage`` is the first thing missing: ``no_skp``, ``not_started``, ``no_realisation``,
    ``not_submitted``, ``no_rating``, ``not_approved`` or ``done``.
    """

    employee_uuid: str
    nip: str
    name: str
    jabatan: str
    office_code: str
    office_name: str
    penilai_name: str
    skp_status: EvaluationStatus | None
    evaluation_uuid: str | None
    status: EvaluationStatus | None
    revision: int
    filled: int
    indicators: int
    rated: bool
    mean_capaian: Decimal | None
    predikat: Predikat | None
    stage: str
    deadline: date | None
    days_left: int | None
    locked: bool
    # Rencana aksi (issue 19): the RHK of the evaluation's SKP, and those without a plan in
    # the period ("Belum ada rencana aksi"); both 0 before the evaluation is started.
    rhks: int = 0
    unplanned: int = 0


@dataclass(frozen=True)
class CompletionSummary:
    """Counts per stage of a completion list."""

    period: str
    office_code: str | None
    total: int
    stages: dict[str, int]
    rows: tuple[CompletionRow, ...]
    # Employees whose started evaluation has an RHK without a rencana aksi (issue 19).
    unplanned: int = 0


@dataclass(frozen=True)
class RencanaAksiInput:
    """What the clerk types for one rencana aksi: the text, an optional target (a decimal
    comma is accepted, empty is none) and its unit."""

    text: str
    target: Decimal | str | None = None
    unit: str = ""


@dataclass(frozen=True)
class RencanaAksiDTO:
    """One rencana aksi of an RHK in a period; ``order`` is its 1-based position."""

    uuid: str
    rhk_uuid: str
    period: str
    order: int
    text: str
    target: Decimal | None
    unit: str
    version: int = 0
    origin_office: str = ""


@dataclass(frozen=True)
class RhkPlans:
    """The rencana aksi of one RHK in one period, under the RHK as the evaluation prints it.

    ``code`` is the RHK's position in the SKP (``"2"``, as the realisation lines' ``"2.1"``
    begin). ``frozen`` marks plans read from an approved evaluation's snapshot: what the
    penilai approved, not today's rows.
    """

    rhk_uuid: str
    code: str
    rhk_text: str
    rhk_kind: RhkKind
    period: str
    plans: tuple[RencanaAksiDTO, ...] = ()
    frozen: bool = False
