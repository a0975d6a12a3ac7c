"""Message codes (code -> Indonesian, English) of the register: offices, employees and their
assignments, external penilai and the register check.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # The employee register (services/employee_admin.py, register_checks.py, employee_sheets.py)
    "employee.not_found": ("Pegawai tidak ditemukan.", "Employee not found."),
    "employee.nip_taken": (
        "NIP {nip} sudah dipakai oleh {name}.",
        "NIP {nip} is already used by {name}.",
    ),
    "employee.nip_deleted": (
        "NIP {nip} milik data pegawai terhapus ({name}); tambahkan sebagai pegawai baru untuk "
        "memulihkannya.",
        "NIP {nip} belongs to a deleted employee ({name}); add it as a new employee to "
        "restore that record.",
    ),
    "employee.gender_required": ("Jenis kelamin belum diisi.", "The gender is empty."),
    "employee.name_required": ("Nama pegawai belum diisi.", "The employee's name is empty."),
    "employee.jabatan_required": ("Nama jabatan belum diisi.", "The jabatan is empty."),
    "employee.grade_status": (
        "Golongan {value} tidak sesuai untuk {status}; pilih golongan {choices}.",
        "Golongan {value} does not fit {status}; choose a golongan {choices}.",
    ),
    "employee.level_required": (
        "Jenjang wajib diisi untuk jabatan fungsional.",
        "A functional position needs its jenjang.",
    ),
    "employee.level_unexpected": (
        "Jenjang hanya diisi untuk jabatan fungsional (jenis jabatan ini: {kind}).",
        "A jenjang is only for functional positions (this position: {kind}).",
    ),
    "employee.office_unknown": (
        "Kantor {value} tidak dikenal. Pakai kode kantor dari daftar (contoh NGL-GRL).",
        "Office {value} is not known. Use an office code from the list (for example NGL-GRL).",
    ),
    "employee.atasan_both": (
        "Pilih atasan dari pegawai atau dari penilai luar, tidak keduanya.",
        "Choose the atasan among employees or external penilai, not both.",
    ),
    "employee.external_unknown": (
        "Penilai luar yang dipilih tidak ditemukan.",
        "The chosen external penilai was not found.",
    ),
    "employee.atasan_missing": (
        "Atasan yang dipilih tidak ditemukan.",
        "The chosen atasan was not found.",
    ),
    "employee.atasan_self": (
        "Pegawai tidak dapat menjadi atasan dirinya sendiri.",
        "An employee cannot be their own atasan.",
    ),
    "employee.atasan_inactive": (
        "{name} sudah tidak aktif dan tidak dapat dipilih sebagai atasan.",
        "{name} is no longer active and cannot be chosen as atasan.",
    ),
    "employee.atasan_cycle": (
        "Atasan ini membuat lingkaran atasan–bawahan: {chain}.",
        "This atasan makes a circle of atasan and subordinates: {chain}.",
    ),
    "employee.atasan_unknown_nip": (
        "Atasan dengan NIP {value} tidak ada di berkas ini, di database, maupun di daftar "
        "penilai luar.",
        "No atasan with NIP {value} in this file, in the database or among external penilai.",
    ),
    "employee.atasan_unknown_name": (
        "Penilai luar bernama {value} tidak ditemukan; isi NIP Atasan.",
        "No external penilai named {value}; fill in the atasan's NIP.",
    ),
    "employee.acting_not_head": (
        "Tanda Plt./Plh. hanya untuk kepala kantor.",
        "Plt./Plh. applies only to the head of an office.",
    ),
    "employee.head_taken": (
        "Kantor {office} sudah mempunyai kepala definitif: {name}. Lepaskan dulu tanda kepala "
        "itu atau tandai yang ini sebagai Plt./Plh.",
        "Office {office} already has a definitive head: {name}. Remove that mark first or mark "
        "this one as Plt./Plh.",
    ),
    "employee.text_too_long": (
        "Isian ini terlalu panjang: paling banyak {limit} karakter.",
        "This entry is too long: at most {limit} characters.",
    ),
    "employee.kelas_range": (
        "Kelas jabatan {value} tidak dikenal; isi angka 1 sampai 17 atau kosongkan.",
        "Kelas jabatan {value} is not known; enter a number from 1 to 17 or leave it empty.",
    ),
    "employee.date_future": (
        "Tanggal {value} berada di masa depan; catat perubahan pada saat terjadi.",
        "The date {value} is in the future; record the change when it happens.",
    ),
    "employee.date_order": (
        "Tanggal mutasi {value} harus sesudah tanggal mulai jabatan sekarang ({start}).",
        "The mutasi date {value} must be after the start of the current position ({start}).",
    ),
    "employee.start_before_previous": (
        "TMT jabatan {value} harus sesudah mulai jabatan sebelumnya ({start}).",
        "The start date {value} must be after the start of the previous position ({start}).",
    ),
    "employee.start_after_end": (
        "TMT jabatan {value} jatuh sesudah jabatan itu berakhir ({end}).",
        "The start date {value} is after that position ended ({end}).",
    ),
    "employee.leave_before_start": (
        "Tanggal keluar {value} sebelum mulai jabatan sekarang ({start}).",
        "The leaving date {value} is before the start of the current position ({start}).",
    ),
    "employee.mutasi_unchanged": (
        "Mutasi harus mengubah kantor, jabatan, golongan, atasan atau status kepala.",
        "A mutasi must change the office, jabatan, golongan, atasan or head status.",
    ),
    "employee.no_assignment": (
        "{name} belum mempunyai jabatan; catat dengan mutasi.",
        "{name} has no position yet; record one with a mutasi.",
    ),
    "employee.no_previous": (
        "{name} tidak mempunyai mutasi yang dapat dibatalkan.",
        "{name} has no mutasi that can be cancelled.",
    ),
    "employee.inactive": (
        "{name} tidak aktif atau tidak mempunyai jabatan yang berjalan.",
        "{name} is inactive or has no current position.",
    ),
    "employee.already_inactive": ("{name} sudah tidak aktif.", "{name} is already inactive."),
    "employee.not_inactive": ("{name} masih aktif.", "{name} is still active."),
    "employee.leaving_subordinates": (
        "{name} masih menjadi atasan {count} pegawai aktif; pilih atasan baru untuk mereka.",
        "{name} is still the atasan of {count} active employees; choose a new atasan for them.",
    ),
    "employee.leaving_subordinates_one": (
        "{name} masih menjadi atasan 1 pegawai aktif; pilih atasan baru untuknya.",
        "{name} is still the atasan of 1 active employee; choose a new atasan for them.",
    ),
    "employee.has_evaluations": (
        "{name} sudah mempunyai SKP atau evaluasi sehingga tidak dapat dihapus. Catat pegawai "
        "keluar (pensiun, mutasi keluar, meninggal, berhenti) sebagai gantinya.",
        "{name} already has an SKP or evaluations and cannot be deleted. Record the leaving "
        "(retired, transferred out, deceased, resigned) instead.",
    ),
    "employee.is_atasan": (
        "{name} masih menjadi atasan {count} pegawai; ganti atasan mereka dahulu.",
        "{name} is still the atasan of {count} employees; change their atasan first.",
    ),
    "employee.is_atasan_one": (
        "{name} masih menjadi atasan 1 pegawai; ganti atasannya dahulu.",
        "{name} is still the atasan of 1 employee; change their atasan first.",
    ),
    "employee.duplicate_in_file": (
        "NIP {nip} sudah muncul di baris {line} berkas ini.",
        "NIP {nip} already appears in row {line} of this file.",
    ),
    "employee.inactive_changed": (
        "{name} sudah tidak aktif; aktifkan kembali di aplikasi sebelum mengubahnya lewat impor.",
        "{name} is inactive; reactivate them in the application before changing them by import.",
    ),
    "employee.inactive_unchanged": (
        "{name} sudah tidak aktif; baris ini dilewati.",
        "{name} is inactive; this row was skipped.",
    ),
    "record.not_owned": (
        "Data {name} dikelola oleh kantor {office}; di sini hanya dapat dibaca.",
        "{name} is managed by office {office}; here it can only be read.",
    ),
    # services/common/conflicts.py: every stale editor save, whatever the record.
    "record.changed": (
        "Data ini diubah oleh {user} pada {at}; muat ulang.",
        "This record was changed by {user} at {at}; reload it.",
    ),
    # Offices and external penilai (services/office_admin.py)
    "office.not_found": ("Kantor {value} tidak ditemukan.", "Office {value} not found."),
    "office.exists": ("Kode kantor {value} sudah dipakai.", "Office code {value} is taken."),
    "office.code_fixed": (
        "Kode kantor {value} tidak dapat diubah (dipakai oleh paket sinkronisasi).",
        "Office code {value} cannot be changed (sync packages use it).",
    ),
    "office.parent_unknown": (
        "Kantor induk {value} tidak ditemukan.",
        "Parent office {value} not found.",
    ),
    "office.parent_cycle": (
        "Kantor {value} berada di bawah kantor ini, jadi tidak dapat menjadi induknya.",
        "Office {value} sits below this office, so it cannot be its parent.",
    ),
    "office.logo_invalid": (
        "Logo harus gambar PNG atau JPEG, paling besar {size} KB.",
        "The logo must be a PNG or JPEG image of at most {size} KB.",
    ),
    "office.logo_unreadable": (
        "Berkas logo {path} tidak dapat dibaca.",
        "The logo file {path} cannot be read.",
    ),
    "office.is_home": (
        "Kantor {value} adalah kantor database ini dan tidak dapat dihapus.",
        "Office {value} is this database's home office and cannot be deleted.",
    ),
    "office.has_employees": (
        "Kantor {value} masih mempunyai {count} pegawai aktif dan tidak dapat dihapus.",
        "Office {value} still has {count} active employees and cannot be deleted.",
    ),
    "office.has_employees_one": (
        "Kantor {value} masih mempunyai 1 pegawai aktif dan tidak dapat dihapus.",
        "Office {value} still has 1 active employee and cannot be deleted.",
    ),
    "office.has_children": (
        "Kantor {value} masih menjadi induk kantor {children} dan tidak dapat dihapus.",
        "Office {value} is still the parent of {children} and cannot be deleted.",
    ),
    "office.has_data": (
        "Kantor {value} masih mempunyai {count} data IKU, survei atau capaian organisasi dan "
        "tidak dapat dihapus.",
        "Office {value} still has {count} IKU, survey or organisation records and cannot be "
        "deleted.",
    ),
    "office.has_data_one": (
        "Kantor {value} masih mempunyai 1 data IKU, survei atau capaian organisasi dan "
        "tidak dapat dihapus.",
        "Office {value} still has 1 IKU, survey or organisation record and cannot be deleted.",
    ),
    "office.head_not_here": (
        "Pegawai itu tidak bertugas aktif di kantor {value}.",
        "That employee does not currently work at office {value}.",
    ),
    "external.name_required": ("Nama penilai belum diisi.", "The penilai's name is empty."),
    "external.jabatan_required": (
        "Jabatan penilai belum diisi.",
        "The penilai's jabatan is empty.",
    ),
    "external.not_found": ("Penilai luar tidak ditemukan.", "External penilai not found."),
    "external.in_use": (
        "{name} masih menjadi penilai {count} pegawai dan tidak dapat dihapus.",
        "{name} is still the penilai of {count} employees and cannot be deleted.",
    ),
    "external.in_use_one": (
        "{name} masih menjadi penilai 1 pegawai dan tidak dapat dihapus.",
        "{name} is still the penilai of 1 employee and cannot be deleted.",
    ),
    # Register check (services/register_checks.py)
    "register.no_assignment": (
        "{name} (NIP {nip}) aktif tetapi tidak mempunyai jabatan yang berjalan.",
        "{name} (NIP {nip}) is active but has no current position.",
    ),
    "register.no_atasan": (
        "{name} (NIP {nip}) belum mempunyai atasan (pejabat penilai).",
        "{name} (NIP {nip}) has no atasan (pejabat penilai).",
    ),
    "register.atasan_inactive": (
        "Atasan {name} (NIP {nip}), yaitu {atasan}, sudah tidak aktif.",
        "The atasan of {name} (NIP {nip}), {atasan}, is no longer active.",
    ),
    "register.atasan_unrelated": (
        "Atasan {name} (NIP {nip}), yaitu {atasan}, bertugas di {atasan_office}, bukan di "
        "{office}, kantor induknya, atau kantor di bawahnya.",
        "The atasan of {name} (NIP {nip}), {atasan}, works at {atasan_office}, not at {office}, "
        "its parent or an office below it.",
    ),
    "register.nip_issue": ("{name} (NIP {nip}): {detail}", "{name} (NIP {nip}): {detail}"),
    # Office codes and names (domain/offices.py, services/office_admin.py)
    "office.code_required": ("Kode kantor belum diisi.", "The office code is empty."),
    "office.code_invalid": (
        "Kode kantor {value} tidak sah: gunakan huruf besar, angka dan tanda hubung "
        "(contoh NGL-GRL), paling panjang 32 karakter.",
        "Office code {value} is not valid: use capital letters, digits and hyphens "
        "(for example NGL-GRL), at most 32 characters.",
    ),
    "office.name_required": ("Nama kantor belum diisi.", "The office name is empty."),
    "office.parent_self": (
        "Kantor {value} tidak dapat menjadi induk dirinya sendiri.",
        "Office {value} cannot be its own parent.",
    ),
}
