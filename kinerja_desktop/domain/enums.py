"""Enumerations of the ASN performance domain.

Values are stable English codes stored in the database and in sync packages; the Indonesian
labels people see live in :mod:`kinerja_desktop.domain.messages`, keyed by these codes.
"""

from __future__ import annotations

from enum import StrEnum


class OfficeKind(StrEnum):
    """Kind of office: the city's BKPSDM (kota), kantor camat (kecamatan), kelurahan or
    puskesmas."""

    KECAMATAN = "kecamatan"
    KELURAHAN = "kelurahan"
    PUSKESMAS = "puskesmas"
    KOTA = "kota"  # added last: existing pickers keep their order


class EmploymentType(StrEnum):
    """PNS (civil servant) or PPPK (contract civil servant); the NIP rules differ."""

    PNS = "PNS"
    PPPK = "PPPK"


class Gender(StrEnum):
    """Jenis kelamin as encoded in digit 15 of the NIP (1 = laki-laki, 2 = perempuan)."""

    MALE = "L"
    FEMALE = "P"


class JobKind(StrEnum):
    """Jenis jabatan."""

    JPT = "jpt"
    ADMINISTRATOR = "administrator"
    PENGAWAS = "pengawas"
    PELAKSANA = "pelaksana"
    FUNGSIONAL = "fungsional"


class FunctionalLevel(StrEnum):
    """Jenjang jabatan fungsional (keahlian and keterampilan)."""

    AHLI_PERTAMA = "ahli_pertama"
    AHLI_MUDA = "ahli_muda"
    AHLI_MADYA = "ahli_madya"
    AHLI_UTAMA = "ahli_utama"
    PEMULA = "pemula"
    TERAMPIL = "terampil"
    MAHIR = "mahir"
    PENYELIA = "penyelia"


class Acting(StrEnum):
    """Acting status of a position holder: Plt. (pelaksana tugas) or Plh. (pelaksana harian)."""

    NONE = "none"
    PLT = "plt"
    PLH = "plh"


class LeaveReason(StrEnum):
    """Why an employee stopped being active at an office."""

    PENSIUN = "pensiun"
    MUTASI_KELUAR = "mutasi_keluar"
    MENINGGAL = "meninggal"
    BERHENTI = "berhenti"


class Polarity(StrEnum):
    """Direction of an indicator: higher is better, lower is better, or a target range."""

    HIGHER = "higher"
    LOWER = "lower"
    RANGE = "range"


class Periodicity(StrEnum):
    """How often an indicator is measured (separate from the evaluation frequency)."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMESTER = "semester"
    YEARLY = "yearly"


class SplitRule(StrEnum):
    """How an annual target is split into period targets (DOMAIN.md A 9)."""

    CUMULATIVE = "cumulative"
    SAME = "same"
    LAST = "last"


class AchievementCategory(StrEnum):
    """Achievement category of a capaian (DOMAIN.md A 2)."""

    SANGAT_TINGGI = "sangat_tinggi"
    TINGGI = "tinggi"
    SEDANG = "sedang"
    RENDAH = "rendah"
    SANGAT_RENDAH = "sangat_rendah"


class Rating(StrEnum):
    """Rating hasil kerja and rating perilaku kerja: Di Atas / Sesuai / Di Bawah Ekspektasi."""

    ABOVE = "above"
    AS_EXPECTED = "as_expected"
    BELOW = "below"


class Predikat(StrEnum):
    """Predikat kinerja pegawai (DOMAIN.md A 5)."""

    SANGAT_BAIK = "SANGAT_BAIK"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"


class OrgPredikat(StrEnum):
    """Capaian kinerja organisasi (DOMAIN.md A 11)."""

    ISTIMEWA = "ISTIMEWA"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"


class EvaluationStatus(StrEnum):
    """Status of an SKP or an evaluation (DESIGN.md section 7b)."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"


class RhkKind(StrEnum):
    """RHK (rencana hasil kerja) group: Utama or Tambahan."""

    UTAMA = "utama"
    TAMBAHAN = "tambahan"


class Aspect(StrEnum):
    """Aspek of an individual indicator in the quantitative approach."""

    KUANTITAS = "kuantitas"
    KUALITAS = "kualitas"
    WAKTU = "waktu"
    BIAYA = "biaya"


class CoreValue(StrEnum):
    """The seven BerAKHLAK core values used as perilaku kerja."""

    BERORIENTASI_PELAYANAN = "berorientasi_pelayanan"
    AKUNTABEL = "akuntabel"
    KOMPETEN = "kompeten"
    HARMONIS = "harmonis"
    LOYAL = "loyal"
    ADAPTIF = "adaptif"
    KOLABORATIF = "kolaboratif"


class Role(StrEnum):
    """Account roles (an account may hold several)."""

    ADMIN = "admin"
    OPERATOR = "operator"
    PENILAI = "penilai"
    PIMPINAN = "pimpinan"


class IkmMutu(StrEnum):
    """Mutu pelayanan of an IKM result (PermenPANRB 14/2017)."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
