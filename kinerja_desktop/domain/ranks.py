"""Golongan/ruang and pangkat (rank), and the angka kredit coefficients of functional levels.

A PNS holds a golongan/ruang such as ``III/a`` with a pangkat (rank title) such as
"Penata Muda" (DOMAIN.md B 6.2). A PPPK holds a golongan I–XVII without a pangkat title.
Angka kredit (credit points) are what a jabatan fungsional earns each year; the yearly
coefficient depends on the functional level (DOMAIN.md B 1.7).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from kinerja_desktop.domain.enums import EmploymentType, FunctionalLevel
from kinerja_desktop.domain.messages import validation_error

__all__ = [
    "AK_COEFFICIENT",
    "PNS_GRADES",
    "PPPK_GRADES",
    "Grade",
    "grade",
    "grades_for",
    "pangkat_label",
]


@dataclass(frozen=True)
class Grade:
    """One golongan/ruang.

    Attributes:
        code: ``"III/a"`` for a PNS, ``"IX"`` for a PPPK.
        pangkat: the rank title, ``"Penata Muda"``; for a PPPK ``"Golongan IX"``.
        employment_type: PNS or PPPK.
        order: 1 for the lowest grade of its employment type, rising by one.
    """

    code: str
    pangkat: str
    employment_type: EmploymentType
    order: int


_PNS = (
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
)
_ROMAN = (
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
    "XVII",
)

PNS_GRADES: tuple[Grade, ...] = tuple(
    Grade(code, pangkat, EmploymentType.PNS, order)
    for order, (code, pangkat) in enumerate(_PNS, start=1)
)
PPPK_GRADES: tuple[Grade, ...] = tuple(
    Grade(code, f"Golongan {code}", EmploymentType.PPPK, order)
    for order, code in enumerate(_ROMAN, start=1)
)
_BY_CODE: dict[str, Grade] = {g.code: g for g in (*PNS_GRADES, *PPPK_GRADES)}

# Yearly angka kredit per level. Ahli Pertama and Ahli Muda are confirmed by BKN slides; the
# others are general knowledge (DOMAIN.md B 1.7 [M]) and are defaults a table may override.
AK_COEFFICIENT: Mapping[FunctionalLevel, Decimal] = MappingProxyType(
    {
        FunctionalLevel.AHLI_PERTAMA: Decimal("12.5"),
        FunctionalLevel.AHLI_MUDA: Decimal("25"),
        FunctionalLevel.AHLI_MADYA: Decimal("37.5"),
        FunctionalLevel.AHLI_UTAMA: Decimal("50"),
        FunctionalLevel.PEMULA: Decimal("3.75"),
        FunctionalLevel.TERAMPIL: Decimal("5"),
        FunctionalLevel.MAHIR: Decimal("12.5"),
        FunctionalLevel.PENYELIA: Decimal("25"),
    }
)

_PNS_CODE = re.compile(r"^(I|II|III|IV)/?([A-Ea-e])$")


def grades_for(employment_type: EmploymentType) -> tuple[Grade, ...]:
    """Return the grades of an employment type, lowest first."""
    return PNS_GRADES if employment_type == EmploymentType.PNS else PPPK_GRADES


def _canonical(code: str) -> str:
    compact = re.sub(r"\s+", "", str(code)).upper()
    match = _PNS_CODE.match(compact)
    if match:
        return f"{match.group(1)}/{match.group(2).lower()}"
    # PPPK golongan are also stored as 01–17.
    if compact.isdigit() and 1 <= int(compact) <= len(_ROMAN):
        return _ROMAN[int(compact) - 1]
    return compact


def grade(code: str) -> Grade:
    """Look up a grade by its code.

    Accepts the codes as printed (``"III/a"``, ``"IX"``) and the usual variants: any letter
    case, spaces, a missing slash (``"IIIa"``) and PPPK numbers ``"01"``–``"17"``. PNS and PPPK
    codes never collide because PNS codes always carry a ruang letter.

    Raises:
        ValidationError: code ``"grade.unknown"`` for anything else.
    """
    found = _BY_CODE.get(_canonical(code))
    if found is None:
        raise validation_error("grade.unknown", field="golongan", value=code)
    return found


def pangkat_label(code: str) -> str:
    """Return the printed pangkat text: ``"Penata Muda (III/a)"`` or ``"Golongan IX"``.

    A PPPK grade has no title of its own, so its label is just ``"Golongan <code>"``.

    Raises:
        ValidationError: code ``"grade.unknown"`` for an unknown code.
    """
    found = grade(code)
    if found.employment_type == EmploymentType.PPPK:
        return found.pangkat
    return f"{found.pangkat} ({found.code})"
