"""SKP plans: one employee's performance plan for a year, read and edited as a whole.

SKP (sasaran kinerja pegawai) holds RHK (rencana hasil kerja) Utama and Tambahan; each RHK has
individual indicators (IKI) per aspek (kuantitas, kualitas, waktu, biaya) with a target and a
satuan, and names the atasan's RHK it intervenes or, for an office head, the office IKU it
serves; plus the ekspektasi khusus pimpinan per BerAKHLAK value and the lampiran (dukungan
sumber daya, skema pertanggungjawaban, konsekuensi). DOMAIN.md B 1.2, B 2.1.

Contract:

- :func:`save_skp` takes the whole content (:class:`SkpInput`) and writes the difference in one
  transaction with one audit entry; the SKP row is the aggregate root, so any change bumps its
  version and ``expected_version`` guards the editor against a concurrent edit.
- Content is editable in Draft and Dikembalikan. A submitted SKP is locked until the penilai
  decides. A change to an approved SKP starts revision n+1 (Draft) and needs a reason; the
  approved revision stays as it was (DESIGN.md 7b).
- Checks, all before anything is written: every RHK and IKI has a text; targets are measurable
  for their polarity; an intervened RHK belongs to an SKP of the employee's *current atasan* in
  the same year; an IKU is one of the employee's own office and year and only an office head
  serves one; the cascade has no cycle.
- Who may write: Admin and Operator, or the employee's own account. Status changes live in
  :mod:`kinerja_desktop.services.plans.skp_status`.

Decision (DESIGN.md is silent): matching RHK and IKI by uuid; an RHK that a subordinate's RHK
intervenes, or an IKI that has realisations, cannot be removed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import CoreValue, EvaluationStatus
from kinerja_desktop.domain.errors import ConflictError, NotFoundError
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.conflicts import check_version
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import Changes
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import audit, stamp_new
from kinerja_desktop.services.plans.dto import (
    IkiDetail,
    IkiInput,
    ParentChoice,
    RhkDetail,
    RhkInput,
    SkpDetail,
    SkpInput,
)
from kinerja_desktop.services.plans.iku_reads import norm
from kinerja_desktop.services.plans.skp_content import (
    apply_content,
    content_json,
    live_iki,
    live_rhk,
)
from kinerja_desktop.services.plans.skp_rules import (
    Person,
    check_links,
    clean_input,
    full_name,
    latest_skp,
    owned,
    person,
    require_editor,
)
from kinerja_desktop.storage.models import (
    Employee,
    Indicator,
    Rhk,
    Skp,
    SkpExpectation,
    SkpIndicator,
)

__all__ = [
    "EDITABLE",
    "check_links",
    "clean_input",
    "find_skp",
    "full_name",
    "get_skp",
    "latest_skp",
    "lock_revisions",
    "new_skp",
    "owned",
    "parent_choices",
    "person",
    "require_editor",
    "save_skp",
    "skp_detail",
    "write_skp",
]

EDITABLE = frozenset({EvaluationStatus.DRAFT, EvaluationStatus.RETURNED})


# -- reads ---------------------------------------------------------------------------------------


def skp_detail(session: Session, skp: Skp) -> SkpDetail:
    """Everything about one SKP revision, read in ``session``."""
    p = person(session, id=skp.employee_id)
    rows = live_rhk(session, skp.id)
    ikis = live_iki(session, [r.id for r in rows])
    parents = {r.parent_rhk_id for r in rows if r.parent_rhk_id}
    parent_rows = {
        r.id: r for r in session.execute(select(Rhk).where(Rhk.id.in_(parents))).scalars()
    } if parents else {}  # fmt: skip
    owners: dict[int, str] = {}
    for parent in parent_rows.values():
        owner_skp = session.get_one(Skp, parent.skp_id)
        owners[parent.id] = full_name(session.get_one(Employee, owner_skp.employee_id))
    codes = dict(
        session.execute(
            select(Indicator.id, Indicator.code).where(
                Indicator.id.in_([r.indicator_id for r in rows if r.indicator_id])
            )
        ).all()
    )
    iku_uuids = dict(
        session.execute(
            select(Indicator.id, Indicator.uuid).where(Indicator.id.in_(list(codes)))
        ).all()
    )
    rhk = []
    for number, r in enumerate(rows, start=1):
        parent = parent_rows.get(r.parent_rhk_id or 0)
        rhk.append(
            RhkDetail(
                uuid=r.uuid, number=number, kind=r.kind, text=r.text,
                parent_rhk_uuid=parent.uuid if parent else None,
                parent_text=parent.text if parent else "",
                parent_owner=owners.get(parent.id, "") if parent else "",
                indicator_uuid=iku_uuids.get(r.indicator_id) if r.indicator_id else None,
                indicator_code=codes.get(r.indicator_id, "") if r.indicator_id else "",
                indicators=tuple(_iki_detail(i) for i in ikis[r.id]),
                assigned_by=r.assigned_by,
            )
        )  # fmt: skip
    expectations = {
        e.core_value: e.text
        for e in session.execute(
            select(SkpExpectation).where(
                SkpExpectation.skp_id == skp.id, SkpExpectation.deleted_at.is_(None)
            )
        ).scalars()
    }
    return SkpDetail(
        uuid=skp.uuid, version=skp.version, employee_uuid=p.uuid, employee_name=p.name,
        nip=p.nip, jabatan=p.jabatan, office_code=p.office_code, is_head=p.is_head,
        year=skp.year, revision=skp.revision, status=skp.status,
        status_reason=skp.status_reason, rhk=tuple(rhk),
        expectations={cv: expectations.get(cv, "") for cv in CoreValue},
        resources=skp.resources, accountability=skp.accountability,
        consequences=skp.consequences, origin_office=skp.origin_office,
        editable=owned(session, skp.origin_office) and skp.status in EDITABLE,
        atasan_uuid=p.atasan_uuid, atasan_name=p.atasan_name,
    )  # fmt: skip


def _iki_detail(i: SkpIndicator) -> IkiDetail:
    return IkiDetail(
        uuid=i.uuid, aspect=i.aspect, text=i.text, unit=i.unit, polarity=i.polarity,
        target=norm(i.target), target_hi=norm(i.target_hi), cap=norm(i.cap),
        weight=norm(i.weight), split_rule=i.split_rule, sort_order=i.sort_order,
    )  # fmt: skip


def get_skp(db: Database, uuid: str) -> SkpDetail:
    """One SKP revision by uuid.

    Raises:
        NotFoundError: ``skp.not_found``.
    """
    with db.uow() as uow:
        return skp_detail(uow.session, skp_row(uow.session, uuid))


def find_skp(db: Database, employee_uuid: str, year: int) -> SkpDetail | None:
    """The newest revision of an employee's SKP for ``year``, or None."""
    with db.uow() as uow:
        p = person(uow.session, uuid=employee_uuid)
        skp = latest_skp(uow.session, p.id, year)
        return skp_detail(uow.session, skp) if skp is not None else None


def skp_row(session: Session, uuid: str) -> Skp:
    skp = session.execute(select(Skp).where(Skp.uuid == uuid)).scalar()
    if skp is None or skp.deleted_at is not None:
        raise NotFoundError("skp.not_found", value=uuid)
    return skp


def parent_choices(db: Database, employee_uuid: str, year: int) -> list[ParentChoice]:
    """What the employee's RHK may name: the RHK of the atasan's newest SKP of ``year`` and,
    for an office head, the office's IKU of ``year``."""
    with db.uow() as uow:
        session = uow.session
        p = person(session, uuid=employee_uuid)
        out: list[ParentChoice] = []
        if p.atasan_id is not None:
            boss_skp = latest_skp(session, p.atasan_id, year)
            if boss_skp is not None:
                for n, r in enumerate(live_rhk(session, boss_skp.id), start=1):
                    out.append(ParentChoice(r.uuid, f"{n}. {r.text}", False))
        if p.is_head:
            for ind in session.execute(
                select(Indicator)
                .where(
                    Indicator.office_id == p.office_id,
                    Indicator.year == year,
                    Indicator.deleted_at.is_(None),
                )
                .order_by(Indicator.sort_order, Indicator.code)
            ).scalars():
                out.append(ParentChoice(ind.uuid, f"{ind.code} {ind.name}", True))
        return out


# -- writes --------------------------------------------------------------------------------------


def lock_revisions(session: Session, employee_id: int) -> None:
    """Hold the employee's row until the transaction ends, so two writers on a server cannot
    both number the next SKP revision n+1: the second waits, then reads the first's row.
    Locking the newest SKP itself would not do: a waiting ``FOR UPDATE ... LIMIT 1`` does not
    see the revision inserted meanwhile. Nothing on SQLite (one writer holds the file)."""
    session.execute(select(Employee.id).where(Employee.id == employee_id).with_for_update())


def new_skp(session: Session, actor: Actor, p: Person, year: int, revision: int = 1) -> Skp:
    """A new empty Draft SKP row (flushed)."""
    skp = Skp(employee_id=p.id, year=year, revision=revision, status=EvaluationStatus.DRAFT)
    stamp_new(skp, actor, office=home_office_code(session) or p.office_code)
    session.add(skp)
    session.flush()
    return skp


def write_skp(
    session: Session, actor: Actor, values: SkpInput, *, expected_version: int | None = None,
    revision_reason: str | None = None,
) -> tuple[Skp, str, dict[str, Any] | None]:  # fmt: skip
    """The body of :func:`save_skp` inside the caller's transaction (the import uses it too).

    Returns:
        The SKP row written (a new revision when an approved one was changed), the action
        (``"create"``, ``"update"``, ``"revise"`` or ``"unchanged"``) and the content before.
    """
    require_editor(actor, values.employee_uuid)
    values = clean_input(values)
    p = person(session, uuid=values.employee_uuid)
    lock_revisions(session, p.id)
    skp = latest_skp(session, p.id, values.year)
    if skp is not None:
        check_version(skp, expected_version, name=p.name)
    before = None
    if skp is not None:
        before_detail = skp_detail(session, skp)
        before_input = before_detail.as_input()
        if content_json(before_input) == content_json(values):
            return skp, "unchanged", None
        before = content_json(before_input)
        if not owned(session, skp.origin_office):
            raise ConflictError("record.not_owned", name=p.name, office=skp.origin_office)
        if skp.status == EvaluationStatus.SUBMITTED:
            raise ConflictError("skp.submitted_locked", name=p.name)
    own = {r.uuid for r in values.rhk if r.uuid}
    links = check_links(session, p, values.year, values, own)
    action = "update"
    if skp is None:
        skp, action = new_skp(session, actor, p, values.year), "create"
    elif skp.status == EvaluationStatus.APPROVED:
        reason = (revision_reason or "").strip()
        if not reason:
            raise ConflictError("skp.approved_locked", name=p.name, revision=skp.revision)
        skp = new_skp(session, actor, p, values.year, skp.revision + 1)
        skp.status_reason = reason
        values = fresh_input(values)
        action = "revise"
    apply_content(session, actor, skp, values, links)
    return skp, action, before


def fresh_input(values: SkpInput) -> SkpInput:
    """The same content with no uuids, so a revision gets rows of its own."""
    return SkpInput(
        employee_uuid=values.employee_uuid, year=values.year,
        rhk=tuple(
            RhkInput(r.text, r.kind, r.parent_rhk_uuid, r.indicator_uuid,
                     tuple(IkiInput(**{**i.__dict__, "uuid": None}) for i in r.indicators),
                     assigned_by=r.assigned_by)
            for r in values.rhk
        ),
        expectations=dict(values.expectations), resources=values.resources,
        accountability=values.accountability, consequences=values.consequences,
    )  # fmt: skip


def save_skp(
    db: Database,
    actor: Actor,
    values: SkpInput,
    *,
    expected_version: int | None = None,
    revision_reason: str | None = None,
) -> SkpDetail:
    """Create or change an employee's SKP for a year (see the module docstring).

    Args:
        values: the whole content; RHK and IKI match stored rows by uuid, the rest is new.
        expected_version: the version the editor opened; a different stored one is refused.
        revision_reason: needed when the SKP is approved: the change becomes revision n+1.

    Raises:
        PermissionDeniedError, NotFoundError, ValidationError, ConflictError
        (``skp.submitted_locked``, ``skp.approved_locked``, ``record.changed``...).
    """
    with db.uow() as uow:
        session = uow.session
        skp, action, before = write_skp(
            session, actor, values, expected_version=expected_version,
            revision_reason=revision_reason,
        )  # fmt: skip
        if action != "unchanged":
            after = content_json(skp_detail(session, skp).as_input())
            audit(
                session, actor, action=action, entity="skp", record_uuid=skp.uuid,
                before=before, after=after,
                summary=f"SKP {values.year} rev {skp.revision}",
            )  # fmt: skip
        detail = skp_detail(session, skp)
        uow.commit()
    if action == "unchanged":
        return detail
    return replace(detail, changes=Changes.of("skp", uuids={"skp": [detail.uuid]}))
