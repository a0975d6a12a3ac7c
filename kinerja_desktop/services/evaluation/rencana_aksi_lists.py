"""Rencana aksi as read: per evaluation, per SKP, frozen in an approved snapshot (issue 19).

The reading half of :mod:`kinerja_desktop.services.evaluation.rencana_aksi` (whose docstring
holds the contract and the decisions); also used by approval (the snapshot) and evidence (the
optional link).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EvaluationStatus, RhkKind
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.messages import validation_error
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.services.admin.settings import settings_in
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.services.evaluation.dto import RencanaAksiDTO, RhkPlans
from kinerja_desktop.storage.models import Evaluation, RencanaAksi, Rhk, Skp

__all__ = [
    "KIND",
    "list_rencana_aksi",
    "list_skp_rencana_aksi",
    "live_plans",
    "plan_for_evidence",
    "rhks_of",
    "snapshot_plans",
]

KIND = "rencana_aksi"


def rhks_of(session: Session, skp_id: int | None) -> list[tuple[str, Rhk]]:
    """The RHK of an SKP in printed order (as :func:`core.skp_lines`), with their position."""
    if skp_id is None:
        return []
    rows = session.execute(
        select(Rhk)
        .where(Rhk.skp_id == skp_id, Rhk.deleted_at.is_(None))
        .order_by(Rhk.kind != RhkKind.UTAMA, Rhk.sort_order, Rhk.id)
    ).scalars()
    return [(str(n), rhk) for n, rhk in enumerate(rows, start=1)]


def live_plans(
    session: Session, rhk_ids: Sequence[int], periods: Sequence[str] | None = None
) -> Any:
    query = select(RencanaAksi).where(
        RencanaAksi.rhk_id.in_(rhk_ids), RencanaAksi.deleted_at.is_(None)
    )
    if periods is not None:
        query = query.where(RencanaAksi.period.in_(periods))
    return session.execute(query.order_by(RencanaAksi.sort_order, RencanaAksi.id)).scalars()


def _grouped(
    session: Session, skp_id: int | None, periods: Sequence[str] | None, *, every_rhk: bool
) -> tuple[RhkPlans, ...]:
    """Plans per (RHK, period) in printed order; with ``every_rhk`` also the RHK without one
    (for the single period of ``periods``)."""
    rhks = rhks_of(session, skp_id)
    found: dict[tuple[int, str], list[RencanaAksi]] = {}
    for row in live_plans(session, [r.id for _, r in rhks], periods):
        found.setdefault((row.rhk_id, row.period), []).append(row)
    out: list[RhkPlans] = []
    for code, rhk in rhks:
        keys = sorted((k for k in found if k[0] == rhk.id), key=lambda k: Period.parse(k[1]))
        if every_rhk and not keys and periods:
            keys = [(rhk.id, periods[0])]
        for key in keys:
            plans = tuple(_dto(row, rhk.uuid, n) for n, row in enumerate(found.get(key, []), 1))
            out.append(RhkPlans(rhk.uuid, code, rhk.text, rhk.kind, key[1], plans))
    return tuple(out)


def _dto(row: RencanaAksi, rhk_uuid: str, order: int) -> RencanaAksiDTO:
    target = None if row.target is None else Decimal(row.target).normalize()
    return RencanaAksiDTO(
        row.uuid, rhk_uuid, row.period, order, row.text, target, row.unit, row.version,
        row.origin_office,
    )  # fmt: skip


def _plans_of(session: Session, ev: Evaluation) -> tuple[RhkPlans, ...]:
    period = Period.parse(ev.period)
    if period.kind == PeriodKind.YEAR:
        kind = PeriodKind.from_frequency(settings_in(session).evaluation_frequency)
        periods = [str(p) for p in period.subperiods(kind)]
        return _grouped(session, ev.skp_id, periods, every_rhk=False)
    return _grouped(session, ev.skp_id, [ev.period], every_rhk=True)


def _plan_json(p: RencanaAksiDTO) -> dict[str, Any]:
    target = None if p.target is None else format(p.target, "f")
    return {"uuid": p.uuid, "order": p.order, "text": p.text, "unit": p.unit, "target": target}


def snapshot_plans(session: Session, ev: Evaluation) -> list[dict[str, Any]]:
    """The plans of ``ev`` as an approved snapshot freezes them (plain JSON values)."""
    out = []
    for group in _plans_of(session, ev):
        head = {"rhk": group.rhk_uuid, "code": group.code, "rhk_text": group.rhk_text}
        head |= {"rhk_kind": group.rhk_kind.value, "period": group.period}
        out.append(head | {"plans": [_plan_json(p) for p in group.plans]})
    return out


def _plan_dto(g: dict[str, Any], p: dict[str, Any]) -> RencanaAksiDTO:
    target = None if p.get("target") is None else Decimal(p["target"])
    order, unit = int(p["order"]), p.get("unit", "")
    return RencanaAksiDTO(p["uuid"], g["rhk"], g["period"], order, p["text"], target, unit)


def _frozen(snapshot: Any) -> tuple[RhkPlans, ...] | None:
    groups = snapshot.get(KIND) if isinstance(snapshot, dict) else None
    if not isinstance(groups, list):
        return None  # approved before rencana aksi existed: nothing was frozen
    out = []
    for g in groups:
        plans = tuple(_plan_dto(g, p) for p in g.get("plans", []))
        kind = RhkKind(g["rhk_kind"])
        out.append(RhkPlans(g["rhk"], g["code"], g["rhk_text"], kind, g["period"], plans, True))
    return tuple(out)


def list_rencana_aksi(db: Database, evaluation_uuid: str) -> tuple[RhkPlans, ...]:
    """The rencana aksi of an evaluation under each RHK of its SKP (every RHK, even without a
    plan, for a periodic evaluation; the year's plans for an annual one). An approved
    evaluation lists what its snapshot froze.

    Raises:
        NotFoundError: ``evaluation.not_found``.
    """
    with db.uow() as uow:
        session = uow.session
        ev = core.get_evaluation_row(session, evaluation_uuid)
        state = core.state_of(session, ev)
        if state.status == EvaluationStatus.APPROVED:
            frozen = _frozen(state.snapshot)
            if frozen is not None:
                return frozen
        return _plans_of(session, ev)


def list_skp_rencana_aksi(db: Database, skp_uuid: str) -> tuple[RhkPlans, ...]:
    """Every period's rencana aksi of an SKP, per RHK in printed order then period order (the
    SKP editor's read-only list).

    Raises:
        NotFoundError: ``skp.not_found``.
    """
    with db.uow() as uow:
        skp = uow.session.execute(
            select(Skp).where(Skp.uuid == skp_uuid, Skp.deleted_at.is_(None))
        ).scalar()
        if skp is None:
            raise NotFoundError("skp.not_found", value=skp_uuid)
        return _grouped(uow.session, skp.id, None, every_rhk=False)


def plan_for_evidence(session: Session, ev: Evaluation, rhk_id: int, uuid: str) -> RencanaAksi:
    """The live plan ``uuid`` of RHK ``rhk_id`` in ``ev``'s period, for an evidence link.

    Raises:
        ValidationError: ``rencana_aksi.evidence_other``.
    """
    row = session.execute(
        select(RencanaAksi).where(RencanaAksi.uuid == uuid, RencanaAksi.deleted_at.is_(None))
    ).scalar()
    if row is None or row.rhk_id != rhk_id or row.period != ev.period:
        raise validation_error("rencana_aksi.evidence_other", value=uuid)
    return row
