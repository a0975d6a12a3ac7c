"""The mean capaian of the Evaluasi list's rows, as one grouped aggregate in SQL (issue 16).

A city's period holds some 55,000 filled RHK Utama realisations. Loading them into Python
cost most of the list's read; here the database computes each line's uncapped capaian (the
period's share of the target as :func:`core.period_target` splits it, then
:func:`scoring.capaian` without the cap) and averages them per evaluation as
:func:`scoring.mean_capaian` does (weighted when every scored line has a weight, else plain),
so only one row per evaluation comes back.

The trap: SQL computes in binary floating point, the domain in ``Decimal``. The two differ
by far less than 1e-9 of a percent, and a list shows the mean rounded half up to two decimals
(DOMAIN.md A 1), so they can only disagree on a mean that lies on (or within a hair of) a
half cent, like 87,125. Such evaluations, a handful, are recomputed exactly in Python with
the domain functions, in chunks of ids; every other mean is returned to nine decimals. So the
rounded figure, which is what the list shows and sorts by, is always the domain's.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Float,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal_column,
    null,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.engine import processors
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Polarity, RhkKind, SplitRule
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.domain.scoring import mean_capaian
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.services.evaluation.stored import ConvertOnce, rows_of
from kinerja_desktop.storage.models import Evaluation, Realisation, Rhk, SkpIndicator
from kinerja_desktop.storage.models.columns import Score

__all__ = ["mean_capaians"]

#: Means within this many hundredths of a percent of a half cent are recomputed exactly.
_NEAR_HALF_CENT = 1e-4
#: Evaluation ids bound per statement when recomputing (SQLite's limit may be as low as 100).
_CHUNK = 50
_NINE_PLACES = Decimal("1e-9")


def mean_capaians(session: Session, periods: Mapping[int, str]) -> dict[int, Decimal | None]:
    """Mean uncapped capaian of the RHK Utama indicators of each evaluation in ``periods``
    (evaluation id -> its period code); ``None`` for one without a scored RHK Utama line.

    One grouped statement per period ("Semua periode": one per period in use), since the
    period decides how a cumulative target is split. Each reads every evaluation of its
    period through the period's index and the rows not asked for (older revisions, deleted
    ones) are skipped here: no statement binds a list of ids, and none rebuilds the list of
    a city's 130,000 live evaluations as a subquery for each period.
    """
    means: dict[int, Decimal | None] = dict.fromkeys(periods)
    near: dict[int, str] = {}
    materialize = _materializes(session)
    sqlite = session.get_bind().dialect.name == "sqlite"
    for code in sorted(set(periods.values())):
        for ev_id, scored, plain, unweighted, weights, weighted in rows_of(
            session, _grouped(Period.parse(code), materialize=materialize, sqlite=sqlite)
        ):
            if ev_id not in periods or not scored:
                continue
            if not unweighted and weights is not None and weights > 0:
                mean = float(weighted) / float(weights)
            else:
                mean = float(plain) / scored
            cents = abs(mean) * 100
            if abs(cents - math.floor(cents) - 0.5) < _NEAR_HALF_CENT:
                near[ev_id] = code
            else:
                means[ev_id] = Decimal(repr(mean)).quantize(_NINE_PLACES)
    means.update(_exact_means(session, near))
    return means


def _materializes(session: Session) -> bool:
    """Whether the engine takes ``WITH ... AS MATERIALIZED`` (SQLite 3.35, PostgreSQL 12)."""
    dialect = session.get_bind().dialect
    version = dialect.server_version_info or (0,)
    return version >= ((3, 35) if dialect.name == "sqlite" else (12,))


def _grouped(period: Period, *, materialize: bool = True, sqlite: bool = False) -> Select[Any]:
    """Per evaluation of ``period``: the scored lines, their plain sum, how many lack a
    weight, the sum of the weights and the weighted sum (:func:`_capaian_in` per line)."""
    weight = cast(SkpIndicator.weight, Float)
    lines: Any
    if materialize and sqlite:
        # Two co-routines, nothing written to a temporary table: SQLite never flattens a
        # subquery with a LIMIT into an outer query with one, nor into an aggregate (LIMIT
        # -1: no limit). The first computes each line's period target once (a cumulative
        # indicator's share is a long formula), the second each line's capaian once from it.
        # Each step a sixth to a quarter less time than one MATERIALIZED table on a city.
        base = _filled(
            select(
                Evaluation.id.label("ev"),
                _period_target(period).label("lo"),
                cast(SkpIndicator.target_hi, Float).label("hi"),
                cast(Realisation.value, Float).label("v"),
                SkpIndicator.polarity.label("pol"),
                weight.label("w"),
            ),
            period,
        )
        b = base.limit(-1).subquery("base")
        c = _line_capaian(b.c.lo, b.c.hi, b.c.v, b.c.pol)
        lines = select(b.c.ev, c.label("c"), b.c.w).limit(-1).subquery("lines")
    else:
        lines = _filled(
            select(
                Evaluation.id.label("ev"),  # grouped in the order the period's index yields them
                _capaian_in(period).label("c"),
                weight.label("w"),
            ),
            period,
        ).cte("lines")
        if materialize:
            # Each line's capaian computed once: as a plain subquery SQLite folds the
            # expression into each of the five aggregates below (twice the time on a city).
            lines = lines.prefix_with("MATERIALIZED")
    scored = lines.c.c.is_not(None)
    return select(
        lines.c.ev,
        func.count(lines.c.c),
        func.sum(lines.c.c),
        func.sum(case((and_(scored, lines.c.w.is_(None)), _ONE), else_=_ZERO)),
        func.sum(case((scored, lines.c.w))),
        func.sum(lines.c.c * lines.c.w),
    ).group_by(lines.c.ev)


def _filled(stmt: Select[Any], period: Period) -> Select[Any]:
    """``stmt`` over the filled, live RHK Utama realisations of ``period``'s evaluations."""
    return (
        stmt.select_from(Realisation)
        .join(Evaluation, Evaluation.id == Realisation.evaluation_id)
        .join(SkpIndicator, SkpIndicator.id == Realisation.skp_indicator_id)
        .join(Rhk, SkpIndicator.rhk_id == Rhk.id)
        .where(
            Evaluation.period == str(period),
            Realisation.deleted_at.is_(None),
            Realisation.value.is_not(None),
            Rhk.kind == _text(RhkKind.UTAMA),
        )
    )


def _number(value: float | int) -> ColumnElement[Any]:
    # Constants written into the statement: bound, the cumulative branch's copies of the
    # line formula would take dozens of parameters (the test limit is 100).
    return literal_column(repr(value))


def _text(member: StrEnum) -> ColumnElement[Any]:
    return literal_column(f"'{member.value}'")


_ZERO, _ONE, _TWO, _HUNDRED = _number(0), _number(1), _number(2), _number(100.0)
_FLOAT_ZERO = _number(0.0)
_MILLION = 1_000_000


def _capaian_in(period: Period) -> ColumnElement[Any]:
    """The line's capaian in ``period``: from the annual target, or for a cumulative
    indicator in a shorter period from its share of it (:func:`core.period_target`)."""
    target = cast(SkpIndicator.target, Float)
    if period.kind == PeriodKind.YEAR:
        return _line_capaian(target)
    # Most lines are not cumulative: their branch is the short one, checked first.
    return case(
        (SkpIndicator.split_rule != _text(SplitRule.CUMULATIVE), _line_capaian(target)),
        else_=_line_capaian(_share(period, target)),
    )


def _period_target(period: Period) -> ColumnElement[Any]:
    """The line's target in ``period``, as :func:`_capaian_in` reads it."""
    target = cast(SkpIndicator.target, Float)
    if period.kind == PeriodKind.YEAR:
        return target
    return case(
        (SkpIndicator.split_rule != _text(SplitRule.CUMULATIVE), target),
        else_=_share(period, target),
    )


def _share(period: Period, target: ColumnElement[Any]) -> ColumnElement[Any]:
    """A cumulative indicator's share of its annual ``target`` in ``period`` (shorter than a
    year): :func:`core.period_target`."""
    count = period.kind.count_per_year
    # In millionths (the column keeps six decimals), so the truncation is integer arithmetic
    # and a float like 0.29 * 100 = 28.999... cannot lose a cent (targets.split_target:
    # whole shares for a whole target, else two decimals, the remainder on the last period).
    micro = cast(func.round(target * _number(_MILLION)), BigInteger)
    scale = case((micro % _number(_MILLION) == _ZERO, _ONE), else_=_number(100))
    share = cast((micro * scale) // _number(count * _MILLION), Float) / cast(scale, Float)
    return target - share * _number(count - 1) if period.index == count else share


def _line_capaian(
    lo: ColumnElement[Any],
    hi: ColumnElement[Any] | None = None,
    value: ColumnElement[Any] | None = None,
    polarity: ColumnElement[Any] | None = None,
) -> ColumnElement[Any]:
    """:func:`core.uncapped` in SQL: the capaian of one line in percent from its period
    target ``lo``; ``NULL`` where the domain refuses to score it (a HIGHER target of 0, a
    missing, inverted or zero range, an upper bound on a line that is not a range, a negative
    target). ``hi``, ``value``, ``polarity``: the line's, as floats (the columns by default)."""
    hi = cast(SkpIndicator.target_hi, Float) if hi is None else hi
    value = cast(Realisation.value, Float) if value is None else value
    polarity = SkpIndicator.polarity if polarity is None else polarity
    lower = case(
        (hi.is_not(None), null()),
        (lo == _ZERO, case((value <= _ZERO, _HUNDRED), else_=_FLOAT_ZERO)),
        (_TWO * lo - value < _ZERO, _FLOAT_ZERO),
        else_=(_TWO * lo - value) * _HUNDRED / lo,
    )
    ranged = case(
        (or_(hi.is_(None), hi < lo, hi == _ZERO), null()),
        (and_(lo <= value, value <= hi), _HUNDRED),
        (value > hi, value * _HUNDRED / hi),
        (lo > _ZERO, value * _HUNDRED / lo),
        else_=_FLOAT_ZERO,
    )
    return case(
        (lo < _ZERO, null()),
        (
            polarity == _text(Polarity.HIGHER),
            case((or_(hi.is_not(None), lo == _ZERO), null()), else_=value * _HUNDRED / lo),
        ),
        (polarity == _text(Polarity.LOWER), lower),
        else_=ranged,
    )


# -- the exact recomputation of the few means near a half cent --------------------------------


class _Line(NamedTuple):
    """What :func:`core.period_target` and :func:`core.uncapped` read of an indicator."""

    target: Decimal
    target_hi: Decimal | None
    split_rule: SplitRule
    polarity: Polarity


def _exact_means(session: Session, periods: Mapping[int, str]) -> dict[int, Decimal | None]:
    """The means of ``periods`` (evaluation id -> period) with the domain's Decimals, the
    lines in row order as the detail adds them."""
    items: dict[int, list[tuple[Decimal, Decimal | None]]] = {}
    decimal = ConvertOnce(processors.to_decimal_processor_factory(Decimal, Score.scale))
    ids = sorted(periods)
    for start in range(0, len(ids), _CHUNK):
        for ev_id, value, target, target_hi, rule, polarity, weight in _lines(
            session, ids[start : start + _CHUNK]
        ):
            line = _Line(decimal(target), decimal(target_hi), SplitRule(rule), Polarity(polarity))
            in_period = core.period_target(line, Period.parse(periods[ev_id]))  # type: ignore[arg-type]
            score = core.uncapped(line, in_period, decimal(value))  # type: ignore[arg-type]
            if score is not None:
                items.setdefault(ev_id, []).append((score, decimal(weight)))
    return {ev_id: mean_capaian(items.get(ev_id, [])) for ev_id in periods}


def _lines(session: Session, ids: Iterable[int]) -> list[Any]:
    def raw(column: Any) -> Any:
        # The stored number as the driver hands it back, converted by the Score type's rule.
        return type_coerce(column, Float)

    return list(
        session.connection().execute(
            select(
                Realisation.evaluation_id,
                raw(Realisation.value),
                raw(SkpIndicator.target),
                raw(SkpIndicator.target_hi),
                type_coerce(SkpIndicator.split_rule, String),
                type_coerce(SkpIndicator.polarity, String),
                raw(SkpIndicator.weight),
            )
            .join(SkpIndicator, SkpIndicator.id == Realisation.skp_indicator_id)
            .join(Rhk, SkpIndicator.rhk_id == Rhk.id)
            .where(
                Realisation.evaluation_id.in_(list(ids)),
                Realisation.deleted_at.is_(None),
                Realisation.value.is_not(None),
                Rhk.kind == RhkKind.UTAMA,
            )
            .order_by(Realisation.id)
        )
    )
