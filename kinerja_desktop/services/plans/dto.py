"""Frozen DTOs of the plans area: the IKU catalogue with its targets, SKP plans, the cascade.

Inputs (``*Input``) are what the GUI, the CLI and the spreadsheet imports hand to the write
services; details (``*Detail``) are what the read services return. Both hold plain values only.

Terms: IKU (indikator kinerja utama) is an office's key performance indicator; SKP (sasaran
kinerja pegawai) is an employee's yearly plan; RHK (rencana hasil kerja) one planned result of an
SKP, Utama or Tambahan; IKI (indikator kinerja individu) an individual indicator of an RHK, one
per aspek (kuantitas, kualitas, waktu, biaya).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from kinerja_desktop.domain.enums import (
    Aspect,
    CoreValue,
    EvaluationStatus,
    Periodicity,
    Polarity,
    RhkKind,
    SplitRule,
)
from kinerja_desktop.services.common.dto import NO_CHANGES, Changes

# -- IKU catalogue ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodTarget:
    """The target of one period (``2026-Q1``); ``target_hi`` is the upper bound of a range."""

    period: str
    target: Decimal
    target_hi: Decimal | None = None


@dataclass(frozen=True)
class IndicatorInput:
    """One IKU as a form or a sheet row gives it.

    ``targets`` empty means "split the annual target by ``split_rule``"; periods that are given
    are kept as typed and the others are filled from the split.
    """

    code: str
    name: str
    annual_target: Decimal
    annual_target_hi: Decimal | None = None
    unit: str = "%"
    polarity: Polarity = Polarity.HIGHER
    periodicity: Periodicity = Periodicity.QUARTERLY
    split_rule: SplitRule = SplitRule.SAME
    definition: str = ""
    formula: str = ""
    data_source: str = ""
    cap: Decimal | None = None
    weight: Decimal | None = None
    targets: tuple[PeriodTarget, ...] = ()
    uuid: str | None = None

    def with_changes(self, **changes: Any) -> IndicatorInput:
        return replace(self, **changes)


@dataclass(frozen=True)
class IndicatorDetail:
    """One stored IKU with every field and its period targets."""

    uuid: str
    version: int
    office_code: str
    year: int
    code: str
    name: str
    definition: str
    formula: str
    unit: str
    polarity: Polarity
    data_source: str
    cap: Decimal | None
    weight: Decimal | None
    periodicity: Periodicity
    split_rule: SplitRule
    annual_target: Decimal
    annual_target_hi: Decimal | None
    sort_order: int
    targets: tuple[PeriodTarget, ...]
    origin_office: str
    in_use: bool = False

    def as_input(self) -> IndicatorInput:
        return IndicatorInput(
            code=self.code,
            name=self.name,
            annual_target=self.annual_target,
            annual_target_hi=self.annual_target_hi,
            unit=self.unit,
            polarity=self.polarity,
            periodicity=self.periodicity,
            split_rule=self.split_rule,
            definition=self.definition,
            formula=self.formula,
            data_source=self.data_source,
            cap=self.cap,
            weight=self.weight,
            targets=self.targets,
            uuid=self.uuid,
        )


@dataclass(frozen=True)
class Catalogue:
    """The IKU of one office and year."""

    office_code: str
    office_name: str
    year: int
    indicators: tuple[IndicatorDetail, ...]
    editable: bool
    weight_total: Decimal | None = None


@dataclass(frozen=True)
class CatalogueSaved:
    """What a catalogue write did (codes per action)."""

    catalogue: Catalogue
    created: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()


@dataclass(frozen=True)
class CopyResult:
    """What copying a catalogue or an SKP to another year did."""

    created: int
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndicatorTemplate:
    """A ready indicator of the template library (DOMAIN.md B 4, B 5)."""

    key: str
    group: str
    code: str
    name: str
    definition: str
    formula: str
    unit: str
    polarity: Polarity
    split_rule: SplitRule
    annual_target: Decimal
    annual_target_hi: Decimal | None = None
    cap: Decimal | None = None
    data_source: str = ""
    periodicity: Periodicity = Periodicity.QUARTERLY


# -- SKP -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IkiInput:
    """An individual indicator (IKI) of an RHK, one aspek, with its target and satuan."""

    aspect: Aspect
    text: str
    target: Decimal
    unit: str = ""
    polarity: Polarity = Polarity.HIGHER
    target_hi: Decimal | None = None
    cap: Decimal | None = None
    weight: Decimal | None = None
    split_rule: SplitRule = SplitRule.SAME
    uuid: str | None = None


@dataclass(frozen=True)
class RhkInput:
    """An RHK with its indicators.

    ``parent_rhk_uuid`` names the atasan's RHK it intervenes; ``indicator_uuid`` the office IKU
    it serves (for an office head); ``assigned_by`` the pimpinan who gave it as a penugasan
    (empty for a cascaded RHK).
    """

    text: str
    kind: RhkKind = RhkKind.UTAMA
    parent_rhk_uuid: str | None = None
    indicator_uuid: str | None = None
    indicators: tuple[IkiInput, ...] = ()
    uuid: str | None = None
    assigned_by: str = ""


@dataclass(frozen=True)
class SkpInput:
    """The whole content of an SKP as the editor or a sheet gives it (status excluded)."""

    employee_uuid: str
    year: int
    rhk: tuple[RhkInput, ...] = ()
    expectations: dict[CoreValue, str] = field(default_factory=dict)
    resources: str = ""
    accountability: str = ""
    consequences: str = ""


@dataclass(frozen=True)
class IkiDetail:
    uuid: str
    aspect: Aspect
    text: str
    unit: str
    polarity: Polarity
    target: Decimal
    target_hi: Decimal | None
    cap: Decimal | None
    weight: Decimal | None
    split_rule: SplitRule
    sort_order: int

    def as_input(self) -> IkiInput:
        return IkiInput(
            aspect=self.aspect,
            text=self.text,
            target=self.target,
            unit=self.unit,
            polarity=self.polarity,
            target_hi=self.target_hi,
            cap=self.cap,
            weight=self.weight,
            split_rule=self.split_rule,
            uuid=self.uuid,
        )


@dataclass(frozen=True)
class RhkDetail:
    uuid: str
    number: int
    kind: RhkKind
    text: str
    parent_rhk_uuid: str | None
    parent_text: str
    parent_owner: str
    indicator_uuid: str | None
    indicator_code: str
    indicators: tuple[IkiDetail, ...]
    assigned_by: str = ""

    def as_input(self) -> RhkInput:
        return RhkInput(
            text=self.text,
            kind=self.kind,
            parent_rhk_uuid=self.parent_rhk_uuid,
            indicator_uuid=self.indicator_uuid,
            indicators=tuple(i.as_input() for i in self.indicators),
            uuid=self.uuid,
            assigned_by=self.assigned_by,
        )


@dataclass(frozen=True)
class SkpDetail:
    """One SKP revision with everything the editor and the printed form need."""

    uuid: str
    version: int
    employee_uuid: str
    employee_name: str
    nip: str
    jabatan: str
    office_code: str
    is_head: bool
    year: int
    revision: int
    status: EvaluationStatus
    status_reason: str
    rhk: tuple[RhkDetail, ...]
    expectations: dict[CoreValue, str]
    resources: str
    accountability: str
    consequences: str
    origin_office: str
    editable: bool
    atasan_uuid: str | None
    atasan_name: str
    #: What the write that returned this changed (empty for a plain read).
    changes: Changes = field(default=NO_CHANGES, compare=False)

    def as_input(self) -> SkpInput:
        return SkpInput(
            employee_uuid=self.employee_uuid,
            year=self.year,
            rhk=tuple(r.as_input() for r in self.rhk),
            expectations=dict(self.expectations),
            resources=self.resources,
            accountability=self.accountability,
            consequences=self.consequences,
        )


@dataclass(frozen=True)
class SkpRow:
    """One line of the SKP list: an employee of the year with their SKP state.

    ``skp_uuid`` None means no SKP yet ("Belum dibuat").
    """

    employee_uuid: str
    nip: str
    name: str
    jabatan: str
    office_code: str
    is_head: bool
    atasan_uuid: str | None
    atasan_name: str
    year: int
    skp_uuid: str | None
    revision: int | None
    status: EvaluationStatus | None
    rhk_count: int
    status_reason: str = ""


@dataclass(frozen=True)
class ParentChoice:
    """An RHK a subordinate may intervene (of the atasan), or an IKU a head may serve."""

    uuid: str
    label: str
    is_indicator: bool


# -- cascade ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CascadeNode:
    """A node of the cascade tree: an office IKU, an RHK, or a flagged employee.

    ``kind``: ``"iku"``, ``"rhk"``, ``"employee"`` (an employee with no approved SKP) or
    ``"group"`` (a heading such as the RHK that intervene nothing).
    ``flag``: ``""`` when fine, ``"missing"`` (no SKP) or ``"not_approved"``.
    """

    kind: str
    uuid: str
    text: str
    owner: str = ""
    owner_uuid: str = ""
    status: EvaluationStatus | None = None
    flag: str = ""
    children: tuple[CascadeNode, ...] = ()

    def walk(self) -> list[CascadeNode]:
        """This node and all below it, depth first."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass(frozen=True)
class CascadeTree:
    office_code: str
    year: int
    roots: tuple[CascadeNode, ...]
    flagged: tuple[SkpRow, ...] = ()
