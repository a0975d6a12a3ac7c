"""Message codes (code -> Indonesian, English) of the pure rules in :mod:`kinerja_desktop.domain`:
NIP, ranks, periods, scoring and targets, predikat and its distribution, IKM answers.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
"""

from __future__ import annotations

_TEXT_HINT = "Format kolom NIP di lembar kerja sebagai Teks lalu ketik ulang NIP-nya."

MESSAGES: dict[str, tuple[str, str]] = {
    # NIP (nip.py)
    "nip.not_text": (
        "NIP {value} terbaca sebagai angka, sehingga sebagian digitnya sudah hilang. " + _TEXT_HINT,
        "NIP {value} was read as a number and has lost digits. Format the NIP column as Text "
        "and type the NIP again.",
    ),
    "nip.empty": ("NIP belum diisi.", "The NIP is empty."),
    "nip.not_digits": (
        "NIP hanya boleh berisi angka (spasi dan titik diabaikan): {value}.",
        "A NIP may contain digits only (spaces and dots are ignored): {value}.",
    ),
    "nip.length": (
        "NIP harus 18 digit, yang diisi {length} digit.",
        "A NIP has 18 digits; this one has {length}.",
    ),
    "nip.birth_date": (
        "Digit 1–8 NIP ({digits}) bukan tanggal lahir yang sah (format TTTTBBHH).",
        "Digits 1–8 of the NIP ({digits}) are not a valid birth date (YYYYMMDD).",
    ),
    "nip.birth_future": (
        "Tanggal lahir pada NIP ({date}) berada di masa depan.",
        "The birth date in the NIP ({date}) is in the future.",
    ),
    "nip.tmt_invalid": (
        "Digit 9–14 NIP ({digits}) bukan tahun dan bulan TMT CPNS yang sah (format TTTTBB).",
        "Digits 9–14 of the NIP ({digits}) are not a valid TMT CPNS year and month (YYYYMM).",
    ),
    "nip.tmt_future": (
        "TMT CPNS pada NIP ({month}) berada di masa depan.",
        "The TMT CPNS in the NIP ({month}) is in the future.",
    ),
    "nip.tmt_before_birth": (
        "TMT CPNS pada NIP ({month}) tidak sesudah tanggal lahir ({date}).",
        "The TMT CPNS in the NIP ({month}) is not after the birth date ({date}).",
    ),
    "nip.age_at_tmt": (
        "Menurut NIP, pegawai baru berumur {age} tahun pada TMT CPNS (minimal 18). Periksa lagi.",
        "According to the NIP the employee was {age} at TMT CPNS (minimum 18). Please check.",
    ),
    "nip.gender_digit": (
        "Digit ke-15 NIP harus 1 (laki-laki) atau 2 (perempuan), yang diisi {digit}.",
        "Digit 15 of the NIP must be 1 (male) or 2 (female), not {digit}.",
    ),
    "nip.gender_mismatch": (
        "Digit jenis kelamin pada NIP ({nip_gender}) berbeda dengan jenis kelamin yang diisi "
        "({gender}).",
        "The gender digit of the NIP ({nip_gender}) differs from the gender entered ({gender}).",
    ),
    "nip.sequence": (
        "Tiga digit terakhir NIP (nomor urut) tidak boleh 000.",
        "The last three digits of the NIP (sequence number) cannot be 000.",
    ),
    "nip.appointment_year": (
        "Digit 9–12 NI PPPK ({digits}) bukan tahun pengangkatan yang sah.",
        "Digits 9–12 of the PPPK number ({digits}) are not a valid appointment year.",
    ),
    "nip.appointment_future": (
        "Tahun pengangkatan pada NI PPPK ({year}) berada di masa depan.",
        "The appointment year in the PPPK number ({year}) is in the future.",
    ),
    "nip.appointment_before_birth": (
        "Tahun pengangkatan pada NI PPPK ({year}) lebih awal dari tahun lahir ({birth_year}).",
        "The appointment year in the PPPK number ({year}) is before the birth year ({birth_year}).",
    ),
    "nip.age_at_appointment": (
        "Menurut NI PPPK, pegawai berumur sekitar {age} tahun saat diangkat (minimal 18). "
        "Periksa lagi.",
        "According to the PPPK number the employee was about {age} when appointed (minimum 18). "
        "Please check.",
    ),
    # ranks.py
    "grade.unknown": (
        "Golongan/ruang tidak dikenal: {value}.",
        "Unknown rank (golongan/ruang): {value}.",
    ),
    # periods.py
    "period.invalid": (
        "Periode tidak sah: {value}. Tulis 2026 (tahunan), 2026-S1 (semester), 2026-Q3 "
        "(triwulan) atau 2026-07 (bulanan).",
        "Invalid period: {value}. Write 2026 (year), 2026-S1 (half-year), 2026-Q3 (quarter) "
        "or 2026-07 (month).",
    ),
    "period.subperiod_kind": (
        "Periode {period} tidak dapat dibagi menjadi periode {kind}.",
        "Period {period} cannot be divided into {kind} periods.",
    ),
    # scoring.py and targets.py
    "value.not_finite": (
        "Nilai {what} harus berupa angka yang sah, bukan {value}.",
        "The value of {what} must be a proper number, not {value}.",
    ),
    "target.zero": (
        "Target 0 tidak dapat diukur untuk indikator 'semakin tinggi semakin baik'. "
        "Isi target lebih dari 0 atau ubah polaritas indikatornya.",
        "A target of 0 cannot be measured for a 'higher is better' indicator. "
        "Enter a target above 0 or change the indicator's polarity.",
    ),
    "target.negative": (
        "Target tidak boleh negatif ({value}).",
        "A target cannot be negative ({value}).",
    ),
    "target.range_missing_hi": (
        "Indikator dengan rentang target memerlukan batas atas target.",
        "A target-range indicator needs an upper target bound.",
    ),
    "target.range_inverted": (
        "Batas atas target ({hi}) lebih kecil dari batas bawahnya ({lo}).",
        "The upper target bound ({hi}) is below the lower bound ({lo}).",
    ),
    "target.range_zero": (
        "Rentang target 0–0 tidak dapat diukur. Gunakan polaritas 'semakin rendah semakin "
        "baik' dengan target 0.",
        "A 0–0 target range cannot be measured. Use 'lower is better' with target 0.",
    ),
    "target.hi_unexpected": (
        "Batas atas target hanya dipakai untuk indikator dengan rentang target.",
        "An upper target bound is used only by target-range indicators.",
    ),
    "target.split_count": (
        "Jumlah periode untuk membagi target harus minimal 1, yang diisi {count}.",
        "The number of periods to split a target into must be at least 1, not {count}.",
    ),
    "capaian.cap_invalid": (
        "Batas maksimum capaian harus lebih dari 0, yang diisi {value}.",
        "The capaian cap must be above 0, not {value}.",
    ),
    "weight.negative": (
        "Bobot indikator tidak boleh negatif ({value}).",
        "An indicator weight cannot be negative ({value}).",
    ),
    "bands.invalid": (
        "Batas kategori capaian harus menurun: Sangat Tinggi > Tinggi > Sedang > Rendah.",
        "Achievement category bounds must descend: very high > high > medium > low.",
    ),
    "thresholds.invalid": (
        "Ambang 'Di Atas Ekspektasi' ({above}) harus lebih besar dari ambang "
        "'Sesuai Ekspektasi' ({as_expected}).",
        "The 'above expectations' threshold ({above}) must exceed the 'as expected' "
        "threshold ({as_expected}).",
    ),
    # predikat.py
    "ak.months": (
        "Jumlah bulan untuk angka kredit harus 1 sampai 12, yang diisi {months}.",
        "The number of months for angka kredit must be 1 to 12, not {months}.",
    ),
    "distribution.negative_count": (
        "Jumlah pegawai per predikat tidak boleh negatif.",
        "Employee counts per predikat cannot be negative.",
    ),
    "distribution.max": (
        "Capaian organisasi {org}: predikat {predikat} paling banyak {limit}% pegawai, "
        "sekarang {share}%.",
        "Organisation result {org}: predikat {predikat} may cover at most {limit}% of "
        "employees, now {share}%.",
    ),
    "distribution.min": (
        "Capaian organisasi {org}: predikat {predikat} paling sedikit {limit}% pegawai, "
        "sekarang {share}%.",
        "Organisation result {org}: predikat {predikat} should cover at least {limit}% of "
        "employees, now {share}%.",
    ),
    "distribution.not_largest": (
        "Capaian organisasi {org}: sebagian besar pegawai seharusnya berpredikat {predikat}.",
        "Organisation result {org}: most employees should have predikat {predikat}.",
    ),
    "distribution.required": (
        "Capaian organisasi {org}: harus ada pegawai dengan predikat {predikat}.",
        "Organisation result {org}: some employees should have predikat {predikat}.",
    ),
    "distribution.forbidden": (
        "Capaian organisasi {org}: tidak boleh ada pegawai dengan predikat {predikat}.",
        "Organisation result {org}: no employee may have predikat {predikat}.",
    ),
    # ikm.py
    "ikm.answer_count": (
        "Responden ke-{respondent} harus menjawab 9 unsur, yang terisi {count} kolom.",
        "Respondent {respondent} must have 9 answers, found {count}.",
    ),
    "ikm.answer_range": (
        "Jawaban responden ke-{respondent} untuk {unsur} harus 1 sampai 4, yang diisi {value}.",
        "Respondent {respondent}'s answer for {unsur} must be 1 to 4, not {value}.",
    ),
    "ikm.unsur_count": (
        "Survei kepuasan masyarakat harus memuat 9 unsur, yang ada {count}.",
        "A public satisfaction survey has 9 elements, found {count}.",
    ),
    "ikm.unsur_unanswered": (
        "Survei belum lengkap: tidak ada responden yang menjawab unsur {unsur} ({name}).",
        "The survey is incomplete: nobody answered element {unsur} ({name}).",
    ),
    "ikm.total_range": (
        "Jumlah nilai unsur {unsur} ({total}) tidak cocok dengan {count} jawaban bernilai 1–4.",
        "The score total of element {unsur} ({total}) does not fit {count} answers of 1–4.",
    ),
}
