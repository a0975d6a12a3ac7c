"""What the Konversi Predikat Kinerja ke Angka Kredit document holds (PermenPANRB 1/2023,
Peraturan BKN 3/2023): frozen DTOs of already worded text, like :mod:`reports.model`."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_desktop.reports.model import DocMeta, Letterhead, Person

__all__ = ["AkDoc", "AkRow"]


@dataclass(frozen=True)
class AkRow:
    """One line of the conversion: a period, its predikat, the prosentase of that predikat,
    the yearly koefisien of the jenjang and the angka kredit earned ("-" without figures)."""

    period: str
    predikat: str
    percent: str
    coefficient: str
    angka_kredit: str
    months: str = ""


@dataclass(frozen=True)
class AkDoc:
    """The Konversi Predikat Kinerja ke Angka Kredit of one jabatan fungsional employee.

    Attributes:
        nomor: typed by the clerk at print time (no automatic counter); empty prints dots.
        identity: the KETERANGAN PERORANGAN lines, label then value, in the format's order.
        conversion: the period's own line (the table predikat | prosentase | koefisien per
            tahun | angka kredit).
        formula: the arithmetic of that line in words ("3/12 × 100% × 12,50 = 3,13"), or "".
        accumulation: for a year, the AKUMULASI ANGKA KREDIT lines of its periods; empty
            for a shorter period.
        accumulation_total: the sum of the accumulation lines.
        place, issued_on: "Ditetapkan di <place> pada tanggal <issued_on>".
    """

    letterhead: Letterhead
    meta: DocMeta
    nomor: str
    instansi: str
    period_title: str
    period_range: str
    identity: tuple[tuple[str, str], ...]
    conversion: AkRow
    formula: str
    accumulation: tuple[AkRow, ...]
    accumulation_total: str
    place: str
    issued_on: str
    penilai: Person | None

    @property
    def place_date(self) -> str:
        """The line that opens the signature block (the layout tests look for it)."""
        return f"Ditetapkan di {self.place}"
