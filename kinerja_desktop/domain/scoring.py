"""Capaian (achievement) of an indicator, its category, and the suggested rating hasil kerja.

*Capaian* is the achievement of one indicator in percent: how the *realisasi* (the measured
result) compares with the *target*. It is computed with :class:`~decimal.Decimal`, stored
unrounded and shown with two decimals, half up (DOMAIN.md A 1). The formulas are those of
PermenPANRB 53/2014 and the LKjIP practice (DOMAIN.md B 3).

The *rating hasil kerja* (result rating) is the supervisor's judgement; this module only
*suggests* one from the mean capaian of the RHK Utama indicators (RHK = rencana hasil kerja,
the planned results of an SKP), or, for a unit head, from the organisation's predikat
(DOMAIN.md A 3).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, localcontext

from kinerja_desktop.domain.enums import AchievementCategory, OrgPredikat, Polarity, Rating
from kinerja_desktop.domain.messages import validation_error

__all__ = [
    "DEFAULT_BANDS",
    "DEFAULT_THRESHOLDS",
    "HUNDRED",
    "CategoryBands",
    "RatingThresholds",
    "capaian",
    "category",
    "format_number",
    "format_percent",
    "mean_capaian",
    "round2",
    "suggest_rating",
    "suggest_rating_for_head",
    "to_decimal",
]

HUNDRED = Decimal(100)
_ZERO = Decimal(0)
_CENT = Decimal("0.01")
# A fixed context, so a caller's changed decimal context cannot change a score. 40 digits keep
# quantize() clear of InvalidOperation for any plausible value.
_CTX = Context(prec=40, rounding=ROUND_HALF_EVEN)


def to_decimal(value: Decimal | int | float | str, what: str = "nilai") -> Decimal:
    """Convert a number to a finite Decimal.

    Floats go through their shortest text (``0.1`` becomes ``Decimal("0.1")``, not the binary
    expansion), since a float here is usually a spreadsheet cell.

    Raises:
        ValidationError: code ``"value.not_finite"`` for NaN, infinities, booleans and text
            that is not a number.
    """
    if isinstance(value, bool):
        raise validation_error("value.not_finite", what=what, value=value)
    try:
        result = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except ArithmeticError as exc:
        raise validation_error("value.not_finite", what=what, value=value) from exc
    if not result.is_finite():
        raise validation_error("value.not_finite", what=what, value=value)
    return result


def capaian(
    realisasi: Decimal,
    target: Decimal,
    polarity: Polarity,
    *,
    target_hi: Decimal | None = None,
    cap: Decimal | None = None,
) -> Decimal:
    """Compute the capaian of one indicator in percent, unrounded (DOMAIN.md A 1).

    - HIGHER (semakin tinggi semakin baik): ``realisasi / target × 100``.
    - LOWER (semakin rendah semakin baik): ``(2 × target − realisasi) / target × 100``, never
      below 0. With target 0: 100 when realisasi is 0 (or less), else 0.
    - RANGE: ``target`` is the lower bound and ``target_hi`` the upper one; inside the range
      (bounds included) 100, above it ``realisasi / hi × 100``, below it
      ``realisasi / lo × 100`` (0 when ``lo`` is 0, which only a negative realisasi reaches).

    A negative realisasi is not refused (a growth rate can be negative); it simply scores low.

    Args:
        realisasi: the measured result.
        target: the target, or the lower bound of a range; never negative.
        polarity: the indicator's polarity.
        target_hi: the upper bound of a range; required for RANGE and refused otherwise.
        cap: the indicator's cap (100 or 120, say); applied only when given, never by default.

    Returns:
        The capaian in percent, e.g. ``Decimal("107.142857...")`` for target 7, realisasi 6.5,
        LOWER. Round with :func:`round2` only for display.

    Raises:
        ValidationError: ``"target.zero"`` (HIGHER with target 0: it cannot be measured),
            ``"target.range_zero"`` (a 0–0 range), ``"target.negative"``,
            ``"target.range_missing_hi"``, ``"target.range_inverted"``,
            ``"target.hi_unexpected"``, ``"capaian.cap_invalid"`` (cap not above 0),
            ``"value.not_finite"``.
    """
    polarity = Polarity(polarity)
    real = to_decimal(realisasi, "realisasi")
    lo = to_decimal(target, "target")
    if lo < 0:
        raise validation_error("target.negative", field="target", value=lo)
    hi: Decimal | None = None
    if target_hi is not None:
        if polarity != Polarity.RANGE:
            raise validation_error("target.hi_unexpected", field="target_hi")
        hi = to_decimal(target_hi, "target_hi")
    limit: Decimal | None = None
    if cap is not None:
        limit = to_decimal(cap, "cap")
        if limit <= 0:
            raise validation_error("capaian.cap_invalid", field="cap", value=limit)

    with localcontext(_CTX):
        if polarity == Polarity.HIGHER:
            if lo == 0:
                raise validation_error("target.zero", field="target")
            value = real * HUNDRED / lo
        elif polarity == Polarity.LOWER:
            if lo == 0:
                value = HUNDRED if real <= 0 else _ZERO
            else:
                value = max(_ZERO, (2 * lo - real) * HUNDRED / lo)
        else:
            if hi is None:
                raise validation_error("target.range_missing_hi", field="target_hi")
            if hi < lo:
                raise validation_error("target.range_inverted", field="target_hi", lo=lo, hi=hi)
            if hi == 0:
                raise validation_error("target.range_zero", field="target_hi")
            if lo <= real <= hi:
                value = HUNDRED
            elif real > hi:
                value = real * HUNDRED / hi
            else:
                value = real * HUNDRED / lo if lo > 0 else _ZERO
    if limit is not None and value > limit:
        value = limit
    return value


def round2(value: Decimal | int) -> Decimal:
    """Round to two decimals, half up (the value the user sees): 107.145 → 107.15."""
    with localcontext(_CTX):
        result = to_decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP)
    # -0.00 would print with a minus sign.
    return result if result != 0 else abs(result)


def format_number(value: Decimal | int, places: int = 2) -> str:
    """Write a number the Indonesian way: ``"1.234,56"`` (dot for thousands, comma decimal).

    Rounds half up to ``places`` decimals first.
    """
    with localcontext(_CTX):
        rounded = to_decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)
    english = f"{rounded:,.{places}f}"
    return english.translate(str.maketrans({",": ".", ".": ","}))


def format_percent(value: Decimal | int) -> str:
    """Write a capaian with two decimals and a decimal comma: ``"107,14"`` (no % sign)."""
    return format_number(value, 2)


@dataclass(frozen=True)
class CategoryBands:
    """Lower bounds (inclusive) of the achievement categories (DOMAIN.md A 2).

    Defaults are the Permendagri 86/2017 cut points 91 / 76 / 66 / 51; an installation may
    configure others. Below ``rendah`` is Sangat Rendah.

    Raises:
        ValidationError: ``"bands.invalid"`` unless the bounds strictly descend.
    """

    sangat_tinggi: Decimal = Decimal(91)
    tinggi: Decimal = Decimal(76)
    sedang: Decimal = Decimal(66)
    rendah: Decimal = Decimal(51)

    def __post_init__(self) -> None:
        bounds = [to_decimal(getattr(self, name), name) for name in _BAND_NAMES]
        for name, bound in zip(_BAND_NAMES, bounds, strict=True):
            object.__setattr__(self, name, bound)
        if not all(a > b for a, b in itertools.pairwise(bounds)):
            raise validation_error("bands.invalid")


_BAND_NAMES = ("sangat_tinggi", "tinggi", "sedang", "rendah")
DEFAULT_BANDS = CategoryBands()


def category(capaian: Decimal, bands: CategoryBands = DEFAULT_BANDS) -> AchievementCategory:
    """Classify a capaian, on its value rounded to two decimals (90.996 → 91.00 → Sangat Tinggi).

    Deciding on the rounded value keeps the colour consistent with the number printed beside it.
    """
    value = round2(capaian)
    if value >= bands.sangat_tinggi:
        return AchievementCategory.SANGAT_TINGGI
    if value >= bands.tinggi:
        return AchievementCategory.TINGGI
    if value >= bands.sedang:
        return AchievementCategory.SEDANG
    if value >= bands.rendah:
        return AchievementCategory.RENDAH
    return AchievementCategory.SANGAT_RENDAH


@dataclass(frozen=True)
class RatingThresholds:
    """Lower bounds (inclusive) of the suggested rating hasil kerja (DOMAIN.md A 3).

    Defaults: mean capaian ≥ 110 Di Atas Ekspektasi, ≥ 90 Sesuai Ekspektasi, else Di Bawah.

    Raises:
        ValidationError: ``"thresholds.invalid"`` unless ``above > as_expected``.
    """

    above: Decimal = Decimal(110)
    as_expected: Decimal = Decimal(90)

    def __post_init__(self) -> None:
        above = to_decimal(self.above, "above")
        as_expected = to_decimal(self.as_expected, "as_expected")
        object.__setattr__(self, "above", above)
        object.__setattr__(self, "as_expected", as_expected)
        if above <= as_expected:
            raise validation_error("thresholds.invalid", above=above, as_expected=as_expected)


DEFAULT_THRESHOLDS = RatingThresholds()


def mean_capaian(items: Sequence[tuple[Decimal, Decimal | None]]) -> Decimal | None:
    """Mean of uncapped capaian values: weighted when every item has a weight, else plain.

    Args:
        items: ``(capaian, weight)`` pairs; a weight is ``None`` where the indicator has none.

    Returns:
        The unrounded mean, or ``None`` when there are no items. When every weight is set but
        they add up to 0, the plain mean is used (a weighted mean would divide by zero).

    Raises:
        ValidationError: ``"weight.negative"`` for a negative weight.
    """
    if not items:
        return None
    values = [to_decimal(value, "capaian") for value, _ in items]
    weights = [None if w is None else to_decimal(w, "bobot") for _, w in items]
    for weight in weights:
        if weight is not None and weight < 0:
            raise validation_error("weight.negative", field="bobot", value=weight)
    with localcontext(_CTX):
        if all(w is not None for w in weights):
            set_weights = [w for w in weights if w is not None]
            total = sum(set_weights, _ZERO)
            if total > 0:
                weighted = sum((v * w for v, w in zip(values, set_weights, strict=True)), _ZERO)
                return weighted / total
        return sum(values, _ZERO) / len(values)


def suggest_rating(
    items: Sequence[tuple[Decimal, Decimal | None]],
    thresholds: RatingThresholds = DEFAULT_THRESHOLDS,
) -> Rating | None:
    """Suggest the rating hasil kerja from the RHK Utama indicators of a period.

    Args:
        items: ``(uncapped capaian, weight or None)`` per individual indicator.
        thresholds: the installation's thresholds.

    Returns:
        The suggested :class:`Rating`, decided on the mean rounded to two decimals (like
        :func:`category`), or ``None`` when there are no indicators to judge by.
    """
    mean = mean_capaian(items)
    if mean is None:
        return None
    value = round2(mean)
    if value >= thresholds.above:
        return Rating.ABOVE
    if value >= thresholds.as_expected:
        return Rating.AS_EXPECTED
    return Rating.BELOW


_HEAD_RATING = {
    OrgPredikat.ISTIMEWA: Rating.ABOVE,
    OrgPredikat.BAIK: Rating.AS_EXPECTED,
    OrgPredikat.BUTUH_PERBAIKAN: Rating.BELOW,
    OrgPredikat.KURANG: Rating.BELOW,
    OrgPredikat.SANGAT_KURANG: Rating.BELOW,
}


def suggest_rating_for_head(org: OrgPredikat) -> Rating:
    """Suggest a unit head's rating hasil kerja from the organisation's predikat (A 3, A 11).

    Istimewa → Di Atas; Baik → Sesuai; Butuh Perbaikan, Kurang, Sangat Kurang → Di Bawah.
    """
    return _HEAD_RATING[OrgPredikat(org)]
