"""Masa kerja golongan: how long an employee has held their golongan on a given day.

Counted from the TMT golongan (the date the golongan took effect) to the document's date, in
whole years and months, the way a kartu pegawai or an SK states it ("3 tahun 7 bulan"). It is
never counted from the start of the current assignment: a mutasi to another office leaves the
golongan and its TMT unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

__all__ = ["MasaKerja", "masa_kerja"]


@dataclass(frozen=True)
class MasaKerja:
    """Whole years and months (0–11)."""

    years: int
    months: int

    def text(self) -> str:
        """``"3 tahun 7 bulan"``, as printed on the documents."""
        return f"{self.years} tahun {self.months} bulan"


def masa_kerja(tmt: date, on: date) -> MasaKerja | None:
    """The whole years and months from ``tmt`` to ``on``.

    A month counts once its day-of-month is reached: 1 March to 31 March is 0 months, to
    1 April is 1 month. A TMT on a day a shorter month lacks counts on that month's last day:
    from 31 January, 27 February is 0 months and 28 February is 1 month.

    Returns:
        None when ``on`` is before ``tmt`` (a TMT in the future has no masa kerja yet).
    """
    if on < tmt:
        return None
    total = (on.year - tmt.year) * 12 + (on.month - tmt.month)
    if on.day < tmt.day and not _last_day(on):
        total -= 1
    return MasaKerja(total // 12, total % 12)


def _last_day(day: date) -> bool:
    following = date.fromordinal(day.toordinal() + 1)
    return following.month != day.month
