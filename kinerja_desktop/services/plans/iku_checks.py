"""The pure checks of an IKU catalogue: one indicator's fields and period targets, the weights.

Targets are checked by polarity (a higher-is-better target of 0 cannot be measured, a range
needs ``lo <= hi``); every typed period must lie in the catalogue's year and have the kind of the
indicator's periodicity; once any indicator has a weight, every one needs one and they total
exactly 100. See :mod:`kinerja_desktop.services.plans.iku_catalogue` for the whole contract.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from kinerja_desktop.domain.enums import Periodicity, Polarity, SplitRule
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.messages import text, validation_error
from kinerja_desktop.domain.periods import Period, PeriodKind, periods_of_year
from kinerja_desktop.domain.scoring import capaian, to_decimal
from kinerja_desktop.domain.targets import split_target
from kinerja_desktop.services.plans.dto import IndicatorInput, PeriodTarget

__all__ = ["check_indicator", "check_weights", "period_targets", "weight_total"]

HUNDRED = Decimal(100)


def _dec(value: Any, what: str) -> Decimal | None:
    return None if value is None else to_decimal(value, what)


def _check_target(code: str, where: str, polarity: Polarity, lo: Decimal, hi: Decimal | None):
    """Refuse a target that cannot be measured for ``polarity`` (by asking the capaian rule)."""
    try:
        capaian(lo, lo, polarity, target_hi=hi)
    except ValidationError as exc:
        raise validation_error(
            "iku.target_bad",
            field="target",
            iku=code,
            where=where,
            reason=exc.message or text(exc.code, **exc.params),
        ) from exc


def _split(
    annual: Decimal, hi: Decimal | None, rule: SplitRule, count: int
) -> list[tuple[Decimal, Decimal | None]]:
    whole = annual == annual.to_integral_value() and annual >= count
    places = 0 if rule == SplitRule.CUMULATIVE and whole else 2
    lows = split_target(annual, rule, count, places=places)
    if hi is None:
        return [(lo, None) for lo in lows]
    his = split_target(hi, rule, count, places=2 if rule == SplitRule.CUMULATIVE else places)
    return list(zip(lows, his, strict=True))


def period_targets(values: IndicatorInput, year: int) -> tuple[PeriodTarget, ...]:
    """Every period target of ``values`` in ``year``: the typed ones, the rest split.

    Raises:
        ValidationError: ``period.invalid``, ``iku.period_outside_year``, ``iku.period_kind``,
            ``iku.period_duplicate``.
    """
    kind = PeriodKind.from_frequency(Periodicity(values.periodicity))
    periods = periods_of_year(year, kind)
    annual = to_decimal(values.annual_target, "target")
    hi = _dec(values.annual_target_hi, "target")
    split = dict(
        zip(
            (str(p) for p in periods),
            _split(annual, hi, values.split_rule, len(periods)),
            strict=True,
        )
    )
    typed: dict[str, PeriodTarget] = {}
    for target in values.targets:
        period = Period.parse(target.period)
        if period.year != year:
            raise validation_error(
                "iku.period_outside_year", field="periode", iku=values.code,
                period=target.period, year=year,
            )  # fmt: skip
        if period.kind != kind:
            raise validation_error(
                "iku.period_kind", field="periode", iku=values.code, period=target.period,
                periodicity=values.periodicity.value,
            )  # fmt: skip
        if str(period) in typed:
            raise validation_error(
                "iku.period_duplicate", field="periode", iku=values.code, period=str(period)
            )
        typed[str(period)] = PeriodTarget(
            str(period), to_decimal(target.target, "target"), _dec(target.target_hi, "target")
        )
    out = []
    for key, (lo, high) in split.items():
        out.append(typed.get(key) or PeriodTarget(key, lo, high))
    return tuple(out)


def check_indicator(values: IndicatorInput, year: int) -> IndicatorInput:
    """Normalise and check one indicator; return it with every period target filled.

    Raises:
        ValidationError: the first broken rule, naming the indicator.
    """
    code = (values.code or "").strip().upper()
    if not code:
        raise validation_error("iku.code_required", field="kode")
    name = (values.name or "").strip()
    if not name:
        raise validation_error("iku.name_required", field="nama", iku=code)
    polarity = Polarity(values.polarity)
    annual = to_decimal(values.annual_target, "target")
    hi = _dec(values.annual_target_hi, "target")
    if polarity != Polarity.RANGE:
        hi = None if hi is None or hi == annual else hi
    _check_target(code, "tahunan", polarity, annual, hi)
    cap = _dec(values.cap, "cap")
    if cap is not None and cap <= 0:
        raise validation_error("capaian.cap_invalid", field="cap", value=cap)
    weight = _dec(values.weight, "bobot")
    if weight is not None and weight < 0:
        raise validation_error("weight.negative", field="bobot", value=weight)
    clean = values.with_changes(
        code=code, name=name, polarity=polarity, annual_target=annual, annual_target_hi=hi,
        cap=cap, weight=weight, periodicity=Periodicity(values.periodicity),
        split_rule=SplitRule(values.split_rule), unit=(values.unit or "").strip(),
        definition=(values.definition or "").strip(), formula=(values.formula or "").strip(),
        data_source=(values.data_source or "").strip(), targets=(),
    )  # fmt: skip
    targets = period_targets(
        values.with_changes(code=code, annual_target=annual, annual_target_hi=hi), year
    )
    for target in targets:
        where = Period.parse(target.period).label()
        _check_target(
            code,
            where,
            polarity,
            target.target,
            None if target.target_hi == target.target and polarity != Polarity.RANGE
            else target.target_hi,
        )  # fmt: skip
    if polarity != Polarity.RANGE:
        targets = tuple(PeriodTarget(t.period, t.target, None) for t in targets)
    return clean.with_changes(targets=targets)


def weight_total(items: list[IndicatorInput]) -> Decimal | None:
    """The total of the weights, or None when no indicator has one."""
    weights = [i.weight for i in items if i.weight is not None]
    return sum(weights, Decimal(0)) if weights else None


def check_weights(items: list[IndicatorInput]) -> None:
    """Once weights are used, every indicator has one and they total exactly 100.

    Raises:
        ValidationError: ``iku.weight_missing`` naming the first indicator without one,
            ``iku.weight_total`` naming the current total.
    """
    total = weight_total(items)
    if total is None:
        return
    missing = [i.code for i in items if i.weight is None]
    if missing:
        raise validation_error(
            "iku.weight_missing", field="bobot", iku=missing[0], total=_num(total)
        )
    if total != HUNDRED:
        raise validation_error("iku.weight_total", field="bobot", total=_num(total))


def _num(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")
