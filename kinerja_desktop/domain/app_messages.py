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
        "Terjadi kesalahan tak terduga ({error}); tidak ada data yang diubah. Rincian: {log}",
        "An unexpected error occurred ({error}); no data was changed. Details: {log}",
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
}
