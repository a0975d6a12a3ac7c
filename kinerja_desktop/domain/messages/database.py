"""Message codes (code -> Indonesian, English) for opening a database file: a file that is not
a Kinerja database, a database that can only be read, and a database on a network share, a
removable drive or a synced folder.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
"""

from __future__ import annotations

_COPY = "salin berkas ini ke folder yang bisa ditulis agar diperbarui"

MESSAGES: dict[str, tuple[str, str]] = {
    "db.not_kinerja": (
        "Berkas {path} bukan database Kinerja Desktop. Berkas ini tidak diubah; pilih berkas "
        "database yang benar (biasanya berakhiran .sqlite).",
        "{path} is not a Kinerja Desktop database. The file was not changed; choose the right "
        "database file (usually ending in .sqlite).",
    ),
    "db.read_only.folder": (
        "folder {folder} tidak dapat ditulisi (misalnya flashdisk yang dikunci atau salinan "
        "dari CD)",
        "the folder {folder} cannot be written (for example a write-protected stick or a copy "
        "on a CD)",
    ),
    "db.read_only.file": (
        "berkas ini ditandai hanya baca",
        "the file is marked read-only",
    ),
    "db.opened_read_only": (
        "Database {path} dibuka hanya baca: {reason}. Data dapat dilihat, dicetak dan "
        "diekspor, tetapi tidak dapat diubah. Untuk mengubahnya, salin berkas ini ke folder "
        "yang bisa ditulis.",
        "The database {path} was opened read-only: {reason}. Its data can be viewed, printed "
        "and exported but not changed. To change it, copy the file to a folder you can write.",
    ),
    "db.read_only_old_schema": (
        "Database {path} hanya dapat dibaca ({reason}) dan skemanya lebih lama (revisi "
        "{db_revision}; aplikasi ini revisi {app_revision}), sehingga tidak dapat diperbarui di "
        "tempatnya: " + _COPY + ".",
        "The database {path} can only be read ({reason}) and its schema is older (revision "
        "{db_revision}; this application has {app_revision}), so it cannot be updated where it "
        "is: copy the file to a folder you can write to have it updated.",
    ),
    "db.read_only_pending": (
        "Database {path} tidak dapat dibaca di sini: berkas pendampingnya {companion} masih "
        "menyimpan perubahan terakhir, dan folder {folder} tidak dapat ditulisi. Salin berkas "
        "database bersama {companion} ke folder yang bisa ditulis, lalu buka dari sana. "
        "Berkas tidak diubah.",
        "The database {path} cannot be read here: its companion file {companion} still holds "
        "the last changes, and the folder {folder} cannot be written. Copy the database "
        "together with {companion} to a folder you can write and open it there. Nothing was "
        "changed.",
    ),
    "db.read_only_write_server": (
        "Akun database ini hanya diberi hak membaca database {path} di server (atau server "
        "itu server cadangan), sehingga perubahan ini tidak disimpan. Untuk mengubah data, "
        "masuk dengan akun database yang boleh menulis (tanyakan pengelola server).",
        "This database role may only read the database {path} on the server (or the server is "
        "a standby), so this change was not saved. To change data, connect with a database "
        "role that may write (ask the server's administrator).",
    ),
    "db.server_collision": (
        "Perubahan ini bertabrakan dengan penyimpanan lain di database {path} pada saat yang "
        "sama, sehingga server membatalkannya dan tidak ada yang disimpan. Muat ulang data, "
        "lalu simpan lagi.",
        "This change collided with another save to the database {path} at the same moment, so "
        "the server cancelled it and nothing was saved. Reload the data, then save again.",
    ),
    "db.read_only_write": (
        "Database {path} hanya dapat dibaca, sehingga perubahan ini tidak disimpan. Salin "
        "berkas ini ke folder yang bisa ditulis untuk mengubah datanya.",
        "The database {path} can only be read, so this change was not saved. Copy the file to "
        "a folder you can write to change its data.",
    ),
    "db.location.network": (
        "Database ini berada di drive jaringan ({path}). Database paling aman disimpan di disk "
        "komputer ini sendiri, dengan cadangan ke flashdisk atau jaringan; di sini aplikasi "
        "memakai jurnal biasa (tanpa WAL) agar setiap perubahan utuh di satu berkas.",
        "This database is on a network drive ({path}). A database is safest on this PC's own "
        "disk, with backups to a stick or the network; here the application uses a plain "
        "journal (no WAL) so that each change is whole in one file.",
    ),
    "db.location.removable": (
        "Database ini berada di flashdisk atau drive lepasan ({path}). Database paling aman "
        "disimpan di disk komputer ini sendiri, dengan cadangan ke flashdisk; di sini aplikasi "
        "memakai jurnal biasa (tanpa WAL) agar setiap perubahan utuh di satu berkas.",
        "This database is on a stick or removable drive ({path}). A database is safest on this "
        "PC's own disk, with backups to the stick; here the application uses a plain journal "
        "(no WAL) so that each change is whole in one file.",
    ),
    "db.location.cloud": (
        "Database ini berada di folder yang disinkronkan OneDrive ({path}). Database paling "
        "aman disimpan di disk komputer ini sendiri di luar folder itu, dengan cadangan ke "
        "flashdisk; di sini aplikasi memakai jurnal biasa (tanpa WAL) agar setiap perubahan "
        "utuh di satu berkas.",
        "This database is in a folder OneDrive synchronises ({path}). A database is safest on "
        "this PC's own disk outside that folder, with backups to a stick; here the application "
        "uses a plain journal (no WAL) so that each change is whole in one file.",
    ),
    # A database file that cannot be opened (storage, services and the CLI)
    "db.missing": (
        "Berkas database tidak ditemukan: {path}",
        "Database file not found: {path}",
    ),
    "db.locked": (
        "Berkas database sedang dipakai program lain: {path}. Tutup program itu lalu coba lagi.",
        "The database file is in use by another program: {path}. Close it and try again.",
    ),
    "db.corrupt": (
        "Berkas database rusak dan tidak dapat dibuka: {path}. Pulihkan dari salah satu cadangan.",
        "The database file is damaged and cannot be opened: {path}. Restore it from a backup.",
    ),
    "db.newer": (
        "Database ini dibuat oleh versi aplikasi yang lebih baru (revisi {db_revision}; "
        "aplikasi ini mengenal sampai revisi {app_revision}). Perbarui aplikasi terlebih dahulu.",
        "This database was made by a newer version of the application (revision "
        "{db_revision}; this application knows up to {app_revision}). Update the application.",
    ),
    "db.is_folder": (
        "{path} adalah folder, bukan berkas database.",
        "{path} is a folder, not a database file.",
    ),
    "db.unwritable_folder": (
        "Folder {path} tidak dapat ditulisi. Pilih folder lain atau periksa izin aksesnya.",
        "The folder {path} is not writable. Choose another folder or check its permissions.",
    ),
    # A database on a PostgreSQL server (the city tier); {path} never shows a password
    "db.server_unreachable": (
        "Server database {path} tidak dapat dihubungi. Periksa alamat server, jaringan, dan "
        "bahwa PostgreSQL berjalan.",
        "The database server {path} cannot be reached. Check the server address, the network "
        "and that PostgreSQL is running.",
    ),
    "db.server_password": (
        "Server database {path} menolak kata sandi (atau tidak ada kata sandi). Isi PGPASSWORD "
        "atau ~/.pgpass, atau jalankan perintah di terminal agar kata sandi ditanyakan.",
        "The database server {path} refused the password (or none was given). Set PGPASSWORD "
        "or ~/.pgpass, or run the command in a terminal to be asked for it.",
    ),
    "db.server_password_prompt": (
        "Kata sandi database server: ",
        "Database server password: ",
    ),
    "db.server_missing": (
        "Database {name} belum ada di server ({path}). Minta pengelola server membuatnya "
        "(createdb) lalu coba lagi.",
        "The database {name} does not exist on the server ({path}). Ask the server's "
        "administrator to create it (createdb) and try again.",
    ),
    "db.server_denied": (
        "Akun database tidak diizinkan membuka {path}. Minta pengelola server memberi hak akses.",
        "The database role may not open {path}. Ask the server's administrator for access.",
    ),
    "db.server_standby": (
        "Server database {path} adalah server cadangan (standby): hanya bisa dibaca.",
        "The database server {path} is a standby: it can only be read.",
    ),
    "db.server_read_only_role": (
        "Database {path} dibuka hanya baca: akun database ini hanya diberi hak membaca "
        "(akun analis). Data dapat dilihat, dicetak dan diekspor, tetapi tidak dapat diubah.",
        "The database {path} was opened read-only: this database role may only read (an "
        "analyst's role). Its data can be viewed, printed and exported but not changed.",
    ),
    "db.server_migrate_no_backup": (
        "Skema database {path} perlu diperbarui ({db_revision} ke {app_revision}), tetapi "
        "{tool} tidak ditemukan untuk mencadangkannya lebih dulu, sehingga database tidak "
        "diubah: pasang klien PostgreSQL di PC ini (Debian `apt install postgresql-client`, "
        "Windows penginstal PostgreSQL) lalu buka lagi atau jalankan `migrate`.",
        "The schema of {path} needs an upgrade ({db_revision} to {app_revision}), but {tool} "
        "was not found to back it up first, so the database was not changed: install the "
        "PostgreSQL client on this PC (Debian `apt install postgresql-client`, Windows the "
        "PostgreSQL installer), then open it again or run `migrate`.",
    ),
    "db.server_not_empty": (
        "Database {path} di server sudah berisi data kantor. Demo hanya dibuat di database "
        "server yang kosong (buat yang baru dengan createdb); --force tidak mengosongkan "
        "database di server.",
        "The server database {path} already holds an office's data. The demo is only built in "
        "an empty server database (make a new one with createdb); --force does not empty a "
        "server database.",
    ),
    "db.address_unknown": (
        "Alamat database tidak dikenal: skema {scheme}:// bukan database yang didukung "
        "(gunakan berkas .sqlite atau postgresql+psycopg://pengguna@server/nama).",
        "Unknown database address: the scheme {scheme}:// is not a supported database "
        "(use a .sqlite file or postgresql+psycopg://user@server/name).",
    ),
}
