"""Message codes (code -> Indonesian, English) for
realisations, evidence, assessments, approval, IKM, completion monitor.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # evaluations (services/realisations.py, services/assessments.py)
    "evaluation.not_found": ("Evaluasi tidak ditemukan.", "Evaluation not found."),
    "evaluation.exists": (
        "Evaluasi {name} untuk periode {period} sudah ada.",
        "The evaluation of {name} for {period} already exists.",
    ),
    "evaluation.no_skp": (
        "{name} belum punya SKP {year} yang disetujui; evaluasi belum bisa dimulai.",
        "{name} has no approved SKP for {year}; the evaluation cannot start yet.",
    ),
    "evaluation.period_outside": (
        "Periode {period} berada di luar tahun SKP ({year}).",
        "Period {period} lies outside the SKP year ({year}).",
    ),
    "evaluation.period_kind": (
        "Periode {period} bukan periode evaluasi instalasi ini (gunakan {expected}).",
        "Period {period} is not an evaluation period of this installation (use {expected}).",
    ),
    "evaluation.locked": (
        "Periode {period} sudah dikunci; perubahan ditolak. Minta admin membuka periode.",
        "Period {period} is locked; changes are refused. Ask an admin to reopen the period.",
    ),
    "evaluation.not_editable": (
        "Evaluasi berstatus {status}; realisasi hanya bisa diubah pada status Draft atau "
        "Dikembalikan.",
        "The evaluation is {status}; realisations can change only in Draft or Returned.",
    ),
    "evaluation.not_owned": (
        "Evaluasi ini milik kantor {office} dan hanya bisa diubah di sana.",
        "This evaluation belongs to office {office} and can only be changed there.",
    ),
    "evaluation.changed": (
        "Evaluasi sudah diubah orang lain (versi {actual}, bukan {expected}). Muat ulang.",
        "The evaluation was changed by someone else (version {actual}, not {expected}). Reload it.",
    ),
    "evaluation.incomplete": (
        "Realisasi {count} indikator belum diisi; lengkapi dulu sebelum diajukan.",
        "{count} indicators have no realisation yet; complete them before submitting.",
    ),
    "evaluation.bad_state": (
        "Evaluasi berstatus {status}; tindakan ini hanya untuk status {expected}.",
        "The evaluation is {status}; this action needs status {expected}.",
    ),
    "evaluation.not_clerk": (
        "Hanya operator, admin, atau pegawai yang bersangkutan yang boleh mengisi evaluasi ini.",
        "Only an operator, an admin or the employee may fill in this evaluation.",
    ),
    "evaluation.periods_open": (
        "Evaluasi tahunan baru bisa disetujui bila semua evaluasi periodik {year} disetujui; "
        "belum: {periods}.",
        "The annual evaluation can be approved only when every periodic evaluation of {year} "
        "is approved; not yet: {periods}.",
    ),
    "evaluation.no_periods": (
        "Belum ada evaluasi periodik {year} yang disetujui untuk {name}.",
        "{name} has no approved periodic evaluation in {year}.",
    ),
    "evaluation.reason_required": (
        "Alasan wajib diisi.",
        "A reason is required.",
    ),
    "realisation.unknown_indicator": (
        "Indikator {value} bukan bagian dari SKP evaluasi ini.",
        "Indicator {value} is not part of this evaluation's SKP.",
    ),
    "realisation.not_number": (
        "Realisasi \u201c{value}\u201d untuk \u201c{indicator}\u201d bukan angka.",
        "The realisation \u201c{value}\u201d for \u201c{indicator}\u201d is not a number.",
    ),
    "realisation.negative": (
        "Realisasi \u201c{indicator}\u201d adalah jumlah dan tidak boleh negatif ({value}).",
        "The realisation of \u201c{indicator}\u201d is a count and cannot be negative ({value}).",
    ),
    "realisation.no_evaluation": (
        "Tidak ada evaluasi {period} yang bisa diisi untuk NIP {value}.",
        "There is no evaluation for {period} to fill in for NIP {value}.",
    ),
    "realisation.unknown_code": (
        "Kode indikator {value} tidak ada pada SKP pegawai ini.",
        "Indicator code {value} is not in this employee's SKP.",
    ),
    "realisation.unknown_nip": (
        "NIP {value} tidak ada di daftar pegawai.",
        "NIP {value} is not in the employee register.",
    ),
    "realisation.duplicate_row": (
        "Baris untuk NIP {value} kode {key} muncul lebih dari sekali (baris {first}).",
        "The row for NIP {value} code {key} appears more than once (row {first}).",
    ),
    "realisation.period_required": (
        "Periode wajib diisi (misalnya 2026-Q1).",
        "A period is required (e.g. 2026-Q1).",
    ),
    # evidence (services/evidence.py)
    "evidence.too_large": (
        "Berkas {name} terlalu besar ({size} MB); batasnya {limit} MB.",
        "File {name} is too large ({size} MB); the limit is {limit} MB.",
    ),
    "evidence.type": (
        "Berkas {name} bukan PDF, JPG, atau PNG; bukti dukung hanya boleh berjenis itu.",
        "File {name} is not a PDF, JPG or PNG; evidence must be one of those.",
    ),
    "evidence.unreadable": (
        "Berkas {name} tidak bisa dibaca.",
        "File {name} cannot be read.",
    ),
    "evidence.empty": ("Berkas {name} kosong.", "File {name} is empty."),
    "evidence.missing": (
        "Berkas bukti {name} tidak ada lagi di folder bukti ({folder}).",
        "Evidence file {name} is no longer in the evidence folder ({folder}).",
    ),
    "evidence.not_found": ("Bukti dukung tidak ditemukan.", "Evidence not found."),
    # rencana aksi (services/evaluation/rencana_aksi.py)
    "rencana_aksi.not_found": ("Rencana aksi tidak ditemukan.", "Rencana aksi not found."),
    "rencana_aksi.unknown_rhk": (
        "RHK ini bukan bagian dari SKP evaluasi ini.",
        "This RHK is not part of this evaluation's SKP.",
    ),
    "rencana_aksi.text_required": (
        "Uraian rencana aksi wajib diisi.",
        "The rencana aksi needs a text.",
    ),
    "rencana_aksi.not_number": (
        'Target rencana aksi "{value}" bukan angka.',
        'The rencana aksi target "{value}" is not a number.',
    ),
    "rencana_aksi.negative": (
        "Target rencana aksi tidak boleh negatif ({value}).",
        "A rencana aksi target cannot be negative ({value}).",
    ),
    "rencana_aksi.unit_too_long": (
        "Satuan target paling panjang {limit} karakter.",
        "The target unit may be at most {limit} characters long.",
    ),
    "rencana_aksi.annual": (
        "Rencana aksi ditulis per periode ({example}), bukan untuk evaluasi tahunan.",
        "Rencana aksi are written per period ({example}), not for the annual evaluation.",
    ),
    "rencana_aksi.not_editable": (
        "Evaluasi berstatus {status}; rencana aksi hanya bisa diubah pada status Draft atau "
        "Dikembalikan.",
        "The evaluation is {status}; rencana aksi can change only in Draft or Returned.",
    ),
    "rencana_aksi.not_owned": (
        "Rencana aksi ini milik kantor {office} dan hanya bisa diubah di sana.",
        "This rencana aksi belongs to office {office} and can only be changed there.",
    ),
    "rencana_aksi.bad_order": (
        "Urutan baru harus memuat tepat semua rencana aksi RHK ini, masing-masing sekali.",
        "The new order must list every rencana aksi of this RHK exactly once.",
    ),
    "rencana_aksi.no_previous": (
        "{period} adalah periode pertama tahun SKP; tidak ada periode sebelumnya untuk disalin.",
        "{period} is the first period of the SKP year; there is no earlier period to copy.",
    ),
    "rencana_aksi.previous_empty": (
        "Periode {period} belum punya rencana aksi untuk disalin.",
        "Period {period} has no rencana aksi to copy.",
    ),
    "rencana_aksi.evidence_other": (
        "Rencana aksi itu milik RHK atau periode lain; bukti hanya bisa ditautkan ke rencana "
        "aksi RHK yang sama pada periode evaluasi ini.",
        "That rencana aksi belongs to another RHK or period; evidence can only be linked to a "
        "rencana aksi of the same RHK in this evaluation's period.",
    ),
    # assessments (services/assessments.py)
    "assessment.not_penilai": (
        "Hanya penilai langsung pegawai ini yang boleh menilai dan menyetujui.",
        "Only this employee's direct penilai may rate and approve.",
    ),
    "assessment.rating_missing": (
        "Rating hasil kerja dan rating perilaku kerja wajib dipilih.",
        "Both the rating hasil kerja and the rating perilaku kerja must be chosen.",
    ),
    "assessment.reason_required": (
        "Rating hasil kerja berbeda dari saran aplikasi ({suggested}); tuliskan alasannya.",
        "The rating hasil kerja differs from the suggestion ({suggested}); write the reason.",
    ),
    "assessment.admin_only": (
        "Hanya admin yang boleh membuka kembali evaluasi yang sudah disetujui.",
        "Only an admin may reopen an approved evaluation.",
    ),
    # completion monitor (services/completion.py)
    "completion.no_skp": ("Belum ada SKP disetujui", "No approved SKP"),
    "completion.not_started": ("Belum dimulai", "Not started"),
    "completion.no_realisation": ("Realisasi belum lengkap", "Realisations incomplete"),
    "completion.not_submitted": ("Belum diajukan", "Not submitted"),
    "completion.no_rating": ("Belum dinilai", "Not rated"),
    "completion.not_approved": ("Belum disetujui", "Not approved"),
    "completion.done": ("Selesai", "Done"),
    "cli.evaluations_status": (
        "{period}: {total} pegawai, {done} selesai, {open} belum.",
        "{period}: {total} employees, {done} done, {open} open.",
    ),
    "cli.realisations_done": (
        "Realisasi diimpor — jumlah realisasi (satu per indikator pegawai): {created} baru, "
        "{updated} diubah, {unchanged} tetap.",
        "Realisations imported — realisations (one per employee indicator): {created} new, "
        "{updated} changed, {unchanged} unchanged.",
    ),
    "cli.realisations_dry_run": (
        "Uji coba impor realisasi (tidak ada yang disimpan) — jumlah realisasi (satu per "
        "indikator pegawai): {created} baru, {updated} diubah, {unchanged} tetap.",
        "Realisation import dry run (nothing was saved) — realisations (one per employee "
        "indicator): {created} to create, {updated} to update, {unchanged} unchanged.",
    ),
    "cli.realisations_exported": (
        "{rows} baris realisasi diekspor ke {path}",
        "{rows} realisation rows exported to {path}",
    ),
    "cli.realisations_exported_one": (
        "1 baris realisasi diekspor ke {path}",
        "1 realisation row exported to {path}",
    ),
    # rencana aksi sheet and command line (services/evaluation/rencana_aksi_sheets.py)
    "rencana_aksi.no_skp": (
        "NIP {value} tidak punya SKP {year} yang disetujui (atau bukan pegawai kantor ini).",
        "NIP {value} has no approved SKP for {year} (or is not an employee of this office).",
    ),
    "rencana_aksi.unknown_code": (
        "Kode RHK {value} tidak ada pada SKP pegawai ini.",
        "RHK code {value} is not in this employee's SKP.",
    ),
    "rencana_aksi.bad_order_cell": (
        "No rencana aksi harus bilangan bulat mulai dari 1 (bukan {value}).",
        "The rencana aksi No must be a whole number from 1 (not {value}).",
    ),
    "rencana_aksi.duplicate_row": (
        "Baris untuk NIP {value} RHK {key} No {order} muncul lebih dari sekali (baris {first}).",
        "The row for NIP {value} RHK {key} No {order} appears more than once (row {first}).",
    ),
    "cli.rencana_aksi_done": (
        "Rencana aksi diimpor: {created} baru, {updated} diubah, {unchanged} tetap.",
        "Rencana aksi imported: {created} new, {updated} changed, {unchanged} unchanged.",
    ),
    "cli.rencana_aksi_dry_run": (
        "Uji coba impor rencana aksi (tidak ada yang disimpan): {created} baru, {updated} "
        "diubah, {unchanged} tetap.",
        "Rencana aksi import dry run (nothing was saved): {created} to create, {updated} to "
        "update, {unchanged} unchanged.",
    ),
    "cli.rencana_aksi_exported": (
        "{rows} baris rencana aksi diekspor ke {path}",
        "{rows} rencana aksi rows exported to {path}",
    ),
    # completion monitor: the deadline in words (domain/periods.py deadline_text)
    "deadline.left": ("{days} hari lagi", "{days} days left"),
    "deadline.left_one": ("1 hari lagi", "1 day left"),
    "deadline.today": ("batas hari ini", "due today"),
    "deadline.late": ("terlambat {days} hari", "{days} days late"),
    "deadline.late_one": ("terlambat 1 hari", "1 day late"),
}
