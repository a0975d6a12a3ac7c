"""Frozen data transfer objects: what services hand to the GUI, CLI and reports.

They hold plain values (enums, Decimals, dates, strings), never ORM objects, so they are safe to
pass across threads and to keep after the session closed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from kinerja_desktop.domain.enums import (
    EmploymentType,
    EvaluationStatus,
    JobKind,
    OfficeKind,
    OrgPredikat,
    Periodicity,
    Polarity,
    Predikat,
    Rating,
    SplitRule,
)


@dataclass(frozen=True)
class OfficeDTO:
    uuid: str
    code: str
    name: str
    kind: OfficeKind
    parent_code: str | None
    address: str = ""
    postal_code: str = ""
    city: str = ""
    letterhead: tuple[str, ...] = ()


@dataclass(frozen=True)
class DatabaseInfo:
    """What the status bar and ``check`` show about an open database."""

    path: str
    revision: str
    home_office: OfficeDTO | None
    is_demo: bool
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class EmployeeRow:
    """One line of the employee list (read from plain rows, not ORM objects)."""

    uuid: str
    nip: str
    nip_display: str
    name: str
    full_name: str
    employment_type: EmploymentType
    grade: str
    pangkat: str
    jabatan: str
    job_kind: JobKind | None
    office_code: str
    office_name: str
    atasan_name: str
    active: bool
    is_head: bool


@dataclass(frozen=True)
class IndicatorRow:
    """One IKU of an office and year, with its latest realisation and capaian if any."""

    uuid: str
    office_code: str
    office_name: str
    year: int
    code: str
    name: str
    unit: str
    polarity: Polarity
    periodicity: Periodicity
    split_rule: SplitRule
    annual_target: Decimal
    annual_target_hi: Decimal | None
    weight: Decimal | None
    cap: Decimal | None
    last_period: str | None
    last_realisation: Decimal | None
    last_capaian: Decimal | None


@dataclass(frozen=True)
class EvaluationRow:
    """One evaluation (employee x period), latest revision."""

    uuid: str
    employee_uuid: str
    employee_name: str
    nip: str
    office_code: str
    period: str
    revision: int
    status: EvaluationStatus
    rating_hasil: Rating | None
    rating_perilaku: Rating | None
    predikat: Predikat | None
    penilai_name: str
    updated_at: datetime | None


@dataclass(frozen=True)
class OfficeRecapRow:
    """Completion and achievement of one office for one period (the Laporan view)."""

    office_code: str
    office_name: str
    kind: OfficeKind
    period: str
    employees: int
    indicators: int
    mean_capaian: Decimal | None
    not_started: int
    draft: int
    submitted: int
    returned: int
    approved: int
    org_predikat: OrgPredikat | None


@dataclass(frozen=True)
class SyncOfficeRow:
    """One office as the Sinkronisasi view shows it."""

    office_code: str
    office_name: str
    kind: OfficeKind
    is_home: bool
    is_partner: bool
    fingerprint: str
    last_seq_received: int
    last_seq_sent: int
    last_package_at: datetime | None
    rows_owned: int


@dataclass(frozen=True)
class CheckResult:
    """The result of ``kinerja-desktop check``."""

    ok: bool
    schema: str
    counts: dict[str, int]
    problems: tuple[str, ...]


@dataclass(frozen=True)
class DemoSummary:
    path: str
    office_code: str | None
    offices: int
    employees: int
    indicators: int
    evaluations: int
    accounts: tuple[DemoAccount, ...] = ()


@dataclass(frozen=True)
class DemoAccount:
    """A demo sign-in, printed by ``demo`` and shown on the login dialog of a demo only."""

    username: str
    password: str
    roles: tuple[str, ...]
    employee_name: str = ""


@dataclass(frozen=True)
class PeriodChoice:
    code: str
    label: str
    start: date
    end: date


#: The ``Changes`` kind every view reloads for (a new database, a restore, an import of all).
ALL_KINDS = "all"


@dataclass(frozen=True, eq=True)
class Changes:
    """What a write changed: the kinds of rows and, where known, their uuids.

    The GUI refreshes the views that show these kinds from this one value, instead of each
    dialog reloading its parent (DESIGN.md convention 11, after Anki's ``OpChanges``). The ids
    are uuids, not database ids: autoincrement ids never leave the database (section 5).

    Kinds in use: ``employees``, ``offices``, ``indicators``, ``skp``, ``realisations``,
    ``evaluations``, ``periods``, ``sync``, ``settings`` and ``all``.
    """

    kinds: frozenset[str] = frozenset()
    ids: tuple[tuple[str, frozenset[str]], ...] = ()

    @classmethod
    def of(cls, *kinds: str, uuids: Mapping[str, Iterable[str]] | None = None) -> Changes:
        """``Changes.of("evaluations", uuids={"evaluations": [uuid]})``."""
        found = {kind: frozenset(values) for kind, values in (uuids or {}).items() if values}
        return cls(frozenset(kinds) | frozenset(found), tuple(sorted(found.items())))

    @classmethod
    def everything(cls) -> Changes:
        return cls(frozenset({ALL_KINDS}))

    def uuids(self, kind: str) -> frozenset[str]:
        """The uuids of ``kind`` that changed (empty when unknown or none)."""
        return dict(self.ids).get(kind, frozenset())

    def touches(self, kinds: frozenset[str] | set[str]) -> bool:
        """True when a view showing ``kinds`` must reload."""
        return ALL_KINDS in self.kinds or bool(self.kinds & set(kinds))

    def __or__(self, other: Changes) -> Changes:
        merged = dict(self.ids)
        for kind, values in other.ids:
            merged[kind] = merged.get(kind, frozenset()) | values
        return Changes(self.kinds | other.kinds, tuple(sorted(merged.items())))

    def __bool__(self) -> bool:
        return bool(self.kinds)


NO_CHANGES = Changes()
