"""Capaian, rounding, categories and the suggested rating (DOMAIN.md A 1–A 3, B 3)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja_desktop.domain.enums import AchievementCategory, OrgPredikat, Polarity, Rating
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.scoring import (
    CategoryBands,
    RatingThresholds,
    capaian,
    category,
    format_number,
    format_percent,
    mean_capaian,
    round2,
    suggest_rating,
    suggest_rating_for_head,
    to_decimal,
)

HIGHER, LOWER, RANGE = Polarity.HIGHER, Polarity.LOWER, Polarity.RANGE


def test_lower_is_better_worked_examples() -> None:
    assert round2(capaian(D("6.5"), D(7), LOWER)) == D("107.14")
    assert round2(capaian(D(9), D(8), LOWER)) == D("87.50")


def test_capaian_is_unrounded() -> None:
    value = capaian(D("6.5"), D(7), LOWER)
    assert value != round2(value)
    assert value.as_tuple().exponent < -10


def test_lower_never_below_zero() -> None:
    assert capaian(D(20), D(8), LOWER) == 0
    assert capaian(D(16), D(8), LOWER) == 0


def test_higher_is_better() -> None:
    assert capaian(D(45), D(50), HIGHER) == D(90)
    assert round2(capaian(D(1), D(3), HIGHER)) == D("33.33")
    assert capaian(D(0), D(50), HIGHER) == 0


def test_range_worked_examples() -> None:
    assert round2(capaian(D(70), D(80), RANGE, target_hi=D(90))) == D("87.50")
    assert round2(capaian(D(92), D(80), RANGE, target_hi=D(90))) == D("102.22")
    assert capaian(D(85), D(80), RANGE, target_hi=D(90)) == 100
    assert capaian(D(80), D(80), RANGE, target_hi=D(90)) == 100
    assert capaian(D(90), D(80), RANGE, target_hi=D(90)) == 100


def test_range_with_zero_lower_bound() -> None:
    assert capaian(D(0), D(0), RANGE, target_hi=D(5)) == 100
    assert capaian(D(10), D(0), RANGE, target_hi=D(5)) == 200
    assert capaian(D(-1), D(0), RANGE, target_hi=D(5)) == 0


def test_target_zero() -> None:
    assert capaian(D(0), D(0), LOWER) == 100
    assert capaian(D(1), D(0), LOWER) == 0
    with pytest.raises(ValidationError) as info:
        capaian(D(5), D(0), HIGHER)
    assert info.value.code == "target.zero"
    assert "Target 0" in info.value.message
    with pytest.raises(ValidationError) as info:
        capaian(D(0), D(0), RANGE, target_hi=D(0))
    assert info.value.code == "target.range_zero"


@pytest.mark.parametrize("polarity", list(Polarity))
def test_negative_target_refused(polarity: Polarity) -> None:
    with pytest.raises(ValidationError) as info:
        capaian(D(1), D(-1), polarity, target_hi=D(1) if polarity == RANGE else None)
    assert info.value.code == "target.negative"


def test_range_needs_a_proper_upper_bound() -> None:
    with pytest.raises(ValidationError) as info:
        capaian(D(85), D(80), RANGE)
    assert info.value.code == "target.range_missing_hi"
    with pytest.raises(ValidationError) as info:
        capaian(D(85), D(90), RANGE, target_hi=D(80))
    assert info.value.code == "target.range_inverted"
    with pytest.raises(ValidationError) as info:
        capaian(D(85), D(90), HIGHER, target_hi=D(95))
    assert info.value.code == "target.hi_unexpected"


def test_cap_only_when_given() -> None:
    assert capaian(D("105.21"), D(100), HIGHER) == D("105.21")
    assert round2(capaian(D("105.21"), D(100), HIGHER, cap=D(100))) == D("100.00")
    assert capaian(D(130), D(100), HIGHER, cap=D(120)) == D(120)
    assert capaian(D(90), D(100), HIGHER, cap=D(100)) == D(90)
    with pytest.raises(ValidationError) as info:
        capaian(D(1), D(1), HIGHER, cap=D(0))
    assert info.value.code == "capaian.cap_invalid"


def test_accepts_ints_and_float_text_but_not_nan() -> None:
    assert capaian(9, 8, LOWER) == D("87.5")  # type: ignore[arg-type]
    assert to_decimal(0.1) == D("0.1")
    for bad in (D("NaN"), D("Infinity"), "abc", True):
        with pytest.raises(ValidationError) as info:
            to_decimal(bad)  # type: ignore[arg-type]
        assert info.value.code == "value.not_finite"


def test_round2_half_up() -> None:
    assert round2(D("107.145")) == D("107.15")
    assert round2(D("107.144999")) == D("107.14")
    assert round2(D("2.675")) == D("2.68")
    assert round2(D("-0.001")) == D("0.00")
    assert str(round2(D("-0.001"))) == "0.00"
    assert round2(5) == D("5.00")


def test_format_percent() -> None:
    assert format_percent(capaian(D("6.5"), D(7), LOWER)) == "107,14"
    assert format_percent(D("87.5")) == "87,50"
    assert format_percent(D("1234.565")) == "1.234,57"
    assert format_percent(D("-0.001")) == "0,00"
    assert format_number(D("3.3"), 2) == "3,30"
    assert format_number(D("18.75"), 0) == "19"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("100", AchievementCategory.SANGAT_TINGGI),
        ("91", AchievementCategory.SANGAT_TINGGI),
        ("90.996", AchievementCategory.SANGAT_TINGGI),
        ("90.994", AchievementCategory.TINGGI),
        ("76", AchievementCategory.TINGGI),
        ("75.99", AchievementCategory.SEDANG),
        ("66", AchievementCategory.SEDANG),
        ("65.5", AchievementCategory.RENDAH),
        ("51", AchievementCategory.RENDAH),
        ("50.99", AchievementCategory.SANGAT_RENDAH),
        ("0", AchievementCategory.SANGAT_RENDAH),
    ],
)
def test_category_default_bands(value: str, expected: AchievementCategory) -> None:
    assert category(D(value)) == expected


def test_category_custom_bands() -> None:
    bands = CategoryBands(D(85), D(70), D(55), D(40))
    assert category(D(86), bands) == AchievementCategory.SANGAT_TINGGI
    assert category(D(45), bands) == AchievementCategory.RENDAH
    with pytest.raises(ValidationError) as info:
        CategoryBands(D(91), D(91), D(66), D(51))
    assert info.value.code == "bands.invalid"


def test_mean_capaian() -> None:
    assert mean_capaian([]) is None
    assert mean_capaian([(D(100), None), (D(80), None)]) == D(90)
    assert mean_capaian([(D(100), D(3)), (D(80), D(1))]) == D(95)
    # One weight missing: the plain mean.
    assert mean_capaian([(D(100), D(3)), (D(80), None)]) == D(90)
    # Weights adding up to 0: the plain mean instead of a division by zero.
    assert mean_capaian([(D(100), D(0)), (D(80), D(0))]) == D(90)
    with pytest.raises(ValidationError) as info:
        mean_capaian([(D(100), D(-1))])
    assert info.value.code == "weight.negative"


def test_suggest_rating_default_thresholds() -> None:
    assert suggest_rating([]) is None
    assert suggest_rating([(D(120), None), (D(100), None)]) == Rating.ABOVE
    assert suggest_rating([(D(110), None)]) == Rating.ABOVE
    assert suggest_rating([(D("109.996"), None)]) == Rating.ABOVE  # shown as 110.00
    assert suggest_rating([(D("109.99"), None)]) == Rating.AS_EXPECTED
    assert suggest_rating([(D(90), None)]) == Rating.AS_EXPECTED
    assert suggest_rating([(D("89.99"), None)]) == Rating.BELOW
    # Uncapped values are used: one strong indicator can lift the mean.
    assert suggest_rating([(D(150), D(1)), (D(90), D(1))]) == Rating.ABOVE
    assert suggest_rating([(D(150), D(1)), (D(60), D(3))]) == Rating.BELOW


def test_suggest_rating_custom_thresholds() -> None:
    thresholds = RatingThresholds(above=D(105), as_expected=D(85))
    assert suggest_rating([(D(106), None)], thresholds) == Rating.ABOVE
    assert suggest_rating([(D(86), None)], thresholds) == Rating.AS_EXPECTED
    with pytest.raises(ValidationError) as info:
        RatingThresholds(above=D(90), as_expected=D(90))
    assert info.value.code == "thresholds.invalid"


@pytest.mark.parametrize(
    ("org", "rating"),
    [
        (OrgPredikat.ISTIMEWA, Rating.ABOVE),
        (OrgPredikat.BAIK, Rating.AS_EXPECTED),
        (OrgPredikat.BUTUH_PERBAIKAN, Rating.BELOW),
        (OrgPredikat.KURANG, Rating.BELOW),
        (OrgPredikat.SANGAT_KURANG, Rating.BELOW),
    ],
)
def test_suggest_rating_for_head(org: OrgPredikat, rating: Rating) -> None:
    assert suggest_rating_for_head(org) == rating
