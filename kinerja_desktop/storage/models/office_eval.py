"""Office evaluation: IKU realisations, organisation predikat, periods, IKM surveys."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kinerja_desktop.domain.enums import OrgPredikat
from kinerja_desktop.storage.base import Base, SyncMixin
from kinerja_desktop.storage.models.columns import Score, enum_type

if TYPE_CHECKING:
    from kinerja_desktop.storage.models.plans import Indicator
    from kinerja_desktop.storage.models.register import Office


class IndicatorRealisation(SyncMixin, Base):
    """What an office achieved on one IKU in one period (realisasi)."""

    __tablename__ = "indicator_realisations"
    __table_args__ = (UniqueConstraint("indicator_id", "period"),)

    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"))
    period: Mapped[str] = mapped_column(String(10))
    value: Mapped[Decimal] = mapped_column(Score)
    note: Mapped[str] = mapped_column(Text, default="")

    indicator: Mapped[Indicator] = relationship()


class OrgAssessment(SyncMixin, Base):
    """Capaian kinerja organisasi of one office and period, set by the leader above."""

    __tablename__ = "org_assessments"
    __table_args__ = (UniqueConstraint("office_id", "period"),)

    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    period: Mapped[str] = mapped_column(String(10))
    predikat: Mapped[OrgPredikat] = mapped_column(enum_type(OrgPredikat))
    note: Mapped[str] = mapped_column(Text, default="")

    office: Mapped[Office] = relationship()


class PeriodSetting(SyncMixin, Base):
    """Deadline and lock of an evaluation period."""

    __tablename__ = "period_settings"

    period: Mapped[str] = mapped_column(String(10), unique=True)
    deadline: Mapped[date] = mapped_column(Date)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    lock_reason: Mapped[str] = mapped_column(Text, default="")


class IkmSurvey(SyncMixin, Base):
    """A Survei Kepuasan Masyarakat of one office and period, kept as per-unsur totals.

    ``totals`` and ``answered`` hold, per unsur U1..U9, the sum of scores and the number of
    filled answers, which is all the IKM formula (PermenPANRB 14/2017) needs.
    """

    __tablename__ = "ikm_surveys"
    __table_args__ = (UniqueConstraint("office_id", "period"),)

    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    period: Mapped[str] = mapped_column(String(10))
    respondents: Mapped[int] = mapped_column(Integer)
    totals: Mapped[list] = mapped_column(JSON)
    answered: Mapped[list] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")

    office: Mapped[Office] = relationship()
