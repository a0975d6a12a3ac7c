"""The employee realisation import's specifics on the shared sheet import pipeline.

Each row names an employee (NIP) and an indicator of their SKP (``Kode``). The plan finds the
employee's evaluation of the period (or the approved SKP a Draft will be started from), checks
the value against the indicator and compares it with the stored one; only changed rows are
kept as entries. Applying starts the missing Drafts and saves every evaluation's entries with
the editor's own :func:`apply_realisations`, then one audit entry for the import.
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
from kinerja_desktop.services.admin.settings import AppSettings
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.sheet_import import (
    ImportMeter,
    SheetFile,
    SheetPlan,
    row_message,
)
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.services.evaluation.dto import RealisationInput
from kinerja_desktop.services.evaluation.period_sheet import PeriodSheetImport, cell_message
from kinerja_desktop.services.evaluation.realisations import (
    apply_realisations,
    new_evaluation,
    parse_value,
    require_clerk,
)
from kinerja_desktop.spreadsheet.columns import SheetSpec
from kinerja_desktop.spreadsheet.reader import SheetRow
from kinerja_desktop.storage.models import Employee, Evaluation, Office

__all__ = ["RealisationImport"]


@dataclass
class _Target:
    employee: Employee
    evaluation: Evaluation | None
    entries: list[RealisationInput] = field(default_factory=list)
    frozen: ValidationError | None = None  # raised only when a row would change something


class RealisationImport(PeriodSheetImport):
    """Realisations of one period; ``created`` counts values entered for the first time."""

    entity = "realisation"

    def __init__(
        self,
        actor: Actor,
        *,
        spec: SheetSpec,
        period: Period,
        office_code: str | None,
        settings: AppSettings,
    ) -> None:
        super().__init__(actor, spec=spec, period=period)
        self.office_code, self.settings = office_code, settings
        self.targets: dict[str, _Target] = {}

    def plan(self, session: Any, file: SheetFile, meter: ImportMeter) -> SheetPlan:
        assert file.data is not None
        plan = SheetPlan(file, warnings=[row_message(w) for w in file.data.warnings])
        home = home_office_code(session)
        self.targets = {}
        seen: dict[tuple[str, str], int] = {}
        for row in file.data.rows:
            plan.errors.extend(row_message(e) for e in row.errors)
            nip, key = row.values.get("nip"), str(row.values.get("code") or "").strip()
            if nip is None or "nip" in row.failed or "code" in row.failed:
                continue
            first = seen.setdefault((nip, key), row.row)
            if first != row.row:
                err = ValidationError("realisation.duplicate_row", value=nip, key=key, first=first)
                plan.errors.append(cell_message(row.row, plan.header("code"), key, err))
                continue
            self._row(session, plan, row, nip, key, home)
            meter.advance()
        return plan

    def _row(
        self, session: Session, plan: SheetPlan, row: SheetRow, nip: str, key: str, home: Any
    ) -> None:
        try:
            target = self.targets.get(nip) or self._target(session, nip, home)
            self.targets[nip] = target
            action = _plan_line(session, target, row.values, key, self.period)
        except KinerjaError as exc:
            field_key = exc.field if exc.field in ("value", "code") else "nip"
            column = plan.header(field_key)
            plan.errors.append(cell_message(row.row, column, row.text(exc.field or "nip"), exc))
            return
        plan.counts[action] += 1

    def _target(self, session: Session, nip: str, home: str | None) -> _Target:
        period = self.code
        e = session.execute(
            select(Employee).where(Employee.nip == nip, Employee.deleted_at.is_(None))
        ).scalar()
        if e is None:
            raise ValidationError("realisation.unknown_nip", field="nip", value=nip)
        assert self.actor is not None
        require_clerk(self.actor, e)
        a = core.current_assignment(session, e.id)
        if self.office_code is not None:
            office = session.get(Office, a.office_id) if a else None
            if office is None or office.code != self.office_code:
                raise ValidationError(
                    "realisation.no_evaluation", field="nip", value=nip, period=period
                )
        ev = core.latest_evaluation(session, e.id, period)
        if ev is None:
            if core.approved_skp(session, e.id, self.period.year) is None:
                raise ValidationError(
                    "realisation.no_evaluation", field="nip", value=nip, period=period
                )
            return _Target(e, None)
        status = core.state_of(session, ev).status
        if status not in core.EDITABLE:
            frozen = ValidationError("evaluation.not_editable", field="nip", status=label(status))
            return _Target(e, ev, frozen=frozen)
        if home is not None and ev.origin_office != home:
            frozen = ValidationError("evaluation.not_owned", field="nip", office=ev.origin_office)
            return _Target(e, ev, frozen=frozen)
        return _Target(e, ev)

    def apply(self, session: Any, plan: SheetPlan, meter: ImportMeter) -> list[str]:
        """Start the missing Drafts and save each evaluation's changed lines."""
        assert self.actor is not None
        changed: list[str] = []
        for t in self.targets.values():
            if not t.entries:
                continue
            ev = t.evaluation or new_evaluation(
                session, self.actor, t.employee, self.code, settings=self.settings
            )
            _, after = apply_realisations(session, self.actor, ev, t.entries)
            if after:
                changed.append(ev.uuid)
        return changed

    def audit_after(self, plan: SheetPlan, uuids: list[str]) -> dict[str, Any]:
        return {"file": plan.file.name, "period": self.code, **plan.counts, "records": uuids}


def _plan_line(
    session: Session, target: _Target, values: dict[str, Any], key: str, period: Period
) -> str:
    """Check one row against the SKP and the stored value; returns the count it goes to."""
    if target.evaluation is not None:
        skp_id = target.evaluation.skp_id
        stored = core.realisations_by_indicator(session, target.evaluation.id)
    else:
        skp = core.approved_skp(session, target.employee.id, period.year)
        skp_id, stored = (skp.id if skp else None), {}
    line = next((x for x in core.skp_lines(session, skp_id) if x.code == key), None)
    if line is None:
        raise ValidationError("realisation.unknown_code", field="code", value=key)
    raw = values.get("value")
    try:
        value = parse_value(raw, line.indicator)
    except ValidationError as exc:
        raise ValidationError(exc.code, field="value", **exc.params) from exc
    note = values.get("note")
    r = stored.get(line.indicator.id)
    old_value, old_note = (r.value, r.note) if r is not None else (None, "")
    new_value = old_value if value is None else value
    new_note = old_note if note is None else str(note).strip()
    same = (old_value is None and new_value is None) or (
        old_value is not None and new_value is not None and Decimal(old_value) == new_value
    )
    if same and old_note == new_note:
        return "unchanged"
    if target.frozen is not None:
        raise target.frozen
    target.entries.append(RealisationInput(line.indicator.uuid, new_value, new_note))
    return "created" if old_value is None else "updated"
