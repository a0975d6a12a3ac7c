"""The rencana aksi the evaluation sheet prints under each RHK (issue 19).

What an approval froze wins, as for the realisations: an approved evaluation prints the plans
of its snapshot (or, approved before plans existed, none were frozen: the live plans); an open
one prints the live plans. A blank form prints none (it is for handwriting). The annual sheet
lists the plans of every period of its year, each period under its own label.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import RhkKind
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.domain.scoring import format_number
from kinerja_desktop.reports.model import PlanLine, ResultRow
from kinerja_desktop.services.evaluation.rencana_aksi_lists import KIND, snapshot_plans
from kinerja_desktop.storage.models import Evaluation

__all__ = ["with_plans"]


def _groups(session: Session, ev: Evaluation, snapshot: Any) -> list[dict[str, Any]]:
    frozen = snapshot.get(KIND) if isinstance(snapshot, dict) else None
    if isinstance(frozen, list):
        return frozen
    return snapshot_plans(session, ev)


def _line(plan: dict[str, Any], period: str) -> PlanLine:
    target = ""
    if plan.get("target") is not None:
        value = Decimal(str(plan["target"]))
        places = max(0, min(2, -value.normalize().as_tuple().exponent))  # type: ignore[operator]
        target = f"{format_number(value, places)} {plan.get('unit') or ''}".strip()
    return PlanLine(int(plan["order"]), str(plan["text"]), target, period)


def with_plans(
    session: Session,
    rows: tuple[ResultRow, ...],
    ev: Evaluation | None,
    snapshot: Any,
    *,
    blank: bool,
) -> tuple[ResultRow, ...]:
    """``rows`` with the plans of each RHK on its first row (matched by section and the RHK's
    place in it, as both lists print the SKP's RHK in the same order)."""
    if ev is None or blank:
        return rows
    annual = Period.parse(ev.period).kind == PeriodKind.YEAR
    per_rhk: dict[tuple[str, int], list[PlanLine]] = {}
    seen: dict[str, list[str]] = {"A": [], "B": []}
    for g in _groups(session, ev, snapshot):
        section = "A" if g.get("rhk_kind") == RhkKind.UTAMA.value else "B"
        if g["rhk"] not in seen[section]:
            seen[section].append(g["rhk"])
        place = seen[section].index(g["rhk"]) + 1
        period = Period.parse(g["period"]).label() if annual else ""
        per_rhk.setdefault((section, place), []).extend(_line(p, period) for p in g["plans"])
    out, places, done = [], {"A": 0, "B": 0}, set()
    for row in rows:
        key = (row.section, row.number)
        if key not in done:
            done.add(key)
            places[row.section] += 1
            plans = per_rhk.get((row.section, places[row.section]))
            if plans:
                row = replace(row, plans=tuple(plans))
        out.append(row)
    return tuple(out)
