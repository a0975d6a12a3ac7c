"""Static tables of the demo register: offices, rosters, fictional names, leavers and mutasi.

Every person here is fictional: given names with a Minang flavour joined to invented surnames,
so no name belongs to a real official. Addresses, phone numbers (555) and e-mail addresses
(``.invalid``) are fictional too. :mod:`kinerja_desktop.services.demo.generator` turns these
tables, with those of ``plan_data`` and ``evaluation_data``, into rows with a seeded random
generator.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from kinerja_desktop.domain.enums import (
    EmploymentType,
    FunctionalLevel,
    JobKind,
    LeaveReason,
    OfficeKind,
    Polarity,
    SplitRule,
)

PNS, PPPK = EmploymentType.PNS, EmploymentType.PPPK
ADM, PGW, PLK, FNG = JobKind.ADMINISTRATOR, JobKind.PENGAWAS, JobKind.PELAKSANA, JobKind.FUNGSIONAL
AP, AM, AMD = FunctionalLevel.AHLI_PERTAMA, FunctionalLevel.AHLI_MUDA, FunctionalLevel.AHLI_MADYA
TRP = FunctionalLevel.TERAMPIL
HIGHER, LOWER, RANGE = Polarity.HIGHER, Polarity.LOWER, Polarity.RANGE
SAME, CUM, LAST = SplitRule.SAME, SplitRule.CUMULATIVE, SplitRule.LAST


class DemoOffice(NamedTuple):
    code: str
    name: str
    kind: OfficeKind
    parent: str | None
    postal_code: str
    short: str
    street: str
    district: str = "Nanggalo"  # the kecamatan the office belongs to (its kop line)

    @property
    def letterhead(self) -> tuple[str, str, str]:
        """The three letterhead fields; the second holds every level below the city, split
        at " / " into kop lines ("KECAMATAN NANGGALO / KELURAHAN KAMPUNG LAPAI")."""
        district = f"KECAMATAN {self.district.upper()}"
        second = {
            OfficeKind.KOTA: "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
            OfficeKind.KECAMATAN: district,
            OfficeKind.KELURAHAN: f"{district} / KELURAHAN {self.short.upper()}",
            OfficeKind.PUSKESMAS: f"DINAS KESEHATAN / PUSKESMAS {self.short.upper()}",
        }[self.kind]
        return (LETTERHEAD_1, second, f"{self.street}, {CITY} {self.postal_code}")

    @property
    def email(self) -> str:
        return f"{self.name.lower().replace(' ', '')}@demo.invalid"


# fmt: off
OFFICES: tuple[DemoOffice, ...] = (
    DemoOffice("NGL", "Kecamatan Nanggalo", OfficeKind.KECAMATAN, None, "25146", "Nanggalo",
               "Jl. Rangkiang Demo No. 1"),
    DemoOffice("NGL-KLP", "Kelurahan Kampung Lapai", OfficeKind.KELURAHAN, "NGL", "25142",
               "Kampung Lapai", "Jl. Lapai Demo No. 12"),
    DemoOffice("NGL-KLO", "Kelurahan Kampung Olo", OfficeKind.KELURAHAN, "NGL", "25143",
               "Kampung Olo", "Jl. Olo Demo No. 4"),
    DemoOffice("NGL-TBG", "Kelurahan Tabing Banda Gadang", OfficeKind.KELURAHAN, "NGL", "25144",
               "Tabing Banda Gadang", "Jl. Banda Demo No. 9"),
    DemoOffice("NGL-GRL", "Kelurahan Gurun Laweh", OfficeKind.KELURAHAN, "NGL", "25145",
               "Gurun Laweh", "Jl. Laweh Demo No. 21"),
    DemoOffice("NGL-SRG", "Kelurahan Surau Gadang", OfficeKind.KELURAHAN, "NGL", "25146",
               "Surau Gadang", "Jl. Surau Demo No. 3"),
    DemoOffice("NGL-KRP", "Kelurahan Kurao Pagang", OfficeKind.KELURAHAN, "NGL", "25147",
               "Kurao Pagang", "Jl. Kurao Demo No. 8"),
    DemoOffice("PKM-NGL", "Puskesmas Nanggalo", OfficeKind.PUSKESMAS, "NGL", "25146", "Nanggalo",
               "Jl. Siteba Demo No. 5"),
)
# fmt: on
CITY = "Padang"
LETTERHEAD_1 = "PEMERINTAH KOTA PADANG"


class Role(NamedTuple):
    """A position on an office roster.

    ``atasan`` is a role key of the same office, ``^camat`` for the camat, or ``!sekda`` /
    ``!kadinkes`` for an external penilai. ``seniority`` picks the birth years (0 oldest).
    """

    key: str
    jabatan: str
    job_kind: JobKind
    level: FunctionalLevel | None
    etype: EmploymentType
    grades: tuple[str, ...]
    seniority: int
    atasan: str | None
    track: str
    prefix: str = ""
    suffixes: tuple[str, ...] = ("",)
    gender: str = ""
    head: bool = False


R = Role
# fmt: off
KECAMATAN_ROSTER: tuple[Role, ...] = (
    R("camat", "Camat {short}", ADM, None, PNS, ("IV/b",), 1, "!sekda", "head", "",
      ("S.STP, M.Si",), head=True),
    R("sekcam", "Sekretaris Camat", ADM, None, PNS, ("IV/a",), 2, "camat", "sekretaris", "",
      ("S.Sos, M.M",)),
    R("kasubag_umum", "Kepala Subbagian Umum dan Kepegawaian", PGW, None, PNS,
      ("III/c", "III/d"), 3, "sekcam", "kasubag", "", ("S.E", "S.H")),
    R("kasubag_keu", "Kepala Subbagian Perencanaan dan Keuangan", PGW, None, PNS,
      ("III/c", "III/d"), 3, "sekcam", "kasubag_keu", "", ("S.E", "S.Ak")),
    R("kasi_pem", "Kepala Seksi Pemerintahan", PGW, None, PNS, ("III/d",), 3, "camat",
      "kasi_pem", "", ("S.IP", "S.STP")),
    R("kasi_trantib", "Kepala Seksi Ketenteraman dan Ketertiban Umum", PGW, None, PNS,
      ("III/c", "III/d"), 3, "camat", "kasi_trantib", "", ("S.H",)),
    R("kasi_pm", "Kepala Seksi Pemberdayaan Masyarakat", PGW, None, PNS, ("III/c", "III/d"), 3,
      "camat", "kasi_pm", "", ("S.Sos",)),
    R("kasi_yan", "Kepala Seksi Pelayanan Umum", PGW, None, PNS, ("III/c", "III/d"), 3, "camat",
      "kasi_yan", "", ("S.Kom", "S.AP")),
    R("admin", "Pengadministrasi Perkantoran", PLK, None, PNS, ("II/c", "II/d"), 4,
      "kasubag_umum", "admin"),
    R("kepegawaian", "Pengelola Kepegawaian", PLK, None, PNS, ("III/a", "III/b"), 4,
      "kasubag_umum", "kepegawaian", "", ("S.AP",)),
    R("bendahara", "Bendahara Pengeluaran", PLK, None, PNS, ("III/a", "III/b"), 4,
      "kasubag_keu", "keuangan", "", ("S.E",)),
    R("program", "Penyusun Program Anggaran dan Pelaporan", PLK, None, PNS, ("III/a", "III/c"),
      4, "kasubag_keu", "keuangan", "", ("S.E",)),
    R("analis", "Analis Kebijakan Ahli Pertama", FNG, AP, PNS, ("III/a", "III/b"), 4,
      "kasi_pem", "analis", "", ("S.IP",)),
    R("satpolpp", "Polisi Pamong Praja Terampil", FNG, TRP, PNS, ("II/c", "II/d"), 4,
      "kasi_trantib", "trantib"),
    R("pemberdayaan", "Pengelola Pemberdayaan Masyarakat", PLK, None, PNS, ("III/a",), 4,
      "kasi_pm", "pemberdayaan", "", ("S.Sos",)),
    R("prakom", "Pranata Komputer Ahli Pertama", FNG, AP, PPPK, ("IX",), 4, "kasi_yan", "it",
      "", ("S.Kom",)),
    R("operator", "Pengadministrasi Perkantoran", PLK, None, PPPK, ("V",), 4, "kasi_yan",
      "layanan"),
)

KELURAHAN_HEADS: tuple[Role, ...] = (
    R("lurah", "Lurah {short}", PGW, None, PNS, ("III/d", "IV/a"), 2, "^camat", "head", "",
      ("S.STP", "S.Sos", "S.IP"), head=True),
    R("seklur", "Sekretaris Kelurahan {short}", PGW, None, PNS, ("III/c", "III/d"), 3, "lurah",
      "seklur", "", ("S.Sos", "S.E")),
    R("kasi_pem", "Kepala Seksi Pemerintahan dan Ketenteraman", PGW, None, PNS,
      ("III/b", "III/c", "III/d"), 3, "lurah", "kasi_kel_pem", "", ("S.H", "S.IP")),
    R("kasi_pm", "Kepala Seksi Pemberdayaan Masyarakat dan Pembangunan", PGW, None, PNS,
      ("III/b", "III/c", "III/d"), 3, "lurah", "kasi_kel_pm", "", ("S.Sos", "S.T")),
)
KELURAHAN_STAFF: tuple[Role, ...] = (
    R("admin", "Pengadministrasi Perkantoran", PLK, None, PNS, ("II/c", "II/d"), 4, "seklur",
      "admin"),
    R("layanan", "Pengelola Layanan Kependudukan", PLK, None, PNS, ("II/d", "III/a", "III/b"), 4,
      "kasi_pem", "layanan"),
    R("trantib", "Pengolah Data Ketenteraman dan Ketertiban", PLK, None, PNS,
      ("II/c", "II/d", "III/a"), 4, "kasi_pem", "trantib"),
    R("pemberdayaan", "Pengelola Pemberdayaan Masyarakat", PLK, None, PNS,
      ("III/a", "III/b", "III/c"), 4, "kasi_pm", "pemberdayaan", "", ("S.Sos",)),
    R("bendahara", "Bendahara Pengeluaran Pembantu", PLK, None, PNS, ("III/a", "III/b"), 4,
      "seklur", "keuangan", "", ("S.E", "A.Md")),
    R("operator", "Operator Layanan Operasional", PLK, None, PPPK, ("V",), 4, "kasi_pem",
      "layanan"),
    R("penata", "Penata Layanan Operasional", PLK, None, PPPK, ("VII",), 4, "kasi_pm",
      "pemberdayaan", "", ("A.Md",)),
)
# Staff per kelurahan (5–7): the first N roles of KELURAHAN_STAFF.
KELURAHAN_STAFF_COUNT = {
    "NGL-KLP": 6, "NGL-KLO": 7, "NGL-TBG": 5, "NGL-GRL": 6, "NGL-SRG": 7, "NGL-KRP": 5,
}

PUSKESMAS_ROSTER: tuple[Role, ...] = (
    R("kapus", "Dokter Ahli Madya (Kepala Puskesmas {short})", FNG, AMD, PNS, ("IV/a",), 1,
      "!kadinkes", "head", "dr.", ("M.Kes",), head=True),
    R("kasubag_tu", "Kepala Subbagian Tata Usaha", PGW, None, PNS, ("III/c", "III/d"), 3,
      "kapus", "kasubag_tu", "", ("S.KM",)),
    R("dokter1", "Dokter Ahli Muda", FNG, AM, PNS, ("III/c", "III/d"), 3, "kapus", "dokter",
      "dr."),
    R("dokter2", "Dokter Ahli Pertama", FNG, AP, PNS, ("III/b",), 4, "kapus", "dokter", "dr."),
    R("drg", "Dokter Gigi Ahli Pertama", FNG, AP, PNS, ("III/b",), 4, "kapus", "dokter_gigi",
      "drg."),
    R("bidan_koor", "Bidan Ahli Muda", FNG, AM, PNS, ("III/c", "III/d"), 3, "kapus", "bidan_koor",
      "", ("S.Tr.Keb",), "P"),
    R("bidan1", "Bidan Terampil", FNG, TRP, PNS, ("II/c", "II/d"), 4, "bidan_koor", "bidan", "",
      ("A.Md.Keb",), "P"),
    R("bidan2", "Bidan Terampil", FNG, TRP, PNS, ("II/c", "II/d"), 4, "bidan_koor", "bidan", "",
      ("A.Md.Keb",), "P"),
    R("bidan3", "Bidan Terampil", FNG, TRP, PPPK, ("VII",), 4, "bidan_koor", "bidan", "",
      ("A.Md.Keb",), "P"),
    R("perawat_koor", "Perawat Ahli Muda", FNG, AM, PNS, ("III/c", "III/d"), 3, "kapus",
      "perawat_koor", "", ("S.Kep, Ns",)),
    R("perawat1", "Perawat Terampil", FNG, TRP, PNS, ("II/c", "II/d"), 4, "perawat_koor",
      "perawat", "", ("A.Md.Kep",)),
    R("perawat2", "Perawat Ahli Pertama", FNG, AP, PPPK, ("IX",), 4, "perawat_koor", "perawat",
      "", ("S.Kep, Ns",)),
    R("sanitarian", "Tenaga Sanitasi Lingkungan Terampil", FNG, TRP, PNS, ("II/d",), 4, "kapus",
      "kesling", "", ("A.Md.KL",)),
    R("gizi", "Nutrisionis Terampil", FNG, TRP, PPPK, ("VII",), 4, "kapus", "gizi", "",
      ("A.Md.Gz",)),
    R("epidemiolog", "Epidemiolog Kesehatan Ahli Pertama", FNG, AP, PNS, ("III/a", "III/b"), 4,
      "kapus", "kesling", "", ("S.KM",)),
    R("apoteker", "Apoteker Ahli Pertama", FNG, AP, PNS, ("III/a", "III/b"), 4, "kapus",
      "farmasi", "apt.", ("S.Farm",)),
    R("ttk", "Asisten Apoteker Terampil", FNG, TRP, PPPK, ("VII",), 4, "apoteker",
      "farmasi", "", ("A.Md.Farm",)),
    R("lab", "Pranata Laboratorium Kesehatan Terampil", FNG, TRP, PNS, ("II/c", "II/d"), 4,
      "kapus", "lab", "", ("A.Md.AK",)),
    R("rekam", "Perekam Medis Terampil", FNG, TRP, PPPK, ("VII",), 4, "kasubag_tu", "rekam", "",
      ("A.Md.RMIK",)),
    R("admin", "Pengadministrasi Perkantoran", PLK, None, PPPK, ("V",), 4, "kasubag_tu",
      "admin"),
    R("keuangan", "Pengelola Keuangan", PLK, None, PNS, ("III/a",), 4, "kasubag_tu", "keuangan",
      "", ("S.E",)),
)


class Inactive(NamedTuple):
    office: str
    role: Role
    reason: LeaveReason
    left: date
    note: str


class Mutasi(NamedTuple):
    origin: str
    to: str
    role: str
    start: date
    moved: date
    note: str


# Employees who left in 2025.
INACTIVE = (
    Inactive("NGL-TBG", R("pensiun", "Pengadministrasi Perkantoran", PLK, None, PNS, ("III/c",),
             0, "seklur", "admin"), LeaveReason.PENSIUN, date(2025, 12, 31),
             "Pensiun BUP 58 tahun."),
    Inactive("PKM-NGL", R("mutasi", "Perawat Terampil", FNG, TRP, PNS, ("II/d",), 4,
             "perawat_koor", "perawat", "", ("A.Md.Kep",)), LeaveReason.MUTASI_KELUAR,
             date(2025, 9, 30), "Mutasi ke fasilitas kesehatan lain (fiktif)."),
)
# fmt: on
# The 2025 mutasi between kelurahan; the old assignment stays with the office left.
MUTASI_2025 = Mutasi(
    "NGL-KLP",
    "NGL-GRL",
    "layanan",
    date(2020, 3, 2),
    date(2025, 7, 1),
    "Mutasi ke Kelurahan Gurun Laweh.",
)
# The acting lurah (Plt.), with the grade they hold.
ACTING_HEAD = ("NGL-KRP", "III/c", "Plt. Lurah sejak November 2025 (SK fiktif).")
LOCK_REASON = "Dikunci admin setelah batas waktu."
ARRIVED_NOTE = "Mutasi masuk dari luar Kecamatan Nanggalo."
# Employees who arrived in August 2026 and whose SKP is not approved yet (no evaluations).
SKP_PENDING = {
    ("NGL", "pemberdayaan"): ("draft", ""),
    ("NGL-SRG", "bendahara"): ("submitted", ""),
    ("PKM-NGL", "gizi"): (
        "returned",
        "Target kuantitas RHK 1 belum selaras dengan RHK atasan; mohon diperbaiki.",
    ),
}

# fmt: off
EXTERNAL_PENILAI = (
    ("sekda", "Hendrizal Sirukam", "Drs.", "M.Si", "IV/d", "Sekretaris Daerah Kota Padang",
     "Pemerintah Kota Padang", "M", 1968),
    ("kadinkes", "Yusmarni Palintang", "dr.", "M.Kes", "IV/c", "Kepala Dinas Kesehatan Kota Padang",
     "Dinas Kesehatan Kota Padang", "P", 1971),
)
# fmt: on

# fmt: off
MALE_NAMES = ("Afrizal", "Syafrizal", "Zulkifli", "Hendri", "Yusman", "Defri", "Erizal", "Firdaus",
              "Asrul", "Jufri", "Irwan", "Nofrizal", "Rahmat", "Fadli", "Andika", "Reno", "Yulius",
              "Masrizal", "Deni", "Rizky", "Ikhsan", "Fauzan", "Arif", "Yogi", "Budiman", "Taufik")
FEMALE_NAMES = ("Yusnita", "Rahmawati", "Nurhasanah", "Desi", "Yulia", "Fitri", "Sri Wahyuni",
                "Nofita", "Elvi", "Yenni", "Rosmaniar", "Afni", "Mardiana", "Syafrida", "Lusi",
                "Rina", "Indah", "Winda", "Gusnita", "Melati", "Nurul", "Rahmi", "Vivi", "Silvia",
                "Oktaviani", "Zurmaini")
SURNAMES = ("Sirukam", "Palintang", "Bariangsati", "Tanjuangrimbo", "Kambangsari", "Lubuaktarok",
            "Batupahek", "Aiatabik", "Kotokaciak", "Payobasuang", "Rangkiangsari", "Sungaiaua",
            "Talangbabungo", "Pasiakandang", "Ulakanjaya", "Tabiangsakti", "Bukiksilayang",
            "Guguaksati", "Limaukapeh", "Pincuranbiru")
# fmt: on
# Birth years by seniority (0 oldest).
BIRTH_YEARS = {0: (1967, 1967), 1: (1971, 1977), 2: (1975, 1982), 3: (1980, 1988), 4: (1986, 1997)}


# -- register fields of the Konversi Angka Kredit (jabatan fungsional only) ---------------------

#: Pendidikan tertinggi per role key; a role not listed takes its jenjang's default.
EDUCATION = {
    "analis": "S1 Ilmu Pemerintahan",
    "satpolpp": "SMA",
    "prakom": "S1 Teknik Informatika",
    "kapus": "S2 Kesehatan Masyarakat",
    "dokter1": "S1 Pendidikan Dokter",
    "dokter2": "S1 Pendidikan Dokter",
    "drg": "S1 Pendidikan Dokter Gigi",
    "bidan_koor": "D4 Kebidanan",
    "bidan1": "D3 Kebidanan",
    "bidan2": "D3 Kebidanan",
    "bidan3": "D3 Kebidanan",
    "perawat_koor": "S1 Keperawatan, Ners",
    "perawat1": "D3 Keperawatan",
    "perawat2": "S1 Keperawatan, Ners",
    "sanitarian": "D3 Kesehatan Lingkungan",
    "gizi": "D3 Gizi",
    "epidemiolog": "S1 Kesehatan Masyarakat",
    "apoteker": "S1 Farmasi, Apoteker",
    "ttk": "D3 Farmasi",
    "lab": "D3 Analis Kesehatan",
    "rekam": "D3 Rekam Medis dan Informasi Kesehatan",
    "mutasi": "D3 Keperawatan",
}
BIRTH_PLACES = (
    "Padang", "Bukittinggi", "Payakumbuh", "Solok", "Padang Panjang", "Pariaman", "Sawahlunto",
    "Batusangkar", "Painan", "Lubuk Sikaping", "Pekanbaru", "Medan",
)  # fmt: skip
