"""Catalogue entries of the application edges: command line, set-up, checks and demo.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; kept apart so the domain rule
messages stay readable. Same shape: code -> (Indonesian, English).
"""

from __future__ import annotations

APP_MESSAGES: dict[str, tuple[str, str]] = {
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
    "init.exists": (
        "Berkas {path} sudah berisi database. Pilih nama berkas lain; data yang ada tidak diubah.",
        "The file {path} already holds a database. Choose another file name; nothing was changed.",
    ),
    "demo.exists": (
        "Berkas {path} sudah ada. Tambahkan --force untuk menimpanya dengan database demo.",
        "The file {path} already exists. Add --force to replace it with the demo database.",
    ),
    "demo.file_held": (
        "Berkas {path} tidak dapat dihapus karena sedang dibuka oleh program lain ({programs}); "
        "tutup program itu (juga Kinerja Desktop di jendela lain, antivirus atau OneDrive yang "
        "sedang memindai berkas itu) lalu coba lagi. Database lama tetap utuh; database demo "
        "belum dibuat.",
        "The file {path} could not be deleted because another program has it open "
        "({programs}); close that program (also Kinerja Desktop in another window, an "
        "antivirus or OneDrive scanning the file) and try again. The old database is intact; "
        "the demo database was not created.",
    ),
    "demo.unknown_office": (
        "Kantor {office} tidak ada dalam data demo Kecamatan Nanggalo.",
        "Office {office} is not part of the Kecamatan Nanggalo demo data.",
    ),
    "check.no_atasan": (
        "{name} (NIP {nip}) belum mempunyai atasan (pejabat penilai).",
        "{name} (NIP {nip}) has no atasan (pejabat penilai).",
    ),
    "check.no_schema": (
        "Berkas ini bukan database Kinerja Desktop (tidak ada skema).",
        "This file is not a Kinerja Desktop database (no schema).",
    ),
    "check.older_schema": (
        "Skema database revisi {db_revision} lebih lama dari aplikasi ({app_revision}); "
        "akan diperbarui otomatis (dengan cadangan) saat dibuka.",
        "The database schema revision {db_revision} is older than the application "
        "({app_revision}); it is upgraded automatically (after a backup) when opened.",
    ),
    "cli.demo_done": (
        "Database demo dibuat: {path} ({offices} kantor, {employees} pegawai, {indicators} "
        "indikator, {evaluations} evaluasi).",
        "Demo database written: {path} ({offices} offices, {employees} employees, "
        "{indicators} indicators, {evaluations} evaluations).",
    ),
    "cli.demo_reused": (
        "Database demo sudah ada, dibuka apa adanya: {path}",
        "The demo database already exists and is opened as it is: {path}",
    ),
    "cli.init_done": (
        "Database baru untuk {office} — {name} dibuat: {path}",
        "New database for {office} — {name} written: {path}",
    ),
    "cli.migrated": (
        "Skema diperbarui dari revisi {old} ke {new}. Cadangan: {backup}",
        "Schema upgraded from revision {old} to {new}. Backup: {backup}",
    ),
    "cli.up_to_date": (
        "Skema database sudah terbaru (revisi {revision}).",
        "The database schema is up to date (revision {revision}).",
    ),
    "cli.check_ok": (
        "Database baik: {path} (skema {schema}).",
        "Database is healthy: {path} (schema {schema}).",
    ),
    "cli.check_failed": (
        "Database bermasalah: {path} (skema {schema}).",
        "Database has problems: {path} (schema {schema}).",
    ),
    "cli.backup_done": ("Cadangan ditulis: {backup}", "Backup written: {backup}"),
    "cli.snapshot_done": ("Gambar tampilan disimpan: {out}", "View image saved: {out}"),
    "cli.unexpected": (
        "Perintah berhenti karena kesalahan tak terduga ({error}); perubahan yang belum selesai "
        "tidak disimpan. Rincian untuk pengelola aplikasi ada di {log}",
        "The command stopped on an unexpected error ({error}); unfinished changes were not "
        "saved. Details for the application maintainer are in {log}",
    ),
    "gui.unexpected": (
        "Terjadi kesalahan yang tidak terduga. Pekerjaan yang sudah disimpan aman. Rinciannya "
        "dicatat di berkas log; jika terjadi lagi, salin keterangan di bawah dan kirimkan "
        "bersama berkas log itu ke pengelola aplikasi.",
        "An unexpected error occurred. Work already saved is safe. The details are in the log "
        "file; if it happens again, copy the lines below and send them with that log file to "
        "the application maintainer.",
    ),
    "gui.error_reference": (
        "Kesalahan: {kind}\nWaktu: {time}\nBerkas log: {log}",
        "Error: {kind}\nTime: {time}\nLog file: {log}",
    ),
    "cli.interrupted": (
        "Perintah dihentikan; perubahan yang belum selesai tidak disimpan.",
        "The command was stopped; unfinished changes were not saved.",
    ),
    "cli.db_held": (
        "Database {path} sedang dipakai untuk menulis oleh pengguna {user} di komputer "
        "{computer} sejak {since}; perintah ini mengubah data, jadi tidak dijalankan. Tutup "
        "aplikasi itu lalu coba lagi (perintah yang hanya membaca tetap bisa dijalankan).",
        "The database {path} is in use for writing by user {user} on computer {computer} "
        "since {since}; this command changes data, so it was not run. Close that program and "
        "try again (commands that only read still work).",
    ),
    "db.write_collision": (
        "Database menolak penyimpanan karena bertabrakan dengan data yang sudah ada, misalnya "
        "impor yang sama berjalan dua kali bersamaan; perintah ini tidak mengubah apa pun. "
        "Jalankan lagi untuk melihat keadaan terbaru.",
        "The database refused to save because the data collides with what is already there, "
        "for example the same import running twice at once; this command changed nothing. "
        "Run it again to see the current state.",
    ),
    "db.busy": (
        "Database sedang ditulis oleh program lain dan tidak selesai tepat waktu; perintah ini "
        "tidak mengubah apa pun. Coba lagi sebentar lagi.",
        "The database is being written by another program that did not finish in time; this "
        "command changed nothing. Try again in a moment.",
    ),
    "account.role_unknown": (
        "Peran {value} tidak dikenal (pilih admin, operator, penilai, pimpinan).",
        "Unknown role {value} (choose admin, operator, penilai, pimpinan).",
    ),
    "account.roles_required": ("Pilih paling sedikit satu peran.", "Choose at least one role."),
    "account.password_short": (
        "Kata sandi terlalu pendek: paling sedikit {minimum} karakter.",
        "The password is too short: at least {minimum} characters.",
    ),
    "account.unknown": ("Pengguna {value} tidak ditemukan.", "User {value} not found."),
    "account.employee_unknown": (
        "Pegawai yang dipilih untuk akun ini tidak ditemukan.",
        "The employee chosen for this account was not found.",
    ),
    "account.username_invalid": (
        "Nama pengguna {value} tidak sah: gunakan huruf, angka, titik, garis bawah atau tanda "
        "hubung tanpa spasi.",
        "User name {value} is not valid: use letters, digits, dots, underscores or hyphens, "
        "without spaces.",
    ),
    "account.exists": ("Nama pengguna {value} sudah dipakai.", "User name {value} is taken."),
    "account.penilai_needs_employee": (
        "Akun dengan peran Penilai harus dihubungkan ke seorang pegawai.",
        "An account with the Penilai role must be linked to an employee.",
    ),
    "account.last_admin": (
        "Akun {value} adalah admin aktif terakhir dan tidak dapat dinonaktifkan.",
        "Account {value} is the last active admin and cannot be disabled.",
    ),
    "auth.failed": (
        "Nama pengguna atau kata sandi salah.",
        "Wrong user name or password.",
    ),
    "auth.locked": (
        "Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi setelah pukul "
        "{until}.",
        "The account is locked after too many failed attempts. Try again after {until}.",
    ),
    "auth.disabled": (
        "Akun {value} dinonaktifkan. Hubungi admin aplikasi.",
        "Account {value} is disabled. Ask the application admin.",
    ),
    "permission.denied": (
        "Akun {value} tidak berwenang melakukan ini (perlu peran: {roles}).",
        "Account {value} may not do this (needs role: {roles}).",
    ),
    "employee.unknown_nip": (
        "Pegawai dengan NIP {nip} tidak ditemukan.",
        "No employee with NIP {nip}.",
    ),
    "cli.password_mismatch": (
        "Kedua kata sandi tidak sama; tidak ada yang diubah.",
        "The two passwords differ; nothing was changed.",
    ),
    "cli.password_missing": (
        "Kata sandi tidak diberikan (ketik di terminal atau kirim lewat stdin).",
        "No password was given (type it in a terminal or send it on stdin).",
    ),
    "cli.no_users": ("Belum ada akun.", "No accounts yet."),
    "cli.user_added": ("Akun {username} dibuat.", "Account {username} created."),
    "cli.password_set": (
        "Kata sandi akun {username} diganti.",
        "The password of {username} was changed.",
    ),
    "cli.user_enabled": ("Akun {username} diaktifkan.", "Account {username} enabled."),
    "cli.user_disabled": ("Akun {username} dinonaktifkan.", "Account {username} disabled."),
    "cli.no_backups": ("Belum ada cadangan untuk {path}.", "No backups of {path} yet."),
    "cli.restore_question": (
        "Database {path} akan diganti dengan isi cadangan {backup} (keadaan sekarang dicadangkan "
        "dulu). Lanjutkan?",
        "The database {path} will be replaced by the backup {backup} (the current state is "
        "backed up first). Continue?",
    ),
    "cli.restored": (
        "Database dipulihkan dari {backup}. Keadaan sebelumnya disimpan di {safety}. Paket "
        "sinkronisasi berikutnya akan berupa paket lengkap.",
        "Database restored from {backup}. The previous state is kept in {safety}. The next sync "
        "package will be a full one.",
    ),
    "restore.not_backup": (
        "{path} bukan cadangan database Kinerja Desktop yang utuh; tidak ada yang diubah.",
        "{path} is not an intact Kinerja Desktop database backup; nothing was changed.",
    ),
    "restore.newer": (
        "Cadangan {path} dibuat oleh versi aplikasi yang lebih baru (revisi {db_revision}); "
        "perbarui aplikasi dahulu. Tidak ada yang diubah.",
        "The backup {path} was made by a newer application version (revision {db_revision}); "
        "update the application first. Nothing was changed.",
    ),
    "backup.write_failed": (
        "Cadangan tidak dapat ditulis ke {path} ({error}). Periksa ruang disk; database tidak "
        "diubah.",
        "The backup could not be written to {path} ({error}). Check the disk space; the database "
        "was not changed.",
    ),
    "permission.not_subordinate": (
        "Akun {value} hanya dapat menilai bawahan langsungnya.",
        "Account {value} may only assess their direct subordinates.",
    ),
    "cli.demo_accounts": (
        "Akun demo (nama pengguna, kata sandi, peran):",
        "Demo accounts (user name, password, roles):",
    ),
    # Spreadsheets (spreadsheet/reader.py, writer.py). {path} is the file name.
    "sheet.missing": ("Berkas {path} tidak ditemukan.", "File {path} not found."),
    "sheet.not_xlsx": (
        "Berkas {path} bukan buku kerja Excel (.xlsx). Buka di Excel atau LibreOffice lalu "
        "simpan sebagai 'Excel Workbook (.xlsx)'.",
        "File {path} is not an Excel workbook (.xlsx). Open it in Excel or LibreOffice and "
        "save it as 'Excel Workbook (.xlsx)'.",
    ),
    "sheet.old_xls": (
        "Berkas {path} berformat Excel lama (.xls). Buka di Excel lalu simpan sebagai .xlsx.",
        "File {path} is in the old Excel format (.xls). Open it in Excel and save it as .xlsx.",
    ),
    "sheet.encrypted": (
        "Berkas {path} dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File > Info > "
        "Lindungi Buku Kerja), simpan, lalu impor lagi.",
        "File {path} is password-protected. Open it in Excel, remove the password (File > Info > "
        "Protect Workbook), save, and import again.",
    ),
    "sheet.damaged": (
        "Berkas {path} rusak atau tidak lengkap sehingga tidak dapat dibaca ({error}). Simpan "
        "ulang dari Excel atau minta berkas yang baru.",
        "File {path} is damaged or incomplete and cannot be read ({error}). Save it again from "
        "Excel or ask for a new copy.",
    ),
    "sheet.empty": (
        "Lembar {sheet} pada berkas {path} kosong.",
        "Sheet {sheet} of file {path} is empty.",
    ),
    "sheet.no_header": (
        "Baris judul kolom tidak ditemukan pada {scan} baris pertama lembar {sheet} berkas "
        "{path}. Kolom wajib: {columns}.",
        "No header row was found in the first {scan} rows of sheet {sheet} in file {path}. "
        "Required columns: {columns}.",
    ),
    "sheet.missing_columns": (
        "Berkas {path} tidak mempunyai kolom wajib: {columns}. Buat templat dari aplikasi agar "
        "judul kolomnya benar.",
        "File {path} lacks the required columns: {columns}. Make a template from the application "
        "so the headers are right.",
    ),
    "sheet.duplicate_column": (
        "Kolom {column} pada berkas {path} sama dengan kolom {other} (sel {cell}). Hapus salah "
        "satunya.",
        "Column {column} in file {path} duplicates column {other} (cell {cell}). Remove one "
        "of them.",
    ),
    "sheet.unknown_column": (
        "Kolom {column} tidak dikenal dan diabaikan.",
        "Column {column} is not known and was ignored.",
    ),
    "sheet.no_rows": (
        "Lembar {sheet} pada berkas {path} tidak berisi baris data di bawah judul kolom.",
        "Sheet {sheet} of file {path} has no data rows below the header.",
    ),
    "sheet.too_many_rows": (
        "Berkas {path} berisi lebih dari {limit} baris data. Bagi menjadi beberapa berkas yang "
        "masing-masing paling banyak {limit} baris, lalu impor satu per satu.",
        "File {path} has more than {limit} data rows. Split it into several files of at most "
        "{limit} rows each and import them one by one.",
    ),
    "sheet.merged": (
        "Berkas {path} berisi sel yang digabung (merge) di {cells}. Pisahkan sel itu (Unmerge "
        "Cells), isi setiap sel, lalu impor lagi.",
        "File {path} has merged cells at {cells}. Unmerge them, fill every cell, and import again.",
    ),
    "sheet.formula": (
        "Sel berisi rumus ({value}). Isi dengan nilai, bukan rumus (salin, lalu Tempel Khusus > "
        "Nilai).",
        "The cell holds a formula ({value}). Enter a value, not a formula (copy, then Paste "
        "Special > Values).",
    ),
    "sheet.required": ("Kolom {column} wajib diisi.", "Column {column} must be filled in."),
    "sheet.choice": (
        "Nilai {value} tidak dikenal untuk kolom {column}. Pilihan: {choices}.",
        "Value {value} is not allowed in column {column}. Choices: {choices}.",
    ),
    "sheet.not_number": ("{value} bukan angka.", "{value} is not a number."),
    "sheet.not_integer": ("{value} bukan bilangan bulat.", "{value} is not a whole number."),
    "sheet.not_date": (
        "{value} bukan tanggal (tulis misalnya 31-12-2025).",
        "{value} is not a date (write for example 31-12-2025).",
    ),
    "sheet.write_failed": (
        "Berkas {path} tidak dapat ditulis ({error}). Tutup berkas itu bila sedang terbuka di "
        "Excel, atau pilih folder lain.",
        "File {path} cannot be written ({error}). Close it if it is open in Excel, or choose "
        "another folder.",
    ),
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
    "employee.changed": (
        "Data {name} sudah diubah di tempat lain sejak dibuka (versi {expected} menjadi "
        "{actual}). Muat ulang lalu ulangi perubahan.",
        "{name} was changed elsewhere since it was opened (version {expected} is now "
        "{actual}). Reload and make the change again.",
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
    "record.changed": (
        "Data {name} sudah diubah di tempat lain sejak dibuka (versi {expected} menjadi "
        "{actual}). Muat ulang lalu ulangi perubahan.",
        "{name} was changed elsewhere since it was opened (version {expected} is now "
        "{actual}). Reload and make the change again.",
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
    # employees template|export|import (cli/employees.py)
    "cli.template_done": ("Templat ditulis: {path}", "Template written: {path}"),
    "cli.export_done": (
        "{rows} pegawai diekspor ke {path}",
        "{rows} employees exported to {path}",
    ),
    "cli.export_done_one": (
        "1 pegawai diekspor ke {path}",
        "1 employee exported to {path}",
    ),
    "cli.import_done": (
        "Impor pegawai selesai — jumlah pegawai: {created} baru, {updated} diubah, "
        "{unchanged} tidak berubah.",
        "Employee import done — employees: {created} created, {updated} updated, "
        "{unchanged} unchanged.",
    ),
    "cli.import_dry_run": (
        "Uji coba impor pegawai (tidak ada yang disimpan) — jumlah pegawai: {created} baru, "
        "{updated} diubah, {unchanged} tidak berubah.",
        "Employee import dry run (nothing was saved) — employees: {created} to create, "
        "{updated} to update, {unchanged} unchanged.",
    ),
    "cli.import_refused": (
        "Impor ditolak: {count} kesalahan di {path}; tidak ada data yang diubah.",
        "Import refused: {count} errors in {path}; no data was changed.",
    ),
    "cli.import_refused_one": (
        "Impor ditolak: 1 kesalahan di {path}; tidak ada data yang diubah.",
        "Import refused: 1 error in {path}; no data was changed.",
    ),
    "cli.where": ("baris {line}, kolom {column}", "row {line}, column {column}"),
    "cli.warning": ("Peringatan", "Warning"),
    "gui.platform_libraries": (
        "Jendela aplikasi tidak dapat dibuka: pustaka sistem {libraries} tidak ada. Pasang dulu "
        "(Debian/Ubuntu): sudo apt install {packages}",
        "The application window cannot open: the system libraries {libraries} are missing. "
        "Install them first (Debian/Ubuntu): sudo apt install {packages}",
    ),
    "gui.no_display": (
        "Jendela aplikasi tidak dapat dibuka: tidak ada layar (variabel DISPLAY kosong). "
        "Jalankan dari sesi desktop, atau gunakan perintah baris seperti check dan report.",
        "The application window cannot open: there is no display (DISPLAY is empty). Run it "
        "from a desktop session, or use command-line commands such as check and report.",
    ),
}
