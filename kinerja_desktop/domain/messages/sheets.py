"""Message codes (code -> Indonesian, English) for reading and writing spreadsheets: which sheet
is read (spreadsheet/reader.py), the refusal of a workbook that would expand past a sane size,
and a file that is missing, damaged, not a workbook or cannot be written.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "sheet.cancelled": (
        "Pembacaan berkas {path} dibatalkan; tidak ada yang disimpan.",
        "Reading file {path} was cancelled; nothing was saved.",
    ),
    "sheet.other_sheet": (
        "Berkas {path} tidak mempunyai lembar {sheet}; yang dibaca lembar {used}, satu-satunya "
        "lembar yang terlihat.",
        "File {path} has no sheet {sheet}; sheet {used} was read, the only visible sheet.",
    ),
    "sheet.ambiguous": (
        "Berkas {path} tidak mempunyai lembar {sheet} dan ada beberapa lembar yang terlihat "
        "({sheets}). Ganti nama lembar data menjadi {sheet} atau hapus lembar lain, lalu impor "
        "lagi.",
        "File {path} has no sheet {sheet} and several visible sheets ({sheets}). Rename the "
        "data sheet to {sheet} or delete the other sheets, then import again.",
    ),
    "sheet.no_visible": (
        "Berkas {path} tidak mempunyai lembar {sheet} dan tidak ada lembar yang terlihat. "
        "Tampilkan lembar datanya (klik kanan tab lembar > Tampilkan), lalu impor lagi.",
        "File {path} has no sheet {sheet} and no visible sheet. Unhide the data sheet (right-"
        "click a sheet tab > Unhide), then import again.",
    ),
    "sheet.hidden": (
        "Lembar {sheet} pada berkas {path} disembunyikan. Tampilkan lembar itu (klik kanan tab "
        "lembar > Tampilkan) dan periksa isinya, lalu impor lagi.",
        "Sheet {sheet} of file {path} is hidden. Unhide it (right-click a sheet tab > Unhide), "
        "check its contents, then import again.",
    ),
    "sheet.very_hidden": (
        "Lembar {sheet} pada berkas {path} disembunyikan sepenuhnya (very hidden) sehingga "
        "tidak bisa diperiksa dari Excel. Salin datanya ke lembar baru yang terlihat atau buat "
        "templat dari aplikasi, lalu impor lagi.",
        "Sheet {sheet} of file {path} is very hidden, so it cannot be checked in Excel. Copy "
        "its data to a new visible sheet or make a template from the application, then import "
        "again.",
    ),
    "sheet.xml_too_large": (
        "Lembar {sheet} pada berkas {path} tidak dibaca: isinya akan mengembang menjadi "
        "{size} MB dari {packed} KB di dalam berkas (batas {limit} MB dan perbandingan "
        "{ratio_limit}:1). Berkas ini rusak atau tidak wajar; simpan ulang dari Excel atau minta "
        "berkas yang baru.",
        "Sheet {sheet} of file {path} was not read: it would expand to {size} MB from {packed} "
        "KB in the file (limit {limit} MB and a ratio of {ratio_limit}:1). The file is damaged "
        "or abnormal; save it again from Excel or ask for a new copy.",
    ),
    "sheet.part_too_large": (
        "Bagian {part} pada berkas {path} tidak dibaca: isinya akan mengembang menjadi "
        "{size} MB dari {packed} KB di dalam berkas (batas {limit} MB dan perbandingan "
        "{ratio_limit}:1). Berkas ini rusak atau tidak wajar; simpan ulang dari Excel atau minta "
        "berkas yang baru.",
        "Part {part} of file {path} was not read: it would expand to {size} MB from {packed} "
        "KB in the file (limit {limit} MB and a ratio of {ratio_limit}:1). The file is damaged "
        "or abnormal; save it again from Excel or ask for a new copy.",
    ),
    # Reading and writing workbooks (spreadsheet/reader.py, writer.py). {path} is the file name.
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
}
