"""Plans: the office IKU catalogue with targets, and each employee's SKP."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kinerja_desktop.domain.enums import (
    Aspect,
    CoreValue,
    EvaluationStatus,
    Periodicity,
    Polarity,
    RhkKind,
    SplitRule,
)
from kinerja_desktop.storage.base import Base, SyncMixin
from kinerja_desktop.storage.models.columns import Score, enum_type
from kinerja_desktop.storage.types import UtcDateTime

if TYPE_CHECKING:
    from kinerja_desktop.storage.models.register import Employee, Office


class Indicator(SyncMixin, Base):
    """An office IKU (indikator kinerja utama) for one year, with its annual target."""

    __tablename__ = "indicators"
    __table_args__ = (UniqueConstraint("office_id", "year", "code"),)

    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(300))
    definition: Mapped[str] = mapped_column(Text, default="")
    formula: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(50), default="%")
    polarity: Mapped[Polarity] = mapped_column(enum_type(Polarity), default=Polarity.HIGHER)
    data_source: Mapped[str] = mapped_column(String(200), default="")
    cap: Mapped[Decimal | None] = mapped_column(Score, default=None)
    weight: Mapped[Decimal | None] = mapped_column(Score, default=None)
    periodicity: Mapped[Periodicity] = mapped_column(
        enum_type(Periodicity), default=Periodicity.QUARTERLY
    )
    split_rule: Mapped[SplitRule] = mapped_column(enum_type(SplitRule), default=SplitRule.SAME)
    annual_target: Mapped[Decimal] = mapped_column(Score)
    annual_target_hi: Mapped[Decimal | None] = mapped_column(Score, default=None)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    office: Mapped[Office] = relationship()
    targets: Mapped[list[IndicatorTarget]] = relationship(
        back_populates="indicator", order_by="IndicatorTarget.period"
    )


class IndicatorTarget(SyncMixin, Base):
    """The target of an IKU for one period (``2026-Q1``, ``2026-07``...)."""

    __tablename__ = "indicator_targets"
    __table_args__ = (UniqueConstraint("indicator_id", "period"),)

    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"))
    period: Mapped[str] = mapped_column(String(10))
    target: Mapped[Decimal] = mapped_column(Score)
    target_hi: Mapped[Decimal | None] = mapped_column(Score, default=None)

    indicator: Mapped[Indicator] = relationship(back_populates="targets")


class Skp(SyncMixin, Base):
    """An SKP (sasaran kinerja pegawai): one employee's performance plan for a year.

    A change to an approved SKP starts a new ``revision``; the approved one is kept.
    """

    __tablename__ = "skp"
    __table_args__ = (UniqueConstraint("employee_id", "year", "revision"),)

    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[EvaluationStatus] = mapped_column(
        enum_type(EvaluationStatus), default=EvaluationStatus.DRAFT
    )
    status_reason: Mapped[str] = mapped_column(Text, default="")
    resources: Mapped[str] = mapped_column(Text, default="")
    accountability: Mapped[str] = mapped_column(Text, default="")
    consequences: Mapped[str] = mapped_column(Text, default="")
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    snapshot: Mapped[dict | None] = mapped_column(JSON, default=None)

    employee: Mapped[Employee] = relationship()
    rhk: Mapped[list[Rhk]] = relationship(back_populates="skp", order_by="Rhk.sort_order")
    expectations: Mapped[list[SkpExpectation]] = relationship(back_populates="skp")


class Rhk(SyncMixin, Base):
    """An RHK (rencana hasil kerja) of an SKP, Utama or Tambahan.

    It intervenes an RHK of the atasan (``parent_rhk_id``) or, for an office head, serves an
    office IKU (``indicator_id``).
    ``assigned_by`` names the pimpinan who gave it as a penugasan (printed "(penugasan dari
    ...)" on the evaluation sheet); it is empty for a cascaded RHK.
    """

    __tablename__ = "rhk"

    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id"), index=True)
    kind: Mapped[RhkKind] = mapped_column(enum_type(RhkKind), default=RhkKind.UTAMA)
    text: Mapped[str] = mapped_column(Text)
    parent_rhk_id: Mapped[int | None] = mapped_column(ForeignKey("rhk.id"), default=None)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicators.id"), default=None)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    assigned_by: Mapped[str] = mapped_column(Text, default="", server_default="")

    skp: Mapped[Skp] = relationship(back_populates="rhk")
    parent: Mapped[Rhk | None] = relationship(remote_side="Rhk.id")
    indicator: Mapped[Indicator | None] = relationship()
    indicators: Mapped[list[SkpIndicator]] = relationship(
        back_populates="rhk", order_by="SkpIndicator.sort_order"
    )


class SkpIndicator(SyncMixin, Base):
    """An individual performance indicator (IKI) of an RHK, per aspek, with its target."""

    __tablename__ = "skp_indicators"

    rhk_id: Mapped[int] = mapped_column(ForeignKey("rhk.id"), index=True)
    aspect: Mapped[Aspect] = mapped_column(enum_type(Aspect), default=Aspect.KUANTITAS)
    text: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(50), default="")
    polarity: Mapped[Polarity] = mapped_column(enum_type(Polarity), default=Polarity.HIGHER)
    target: Mapped[Decimal] = mapped_column(Score)
    target_hi: Mapped[Decimal | None] = mapped_column(Score, default=None)
    cap: Mapped[Decimal | None] = mapped_column(Score, default=None)
    weight: Mapped[Decimal | None] = mapped_column(Score, default=None)
    split_rule: Mapped[SplitRule] = mapped_column(enum_type(SplitRule), default=SplitRule.SAME)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    rhk: Mapped[Rhk] = relationship(back_populates="indicators")


class SkpExpectation(SyncMixin, Base):
    """Ekspektasi khusus pimpinan for one BerAKHLAK value of an SKP."""

    __tablename__ = "skp_expectations"
    __table_args__ = (UniqueConstraint("skp_id", "core_value"),)

    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id"))
    core_value: Mapped[CoreValue] = mapped_column(enum_type(CoreValue))
    text: Mapped[str] = mapped_column(Text, default="")

    skp: Mapped[Skp] = relationship(back_populates="expectations")
