"""Message codes (code -> Indonesian, English) for
accounts GUI, audit and backup views, settings and start-up.

Merged into :data:`kinerja_desktop.domain.messages.MESSAGES`; see that module for the rules.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
}
