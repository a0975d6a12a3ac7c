"""Message codes (code -> Indonesian, English) for printed documents, recaps and batches.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "report.unknown_employee": (
        "Tidak ada pegawai dengan NIP {nip}.",
        "There is no employee with NIP {nip}.",
    ),
    "report.unknown_office": (
        "Kantor dengan kode {office} tidak ada.",
        "There is no office with code {office}.",
    ),
    "report.no_skp_refused": (
        "Pegawai NIP {nip} belum memiliki SKP tahun {year}; tidak ada yang bisa dicetak.",
        "The employee with NIP {nip} has no SKP for {year}; there is nothing to print.",
    ),
    "report.no_skp": (
        "Pegawai belum memiliki SKP tahun {year}: tabel hasil kerja dicetak kosong.",
        "The employee has no SKP for {year}: the results table is printed empty.",
    ),
    "report.skp_not_approved": (
        "SKP tahun {year} belum disetujui: dokumen dicetak dengan tanda DRAF.",
        "The SKP for {year} is not approved yet: the document is marked DRAF.",
    ),
    "report.no_evaluation": (
        "Belum ada evaluasi untuk {period}: formulir kosong dicetak untuk diisi tangan.",
        "There is no evaluation for {period}: a blank form is printed for handwriting.",
    ),
    "report.not_approved": (
        "Evaluasi {period} belum disetujui: dokumen dicetak dengan tanda DRAF.",
        "The evaluation for {period} is not approved yet: the document is marked DRAF.",
    ),
    "report.logo_missing": (
        "{office} belum memiliki logo: kop surat dicetak tanpa logo.",
        "{office} has no logo: the letterhead is printed without one.",
    ),
    "report.logo_unreadable": (
        "Logo {office} tidak dapat dibaca (bukan gambar PNG/JPEG yang utuh): kop surat dicetak "
        "tanpa logo.",
        "The logo of {office} cannot be read (not a whole PNG/JPEG image): the letterhead is "
        "printed without one.",
    ),
    "report.no_data": (
        "Tidak ada data untuk {period}: belum ada IKU maupun evaluasi pada periode ini.",
        "There is no data for {period}: no IKU and no evaluation in this period.",
    ),
    "report.no_documents": (
        "Tidak ada dokumen untuk dicetak.",
        "There are no documents to print.",
    ),
    "report.no_employees": (
        "Kantor {office} tidak memiliki pegawai aktif untuk dicetak.",
        "Office {office} has no active employees to print.",
    ),
    "report.unwritable": (
        "Tidak dapat menulis ke {path}: {reason}. Pilih folder lain.",
        "Cannot write to {path}: {reason}. Choose another folder.",
    ),
    "report.bad_paper": (
        "Ukuran kertas {value} tidak dikenal; pilih a4 atau f4.",
        "Unknown paper size {value}; choose a4 or f4.",
    ),
    "report.bad_extension": (
        "Berkas keluaran harus berakhiran {expected}: {path}.",
        "The output file must end in {expected}: {path}.",
    ),
    "report.bad_kind": (
        "Jenis dokumen {value} tidak dikenal.",
        "Unknown document kind {value}.",
    ),
    "report.cancelled": (
        "Pencetakan dibatalkan; tidak ada berkas yang ditulis.",
        "Printing was cancelled; no file was written.",
    ),
    "report.done": (
        "{kind} disimpan: {path} ({pages} halaman).",
        "{kind} saved: {path} ({pages} pages).",
    ),
    "report.done_one": (
        "{kind} disimpan: {path} (1 halaman).",
        "{kind} saved: {path} (1 page).",
    ),
    "report.batch_done": (
        "{count} dokumen disimpan: {path}.",
        "{count} documents saved: {path}.",
    ),
    "report.batch_done_one": (
        "1 dokumen disimpan: {path}.",
        "1 document saved: {path}.",
    ),
    "report.person_warning": ("{name}: {note}", "{name}: {note}"),
    "report.recap_xlsx_done": (
        "Rekap disimpan: {path}.",
        "Recap saved: {path}.",
    ),
    "report.tpp_note": (
        "TPP di sini adalah perhitungan dari pengaturan aplikasi (TPP dasar per kelas jabatan "
        "× persentase predikat), bukan daftar gaji: potongan, kehadiran dan pajak tidak "
        "dihitung.",
        "The TPP here is a calculation from the application's settings (TPP base per kelas "
        "jabatan × percentage of the predikat), not a payroll: deductions, attendance and "
        "taxes are not counted.",
    ),
    "report.tpp_not_set": (
        "TPP dasar per kelas jabatan belum diatur di Pengaturan, jadi TPP dalam rupiah belum "
        "dapat dihitung.",
        "The TPP base per kelas jabatan is not set in Settings, so the TPP in rupiah cannot "
        "be computed yet.",
    ),
    "report.tpp_no_kelas": ("kelas jabatan belum diisi", "kelas jabatan not filled in"),
    "report.tpp_no_base": (
        "TPP dasar kelas {kelas} belum diatur",
        "TPP base of kelas {kelas} not set",
    ),
    "report.tpp_no_predikat": ("predikat belum disetujui", "predikat not approved yet"),
    "report.pattern_source": (
        "Sumber rentang yang diharapkan: pola distribusi SE MenPANRB Nomor 3 Tahun 2023 (dibaca "
        "dari ringkasan sekunder); penyimpangan adalah peringatan, bukan larangan.",
        "Source of the expected bands: the distribution pattern of SE MenPANRB 3/2023 (read "
        "from a secondary summary); a departure is a warning, not a prohibition.",
    ),
    "report.pattern_largest": (
        "terbanyak",
        "largest",
    ),
    "report.pattern_required": (
        "Harus ada pegawai dengan predikat {predikat}.",
        "There must be employees rated {predikat}.",
    ),
    "report.pattern_together": (
        "{predikat} bersama-sama paling sedikit {limit}%.",
        "{predikat} together at least {limit}%.",
    ),
    "report.pattern_no_org": (
        "Capaian kinerja organisasi belum ditetapkan: rentang yang diharapkan belum dapat dicetak.",
        "The organisation's performance is not set yet: the expected bands cannot be printed.",
    ),
    "report.batch_locked": (
        "{path} tidak dapat ditulis ({reason}); tutup berkas itu (misalnya di pembaca PDF) lalu "
        "cetak ulang pegawai ini.",
        "{path} cannot be written ({reason}); close that file (for instance in a PDF reader) and "
        "print this employee again.",
    ),
    "report.print_failed": (
        "{path} tidak dapat dicetak: berkasnya tidak terbaca atau pencetak tidak dapat "
        "dibuka. Periksa pencetak lalu coba lagi.",
        "{path} could not be printed: the file is unreadable or the printer could not be "
        "opened. Check the printer and try again.",
    ),
    "report.ak_not_fungsional": (
        "Pegawai NIP {nip} tidak menduduki jabatan fungsional pada {period}: konversi predikat "
        "kinerja ke angka kredit hanya untuk pejabat fungsional.",
        "The employee with NIP {nip} is not in a functional position in {period}: the "
        "conversion of the performance rating to credit points is for functional positions "
        "only.",
    ),
    "report.ak_no_evaluation": (
        'Belum ada evaluasi untuk {period}: angka kredit belum dapat ditetapkan dan dicetak "-".',
        'There is no evaluation for {period}: no credit points can be set yet; "-" is printed.',
    ),
    "report.ak_not_approved": (
        "Evaluasi {period} belum disetujui: angka kredit belum dapat ditetapkan; dokumen "
        "dicetak dengan tanda DRAF.",
        "The evaluation for {period} is not approved yet: no credit points can be set; the "
        "document is marked DRAF.",
    ),
    "report.ak_period_not_approved": (
        "Evaluasi {period} belum disetujui: tidak dihitung dalam akumulasi angka kredit.",
        "The evaluation for {period} is not approved yet: it is left out of the accumulated "
        "credit points.",
    ),
    "report.ak_period_missing": (
        'Belum ada evaluasi untuk {period}: dicetak "-" dalam akumulasi angka kredit.',
        'There is no evaluation for {period}: "-" is printed in the accumulated credit points.',
    ),
    "report.ak_no_periods": (
        "Belum ada evaluasi periodik tahun {year}: akumulasi angka kredit kosong.",
        "There are no periodic evaluations in {year}: the accumulated credit points are empty.",
    ),
    "report.ak_nomor_long": (
        "NOMOR terlalu panjang: paling banyak {limit} karakter.",
        "The NOMOR is too long: at most {limit} characters.",
    ),
    "report.ak_batch_skipped": (
        "evaluasi {period} belum disetujui, konversi angka kredit tidak dicetak.",
        "the evaluation for {period} is not approved yet; no credit point conversion printed.",
    ),
    "report.no_fungsional": (
        "Kantor {office} tidak memiliki pejabat fungsional dengan evaluasi {period} yang "
        "sudah disetujui.",
        "Office {office} has no functional officials with an approved evaluation for {period}.",
    ),
}
