"""Static tables of the demo plans: the IKU catalogue per office kind, the heads' RHK, the job
tracks of everybody else with their individual indicators, and the SKP's lampiran texts."""

from __future__ import annotations

from typing import NamedTuple

from kinerja_desktop.domain.enums import Aspect, CoreValue, OfficeKind, Polarity, SplitRule

HIGHER, LOWER, RANGE = Polarity.HIGHER, Polarity.LOWER, Polarity.RANGE
SAME, CUM, LAST = SplitRule.SAME, SplitRule.CUMULATIVE, SplitRule.LAST


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
            "Meningkatnya kualitas pelayanan publik di Kecamatan {short}",
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
