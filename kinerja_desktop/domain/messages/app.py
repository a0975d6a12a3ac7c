"""Catalogue entries of the application edges: command line, set-up, accounts and sign-in,
backups and restore, checks and the demo.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
Same shape: code -> (Indonesian, English).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
    "demo.city_kecamatan": (
        "Kecamatan {n}/{total} {name}: {employees} pegawai dengan riwayat 2022-2026 ditulis "
        "({seconds} detik).",
        "Kecamatan {n}/{total} {name}: {employees} employees with their 2022-2026 history "
        "written ({seconds} s).",
    ),
    "demo.city_sync": (
        "Paket lengkap {office} ({rows} baris) lewat sinkronisasi: ekspor {export} detik, impor "
        "{import_} detik; {created} baru, {unchanged} sama, {updated} diubah, {conflicts} "
        "konflik, {rejected} ditolak.",
        "Full package of {office} ({rows} rows) through sync: export {export} s, import "
        "{import_} s; {created} new, {unchanged} unchanged, {updated} updated, {conflicts} "
        "conflicts, {rejected} rejected.",
    ),
    "cli.demo_city_done": (
        "Database demo kota dibuat: {path} ({offices} kantor, {employees} pegawai, "
        "{evaluations} evaluasi; {size_mb} MB, {seconds} detik).",
        "Demo city database written: {path} ({offices} offices, {employees} employees, "
        "{evaluations} evaluations; {size_mb} MB, {seconds} s).",
    ),
    "cli.demo_reused": (
        "Database demo sudah ada, dibuka apa adanya: {path}",
        "The demo database already exists and is opened as it is: {path}",
    ),
    "cli.init_done": (
        "Database baru untuk {office} — {name} dibuat: {path}",
        "New database for {office} — {name} written: {path}",
    ),
    "cli.parent_set": (
        "Kantor {parent} kini induk {office}; paket berikutnya dikirim ke {parent}.",
        "Office {parent} is now the parent of {office}; the next package goes to {parent}.",
    ),
    "cli.parent_unchanged": (
        "Kantor {parent} sudah menjadi induk {office}; tidak ada yang diubah.",
        "Office {parent} is already the parent of {office}; nothing changed.",
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
    "cli.confirm_required": (
        "Perintah ini mengubah data. Ulangi dengan --yes untuk mengonfirmasi.",
        "This command changes data. Run it again with --yes to confirm.",
    ),
}
