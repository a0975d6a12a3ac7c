"""The SKP import's specifics on the shared sheet import pipeline.

Rows are grouped per SKP (NIP and year). Each SKP's RHK and indicators are built from its rows,
keeping the stored identities by position, and written into the transaction with the editor's
own :func:`write_skp` (so the same checks apply: the atasan's RHK, the office IKU, cycles,
targets, a submitted or approved SKP). Atasan are planned before their staff, so a
subordinate's "No RHK Atasan" refers to the atasan's SKP as the same file leaves it. The
writes are the plan: the pipeline commits them only without an error and outside a dry run.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Aspect, CoreValue, Polarity, RhkKind, SplitRule
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import text
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.import_dto import RowMessage
from kinerja_desktop.services.common.sheet_import import (
    ImportMeter,
    SheetFile,
    SheetImport,
    SheetPlan,
)
from kinerja_desktop.services.plans.dto import IkiInput, RhkInput, SkpInput
from kinerja_desktop.services.plans.skp import latest_skp, person, skp_detail, write_skp
from kinerja_desktop.spreadsheet.columns import SheetSpec
from kinerja_desktop.spreadsheet.reader import SheetRow
from kinerja_desktop.storage.models import Assignment, Employee, Indicator, Rhk, Skp

__all__ = ["LAMPIRAN", "SkpImport", "rhk_number"]

LAMPIRAN = ("resources", "accountability", "consequences")
_EXPECTATIONS = tuple(f"exp_{cv.value}" for cv in CoreValue)
_FIELD_KEY = {
    "rhk": "rhk", "rhk_atasan": "parent_no", "iku": "iku", "target": "target",
    "indikator": "iki", "bobot": "weight", "target_hi": "target_hi",
}  # fmt: skip
_RHK_KEYS = ("rhk", "kind", "parent_no", "iku", "assigned_by")


@dataclass
class _Group:
    """The rows of one SKP (NIP and year)."""

    nip: str
    year: int
    rows: list[SheetRow] = field(default_factory=list)
    employee_id: int = 0
    employee_uuid: str = ""
    depth: int = 0


def _msg(row: int | None, column: str, value: Any, code: str, /, **params: Any) -> RowMessage:
    shown = "" if value is None else str(value)
    return RowMessage(row, column, shown, text(code, **params), code, tuple(params.items()))


def rhk_number(session: Session, rhk_id: int) -> tuple[int, int]:
    """(SKP id, position) of an RHK among its SKP's live RHK."""
    row = session.get_one(Rhk, rhk_id)
    ids = session.execute(
        select(Rhk.id)
        .where(Rhk.skp_id == row.skp_id, Rhk.deleted_at.is_(None))
        .order_by(Rhk.sort_order, Rhk.id)
    ).scalars()
    return row.skp_id, next((n for n, i in enumerate(ids, start=1) if i == rhk_id), 0)


def _depths(session: Session) -> dict[int, tuple[int | None, int]]:
    """employee id -> (atasan id, depth below the top)."""
    atasan = dict(
        session.execute(
            select(Assignment.employee_id, Assignment.atasan_id).where(
                Assignment.end_date.is_(None), Assignment.deleted_at.is_(None)
            )
        ).all()
    )
    out: dict[int, tuple[int | None, int]] = {}
    for eid in atasan:
        depth, current, seen = 0, atasan.get(eid), {eid}
        while current is not None and current not in seen:
            seen.add(current)
            depth += 1
            current = atasan.get(current)
        out[eid] = (atasan.get(eid), depth)
    return out


class SkpImport(SheetImport):
    """One SKP per NIP and year; counts are per SKP."""

    entity = "skp"
    noun = "SKP"

    def __init__(
        self, actor: Actor, *, spec: SheetSpec, year: int, office_code: str | None
    ) -> None:
        super().__init__(actor, spec=spec)
        self.year = year
        self.office_code = office_code.strip().upper() if office_code else None

    def plan(self, session: Any, file: SheetFile, meter: ImportMeter) -> SheetPlan:
        plan = SheetPlan.with_cell_errors(file)
        data = plan.data
        groups: dict[tuple[str, int], _Group] = {}
        for r in data.rows:
            if r.errors:
                continue
            key = (r.values["nip"], r.values.get("year") or self.year)
            groups.setdefault(key, _Group(*key)).rows.append(r)
        self._resolve(session, plan, groups.values())
        for group in sorted(groups.values(), key=lambda g: (g.depth, g.nip)):
            if group.employee_id:
                self._write(session, plan, group)
            meter.advance(len(group.rows))
        plan.errors.sort(key=lambda m: (m.row or 0, m.column))
        return plan

    def _resolve(self, session: Session, plan: SheetPlan, groups: Any) -> None:
        """Find each group's employee; an unknown NIP or another office is a row error."""
        depth = _depths(session)
        for group in groups:
            e = session.execute(select(Employee).where(Employee.nip == group.nip)).scalar()
            first = group.rows[0].row
            if e is None or e.deleted_at is not None:
                plan.errors.append(_msg(first, plan.header("nip"), group.nip,
                                        "skp.sheet_employee", value=group.nip))  # fmt: skip
                continue
            group.employee_id, group.employee_uuid = e.id, e.uuid
            group.depth = depth.get(e.id, (None, 0))[1]
            if self.office_code:
                p = person(session, id=e.id)
                if p.office_code != self.office_code:
                    plan.errors.append(_msg(first, plan.header("nip"), group.nip,
                                            "iku.sheet_office", office=p.office_code,
                                            wanted=self.office_code))  # fmt: skip
                    group.employee_id = 0

    def _write(self, session: Session, plan: SheetPlan, group: _Group) -> None:
        """Build one SKP and write it into the transaction; its errors go to the plan."""
        assert self.actor is not None
        values, rhk_rows = _SkpBuilder(session, group, plan).build()
        if values is None:
            return
        try:
            skp, action, _before = write_skp(session, self.actor, values)
        except KinerjaError as exc:
            number = exc.params.get("rhk")
            first = group.rows[0].row
            row = rhk_rows.get(number, first) if number else first
            column = plan.header(_FIELD_KEY.get(exc.field or "", "rhk"))
            message = exc.message or text(exc.code, **exc.params)
            plan.errors.append(RowMessage(row, column, "", message, exc.code,
                                          tuple(exc.params.items())))  # fmt: skip
            return
        if action == "unchanged":
            plan.counts["unchanged"] += 1
            return
        plan.counts["created" if action == "create" else "updated"] += 1
        plan.uuids.append(skp.uuid)
        session.flush()

    def has_changes(self, plan: SheetPlan) -> bool:
        return bool(plan.uuids)

    def apply(self, session: Any, plan: SheetPlan, meter: ImportMeter) -> list[str]:
        """The plan wrote every SKP already; committing is what is left."""
        return plan.uuids


class _SkpBuilder:
    """The SKP input of one group, keeping stored identities by position."""

    def __init__(self, session: Session, group: _Group, plan: SheetPlan) -> None:
        self.session, self.group, self.plan = session, group, plan
        self.header = plan.header
        self.failed = False
        self.p = person(session, id=group.employee_id)
        self.stored = latest_skp(session, group.employee_id, group.year)
        self.old = skp_detail(session, self.stored).rhk if self.stored is not None else ()
        boss = latest_skp(session, self.p.atasan_id, group.year) if self.p.atasan_id else None
        self.boss_rhk = skp_detail(session, boss).rhk if boss is not None else ()

    def error(self, row: int, key: str, value: Any, code: str, **params: Any) -> None:
        self.plan.errors.append(_msg(row, self.header(key), value, code, **params))
        self.failed = True

    def build(self) -> tuple[SkpInput | None, dict[int, int]]:
        """The SKP input (None after an error) and RHK position -> its first row."""
        lampiran = self._lampiran()
        by_number: dict[int, list[SheetRow]] = defaultdict(list)
        for r in self.group.rows:
            by_number[r.values["rhk_no"]].append(r)
        rhk_inputs, numbers = [], {}
        for position, number in enumerate(sorted(by_number), start=1):
            rows = by_number[number]
            numbers[position] = rows[0].row
            rhk_inputs.append(self._rhk(position, number, rows))
        if self.failed:
            return None, numbers
        return self._skp(lampiran, tuple(rhk_inputs)), numbers

    def _lampiran(self) -> dict[str, tuple[str, int]]:
        """The lampiran and expectation texts, each from any one row (two differing: error)."""
        lampiran: dict[str, tuple[str, int]] = {}
        for r in self.group.rows:
            for key in (*LAMPIRAN, *_EXPECTATIONS):
                value = r.values.get(key)
                if not value:
                    continue
                held = lampiran.get(key)
                if held is not None and held[0] != value:
                    self.error(r.row, key, value, "skp.sheet_conflict",
                               column=self.header(key), line=held[1])  # fmt: skip
                lampiran.setdefault(key, (value, r.row))
        return lampiran

    def _rhk(self, position: int, number: int, rows: list[SheetRow]) -> RhkInput:
        head = rows[0].values
        for r in rows[1:]:
            if tuple(r.values.get(k) for k in _RHK_KEYS) != tuple(head.get(k) for k in _RHK_KEYS):
                self.error(r.row, "rhk", r.values["rhk"], "skp.sheet_rhk_conflict",
                           rhk=number, line=rows[0].row)  # fmt: skip
        before = self.old[position - 1] if position <= len(self.old) else None
        parent_uuid = self._parent(rows[0].row, head.get("parent_no"), before)
        iku_uuid = self._iku(rows[0].row, head.get("iku"))
        ikis = []
        for m, r in enumerate(rows):
            v = r.values
            keep = before.indicators[m].uuid if before and m < len(before.indicators) else None
            ikis.append(
                IkiInput(
                    aspect=Aspect(v["aspect"]), text=v["iki"], target=v["target"],
                    unit=v.get("unit") or "", polarity=Polarity(v.get("polarity") or "higher"),
                    target_hi=v.get("target_hi"), cap=v.get("cap"), weight=v.get("weight"),
                    split_rule=SplitRule(v.get("split_rule") or "same"), uuid=keep,
                )
            )  # fmt: skip
        return RhkInput(
            text=head["rhk"], kind=RhkKind(head.get("kind") or "utama"),
            parent_rhk_uuid=parent_uuid, indicator_uuid=iku_uuid, indicators=tuple(ikis),
            uuid=before.uuid if before else None, assigned_by=head.get("assigned_by") or "",
        )  # fmt: skip

    def _parent(self, row: int, parent_no: int | None, before: Any) -> str | None:
        """The atasan's RHK numbered ``parent_no``: the stored link while it still has that
        number on the atasan's SKP, else the atasan's newest SKP's RHK of that number."""
        if not parent_no:
            return None
        if before is not None and before.parent_rhk_uuid:
            pid = self.session.execute(
                select(Rhk.id).where(Rhk.uuid == before.parent_rhk_uuid)
            ).scalar_one()
            skp_id, n = rhk_number(self.session, pid)
            owner = self.session.get_one(Skp, skp_id)
            if n == parent_no and owner.employee_id == self.p.atasan_id:
                return before.parent_rhk_uuid
        if 1 <= parent_no <= len(self.boss_rhk):
            return self.boss_rhk[parent_no - 1].uuid
        self.error(row, "parent_no", parent_no, "skp.sheet_parent_number", number=parent_no,
                   atasan=self.p.atasan_name or "-")  # fmt: skip
        return None

    def _iku(self, row: int, code: Any) -> str | None:
        if not code:
            return None
        iku_uuid = self.session.execute(
            select(Indicator.uuid).where(
                Indicator.office_id == self.p.office_id, Indicator.year == self.group.year,
                Indicator.code == str(code).strip().upper(), Indicator.deleted_at.is_(None),
            )
        ).scalar()  # fmt: skip
        if iku_uuid is None:
            self.error(row, "iku", code, "skp.sheet_iku_code", value=code,
                       office=self.p.office_code, year=self.group.year)  # fmt: skip
        return iku_uuid

    def _skp(self, lampiran: dict[str, tuple[str, int]], rhk: tuple[RhkInput, ...]) -> SkpInput:
        current = skp_detail(self.session, self.stored) if self.stored is not None else None
        expectations = {cv: lampiran.get(f"exp_{cv.value}", ("", 0))[0] for cv in CoreValue}
        first = self.group.rows[0].values
        if current is not None and not any(key in first for key in _EXPECTATIONS):
            expectations = dict(current.expectations)
        return SkpInput(
            employee_uuid=self.group.employee_uuid, year=self.group.year, rhk=rhk,
            expectations=expectations, **{k: lampiran.get(k, ("", 0))[0] for k in LAMPIRAN},
        )  # fmt: skip
