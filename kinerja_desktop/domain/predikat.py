"""Predikat kinerja: the matrix, the distribution check, and what a predikat is worth.

The *predikat kinerja pegawai* (an employee's performance verdict) follows from two ratings,
hasil kerja (results) and perilaku kerja (behaviour), through the matrix of PermenPANRB 6/2022
(DOMAIN.md B 1.4) and nothing else (A 5). SE MenPANRB 3/2023 then expects the predikat of a
unit's employees to follow a pattern set by the unit's own result, the *capaian kinerja
organisasi* (B 1.5); breaking it is a warning, never a block (A 7).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

from kinerja_desktop.domain.enums import FunctionalLevel, OrgPredikat, Predikat, Rating
from kinerja_desktop.domain.messages import label, text, validation_error
from kinerja_desktop.domain.ranks import AK_COEFFICIENT

__all__ = [
    "DEFAULT_TPP_PERCENT",
    "DISTRIBUTION_AXIS",
    "PREDIKAT_PERCENT",
    "DistributionWarning",
    "ExpectedDistribution",
    "ExpectedShare",
    "angka_kredit",
    "check_distribution",
    "expected_distribution",
    "predikat",
]

_MATRIX: Mapping[tuple[Rating, Rating], Predikat] = MappingProxyType(
    {
        # (hasil kerja, perilaku kerja)
        (Rating.ABOVE, Rating.ABOVE): Predikat.SANGAT_BAIK,
        (Rating.ABOVE, Rating.AS_EXPECTED): Predikat.BAIK,
        (Rating.ABOVE, Rating.BELOW): Predikat.KURANG,
        (Rating.AS_EXPECTED, Rating.ABOVE): Predikat.BAIK,
        (Rating.AS_EXPECTED, Rating.AS_EXPECTED): Predikat.BAIK,
        (Rating.AS_EXPECTED, Rating.BELOW): Predikat.KURANG,
        (Rating.BELOW, Rating.ABOVE): Predikat.BUTUH_PERBAIKAN,
        (Rating.BELOW, Rating.AS_EXPECTED): Predikat.BUTUH_PERBAIKAN,
        (Rating.BELOW, Rating.BELOW): Predikat.SANGAT_KURANG,
    }
)


def predikat(hasil: Rating, perilaku: Rating) -> Predikat:
    """Return the predikat kinerja for a rating hasil kerja and a rating perilaku kerja.

    Perilaku Di Bawah gives Kurang/Misconduct (Sangat Kurang when hasil is also Di Bawah);
    hasil Di Bawah with acceptable perilaku gives Butuh Perbaikan; only Di Atas/Di Atas gives
    Sangat Baik; everything else is Baik.
    """
    return _MATRIX[(Rating(hasil), Rating(perilaku))]


# Percentage of the yearly coefficient earned per predikat (Peraturan BKN 3/2023).
PREDIKAT_PERCENT: Mapping[Predikat, Decimal] = MappingProxyType(
    {
        Predikat.SANGAT_BAIK: Decimal(150),
        Predikat.BAIK: Decimal(100),
        Predikat.BUTUH_PERBAIKAN: Decimal(75),
        Predikat.KURANG: Decimal(50),
        Predikat.SANGAT_KURANG: Decimal(25),
    }
)

# Percentage of the TPP (tambahan penghasilan pegawai, the regional allowance) paid per
# predikat. PLACEHOLDER: no Kota Padang rule (Perwako) was found, so this is a product decision
# to be replaced by the installation's configured table (DOMAIN.md A 10, B 1.7).
DEFAULT_TPP_PERCENT: Mapping[Predikat, Decimal] = MappingProxyType(
    {
        Predikat.SANGAT_BAIK: Decimal(100),
        Predikat.BAIK: Decimal(100),
        Predikat.BUTUH_PERBAIKAN: Decimal(80),
        Predikat.KURANG: Decimal(60),
        Predikat.SANGAT_KURANG: Decimal(40),
    }
)


def angka_kredit(
    months: int,
    predikat: Predikat,
    level: FunctionalLevel,
    *,
    percents: Mapping[Predikat, Decimal] | None = None,
    coefficients: Mapping[FunctionalLevel, Decimal] | None = None,
) -> Decimal:
    """Convert a predikat into angka kredit (credit points) for a jabatan fungsional.

    ``AK = months / 12 × percent / 100 × yearly coefficient`` (DOMAIN.md B 1.7): Ahli Pertama,
    12 months Sangat Baik → 18.75; 2 months Baik → 2.0833… (printed 2.08).

    Args:
        months: months of the period that the predikat covers, 1–12.
        predikat: the predikat kinerja of that period.
        level: the functional level (jenjang).
        percents: the installation's table, default :data:`PREDIKAT_PERCENT`.
        coefficients: the installation's table, default :data:`ranks.AK_COEFFICIENT`.

    Returns:
        The unrounded angka kredit; round with :func:`scoring.round2` for display.

    Raises:
        ValidationError: ``"ak.months"`` when months is not 1–12.
    """
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= 12:
        raise validation_error("ak.months", field="bulan", months=months)
    percent = (PREDIKAT_PERCENT if percents is None else percents)[Predikat(predikat)]
    table = AK_COEFFICIENT if coefficients is None else coefficients
    coefficient = table[FunctionalLevel(level)]
    exact = Fraction(months, 12) * Fraction(percent) / 100 * Fraction(coefficient)
    return Decimal(exact.numerator) / Decimal(exact.denominator)


@dataclass(frozen=True)
class DistributionWarning:
    """A way a unit's predikat distribution departs from the SE 3/2023 pattern.

    Attributes:
        code: ``"distribution.max"``, ``"distribution.min"``, ``"distribution.not_largest"``,
            ``"distribution.required"`` or ``"distribution.forbidden"``.
        message: the Indonesian sentence for the recap.
        predikat: the employee predikat the warning is about.
    """

    code: str
    message: str
    predikat: tuple[Predikat, ...]


@dataclass(frozen=True)
class _Rule:
    kind: str
    predikat: tuple[Predikat, ...]
    limit: int = 0


_SB, _B, _BP, _K, _SK = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)
# DOMAIN.md B 1.5 (one secondary source; hence warnings only). "Most employees" is read as
# "the largest group" (ties allowed), with the stated maximum on top.
_RULES: Mapping[OrgPredikat, tuple[_Rule, ...]] = MappingProxyType(
    {
        OrgPredikat.ISTIMEWA: (_Rule("not_largest", (_SB,)), _Rule("max", (_SB,), 70)),
        OrgPredikat.BAIK: (
            _Rule("not_largest", (_B,)),
            _Rule("max", (_B,), 70),
            _Rule("required", (_BP, _K)),
        ),
        OrgPredikat.BUTUH_PERBAIKAN: (_Rule("min", (_BP,), 60), _Rule("max", (_SB,), 10)),
        OrgPredikat.KURANG: (
            _Rule("min", (_K,), 60),
            _Rule("min", (_BP,), 10),
            _Rule("max", (_SB,), 10),
        ),
        OrgPredikat.SANGAT_KURANG: (
            _Rule("min", (_SK,), 60),
            _Rule("min", (_K, _BP), 10),
            _Rule("forbidden", (_SB,)),
        ),
    }
)


def _percent_text(share: Fraction) -> str:
    if share.denominator == 1:
        return str(share.numerator)
    tenths = math.floor(share * 10 + Fraction(1, 2))
    return f"{tenths // 10},{tenths % 10}"


def check_distribution(
    org: OrgPredikat, counts: Mapping[Predikat, int], *, lang: str = "id"
) -> tuple[DistributionWarning, ...]:
    """Check a unit's employee predikat against the SE 3/2023 pattern for its organisation.

    Args:
        org: the capaian kinerja organisasi of the unit for the period.
        counts: number of employees per predikat; a missing predikat counts 0.
        lang: the language of the messages (the English Dasbor words them in English).

    Returns:
        The warnings, in rule order; empty when the pattern holds or nobody has a predikat.
        Shares are compared exactly (2 of 3 is 66.67 %, not 66 or 67).

    Raises:
        ValidationError: ``"distribution.negative_count"`` for a negative count.
    """
    tally = {p: int(counts.get(p, 0)) for p in Predikat}
    if any(n < 0 for n in tally.values()):
        raise validation_error("distribution.negative_count")
    total = sum(tally.values())
    if total == 0:
        return ()
    org = OrgPredikat(org)
    warnings: list[DistributionWarning] = []
    for rule in _RULES[org]:
        group = sum(tally[p] for p in rule.predikat)
        share = Fraction(group * 100, total)
        if rule.kind == "max":
            broken = share > rule.limit
        elif rule.kind == "min":
            broken = share < rule.limit
        elif rule.kind == "not_largest":
            broken = any(tally[p] > group for p in Predikat if p not in rule.predikat)
        elif rule.kind == "required":
            broken = group == 0
        else:
            broken = group > 0
        if broken:
            code = f"distribution.{rule.kind}"
            message = text(
                code,
                lang,
                org=label(org, lang),
                predikat=(" and/or " if lang == "en" else " dan/atau ").join(
                    label(p, lang) for p in rule.predikat
                ),
                limit=rule.limit,
                share=_percent_text(share),
            )
            warnings.append(DistributionWarning(code, message, rule.predikat))
    return tuple(warnings)


#: The axis of the lampiran's "kurva distribusi": from Sangat Kurang to Sangat Baik.
DISTRIBUTION_AXIS: tuple[Predikat, ...] = (_SK, _K, _BP, _B, _SB)


@dataclass(frozen=True)
class ExpectedShare:
    """The band a predikat's share of a unit's employees should fall in (percent, inclusive).

    ``largest`` marks the predikat that should be the most common one (ties allowed).
    """

    predikat: Predikat
    minimum: int
    maximum: int
    largest: bool = False


@dataclass(frozen=True)
class ExpectedDistribution:
    """The SE 3/2023 pattern for one capaian kinerja organisasi, one band per predikat.

    Attributes:
        org: the capaian kinerja organisasi.
        shares: one band per predikat, in :data:`DISTRIBUTION_AXIS` order.
        together: minimum shares of groups of predikat taken together (e.g. Kurang and/or
            Butuh Perbaikan at least 10 %), which no single band can say.
        required: predikat of which at least one employee must have one (any of them).
    """

    org: OrgPredikat
    shares: tuple[ExpectedShare, ...]
    together: tuple[tuple[tuple[Predikat, ...], int], ...] = ()
    required: tuple[Predikat, ...] = ()

    def share_of(self, grade: Predikat) -> ExpectedShare:
        return next(s for s in self.shares if s.predikat == Predikat(grade))


def expected_distribution(org_predikat: OrgPredikat) -> ExpectedDistribution:
    """The expected distribution of employee predikat for a unit's capaian kinerja organisasi.

    Built from the same rules as :func:`check_distribution`, so the printed band and the
    warnings never disagree. A band's maximum is the stated maximum, lowered by what the other
    predikat must hold at least (60 % Sangat Kurang leaves at most 40 % for each other one);
    when another predikat must be the largest group, no other can pass 50 %, and the largest
    holds at least 20 % (one fifth, the least a largest of five groups can hold).
    """
    org = OrgPredikat(org_predikat)
    rules = _RULES[org]
    largest = {r.predikat[0] for r in rules if r.kind == "not_largest" and len(r.predikat) == 1}
    shares = []
    for grade in DISTRIBUTION_AXIS:
        low, high = 0, 100
        for rule in rules:
            single = rule.predikat == (grade,)
            if rule.kind == "min" and single:
                low = max(low, rule.limit)
            elif rule.kind == "max" and single:
                high = min(high, rule.limit)
            elif rule.kind == "forbidden" and grade in rule.predikat:
                high = 0
        # The mins of several rules that leave this grade out add up (60 % SK + 10 % K/BP).
        others = sum(r.limit for r in rules if r.kind == "min" and grade not in r.predikat)
        high = min(high, 100 - others)
        if grade in largest:
            low = max(low, 20)
        elif largest:
            high = min(high, 50)
        shares.append(ExpectedShare(grade, low, max(low, high), grade in largest))
    together = tuple(
        (r.predikat, r.limit) for r in rules if r.kind == "min" and len(r.predikat) > 1
    )
    required = tuple(p for r in rules if r.kind == "required" for p in r.predikat)
    return ExpectedDistribution(org, tuple(shares), together, required)
