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
from kinerja_desktop.services.plans.dto import CascadeNode, CascadeTree, SkpRow
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
    builder = _Builder(session, office_code, year)
    office = session.execute(select(Office).where(Office.code == office_code)).scalar()
    roots = builder.iku_roots(office) if office is not None else []
    unlinked = builder.unlinked()
    if unlinked:
        roots.append(
            CascadeNode(
                kind="group", uuid=GROUP_UNLINKED, text=UNLINKED_TEXT,
                children=tuple(builder.node(r, frozenset()) for r in sorted(unlinked, key=_order)),
            )
        )  # fmt: skip
    flagged = tuple(
        r
        for r in builder.rows
        if r.office_code == office_code and r.status != EvaluationStatus.APPROVED
    )
    if flagged:
        roots.append(_flagged_group(flagged))
    return CascadeTree(office_code, year, tuple(roots), flagged)


def _newest_rhk(session: Session, year: int) -> tuple[dict[int, Skp], list[_Rhk]]:
    """Each employee's newest SKP revision of ``year``, and the live RHK of every revision."""
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
            select(Rhk).where(
                Rhk.skp_id.in_(select(Skp.id).where(Skp.year == year, Skp.deleted_at.is_(None))),
                Rhk.deleted_at.is_(None),
            )
        ).scalars()
    ]
    return newest, rhk_all


class _Builder:
    """The RHK of the newest revisions linked below their (resolved) parent, and the nodes."""

    def __init__(self, session: Session, office_code: str, year: int) -> None:
        self.session = session
        self.year = year
        self.rows = skp_rows(session, year)
        self.by_uuid = {r.employee_uuid: r for r in self.rows}
        newest, rhk_all = _newest_rhk(session, year)
        self.newest_ids = {s.id for s in newest.values()}
        self.status_of = {eid: s.status for eid, s in newest.items()}
        self.current = [r for r in rhk_all if r.skp_id in self.newest_ids]
        self.by_id = {r.id: r for r in rhk_all}
        # Map an RHK of an older revision to its counterpart in the newest one.
        self.by_text: dict[tuple[int, str], int] = {}
        self.by_order: dict[tuple[int, int], int] = {}
        for r in self.current:
            self.by_text.setdefault((r.employee_id, r.text), r.id)
            self.by_order.setdefault((r.employee_id, r.sort_order), r.id)
        self.children: dict[int, list[_Rhk]] = defaultdict(list)
        for r in self.current:
            parent = self.resolve(r.parent_id)
            if parent is not None:
                self.children[parent].append(r)
        self.employee_uuid = dict(session.execute(select(Employee.id, Employee.uuid)).all())
        self.office_people = {r.employee_uuid for r in self.rows if r.office_code == office_code}
        self.reached: set[int] = set()

    def resolve(self, rhk_id: int | None) -> int | None:
        if rhk_id is None or rhk_id not in self.by_id:
            return None
        r = self.by_id[rhk_id]
        if r.skp_id in self.newest_ids:
            return r.id
        return self.by_text.get((r.employee_id, r.text)) or self.by_order.get(
            (r.employee_id, r.sort_order)
        )

    def node(self, r: _Rhk, trail: frozenset[int]) -> CascadeNode:
        self.reached.add(r.id)
        who = self.by_uuid.get(self.employee_uuid.get(r.employee_id, ""))
        status = self.status_of.get(r.employee_id)
        kids = tuple(
            self.node(c, trail | {r.id})
            for c in sorted(self.children.get(r.id, []), key=_order)
            if c.id not in trail
        )
        return CascadeNode(
            kind="rhk", uuid=r.uuid, text=r.text, owner=who.name if who else "",
            owner_uuid=self.employee_uuid.get(r.employee_id, ""), status=status,
            flag="" if status == EvaluationStatus.APPROVED else "not_approved", children=kids,
        )  # fmt: skip

    def iku_roots(self, office: Office) -> list[CascadeNode]:
        """One root per IKU of the office, with the RHK that serve it below."""
        ikus = self.session.execute(
            select(Indicator)
            .where(
                Indicator.office_id == office.id,
                Indicator.year == self.year,
                Indicator.deleted_at.is_(None),
            )
            .order_by(Indicator.sort_order, Indicator.code)
        ).scalars()
        roots = []
        for ind in ikus:
            serving = sorted((r for r in self.current if r.indicator_id == ind.id), key=_order)
            roots.append(
                CascadeNode(
                    kind="iku", uuid=ind.uuid, text=f"{ind.code} {ind.name}",
                    children=tuple(self.node(r, frozenset()) for r in serving),
                )
            )  # fmt: skip
        return roots

    def unlinked(self) -> list[_Rhk]:
        """The top RHK of the office's people that no IKU reached (call after the IKU roots)."""
        pending = {
            r.id
            for r in self.current
            if r.id not in self.reached
            and self.employee_uuid.get(r.employee_id) in self.office_people
        }
        return [
            r for r in self.current if r.id in pending and self.resolve(r.parent_id) not in pending
        ]


def _flagged_group(flagged: tuple[SkpRow, ...]) -> CascadeNode:
    return CascadeNode(
        kind="group", uuid=GROUP_FLAGGED, text=FLAGGED_TEXT,
        children=tuple(
            CascadeNode(
                kind="employee", uuid=r.employee_uuid, text=f"{r.name} — {r.jabatan}",
                owner=r.name, owner_uuid=r.employee_uuid, status=r.status,
                flag="missing" if r.skp_uuid is None else "not_approved",
            )
            for r in flagged
        ),
    )  # fmt: skip


def _order(r: _Rhk) -> tuple[int, int]:
    return (r.employee_id, r.sort_order)
