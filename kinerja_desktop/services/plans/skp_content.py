"""The content of an SKP revision: its live RHK and IKI, the content as JSON for the audit, and
writing a new content into a revision (RHK and IKI matched by uuid, ekspektasi per value).

An RHK that a subordinate's RHK intervenes, or an IKI that has realisations, cannot be removed.
See :mod:`kinerja_desktop.services.plans.skp` for the whole contract.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Aspect, CoreValue, Polarity, RhkKind, SplitRule
from kinerja_desktop.domain.errors import ConflictError
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.recording import now_utc, stamp_change, stamp_new
from kinerja_desktop.services.plans.dto import IkiInput, SkpInput
from kinerja_desktop.storage.models import Realisation, Rhk, Skp, SkpExpectation, SkpIndicator

__all__ = ["apply_content", "content_json", "live_iki", "live_rhk"]

_IKI_FIELDS = ("aspect", "text", "unit", "polarity", "target", "target_hi", "cap", "weight",
               "split_rule")  # fmt: skip


def live_rhk(session: Session, skp_id: int) -> list[Rhk]:
    """The live RHK of one SKP revision, in order."""
    return list(
        session.execute(
            select(Rhk)
            .where(Rhk.skp_id == skp_id, Rhk.deleted_at.is_(None))
            .order_by(Rhk.sort_order, Rhk.id)
        ).scalars()
    )


def live_iki(session: Session, rhk_ids: list[int]) -> dict[int, list[SkpIndicator]]:
    """The live IKI per RHK id, in order."""
    out: dict[int, list[SkpIndicator]] = {i: [] for i in rhk_ids}
    if rhk_ids:
        for row in session.execute(
            select(SkpIndicator)
            .where(SkpIndicator.rhk_id.in_(rhk_ids), SkpIndicator.deleted_at.is_(None))
            .order_by(SkpIndicator.sort_order, SkpIndicator.id)
        ).scalars():
            out[row.rhk_id].append(row)
    return out


def content_json(values: SkpInput) -> dict[str, Any]:
    """The content as JSON-safe values (audit before/after)."""

    def num(v: Any) -> Any:
        return None if v is None else str(v)

    return {
        "year": values.year,
        "rhk": [
            {
                "text": r.text, "kind": RhkKind(r.kind).value, "parent": r.parent_rhk_uuid,
                "iku": r.indicator_uuid, "assigned_by": r.assigned_by,
                "indicators": [
                    {"aspect": Aspect(i.aspect).value, "text": i.text, "unit": i.unit,
                     "polarity": Polarity(i.polarity).value, "target": num(i.target),
                     "target_hi": num(i.target_hi), "cap": num(i.cap), "weight": num(i.weight),
                     "split_rule": SplitRule(i.split_rule).value}
                    for i in r.indicators
                ],
            }
            for r in values.rhk
        ],
        "expectations": {CoreValue(k).value: v for k, v in values.expectations.items() if v},
        "resources": values.resources,
        "accountability": values.accountability,
        "consequences": values.consequences,
    }  # fmt: skip


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return Decimal(a) == Decimal(b)
    return bool(a == b)


def apply_content(
    session: Session, actor: Actor, skp: Skp, values: SkpInput, links: dict[int, Any]
) -> bool:
    """Write ``values`` into ``skp`` (no commit); returns True when something changed.

    Raises:
        ConflictError: ``skp.rhk_in_use`` (a subordinate intervenes a removed RHK),
            ``skp.iki_in_use`` (a removed IKI has realisations).
    """
    stamp = now_utc()
    origin = skp.origin_office
    changed = False
    for key in ("resources", "accountability", "consequences"):
        if getattr(skp, key) != getattr(values, key):
            setattr(skp, key, getattr(values, key))
            changed = True
    stored = live_rhk(session, skp.id)
    by_uuid = {r.uuid: r for r in stored}
    ikis = live_iki(session, [r.id for r in stored])
    keep = {r.uuid for r in values.rhk if r.uuid in by_uuid}
    for r in stored:
        if r.uuid in keep:
            continue
        child = session.execute(
            select(func.count()).select_from(Rhk).where(
                Rhk.parent_rhk_id == r.id, Rhk.deleted_at.is_(None)
            )
        ).scalar_one()  # fmt: skip
        if child:
            raise ConflictError("skp.rhk_in_use", field="rhk", text=r.text, count=child)
        for i in ikis[r.id]:
            _retire_iki(session, actor, i, stamp)
        r.deleted_at = stamp
        stamp_change(r, actor, at=stamp)
        changed = True
    for number, r in enumerate(values.rhk, start=1):
        parent_id, iku_id = links[number]
        row = by_uuid.get(r.uuid or "")
        if row is None:
            row = Rhk(skp_id=skp.id, kind=r.kind, text=r.text, sort_order=number,
                      assigned_by=r.assigned_by)  # fmt: skip
            if r.uuid:
                row.uuid = r.uuid
            row.parent_rhk_id, row.indicator_id = parent_id, iku_id
            stamp_new(row, actor, office=origin, at=stamp)
            session.add(row)
            session.flush()
            current: list[SkpIndicator] = []
            changed = True
        else:
            current = ikis[row.id]
            wanted = (r.kind, r.text, number, parent_id, iku_id, r.assigned_by)
            have = (row.kind, row.text, row.sort_order, row.parent_rhk_id, row.indicator_id,
                    row.assigned_by)  # fmt: skip
            if wanted != have:
                row.kind, row.text, row.sort_order = r.kind, r.text, number
                row.parent_rhk_id, row.indicator_id = parent_id, iku_id
                row.assigned_by = r.assigned_by
                stamp_change(row, actor, at=stamp)
                changed = True
        changed |= _apply_ikis(session, actor, row, current, r.indicators, origin, stamp)
    changed |= _apply_expectations(session, actor, skp, values.expectations, stamp)
    if changed:
        stamp_change(skp, actor, at=stamp)
    session.flush()
    return changed


def _retire_iki(session: Session, actor: Actor, i: SkpIndicator, stamp: Any) -> None:
    used = session.execute(
        select(func.count()).select_from(Realisation).where(
            Realisation.skp_indicator_id == i.id, Realisation.deleted_at.is_(None)
        )
    ).scalar_one()  # fmt: skip
    if used:
        raise ConflictError("skp.iki_in_use", field="indikator", text=i.text)
    i.deleted_at = stamp
    stamp_change(i, actor, at=stamp)


def _apply_ikis(
    session: Session, actor: Actor, rhk: Rhk, current: list[SkpIndicator],
    wanted: tuple[IkiInput, ...], origin: str, stamp: Any,
) -> bool:  # fmt: skip
    changed = False
    by_uuid = {i.uuid: i for i in current}
    keep = {i.uuid for i in wanted if i.uuid in by_uuid}
    for i in current:
        if i.uuid not in keep:
            _retire_iki(session, actor, i, stamp)
            changed = True
    for order, i in enumerate(wanted, start=1):
        row = by_uuid.get(i.uuid or "")
        if row is None:
            row = SkpIndicator(rhk_id=rhk.id, sort_order=order)
            if i.uuid:
                row.uuid = i.uuid
            for key in _IKI_FIELDS:
                setattr(row, key, getattr(i, key))
            stamp_new(row, actor, office=origin, at=stamp)
            session.add(row)
            changed = True
            continue
        same = row.sort_order == order and all(
            _same(getattr(row, k), getattr(i, k)) for k in _IKI_FIELDS
        )
        if not same:
            for key in _IKI_FIELDS:
                setattr(row, key, getattr(i, key))
            row.sort_order = order
            stamp_change(row, actor, at=stamp)
            changed = True
    return changed


def _apply_expectations(
    session: Session, actor: Actor, skp: Skp, wanted: dict[CoreValue, str], stamp: Any
) -> bool:
    rows = {
        e.core_value: e
        for e in session.execute(
            select(SkpExpectation).where(SkpExpectation.skp_id == skp.id)
        ).scalars()
    }
    changed = False
    for cv in CoreValue:
        text = wanted.get(cv, "")
        row = rows.get(cv)
        if row is None:
            if not text:
                continue
            row = SkpExpectation(skp_id=skp.id, core_value=cv, text=text)
            stamp_new(row, actor, office=skp.origin_office, at=stamp)
            session.add(row)
            changed = True
        elif row.text != text or row.deleted_at is not None:
            row.text, row.deleted_at = text, None
            stamp_change(row, actor, at=stamp)
            changed = True
    return changed
