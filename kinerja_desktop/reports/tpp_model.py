"""The TPP part of the recaps (issue 20.3): what each approved predikat yields in rupiah.

Plain data, filled by ``services/reporting/recap_tpp.py`` and printed by the recap's PDF and
xlsx writers. Rupiah are whole ints (None: no figure, with the reason in words).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["TppEmployeeRow", "TppOfficeRow", "TppSection"]


@dataclass(frozen=True)
class TppEmployeeRow:
    """One employee: kelas, predikat, base × percentage = rupiah, or why there is none."""

    nip: str
    name: str
    kelas: str
    predikat: str
    base: int | None
    percent: str
    rupiah: int | None
    reason: str = ""


@dataclass(frozen=True)
class TppOfficeRow:
    """One office of the kecamatan recap: how many figures, their sum and mean."""

    code: str
    name: str
    employees: int
    counted: int
    total: int
    mean: int | None


@dataclass(frozen=True)
class TppSection:
    """The TPP figures of a recap, with the note that they are no payroll.

    ``base_set`` is False when no kelas has a base in Pengaturan (then only the note prints).
    """

    note: str
    base_set: bool
    employees: tuple[TppEmployeeRow, ...] = ()
    offices: tuple[TppOfficeRow, ...] = ()
    counted: int = 0
    total: int = 0
