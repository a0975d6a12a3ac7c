"""Static tables of the demo database: offices, rosters, fictional names, IKU and RHK texts.

Every person here is fictional: given names with a Minang flavour joined to invented surnames,
so no name belongs to a real official. Addresses, phone numbers (555) and e-mail addresses
(``.invalid``) are fictional too. :mod:`kinerja_desktop.services.demo.build` turns these tables into
rows with a seeded random generator.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from kinerja_desktop.domain.enums import (
    Aspect,
    CoreValue,
    EmploymentType,
    FunctionalLevel,
    JobKind,
    LeaveReason,
    OfficeKind,
    OrgPredikat,
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

    @property
    def letterhead(self) -> tuple[str, str, str]:
        """The three letterhead fields; the second holds every level below the city, split
        at " / " into kop lines ("KECAMATAN NANGGALO / KELURAHAN KAMPUNG LAPAI")."""
        second = {
            OfficeKind.KECAMATAN: "KECAMATAN NANGGALO",
            OfficeKind.KELURAHAN: f"KECAMATAN NANGGALO / KELURAHAN {self.short.upper()}",
            OfficeKind.PUSKESMAS: "DINAS KESEHATAN / PUSKESMAS NANGGALO",
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
    R("camat", "Camat Nanggalo", ADM, None, PNS, ("IV/b",), 1, "!sekda", "head", "",
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
    R("kapus", "Dokter Ahli Madya (Kepala Puskesmas Nanggalo)", FNG, AMD, PNS, ("IV/a",), 1,
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


class Iku(NamedTuple):
    code: str
    name: str
    unit: str
    polarity: Polarity
    split: SplitRule
    target: str
    target_hi: str | None = None
    cap: str | None = None
    formula: str = ""
    source: str = ""


# fmt: off
IKU: dict[OfficeKind, tuple[Iku, ...]] = {
    OfficeKind.KECAMATAN: (
        Iku("IKU-01", "Indeks Kepuasan Masyarakat (IKM) pelayanan kecamatan", "nilai", HIGHER, SAME,
            "83", formula="Rata-rata NRR 9 unsur x 25", source="Survei kepuasan"),
        Iku("IKU-02", "Persentase kelurahan yang menyampaikan laporan tepat waktu", "%", HIGHER,
            SAME, "100", cap="100", formula="Kelurahan tepat waktu / 6 x 100",
            source="Agenda surat masuk"),
        Iku("IKU-03", "Persentase layanan PATEN yang selesai sesuai standar waktu", "%", HIGHER,
            SAME, "95", source="Register PATEN"),
        Iku("IKU-04", "Jumlah kegiatan koordinasi ketenteraman dan ketertiban umum", "kegiatan",
            HIGHER, CUM, "16", source="Laporan Seksi Trantib"),
        Iku("IKU-05", "Persentase gangguan ketertiban umum yang ditangani", "%", HIGHER, SAME, "90",
            source="Laporan Seksi Trantib"),
        Iku("IKU-06", "Rata-rata waktu penyelesaian surat rekomendasi", "hari", LOWER, SAME, "3",
            source="Register surat keluar"),
        Iku("IKU-07", "Persentase serapan anggaran terhadap rencana kas", "%", RANGE, SAME, "90",
            "100", source="Laporan realisasi anggaran"),
    ),
    OfficeKind.KELURAHAN: (
        Iku("IKU-01", "Indeks Kepuasan Masyarakat (IKM) pelayanan kelurahan", "nilai", HIGHER, SAME,
            "82", formula="Rata-rata NRR 9 unsur x 25", source="Survei kepuasan"),
        Iku("IKU-02", "Persentase layanan administrasi yang selesai tepat waktu", "%", HIGHER, SAME,
            "95", formula="Layanan tepat waktu / seluruh layanan x 100", source="Register layanan"),
        Iku("IKU-03", "Persentase pengaduan masyarakat yang ditindaklanjuti", "%", HIGHER, SAME,
            "90", source="Buku pengaduan"),
        Iku("IKU-04", "Jumlah kegiatan pemberdayaan masyarakat yang dilaksanakan", "kegiatan",
            HIGHER, CUM, "24", source="Laporan kegiatan"),
        Iku("IKU-05", "Rata-rata waktu penyelesaian surat keterangan", "hari", LOWER, SAME, "2",
            source="Register surat keluar"),
        Iku("IKU-06", "Persentase serapan anggaran terhadap rencana kas", "%", RANGE, SAME, "90",
            "100", source="Laporan realisasi anggaran"),
    ),
    OfficeKind.PUSKESMAS: (
        Iku("IKU-01", "Persentase ibu hamil yang mendapatkan pelayanan kesehatan sesuai standar",
            "%", HIGHER, SAME, "100", cap="100", formula="Dilayani sesuai standar / sasaran",
            source="Kohort ibu"),
        Iku("IKU-02", "Persentase ibu bersalin yang mendapatkan pelayanan kesehatan sesuai standar",
            "%", HIGHER, SAME, "100", cap="100", source="Kohort ibu"),
        Iku("IKU-03", "Persentase balita yang mendapatkan pelayanan kesehatan sesuai standar", "%",
            HIGHER, SAME, "100", cap="100", source="Kohort balita"),
        Iku("IKU-04",
            "Persentase penderita hipertensi yang mendapatkan pelayanan kesehatan sesuai standar",
            "%", HIGHER, SAME, "100", cap="100", source="Register PTM"),
        Iku("IKU-05",
            "Persentase penderita diabetes melitus yang mendapatkan pelayanan kesehatan sesuai "
            "standar",
            "%", HIGHER, SAME, "100", cap="100", source="Register PTM"),
        Iku("IKU-06",
            "Persentase orang terduga tuberkulosis yang mendapatkan pelayanan sesuai standar", "%",
            HIGHER, SAME, "100", cap="100", source="Register TB"),
        Iku("IKU-07", "Persentase bayi yang mendapatkan imunisasi dasar lengkap (IDL)", "%", HIGHER,
            SAME, "95", cap="100", source="Kohort bayi"),
        Iku("IKU-08", "Persentase persalinan di fasilitas pelayanan kesehatan", "%", HIGHER, SAME,
            "100", cap="100", source="Kohort ibu"),
        Iku("IKU-09", "Persentase kelurahan UCI (Universal Child Immunization)", "%", HIGHER, LAST,
            "100", cap="100", formula="Kelurahan dengan IDL >= 80% / 6 x 100",
            source="Laporan imunisasi"),
        Iku("IKU-10", "Indeks Kepuasan Masyarakat (IKM) pelayanan puskesmas", "nilai", HIGHER, SAME,
            "85", source="Survei kepuasan"),
    ),
}
# fmt: on

# The head's RHK: (text, IKU codes mirrored as individual indicators; the first is linked).
HEAD_RHK: dict[OfficeKind, tuple[tuple[str, tuple[str, ...]], ...]] = {
    OfficeKind.KECAMATAN: (
        (
            "Meningkatnya kualitas pelayanan publik di Kecamatan Nanggalo",
            ("IKU-01", "IKU-03", "IKU-06"),
        ),
        (
            "Terselenggaranya koordinasi pemerintahan kelurahan yang efektif dan akuntabel",
            ("IKU-02", "IKU-07"),
        ),
        ("Terwujudnya ketenteraman dan ketertiban umum di wilayah kecamatan", ("IKU-04", "IKU-05")),
    ),
    OfficeKind.KELURAHAN: (
        (
            "Meningkatnya kualitas pelayanan publik di Kelurahan {short}",
            ("IKU-01", "IKU-02", "IKU-05"),
        ),
        (
            "Meningkatnya partisipasi dan keberdayaan masyarakat Kelurahan {short}",
            ("IKU-04", "IKU-03"),
        ),
        ("Terkelolanya anggaran kelurahan secara tertib dan akuntabel", ("IKU-06",)),
    ),
    OfficeKind.PUSKESMAS: (
        ("Meningkatnya cakupan pelayanan kesehatan ibu dan anak", ("IKU-01", "IKU-02", "IKU-07")),
        (
            "Meningkatnya pelayanan penyakit tidak menular dan menular",
            ("IKU-04", "IKU-05", "IKU-06"),
        ),
        ("Meningkatnya mutu dan kepuasan layanan Puskesmas Nanggalo", ("IKU-10", "IKU-08")),
    ),
}

# RHK Utama per track: (text, quantity indicator text, unit, annual quantity, a multiple of 4).
# fmt: off
TRACKS: dict[str, tuple[tuple[str, str, str, int], ...]] = {
    "sekretaris": (
        ("Terkoordinasinya administrasi umum, kepegawaian dan keuangan kecamatan",
         "Jumlah laporan koordinasi kesekretariatan", "laporan", 12),
        ("Tersusunnya dokumen perencanaan dan laporan kinerja kecamatan",
         "Jumlah dokumen perencanaan dan pelaporan", "dokumen", 8),
    ),
    "kasubag": (
        ("Terlaksananya pelayanan administrasi umum dan kepegawaian",
         "Jumlah layanan kepegawaian yang diselesaikan", "layanan", 120),
        ("Terpeliharanya barang milik daerah", "Jumlah laporan inventaris barang", "laporan", 4),
    ),
    "kasubag_keu": (
        ("Tersusunnya perencanaan dan laporan keuangan kecamatan",
         "Jumlah laporan keuangan yang disusun", "laporan", 12),
        ("Terkendalinya realisasi anggaran kecamatan", "Jumlah monitoring realisasi anggaran",
         "kali", 12),
    ),
    "kasi_pem": (
        ("Terbinanya penyelenggaraan pemerintahan kelurahan",
         "Jumlah pembinaan administrasi kelurahan", "kegiatan", 24),
        ("Tersedianya data kependudukan dan pertanahan yang mutakhir",
         "Jumlah rekap data yang dimutakhirkan", "dokumen", 12),
    ),
    "kasi_trantib": (
        ("Terkendalinya ketenteraman dan ketertiban umum", "Jumlah patroli dan penertiban",
         "kegiatan", 48),
        ("Terfasilitasinya forum kewaspadaan dini masyarakat", "Jumlah rapat koordinasi",
         "kegiatan", 8),
    ),
    "kasi_pm": (
        ("Terfasilitasinya pemberdayaan masyarakat kelurahan",
         "Jumlah kegiatan pemberdayaan yang difasilitasi", "kegiatan", 24),
        ("Terlaksananya musrenbang dan pembangunan partisipatif", "Jumlah dokumen hasil musrenbang",
         "dokumen", 4),
    ),
    "kasi_yan": (
        ("Terselenggaranya pelayanan administrasi terpadu kecamatan (PATEN)",
         "Jumlah layanan PATEN yang diselesaikan", "layanan", 600),
        ("Terlaksananya survei kepuasan masyarakat", "Jumlah laporan survei kepuasan", "laporan",
         4),
    ),
    "seklur": (
        ("Terlaksananya administrasi umum dan keuangan kelurahan",
         "Jumlah laporan administrasi kelurahan", "laporan", 12),
        ("Tersusunnya laporan kinerja kelurahan", "Jumlah laporan kinerja", "laporan", 4),
    ),
    "kasi_kel_pem": (
        ("Terselenggaranya pelayanan pemerintahan dan ketenteraman kelurahan",
         "Jumlah surat keterangan yang diterbitkan", "surat", 480),
        ("Tertanganinya pengaduan dan gangguan ketertiban", "Jumlah pengaduan ditindaklanjuti",
         "pengaduan", 40),
    ),
    "kasi_kel_pm": (
        ("Terlaksananya kegiatan pemberdayaan masyarakat kelurahan", "Jumlah kegiatan pemberdayaan",
         "kegiatan", 24),
        ("Terpantaunya pembangunan sarana lingkungan", "Jumlah laporan pemantauan", "laporan", 8),
    ),
    "admin": (
        ("Terkelolanya surat masuk dan keluar", "Jumlah surat yang diagendakan", "surat", 800),
        ("Tertatanya arsip kantor", "Jumlah berkas yang diarsipkan", "berkas", 400),
    ),
    "kepegawaian": (
        ("Terkelolanya data dan layanan kepegawaian", "Jumlah usulan layanan kepegawaian", "usulan",
         60),
        ("Termutakhirkannya data SIASN pegawai", "Jumlah data pegawai dimutakhirkan", "data", 40),
    ),
    "keuangan": (
        ("Tertatausahakannya pengeluaran anggaran", "Jumlah SPJ yang diverifikasi", "SPJ", 160),
        ("Tersusunnya laporan pertanggungjawaban keuangan", "Jumlah laporan keuangan", "laporan",
         12),
    ),
    "analis": (
        ("Tersusunnya kajian kebijakan pemerintahan kecamatan", "Jumlah naskah kajian", "naskah",
         4),
        ("Tersusunnya rekomendasi kebijakan", "Jumlah rekomendasi", "rekomendasi", 8),
    ),
    "trantib": (
        ("Terlaksananya patroli ketertiban umum", "Jumlah laporan patroli", "laporan", 96),
        ("Terdatanya pelanggaran ketertiban umum", "Jumlah data pelanggaran direkap", "data", 12),
    ),
    "pemberdayaan": (
        ("Terfasilitasinya kelompok masyarakat", "Jumlah kelompok yang dibina", "kelompok", 12),
        ("Terdokumentasinya kegiatan pemberdayaan", "Jumlah laporan kegiatan", "laporan", 24),
    ),
    "it": (
        ("Terkelolanya sistem informasi dan jaringan kantor", "Jumlah gangguan yang ditangani",
         "gangguan", 40),
        ("Termutakhirkannya konten laman kecamatan", "Jumlah konten diunggah", "konten", 48),
    ),
    "layanan": (
        ("Terlayaninya permohonan administrasi kependudukan", "Jumlah permohonan yang diselesaikan",
         "permohonan", 400),
        ("Terdatanya penduduk datang dan pindah", "Jumlah data mutasi penduduk", "data", 120),
    ),
    "kasubag_tu": (
        ("Terkelolanya ketatausahaan dan kepegawaian puskesmas", "Jumlah laporan tata usaha",
         "laporan", 12),
        ("Tersusunnya perencanaan tingkat puskesmas", "Jumlah dokumen RUK/RPK", "dokumen", 4),
    ),
    "dokter": (
        ("Terlaksananya pelayanan medis dasar", "Jumlah pasien yang dilayani", "pasien", 2400),
        ("Terlaksananya rujukan sesuai indikasi medis", "Jumlah rujukan yang dievaluasi", "rujukan",
         120),
    ),
    "dokter_gigi": (
        ("Terlaksananya pelayanan kesehatan gigi dan mulut", "Jumlah pasien gigi dilayani",
         "pasien", 1200),
        ("Terlaksananya UKGS di sekolah dasar", "Jumlah sekolah dibina", "sekolah", 8),
    ),
    "bidan_koor": (
        ("Terkoordinasinya pelayanan kesehatan ibu dan anak", "Jumlah pertemuan evaluasi KIA",
         "kegiatan", 12),
        ("Tersusunnya laporan PWS KIA", "Jumlah laporan PWS KIA", "laporan", 12),
    ),
    "bidan": (
        ("Terlaksananya pelayanan antenatal sesuai standar", "Jumlah kunjungan ibu hamil",
         "kunjungan", 480),
        ("Terlaksananya pelayanan nifas dan KB", "Jumlah pelayanan nifas dan KB", "pelayanan", 240),
    ),
    "perawat_koor": (
        ("Terkoordinasinya asuhan keperawatan", "Jumlah supervisi asuhan keperawatan", "kegiatan",
         24),
        ("Terlaksananya perawatan kesehatan masyarakat", "Jumlah kunjungan rumah", "kunjungan", 96),
    ),
    "perawat": (
        ("Terlaksananya asuhan keperawatan pasien", "Jumlah pasien diberi asuhan", "pasien", 1200),
        ("Terlaksananya skrining penyakit tidak menular", "Jumlah warga diskrining", "orang", 400),
    ),
    "kesling": (
        ("Terlaksananya inspeksi kesehatan lingkungan", "Jumlah tempat yang diinspeksi", "tempat",
         120),
        ("Terlaksananya penyelidikan epidemiologi", "Jumlah laporan penyelidikan", "laporan", 12),
    ),
    "gizi": (
        ("Terpantaunya status gizi balita", "Jumlah balita dipantau", "balita", 800),
        ("Terlaksananya konseling gizi", "Jumlah konseling gizi", "konseling", 120),
    ),
    "farmasi": (
        ("Terkelolanya obat dan bahan medis habis pakai", "Jumlah laporan LPLPO", "laporan", 12),
        ("Terlaksananya pelayanan resep", "Jumlah resep dilayani", "resep", 4800),
    ),
    "lab": (
        ("Terlaksananya pemeriksaan laboratorium", "Jumlah sampel diperiksa", "sampel", 2000),
        ("Terjaganya mutu alat laboratorium", "Jumlah kalibrasi internal", "kali", 12),
    ),
    "rekam": (
        ("Terkelolanya rekam medis pasien", "Jumlah berkas rekam medis dikelola", "berkas", 4000),
        ("Tersusunnya laporan kunjungan puskesmas", "Jumlah laporan kunjungan", "laporan", 12),
    ),
}
# fmt: on
# Tracks whose work is a counter service: their waktu indicator is "lower is better" days.
SERVICE_TRACKS = frozenset({"layanan", "kasi_yan", "kasi_kel_pem", "admin", "rekam", "farmasi"})
# Generic individual indicators: (aspect, text, unit, polarity, target, split rule, cap).
IKI_KUALITAS = (Aspect.KUALITAS, "Persentase {unit} yang sesuai standar tanpa perbaikan", "%",
                HIGHER, 90, SAME, None)  # fmt: skip
IKI_WAKTU_LAYANAN = (Aspect.WAKTU, "Rata-rata waktu penyelesaian", "hari", LOWER, 2, SAME, None)
IKI_WAKTU = (Aspect.WAKTU, "Hasil kerja selesai sesuai jadwal", "%", HIGHER, 100, SAME, 100)
# fmt: off
TAMBAHAN = (
    ("Menjadi anggota tim penyusun laporan kinerja", "Jumlah bahan laporan kinerja disusun",
     "bahan", 4),
    ("Menjadi narasumber sosialisasi layanan publik", "Jumlah sosialisasi yang diikuti", "kegiatan",
     4),
    ("Mengikuti pengembangan kompetensi", "Jumlah jam pelajaran pelatihan", "JP", 20),
)
# fmt: on

EXPECTATIONS: dict[CoreValue, str] = {
    CoreValue.BERORIENTASI_PELAYANAN: "Melayani warga dengan ramah dan tuntas pada hari yang sama.",
    CoreValue.AKUNTABEL: "Menyampaikan laporan tepat waktu dengan bukti dukung yang lengkap.",
    CoreValue.KOMPETEN: "Mengikuti minimal 20 JP pengembangan kompetensi dalam setahun.",
    CoreValue.HARMONIS: "Menjaga suasana kerja yang saling menghargai di kantor.",
    CoreValue.LOYAL: "Menjaga kerahasiaan data penduduk dan nama baik instansi.",
    CoreValue.ADAPTIF: "Menggunakan aplikasi layanan daring yang baru dengan cepat.",
    CoreValue.KOLABORATIF: "Aktif bekerja sama dengan RT/RW, kader dan unit lain.",
}
BEHAVIOUR_NOTES: dict[CoreValue, tuple[str, str, str]] = {
    # (above, as expected, below)
    CoreValue.BERORIENTASI_PELAYANAN: (
        "Sering dipuji warga karena layanan cepat.",
        "Layanan ramah dan sesuai prosedur.",
        "Beberapa keluhan warga tentang sikap pelayanan.",
    ),
    CoreValue.AKUNTABEL: (
        "Laporan selalu lebih awal dan rapi.",
        "Laporan tepat waktu.",
        "Dua laporan terlambat tanpa pemberitahuan.",
    ),
    CoreValue.KOMPETEN: (
        "Membagikan ilmu pelatihan kepada rekan.",
        "Menguasai tugas jabatannya.",
        "Perlu pendampingan pada tugas baru.",
    ),
    CoreValue.HARMONIS: (
        "Menjadi penengah yang baik dalam tim.",
        "Hubungan kerja baik.",
        "Perlu memperbaiki komunikasi dengan rekan.",
    ),
    CoreValue.LOYAL: (
        "Menjadi teladan menjaga rahasia jabatan.",
        "Menjaga nama baik instansi.",
        "Membagikan informasi internal tanpa izin.",
    ),
    CoreValue.ADAPTIF: (
        "Mengusulkan perbaikan alur layanan.",
        "Cepat menyesuaikan diri.",
        "Lambat menggunakan aplikasi baru.",
    ),
    CoreValue.KOLABORATIF: (
        "Menggerakkan kerja sama lintas seksi.",
        "Terbuka bekerja sama.",
        "Jarang hadir pada kegiatan bersama.",
    ),
}
FEEDBACK = (
    # by capaian: >= 100, >= 90, >= 76, below
    "Capaian melampaui target; pertahankan.",
    "Capaian sesuai target.",
    "Capaian sedikit di bawah target; perhatikan jadwal.",
    "Capaian jauh di bawah target; susun rencana perbaikan bersama atasan.",
)
RATING_REASONS = (
    "Hasil kerja dinilai dari kualitas bukti dukung, bukan hanya jumlah.",
    "Ada tugas tambahan mendesak yang diselesaikan dengan baik pada periode ini.",
    "Sebagian realisasi belum didukung bukti yang cukup.",
)
RETURN_REASONS = (
    "Bukti dukung realisasi belum lengkap; lengkapi lalu ajukan kembali.",
    "Realisasi indikator kuantitas tidak sesuai rekap register; mohon diperiksa.",
    "Catatan realisasi belum diisi untuk semua indikator.",
)
REALISATION_NOTES = (
    "Sesuai rekap register {period}.",
    "Data dari laporan bulanan {period}.",
    "Bukti dukung terlampir di folder bersama.",
)
LAMPIRAN: dict[OfficeKind, tuple[str, str, str]] = {
    # (dukungan sumber daya, skema pertanggungjawaban, konsekuensi)
    OfficeKind.KECAMATAN: (
        "Anggaran DPA Kecamatan Nanggalo 2026, sarana kantor dan aplikasi layanan.",
        "Laporan triwulanan kepada atasan langsung dengan bukti dukung.",
        "Capaian di bawah ekspektasi ditindaklanjuti dengan pembinaan.",
    ),
    OfficeKind.KELURAHAN: (
        "Anggaran kelurahan 2026, dana kelurahan dan dukungan RT/RW.",
        "Laporan triwulanan kepada lurah dan camat dengan bukti dukung.",
        "Capaian di bawah ekspektasi ditindaklanjuti dengan pembinaan.",
    ),
    OfficeKind.PUSKESMAS: (
        "Dana BOK dan kapitasi JKN 2026, tenaga dan alat kesehatan puskesmas.",
        "Laporan bulanan program dan laporan triwulanan kinerja pegawai.",
        "Capaian di bawah ekspektasi ditindaklanjuti dengan pembinaan dan supervisi.",
    ),
}
# Organisation predikat per office for Q1 and Q2.
ORG_PREDIKAT: dict[str, tuple[OrgPredikat, OrgPredikat]] = {
    "NGL": (OrgPredikat.BAIK, OrgPredikat.BAIK),
    "NGL-KLP": (OrgPredikat.ISTIMEWA, OrgPredikat.BAIK),
    "NGL-KLO": (OrgPredikat.BAIK, OrgPredikat.BUTUH_PERBAIKAN),
    "NGL-TBG": (OrgPredikat.BAIK, OrgPredikat.BAIK),
    "NGL-GRL": (OrgPredikat.BUTUH_PERBAIKAN, OrgPredikat.BAIK),
    "NGL-SRG": (OrgPredikat.BAIK, OrgPredikat.ISTIMEWA),
    "NGL-KRP": (OrgPredikat.BAIK, OrgPredikat.BAIK),
    "PKM-NGL": (OrgPredikat.ISTIMEWA, OrgPredikat.BAIK),
}
# Capaian aimed at by the IKU realisations (percent), cycled so every category appears.
CAPAIAN_PATTERN = (104, 97, 92, 86, 79, 73, 68, 62, 55, 100, 95, 88, 58, 110)


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
