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
}
