"""The rules an SKP is checked by, shared by the editor's save, the status actions and the
spreadsheet import: who the employee is now (office, head, atasan), who may edit, and the checks
of the content and of its cascade links (DOMAIN.md B 1.2).

SKP: sasaran kinerja pegawai (an employee's yearly plan); RHK: rencana hasil kerja; IKI:
indikator kinerja individu; IKU: the office's indikator kinerja utama.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Aspect, CoreValue, Polarity, RhkKind, Role, SplitRule
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.messages import text, validation_error
from kinerja_desktop.domain.scoring import capaian, to_decimal
from kinerja_desktop.services.admin.permissions import WRITERS, refuse, require
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.plans.dto import IkiInput, RhkInput, SkpInput
from kinerja_desktop.storage.models import Assignment, Employee, Indicator, Office, Rhk, Skp

__all__ = [
    "Person",
    "check_links",
    "clean_input",
    "full_name",
    "latest_skp",
    "owned",
    "person",
    "require_editor",
]

# -- context -----------------------------------------------------------------------------------


@dataclass
class Person:
    """An employee with the current assignment, as the SKP rules need them."""

    id: int
    uuid: str
    name: str
    nip: str
    jabatan: str
    office_id: int
    office_code: str
    is_head: bool
    atasan_id: int | None
    atasan_uuid: str | None
    atasan_name: str


def full_name(e: Employee) -> str:
    name = " ".join(x for x in (e.title_prefix, e.name) if x)
    return f"{name}, {e.title_suffix}" if e.title_suffix else name


def person(session: Session, *, uuid: str | None = None, id: int | None = None) -> Person:
    """The employee and their current assignment.

    Raises:
        NotFoundError: ``employee.not_found``.
    """
    stmt = select(Employee).where(Employee.deleted_at.is_(None))
    stmt = stmt.where(Employee.uuid == uuid) if uuid else stmt.where(Employee.id == id)
    e = session.execute(stmt).scalar()
    if e is None:
        raise NotFoundError("employee.not_found", value=uuid or id)
    a = (
        session.execute(
            select(Assignment)
            .where(Assignment.employee_id == e.id, Assignment.deleted_at.is_(None))
            .order_by(Assignment.end_date.is_(None), Assignment.start_date)
        )
        .scalars()
        .all()
    )
    current = a[-1] if a else None
    office = session.get(Office, current.office_id) if current else None
    boss = session.get(Employee, current.atasan_id) if current and current.atasan_id else None
    external = current.external_penilai if current else None
    return Person(
        id=e.id, uuid=e.uuid, name=full_name(e), nip=e.nip,
        jabatan=current.jabatan if current else "", office_id=office.id if office else 0,
        office_code=office.code if office else "", is_head=bool(current and current.is_head),
        atasan_id=boss.id if boss else None, atasan_uuid=boss.uuid if boss else None,
        atasan_name=full_name(boss) if boss else external.name if external else "",
    )  # fmt: skip


def require_editor(actor: Actor, employee_uuid: str) -> None:
    """Admin and Operator edit any SKP; another writer only their own.

    A refusal is audited (:func:`~kinerja_desktop.services.admin.permissions.refuse`); a caller
    that only probes whether the actor could edit passes ``actor.quiet()``.
    """
    if actor.has(Role.ADMIN) or actor.has(Role.OPERATOR):
        return
    require(actor, *WRITERS)
    if actor.employee_uuid != employee_uuid:
        refuse(actor, "permission.denied", roles="admin, operator")


def owned(session: Session, origin: str) -> bool:
    home = home_office_code(session)
    return home is None or origin == home


def latest_skp(session: Session, employee_id: int, year: int) -> Skp | None:
    """The newest live revision of an employee's SKP for ``year``."""
    return session.execute(
        select(Skp)
        .where(Skp.employee_id == employee_id, Skp.year == year, Skp.deleted_at.is_(None))
        .order_by(Skp.revision.desc())
        .limit(1)
    ).scalar()


# -- checks ----------------------------------------------------------------------------------


def _check_target(number: int, aspect: Aspect, polarity: Polarity, lo: Any, hi: Any) -> None:
    try:
        capaian(to_decimal(lo, "target"), to_decimal(lo, "target"), polarity, target_hi=hi)
    except ValidationError as exc:
        raise validation_error(
            "skp.target_bad", field="target", rhk=number, aspect=aspect.value,
            reason=exc.message or text(exc.code, **exc.params),
        ) from exc  # fmt: skip


def clean_input(values: SkpInput) -> SkpInput:
    """Trim texts and check every RHK and IKI on its own (no database needed).

    Raises:
        ValidationError: ``skp.rhk_text_required``, ``skp.iki_text_required``,
            ``skp.target_bad``, ``weight.negative``.
    """
    rhk = []
    for number, r in enumerate(values.rhk, start=1):
        text = (r.text or "").strip()
        if not text:
            raise validation_error("skp.rhk_text_required", field="rhk", rhk=number)
        ikis = []
        for i in r.indicators:
            iki_text = (i.text or "").strip()
            if not iki_text:
                raise validation_error("skp.iki_text_required", field="indikator", rhk=number)
            polarity = Polarity(i.polarity)
            hi = to_decimal(i.target_hi, "target") if i.target_hi is not None else None
            if polarity != Polarity.RANGE and hi is not None and hi == to_decimal(i.target):
                hi = None
            _check_target(number, Aspect(i.aspect), polarity, i.target, hi)
            if i.weight is not None and to_decimal(i.weight) < 0:
                raise validation_error("weight.negative", field="bobot", value=i.weight)
            ikis.append(
                IkiInput(
                    aspect=Aspect(i.aspect), text=iki_text, target=to_decimal(i.target),
                    unit=(i.unit or "").strip(), polarity=polarity, target_hi=hi,
                    cap=i.cap, weight=i.weight, split_rule=SplitRule(i.split_rule),
                    uuid=i.uuid,
                )
            )  # fmt: skip
        rhk.append(
            RhkInput(
                text=text, kind=RhkKind(r.kind), parent_rhk_uuid=r.parent_rhk_uuid or None,
                indicator_uuid=r.indicator_uuid or None, indicators=tuple(ikis), uuid=r.uuid,
                assigned_by=" ".join((r.assigned_by or "").split()),
            )
        )  # fmt: skip
    expectations = {CoreValue(k): (v or "").strip() for k, v in values.expectations.items()}
    return SkpInput(
        employee_uuid=values.employee_uuid, year=values.year, rhk=tuple(rhk),
        expectations=expectations, resources=(values.resources or "").strip(),
        accountability=(values.accountability or "").strip(),
        consequences=(values.consequences or "").strip(),
    )  # fmt: skip


def check_links(
    session: Session, p: Person, year: int, values: SkpInput, own_rhk_uuids: set[str]
) -> dict[int, tuple[int | None, int | None]]:
    """Resolve and check every RHK's intervened RHK and IKU; returns number -> (rhk id, iku id).

    Raises:
        ValidationError: ``skp.parent_unknown``, ``skp.parent_not_atasan``,
            ``skp.iku_unknown``, ``skp.iku_other_office``, ``skp.iku_not_head``,
            ``skp.cascade_cycle``.
    """
    out: dict[int, tuple[int | None, int | None]] = {}
    for number, r in enumerate(values.rhk, start=1):
        parent_id = iku_id = None
        if r.parent_rhk_uuid:
            parent = session.execute(select(Rhk).where(Rhk.uuid == r.parent_rhk_uuid)).scalar()
            if parent is None or parent.deleted_at is not None:
                raise validation_error("skp.parent_unknown", field="rhk_atasan", rhk=number)
            if r.parent_rhk_uuid in own_rhk_uuids:
                raise validation_error("skp.cascade_cycle", field="rhk_atasan", rhk=number)
            owner_skp = session.get_one(Skp, parent.skp_id)
            if owner_skp.employee_id != p.atasan_id or owner_skp.year != year:
                owner = full_name(session.get_one(Employee, owner_skp.employee_id))
                raise validation_error(
                    "skp.parent_not_atasan", field="rhk_atasan", rhk=number, owner=owner,
                    atasan=p.atasan_name or "-",
                )  # fmt: skip
            _check_cycle(session, parent, own_rhk_uuids, number)
            parent_id = parent.id
        if r.indicator_uuid:
            ind = session.execute(
                select(Indicator).where(Indicator.uuid == r.indicator_uuid)
            ).scalar()
            if ind is None or ind.deleted_at is not None:
                raise validation_error("skp.iku_unknown", field="iku", rhk=number)
            if ind.office_id != p.office_id or ind.year != year:
                raise validation_error(
                    "skp.iku_other_office", field="iku", rhk=number, iku=ind.code
                )
            if not p.is_head:
                raise validation_error("skp.iku_not_head", field="iku", rhk=number)
            iku_id = ind.id
        out[number] = (parent_id, iku_id)
    return out


def _check_cycle(session: Session, parent: Rhk, own: set[str], number: int) -> None:
    """Walk up the intervened RHK; meeting one of this SKP's RHK again is a cycle."""
    seen: set[int] = set()
    current: Rhk | None = parent
    while current is not None and current.parent_rhk_id is not None:
        if current.id in seen:
            break
        seen.add(current.id)
        current = session.get(Rhk, current.parent_rhk_id)
        if current is not None and current.uuid in own:
            raise validation_error("skp.cascade_cycle", field="rhk_atasan", rhk=number)
