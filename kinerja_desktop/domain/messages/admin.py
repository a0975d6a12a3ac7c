"""Message codes (code -> Indonesian, English) for
accounts GUI, audit and backup views, settings and start-up.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "login.empty": ("Isi nama pengguna dan kata sandi.", "Enter a user name and a password."),
    "login.unknown_user": (
        "Nama pengguna {value} tidak dikenal di database ini.",
        "User name {value} is not known in this database.",
    ),
    "login.wrong_password": (
        "Kata sandi salah. Sisa {left} kali percobaan sebelum akun dikunci {minutes} menit.",
        "Wrong password. {left} attempts left before the account is locked for {minutes} minutes.",
    ),
    "login.locked": (
        "Akun {value} dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi "
        "{minutes} menit lagi (pukul {until}).",
        "Account {value} is locked after too many failed attempts. Try again in {minutes} "
        "minutes (at {until}).",
    ),
    "settings.paper": (
        "Ukuran kertas {value} tidak dikenal; pilih A4 atau F4.",
        "Unknown paper size {value}; choose A4 or F4.",
    ),
    "settings.language": (
        "Bahasa {value} tidak tersedia; pilih id atau en.",
        "Language {value} is not available; choose id or en.",
    ),
    "settings.frequency": (
        "Frekuensi evaluasi {value} tidak diperbolehkan; pilih triwulanan atau bulanan.",
        "Evaluation frequency {value} is not allowed; choose quarterly or monthly.",
    ),
    "settings.tpp_incomplete": (
        "Tabel persentase TPP harus berisi kelima predikat.",
        "The TPP percentage table must cover all five predikat.",
    ),
    "settings.tpp_range": (
        "Persentase TPP untuk {predikat} ({value}) harus antara 0 dan 100.",
        "The TPP percentage for {predikat} ({value}) must be between 0 and 100.",
    ),
    "settings.tpp_base_incomplete": (
        "Tabel TPP dasar harus berisi kelas jabatan 1 sampai 17.",
        "The TPP base table must cover kelas jabatan 1 to 17.",
    ),
    "settings.tpp_base_range": (
        "TPP dasar kelas jabatan {kelas} (Rp {value}) harus rupiah bulat antara 0 dan {maximum}.",
        "The TPP base of kelas jabatan {kelas} (Rp {value}) must be whole rupiah from 0 to "
        "{maximum}.",
    ),
    "settings.stale_days": (
        "Batas hari paket mitra ({value}) harus antara 1 dan 366.",
        "The partner package limit in days ({value}) must be between 1 and 366.",
    ),
    "settings.backup_budget": (
        "Batas ukuran folder cadangan {value} MB tidak dapat dipakai; isi 0 (tanpa batas) atau "
        "angka positif.",
        "A backup folder size limit of {value} MB cannot be used; enter 0 (no limit) or a "
        "positive number.",
    ),
    "backup.over_budget": (
        "Peringatan: folder cadangan memakai {used} MB, melebihi batas {budget} MB di "
        "Pengaturan. Cadangan yang tersisa dipertahankan menurut aturan penyimpanan (terbaru, "
        "harian, mingguan, bulanan), jadi tidak dihapus. Naikkan batasnya atau pindahkan "
        "folder cadangan ke disk yang lebih besar.",
        "Warning: the backup folder uses {used} MB, over the {budget} MB limit set in "
        "Settings. The remaining backups are kept by the retention rules (newest, daily, "
        "weekly, monthly), so they were not deleted. Raise the limit or move the backup "
        "folder to a larger disk.",
    ),
    "startup.read_only": (
        "Database {path} sedang dipakai oleh pengguna {user} di komputer {computer} sejak "
        "{since}. Database dibuka hanya baca: Anda dapat melihat data tetapi tidak dapat "
        "mengubahnya sampai program itu ditutup.",
        "The database {path} is in use by user {user} on computer {computer} since {since}. "
        "It is opened read-only: you can look at the data but not change it until that "
        "program is closed.",
    ),
    "startup.damaged": (
        "Berkas database rusak: {path}. Cadangan utuh terbaru dibuat {when} ({size}). "
        "Pulihkan dari cadangan itu? Berkas yang rusak tidak dihapus, tetapi disimpan dengan "
        "nama {aside}.",
        "The database file is damaged: {path}. The newest intact backup was made {when} "
        "({size}). Restore from it? The damaged file is not deleted but kept as {aside}.",
    ),
    "startup.damaged_no_backup": (
        "Berkas database rusak: {path}, dan tidak ada cadangan utuh di {folder}. Salin "
        "cadangan yang utuh ke folder itu atau hubungi admin aplikasi. Berkas tidak diubah.",
        "The database file is damaged: {path}, and there is no intact backup in {folder}. "
        "Copy an intact backup into that folder or ask the application admin. The file was "
        "not changed.",
    ),
    "startup.damaged_in_use": (
        "Pemeriksaan di latar belakang menemukan berkas database rusak: {path}. Database kini "
        "hanya baca agar kerusakannya tidak bertambah. Cadangan utuh terbaru dibuat {when} "
        "({size}). Pulihkan dari cadangan itu? Perubahan yang dibuat sesudah cadangan itu, "
        "termasuk yang dibuat sejak aplikasi dibuka, akan hilang. Berkas yang rusak tidak "
        "dihapus, tetapi disimpan dengan nama {aside}.",
        "A background check found the database file damaged: {path}. The database is now "
        "read-only so the damage does not grow. The newest intact backup was made {when} "
        "({size}). Restore from it? Changes made after that backup, including those made since "
        "the application started, will be lost. The damaged file is not deleted but kept as "
        "{aside}.",
    ),
    "startup.damaged_in_use_no_backup": (
        "Pemeriksaan di latar belakang menemukan berkas database rusak: {path}. Database kini "
        "hanya baca agar kerusakannya tidak bertambah, dan tidak ada cadangan utuh di {folder}. "
        "Salin cadangan yang utuh ke folder itu atau hubungi admin aplikasi.",
        "A background check found the database file damaged: {path}. The database is now "
        "read-only so the damage does not grow, and there is no intact backup in {folder}. "
        "Copy an intact backup into that folder or ask the application admin.",
    ),
    "startup.restored": (
        "Database dipulihkan dari cadangan {backup}. Berkas yang rusak disimpan sebagai {aside}.",
        "The database was restored from the backup {backup}. The damaged file is kept as {aside}.",
    ),
    "startup.no_users": (
        "Database ini belum mempunyai akun. Buat akun admin dengan perintah "
        "kinerja-desktop users add.",
        "This database has no accounts yet. Create an admin account with the command "
        "kinerja-desktop users add.",
    ),
    "admin.passwords_differ": (
        "Kedua kata sandi tidak sama.",
        "The two passwords differ.",
    ),
    "admin.restore_question": (
        "Database {path} ({counts}) akan diganti dengan isi cadangan tanggal {when} ({name}). "
        "Semua perubahan sesudah tanggal itu hilang dari database ini, tetapi keadaan sekarang "
        "dicadangkan dulu sehingga pemulihan ini dapat dibatalkan. Lanjutkan?",
        "The database {path} ({counts}) will be replaced by the backup of {when} ({name}). "
        "Every change after that date leaves this database, but the current state is backed "
        "up first so this restore can be undone. Continue?",
    ),
    "admin.restored": (
        "Database dipulihkan dari cadangan {name}. Keadaan sebelumnya disimpan sebagai {safety}.",
        "The database was restored from the backup {name}. The previous state is kept as {safety}.",
    ),
    "restore.missing": (
        "Berkas cadangan {path} tidak ditemukan. Database tidak diubah.",
        "The backup file {path} was not found. The database was not changed.",
    ),
    "restore.not_kinerja": (
        "Berkas {path} bukan database Kinerja Desktop, jadi tidak dapat dipulihkan. Database "
        "tidak diubah.",
        "The file {path} is not a Kinerja Desktop database, so it cannot be restored. The "
        "database was not changed.",
    ),
    "restore.damaged": (
        "Cadangan {path} rusak (tidak lolos pemeriksaan keutuhan SQLite); pilih cadangan lain. "
        "Database tidak diubah.",
        "The backup {path} is damaged (it fails SQLite's integrity check); choose another "
        "backup. The database was not changed.",
    ),
    "restore.office_required": (
        "Cadangan {path} milik kantor {backup_code}, sedangkan database ini milik kantor "
        "{live_code}. Ketik kode kantor cadangan ({backup_code}) untuk memastikan; di baris "
        "perintah: --office {backup_code}. Database tidak diubah.",
        "The backup {path} belongs to office {backup_code}, while this database belongs to "
        "office {live_code}. Type the backup's office code ({backup_code}) to confirm; on the "
        "command line: --office {backup_code}. The database was not changed.",
    ),
    "restore.office_mismatch": (
        "Kode kantor yang diketik ({typed}) bukan kode kantor cadangan {path} ({backup_code}). "
        "Database tidak diubah.",
        "The office code typed ({typed}) is not the office of the backup {path} "
        "({backup_code}). The database was not changed.",
    ),
    "restore.office_question": (
        "Cadangan ini milik kantor {backup_code} ({backup_name}), sedangkan database ini milik "
        "kantor {live_code}. Ketik {backup_code} untuk memulihkan.",
        "This backup belongs to office {backup_code} ({backup_name}), while this database "
        "belongs to office {live_code}. Type {backup_code} to restore it.",
    ),
    "restore.fresh_replaced": (
        "kode sama, identitas berbeda: cadangan ini menggantikan kantor yang baru dibuat",
        "same code, different identity: this backup replaces the office just set up",
    ),
    "restore.busy": (
        "Database {path} masih dipakai program lain (misalnya Kinerja Desktop di jendela lain), "
        "jadi tidak diganti; tutup program itu lalu coba lagi. Isi database tidak berubah; "
        "keadaan sekarang sudah dicadangkan di {safety}.",
        "The database {path} is still used by another program (for example Kinerja Desktop in "
        "another window), so it was not replaced; close that program and try again. Its "
        "content did not change; the current state was backed up to {safety}.",
    ),
    "restore.file_held": (
        "Berkas {path} tidak dapat diganti karena sedang dibuka oleh program lain ({programs}); "
        "tutup program itu (juga antivirus atau OneDrive yang sedang memindai berkas itu) lalu "
        "coba lagi. Isi database tidak berubah; keadaan sekarang sudah dicadangkan di {safety}.",
        "The file {path} could not be replaced because another program has it open "
        "({programs}); close that program (also an antivirus or OneDrive scanning the file) "
        "and try again. The database content did not change; the current state was backed "
        "up to {safety}.",
    ),
    "restore.file_held_damaged": (
        "Berkas {path} tidak dapat diganti karena sedang dibuka oleh program lain ({programs}); "
        "tutup program itu lalu coba lagi. Berkas yang rusak tetap di tempatnya, dan salinannya "
        "(dengan berkas -wal-nya) disimpan sebagai {aside}.",
        "The file {path} could not be replaced because another program has it open "
        "({programs}); close that program and try again. The damaged file stays where it was, "
        "and a copy of it (with its -wal file) is kept as {aside}.",
    ),
    "restore.damaged_held": (
        "Berkas {path} tidak dapat dipindahkan karena sedang dibuka oleh program lain "
        "({programs}); tutup program itu (juga Kinerja Desktop di jendela lain, antivirus atau "
        "OneDrive yang sedang memindai berkas itu) lalu coba lagi. Berkas yang rusak tetap di "
        "tempatnya; belum ada yang diubah.",
        "The file {path} could not be moved because another program has it open "
        "({programs}); close that program (also Kinerja Desktop in another window, an "
        "antivirus or OneDrive scanning the file) and try again. The damaged file stays where "
        "it was; nothing was changed.",
    ),
    "restore.file_held_new": (
        "Database {path} tidak dapat dibuat karena folder atau berkasnya dipakai program lain "
        "({programs}); tutup program itu lalu coba lagi. Tidak ada database yang dibuat.",
        "The database {path} could not be created because its folder or file is used by "
        "another program ({programs}); close that program and try again. No database was "
        "created.",
    ),
    "restore.write_failed": (
        "Salinan pemulihan {path} tidak dapat ditulis ({error}). Periksa ruang disk; database "
        "tidak diubah.",
        "The restore copy {path} could not be written ({error}). Check the disk space; the "
        "database was not changed.",
    ),
    "restore.safety_failed": (
        "Cadangan keadaan sekarang tidak dapat ditulis ke {path} ({error}), jadi pemulihan "
        "dibatalkan. Database tidak diubah.",
        "The backup of the current state could not be written to {path} ({error}), so the "
        "restore was stopped. The database was not changed.",
    ),
    "admin.backup_made": (
        "Cadangan dibuat: {name} ({size}).",
        "Backup made: {name} ({size}).",
    ),
    "admin.backup_ok": (
        "Cadangan {name} utuh dan dapat dipulihkan.",
        "The backup {name} is intact and can be restored.",
    ),
    "admin.audit_exported": (
        "{count} entri jejak audit diekspor ke {path}.",
        "{count} audit entries exported to {path}.",
    ),
    "admin.export_failed": (
        "Berkas {path} tidak dapat ditulis ({error}). Apakah berkas itu sedang terbuka di Excel?",
        "The file {path} could not be written ({error}). Is it open in Excel?",
    ),
    "account.username_reserved": (
        "Nama pengguna {value} dicadangkan untuk aplikasi (system, cli, app, sync, dan nama "
        "yang diawali salah satunya diikuti titik, garis bawah, tanda hubung atau titik dua). "
        "Pilih nama lain.",
        "User name {value} is reserved for the application (system, cli, app, sync, and names "
        "that start with one of them followed by a dot, underscore, hyphen or colon). Choose "
        "another name.",
    ),
    "employee.self_atasan": (
        "Akun {value} terhubung dengan {name}, sehingga tidak boleh menjadikan {name} atasan "
        "siapa pun. Minta akun lain (Admin atau Operator) melakukan perubahan ini.",
        "Account {value} is linked to {name}, so it may not make {name} anyone's atasan. Ask "
        "another account (Admin or Operator) to make this change.",
    ),
    # -- backups on a PostgreSQL server (issue 18.5) --
    "pg_backup.tool_missing": (
        "{tool} tidak ditemukan: pasang klien PostgreSQL (di Debian `apt install "
        "postgresql-client`, di Windows penginstal PostgreSQL) atau tambahkan foldernya ke PATH.",
        "{tool} was not found: install the PostgreSQL client (on Debian `apt install "
        "postgresql-client`, on Windows the PostgreSQL installer) or add its folder to PATH.",
    ),
    "pg_backup.dump_failed": (
        "Cadangan database server gagal dibuat: {detail}",
        "The server database backup could not be made: {detail}",
    ),
    "pg_backup.verify_failed": (
        "Berkas cadangan tidak dapat dibaca oleh pg_restore, sehingga tidak dipakai: {detail}",
        "pg_restore cannot read the backup file, so it was not used: {detail}",
    ),
    "pg_backup.restore_failed": (
        "Pemulihan gagal; database lama tetap dipakai tanpa perubahan: {detail}",
        "The restore failed; the old database stays in use unchanged: {detail}",
    ),
    "pg_backup.no_createdb": (
        "Peran database {role} tidak boleh membuat database (CREATEDB), padahal pemulihan "
        "memulihkan ke database baru lalu menukar namanya. Minta admin server memberi hak "
        "CREATEDB atau memulihkan dengan peran lain.",
        "The database role {role} may not create databases (CREATEDB), and a restore builds a "
        "new database and then swaps the names. Ask the server admin to grant CREATEDB or "
        "restore with another role.",
    ),
    "pg_backup.server_error": (
        "Server PostgreSQL menolak permintaan ini; tidak ada yang diubah: {detail}",
        "The PostgreSQL server refused this request; nothing was changed: {detail}",
    ),
    "pg_backup.no_database": (
        "Database {database} tidak ada di server.",
        "The database {database} does not exist on the server.",
    ),
    "pg_backup.end_sessions_question": (
        "{count} sesi lain masih terhubung ke database dan akan diputus agar database dapat "
        "diganti:\n{sessions}\nPutuskan sesi-sesi itu?",
        "{count} other sessions are still connected to the database and will be ended so the "
        "database can be replaced:\n{sessions}\nEnd those sessions?",
    ),
    "pg_backup.restored": (
        "Database dipulihkan dari {backup}. Database sebelumnya disimpan di server sebagai {kept}.",
        "The database was restored from {backup}. The previous database is kept on the "
        "server as {kept}.",
    ),
    "pg_backup.sessions_open": (
        "Pemulihan dibatalkan: masih ada {count} sesi lain yang terhubung ke database. Tidak "
        "ada yang diubah.",
        "The restore was cancelled: {count} other sessions are still connected to the "
        "database. Nothing was changed.",
    ),
}
