"""Property tests (hypothesis) for capaian, IKM and target splitting."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings, strategies as st

from kinerja_desktop.domain.enums import IkmMutu, Polarity, SplitRule
from kinerja_desktop.domain.ikm import compute_ikm, compute_ikm_from_totals
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.domain.scoring import capaian, category, round2
from kinerja_desktop.domain.targets import split_target

FAST = settings(max_examples=150, deadline=None)

positive = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal(1_000_000), places=2, allow_nan=False
)
non_negative = st.decimals(
    min_value=Decimal(0), max_value=Decimal(1_000_000), places=3, allow_nan=False
)
caps = st.none() | st.sampled_from([Decimal(100), Decimal(120)])


@st.composite
def indicator(draw: st.DrawFn) -> tuple[Decimal, Polarity, Decimal | None]:
    polarity = draw(st.sampled_from(list(Polarity)))
    lo = draw(positive)
    hi = lo + draw(non_negative) if polarity == Polarity.RANGE else None
    return lo, polarity, hi


@FAST
@given(indicator(), non_negative, caps)
def test_capaian_never_raises_and_is_not_negative(
    target: tuple[Decimal, Polarity, Decimal | None], realisasi: Decimal, cap: Decimal | None
) -> None:
    lo, polarity, hi = target
    value = capaian(realisasi, lo, polarity, target_hi=hi, cap=cap)
    assert value >= 0
    if cap is not None:
        assert value <= cap
    category(value)
    round2(value)


@FAST
@given(non_negative, caps)
def test_lower_with_target_zero_never_raises(realisasi: Decimal, cap: Decimal | None) -> None:
    assert capaian(realisasi, Decimal(0), Polarity.LOWER, cap=cap) in (0, 100)


@FAST
@given(positive, non_negative, non_negative, caps)
def test_higher_is_monotonic(target: Decimal, a: Decimal, b: Decimal, cap: Decimal | None) -> None:
    low, high = sorted((a, b))
    assert capaian(low, target, Polarity.HIGHER, cap=cap) <= capaian(
        high, target, Polarity.HIGHER, cap=cap
    )


@FAST
@given(positive, non_negative, non_negative, caps)
def test_lower_is_monotonic(target: Decimal, a: Decimal, b: Decimal, cap: Decimal | None) -> None:
    low, high = sorted((a, b))
    assert capaian(low, target, Polarity.LOWER, cap=cap) >= capaian(
        high, target, Polarity.LOWER, cap=cap
    )


@FAST
@given(indicator(), non_negative, st.sampled_from([Decimal(100), Decimal(120)]))
def test_capped_never_exceeds_cap(
    target: tuple[Decimal, Polarity, Decimal | None], realisasi: Decimal, cap: Decimal
) -> None:
    lo, polarity, hi = target
    assert capaian(realisasi, lo, polarity, target_hi=hi, cap=cap) <= cap


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=200))
def test_all_fours_is_exactly_100(respondents: int) -> None:
    result = compute_ikm([[4] * 9 for _ in range(respondents)])
    assert result.converted == Decimal("100.00")
    assert result.mutu == IkmMutu.A


answer = st.none() | st.integers(min_value=1, max_value=4)


@st.composite
def surveys(draw: st.DrawFn) -> list[list[int | None]]:
    """Survey answers where every unsur has at least one answer, built valid rather than
    filtered: one respondent per unsur holds that unsur's guaranteed answer, the rest is free
    (a filter threw most random surveys away and made this the suite's slowest property)."""
    rows = draw(st.lists(st.lists(answer, min_size=9, max_size=9), min_size=1, max_size=40))
    for unsur in range(9):
        if all(row[unsur] is None for row in rows):
            who = draw(st.integers(min_value=0, max_value=len(rows) - 1))
            rows[who][unsur] = draw(st.integers(min_value=1, max_value=4))
    return rows


@FAST
@given(surveys())
def test_converted_within_25_and_100(rows: list[list[int | None]]) -> None:
    result = compute_ikm(rows)
    assert Decimal(25) <= result.converted <= Decimal(100)
    assert Decimal(1) <= result.ikm_rounded <= Decimal(4)
    assert all(Decimal(1) <= nrr <= Decimal(4) for nrr in result.nrr)


@FAST
@given(st.lists(st.integers(min_value=1, max_value=500), min_size=9, max_size=9), st.data())
def test_totals_path_within_range(counts: list[int], data: st.DataObject) -> None:
    totals = [data.draw(st.integers(min_value=c, max_value=4 * c)) for c in counts]
    result = compute_ikm_from_totals(totals, counts)
    assert Decimal(25) <= result.converted <= Decimal(100)


@FAST
@given(
    st.decimals(min_value=Decimal(0), max_value=Decimal(10**9), places=4, allow_nan=False),
    st.integers(min_value=1, max_value=366),
    st.integers(min_value=0, max_value=3),
)
def test_cumulative_split_sums_exactly(annual: Decimal, count: int, places: int) -> None:
    parts = split_target(annual, SplitRule.CUMULATIVE, count, places=places)
    assert len(parts) == count
    assert sum(parts, Decimal(0)) == annual
    assert all(part >= 0 for part in parts)
    assert parts[-1] >= parts[0]


@FAST
@given(
    st.integers(min_value=1900, max_value=9998),
    st.sampled_from(list(PeriodKind)),
    st.integers(min_value=0, max_value=11),
)
def test_period_text_round_trip(year: int, kind: PeriodKind, offset: int) -> None:
    period = Period(kind, year, 0 if kind == PeriodKind.YEAR else offset % kind.count_per_year + 1)
    assert Period.parse(str(period)) == period
    assert period.year_period().contains(period)
    assert period.start <= period.end < period.default_deadline()
