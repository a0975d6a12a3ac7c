"""Splitting an annual target into period targets, and rolling period realisations up a year.

An indicator's annual target is split by one of three rules (DOMAIN.md A 9):

- ``CUMULATIVE``: the period targets add up to the annual one (counts of documents, say); the
  annual realisation (*realisasi*) is the sum of the periods.
- ``SAME``: every period has the annual target (rates and percentages); the annual realisation
  is the value measured over the year where one is entered, else the mean of the periods.
- ``LAST``: every period carries the annual target as the level to reach, and only the last
  period counts: the annual realisation is the last period's.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal, localcontext

from kinerja_desktop.domain.enums import SplitRule
from kinerja_desktop.domain.messages import validation_error
from kinerja_desktop.domain.scoring import to_decimal

__all__ = ["annual_realisation", "split_target"]


def split_target(annual: Decimal, rule: SplitRule, count: int, *, places: int = 2) -> list[Decimal]:
    """Split an annual target into ``count`` period targets.

    Args:
        annual: the annual target, not negative.
        rule: the indicator's split rule.
        count: the number of periods (4 for triwulan, 12 for months...).
        places: decimals of a cumulative share; 0 gives whole numbers for counted things.

    Returns:
        ``CUMULATIVE``: equal shares truncated to ``places`` decimals, with the remainder on the
        last period, so the list adds up *exactly* to ``annual`` (10 over 3 → 3.33, 3.33,
        3.34). Truncating rather than rounding keeps the last share the largest and never
        negative. ``SAME`` and ``LAST``: ``count`` copies of ``annual``.

    Raises:
        ValidationError: ``"target.split_count"`` when ``count`` < 1, ``"target.negative"``.
    """
    rule = SplitRule(rule)
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise validation_error("target.split_count", field="target", count=count)
    total = to_decimal(annual, "target")
    if total < 0:
        raise validation_error("target.negative", field="target", value=total)
    if rule != SplitRule.CUMULATIVE:
        return [total] * count
    with localcontext() as ctx:
        ctx.prec = 40
        share = (total / count).quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)
        last = total - share * (count - 1)
    return [share] * (count - 1) + [last]


def annual_realisation(
    values: Sequence[Decimal | None],
    rule: SplitRule,
    *,
    measured: Decimal | None = None,
) -> Decimal | None:
    """Roll the period realisations of an indicator up to the year.

    Args:
        values: the realisation of each period in order; ``None`` where not entered yet.
        rule: the indicator's split rule.
        measured: a value measured over the whole year; used by ``SAME`` only (a rate measured
            over the year beats the mean of four quarterly rates) and ignored by the others.

    Returns:
        ``CUMULATIVE``: the sum of the entered values. ``SAME``: ``measured`` if given, else the
        plain mean of the entered values. ``LAST``: the last entered value, so an unfinished
        year shows its latest level. ``None`` when nothing was entered (and, for ``SAME``, no
        ``measured``).
    """
    rule = SplitRule(rule)
    filled = [to_decimal(v, "realisasi") for v in values if v is not None]
    if rule == SplitRule.SAME and measured is not None:
        return to_decimal(measured, "realisasi")
    if not filled:
        return None
    if rule == SplitRule.CUMULATIVE:
        return sum(filled, Decimal(0))
    if rule == SplitRule.LAST:
        return filled[-1]
    with localcontext() as ctx:
        ctx.prec = 40
        return sum(filled, Decimal(0)) / len(filled)
