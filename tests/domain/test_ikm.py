"""IKM (PermenPANRB 14/2017): NRR, exact 1/9 weight, conversion and mutu (DOMAIN.md A 6, B 4)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja_desktop.domain.enums import IkmMutu
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.ikm import (
    IKM_UNSUR,
    compute_ikm,
    compute_ikm_from_totals,
    ikm_mutu,
)

TOTALS = [35, 31, 30, 40, 32, 35, 37, 30, 27]


def test_unsur_list() -> None:
    assert [code for code, _ in IKM_UNSUR] == [f"U{n}" for n in range(1, 10)]
    assert IKM_UNSUR[0][1] == "Persyaratan"
    assert IKM_UNSUR[7][1] == "Sarana dan Prasarana"
    assert IKM_UNSUR[8][1] == "Penanganan Pengaduan, Saran dan Masukan"


def test_worked_example_from_totals() -> None:
    result = compute_ikm_from_totals(TOTALS, [10] * 9)
    assert [str(v) for v in result.nrr] == ["3.5", "3.1", "3", "4", "3.2", "3.5", "3.7", "3", "2.7"]
    assert result.ikm == D("3.3")
    assert result.ikm_rounded == D("3.30")
    assert result.converted == D("82.50")
    assert str(result.converted) == "82.50"
    assert result.mutu == IkmMutu.B
    assert result.kinerja == "Baik"
    assert result.weakest_unsur == "U9"
    assert result.answered == (10,) * 9


def rows_for_totals(totals: list[int], respondents: int) -> list[list[int]]:
    """Build answer rows whose column sums are ``totals``."""
    rows = [[1] * 9 for _ in range(respondents)]
    for column, total in enumerate(totals):
        extra = total - respondents
        for row in rows:
            add = min(3, extra)
            row[column] += add
            extra -= add
    return rows


def test_worked_example_from_answers() -> None:
    rows = rows_for_totals(TOTALS, 10)
    assert [sum(col) for col in zip(*rows, strict=True)] == TOTALS
    result = compute_ikm(rows)
    assert (result.ikm_rounded, result.converted, result.mutu) == (D("3.30"), D("82.50"), "B")


def test_all_fours_is_exactly_100_and_a() -> None:
    result = compute_ikm([[4] * 9] * 3)
    assert result.converted == D("100.00")
    assert result.ikm == 4
    assert result.mutu == IkmMutu.A
    assert result.kinerja == "Sangat Baik"


def test_all_ones_is_25_and_d() -> None:
    result = compute_ikm([[1] * 9])
    assert result.converted == D("25.00")
    assert result.mutu == IkmMutu.D
    assert result.kinerja == "Tidak Baik"


def test_blank_answers_are_left_out_of_the_nrr() -> None:
    rows = [[4] * 9, [2] * 9, [None, 2, 2, 2, 2, 2, 2, 2, 2]]
    result = compute_ikm(rows)
    assert result.nrr[0] == D(3)  # (4 + 2) / 2, not / 3
    assert result.answered[0] == 2
    assert result.nrr[1] == D(8) / D(3)


def test_exact_weight_not_0_111() -> None:
    # Sum of NRR 27.6: exactly 27.6 / 9 × 25 = 76.67 (B); with the printed weight 0.111 it
    # would be 27.6 × 0.111 × 25 = 76.59 (C).
    result = compute_ikm_from_totals([31, 31, 31, 31, 31, 31, 30, 30, 30], [10] * 9)
    assert result.converted == D("76.67")
    assert result.mutu == IkmMutu.B


@pytest.mark.parametrize(
    ("converted", "mutu"),
    [
        ("25.00", IkmMutu.D),
        ("64.99", IkmMutu.D),
        ("65.00", IkmMutu.C),
        ("76.60", IkmMutu.C),
        ("76.61", IkmMutu.B),
        ("88.30", IkmMutu.B),
        ("88.31", IkmMutu.A),
        ("100.00", IkmMutu.A),
    ],
)
def test_mutu_boundaries(converted: str, mutu: IkmMutu) -> None:
    assert ikm_mutu(D(converted)) == mutu


def test_converted_rounds_the_exact_ikm_half_up() -> None:
    # Every NRR 2.6002, so IKM × 25 = 65.005 exactly: half up gives 65.01, mutu C.
    result = compute_ikm_from_totals([26002] * 9, [10000] * 9)
    assert result.converted == D("65.01")
    assert result.ikm_rounded == D("2.60")
    assert result.mutu == IkmMutu.C


def test_unanswered_unsur_is_named() -> None:
    rows = [[4, 4, 4, None, 4, 4, 4, 4, 4]] * 5
    with pytest.raises(ValidationError) as info:
        compute_ikm(rows)
    assert info.value.code == "ikm.unsur_unanswered"
    assert info.value.field == "U4"
    assert "U4" in info.value.message
    assert "Biaya/Tarif" in info.value.message


def test_empty_survey_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        compute_ikm([])
    assert info.value.code == "ikm.unsur_unanswered"
    assert info.value.field == "U1"


@pytest.mark.parametrize("bad", [0, 5, -1, True, 2.5, "3"])
def test_answer_outside_range(bad: object) -> None:
    rows = [[4] * 9, [4, 4, bad, 4, 4, 4, 4, 4, 4]]
    with pytest.raises(ValidationError) as info:
        compute_ikm(rows)  # type: ignore[arg-type]
    assert info.value.code == "ikm.answer_range"
    assert info.value.row == 2
    assert info.value.field == "U3"
    assert "Jawaban responden ke-2 untuk U3" in info.value.message


def test_wrong_answer_count() -> None:
    with pytest.raises(ValidationError) as info:
        compute_ikm([[4] * 8])
    assert info.value.code == "ikm.answer_count"
    assert info.value.row == 1


def test_totals_validation() -> None:
    with pytest.raises(ValidationError) as info:
        compute_ikm_from_totals(TOTALS[:8], [10] * 8)
    assert info.value.code == "ikm.unsur_count"
    with pytest.raises(ValidationError) as info:
        compute_ikm_from_totals([41, *TOTALS[1:]], [10] * 9)
    assert info.value.code == "ikm.total_range"
    with pytest.raises(ValidationError) as info:
        compute_ikm_from_totals(TOTALS, [10] * 8 + [0])
    assert info.value.code == "ikm.unsur_unanswered"
    assert info.value.field == "U9"
