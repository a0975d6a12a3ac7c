"""The penilai's evaluation: submit, rate, approve or return, and the Admin's reopen.

States and who moves them, exactly as DESIGN.md section 7b:

- Draft → Diajukan: the clerk (Operator or Admin, or the employee's own account) submits, once
  every indicator has a realisation.
- Diajukan → Disetujui or Dikembalikan: the employee's Penilai (the account linked to the
  employee who is the direct atasan). Returning needs a reason. Approving needs both ratings,
  and a written reason when the rating hasil kerja differs from the app's suggestion
  (DOMAIN.md A 3). An annual evaluation is approved only when every periodic evaluation of the
  year is approved.
- Dikembalikan → Diajukan: the clerk again, after edits.
- Disetujui → Draft: only an Admin reopens, with a reason; this makes revision n+1 (with copies
  of the realisations and evidence) and keeps the approved revision untouched.

The judgement is its own :class:`Assessment` row owned by the penilai's office (the home office
of the database where it is made, DESIGN.md section 5), so a camat rates a lurah from the
kecamatan's database. Approval freezes the predikat (from the matrix only, DOMAIN.md A 5), the
inputs, the results and a snapshot of the employee, penilai and atasan penilai (with Plt./Plh.)
and the rules version. A locked period refuses every change.

Decision: an employee whose penilai is external (DOMAIN.md A 12) has nobody with an account
here, so an Admin records that penilai's judgement on their behalf (the audit trail names the
Admin).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import CoreValue, EvaluationStatus, Rating, Role
from kinerja_desktop.domain.errors import (
    ConflictError,
    KinerjaError,
    PermissionDeniedError,
)
from kinerja_desktop.domain.messages import describe, label, validation_error
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.domain.predikat import predikat as predikat_of
from kinerja_desktop.domain.scoring import round2
from kinerja_desktop.services.admin.permissions import (
    refuse,
    require_penilai_of,
)
from kinerja_desktop.services.admin.settings import AppSettings, settings_in
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import Changes
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import (
    audit,
    now_utc,
    row_values,
    stamp_change,
    stamp_new,
)
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.services.evaluation.dto import AssessmentInput, EvaluationDetail, Permissions
from kinerja_desktop.services.evaluation.realisations import (
    check_version,
    is_tool,
    require_clerk,
    require_owned,
)
from kinerja_desktop.services.evaluation.rencana_aksi_lists import snapshot_plans
from kinerja_desktop.services.office_eval.periods import require_unlocked
from kinerja_desktop.storage.models import Assessment, Employee, Evaluation, Evidence, Realisation

__all__ = [
    "approve",
    "permissions",
    "reopen",
    "return_evaluation",
    "save_assessment",
    "submit",
]

_S = EvaluationStatus


def _bad_state(session: Session, ev: Evaluation, *expected: EvaluationStatus) -> None:
    status = core.state_of(session, ev).status
    if status not in expected:
        raise validation_error(
            "evaluation.bad_state",
            status=label(status),
            expected=" / ".join(label(s) for s in expected),
        )


def require_penilai(session: Session, actor: Actor, ev: Evaluation) -> None:
    """The employee's direct penilai; an Admin for an external penilai (module docstring)."""
    require_penilai_of(session, actor, ev.employee_id, refusal="assessment.not_penilai")


def _detail(db: Database, uuid: str, *, changed: bool = False) -> EvaluationDetail:
    """The detail of ``uuid``; with ``changed``, carrying the :class:`Changes` of a write."""
    from kinerja_desktop.services.evaluation.realisations import get_evaluation

    detail = get_evaluation(db, uuid)
    return replace(detail, changes=_changes(uuid)) if changed else detail


def _changes(uuid: str) -> Changes:
    # The Evaluasi list shows status and predikat; reports read the same rows.
    return Changes.of("evaluations", uuids={"evaluations": [uuid]})


def _reread(session: Session) -> None:
    """Flush, then let the detail read the rows back as stored (timestamps as the database
    keeps them), so the detail a write returns equals what a later read shows."""
    session.flush()
    session.expire_all()


def _transition(
    session: Session, actor: Actor, ev: Evaluation, status: EvaluationStatus, reason: str = ""
) -> None:
    before = {"status": ev.status.value, "status_reason": ev.status_reason}
    ev.status = status
    ev.status_reason = reason
    stamp_change(ev, actor)
    audit(
        session, actor, action=status.value, entity="evaluation", record_uuid=ev.uuid,
        before=before, after={"status": status.value, "status_reason": reason},
        summary=f"{ev.period} rev {ev.revision}: {label(status)}",
    )  # fmt: skip


def _decided(
    session: Session, actor: Actor, ev: Evaluation, row: Assessment, status: EvaluationStatus
) -> None:
    audit(
        session, actor, action=status.value, entity="assessment", record_uuid=row.uuid,
        after={"evaluation": ev.uuid, "decision": status.value, "reason": row.decision_reason},
        summary=f"{ev.period} rev {ev.revision}: {label(status)} (penilai {row.origin_office})",
    )  # fmt: skip


def submit(
    db: Database, actor: Actor, uuid: str, *, expected_version: int | None = None
) -> EvaluationDetail:
    """Draft or Dikembalikan → Diajukan (the clerk).

    Raises:
        ValidationError: ``evaluation.bad_state``, ``evaluation.incomplete``.
        PermissionDeniedError: ``evaluation.not_clerk``.
        ConflictError: ``office_eval.period_locked`` when the period, or a longer
            one containing it, is locked (:func:`periods_admin.require_unlocked`).
    """
    with db.uow() as uow:
        session = uow.session
        settings = settings_in(session)
        ev = core.get_evaluation_row(session, uuid)
        detail = core.build_detail(session, ev, settings)
        missing = sum(1 for line in detail.lines if line.value is None)
        require_clerk(actor, session.get_one(Employee, ev.employee_id))
        check_version(ev, expected_version)
        _bad_state(session, ev, _S.DRAFT, _S.RETURNED)
        require_unlocked(session, ev.period)
        require_owned(session, ev)
        if missing or not detail.lines:
            raise validation_error("evaluation.incomplete", count=missing)
        _transition(session, actor, ev, _S.SUBMITTED)
        ev.submitted_at = now_utc()
        _reread(session)
        after = core.build_detail(session, ev, settings)
        uow.commit()
    return replace(after, changes=_changes(uuid))


def _assessment_row(session: Session, actor: Actor, ev: Evaluation) -> Assessment:
    row = core.assessment_of(session, ev.id)
    if row is None:
        row = Assessment(evaluation_id=ev.id, feedback={}, behaviour_notes={})
        a = core.current_assignment(session, ev.employee_id)
        row.penilai_id = a.atasan_id if a else None
        row.external_penilai_id = a.external_penilai_id if a and not a.atasan_id else None
        stamp_new(row, actor, office=home_office_code(session) or ev.origin_office)
        session.add(row)
    else:
        stamp_change(row, actor)
    return row


def save_assessment(
    db: Database, actor: Actor, uuid: str, values: AssessmentInput
) -> EvaluationDetail:
    """Store the penilai's ratings, reason and feedback (status stays Diajukan).

    The suggestion shown now is stored beside the rating. A rating may be left empty while
    the penilai works; :func:`approve` requires both.

    One unit of work, and the detail is built once, after the new values are flushed: the
    suggestion depends on the realisations and the office's predikat, never on the ratings,
    so the reason is checked against that build and a refusal rolls the whole write back.
    The returned detail carries the :class:`Changes`; the GUI shows it without reloading.

    Raises:
        PermissionDeniedError: ``assessment.not_penilai``.
        ValidationError: ``evaluation.bad_state``,
            ``assessment.reason_required``.
        ConflictError: ``office_eval.period_locked`` when the period, or a longer
            one containing it, is locked (:func:`periods_admin.require_unlocked`).
    """
    with db.uow() as uow:
        session = uow.session
        settings = settings_in(session)
        ev = core.get_evaluation_row(session, uuid)
        require_penilai(session, actor, ev)
        _bad_state(session, ev, _S.SUBMITTED)
        require_unlocked(session, ev.period)
        reason = values.rating_reason.strip()
        row = _assessment_row(session, actor, ev)
        before = row_values(row) if row.id else None
        row.rating_hasil = values.rating_hasil
        row.rating_perilaku = values.rating_perilaku
        row.rating_reason = reason
        known = {item.indicator.uuid for item in core.skp_lines(session, ev.skp_id)}
        row.feedback = {k: v.strip() for k, v in values.feedback.items() if k in known and v}
        row.behaviour_notes = {
            CoreValue(k).value: v.strip() for k, v in values.behaviour_notes.items() if v
        }
        _reread(session)
        detail = core.build_detail(session, ev, settings)
        _check_reason(values.rating_hasil, detail.suggestion, reason)
        row.rating_hasil_suggested = detail.suggestion
        session.flush()
        audit(
            session, actor, action="assess", entity="assessment", record_uuid=row.uuid,
            before=before, after=row_values(row), summary=f"{ev.period} {ev.uuid}",
        )  # fmt: skip
        uow.commit()
    judged = detail.assessment
    if judged is not None:  # built before the suggestion was stored beside the rating
        judged = replace(judged, rating_hasil_suggested=detail.suggestion)
    return replace(detail, assessment=judged, changes=_changes(uuid))


def _check_reason(hasil: Rating | None, suggested: Rating | None, reason: str) -> None:
    if hasil is not None and suggested is not None and hasil != suggested and not reason:
        raise validation_error(
            "assessment.reason_required", field="alasan", suggested=label(suggested)
        )


def _annual_ready(session: Session, ev: Evaluation, settings: AppSettings) -> None:
    """Every periodic evaluation of the year approved, none expected missing (DESIGN.md 7b)."""
    period = Period.parse(ev.period)
    if period.kind != PeriodKind.YEAR:
        return
    periods = core.year_periods(session, ev.employee_id, period.year)
    found = {p for p, _ in periods}
    missing = core.expected_periods(session, ev.employee_id, period.year, settings)
    open_ = [p for p, e in periods if e is None or core.state_of(session, e).status != _S.APPROVED]
    open_ = sorted({*open_, *(p for p in missing if p not in found)}, key=Period.parse)
    if open_:
        raise validation_error(
            "evaluation.periods_open", year=period.year, periods=", ".join(open_)
        )
    if not periods:
        employee = session.get_one(Employee, ev.employee_id)
        raise validation_error("evaluation.no_periods", year=period.year, name=employee.name)


def _snapshot(session: Session, ev: Evaluation, detail: EvaluationDetail) -> dict[str, Any]:
    results = [
        {
            "skp_indicator": line.skp_indicator_uuid,
            "code": line.code,
            "indikator": line.text,
            "target": str(line.target),
            "realisasi": None if line.value is None else str(line.value),
            "capaian": None if line.capaian is None else str(round2(line.capaian)),
            "catatan": line.note,
            "umpan_balik": line.feedback,
            "bukti": [e.sha256 for e in line.evidence],
        }
        for line in detail.lines
    ]
    snapshot = core.identity(session, ev.employee_id)
    snapshot |= {"period": ev.period, "revision": ev.revision, "results": results}
    snapshot |= {"rencana_aksi": snapshot_plans(session, ev)}  # frozen like the results
    snapshot |= {"org_predikat": detail.org_predikat.value if detail.org_predikat else None}
    snapshot |= {
        "mean_capaian": None if detail.mean_capaian is None else str(round2(detail.mean_capaian))
    }
    if detail.angka_kredit is not None:
        snapshot["angka_kredit"] = str(round2(detail.angka_kredit))
    return snapshot


def approve(
    db: Database, actor: Actor, uuid: str, *, expected_version: int | None = None
) -> EvaluationDetail:
    """Diajukan → Disetujui (the penilai): freezes predikat, results and the snapshot.

    Raises:
        PermissionDeniedError: ``assessment.not_penilai``.
        ValidationError: ``evaluation.bad_state``,
            ``assessment.rating_missing``, ``assessment.reason_required``,
            ``evaluation.periods_open`` (annual), ``evaluation.no_periods``.
        ConflictError: ``office_eval.period_locked`` when the period, or a longer
            one containing it, is locked (:func:`periods_admin.require_unlocked`).
    """
    with db.uow() as uow:
        session = uow.session
        settings = settings_in(session)
        ev = core.get_evaluation_row(session, uuid)
        detail = core.build_detail(session, ev, settings)
        require_penilai(session, actor, ev)
        check_version(ev, expected_version)
        _bad_state(session, ev, _S.SUBMITTED)
        require_unlocked(session, ev.period)
        row = core.assessment_of(session, ev.id)
        if row is None or row.rating_hasil is None or row.rating_perilaku is None:
            raise validation_error("assessment.rating_missing")
        _check_reason(row.rating_hasil, detail.suggestion, row.rating_reason)
        _annual_ready(session, ev, settings)
        grade = predikat_of(row.rating_hasil, row.rating_perilaku)
        snapshot = _snapshot(session, ev, detail)
        snapshot |= {"rating_hasil": row.rating_hasil.value}
        snapshot |= {"rating_hasil_suggested": detail.suggestion and detail.suggestion.value}
        snapshot |= {"rating_reason": row.rating_reason}
        snapshot |= {"rating_perilaku": row.rating_perilaku.value, "predikat": grade.value}
        snapshot |= {"behaviour_notes": dict(row.behaviour_notes or {})}
        snapshot |= {"rules_version": core.RULES_VERSION}
        when = now_utc()
        row.decision, row.decision_reason, row.decided_at = _S.APPROVED, "", when
        row.rating_hasil_suggested = detail.suggestion
        row.predikat, row.snapshot = grade, snapshot
        stamp_change(row, actor, at=when)
        if core.owned_here(session, ev):
            ev.predikat, ev.snapshot, ev.approved_at = grade, snapshot, when
            ev.rules_version = core.RULES_VERSION
            _transition(session, actor, ev, _S.APPROVED)
        else:  # the employee's office owns the evaluation row: the assessment carries it
            _decided(session, actor, ev, row, _S.APPROVED)
        _reread(session)
        after = core.build_detail(session, ev, settings)
        uow.commit()
    return replace(after, changes=_changes(uuid))


def return_evaluation(
    db: Database, actor: Actor, uuid: str, reason: str, *, expected_version: int | None = None
) -> EvaluationDetail:
    """Diajukan → Dikembalikan (the penilai), with a reason the clerk sees.

    Raises:
        PermissionDeniedError: ``assessment.not_penilai``.
        ValidationError: ``evaluation.reason_required``, ``evaluation.bad_state``.
        ConflictError: ``office_eval.period_locked`` when the period, or a longer
            one containing it, is locked (:func:`periods_admin.require_unlocked`).
    """
    reason = reason.strip()
    with db.uow() as uow:
        session = uow.session
        ev = core.get_evaluation_row(session, uuid)
        require_penilai(session, actor, ev)
        check_version(ev, expected_version)
        if not reason:
            raise validation_error("evaluation.reason_required", field="alasan")
        _bad_state(session, ev, _S.SUBMITTED)
        require_unlocked(session, ev.period)
        row = _assessment_row(session, actor, ev)
        row.decision, row.decision_reason, row.decided_at = _S.RETURNED, reason, now_utc()
        if core.owned_here(session, ev):
            _transition(session, actor, ev, _S.RETURNED, reason)
        else:
            _decided(session, actor, ev, row, _S.RETURNED)
        uow.commit()
    return _detail(db, uuid, changed=True)


def reopen(db: Database, actor: Actor, uuid: str, reason: str) -> EvaluationDetail:
    """Disetujui → Draft as revision n+1 (Admin only, with a reason); returns the new revision.

    The approved revision stays as it was (its snapshot, predikat and assessment); the new one
    starts with copies of the realisations, notes and evidence, and no assessment. The audit
    entry holds the approved version before and the new draft after.

    Raises:
        PermissionDeniedError: ``assessment.admin_only``.
        ValidationError: ``evaluation.reason_required``, ``evaluation.bad_state``.
        ConflictError: ``office_eval.period_locked`` when the period, or a longer
            one containing it, is locked (:func:`periods_admin.require_unlocked`).
    """
    if not (actor.has(Role.ADMIN) or is_tool(actor)):
        refuse(actor, "assessment.admin_only")
    reason = reason.strip()
    if not reason:
        raise validation_error("evaluation.reason_required", field="alasan")
    with db.uow() as uow:
        session = uow.session
        old = core.get_evaluation_row(session, uuid)
        # The employee's row is held until the commit, so a second reopen on a server waits
        # and then sees revision n+1 here instead of numbering it twice (nothing on SQLite).
        session.execute(select(Employee.id).where(Employee.id == old.employee_id).with_for_update())
        latest = core.latest_evaluation(session, old.employee_id, old.period)
        if latest is not None and latest.id != old.id:
            raise ConflictError("evaluation.changed", expected=old.revision, actual=latest.revision)
        _bad_state(session, old, _S.APPROVED)
        require_unlocked(session, old.period)
        require_owned(session, old)
        new = Evaluation(
            employee_id=old.employee_id, skp_id=old.skp_id, period=old.period,
            revision=old.revision + 1, status=_S.DRAFT, status_reason=reason,
        )  # fmt: skip
        stamp_new(new, actor, office=old.origin_office)
        session.add(new)
        session.flush()
        for r in core.realisations_by_indicator(session, old.id).values():
            copy = Realisation(
                evaluation_id=new.id, skp_indicator_id=r.skp_indicator_id, value=r.value,
                note=r.note,
            )  # fmt: skip
            stamp_new(copy, actor, office=old.origin_office)
            session.add(copy)
            session.flush()
            for e in r.evidence:
                if e.deleted_at is None:
                    file = Evidence(
                        realisation_id=copy.id, filename=e.filename, sha256=e.sha256,
                        size=e.size, media_type=e.media_type, rencana_aksi_id=e.rencana_aksi_id,
                    )  # fmt: skip
                    stamp_new(file, actor, office=old.origin_office)
                    session.add(file)
        audit(
            session, actor, action="reopen", entity="evaluation", record_uuid=new.uuid,
            before=row_values(old), after=row_values(new) | {"previous": old.uuid},
            summary=f"{old.period}: revisi {new.revision} dibuka ({reason})",
        )  # fmt: skip
        uow.commit()
        new_uuid = new.uuid
    return replace(_detail(db, new_uuid), changes=_changes(uuid) | _changes(new_uuid))


def permissions(db: Database, actor: Actor | None, detail: EvaluationDetail) -> Permissions:
    """What ``actor`` may do with ``detail`` now (the editor shows only these actions)."""
    if actor is None:
        return Permissions(why_not="Masuk dulu untuk mengubah evaluasi.")
    s = detail.status
    with db.uow() as uow:
        session = uow.session
        ev = core.get_evaluation_row(session, detail.uuid)
        latest = core.latest_evaluation(session, ev.employee_id, ev.period)
        is_latest = latest is not None and latest.id == ev.id
        # Only asking "may they?": a "no" here is not a refused action for the audit trail.
        quiet = actor.quiet()
        clerk = _allowed(lambda: require_clerk(quiet, session.get_one(Employee, ev.employee_id)))
        penilai = _allowed(lambda: require_penilai(session, quiet, ev))
        locked_why = _refusal(lambda: require_unlocked(session, ev.period))
    why = ""
    if s == _S.SUBMITTED and actor.has(Role.PENILAI) and not penilai:
        why = describe(PermissionDeniedError("assessment.not_penilai"))
    locked = bool(locked_why)
    if locked:
        why = locked_why
    elif not is_latest:
        why = "Revisi lama hanya untuk dibaca."
    open_ = not locked and is_latest
    edit = open_ and clerk and detail.editable_here and s in core.EDITABLE
    return Permissions(
        edit_realisations=edit,
        submit=edit,
        assess=open_ and penilai and s == _S.SUBMITTED,
        decide=open_ and penilai and s == _S.SUBMITTED,
        reopen=open_ and (actor.has(Role.ADMIN) or is_tool(actor)) and s == _S.APPROVED,
        why_not=why,
    )


def _allowed(check: Any) -> bool:
    return not _refusal(check)


def _refusal(check: Any) -> str:
    """The worded refusal of ``check``, or "" when it passes."""
    try:
        check()
    except KinerjaError as err:
        return describe(err) or err.code
    return ""


def decided_at(detail: EvaluationDetail) -> datetime | None:
    """When the penilai decided (approved or returned), if they did."""
    return detail.assessment.decided_at if detail.assessment else None
