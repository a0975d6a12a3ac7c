"""The HASIL KERJA and PERILAKU KERJA rows of the SKP and the evaluation sheet."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from kinerja_desktop.domain.behaviour import CORE_VALUES
from kinerja_desktop.domain.enums import (
    Aspect,
    RhkKind,
    SplitRule,
)
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.domain.scoring import format_number, round2
from kinerja_desktop.domain.targets import split_target
from kinerja_desktop.reports.model import (
    BehaviourRow,
    ResultRow,
)
from kinerja_desktop.storage.models import (
    Realisation,
    Rhk,
    Skp,
)


def fmt_value(value: Decimal | str | None, unit: str = "") -> str:
    """A target or realisation as printed: ``"12 dokumen"``, ``"95,50 %"``."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    places = 0 if number == number.to_integral_value() else 2
    shown = format_number(number, places)
    return f"{shown} {unit}".strip()


def _period_target(target: Decimal, rule: SplitRule, period: Period) -> Decimal:
    if period.kind == PeriodKind.YEAR:
        return target
    count = period.kind.count_per_year
    places = 0 if rule == SplitRule.CUMULATIVE and target == target.to_integral_value() else 2
    return split_target(target, rule, count, places=places)[period.index - 1]


def plan_rows(
    session: Session,
    skp: Skp | None,
    period: Period | None,
    *,
    results: dict[str, dict[str, Any]] | None = None,
    realised: dict[int, Realisation] | None = None,
    feedback: dict[str, str] | None = None,
) -> tuple[ResultRow, ...]:
    """The HASIL KERJA rows of a plan; with a period, its targets and the results in it."""
    if skp is None:
        return ()
    rows: list[ResultRow] = []
    counters = {RhkKind.UTAMA: 0, RhkKind.TAMBAHAN: 0}
    plan = sorted(
        (r for r in skp.rhk if r.deleted_at is None),
        key=lambda r: (r.kind != RhkKind.UTAMA, r.sort_order, r.id),
    )
    for rhk in plan:
        counters[rhk.kind] += 1
        parent = ""
        if rhk.parent_rhk_id is not None:
            found = session.get(Rhk, rhk.parent_rhk_id)
            parent = found.text if found else ""
        elif rhk.indicator is not None:
            parent = f"IKU {rhk.indicator.code}: {rhk.indicator.name}"
        for iki in [i for i in rhk.indicators if i.deleted_at is None]:
            target: Decimal | str = iki.target
            if period is not None:
                target = _period_target(iki.target, iki.split_rule, period)
            target_text = fmt_value(target, iki.unit)
            if iki.target_hi is not None:
                target_text = f"{fmt_value(target)}–{fmt_value(iki.target_hi, iki.unit)}"
            real = cap = ""
            snap = (results or {}).get(iki.uuid)
            if snap is not None:
                target_text = fmt_value(snap.get("target"), iki.unit) or target_text
                real = fmt_value(snap.get("realisasi"), iki.unit)
                cap = format_number(Decimal(str(snap["capaian"]))) if snap.get("capaian") else ""
            elif realised and iki.id in realised and realised[iki.id].value is not None:
                value = realised[iki.id].value
                real = fmt_value(value, iki.unit)
                cap = _capaian_text(value, target, iki)
            rows.append(
                ResultRow(
                    section="A" if rhk.kind == RhkKind.UTAMA else "B",
                    number=counters[rhk.kind],
                    parent_rhk=parent,
                    rhk=rhk.text,
                    aspect=label(Aspect(iki.aspect)),
                    indicator=iki.text,
                    target=target_text,
                    realisation=real,
                    capaian=cap,
                    feedback=(feedback or {}).get(iki.uuid, ""),
                    assigned_by=rhk.assigned_by,
                )
            )
    return tuple(rows)


def _capaian_text(value: Any, target: Any, iki: Any) -> str:
    from kinerja_desktop.services.plans.indicators import safe_capaian

    result = safe_capaian(
        value, Decimal(str(target)), iki.polarity, target_hi=iki.target_hi, cap=iki.cap
    )
    return "" if result is None else format_number(round2(result))


def behaviour_rows(
    skp: Skp | None, notes: dict[str, str] | None = None
) -> tuple[BehaviourRow, ...]:
    expectations: dict[str, str] = {}
    if skp is not None:
        for e in skp.expectations:
            if e.deleted_at is None:
                expectations[e.core_value.value] = e.text
    return tuple(
        BehaviourRow(
            name=info.name,
            guides=info.guides,
            expectation=expectations.get(info.value.value, ""),
            feedback=(notes or {}).get(info.value.value, ""),
        )
        for info in CORE_VALUES
    )
