"""Static tables of the demo evaluations: behaviour notes, feedback and reasons a penilai writes,
realisation notes, and the organisation results (predikat and IKU capaian) per office."""

from __future__ import annotations

from kinerja_desktop.domain.enums import CoreValue, OrgPredikat

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
