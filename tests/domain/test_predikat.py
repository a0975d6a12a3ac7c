"""Predikat matrix, angka kredit, TPP placeholder and the SE 3/2023 distribution check."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja_desktop.domain.enums import FunctionalLevel, OrgPredikat, Predikat, Rating
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.messages import MESSAGES
from kinerja_desktop.domain.predikat import (
    _RULES,
    DEFAULT_TPP_PERCENT,
    PREDIKAT_PERCENT,
    angka_kredit,
    check_distribution,
    predikat,
)
from kinerja_desktop.domain.scoring import round2

SB, B, BP, K, SK = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)


@pytest.mark.parametrize(
    ("hasil", "perilaku", "expected"),
    [
        (Rating.ABOVE, Rating.ABOVE, SB),
        (Rating.ABOVE, Rating.AS_EXPECTED, B),
        (Rating.ABOVE, Rating.BELOW, K),
        (Rating.AS_EXPECTED, Rating.ABOVE, B),
        (Rating.AS_EXPECTED, Rating.AS_EXPECTED, B),
        (Rating.AS_EXPECTED, Rating.BELOW, K),
        (Rating.BELOW, Rating.ABOVE, BP),
        (Rating.BELOW, Rating.AS_EXPECTED, BP),
        (Rating.BELOW, Rating.BELOW, SK),
    ],
)
def test_matrix_all_nine_cells(hasil: Rating, perilaku: Rating, expected: Predikat) -> None:
    assert predikat(hasil, perilaku) == expected


def test_matrix_accepts_stored_values() -> None:
    assert predikat("above", "above") == SB  # type: ignore[arg-type]


def test_predikat_percent() -> None:
    assert [PREDIKAT_PERCENT[p] for p in (SB, B, BP, K, SK)] == [150, 100, 75, 50, 25]


def test_default_tpp_placeholder() -> None:
    assert [DEFAULT_TPP_PERCENT[p] for p in (SB, B, BP, K, SK)] == [100, 100, 80, 60, 40]
    assert all(isinstance(v, D) for v in DEFAULT_TPP_PERCENT.values())


def test_angka_kredit_worked_examples() -> None:
    assert angka_kredit(12, SB, FunctionalLevel.AHLI_PERTAMA) == D("18.75")
    two_months = angka_kredit(2, B, FunctionalLevel.AHLI_PERTAMA)
    assert round2(two_months) == D("2.08")
    assert two_months != D("2.08")  # stored unrounded


def test_angka_kredit_other_levels_and_tables() -> None:
    assert angka_kredit(12, B, FunctionalLevel.AHLI_MUDA) == D(25)
    assert angka_kredit(6, SK, FunctionalLevel.AHLI_MADYA) == D("4.6875")
    assert angka_kredit(12, B, FunctionalLevel.TERAMPIL, percents={B: D(80)}) == D(4)
    assert (
        angka_kredit(12, B, FunctionalLevel.MAHIR, coefficients={FunctionalLevel.MAHIR: D(10)})
        == 10
    )


@pytest.mark.parametrize("months", [0, 13, -1, True])
def test_angka_kredit_months_range(months: int) -> None:
    with pytest.raises(ValidationError) as info:
        angka_kredit(months, B, FunctionalLevel.AHLI_PERTAMA)
    assert info.value.code == "ak.months"


def warning_codes(org: OrgPredikat, counts: dict[Predikat, int]) -> list[str]:
    return [w.code for w in check_distribution(org, counts)]


def test_distribution_empty_unit_has_no_warning() -> None:
    for org in OrgPredikat:
        assert check_distribution(org, {}) == ()


def test_istimewa() -> None:
    assert warning_codes(OrgPredikat.ISTIMEWA, {SB: 7, B: 3}) == []
    assert warning_codes(OrgPredikat.ISTIMEWA, {SB: 8, B: 2}) == ["distribution.max"]
    assert warning_codes(OrgPredikat.ISTIMEWA, {SB: 3, B: 5, BP: 2}) == ["distribution.not_largest"]
    assert warning_codes(OrgPredikat.ISTIMEWA, {SB: 4, B: 4, BP: 2}) == []  # a tie is fine


def test_baik() -> None:
    assert warning_codes(OrgPredikat.BAIK, {B: 7, BP: 2, SB: 1}) == []
    assert warning_codes(OrgPredikat.BAIK, {B: 7, K: 2, SK: 1}) == []
    assert warning_codes(OrgPredikat.BAIK, {B: 6, K: 1, SK: 1}) == ["distribution.max"]
    assert warning_codes(OrgPredikat.BAIK, {B: 9, SB: 1}) == [
        "distribution.max",
        "distribution.required",
    ]
    warnings = check_distribution(OrgPredikat.BAIK, {B: 5, SB: 5})
    assert [w.code for w in warnings] == ["distribution.required"]
    assert warnings[0].predikat == (BP, K)
    assert "Butuh Perbaikan dan/atau Kurang/Misconduct" in warnings[0].message


def test_butuh_perbaikan() -> None:
    assert warning_codes(OrgPredikat.BUTUH_PERBAIKAN, {BP: 6, B: 3, SB: 1}) == []
    assert warning_codes(OrgPredikat.BUTUH_PERBAIKAN, {BP: 5, B: 3, SB: 2}) == [
        "distribution.min",
        "distribution.max",
    ]


def test_kurang() -> None:
    assert warning_codes(OrgPredikat.KURANG, {K: 6, BP: 1, SB: 1, B: 2}) == []
    assert warning_codes(OrgPredikat.KURANG, {K: 6, B: 4}) == ["distribution.min"]
    messages = [w.message for w in check_distribution(OrgPredikat.KURANG, {K: 6, B: 4})]
    assert "paling sedikit 10%" in messages[0]
    assert "sekarang 0%" in messages[0]


def test_sangat_kurang() -> None:
    assert warning_codes(OrgPredikat.SANGAT_KURANG, {SK: 6, K: 1, B: 3}) == []
    assert warning_codes(OrgPredikat.SANGAT_KURANG, {SK: 6, BP: 1, B: 3}) == []
    assert warning_codes(OrgPredikat.SANGAT_KURANG, {SK: 6, SB: 1, B: 3}) == [
        "distribution.min",
        "distribution.forbidden",
    ]


def test_shares_are_exact() -> None:
    # 2 of 3 is 66.67 %: above a 60 % minimum; 1 of 3 is 33.3 %, shown with one decimal.
    assert warning_codes(OrgPredikat.BUTUH_PERBAIKAN, {BP: 2, B: 1}) == []
    warnings = check_distribution(OrgPredikat.BUTUH_PERBAIKAN, {BP: 1, B: 2})
    assert "33,3%" in warnings[0].message


def test_negative_count_refused() -> None:
    with pytest.raises(ValidationError) as info:
        check_distribution(OrgPredikat.BAIK, {B: -1})
    assert info.value.code == "distribution.negative_count"


def test_every_distribution_code_is_in_the_catalogue() -> None:
    for rules in _RULES.values():
        for rule in rules:
            assert f"distribution.{rule.kind}" in MESSAGES


# -- expected_distribution: the bands the printed kurva shows ------------------------------------

from kinerja_desktop.domain.predikat import (  # noqa: E402
    DISTRIBUTION_AXIS,
    expected_distribution,
)


def _band(org: OrgPredikat, grade: Predikat) -> tuple[int, int, bool]:
    share = expected_distribution(org).share_of(grade)
    return share.minimum, share.maximum, share.largest


def test_expected_distribution_runs_along_the_lampiran_axis():
    for org in OrgPredikat:
        expected = expected_distribution(org)
        assert tuple(s.predikat for s in expected.shares) == DISTRIBUTION_AXIS
        assert DISTRIBUTION_AXIS[0] == SK and DISTRIBUTION_AXIS[-1] == SB
        for share in expected.shares:
            assert 0 <= share.minimum <= share.maximum <= 100


@pytest.mark.parametrize(
    ("org", "grade", "band"),
    [
        # Istimewa: Sangat Baik the largest group, at most 70 %; nobody else can pass 50 %.
        (OrgPredikat.ISTIMEWA, SB, (20, 70, True)),
        (OrgPredikat.ISTIMEWA, B, (0, 50, False)),
        (OrgPredikat.BAIK, B, (20, 70, True)),
        (OrgPredikat.BAIK, SB, (0, 50, False)),
        # Butuh Perbaikan: at least 60 % BP leaves at most 40 % to each other; SB at most 10 %.
        (OrgPredikat.BUTUH_PERBAIKAN, BP, (60, 100, False)),
        (OrgPredikat.BUTUH_PERBAIKAN, SB, (0, 10, False)),
        (OrgPredikat.BUTUH_PERBAIKAN, B, (0, 40, False)),
        # Kurang: K at least 60 %, BP at least 10 %: K at most 90, B at most 30.
        (OrgPredikat.KURANG, K, (60, 90, False)),
        (OrgPredikat.KURANG, BP, (10, 40, False)),
        (OrgPredikat.KURANG, B, (0, 30, False)),
        # Sangat Kurang: SK at least 60 %, K and/or BP at least 10 % together, no SB at all.
        (OrgPredikat.SANGAT_KURANG, SK, (60, 90, False)),
        (OrgPredikat.SANGAT_KURANG, K, (0, 40, False)),
        (OrgPredikat.SANGAT_KURANG, B, (0, 30, False)),
        (OrgPredikat.SANGAT_KURANG, SB, (0, 0, False)),
    ],
)
def test_expected_bands_follow_the_rules(org, grade, band):
    assert _band(org, grade) == band


def test_group_rules_are_kept_beside_the_bands():
    assert expected_distribution(OrgPredikat.SANGAT_KURANG).together == (((K, BP), 10),)
    assert set(expected_distribution(OrgPredikat.BAIK).required) == {BP, K}
    assert expected_distribution(OrgPredikat.ISTIMEWA).required == ()


@pytest.mark.parametrize(
    ("org", "counts"),
    [
        (OrgPredikat.ISTIMEWA, {SB: 50, B: 30, BP: 10, K: 10}),
        (OrgPredikat.BAIK, {B: 60, SB: 20, BP: 10, K: 10}),
        (OrgPredikat.BUTUH_PERBAIKAN, {BP: 70, B: 20, SB: 10}),
        (OrgPredikat.KURANG, {K: 70, BP: 20, B: 10}),
        (OrgPredikat.SANGAT_KURANG, {SK: 70, K: 20, B: 10}),
    ],
)
def test_bands_and_the_check_agree(org, counts):
    """A distribution inside every band raises no warning, and pushing one predikat past its
    band's maximum (or under its minimum) raises one: the printed bands and the warnings
    never disagree."""
    expected = expected_distribution(org)
    for share in expected.shares:
        assert share.minimum <= counts.get(share.predikat, 0) <= share.maximum
    assert check_distribution(org, counts) == ()
    for share in expected.shares:
        if share.maximum < 100 and not share.largest and share.maximum > 0:
            over = {share.predikat: share.maximum + 1}
            rest = [s for s in expected.shares if s.predikat != share.predikat]
            # the remaining employees on the other predikat, at their minimum where one is set
            for other in rest:
                over[other.predikat] = other.minimum
            assert check_distribution(org, over) != (), (org, share.predikat)
