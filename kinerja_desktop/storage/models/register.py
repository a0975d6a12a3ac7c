"""The register: offices, employees, external penilai and dated assignments."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kinerja_desktop.domain.enums import (
    Acting,
    EmploymentType,
    FunctionalLevel,
    Gender,
    JobKind,
    LeaveReason,
    OfficeKind,
)
from kinerja_desktop.storage.base import Base, SyncMixin
from kinerja_desktop.storage.models.columns import enum_type


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
    #: Kelas jabatan 1..17 (issue 20.3): with the predikat it gives the TPP the recap shows.
    #: Checked by the register and by sync, not by the database (a CHECK would need a batch
    #: copy of the table on SQLite).
    kelas_jabatan: Mapped[int | None] = mapped_column(Integer, default=None)

    employee: Mapped[Employee] = relationship(
        back_populates="assignments", foreign_keys=[employee_id]
    )
    office: Mapped[Office] = relationship()
    atasan: Mapped[Employee | None] = relationship(foreign_keys=[atasan_id])
    external_penilai: Mapped[ExternalPenilai | None] = relationship()
