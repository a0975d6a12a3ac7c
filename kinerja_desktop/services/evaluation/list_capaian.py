"""The mean capaian of the Evaluasi list's rows, from one query in one pass (issue 16).

A city's period holds some 55,000 filled RHK Utama realisations but only a few thousand
distinct (value, target, range, split rule, polarity) combinations: each combination's
capaian is computed once, with the very domain functions the detail uses
(:func:`core.period_target`, :func:`core.uncapped`, :func:`mean_capaian`), so the figures are
the same Decimals as a per-row computation. The numbers are read as SQLite stores them and
turned into Decimals by the column type's own converter, once per distinct stored value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Float, Select, String, select, type_coerce
from sqlalchemy.engine import processors
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Polarity, RhkKind, SplitRule
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.scoring import mean_capaian
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.storage.models import Realisation, Rhk, SkpIndicator
from kinerja_desktop.storage.models.columns import Score

__all__ = ["mean_capaians"]

_UNSET = object()


class _Line(NamedTuple):
    """What :func:`core.period_target` and :func:`core.uncapped` read of an indicator."""

    target: Decimal
    target_hi: Decimal | None
    split_rule: SplitRule
    polarity: Polarity


def _raw(column: Any) -> Any:
    # The stored number as SQLite hands it back (int or float), converted below only once
    # per distinct value: 55,000 rows carry a few thousand distinct numbers.
    return type_coerce(column, Float)


def mean_capaians(
    session: Session, periods: Mapping[int, str], chosen: Select[tuple[int]]
) -> dict[int, Decimal | None]:
    """Mean uncapped capaian of the RHK Utama indicators of each evaluation in ``periods``
    (evaluation id -> its period code); ``None`` for one without a filled RHK Utama line.

    ``chosen`` selects the ids of the evaluations considered (a superset of ``periods``,
    older revisions included); it stays a subquery so no statement binds a list of ids. The
    realisations come in row order as before, so each mean adds the same values in the
    same order.
    """
    if not periods:
        return {}
    # Through the connection: plain rows, without the ORM's result layer.
    rows = (
        session.connection()
        .execute(
            select(
                Realisation.evaluation_id,
                _raw(Realisation.value),
                _raw(SkpIndicator.target),
                _raw(SkpIndicator.target_hi),
                type_coerce(SkpIndicator.split_rule, String),
                type_coerce(SkpIndicator.polarity, String),
                _raw(SkpIndicator.weight),
            )
            .join(SkpIndicator, SkpIndicator.id == Realisation.skp_indicator_id)
            .join(Rhk, SkpIndicator.rhk_id == Rhk.id)
            .where(
                Realisation.evaluation_id.in_(chosen),
                Realisation.deleted_at.is_(None),
                Realisation.value.is_not(None),
                Rhk.kind == RhkKind.UTAMA,
            )
            .order_by(Realisation.id)
        )
        .all()  # one fetch: row by row costs a call per realisation
    )
    # The conversion the Score column's own type makes on SQLite ("%.6f" -> Decimal), for every
    # engine: PostgreSQL hands back Decimals already and its type has no converter to borrow.
    decimal = _Memo(processors.to_decimal_processor_factory(Decimal, Score.scale))
    parsed = {code: Period.parse(code) for code in set(periods.values())}
    scores: dict[tuple[Any, ...], Decimal | None] = {}
    items: dict[int, list[tuple[Decimal, Decimal | None]]] = {}
    for ev_id, value, target, target_hi, rule, polarity, weight in rows:
        code = periods.get(ev_id)
        if code is None:  # an older revision
            continue
        key = (value, target, target_hi, rule, polarity, code)
        score = scores.get(key, _UNSET)
        if score is _UNSET:
            line = _Line(decimal(target), decimal(target_hi), SplitRule(rule), Polarity(polarity))
            in_period = core.period_target(line, parsed[code])  # type: ignore[arg-type]
            score = scores[key] = core.uncapped(line, in_period, decimal(value))  # type: ignore[arg-type]
        if score is not None:
            items.setdefault(ev_id, []).append((score, decimal(weight)))  # type: ignore[arg-type]
    return {ev_id: mean_capaian(items.get(ev_id, [])) for ev_id in periods}


class _Memo:
    """The column type's converter, called once per distinct stored value."""

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        self._convert = convert
        self._seen: dict[Any, Any] = {}

    def __call__(self, raw: Any) -> Any:
        if raw is None:
            return None
        # 1 and 1.0 are equal keys and convert to the same Decimal ("%.6f").
        found = self._seen.get(raw, _UNSET)
        if found is _UNSET:
            found = self._seen[raw] = self._convert(raw)
        return found
