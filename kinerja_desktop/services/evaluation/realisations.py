"""Realisations (realisasi) per employee and period: start an evaluation, enter values.

Contract: the clerk (Operator or Admin) or the employee's own account starts a Draft
evaluation from the employee's approved SKP of the period's year and fills one realisation per
individual indicator (IKI), with a note; capaian and category follow live (DOMAIN.md A 1, A 2,
computed by :mod:`kinerja_desktop.services.evaluation.core`). Every write is one transaction
with one audit entry (before and after values) and stamps the rows it changes. Refused with
nothing saved: a value that is not a number, a negative count, a period outside the SKP year or
not of the installation's frequency, a locked period, an evaluation that is not Draft or
Dikembalikan, or one owned by another office (DESIGN.md section 5).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EvaluationStatus, Role
from kinerja_desktop.domain.errors import (
    ConflictError,
    KinerjaError,
    NotFoundError,
)
from kinerja_desktop.domain.messages import label, validation_error
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.periods import PeriodKind
from kinerja_desktop.domain.scoring import to_decimal
from kinerja_desktop.services.admin.permissions import refuse
from kinerja_desktop.services.admin.settings import load_settings
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.conflicts import check_version as check_row_version
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import Changes
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import audit, stamp_change, stamp_new
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.services.evaluation.dto import EvaluationDetail, RealisationInput
from kinerja_desktop.services.office_eval.periods import require_unlocked
from kinerja_desktop.storage.models import Employee, Evaluation, Office, Realisation, Skp

__all__ = [
    "find_evaluation",
    "get_evaluation",
    "parse_value",
    "require_clerk",
    "save_realisations",
    "start_evaluation",
]


def is_tool(actor: Actor) -> bool:
    """The command line and the demo act for everyone (they can open the file anyway); known
    by the actor's kind, never by its username."""
    return actor.is_tool


def require_clerk(actor: Actor, employee: Employee) -> None:
    """Operator or Admin, or the employee's own account (DESIGN.md section 7b)."""
    if is_tool(actor) or actor.has(Role.ADMIN) or actor.has(Role.OPERATOR):
        return
    if actor.employee_uuid is not None and actor.employee_uuid == employee.uuid:
        return
    refuse(actor, "evaluation.not_clerk")


def require_owned(session: Session, ev: Evaluation) -> None:
    home = home_office_code(session)
    if home is not None and ev.origin_office != home:
        raise ConflictError("evaluation.not_owned", office=ev.origin_office)


def check_version(ev: Evaluation, expected: int | None) -> None:
    check_row_version(ev, expected, name="evaluasi")


def _employee(session: Session, uuid: str) -> Employee:
    e = session.execute(
        select(Employee).where(Employee.uuid == uuid, Employee.deleted_at.is_(None))
    ).scalar()
    if e is None:
        raise NotFoundError("employee.not_found", value=uuid)
    return e


def get_evaluation(db: Database, uuid: str) -> EvaluationDetail:
    """One evaluation with its lines, assessment, suggestion and predikat.

    Raises:
        NotFoundError: ``evaluation.not_found``.
    """
    settings = load_settings(db)
    with db.uow() as uow:
        return core.build_detail(uow.session, core.get_evaluation_row(uow.session, uuid), settings)


def find_evaluation(db: Database, employee_uuid: str, period: str) -> str | None:
    """The uuid of the latest revision of an employee's evaluation for ``period``, if any."""
    with db.uow() as uow:
        e = _employee(uow.session, employee_uuid)
        ev = core.latest_evaluation(uow.session, e.id, str(core.parse_period(period)))
        return ev.uuid if ev else None


def new_evaluation(
    session: Session, actor: Actor, employee: Employee, period_text: str, *, settings: Any
) -> Evaluation:
    """Create a Draft evaluation in ``session`` (checks as :func:`start_evaluation`)."""
    require_clerk(actor, employee)
    period = core.parse_period(period_text)
    core.check_period_kind(period, settings)
    code = str(period)
    require_unlocked(session, code)
    name = full_name(employee.name, employee.title_prefix, employee.title_suffix)
    if core.latest_evaluation(session, employee.id, code) is not None:
        raise ConflictError("evaluation.exists", name=name, period=code)
    skp = core.approved_skp(session, employee.id, period.year)
    if skp is None:
        other = session.execute(
            select(Skp.year)
            .where(
                Skp.employee_id == employee.id,
                Skp.status == EvaluationStatus.APPROVED,
                Skp.deleted_at.is_(None),
            )
            .order_by(Skp.year.desc())
        ).scalar()
        if other is not None:  # the period lies outside the year of the SKP they have
            raise validation_error(
                "evaluation.period_outside", field="periode", period=code, year=other
            )
        raise validation_error("evaluation.no_skp", name=name, year=period.year)
    ev = Evaluation(employee_id=employee.id, skp_id=skp.id, period=code, revision=1)
    ev.status = EvaluationStatus.DRAFT
    ev.status_reason = ""
    stamp_new(ev, actor, office=home_office_code(session) or _office_of(session, employee))
    session.add(ev)
    session.flush()
    if period.kind == PeriodKind.YEAR:
        # The annual realisations start as the roll-up of the periods (DOMAIN.md A 9); the
        # clerk may overwrite a rate with the value measured over the year.
        ids = {line.indicator.id for line in core.skp_lines(session, skp.id)}
        for ind_id, value in core.rollups(session, employee.id, period.year).items():
            if value is None or ind_id not in ids:
                continue
            r = Realisation(evaluation_id=ev.id, skp_indicator_id=ind_id, value=value, note="")
            stamp_new(r, actor, office=ev.origin_office)
            session.add(r)
    audit(
        session, actor, action="create", entity="evaluation", record_uuid=ev.uuid,
        after={"employee": employee.uuid, "period": code, "skp": skp.uuid},
        summary=f"{employee.nip} {code}",
    )  # fmt: skip
    return ev


def _office_of(session: Session, employee: Employee) -> str:
    a = core.current_assignment(session, employee.id)
    return session.get_one(Office, a.office_id).code if a is not None else ""


def start_evaluation(db: Database, actor: Actor, employee_uuid: str, period: str) -> str:
    """Start the Draft evaluation of ``employee_uuid`` for ``period``; returns its uuid.

    An annual evaluation (``period`` a year) starts with the realisations rolled up from the
    periodic ones.

    Raises:
        PermissionDeniedError: ``evaluation.not_clerk``.
        ValidationError: ``period.invalid``, ``evaluation.period_kind``,
            ``evaluation.no_skp`` (no approved SKP for the year).
        ConflictError: ``evaluation.exists``.
        ConflictError: ``office_eval.period_locked`` when the period, or a longer
            one containing it, is locked (:func:`periods_admin.require_unlocked`).
    """
    settings = load_settings(db)
    with db.uow() as uow:
        e = _employee(uow.session, employee_uuid)
        ev = new_evaluation(uow.session, actor, e, period, settings=settings)
        uow.commit()
        return ev.uuid


def parse_value(raw: Decimal | str | int | float | None, indicator: Any) -> Decimal | None:
    """Read a typed realisation: empty is ``None``; a decimal comma is accepted (``12,5``).

    Raises:
        ValidationError: ``realisation.not_number``, ``realisation.negative`` (a count).
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    text = raw
    if isinstance(raw, str):
        text = raw.strip().replace(" ", "")
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
    try:
        value = to_decimal(text, "realisasi")
    except KinerjaError as exc:
        raise validation_error(
            "realisation.not_number", field="realisasi", value=raw, indicator=indicator.text
        ) from exc
    if value < 0 and core.is_count(indicator):
        raise validation_error(
            "realisation.negative", field="realisasi", value=raw, indicator=indicator.text
        )
    return value


def apply_realisations(
    session: Session, actor: Actor, ev: Evaluation, entries: Sequence[RealisationInput]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Write ``entries`` into ``ev``; returns (before, after) of the changed lines by uuid.

    Every value is checked before anything is written, so one bad value saves nothing.
    """
    status = core.state_of(session, ev).status
    if status not in core.EDITABLE:
        raise validation_error("evaluation.not_editable", status=label(status))
    require_unlocked(session, ev.period)
    require_owned(session, ev)
    by_uuid = {line.indicator.uuid: line.indicator for line in core.skp_lines(session, ev.skp_id)}
    checked: list[tuple[Any, Decimal | None, str]] = []
    for entry in entries:
        indicator = by_uuid.get(entry.skp_indicator_uuid)
        if indicator is None:
            raise validation_error("realisation.unknown_indicator", value=entry.skp_indicator_uuid)
        checked.append((indicator, parse_value(entry.value, indicator), entry.note.strip()))
    stored = core.realisations_by_indicator(session, ev.id)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for indicator, value, note in checked:
        r = stored.get(indicator.id)
        old = (None, "") if r is None else (r.value, r.note)
        same_value = (old[0] is None and value is None) or (
            old[0] is not None and value is not None and Decimal(old[0]) == value
        )
        if same_value and old[1] == note:
            continue
        before[indicator.uuid] = {"value": _text(old[0]), "note": old[1]}
        after[indicator.uuid] = {"value": _text(value), "note": note}
        if r is None:
            r = Realisation(evaluation_id=ev.id, skp_indicator_id=indicator.id)
            stamp_new(r, actor, office=ev.origin_office)
            session.add(r)
            stored[indicator.id] = r
        else:
            stamp_change(r, actor)
        r.value, r.note = value, note
    if after:
        stamp_change(ev, actor)
    return before, after


def _text(value: Decimal | None) -> str | None:
    return None if value is None else format(Decimal(value).normalize(), "f")


def save_realisations(
    db: Database,
    actor: Actor,
    evaluation_uuid: str,
    entries: Sequence[RealisationInput],
    *,
    expected_version: int | None = None,
) -> EvaluationDetail:
    """Save the realisations and notes of an evaluation (the editor's save).

    Identical values write nothing. Returns the evaluation as stored afterwards.

    Raises:
        PermissionDeniedError: ``evaluation.not_clerk``.
        ConflictError: ``record.changed``, ``evaluation.not_owned``.
        ValidationError: ``realisation.not_number``, ``realisation.negative``,
            ``realisation.unknown_indicator``, ``evaluation.not_editable``.
        ConflictError: ``office_eval.period_locked`` when the period, or a longer
            one containing it, is locked (:func:`periods_admin.require_unlocked`).
    """
    settings = load_settings(db)
    with db.uow() as uow:
        session = uow.session
        ev = core.get_evaluation_row(session, evaluation_uuid)
        require_clerk(actor, session.get_one(Employee, ev.employee_id))
        check_version(ev, expected_version)
        before, after = apply_realisations(session, actor, ev, entries)
        if after:
            audit(
                session, actor, action="update", entity="realisation", record_uuid=ev.uuid,
                before=before, after=after, summary=f"{ev.period}: {len(after)} realisasi",
            )  # fmt: skip
            session.flush()
            uow.commit()
        detail = core.build_detail(session, ev, settings)
    if not after:  # every value was already so: nothing was written
        return detail
    kinds = Changes.of("evaluations", "realisations", uuids={"evaluations": [detail.uuid]})
    return replace(detail, changes=kinds)
