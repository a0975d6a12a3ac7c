"""TPP in rupiah (issue 20.3): base(kelas) × percentage(predikat), whole rupiah, half up;
no figure where the kelas, the predikat or the base is missing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain.enums import Predikat
from kinerja_desktop.domain.predikat import DEFAULT_TPP_PERCENT
from kinerja_desktop.domain.tpp import (
    DEFAULT_TPP_BASE,
    is_kelas_jabatan,
    parse_tpp_base,
    parse_tpp_percent,
    tpp_amount,
    tpp_for,
)

BASES = {**DEFAULT_TPP_BASE, 7: 2_500_000, 9: 3_333_333, 12: 5_000_000}


@pytest.mark.parametrize(
    ("kelas", "predikat", "rupiah"),
    [
        (7, Predikat.SANGAT_BAIK, 2_500_000),  # 100 %
        (7, Predikat.BUTUH_PERBAIKAN, 2_000_000),  # 80 %
        (12, Predikat.KURANG, 3_000_000),  # 60 %
        (12, Predikat.SANGAT_KURANG, 2_000_000),  # 40 %
        (9, Predikat.BUTUH_PERBAIKAN, 2_666_666),  # 2.666.666,4 rounds down
        (9, Predikat.KURANG, 2_000_000),  # 1.999.999,8 rounds up
        (3, Predikat.BAIK, None),  # base not set
        (None, Predikat.BAIK, None),  # no kelas
        (7, None, None),  # no predikat yet
    ],
)
def test_hand_computed_table(kelas, predikat, rupiah) -> None:
    got = tpp_for(kelas, predikat, bases=BASES, percents=DEFAULT_TPP_PERCENT)
    assert got == rupiah


def test_half_rupiah_rounds_up() -> None:
    assert tpp_amount(1_001, Decimal("50")) == 501  # 500,5
    assert tpp_amount(999, Decimal("50")) == 500  # 499,5


def test_kelas_and_stored_tables_are_checked() -> None:
    assert [k for k in (0, 1, 17, 18, True, "7") if is_kelas_jabatan(k)] == [1, 17]
    stored = {str(k): str(1000 * k) for k in range(1, 18)}
    assert parse_tpp_base(stored)[17] == 17_000
    for bad in ({**stored, "18": "1"}, {**stored, "3": "-1"}, {**stored, "3": "1.5"},
                {"1": "1"}, [1, 2], {**stored, "x": "1"}):  # fmt: skip
        with pytest.raises(ValueError):
            parse_tpp_base(bad)
    percents = {p.value: "50" for p in Predikat}
    assert parse_tpp_percent(percents)[Predikat.BAIK] == Decimal(50)
    for bad in ({**percents, "BAIK": "101"}, {"BAIK": "1"}, {**percents, "BAIK": "NaN"}):
        with pytest.raises(ValueError):
            parse_tpp_percent(bad)
