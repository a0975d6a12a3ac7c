"""Employee evaluations: realisations, evidence, the penilai's assessment, AK numbers."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kinerja_desktop.domain.enums import EvaluationStatus, Predikat, Rating
from kinerja_desktop.storage.base import Base, SyncMixin, utcnow
from kinerja_desktop.storage.models.columns import Score, enum_type
from kinerja_desktop.storage.types import UtcDateTime

if TYPE_CHECKING:
    from kinerja_desktop.storage.models.plans import Rhk, Skp, SkpIndicator
    from kinerja_desktop.storage.models.register import Employee


class Evaluation(SyncMixin, Base):
    """A periodic (``2026-Q1``) or annual (``2026``) evaluation of one employee.

    Owned by the employee's office; the penilai's judgement is a separate :class:`Assessment`
    row owned by the penilai's office (DESIGN.md section 5). Approval freezes ``snapshot``
    (identity, penilai, inputs, results, rules version); a reopen makes revision n+1.
    """

    __tablename__ = "evaluations"
    __table_args__ = (UniqueConstraint("employee_id", "period", "revision"),)

    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    skp_id: Mapped[int | None] = mapped_column(ForeignKey("skp.id"), default=None)
    period: Mapped[str] = mapped_column(String(10), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[EvaluationStatus] = mapped_column(
        enum_type(EvaluationStatus), default=EvaluationStatus.DRAFT
    )
    status_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    predikat: Mapped[Predikat | None] = mapped_column(enum_type(Predikat), default=None)
    rules_version: Mapped[str] = mapped_column(String(20), default="")
    snapshot: Mapped[dict | None] = mapped_column(JSON, default=None)

    employee: Mapped[Employee] = relationship()
    skp: Mapped[Skp | None] = relationship()
    realisations: Mapped[list[Realisation]] = relationship(back_populates="evaluation")


#: The columns of the realisations' covering index (migration 0015).
FILLED_VALUES = ("evaluation_id", "skp_indicator_id", "value", "deleted_at")


class Realisation(SyncMixin, Base):
    """Realisasi of one individual indicator in an evaluation, with a note."""

    __tablename__ = "realisations"
    __table_args__ = (
        UniqueConstraint("evaluation_id", "skp_indicator_id"),
        # The lists read which lines are filled, and their value, from the index alone.
        Index("ix_realisations_filled_values", *FILLED_VALUES),
    )

    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluations.id"), index=True)
    skp_indicator_id: Mapped[int] = mapped_column(ForeignKey("skp_indicators.id"))
    value: Mapped[Decimal | None] = mapped_column(Score, default=None)
    note: Mapped[str] = mapped_column(Text, default="")

    evaluation: Mapped[Evaluation] = relationship(back_populates="realisations")
    skp_indicator: Mapped[SkpIndicator] = relationship()
    evidence: Mapped[list[Evidence]] = relationship(back_populates="realisation")


class Evidence(SyncMixin, Base):
    """A bukti dukung file, stored in the data folder under its sha256."""

    __tablename__ = "evidence"

    realisation_id: Mapped[int] = mapped_column(ForeignKey("realisations.id"), index=True)
    # Optional: the rencana aksi the file shows; evidence never waits for a plan (issue 19).
    rencana_aksi_id: Mapped[int | None] = mapped_column(
        ForeignKey("rencana_aksi.id"), default=None, index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")

    realisation: Mapped[Realisation] = relationship(back_populates="evidence")
    rencana_aksi: Mapped[RencanaAksi | None] = relationship()


class RencanaAksi(SyncMixin, Base):
    """A planned action (rencana aksi) of the pegawai for one RHK in one period (``2026-Q1``),
    as e-Kinerja BKN has them: text, an optional target with its unit, and an order.

    Keyed by the RHK and the period rather than by an evaluation, so the plan exists before
    the evaluation is started and a reopened revision reads the same plan; an approved
    evaluation freezes the plans in its snapshot.
    """

    __tablename__ = "rencana_aksi"

    rhk_id: Mapped[int] = mapped_column(ForeignKey("rhk.id"), index=True)
    period: Mapped[str] = mapped_column(String(10), index=True)
    text: Mapped[str] = mapped_column(Text)
    target: Mapped[Decimal | None] = mapped_column(Score, default=None)
    unit: Mapped[str] = mapped_column(String(50), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    rhk: Mapped[Rhk] = relationship()


class Assessment(SyncMixin, Base):
    """The penilai's judgement of an evaluation, owned by the penilai's office.

    Holds the ratings, the suggestion shown at the time, the reason for departing from it, and
    the approve-or-return decision.
    """

    __tablename__ = "assessments"

    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluations.id"), index=True)
    penilai_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    external_penilai_id: Mapped[int | None] = mapped_column(
        ForeignKey("external_penilai.id"), default=None
    )
    rating_hasil: Mapped[Rating | None] = mapped_column(enum_type(Rating), default=None)
    rating_hasil_suggested: Mapped[Rating | None] = mapped_column(enum_type(Rating), default=None)
    rating_reason: Mapped[str] = mapped_column(Text, default="")
    rating_perilaku: Mapped[Rating | None] = mapped_column(enum_type(Rating), default=None)
    decision: Mapped[EvaluationStatus | None] = mapped_column(
        enum_type(EvaluationStatus), default=None
    )
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    feedback: Mapped[dict] = mapped_column(JSON, default=dict)
    behaviour_notes: Mapped[dict] = mapped_column(JSON, default=dict)
    # Set on approval: the predikat and the frozen snapshot, so that a penilai in another
    # office approves through this row alone (the evaluation row belongs to the employee's).
    predikat: Mapped[Predikat | None] = mapped_column(enum_type(Predikat), default=None)
    snapshot: Mapped[dict | None] = mapped_column(JSON, default=None)

    evaluation: Mapped[Evaluation] = relationship()


class AkDocument(Base):
    """The NOMOR typed for one Konversi Predikat Kinerja ke Angka Kredit document.

    One row per employee and period (``2026``, ``2026-Q3``), written when the document is
    printed with a NOMOR and reused when it is printed again without one. There is no counter:
    no Kota Padang numbering rule is known, so the clerk types the number from the office's
    agenda. It is an office's own record of what it issued, so it does not travel (no
    :class:`SyncMixin`); the evaluation's approved snapshot is left untouched.
    """

    __tablename__ = "ak_documents"
    __table_args__ = (UniqueConstraint("employee_id", "period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"))
    period: Mapped[str] = mapped_column(String(10))
    nomor: Mapped[str] = mapped_column(String(120))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
