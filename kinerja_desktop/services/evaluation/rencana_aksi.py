"""Rencana aksi: the pegawai's planned actions per RHK and period (issue 19, e-Kinerja BKN).

Contract: the clerk (Operator or Admin) or the employee's own account writes them from the
evaluation of the period (add, edit, reorder, delete, copy from the previous period), with the
same rule as the realisations: the period not locked, the evaluation Draft or Dikembalikan and
owned here. Everyone who may read the evaluation (the penilai too) lists them. Every write is
one unit of work with one audit entry and returns the :class:`Changes` it made. Approval
freezes them in the evaluation's snapshot (:func:`snapshot_plans`); an approved evaluation is
listed from that snapshot, so a later revision's edits never rewrite what was approved.

Decisions where the issue is silent:
- A rencana aksi belongs to an RHK and a period, not to an evaluation revision: it exists
  beside the realisations, a reopened revision reads the same plans, and the approved revision
  keeps its own frozen copy.
- Plans are written for the installation's periods (``2026-Q1``), never for the annual
  evaluation, which lists (and freezes) the plans of every period of its year.
- A write is refused while the evaluation is Diajukan, as realisations are: the penilai judges
  what was submitted.
- Copying from the previous period fills only the RHK that have no plan yet in this period
  (nothing is duplicated or overwritten); the first period of the year has nothing before it,
  since the previous year's SKP has other RHK.
- Deleting a plan keeps the evidence linked to it and only drops the link: nothing is blocked.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import ConflictError, KinerjaError, NotFoundError
from kinerja_desktop.domain.messages import label, validation_error
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.domain.scoring import to_decimal
from kinerja_desktop.services.admin.settings import settings_in
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.conflicts import check_version
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import NO_CHANGES, Changes
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import audit, now_utc, stamp_change, stamp_new
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.services.evaluation.dto import RencanaAksiInput
from kinerja_desktop.services.evaluation.realisations import require_clerk, require_owned
from kinerja_desktop.services.evaluation.rencana_aksi_lists import KIND, live_plans, rhks_of
from kinerja_desktop.services.office_eval.periods import require_unlocked
from kinerja_desktop.storage.models import Employee, Evaluation, Evidence, RencanaAksi, Rhk, Skp

__all__ = [
    "add_rencana_aksi",
    "checked_input",
    "copy_previous_rencana_aksi",
    "delete_rencana_aksi",
    "edit_rencana_aksi",
    "reorder_rencana_aksi",
]

UNIT_LIMIT = 50


# -- the checks of every write ------------------------------------------------------------------


def _guard(session: Session, actor: Actor, ev: Evaluation) -> Period:
    """The clerk may write plans of ``ev`` now; returns its period."""
    require_clerk(actor, session.get_one(Employee, ev.employee_id))
    period = Period.parse(ev.period)
    if period.kind == PeriodKind.YEAR:
        kind = PeriodKind.from_frequency(settings_in(session).evaluation_frequency)
        raise validation_error("rencana_aksi.annual", example=str(Period(kind, period.year, 1)))
    status = core.state_of(session, ev).status
    if status not in core.EDITABLE:
        raise validation_error("rencana_aksi.not_editable", status=label(status))
    require_unlocked(session, ev.period)
    require_owned(session, ev)
    return period


def _rhk_of(session: Session, ev: Evaluation, rhk_uuid: str) -> Rhk:
    rhk = next((r for _, r in rhks_of(session, ev.skp_id) if r.uuid == rhk_uuid), None)
    if rhk is None:
        raise validation_error("rencana_aksi.unknown_rhk", value=rhk_uuid)
    return rhk


def _row(session: Session, uuid: str) -> tuple[RencanaAksi, Evaluation]:
    """A live plan and the latest evaluation of its employee and period."""
    row = session.execute(
        select(RencanaAksi).where(RencanaAksi.uuid == uuid, RencanaAksi.deleted_at.is_(None))
    ).scalar()
    if row is None:
        raise NotFoundError("rencana_aksi.not_found", value=uuid)
    skp = session.get_one(Skp, session.get_one(Rhk, row.rhk_id).skp_id)
    ev = core.latest_evaluation(session, skp.employee_id, row.period)
    if ev is None:
        raise NotFoundError("evaluation.not_found", value=row.period)
    home = home_office_code(session)
    if home is not None and row.origin_office != home:
        raise ConflictError("rencana_aksi.not_owned", office=row.origin_office)
    return row, ev


def checked_input(values: RencanaAksiInput) -> tuple[str, Decimal | None, str]:
    """The text, target and unit of ``values``, or the first problem.

    Raises:
        ValidationError: ``rencana_aksi.text_required``, ``rencana_aksi.not_number``,
            ``rencana_aksi.negative``, ``rencana_aksi.unit_too_long``.
    """
    text, unit = values.text.strip(), values.unit.strip()
    if not text:
        raise validation_error("rencana_aksi.text_required", field="rencana_aksi")
    if len(unit) > UNIT_LIMIT:
        raise validation_error("rencana_aksi.unit_too_long", field="satuan", limit=UNIT_LIMIT)
    raw = values.target
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return text, None, unit
    typed = raw
    if isinstance(raw, str):
        typed = raw.strip().replace(" ", "")
        if "," in typed:
            typed = typed.replace(".", "").replace(",", ".")
    try:
        target = to_decimal(typed, "target")
    except KinerjaError as exc:
        raise validation_error("rencana_aksi.not_number", field="target", value=raw) from exc
    if target < 0:
        raise validation_error("rencana_aksi.negative", field="target", value=raw)
    return text, target, unit


def _values(row: RencanaAksi) -> dict[str, Any]:
    target = None if row.target is None else format(Decimal(row.target).normalize(), "f")
    return {"text": row.text, "target": target, "unit": row.unit, "order": row.sort_order}


def _changes(ev: Evaluation, uuids: Sequence[str]) -> Changes:
    # The evaluation is stamped too: the editor's evaluation and the list reload.
    return Changes.of(KIND, "evaluations", uuids={KIND: uuids, "evaluations": [ev.uuid]})


# -- writing ------------------------------------------------------------------------------------


def add_rencana_aksi(
    db: Database, actor: Actor, evaluation_uuid: str, rhk_uuid: str, values: RencanaAksiInput
) -> Changes:
    """Add a rencana aksi at the end of the RHK's plans for the evaluation's period.

    Raises:
        NotFoundError: ``evaluation.not_found``.
        PermissionDeniedError: ``evaluation.not_clerk``.
        ValidationError: :func:`checked_input`'s, ``rencana_aksi.unknown_rhk``,
            ``rencana_aksi.annual``, ``rencana_aksi.not_editable``.
        ConflictError: ``evaluation.not_owned``; ``office_eval.period_locked`` when the
            period, or a longer one containing it, is locked.
    """
    with db.uow() as uow:
        session = uow.session
        ev = core.get_evaluation_row(session, evaluation_uuid)
        _guard(session, actor, ev)
        rhk = _rhk_of(session, ev, rhk_uuid)
        text, target, unit = checked_input(values)
        last = max((r.sort_order for r in live_plans(session, [rhk.id], [ev.period])), default=0)
        row = RencanaAksi(rhk_id=rhk.id, period=ev.period, text=text, target=target, unit=unit)
        row.sort_order = last + 1
        stamp_new(row, actor, office=ev.origin_office)
        session.add(row)
        stamp_change(ev, actor)
        session.flush()
        audit(
            session, actor, action="create", entity=KIND, record_uuid=row.uuid,
            after=_values(row) | {"rhk": rhk.uuid, "period": ev.period, "evaluation": ev.uuid},
            summary=f"{ev.period}: {text[:80]}",
        )  # fmt: skip
        uow.commit()
        return _changes(ev, [row.uuid])


def edit_rencana_aksi(
    db: Database,
    actor: Actor,
    uuid: str,
    values: RencanaAksiInput,
    *,
    expected_version: int | None = None,
) -> Changes:
    """Change the text, target and unit of a rencana aksi; the same values write nothing.

    Raises:
        NotFoundError: ``rencana_aksi.not_found``.
        ConflictError: ``record.changed`` (``expected_version`` is stale),
            ``rencana_aksi.not_owned``; and the refusals of :func:`add_rencana_aksi`.
    """
    with db.uow() as uow:
        session = uow.session
        row, ev = _row(session, uuid)
        _guard(session, actor, ev)
        check_version(row, expected_version, name=row.text)
        text, target, unit = checked_input(values)
        before = _values(row)
        same_target = (row.target is None and target is None) or (
            row.target is not None and target is not None and Decimal(row.target) == target
        )
        if (row.text, row.unit) == (text, unit) and same_target:
            return NO_CHANGES
        row.text, row.target, row.unit = text, target, unit
        stamp_change(row, actor)
        stamp_change(ev, actor)
        audit(
            session, actor, action="update", entity=KIND, record_uuid=row.uuid,
            before=before, after=_values(row), summary=f"{ev.period}: {text[:80]}",
        )  # fmt: skip
        uow.commit()
        return _changes(ev, [row.uuid])


def reorder_rencana_aksi(
    db: Database, actor: Actor, evaluation_uuid: str, rhk_uuid: str, uuids: Sequence[str]
) -> Changes:
    """Put the RHK's plans of the evaluation's period in the order of ``uuids`` (all of
    them, each once); only the plans that move are written.

    Raises:
        ValidationError: ``rencana_aksi.bad_order``; and the refusals of
            :func:`add_rencana_aksi`.
    """
    with db.uow() as uow:
        session = uow.session
        ev = core.get_evaluation_row(session, evaluation_uuid)
        _guard(session, actor, ev)
        rhk = _rhk_of(session, ev, rhk_uuid)
        rows = {r.uuid: r for r in live_plans(session, [rhk.id], [ev.period])}
        if len(uuids) != len(rows) or set(uuids) != set(rows):
            raise validation_error("rencana_aksi.bad_order")
        home = home_office_code(session)
        before: dict[str, int] = {}
        after: dict[str, int] = {}
        for position, uuid in enumerate(uuids, start=1):
            row = rows[uuid]
            if row.sort_order == position:
                continue
            if home is not None and row.origin_office != home:
                raise ConflictError("rencana_aksi.not_owned", office=row.origin_office)
            before[uuid], after[uuid] = row.sort_order, position
            row.sort_order = position
            stamp_change(row, actor)
        if not after:
            return NO_CHANGES
        stamp_change(ev, actor)
        audit(
            session, actor, action="reorder", entity=KIND, record_uuid=rhk.uuid,
            before=before, after=after, summary=f"{ev.period}: urutan rencana aksi",
        )  # fmt: skip
        uow.commit()
        return _changes(ev, list(after))


def delete_rencana_aksi(db: Database, actor: Actor, uuid: str) -> Changes:
    """Delete a rencana aksi (a tombstone); evidence linked to it stays, without the link.

    Raises:
        NotFoundError: ``rencana_aksi.not_found``; and the refusals of
            :func:`edit_rencana_aksi`.
    """
    with db.uow() as uow:
        session = uow.session
        row, ev = _row(session, uuid)
        _guard(session, actor, ev)
        unlinked = []
        for file in session.execute(
            select(Evidence).where(
                Evidence.rencana_aksi_id == row.id, Evidence.deleted_at.is_(None)
            )
        ).scalars():
            file.rencana_aksi_id = None
            stamp_change(file, actor)
            unlinked.append(file.uuid)
        row.deleted_at = now_utc()
        stamp_change(row, actor)
        stamp_change(ev, actor)
        audit(
            session, actor, action="delete", entity=KIND, record_uuid=row.uuid,
            before=_values(row) | {"evidence": unlinked}, summary=f"{ev.period}: {row.text[:80]}",
        )  # fmt: skip
        uow.commit()
        return _changes(ev, [row.uuid])


def copy_previous_rencana_aksi(db: Database, actor: Actor, evaluation_uuid: str) -> Changes:
    """Copy the previous period's plans to the RHK that have none in this period yet.

    Raises:
        ValidationError: ``rencana_aksi.no_previous`` (the year's first period),
            ``rencana_aksi.previous_empty``; and the refusals of :func:`add_rencana_aksi`.
    """
    with db.uow() as uow:
        session = uow.session
        ev = core.get_evaluation_row(session, evaluation_uuid)
        period = _guard(session, actor, ev)
        previous = period.previous()
        if previous.year != period.year:
            raise validation_error("rencana_aksi.no_previous", period=str(period))
        rhks = {r.id: r for _, r in rhks_of(session, ev.skp_id)}
        source = list(live_plans(session, list(rhks), [str(previous)]))
        if not source:
            raise validation_error("rencana_aksi.previous_empty", period=str(previous))
        planned = {r.rhk_id for r in live_plans(session, list(rhks), [ev.period])}
        created = []
        for old in source:
            if old.rhk_id in planned:
                continue
            row = RencanaAksi(
                rhk_id=old.rhk_id, period=ev.period, text=old.text, target=old.target,
                unit=old.unit, sort_order=old.sort_order,
            )  # fmt: skip
            stamp_new(row, actor, office=ev.origin_office)
            session.add(row)
            created.append(row)
        if not created:
            return NO_CHANGES
        stamp_change(ev, actor)
        session.flush()
        audit(
            session, actor, action="copy", entity=KIND, record_uuid=ev.uuid,
            after={"from": str(previous), "to": ev.period, "created": [r.uuid for r in created]},
            summary=f"{ev.period}: {len(created)} rencana aksi disalin dari {previous}",
        )  # fmt: skip
        uow.commit()
        return _changes(ev, [r.uuid for r in created])
