"""Masa kerja golongan in whole years and months from the TMT golongan."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.masa_kerja import MasaKerja, masa_kerja


@pytest.mark.parametrize(
    ("tmt", "on", "expected"),
    [
        (date(2022, 4, 1), date(2022, 4, 1), (0, 0)),
        (date(2022, 4, 1), date(2022, 4, 30), (0, 0)),
        (date(2022, 4, 1), date(2022, 5, 1), (0, 1)),
        (date(2022, 4, 1), date(2026, 12, 31), (4, 8)),
        (date(2022, 4, 1), date(2026, 3, 31), (3, 11)),
        (date(2022, 4, 1), date(2026, 4, 1), (4, 0)),
        (date(2019, 10, 15), date(2026, 10, 14), (6, 11)),
        (date(2019, 10, 15), date(2026, 10, 15), (7, 0)),
        (date(2026, 1, 31), date(2026, 2, 27), (0, 0)),
        (date(2026, 1, 31), date(2026, 2, 28), (0, 1)),  # the month's last day counts
        (date(2024, 2, 29), date(2025, 2, 28), (1, 0)),
    ],
)
def test_years_and_months(tmt: date, on: date, expected: tuple[int, int]) -> None:
    found = masa_kerja(tmt, on)
    assert found is not None
    assert (found.years, found.months) == expected


def test_a_future_tmt_has_no_masa_kerja() -> None:
    assert masa_kerja(date(2027, 1, 1), date(2026, 12, 31)) is None


def test_printed_text() -> None:
    assert MasaKerja(4, 8).text() == "4 tahun 8 bulan"
