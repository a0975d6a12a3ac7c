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
}
