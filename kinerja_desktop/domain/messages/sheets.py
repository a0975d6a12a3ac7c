"""Message codes (code -> Indonesian, English) for reading spreadsheets safely: which sheet is
read (spreadsheet/reader.py) and the refusal of a workbook that would expand past a sane size.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
The older ``sheet.*`` codes live in :mod:`kinerja_desktop.domain.messages.app`.
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
}
