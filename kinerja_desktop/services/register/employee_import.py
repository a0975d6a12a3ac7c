"""The employee import: the register's specifics on the shared sheet import pipeline.

:func:`import_employees` reads the sheet once, plans every row with :class:`EmployeePlanner`
(see :mod:`employee_plan` for what is checked) and, with no error and outside a dry run,
writes every row in one transaction with Core inserts and updates and one audit entry listing
the changed uuids (DESIGN.md sections 5 and 8). With any error nothing is written. Rows are
never deleted by an import. An optional ``progress(done, total)`` callback hears how far the
checks and the writing are (see :class:`ImportMeter`); it changes nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, select, update

from kinerja_desktop.domain.progress import Progress
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.import_dto import ImportSummary
from kinerja_desktop.services.common.recording import now_utc
from kinerja_desktop.services.common.sheet_import import (
    COUNTS,
    ImportMeter,
    MeterCallback,
    SheetFile,
    SheetImport,
    SheetPlan,
    run_import,
)
from kinerja_desktop.services.register.checks import RegisterState, load_state, person_columns
from kinerja_desktop.services.register.employee_admin import EDITORS
from kinerja_desktop.services.register.employee_plan import (
    ASSIGNMENT_KEYS,
    CHANGES,
    COUNTED,
    EmployeeItem,
    EmployeePlanner,
)
from kinerja_desktop.services.register.employee_sheets import employee_spec
from kinerja_desktop.spreadsheet.columns import SheetSpec
from kinerja_desktop.storage.base import new_uuid
from kinerja_desktop.storage.models import Assignment, Employee

__all__ = ["EmployeeImport", "import_employees"]

_NEW = {"version": 1, "end_date": None, "deleted_at": None}
# Assignment columns an update may change in place (no mutasi): they describe the row.
_DATED_KEYS = ("tmt_jabatan", "tmt_golongan", "kelas_jabatan")

#: Rows per executemany: the statements go in slices so the meter can move between them
#: (SQLAlchemy pages SQLite executemany by 1,000 anyway, so this adds no round trips).
_CHUNK = 1000


def _execute(
    session: Any, statement: Any, rows: list[dict[str, Any]], advance: Callable[[int], None]
) -> None:
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        session.execute(statement, chunk)
        advance(len(chunk))


def write_rows(
    session: Any, state: RegisterState, items: list[EmployeeItem], actor: Actor, meter: ImportMeter
) -> list[str]:
    """Write the planned rows with Core statements; returns the changed record uuids.

    The meter's rest is shared by the employee rows and about one assignment row per item.
    """
    advance = meter.span(2 * len(items))
    emp, asg = Employee.__table__, Assignment.__table__
    stamp = {"updated_at": now_utc(), "updated_by": actor.username}
    home = state.home
    fresh = {"deleted_at": None, "active": True, "leave_reason": None, "leave_date": None}
    new_people, people_updates = [], []
    for item in items:
        assert item.values is not None
        columns = person_columns(item.values, birth_date=item.birth) | stamp
        if item.action == "create":
            origin = {"origin_office": home or item.values.office_code, "uuid": item.uuid}
            new_people.append(columns | fresh | origin | {"version": 1})
        else:
            assert item.person is not None  # the employee is the aggregate root: always bumped
            extra = fresh if item.action == "revive" else {}
            people_updates.append(
                columns | extra | {"_id": item.person.id, "version": item.person.version + 1}
            )
    if new_people:
        _execute(session, insert(emp), new_people, advance)
        created = {r.uuid: r.id for r in session.execute(select(emp.c.uuid, emp.c.id))}
        for item in items:
            if item.action == "create":
                state.people[item.uuid].id = created[item.uuid]
    if people_updates:
        _execute(session, update(emp).where(emp.c.id == bindparam("_id")), people_updates, advance)
    new_rows, updates, closes = [], [], []
    for item in items:
        assert item.values is not None
        person = state.people[item.uuid]
        columns = state.assignment_columns(item.values) | stamp
        current = person.assignment if item.action not in ("create", "revive") else None
        if current is not None and item.action == "update":
            if item.before is None or any(
                getattr(item.values, k) != getattr(item.before, k)
                for k in (*ASSIGNMENT_KEYS, "start_date", "note", *_DATED_KEYS)
            ):
                updates.append(columns | {"_id": current.id, "version": current.version + 1})
            continue
        if current is not None:  # a mutasi closes the current assignment the day before
            end = item.values.start_date - timedelta(days=1)
            closes.append(
                stamp | {"_id": current.id, "end_date": end, "version": current.version + 1}
            )
        origin = {"origin_office": home or item.values.office_code, "employee_id": person.id}
        new_rows.append(columns | origin | _NEW | {"uuid": new_uuid()})
    for rows in (closes, updates):
        if rows:
            _execute(session, update(asg).where(asg.c.id == bindparam("_id")), rows, advance)
    if new_rows:
        _execute(session, insert(asg), new_rows, advance)
    return [item.uuid for item in items] + [row["uuid"] for row in new_rows]


class EmployeeImport(SheetImport):
    """The register's part of the pipeline: the state it checks against, the plan, the write.

    ``actor`` None (the wizard's preview) plans without the account's own checks.
    """

    entity = "employee"

    def __init__(self, actor: Actor | None, today: date) -> None:
        super().__init__(actor)
        self.today = today
        self.state: RegisterState | None = None

    def before_read(self, session: Any) -> None:
        self.state = load_state(session)
        return None

    def spec(self, session: Any) -> SheetSpec:
        assert self.state is not None
        return employee_spec(self.state.offices)

    def meter_total(self, rows: int, *, applying: bool) -> int:
        """A merge pass and a check pass over every row, then (applying) the writing."""
        return (3 if applying else 2) * rows

    def plan(self, session: Any, file: SheetFile, meter: ImportMeter) -> SheetPlan:
        assert self.state is not None and file.data is not None
        planner = EmployeePlanner(self.state, file.data, self.today, self.actor)
        planner.run(meter)
        errors = [e for item in planner.items for e in item.errors]
        refused = sum(e.code == "employee.self_atasan" for e in errors)
        actor = self.actor
        if refused and actor is not None and actor.on_refused is not None:
            # Only reads so far, so the refusal's own transaction does not wait for this one.
            details = {"operation": "import_employees", "file": file.name, "rows": str(refused)}
            actor.on_refused(actor, "employee.self_atasan", details)
        warnings = planner.warnings + [w for item in planner.items for w in item.warnings]
        counts = dict.fromkeys(COUNTS, 0)
        for item in planner.items:
            if not item.errors and item.action in (*CHANGES, "unchanged"):
                counts[COUNTED.get(item.action, "updated")] += 1
        return SheetPlan(file, errors, warnings, counts, items=planner.items)

    def has_changes(self, plan: SheetPlan) -> bool:
        return any(item.action in CHANGES for item in plan.items)

    def apply(self, session: Any, plan: SheetPlan, meter: ImportMeter) -> list[str]:
        assert self.state is not None and self.actor is not None
        changed = [item for item in plan.items if item.action in CHANGES]
        return write_rows(session, self.state, changed, self.actor, meter)


def import_employees(
    db: Database,
    actor: Actor,
    path: Path | SheetFile,
    *,
    dry_run: bool = False,
    today: date | None = None,
    progress: MeterCallback | None = None,
    state: Progress | None = None,
) -> ImportSummary:
    """Import the employee sheet at ``path`` (see :mod:`employee_plan` for the rules).

    Args:
        path: the file, or the :class:`SheetFile` a preview read already (not read again).
        progress: called as ``progress(done, total)`` from the calling thread (the task's
            worker in the GUI), about 100 times: first ``(0, total)`` once the file is read,
            then while rows are checked and written, last ``(total, total)`` once committed.
            Never called for a file refused as a whole. The result is the same without it.
        state: hears the rows read and may cancel the read (the GUI's task state).

    Returns:
        The summary. ``errors`` non-empty means nothing was written (the counts then say what
        the readable rows would have done); ``applied`` is True only when rows were written.
        Problems with the file itself (not an xlsx, encrypted, damaged, empty, missing
        columns, merged cells, too many rows) come back as one error, never as an exception.

    Raises:
        PermissionDeniedError: the actor may not edit the register.
    """
    require(actor, *EDITORS)
    source = path if isinstance(path, SheetFile) else Path(path)
    job = EmployeeImport(actor, today or date.today())
    return run_import(db, job, source, dry_run=dry_run, progress=progress, state=state)
