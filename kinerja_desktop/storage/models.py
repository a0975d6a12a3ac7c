"""SQLAlchemy typed models: the one local SQLite file of an office.

Every row that can travel carries :class:`SyncMixin` (uuid, version, updated_at, updated_by,
origin_office, tombstone). Natural keys (NIP as text, indicator code, ISO period text) are unique
among live rows; matching across databases is by uuid.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kinerja_desktop.domain.enums import (
    Acting,
    Aspect,
    CoreValue,
    EmploymentType,
    EvaluationStatus,
    FunctionalLevel,
    Gender,
    JobKind,
    LeaveReason,
    OfficeKind,
    OrgPredikat,
    Periodicity,
    Polarity,
    Predikat,
    Rating,
    RhkKind,
    SplitRule,
)
from kinerja_desktop.storage.base import Base, SyncMixin, utcnow

# Scores are exact decimals; 18 digits with 6 decimals covers counts, rupiah and percentages.
Score = Numeric(18, 6, asdecimal=True)


def enum_type(cls: type[StrEnum]) -> Enum:
    """Store an enum by its value as plain text, with no database CHECK (values may grow)."""
    return Enum(
        cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Setting(Base):
    """Installation settings as key/value (home office, evaluation frequency, bands...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)


class Office(SyncMixin, Base):
    """A kantor camat (kecamatan), kelurahan or puskesmas, in a parent hierarchy."""

    __tablename__ = "offices"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[OfficeKind] = mapped_column(enum_type(OfficeKind))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))
    address: Mapped[str] = mapped_column(Text, default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="Padang")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    letterhead_1: Mapped[str] = mapped_column(String(200), default="")
    letterhead_2: Mapped[str] = mapped_column(String(200), default="")
    letterhead_3: Mapped[str] = mapped_column(String(200), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)

    parent: Mapped[Office | None] = relationship(remote_side="Office.id")


class ExternalPenilai(SyncMixin, Base):
    """A penilai who works outside this database (DOMAIN.md A 12), e.g. the Sekretaris Daerah."""

    __tablename__ = "external_penilai"

    name: Mapped[str] = mapped_column(String(200))
    nip: Mapped[str] = mapped_column(String(18), default="")
    grade: Mapped[str] = mapped_column(String(10), default="")
    jabatan: Mapped[str] = mapped_column(String(200))
    instansi: Mapped[str] = mapped_column(String(200), default="")
    acting: Mapped[Acting] = mapped_column(enum_type(Acting), default=Acting.NONE)


class Employee(SyncMixin, Base):
    """A civil servant (PNS or PPPK). Never hard-deleted once evaluated; leaving sets inactive.

    NIP: Nomor Induk Pegawai, 18 digits stored without spaces (DOMAIN.md B 6.1).

    ``karpeg`` (nomor seri kartu pegawai), ``education`` (pendidikan tertinggi) and
    ``birth_place`` (tempat lahir) live here, not on :class:`Assignment`: they describe the
    person and do not change with a mutasi. The karpeg is text (letters and digits, leading
    zeros kept). Empty means "not recorded yet".
    """

    __tablename__ = "employees"

    nip: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    title_prefix: Mapped[str] = mapped_column(String(50), default="")
    title_suffix: Mapped[str] = mapped_column(String(80), default="")
    gender: Mapped[Gender] = mapped_column(enum_type(Gender))
    birth_date: Mapped[date | None] = mapped_column(Date, default=None)
    employment_type: Mapped[EmploymentType] = mapped_column(enum_type(EmploymentType))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    leave_reason: Mapped[LeaveReason | None] = mapped_column(enum_type(LeaveReason), default=None)
    leave_date: Mapped[date | None] = mapped_column(Date, default=None)
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    karpeg: Mapped[str] = mapped_column(String(30), default="", server_default="")
    education: Mapped[str] = mapped_column(String(120), default="", server_default="")
    birth_place: Mapped[str] = mapped_column(String(100), default="", server_default="")

    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="employee",
        foreign_keys="Assignment.employee_id",
        order_by="Assignment.start_date",
    )


class Assignment(SyncMixin, Base):
    """A dated assignment: office, jabatan, golongan and atasan (pejabat penilai) from a date.

    The current one has ``end_date`` NULL. A mutasi closes it and opens the next, so history
    stays. The atasan is either an employee here or an external penilai record, never both.

    ``tmt_jabatan`` and ``tmt_golongan`` (terhitung mulai tanggal) date the jabatan and the
    golongan this row holds, so they live beside them: a kenaikan pangkat or a new jabatan is a
    new assignment with its own TMT. They are *not* the assignment's ``start_date``: a mutasi
    to another office keeps the golongan and carries its TMT forward unchanged, which is why
    masa kerja golongan is counted from ``tmt_golongan`` and never from the last mutasi.
    """

    __tablename__ = "assignments"

    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date, default=None)
    jabatan: Mapped[str] = mapped_column(String(200))
    job_kind: Mapped[JobKind] = mapped_column(enum_type(JobKind))
    functional_level: Mapped[FunctionalLevel | None] = mapped_column(
        enum_type(FunctionalLevel), default=None
    )
    grade: Mapped[str] = mapped_column(String(10))
    atasan_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    external_penilai_id: Mapped[int | None] = mapped_column(
        ForeignKey("external_penilai.id"), default=None
    )
    is_head: Mapped[bool] = mapped_column(Boolean, default=False)
    acting: Mapped[Acting] = mapped_column(enum_type(Acting), default=Acting.NONE)
    note: Mapped[str] = mapped_column(Text, default="")
    tmt_jabatan: Mapped[date | None] = mapped_column(Date, default=None)
    tmt_golongan: Mapped[date | None] = mapped_column(Date, default=None)

    employee: Mapped[Employee] = relationship(
        back_populates="assignments", foreign_keys=[employee_id]
    )
    office: Mapped[Office] = relationship()
    atasan: Mapped[Employee | None] = relationship(foreign_keys=[atasan_id])
    external_penilai: Mapped[ExternalPenilai | None] = relationship()


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


class IndicatorRealisation(SyncMixin, Base):
    """What an office achieved on one IKU in one period (realisasi)."""

    __tablename__ = "indicator_realisations"
    __table_args__ = (UniqueConstraint("indicator_id", "period"),)

    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id"))
    period: Mapped[str] = mapped_column(String(10))
    value: Mapped[Decimal] = mapped_column(Score)
    note: Mapped[str] = mapped_column(Text, default="")

    indicator: Mapped[Indicator] = relationship()


class Skp(SyncMixin, Base):
    """An SKP (sasaran kinerja pegawai): one employee's performance plan for a year.

    A change to an approved SKP starts a new ``revision``; the approved one is kept.
    """

    __tablename__ = "skp"
    __table_args__ = (UniqueConstraint("employee_id", "year", "revision"),)

    employee_id: Mapped[int] = mapped_column(ForeignKey("employees.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[EvaluationStatus] = mapped_column(
        enum_type(EvaluationStatus), default=EvaluationStatus.DRAFT
    )
    status_reason: Mapped[str] = mapped_column(Text, default="")
    resources: Mapped[str] = mapped_column(Text, default="")
    accountability: Mapped[str] = mapped_column(Text, default="")
    consequences: Mapped[str] = mapped_column(Text, default="")
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
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
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    predikat: Mapped[Predikat | None] = mapped_column(enum_type(Predikat), default=None)
    rules_version: Mapped[str] = mapped_column(String(20), default="")
    snapshot: Mapped[dict | None] = mapped_column(JSON, default=None)

    employee: Mapped[Employee] = relationship()
    skp: Mapped[Skp | None] = relationship()
    realisations: Mapped[list[Realisation]] = relationship(back_populates="evaluation")


class Realisation(SyncMixin, Base):
    """Realisasi of one individual indicator in an evaluation, with a note."""

    __tablename__ = "realisations"
    __table_args__ = (UniqueConstraint("evaluation_id", "skp_indicator_id"),)

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
    filename: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")

    realisation: Mapped[Realisation] = relationship(back_populates="evidence")


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
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    feedback: Mapped[dict] = mapped_column(JSON, default=dict)
    behaviour_notes: Mapped[dict] = mapped_column(JSON, default=dict)
    # Set on approval: the predikat and the frozen snapshot, so that a penilai in another
    # office approves through this row alone (the evaluation row belongs to the employee's).
    predikat: Mapped[Predikat | None] = mapped_column(enum_type(Predikat), default=None)
    snapshot: Mapped[dict | None] = mapped_column(JSON, default=None)

    evaluation: Mapped[Evaluation] = relationship()


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


class User(Base):
    """A local account. Passwords are argon2 hashes; roles a comma-separated set."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employees.id"), default=None)
    roles: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AuditEntry(Base):
    """Who changed what and when, with before and after values. Append-only."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    username: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(64))
    record_uuid: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    before: Mapped[dict | None] = mapped_column(JSON, default=None)
    after: Mapped[dict | None] = mapped_column(JSON, default=None)
    summary: Mapped[str] = mapped_column(Text, default="")


class SyncPartner(Base):
    """An office whose packages this database accepts, with its Ed25519 public key."""

    __tablename__ = "sync_partners"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_code: Mapped[str] = mapped_column(String(32), unique=True)
    office_uuid: Mapped[str] = mapped_column(String(36))
    public_key: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(100))
    last_seq_sent: Mapped[int] = mapped_column(Integer, default=0)
    last_seq_received: Mapped[int] = mapped_column(Integer, default=0)
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    force_full: Mapped[bool] = mapped_column(Boolean, default=False)
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SyncPackageLog(Base):
    """Every package written or applied, identified by its sha256."""

    __tablename__ = "sync_packages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    direction: Mapped[str] = mapped_column(String(8))
    partner_code: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(32))
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The package file's name and what sync needs later: package uuid, created_at, totals,
    # the receipt written or read, the message shown (services/sync_*.py).
    file_name: Mapped[str | None] = mapped_column(String(255), default=None)
    details: Mapped[dict | None] = mapped_column(JSON, default=None)


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


class OfficeKey(Base):
    """The home office's Ed25519 signing key pair (sync packages and receipts).

    The private key stays in this file only; whoever can copy the database file can sign as the
    office, which is the operating system account's job to prevent (README, security).
    """

    __tablename__ = "office_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    office_code: Mapped[str] = mapped_column(String(32), unique=True)
    public_key: Mapped[str] = mapped_column(Text)
    private_key: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SyncRowState(Base):
    """What this database sent of one home row to one partner, and what the partner confirmed.

    ``version_sent``/``seq_sent`` are set when a package carries the row; a receipt for a seq at
    or after ``seq_sent`` copies ``version_sent`` to ``version_acked``. An incremental export
    carries every home row whose current version is not the acknowledged one (deletions
    included, since a tombstone bumps the version).
    """

    __tablename__ = "sync_row_states"
    __table_args__ = (UniqueConstraint("partner_code", "row_uuid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_code: Mapped[str] = mapped_column(String(32))
    row_uuid: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(64))
    version_sent: Mapped[int] = mapped_column(Integer)
    seq_sent: Mapped[int] = mapped_column(Integer)
    version_acked: Mapped[int | None] = mapped_column(Integer, default=None)


class SyncConflict(Base):
    """A row of a received package that was not applied: both sides kept until resolved.

    ``kind`` is ``duplicate`` (same natural key, other uuid), ``diverged`` (same version,
    other values), ``older`` (the stored version is newer), ``owner`` (the row belongs to
    another office here) or ``locked_period`` (a rejected change). ``status`` is ``open``,
    ``accepted`` (the incoming row replaced the stored one), ``kept`` or ``rejected``.
    """

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    partner_code: Mapped[str] = mapped_column(String(32), index=True)
    package_sha256: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(64))
    row_uuid: Mapped[str] = mapped_column(String(36))
    line: Mapped[int] = mapped_column(Integer)
    natural_key: Mapped[str] = mapped_column(String(200), default="")
    stored: Mapped[dict | None] = mapped_column(JSON, default=None)
    incoming: Mapped[dict] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(16), default="open")
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)


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
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
