"""Splitting annual targets and rolling realisations up a year (DOMAIN.md A 9)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja_desktop.domain.enums import SplitRule
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.targets import annual_realisation, split_target

CUM, SAME, LAST = SplitRule.CUMULATIVE, SplitRule.SAME, SplitRule.LAST


def test_cumulative_split_adds_up_exactly() -> None:
    assert split_target(D(10), CUM, 3) == [D("3.33"), D("3.33"), D("3.34")]
    assert split_target(D(100), CUM, 4) == [D(25)] * 4
    assert sum(split_target(D(100), CUM, 12)) == D(100)
    assert split_target(D(100), CUM, 12)[-1] == D("8.37")


def test_cumulative_split_never_negative() -> None:
    parts = split_target(D("0.05"), CUM, 7)
    assert parts == [D("0.00")] * 6 + [D("0.05")]
    assert sum(parts) == D("0.05")


def test_cumulative_split_whole_numbers() -> None:
    assert split_target(D(10), CUM, 4, places=0) == [D(2), D(2), D(2), D(4)]


def test_same_and_last_repeat_the_annual() -> None:
    assert split_target(D(95), SAME, 4) == [D(95)] * 4
    assert split_target(D(95), LAST, 4) == [D(95)] * 4
    assert split_target(D(95), CUM, 1) == [D(95)]


def test_split_validation() -> None:
    with pytest.raises(ValidationError) as info:
        split_target(D(10), CUM, 0)
    assert info.value.code == "target.split_count"
    with pytest.raises(ValidationError) as info:
        split_target(D(-10), CUM, 4)
    assert info.value.code == "target.negative"


def test_annual_realisation_cumulative() -> None:
    assert annual_realisation([D(3), D(2), None, D(5)], CUM) == D(10)
    assert annual_realisation([None, None], CUM) is None
    assert annual_realisation([D(3)], CUM, measured=D(99)) == D(3)  # measured ignored


def test_annual_realisation_same() -> None:
    assert annual_realisation([D(90), D(80), None, D(100)], SAME) == D(90)
    assert annual_realisation([D(90), D(80)], SAME, measured=D(87)) == D(87)
    assert annual_realisation([None], SAME, measured=D(87)) == D(87)
    assert annual_realisation([None, None], SAME) is None


def test_annual_realisation_last() -> None:
    assert annual_realisation([D(1), D(2), D(3), D(4)], LAST) == D(4)
    assert annual_realisation([D(1), D(2), None, None], LAST) == D(2)
    assert annual_realisation([], LAST) is None
