"""The rencana aksi import's specifics on the shared sheet import pipeline (issue 19).

Each row names an employee (NIP), an RHK of the SKP approved for the period's year (``Kode
RHK``) and the action's place under it (``No``). The plan finds the employee's plans of the
period, compares the row with the plan at that place and keeps only the rows that change
something; applying writes them (new plans at the end of their RHK, in ``No`` order) with one
audit entry for the import. The rules and decisions are in
:mod:`kinerja_desktop.services.evaluation.rencana_aksi_sheets`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import stamp_change, stamp_new
from kinerja_desktop.services.common.sheet_import import (
    ImportMeter,
    SheetFile,
    SheetPlan,
    row_message,
)
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.services.evaluation.dto import RencanaAksiInput
from kinerja_desktop.services.evaluation.period_sheet import PeriodSheetImport, cell_message
from kinerja_desktop.services.evaluation.realisations import require_clerk
from kinerja_desktop.services.evaluation.rencana_aksi import checked_input
from kinerja_desktop.services.evaluation.rencana_aksi_lists import live_plans, rhks_of
from kinerja_desktop.spreadsheet.columns import SheetSpec
from kinerja_desktop.spreadsheet.reader import SheetRow
from kinerja_desktop.storage.models import Employee, Evaluation, Office, RencanaAksi, Rhk

__all__ = ["RencanaAksiImport"]

# The column a problem is reported in, by the field the service names.
_COLUMN = {"rencana_aksi": "text", "satuan": "unit", "target": "target", "code": "code",
           "order": "order"}  # fmt: skip


@dataclass
class _Person:
    """One employee of the file: the RHK of their SKP, their plans and the planned writes."""

    employee: Employee
    office: str  # the office a new plan belongs to
    evaluation: Evaluation | None
    rhks: dict[str, Rhk]
    plans: dict[int, list[RencanaAksi]]
    frozen: KinerjaError | None = None  # raised only when a row would change something
    writes: list[tuple[Rhk, int, RencanaAksi | None, tuple[str, Decimal | None, str]]] = field(
        default_factory=list
    )


class RencanaAksiImport(PeriodSheetImport):
    """Rencana aksi of one period; ``created`` counts plans added."""

    entity = "rencana_aksi"
    noun = "rencana aksi"

    def __init__(
        self, actor: Actor, *, spec: SheetSpec, period: Period, office_code: str | None
    ) -> None:
        super().__init__(actor, spec=spec, period=period)
        self.office_code = office_code
        self.people: dict[str, _Person] = {}

    def plan(self, session: Any, file: SheetFile, meter: ImportMeter) -> SheetPlan:
        assert file.data is not None
        plan = SheetPlan(file, warnings=[row_message(w) for w in file.data.warnings])
        home = home_office_code(session)
        self.people = {}
        seen: dict[tuple[str, str, int], int] = {}
        for row in file.data.rows:
            plan.errors.extend(row_message(e) for e in row.errors)
            nip, code = row.values.get("nip"), str(row.values.get("code") or "").strip()
            order = row.values.get("order")
            if nip is None or {"nip", "code", "order"} & set(row.failed) or order is None:
                continue
            key = (nip, code, order)
            first = seen.setdefault(key, row.row)
            if first != row.row:
                err = ValidationError("rencana_aksi.duplicate_row", value=nip, key=code,
                                      order=order, first=first)  # fmt: skip
                plan.errors.append(cell_message(row.row, plan.header("order"), order, err))
                continue
            self._row(session, plan, row, key, home)
            meter.advance()
        return plan

    def _row(
        self, session: Session, plan: SheetPlan, row: SheetRow, key: tuple[str, str, int],
        home: str | None,
    ) -> None:  # fmt: skip
        nip, code, order = key
        try:
            person = self.people.get(nip) or self._person(session, nip, home)
            self.people[nip] = person
            action = _plan_row(person, row.values, code, order)
        except KinerjaError as exc:
            column = _COLUMN.get(exc.field or "", "nip")
            plan.errors.append(cell_message(row.row, plan.header(column), row.text(column), exc))
            return
        if action is not None:
            plan.counts[action] += 1

    def _person(self, session: Session, nip: str, home: str | None) -> _Person:
        e = session.execute(
            select(Employee).where(Employee.nip == nip, Employee.deleted_at.is_(None))
        ).scalar()
        if e is None:
            raise ValidationError("realisation.unknown_nip", field="nip", value=nip)
        assert self.actor is not None
        require_clerk(self.actor, e)
        a = core.current_assignment(session, e.id)
        office = session.get(Office, a.office_id) if a else None
        if self.office_code is not None and (office is None or office.code != self.office_code):
            raise ValidationError("rencana_aksi.no_skp", field="nip", value=nip,
                                  year=self.period.year)  # fmt: skip
        skp = core.approved_skp(session, e.id, self.period.year)
        ev = core.latest_evaluation(session, e.id, self.code)
        skp_id = ev.skp_id if ev is not None and ev.skp_id is not None else skp and skp.id
        if skp_id is None:
            raise ValidationError("rencana_aksi.no_skp", field="nip", value=nip,
                                  year=self.period.year)  # fmt: skip
        rhks = dict(rhks_of(session, skp_id))
        plans: dict[int, list[RencanaAksi]] = {}
        for p in live_plans(session, [r.id for r in rhks.values()], [self.code]):
            plans.setdefault(p.rhk_id, []).append(p)
        owner = home or (ev.origin_office if ev is not None else office.code if office else "")
        person = _Person(e, owner, ev, rhks, plans)
        if ev is not None:
            status = core.state_of(session, ev).status
            if status not in core.EDITABLE:
                person.frozen = ValidationError(
                    "rencana_aksi.not_editable", field="nip", status=label(status)
                )
            elif home is not None and ev.origin_office != home:
                person.frozen = ValidationError(
                    "evaluation.not_owned", field="nip", office=ev.origin_office
                )
        return person

    def apply(self, session: Any, plan: SheetPlan, meter: ImportMeter) -> list[str]:
        """Write the changed plans; new ones at the end of their RHK, in No order."""
        assert self.actor is not None
        changed: list[str] = []
        for person in self.people.values():
            last = {rhk_id: max((p.sort_order for p in rows), default=0)
                    for rhk_id, rows in person.plans.items()}  # fmt: skip
            for rhk, _, stored, (text, target, unit) in sorted(
                person.writes, key=lambda w: (w[0].id, w[1])
            ):
                if stored is None:
                    row = RencanaAksi(rhk_id=rhk.id, period=self.code, text=text, target=target,
                                      unit=unit)  # fmt: skip
                    row.sort_order = last[rhk.id] = last.get(rhk.id, 0) + 1
                    stamp_new(row, self.actor, office=person.office)
                    session.add(row)
                    session.flush()
                    changed.append(row.uuid)
                    continue
                stored.text, stored.target, stored.unit = text, target, unit
                stamp_change(stored, self.actor)
                changed.append(stored.uuid)
            if person.writes and person.evaluation is not None:
                stamp_change(person.evaluation, self.actor)  # the editor reloads its plans
        return changed

    def audit_after(self, plan: SheetPlan, uuids: list[str]) -> dict[str, Any]:
        return {"file": plan.file.name, "period": self.code, **plan.counts, "records": uuids}


def _plan_row(person: _Person, values: dict[str, Any], code: str, order: int) -> str | None:
    """Check one row against the SKP and the stored plan; returns the count it goes to, or
    ``None`` for an unused template row."""
    rhk = person.rhks.get(code)
    if rhk is None:
        raise ValidationError("rencana_aksi.unknown_code", field="code", value=code)
    if order < 1:
        raise ValidationError("rencana_aksi.bad_order_cell", field="order", value=order)
    mine = person.plans.get(rhk.id, [])
    stored = mine[order - 1] if order <= len(mine) else None
    text, target, unit = values.get("text"), values.get("target"), values.get("unit")
    if stored is None and text is None and target is None and unit is None:
        return None
    if stored is not None:
        old_target = None if stored.target is None else Decimal(stored.target)
        text = stored.text if text is None else text
        target = old_target if target is None else target
        unit = stored.unit if unit is None else unit
    checked = checked_input(RencanaAksiInput(str(text or ""), target, str(unit or "")))
    if stored is not None:
        same_target = (old_target is None and checked[1] is None) or (
            old_target is not None and checked[1] is not None and old_target == checked[1]
        )
        if (stored.text, stored.unit) == (checked[0], checked[2]) and same_target:
            return "unchanged"
    if person.frozen is not None:
        raise person.frozen
    person.writes.append((rhk, order, stored, checked))
    return "created" if stored is None else "updated"
