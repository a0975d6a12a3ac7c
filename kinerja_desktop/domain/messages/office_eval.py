"""Message codes (code -> Indonesian, English) for
IKM surveys, office IKU realisations, organisation predikat and period deadlines.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
Every code here starts with ``office_eval.``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # periods_admin
    "office_eval.period_locked": (
        "Periode {period} sudah dikunci; data periode ini hanya dapat diubah setelah Admin "
        "membukanya kembali.",
        "Period {period} is locked; its data can change only after an Admin reopens it.",
    ),
    "office_eval.deadline_year": (
        "Batas waktu {deadline} berada di luar tahun periode {period}. Pilih tanggal dari "
        "{first} sampai {last}.",
        "The deadline {deadline} lies outside the year of period {period}. Choose a date from "
        "{first} to {last}.",
    ),
    "office_eval.lock_before_deadline": (
        "Batas waktu periode {period} ({deadline}) belum lewat. Kunci sebelum batas waktu "
        "hanya dengan konfirmasi.",
        "The deadline of period {period} ({deadline}) has not passed. Locking before the "
        "deadline needs a confirmation.",
    ),
    "office_eval.already_locked": (
        "Periode {period} sudah terkunci.",
        "Period {period} is already locked.",
    ),
    "office_eval.not_locked": (
        "Periode {period} tidak terkunci, jadi tidak perlu dibuka kembali.",
        "Period {period} is not locked, so there is nothing to reopen.",
    ),
    "office_eval.reason_required": (
        "Tuliskan alasan membuka kembali periode {period}; alasan ini dicatat.",
        "Give the reason for reopening period {period}; it is recorded.",
    ),
    # office realisations
    "office_eval.not_home_office": (
        "Data {office} hanya dapat diubah di database kantor {office} sendiri; di sini hanya "
        "dapat dilihat.",
        "The data of {office} can be changed only in {office}'s own database; here it is "
        "read-only.",
    ),
    "office_eval.indicator_not_found": (
        "Indikator {value} tahun {year} tidak ditemukan di kantor {office}.",
        "Indicator {value} of {year} was not found at office {office}.",
    ),
    "office_eval.period_year": (
        "Periode {period} tidak berada dalam tahun indikator ({year}).",
        "Period {period} is not in the indicator's year ({year}).",
    ),
    "office_eval.negative_count": (
        "Realisasi {value} tidak boleh negatif untuk indikator yang dihitung kumulatif "
        "(jumlah kegiatan, dokumen).",
        "A realisation of {value} cannot be negative for a cumulative (counted) indicator.",
    ),
    "office_eval.not_number": (
        "Realisasi harus berupa angka, bukan {value}.",
        "A realisation must be a number, not {value}.",
    ),
    "office_eval.duplicate_row": (
        "Indikator {value} muncul lebih dari sekali di berkas (juga pada baris {other}).",
        "Indicator {value} appears more than once in the file (also on row {other}).",
    ),
    # org predikat
    "office_eval.org_not_allowed": (
        "Predikat organisasi {office} ditetapkan oleh {leader}, bukan di database ini atau "
        "oleh akun ini.",
        "The organisation predikat of {office} is set by {leader}, not in this database or "
        "by this account.",
    ),
    # IKM
    "office_eval.ikm_answer_range": (
        "Jawaban {unsur} harus 1 sampai 4 (atau kosong), yang diisi {value}.",
        "The answer for {unsur} must be 1 to 4 (or blank), not {value}.",
    ),
    "office_eval.ikm_no_respondents": (
        "Belum ada responden yang mengisi jawaban.",
        "No respondent has filled in an answer yet.",
    ),
    "office_eval.ikm_file_invalid": (
        "Berkas survei {path} berisi {count} kesalahan; tidak ada yang dihitung.",
        "The survey file {path} has {count} errors; nothing was computed.",
    ),
    "office_eval.ikm_file_invalid_one": (
        "Berkas survei {path} berisi 1 kesalahan; tidak ada yang dihitung.",
        "The survey file {path} has 1 error; nothing was computed.",
    ),
    "office_eval.ikm_not_found": (
        "Survei IKM {office} periode {period} belum ada.",
        "There is no IKM survey of {office} for period {period}.",
    ),
    "office_eval.ikm_indicator_missing": (
        "Kantor {office} tidak mempunyai indikator IKM pada tahun {year}. Pilih indikatornya "
        "sendiri.",
        "Office {office} has no IKM indicator in {year}. Choose the indicator yourself.",
    ),
    # CLI
    "office_eval.cli_template_done": (
        "Templat survei IKM ditulis: {path}",
        "IKM survey template written: {path}",
    ),
    "office_eval.cli_compute_done": (
        "{respondents} responden; IKM {ikm}; nilai konversi {converted}; mutu {mutu} "
        "({kinerja}); unsur terlemah {weakest}.",
        "{respondents} respondents; IKM {ikm}; converted value {converted}; grade {mutu} "
        "({kinerja}); weakest element {weakest}.",
    ),
}
