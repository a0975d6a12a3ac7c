"""Message codes (code -> Indonesian, English) for
indicators (IKU catalogue, targets, templates) and SKP plans.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # IKU catalogue (services/iku_catalogue.py)
    "iku.target_bad": (
        "Target {where} indikator {iku} tidak dapat dipakai: {reason}",
        "The {where} target of indicator {iku} cannot be used: {reason}",
    ),
    "iku.period_outside_year": (
        "Periode {period} pada indikator {iku} berada di luar tahun {year}.",
        "Period {period} of indicator {iku} lies outside the year {year}.",
    ),
    "iku.period_kind": (
        "Periode {period} tidak cocok dengan periode ukur indikator {iku} ({periodicity}).",
        "Period {period} does not match the measurement periodicity of indicator {iku} "
        "({periodicity}).",
    ),
    "iku.period_duplicate": (
        "Target periode {period} indikator {iku} diisi lebih dari sekali.",
        "The {period} target of indicator {iku} is given more than once.",
    ),
    "iku.code_required": ("Kode indikator belum diisi.", "The indicator code is empty."),
    "iku.name_required": (
        "Nama indikator {iku} belum diisi.",
        "The name of indicator {iku} is empty.",
    ),
    "iku.code_duplicate": (
        "Kode indikator {iku} dipakai lebih dari sekali.",
        "Indicator code {iku} is used more than once.",
    ),
    "iku.code_taken": (
        "Kode indikator {iku} sudah ada pada katalog tahun ini.",
        "Indicator code {iku} already exists in this year's catalogue.",
    ),
    "iku.weight_missing": (
        "Bobot dipakai pada katalog ini, tetapi indikator {iku} belum diberi bobot "
        "(jumlah sekarang {total}).",
        "Weights are used in this catalogue but indicator {iku} has none (current total {total}).",
    ),
    "iku.weight_total": (
        "Jumlah bobot indikator harus 100; sekarang {total}.",
        "The indicator weights must total 100; they now total {total}.",
    ),
    "iku.in_use": (
        "Indikator {iku} tidak dapat dihapus karena sudah dipakai RHK atau sudah ada realisasinya.",
        "Indicator {iku} cannot be deleted: an RHK serves it or it has realisations.",
    ),
    "iku.not_found": ("Indikator tidak ditemukan.", "Indicator not found."),
    "iku.copy_empty": (
        "Kantor {office} belum memiliki IKU tahun {year} untuk disalin.",
        "Office {office} has no {year} indicators to copy.",
    ),
    "iku.copy_same_year": (
        "Tahun tujuan ({year}) sama dengan tahun asal.",
        "The target year ({year}) is the source year.",
    ),
    "iku.template_unknown": (
        "Templat indikator {value} tidak dikenal.",
        "Unknown indicator template {value}.",
    ),
    # SKP (services/skp.py, skp_status.py)
    "skp.not_found": ("SKP tidak ditemukan.", "SKP not found."),
    "skp.target_bad": (
        "Target indikator aspek {aspect} pada RHK {rhk} tidak dapat dipakai: {reason}",
        "The {aspect} indicator target of RHK {rhk} cannot be used: {reason}",
    ),
    "skp.rhk_text_required": (
        "Rencana hasil kerja nomor {rhk} belum diisi.",
        "Planned result (RHK) number {rhk} is empty.",
    ),
    "skp.iki_text_required": (
        "Ada indikator tanpa uraian pada RHK {rhk}.",
        "An indicator of RHK {rhk} has no text.",
    ),
    "skp.parent_unknown": (
        "RHK atasan yang diintervensi RHK {rhk} tidak ditemukan.",
        "The atasan's RHK that RHK {rhk} intervenes was not found.",
    ),
    "skp.parent_not_atasan": (
        "RHK {rhk} mengintervensi RHK milik {owner}, padahal atasan langsung pegawai ini "
        "adalah {atasan}. Pilih RHK dari SKP atasan langsung.",
        "RHK {rhk} intervenes an RHK of {owner}, but this employee's direct atasan is "
        "{atasan}. Choose an RHK of the direct atasan's SKP.",
    ),
    "skp.iku_unknown": (
        "IKU yang didukung RHK {rhk} tidak ditemukan.",
        "The IKU that RHK {rhk} serves was not found.",
    ),
    "skp.iku_other_office": (
        "RHK {rhk} menunjuk IKU {iku} dari kantor atau tahun lain.",
        "RHK {rhk} names IKU {iku} of another office or year.",
    ),
    "skp.iku_not_head": (
        "Hanya kepala kantor yang RHK-nya langsung mendukung IKU kantor (RHK {rhk}). Pilih "
        "RHK atasan yang diintervensi.",
        "Only an office head's RHK serves an office IKU directly (RHK {rhk}). Choose the "
        "atasan's RHK it intervenes.",
    ),
    "skp.cascade_cycle": (
        "RHK {rhk} membuat cascading berputar (RHK atasan itu sendiri turunan dari SKP ini).",
        "RHK {rhk} makes the cascade a cycle (the atasan's RHK itself derives from this SKP).",
    ),
    "skp.rhk_in_use": (
        "RHK \u201c{text}\u201d tidak dapat dihapus: {count} RHK bawahan mengintervensinya.",
        "RHK \u201c{text}\u201d cannot be removed: {count} subordinate RHK intervene it.",
    ),
    "skp.iki_in_use": (
        "Indikator \u201c{text}\u201d tidak dapat dihapus karena sudah ada realisasinya.",
        "Indicator \u201c{text}\u201d cannot be removed: it has realisations.",
    ),
    "skp.submitted_locked": (
        "SKP {name} sedang diajukan ke penilai; isinya dapat diubah setelah dikembalikan.",
        "The SKP of {name} is submitted to the penilai; it can change after it is returned.",
    ),
    "skp.approved_locked": (
        "SKP {name} (revisi {revision}) sudah disetujui. Perubahan dibuat sebagai revisi baru; "
        "isi alasan revisinya.",
        "The SKP of {name} (revision {revision}) is approved. A change makes a new revision; "
        "give the reason for it.",
    ),
    "skp.bad_transition": (
        "Status SKP {name} ({status}) tidak memungkinkan tindakan ini.",
        "The status of the SKP of {name} ({status}) does not allow this action.",
    ),
    "skp.no_rhk_utama": (
        "SKP {name} belum memiliki RHK Utama.",
        "The SKP of {name} has no RHK Utama yet.",
    ),
    "skp.rhk_no_indicator": (
        "RHK {rhk} belum memiliki indikator kinerja individu.",
        "RHK {rhk} has no individual indicator yet.",
    ),
    "skp.rhk_no_link_head": (
        "RHK Utama {rhk} belum menunjuk IKU kantor atau RHK atasan yang diintervensi.",
        "RHK Utama {rhk} names neither an office IKU nor an atasan's RHK.",
    ),
    "skp.rhk_no_parent": (
        "RHK Utama {rhk} belum menunjuk RHK atasan yang diintervensi.",
        "RHK Utama {rhk} does not name the atasan's RHK it intervenes.",
    ),
    "skp.reason_required": ("Alasan wajib diisi.", "A reason is required."),
    "skp.copy_missing": (
        "{name} tidak memiliki SKP tahun {year} untuk disalin.",
        "{name} has no {year} SKP to copy.",
    ),
    "skp.copy_exists": (
        "{name} sudah memiliki SKP tahun {year}.",
        "{name} already has an SKP for {year}.",
    ),
    "skp.bulk_empty": ("Pilih paling sedikit satu pegawai.", "Choose at least one employee."),
    "skp.bulk_jabatan": (
        "RHK bersama hanya untuk pegawai dengan jabatan yang sama; terpilih: {jabatan}.",
        "A shared RHK is for employees of one jabatan only; chosen: {jabatan}.",
    ),
    # IKU and SKP spreadsheets (services/indicator_sheets.py, skp_sheets.py)
    "iku.sheet_office": (
        "Baris ini untuk kantor {office}, padahal impor dibatasi ke kantor {wanted}.",
        "This row is for office {office}, but the import is limited to office {wanted}.",
    ),
    "iku.sheet_period_column": (
        "Kolom {column} tidak dipakai: periode ukur indikator ini hanya punya {count} periode.",
        "Column {column} is not used: this indicator's periodicity has only {count} periods.",
    ),
    "iku.sheet_duplicate": (
        "Kode IKU {iku} sudah ada di baris {line} untuk kantor dan tahun yang sama.",
        "IKU code {iku} is already on row {line} for the same office and year.",
    ),
    "skp.sheet_conflict": (
        "Isian {column} berbeda dengan baris {line} untuk SKP yang sama.",
        "{column} differs from row {line} of the same SKP.",
    ),
    "skp.sheet_rhk_conflict": (
        "RHK nomor {rhk} ditulis berbeda dengan baris {line}.",
        "RHK number {rhk} is written differently on row {line}.",
    ),
    "skp.sheet_employee": (
        "Pegawai dengan NIP {value} tidak ditemukan.",
        "No employee has NIP {value}.",
    ),
    "skp.sheet_parent_number": (
        "RHK atasan nomor {number} tidak ada pada SKP atasan ({atasan}).",
        "The atasan's SKP ({atasan}) has no RHK number {number}.",
    ),
    "skp.sheet_iku_code": (
        "Kode IKU {value} tidak ada pada katalog kantor {office} tahun {year}.",
        "IKU code {value} is not in the {year} catalogue of office {office}.",
    ),
    "plans.export_done": (
        "{rows} baris diekspor ke {path}",
        "{rows} rows exported to {path}",
    ),
    "plans.export_done_one": (
        "1 baris diekspor ke {path}",
        "1 row exported to {path}",
    ),
    "plans.import_done_skp": (
        "Impor SKP selesai — jumlah SKP (satu per pegawai): {created} baru, {updated} diubah, "
        "{unchanged} tidak berubah.",
        "SKP import done — SKPs (one per employee): {created} created, {updated} updated, "
        "{unchanged} unchanged.",
    ),
    "plans.import_dry_run_skp": (
        "Uji coba impor SKP (tidak ada yang disimpan) — jumlah SKP (satu per pegawai): "
        "{created} baru, {updated} diubah, {unchanged} tidak berubah.",
        "SKP import dry run (nothing was saved) — SKPs (one per employee): {created} to create, "
        "{updated} to update, {unchanged} unchanged.",
    ),
    "plans.import_done_indicators": (
        "Impor katalog IKU selesai — jumlah IKU: {created} baru, {updated} diubah, "
        "{unchanged} tidak berubah.",
        "IKU catalogue import done — IKU: {created} created, {updated} updated, "
        "{unchanged} unchanged.",
    ),
    "plans.import_dry_run_indicators": (
        "Uji coba impor katalog IKU (tidak ada yang disimpan) — jumlah IKU: {created} "
        "baru, {updated} diubah, {unchanged} tidak berubah.",
        "IKU catalogue import dry run (nothing was saved) — IKU: {created} to create, "
        "{updated} to update, {unchanged} unchanged.",
    ),
    "plans.no_skp": ("Belum dibuat", "Not started"),
}
