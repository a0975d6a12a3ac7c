"""Golongan/ruang, pangkat and angka kredit coefficients (DOMAIN.md B 6.2, B 1.7)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain.enums import EmploymentType, FunctionalLevel
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.ranks import (
    AK_COEFFICIENT,
    PNS_GRADES,
    PPPK_GRADES,
    grade,
    grades_for,
    pangkat_label,
)

EXPECTED_PNS = [
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
]


def test_pns_grades_match_the_domain_list() -> None:
    assert [(g.code, g.pangkat) for g in PNS_GRADES] == EXPECTED_PNS
    assert [g.order for g in PNS_GRADES] == list(range(1, 18))
    assert all(g.employment_type == EmploymentType.PNS for g in PNS_GRADES)


def test_pppk_grades() -> None:
    assert len(PPPK_GRADES) == 17
    assert PPPK_GRADES[0].code == "I"
    assert PPPK_GRADES[8].code == "IX"
    assert PPPK_GRADES[-1].code == "XVII"
    assert PPPK_GRADES[8].pangkat == "Golongan IX"
    assert [g.order for g in PPPK_GRADES] == list(range(1, 18))


def test_grades_for() -> None:
    assert grades_for(EmploymentType.PNS) is PNS_GRADES
    assert grades_for(EmploymentType.PPPK) is PPPK_GRADES


@pytest.mark.parametrize("code", ["III/a", "iii/a", "III/A", " III / a ", "IIIa"])
def test_grade_lookup_variants(code: str) -> None:
    assert grade(code).code == "III/a"


def test_pppk_lookup_by_number() -> None:
    assert grade("09").code == "IX"
    assert grade("17").code == "XVII"
    assert grade("ix").employment_type == EmploymentType.PPPK


@pytest.mark.parametrize("code", ["V/a", "III/f", "XVIII", "18", "", "Penata"])
def test_unknown_grade(code: str) -> None:
    with pytest.raises(ValidationError) as info:
        grade(code)
    assert info.value.code == "grade.unknown"


def test_pangkat_label() -> None:
    assert pangkat_label("III/a") == "Penata Muda (III/a)"
    assert pangkat_label("IV/b") == "Pembina Tingkat I (IV/b)"
    assert pangkat_label("IX") == "Golongan IX"


def test_ak_coefficients() -> None:
    assert set(AK_COEFFICIENT) == set(FunctionalLevel)
    assert AK_COEFFICIENT[FunctionalLevel.AHLI_PERTAMA] == Decimal("12.5")
    assert AK_COEFFICIENT[FunctionalLevel.AHLI_MUDA] == Decimal(25)
    assert AK_COEFFICIENT[FunctionalLevel.AHLI_MADYA] == Decimal("37.5")
    assert AK_COEFFICIENT[FunctionalLevel.AHLI_UTAMA] == Decimal(50)
    assert AK_COEFFICIENT[FunctionalLevel.PEMULA] == Decimal("3.75")
    assert AK_COEFFICIENT[FunctionalLevel.TERAMPIL] == Decimal(5)
    assert AK_COEFFICIENT[FunctionalLevel.MAHIR] == Decimal("12.5")
    assert AK_COEFFICIENT[FunctionalLevel.PENYELIA] == Decimal(25)
