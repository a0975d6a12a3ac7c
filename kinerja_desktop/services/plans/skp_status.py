"""SKP status, the SKP list, copying last year's SKP and giving one RHK to several employees.

States (DESIGN.md 7b): Draft → Diajukan (the clerk: Admin, Operator or the employee's own
account; the plan must be complete) → Disetujui or Dikembalikan with a reason (the employee's
Penilai: the account linked to the employee's direct atasan). Dikembalikan → Diajukan again
after edits. A change to an approved SKP makes revision n+1 (:func:`start_revision`, or
:func:`kinerja_desktop.services.plans.skp.save_skp` with a reason); the approved one is kept.

Decisions (DESIGN.md is silent):

- An employee whose penilai is external (the camat's Sekda, the kepala puskesmas's Kadinkes)
  has nobody with an account here, so an Admin records that penilai's decision (as the
  evaluations do); the audit names the Admin.
- The penilai's decision may be recorded on an SKP owned by another office (the camat approves
  a lurah's plan from the kecamatan's database); only the status fields change then.
- "Complete" for submission: at least one RHK Utama, every RHK has an indicator, every RHK
  Utama of an employee whose atasan is here names the atasan's RHK, and a head's RHK Utama
  names the atasan's RHK or an office IKU.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EvaluationStatus, RhkKind
from kinerja_desktop.domain.errors import ConflictError, PermissionDeniedError
from kinerja_desktop.domain.messages import validation_error
from kinerja_desktop.services.admin.permissions import require_penilai_of
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.conflicts import check_version
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import Changes
from kinerja_desktop.services.common.recording import audit, now_utc, stamp_change
from kinerja_desktop.services.plans.dto import (
    CopyResult,
    RhkInput,
    SkpDetail,
    SkpInput,
    SkpRow,
)
from kinerja_desktop.services.plans.skp import (
    EDITABLE,
    check_links,
    clean_input,
    full_name,
    latest_skp,
    lock_revisions,
    new_skp,
    owned,
    person,
    require_editor,
    skp_detail,
    skp_row,
    write_skp,
)
from kinerja_desktop.services.plans.skp_content import apply_content, content_json
from kinerja_desktop.storage.models import (
    Assignment,
    Employee,
    ExternalPenilai,
    Indicator,
    Office,
    Rhk,
    Skp,
)

__all__ = [
    "approve_skp",
    "assign_rhk",
    "copy_skp",
    "list_skp",
    "return_skp",
    "save_expectations",
    "start_revision",
    "submit_skp",
]

SUBMITTED = EvaluationStatus.SUBMITTED
APPROVED = EvaluationStatus.APPROVED
RETURNED = EvaluationStatus.RETURNED


# -- the list ----------------------------------------------------------------------------------


def list_skp(db: Database, year: int, *, office_code: str | None = None) -> list[SkpRow]:
    """Every active employee with a current assignment and the state of their SKP of ``year``
    (newest revision), ordered by office, head first, then name."""
    with db.uow() as uow:
        return skp_rows(uow.session, year, office_code=office_code)


def skp_rows(session: Session, year: int, *, office_code: str | None = None) -> list[SkpRow]:
    e, a, o = Employee.__table__, Assignment.__table__, Office.__table__
    stmt = (
        select(
            e.c.id, e.c.uuid, e.c.nip, e.c.name, e.c.title_prefix, e.c.title_suffix,
            a.c.jabatan, a.c.is_head, a.c.atasan_id, a.c.external_penilai_id, o.c.code,
        )
        .join(a, a.c.employee_id == e.c.id)
        .join(o, o.c.id == a.c.office_id)
        .where(
            e.c.deleted_at.is_(None), e.c.active.is_(True), a.c.end_date.is_(None),
            a.c.deleted_at.is_(None),
        )
    )  # fmt: skip
    if office_code:
        stmt = stmt.where(o.c.code == office_code)
    people = session.execute(stmt).all()
    names = {
        r.id: (r.uuid, _name(r.title_prefix, r.name, r.title_suffix))
        for r in session.execute(
            select(e.c.id, e.c.uuid, e.c.name, e.c.title_prefix, e.c.title_suffix)
        )
    }
    externals = dict(session.execute(select(ExternalPenilai.id, ExternalPenilai.name)).all())
    latest: dict[int, Skp] = {}
    for skp in session.execute(
        select(Skp).where(Skp.year == year, Skp.deleted_at.is_(None))
    ).scalars():
        held = latest.get(skp.employee_id)
        if held is None or skp.revision > held.revision:
            latest[skp.employee_id] = skp
    counts = dict(
        session.execute(
            select(Rhk.skp_id, func.count())
            .where(Rhk.deleted_at.is_(None))
            # Every SKP of the year as a subquery, not a list of ids (issue 16: unbounded).
            .where(Rhk.skp_id.in_(select(Skp.id).where(Skp.year == year, Skp.deleted_at.is_(None))))
            .group_by(Rhk.skp_id)
        ).all()
    )
    rows = []
    for r in people:
        skp = latest.get(r.id)
        boss = names.get(r.atasan_id) if r.atasan_id else None
        rows.append(
            SkpRow(
                employee_uuid=r.uuid, nip=r.nip, name=_name(r.title_prefix, r.name, r.title_suffix),
                jabatan=r.jabatan, office_code=r.code, is_head=bool(r.is_head),
                atasan_uuid=boss[0] if boss else None,
                atasan_name=boss[1] if boss else externals.get(r.external_penilai_id, ""),
                year=year, skp_uuid=skp.uuid if skp else None,
                revision=skp.revision if skp else None, status=skp.status if skp else None,
                rhk_count=counts.get(skp.id, 0) if skp else 0,
                status_reason=skp.status_reason if skp else "",
            )
        )  # fmt: skip
    rows.sort(key=lambda x: (x.office_code, not x.is_head, x.name.casefold(), x.nip))
    return rows


def _name(prefix: str, name: str, suffix: str) -> str:
    text = " ".join(x for x in (prefix, name) if x)
    return f"{text}, {suffix}" if suffix else text


# -- status ------------------------------------------------------------------------------------


def _check_complete(session: Session, skp: Skp) -> None:
    detail = skp_detail(session, skp)
    p = person(session, id=skp.employee_id)
    if not any(r.kind == RhkKind.UTAMA for r in detail.rhk):
        raise validation_error("skp.no_rhk_utama", field="rhk", name=p.name)
    for r in detail.rhk:
        if not r.indicators:
            raise validation_error("skp.rhk_no_indicator", field="indikator", rhk=r.number)
        if r.kind != RhkKind.UTAMA:
            continue
        if p.is_head and not (r.parent_rhk_uuid or r.indicator_uuid):
            raise validation_error("skp.rhk_no_link_head", field="rhk_atasan", rhk=r.number)
        if not p.is_head and p.atasan_id is not None and not r.parent_rhk_uuid:
            raise validation_error("skp.rhk_no_parent", field="rhk_atasan", rhk=r.number)


def _status(session: Session, skp: Skp, actor: Actor, status: EvaluationStatus, reason: str,
            action: str) -> None:  # fmt: skip
    before = {"status": skp.status.value, "status_reason": skp.status_reason}
    skp.status, skp.status_reason = status, reason
    stamp = now_utc()
    if status == APPROVED:
        skp.approved_at = stamp
        detail = skp_detail(session, skp)
        skp.snapshot = {
            "pegawai": {"uuid": detail.employee_uuid, "nama": detail.employee_name,
                        "nip": detail.nip, "jabatan": detail.jabatan,
                        "unit_code": detail.office_code},
            "penilai": {"uuid": detail.atasan_uuid, "nama": detail.atasan_name},
            "content": content_json(detail.as_input()),
        }  # fmt: skip
    stamp_change(skp, actor, at=stamp)
    audit(
        session, actor, action=action, entity="skp", record_uuid=skp.uuid, before=before,
        after={"status": status.value, "status_reason": reason}, at=stamp,
        summary=f"SKP {skp.year} rev {skp.revision}: {status.value}",
    )  # fmt: skip


def submit_skp(db: Database, actor: Actor, uuid: str) -> SkpDetail:
    """Draft or Dikembalikan → Diajukan, once the plan is complete.

    Raises:
        ConflictError: ``skp.bad_transition``; ValidationError: what is incomplete.
    """
    with db.uow() as uow:
        session = uow.session
        skp = skp_row(session, uuid)
        p = person(session, id=skp.employee_id)
        require_editor(actor, p.uuid)
        if not owned(session, skp.origin_office):
            raise ConflictError("record.not_owned", name=p.name, office=skp.origin_office)
        if skp.status not in EDITABLE:
            raise ConflictError("skp.bad_transition", name=p.name, status=skp.status.value)
        _check_complete(session, skp)
        _status(session, skp, actor, SUBMITTED, "", "submit")
        detail = skp_detail(session, skp)
        uow.commit()
    return changed_skp(detail)


def changed_skp(detail: SkpDetail) -> SkpDetail:
    """``detail`` carrying the :class:`Changes` of the write that made it."""
    return replace(detail, changes=Changes.of("skp", uuids={"skp": [detail.uuid]}))


def _decide(
    db: Database, actor: Actor, uuid: str, status: EvaluationStatus, reason: str
) -> SkpDetail:
    with db.uow() as uow:
        session = uow.session
        skp = skp_row(session, uuid)
        require_penilai_of(session, actor, skp.employee_id)
        if skp.status != SUBMITTED:
            p = person(session, id=skp.employee_id)
            raise ConflictError("skp.bad_transition", name=p.name, status=skp.status.value)
        _status(session, skp, actor, status, reason, "approve" if status == APPROVED else "return")
        detail = skp_detail(session, skp)
        uow.commit()
    return changed_skp(detail)


def approve_skp(db: Database, actor: Actor, uuid: str) -> SkpDetail:
    """Diajukan → Disetujui, by the employee's Penilai."""
    return _decide(db, actor, uuid, APPROVED, "")


def return_skp(db: Database, actor: Actor, uuid: str, reason: str) -> SkpDetail:
    """Diajukan → Dikembalikan with a reason, by the employee's Penilai.

    Raises:
        ValidationError: ``skp.reason_required``.
    """
    reason = (reason or "").strip()
    if not reason:
        raise validation_error("skp.reason_required", field="alasan")
    return _decide(db, actor, uuid, RETURNED, reason)


def start_revision(db: Database, actor: Actor, uuid: str, reason: str) -> SkpDetail:
    """Copy an approved SKP into revision n+1 (Draft) to change it; the approved one stays.

    Raises:
        ValidationError: ``skp.reason_required``; ConflictError: ``skp.bad_transition``
            (not approved, or not the newest revision).
    """
    reason = (reason or "").strip()
    if not reason:
        raise validation_error("skp.reason_required", field="alasan")
    with db.uow() as uow:
        session = uow.session
        skp = skp_row(session, uuid)
        p = person(session, id=skp.employee_id)
        require_editor(actor, p.uuid)
        if not owned(session, skp.origin_office):
            raise ConflictError("record.not_owned", name=p.name, office=skp.origin_office)
        lock_revisions(session, skp.employee_id)
        newest = latest_skp(session, skp.employee_id, skp.year)
        if skp.status != APPROVED or newest is not skp:
            raise ConflictError("skp.bad_transition", name=p.name, status=skp.status.value)
        values = _strip(skp_detail(session, skp).as_input())
        fresh = new_skp(session, actor, p, skp.year, skp.revision + 1)
        fresh.status_reason = reason
        links = check_links(session, p, skp.year, values, set())
        apply_content(session, actor, fresh, values, links)
        audit(
            session, actor, action="revise", entity="skp", record_uuid=fresh.uuid,
            before={"revision": skp.revision, "uuid": skp.uuid},
            after={"revision": fresh.revision, "reason": reason},
            summary=f"SKP {skp.year} revisi {fresh.revision}",
        )  # fmt: skip
        detail = skp_detail(session, fresh)
        uow.commit()
    return changed_skp(detail)


def _strip(values: SkpInput) -> SkpInput:
    from kinerja_desktop.services.plans.skp import fresh_input

    return fresh_input(values)


def save_expectations(
    db: Database,
    actor: Actor,
    uuid: str,
    expectations: dict,
    *,
    expected_version: int | None = None,
) -> SkpDetail:
    """Write the ekspektasi khusus pimpinan: the Penilai while deciding (Draft, Dikembalikan or
    Diajukan), or the clerk on the Penilai's behalf where the content is editable."""
    with db.uow() as uow:
        session = uow.session
        skp = skp_row(session, uuid)
        p = person(session, id=skp.employee_id)
        try:  # a probe: only the decider check below may record a refusal
            require_editor(actor.quiet(), p.uuid)
            allowed = EDITABLE
        except PermissionDeniedError:
            require_penilai_of(session, actor, skp.employee_id)
            allowed = EDITABLE | {SUBMITTED}
        if skp.status not in allowed:
            raise ConflictError("skp.bad_transition", name=p.name, status=skp.status.value)
        check_version(skp, expected_version, name=p.name)
        current = skp_detail(session, skp).as_input()
        values = SkpInput(
            current.employee_uuid, current.year, current.rhk,
            {**current.expectations, **expectations}, current.resources,
            current.accountability, current.consequences,
        )  # fmt: skip
        values = clean_input(values)
        links = check_links(session, p, skp.year, values, {r.uuid for r in values.rhk if r.uuid})
        if apply_content(session, actor, skp, values, links):
            audit(
                session, actor, action="update", entity="skp", record_uuid=skp.uuid,
                before={"expectations": {k.value: v for k, v in current.expectations.items()}},
                after={"expectations": {k.value: v for k, v in values.expectations.items()}},
                summary=f"Ekspektasi SKP {skp.year}",
            )  # fmt: skip
        detail = skp_detail(session, skp)
        uow.commit()
    return changed_skp(detail)


# -- copying and bulk RHK ------------------------------------------------------------------------


def copy_skp(
    db: Database, actor: Actor, employee_uuid: str, from_year: int, to_year: int | None = None
) -> SkpDetail:
    """Copy an employee's SKP of ``from_year`` into a Draft for ``to_year`` (default next year).

    RHK, indicators, ekspektasi and lampiran are copied; an intervened RHK is mapped to the
    atasan's RHK of the new year with the same text, an IKU to the office's IKU with the same
    code, and left empty where there is none (the clerk picks again).

    Raises:
        ValidationError: ``skp.copy_missing``; ConflictError: ``skp.copy_exists``.
    """
    to_year = from_year + 1 if to_year is None else to_year
    require_editor(actor, employee_uuid)
    with db.uow() as uow:
        session = uow.session
        p = person(session, uuid=employee_uuid)
        source = latest_skp(session, p.id, from_year)
        if source is None:
            raise validation_error("skp.copy_missing", field="tahun", name=p.name, year=from_year)
        if latest_skp(session, p.id, to_year) is not None:
            raise ConflictError("skp.copy_exists", name=p.name, year=to_year)
        old = _strip(skp_detail(session, source).as_input())
        parents: dict[str, str] = {}
        boss_skp = latest_skp(session, p.atasan_id, to_year) if p.atasan_id else None
        if boss_skp is not None:
            texts = {r.text: r.uuid for r in skp_detail(session, boss_skp).rhk}
            for r in old.rhk:
                if r.parent_rhk_uuid:
                    parent = session.execute(
                        select(Rhk.text).where(Rhk.uuid == r.parent_rhk_uuid)
                    ).scalar()
                    if parent in texts:
                        parents[r.parent_rhk_uuid] = texts[parent]
        ikus = {}
        for r in old.rhk:
            if r.indicator_uuid:
                code = session.execute(
                    select(Indicator.code).where(Indicator.uuid == r.indicator_uuid)
                ).scalar()
                match = session.execute(
                    select(Indicator.uuid).where(
                        Indicator.office_id == p.office_id, Indicator.year == to_year,
                        Indicator.code == code, Indicator.deleted_at.is_(None),
                    )
                ).scalar()  # fmt: skip
                if match:
                    ikus[r.indicator_uuid] = match
        rhk = tuple(
            RhkInput(
                r.text, r.kind, parents.get(r.parent_rhk_uuid or ""),
                ikus.get(r.indicator_uuid or "") if p.is_head else None, r.indicators,
                assigned_by=r.assigned_by,
            )
            for r in old.rhk
        )  # fmt: skip
        values = SkpInput(
            employee_uuid, to_year, rhk, old.expectations, old.resources, old.accountability,
            old.consequences,
        )  # fmt: skip
        skp, _action, _ = write_skp(session, actor, values)
        audit(
            session, actor, action="copy", entity="skp", record_uuid=skp.uuid,
            before={"from": source.uuid, "year": from_year}, after=content_json(values),
            summary=f"SKP {from_year} disalin ke {to_year}",
        )  # fmt: skip
        detail = skp_detail(session, skp)
        uow.commit()
    return changed_skp(detail)


def assign_rhk(
    db: Database, actor: Actor, employee_uuids: list[str], year: int, rhk: RhkInput
) -> CopyResult:
    """Give the same RHK (with its indicators) to several employees of one jabatan at once.

    Each gets it appended to their SKP of ``year`` (a Draft is created where there is none).
    All or nothing: every employee must hold the same jabatan, their SKP must be editable, and
    an intervened RHK must belong to each one's atasan.

    Raises:
        ValidationError: ``skp.bulk_empty``, ``skp.bulk_jabatan``, the link checks;
            ConflictError: ``skp.submitted_locked``, ``skp.approved_locked``.
    """
    if not employee_uuids:
        raise validation_error("skp.bulk_empty", field="pegawai")
    with db.uow() as uow:
        session = uow.session
        people = [person(session, uuid=u) for u in dict.fromkeys(employee_uuids)]
        jabatan = defaultdict(list)
        for p in people:
            jabatan[p.jabatan.casefold()].append(p.name)
        if len(jabatan) > 1:
            raise validation_error(
                "skp.bulk_jabatan", field="jabatan",
                jabatan=", ".join(sorted({p.jabatan for p in people})),
            )  # fmt: skip
        for p in people:
            skp = latest_skp(session, p.id, year)
            current = skp_detail(session, skp).as_input() if skp else SkpInput(p.uuid, year)
            piece = _strip(SkpInput(p.uuid, year, (rhk,))).rhk[0]
            values = SkpInput(
                p.uuid, year, (*current.rhk, piece), current.expectations, current.resources,
                current.accountability, current.consequences,
            )  # fmt: skip
            saved, _action, before = write_skp(session, actor, values)
            audit(
                session, actor, action="update", entity="skp", record_uuid=saved.uuid,
                before=before, after=content_json(values), summary=f"RHK bersama: {rhk.text}",
            )  # fmt: skip
        uow.commit()
    return CopyResult(len(people))


def employee_name(db: Database, employee_uuid: str) -> str:
    with db.uow() as uow:
        return full_name(
            uow.session.execute(select(Employee).where(Employee.uuid == employee_uuid)).scalar_one()
        )
