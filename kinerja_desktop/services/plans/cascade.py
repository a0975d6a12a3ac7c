"""The cascade (cascading kinerja) of an office and year: IKU → heads' RHK → every RHK below.

Each office IKU is a root; below it the RHK of the office head that serve it; below each RHK the
RHK of the subordinates that intervene it, down to every employee. Each employee's newest SKP
revision of the year is used. RHK that reach no IKU of the office are gathered under "belum
terhubung", and employees of the office whose SKP is missing or not approved are flagged (the
issue's "marked"), both in the tree and in :attr:`CascadeTree.flagged`.

Decision: when a subordinate's RHK intervenes an RHK of an older revision of the atasan's SKP
(the atasan revised after the subordinate chose), it is shown under the RHK of the atasan's
newest revision with the same text, else the same position, so a revision does not orphan the
staff below it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.plans.dto import CascadeNode, CascadeTree
from kinerja_desktop.services.plans.skp_status import skp_rows
from kinerja_desktop.storage.models import Employee, Indicator, Office, Rhk, Skp

__all__ = ["cascade_tree"]

GROUP_UNLINKED = "unlinked"
GROUP_FLAGGED = "flagged"
UNLINKED_TEXT = "RHK yang tidak terhubung ke IKU kantor (umumnya RHK Tambahan)"
FLAGGED_TEXT = "Pegawai dengan SKP belum ada atau belum disetujui"


@dataclass
class _Rhk:
    id: int
    uuid: str
    text: str
    parent_id: int | None
    indicator_id: int | None
    employee_id: int
    sort_order: int
    skp_id: int


def cascade_tree(db: Database, office_code: str, year: int) -> CascadeTree:
    """The cascade tree of ``office_code`` for ``year`` (see the module docstring)."""
    with db.uow() as uow:
        return _build(uow.session, office_code, year)


def _build(session: Session, office_code: str, year: int) -> CascadeTree:
    rows = skp_rows(session, year)
    by_uuid = {r.employee_uuid: r for r in rows}
    office = session.execute(select(Office).where(Office.code == office_code)).scalar()
    skps = list(
        session.execute(select(Skp).where(Skp.year == year, Skp.deleted_at.is_(None))).scalars()
    )
    newest: dict[int, Skp] = {}
    for s in skps:
        if s.employee_id not in newest or s.revision > newest[s.employee_id].revision:
            newest[s.employee_id] = s
    skp_employee = {s.id: s.employee_id for s in skps}
    rhk_all = [
        _Rhk(
            r.id,
            r.uuid,
            r.text,
            r.parent_rhk_id,
            r.indicator_id,
            skp_employee[r.skp_id],
            r.sort_order,
            r.skp_id,
        )
        for r in session.execute(
            select(Rhk).where(Rhk.skp_id.in_(list(skp_employee)), Rhk.deleted_at.is_(None))
        ).scalars()
    ]
    newest_ids = {s.id for s in newest.values()}
    current = [r for r in rhk_all if r.skp_id in newest_ids]
    by_id = {r.id: r for r in rhk_all}
    # Map an RHK of an older revision to its counterpart in the newest one.
    by_text: dict[tuple[int, str], int] = {}
    by_order: dict[tuple[int, int], int] = {}
    for r in current:
        by_text.setdefault((r.employee_id, r.text), r.id)
        by_order.setdefault((r.employee_id, r.sort_order), r.id)

    def resolve(rhk_id: int | None) -> int | None:
        if rhk_id is None or rhk_id not in by_id:
            return None
        r = by_id[rhk_id]
        if r.skp_id in newest_ids:
            return r.id
        return by_text.get((r.employee_id, r.text)) or by_order.get((r.employee_id, r.sort_order))

    children: dict[int, list[_Rhk]] = defaultdict(list)
    for r in current:
        parent = resolve(r.parent_id)
        if parent is not None:
            children[parent].append(r)
    employee_uuid = dict(session.execute(select(Employee.id, Employee.uuid)).all())
    status_of = {eid: s.status for eid, s in newest.items()}
    office_people = {r.employee_uuid for r in rows if r.office_code == office_code}
    reached: set[int] = set()

    def node(r: _Rhk, trail: frozenset[int]) -> CascadeNode:
        reached.add(r.id)
        who = by_uuid.get(employee_uuid.get(r.employee_id, ""))
        status = status_of.get(r.employee_id)
        kids = tuple(
            node(c, trail | {r.id})
            for c in sorted(children.get(r.id, []), key=lambda c: (c.employee_id, c.sort_order))
            if c.id not in trail
        )
        return CascadeNode(
            kind="rhk", uuid=r.uuid, text=r.text, owner=who.name if who else "",
            owner_uuid=employee_uuid.get(r.employee_id, ""), status=status,
            flag="" if status == EvaluationStatus.APPROVED else "not_approved", children=kids,
        )  # fmt: skip

    roots: list[CascadeNode] = []
    if office is not None:
        ikus = session.execute(
            select(Indicator)
            .where(
                Indicator.office_id == office.id,
                Indicator.year == year,
                Indicator.deleted_at.is_(None),
            )
            .order_by(Indicator.sort_order, Indicator.code)
        ).scalars()
        for ind in ikus:
            serving = sorted(
                (r for r in current if r.indicator_id == ind.id),
                key=lambda r: (r.employee_id, r.sort_order),
            )
            roots.append(
                CascadeNode(
                    kind="iku", uuid=ind.uuid, text=f"{ind.code} {ind.name}",
                    children=tuple(node(r, frozenset()) for r in serving),
                )
            )  # fmt: skip
    pending = {
        r.id
        for r in current
        if r.id not in reached and employee_uuid.get(r.employee_id) in office_people
    }
    unlinked = [r for r in current if r.id in pending and resolve(r.parent_id) not in pending]
    if unlinked:
        roots.append(
            CascadeNode(
                kind="group", uuid=GROUP_UNLINKED, text=UNLINKED_TEXT,
                children=tuple(node(r, frozenset()) for r in sorted(unlinked, key=_order)),
            )
        )  # fmt: skip
    flagged = tuple(
        r for r in rows if r.office_code == office_code and r.status != EvaluationStatus.APPROVED
    )
    if flagged:
        roots.append(
            CascadeNode(
                kind="group", uuid=GROUP_FLAGGED, text=FLAGGED_TEXT,
                children=tuple(
                    CascadeNode(
                        kind="employee", uuid=r.employee_uuid, text=f"{r.name} — {r.jabatan}",
                        owner=r.name, owner_uuid=r.employee_uuid, status=r.status,
                        flag="missing" if r.skp_uuid is None else "not_approved",
                    )
                    for r in flagged
                ),
            )
        )  # fmt: skip
    return CascadeTree(office_code, year, tuple(roots), flagged)


def _order(r: _Rhk) -> tuple[int, int]:
    return (r.employee_id, r.sort_order)
