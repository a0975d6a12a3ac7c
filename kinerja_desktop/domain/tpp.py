"""TPP in rupiah: what a predikat yields for a kelas jabatan (issue 20.3, DOMAIN.md A 10).

The TPP (tambahan penghasilan pegawai, the regional allowance) is set by the city (Perwako): a
base amount per *kelas jabatan* (1 to 17) and a percentage per predikat. The app only shows
what those two tables give, ``base(kelas) × percentage(predikat)``, rounded to whole rupiah;
it is a calculation from the installation's settings, never a payroll (no deductions,
attendance or taxes).

No Kota Padang table was found, so the default base is 0 for every kelas ("not set"), and a
zero base yields no amount rather than Rp 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from kinerja_desktop.domain.enums import Predikat

__all__ = [
    "DEFAULT_TPP_BASE",
    "KELAS_JABATAN",
    "MAX_TPP_BASE",
    "is_kelas_jabatan",
    "parse_tpp_base",
    "parse_tpp_percent",
    "tpp_amount",
    "tpp_for",
]

#: The kelas jabatan a position may have (Perpres on tunjangan kinerja: 1 to 17).
KELAS_JABATAN: tuple[int, ...] = tuple(range(1, 18))
#: The largest base accepted (a sanity bound far above any real TPP, in rupiah).
MAX_TPP_BASE = 1_000_000_000

DEFAULT_TPP_BASE: Mapping[int, int] = MappingProxyType(dict.fromkeys(KELAS_JABATAN, 0))


def is_kelas_jabatan(value: Any) -> bool:
    """Whether ``value`` is a kelas jabatan (an int 1..17; bools are not)."""
    return isinstance(value, int) and not isinstance(value, bool) and value in KELAS_JABATAN


def tpp_amount(base: int, percent: Decimal) -> int:
    """``base × percent / 100`` in whole rupiah, half up (Rp 1.234.567,50 → Rp 1.234.568)."""
    exact = Decimal(base) * Decimal(percent) / Decimal(100)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def tpp_for(
    kelas: int | None,
    predikat: Predikat | None,
    *,
    bases: Mapping[int, int],
    percents: Mapping[Predikat, Decimal],
) -> int | None:
    """The rupiah ``predikat`` yields at ``kelas``; None when either is unknown or the base
    of that kelas is not set (0), so a missing figure never reads as Rp 0."""
    if kelas is None or predikat is None:
        return None
    base = bases.get(kelas, 0)
    if base <= 0:
        return None
    return tpp_amount(base, percents[predikat])


def parse_tpp_base(stored: Any) -> dict[int, int]:
    """The base table from its stored JSON form (``{"1": "1500000", ...}``); raises
    ValueError when it is not a mapping of every kelas to a whole rupiah in range."""
    if not isinstance(stored, Mapping):
        raise ValueError("tpp_base")
    out: dict[int, int] = {}
    for key, value in stored.items():
        try:
            kelas = int(str(key))
            amount = Decimal(str(value))
        except (ValueError, InvalidOperation) as exc:
            raise ValueError("tpp_base") from exc
        if kelas not in KELAS_JABATAN or amount != amount.to_integral_value():
            raise ValueError("tpp_base")
        if not 0 <= amount <= MAX_TPP_BASE:
            raise ValueError("tpp_base")
        out[kelas] = int(amount)
    if set(out) != set(KELAS_JABATAN):
        raise ValueError("tpp_base")
    return out


def parse_tpp_percent(stored: Any) -> dict[Predikat, Decimal]:
    """The percentage table from its stored JSON form (``{"BAIK": "100", ...}``); raises
    ValueError unless every predikat has a percentage from 0 to 100."""
    if not isinstance(stored, Mapping):
        raise ValueError("tpp_percent")
    try:
        out = {Predikat(k): Decimal(str(v)) for k, v in stored.items()}
    except (ValueError, InvalidOperation) as exc:
        raise ValueError("tpp_percent") from exc
    if set(out) != set(Predikat) or not all(v.is_finite() and 0 <= v <= 100 for v in out.values()):
        raise ValueError("tpp_percent")
    return out
