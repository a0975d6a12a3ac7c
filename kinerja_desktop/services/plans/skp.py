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
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import (
    Aspect,
    CoreValue,
    EvaluationStatus,
    Polarity,
    RhkKind,
    SplitRule,
)
from kinerja_desktop.domain.errors import (
    ConflictError,
    NotFoundError,
)
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import Changes
from kinerja_desktop.services.common.recording import audit, now_utc, stamp_change, stamp_new
from kinerja_desktop.services.plans.dto import (
    IkiDetail,
    IkiInput,
    ParentChoice,
    RhkDetail,
    RhkInput,
    SkpDetail,
    SkpInput,
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
from kinerja_desktop.services.register.offices import home_office_code
from kinerja_desktop.storage.models import (
    Employee,
    Indicator,
    Realisation,
    Rhk,
    Skp,
    SkpExpectation,
    SkpIndicator,
)

__all__ = [
    "EDITABLE",
    "apply_content",
    "check_links",
    "clean_input",
    "content_json",
    "find_skp",
    "full_name",
    "get_skp",
    "latest_skp",
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
_IKI_FIELDS = ("aspect", "text", "unit", "polarity", "target", "target_hi", "cap", "weight",
               "split_rule")  # fmt: skip


# -- reads ---------------------------------------------------------------------------------------


def _norm(value: Decimal | None) -> Any:
    if value is None:
        return None
    value = Decimal(value)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _live_rhk(session: Session, skp_id: int) -> list[Rhk]:
    return list(
        session.execute(
            select(Rhk)
            .where(Rhk.skp_id == skp_id, Rhk.deleted_at.is_(None))
            .order_by(Rhk.sort_order, Rhk.id)
        ).scalars()
    )


def _live_iki(session: Session, rhk_ids: list[int]) -> dict[int, list[SkpIndicator]]:
    out: dict[int, list[SkpIndicator]] = {i: [] for i in rhk_ids}
    if rhk_ids:
        for row in session.execute(
            select(SkpIndicator)
            .where(SkpIndicator.rhk_id.in_(rhk_ids), SkpIndicator.deleted_at.is_(None))
            .order_by(SkpIndicator.sort_order, SkpIndicator.id)
        ).scalars():
            out[row.rhk_id].append(row)
    return out


def skp_detail(session: Session, skp: Skp) -> SkpDetail:
    """Everything about one SKP revision, read in ``session``."""
    p = person(session, id=skp.employee_id)
    rows = _live_rhk(session, skp.id)
    ikis = _live_iki(session, [r.id for r in rows])
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
        target=_norm(i.target), target_hi=_norm(i.target_hi), cap=_norm(i.cap),
        weight=_norm(i.weight), split_rule=i.split_rule, sort_order=i.sort_order,
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
                for n, r in enumerate(_live_rhk(session, boss_skp.id), start=1):
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
    stored = _live_rhk(session, skp.id)
    by_uuid = {r.uuid: r for r in stored}
    ikis = _live_iki(session, [r.id for r in stored])
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
    skp = latest_skp(session, p.id, values.year)
    if skp is not None and expected_version is not None and skp.version != expected_version:
        raise ConflictError(
            "record.changed", name=p.name, expected=expected_version, actual=skp.version
        )
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
