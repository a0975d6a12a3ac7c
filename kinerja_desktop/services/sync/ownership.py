"""Who may write what through a package: one policy table per kind of row (DESIGN.md 5, 7).

The plan (:mod:`~kinerja_desktop.services.sync.plan`) asks :meth:`Ownership.check` about every
new, changed or deleted row; a refusal names a rule code and refuses the whole package (issue
13, class (a)). Rules about the receiver's *current state* (locked period, versions) stay
conflicts in the plan.

The direction comes from the office tree at the receiver, never from the manifest: the signer
is a child when its office's parent is the home office (for a new office, as its own row in
this package says), the parent when the home office's parent is the signer.

Judged "after this package" (the receiver's rows overlaid by the package's rows): the office
tree that decides which offices are below the signer, the assignments that cover a period and
name an atasan. Judged "before this package": who owns a stored row, and where an employee's
current assignment is.

Decisions where the issue is silent:
- Kinds it does not list (employees, external penilai, indicators and their targets and
  realisations, IKM surveys, org assessments, RHK, individual indicators, expectations) follow
  the general rule: a child writes rows of its own or lower offices, and rows that name an
  office name one at or below the signer; RHK, indicators and expectations of an SKP follow the
  SKP's period-work rule.
- An employee with no current assignment here (a new hire) may get assignments from the
  office that registered the employee.
- Period work covers a period when one of the employee's assignments overlaps it.
- An assessment by an external penilai is accepted from the office the record belongs to or,
  when another office made the record (the demo's Kepala Dinas is the kecamatan's), from the
  office whose assignment of the evaluated employee names that external penilai.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Periodicity
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.sync.rows import Entity, Row
from kinerja_desktop.services.sync.scope import DOWN, UP
from kinerja_desktop.storage.models import Base

# Settings a parent office sends down, each with the values it may take.
DOWN_SETTINGS: dict[str, tuple[str, ...]] = {
    "evaluation_frequency": (Periodicity.QUARTERLY.value, Periodicity.MONTHLY.value),
}
# Columns a change may touch without changing a row's substance.
_BOOKKEEPING = frozenset({"version", "updated_at", "updated_by", "origin_office"})
# What a parent may send down (the down slice of services/sync_scope.py, by name).
_DOWN_KINDS = frozenset({"offices", "period_settings", "indicators", "indicator_targets",
                         "org_assessments", "assessments", "employees", "assignments",
                         "external_penilai"})  # fmt: skip


# Columns that name a row of a kind without a unique natural key.
_NAMING: dict[str, tuple[str, ...]] = {
    "assignments": ("employee_id", "start_date", "office_id"),
    "assessments": ("penilai_id", "evaluation_id"),
    "evidence": ("filename", "sha256"),
    "external_penilai": ("name", "jabatan"),
    "rhk": ("skp_id", "text"),
    "skp_indicators": ("rhk_id", "text"),
}


@dataclass(frozen=True)
class Refusal:
    """Why a row may not be written: a rule code (``sync.rule.<rule>`` words it)."""

    rule: str


def _meta(name: str) -> Any:
    return Base.metadata.tables[name]


def _span(period: str | None) -> tuple[date, date] | None:
    try:
        p = Period.parse(str(period))
    except (ValueError, TypeError, AttributeError):
        return None
    return p.start, p.end


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass
class _Assignment:
    uuid: str
    acting: bool
    employee: str
    office: str  # office uuid
    start: date | None
    end: date | None
    atasan: str | None
    external: str | None
    live: bool


class Ownership:
    """The policy for one package: built once, asked per row."""

    def __init__(
        self,
        session: Session,
        rows: dict[str, list[tuple[int, Row]]],
        *,
        signer: str,
        home: str,
        partner_uuid: str,
    ) -> None:
        self.session = session
        self.signer = signer
        self.home = home
        self.partner_uuid = partner_uuid
        self.incoming = {name: {r["uuid"]: r for _, r in rs} for name, rs in rows.items()}
        self._cache: dict[str, dict[str, Row]] = {}
        offices = _meta("offices")
        stored = session.execute(
            select(offices.c.id, offices.c.uuid, offices.c.code, offices.c.parent_id)
        ).all()
        by_id = {r.id: r.uuid for r in stored}
        # uuid -> (code, parent uuid): before and after this package.
        self.tree_before = {r.uuid: (r.code, by_id.get(r.parent_id)) for r in stored}
        self.tree = dict(self.tree_before)
        codes = {code for code, _ in self.tree_before.values()}
        for uuid, row in self.incoming.get("offices", {}).items():
            if uuid in self.tree or row.get("code") not in codes:
                self.tree[uuid] = (str(row.get("code")), row.get("parent_id"))
        self.home_uuid = next((u for u, (c, _) in self.tree_before.items() if c == home), None)
        self.direction = self._direction()
        if self.direction == UP:
            self.below_before = self._below(self.tree_before)
            self.below = self._below(self.tree)
        else:
            self.below_before = self.below = {signer}

    # -- the office tree ------------------------------------------------------------------------

    def _code_parent(self, tree: dict[str, tuple[str, str | None]], code: str) -> str | None:
        uuids = [u for u, (c, _) in tree.items() if c == code]
        if len(uuids) != 1:
            return None
        parent = tree[uuids[0]][1]
        return tree[parent][0] if parent in tree else None

    def _direction(self) -> str | None:
        if self._code_parent(self.tree_before, self.signer) == self.home:
            return UP
        if self._code_parent(self.tree_before, self.home) == self.signer:
            return DOWN
        if not any(c == self.signer for c, _ in self.tree_before.values()):
            own = [r for r in self.incoming.get("offices", {}).values()
                   if r.get("code") == self.signer]  # fmt: skip
            if len(own) == 1 and own[0].get("parent_id") == self.home_uuid:
                return UP
        return None

    def _chain_leads_to_signer(self, tree: dict[str, tuple[str, str | None]], uuid: Any) -> bool:
        seen: set[Any] = set()
        while uuid is not None and uuid in tree and uuid not in seen:
            seen.add(uuid)
            code, parent = tree[uuid]
            if code == self.signer:
                return True
            if code == self.home:
                return False
            uuid = parent
        return False

    def _below(self, tree: dict[str, tuple[str, str | None]]) -> set[str]:
        found = {self.signer}
        for uuid, (code, _) in tree.items():
            if self._chain_leads_to_signer(tree, uuid):
                found.add(code)
        return found

    def office_code(self, uuid: Any) -> str | None:
        entry = self.tree.get(uuid)
        return entry[0] if entry else None

    def _office_below(self, uuid: Any) -> bool:
        return self.office_code(uuid) in self.below

    # -- rows after this package ----------------------------------------------------------------

    def _rows(self, table: str) -> dict[str, Row]:
        """uuid -> row (references as uuids) of ``table`` as known after this package, for the
        columns the rules read. Loaded once per table, only when a rule needs it."""
        if table in self._cache:
            return self._cache[table]
        t = _meta(table)
        cols: list[Any] = [t.c.uuid, t.c.origin_office, t.c.deleted_at]
        joins: Any = t
        wanted = {
            "employees": ("nip",),
            "external_penilai": (),
            "assignments": ("employee_id", "office_id", "atasan_id", "external_penilai_id",
                            "start_date", "end_date", "acting"),
            "evaluations": ("employee_id", "period"),
            "skp": ("employee_id", "year"),
            "realisations": ("evaluation_id",),
            "evidence": ("realisation_id",),
            "rhk": ("skp_id",),
            "skp_indicators": ("rhk_id",),
            "indicators": ("office_id",),
        }[table]  # fmt: skip
        for name in wanted:
            fk = next(iter(t.c[name].foreign_keys), None)
            if fk is None:
                cols.append(t.c[name].label(name))
            else:
                target = fk.column.table.alias(f"o_{name}")
                joins = joins.outerjoin(target, t.c[name] == target.c.id)
                cols.append(target.c.uuid.label(name))
        found: dict[str, Row] = {
            r.uuid: dict(r._mapping) for r in self.session.execute(select(*cols).select_from(joins))
        }
        for uuid, row in self.incoming.get(table, {}).items():
            found[uuid] = dict(found.get(uuid, {})) | row
        self._cache[table] = found
        return found

    def _by_employee(self) -> dict[str, list[_Assignment]]:
        key = "_by_employee"
        if key not in self._cache:
            grouped: dict[str, list[_Assignment]] = defaultdict(list)
            for row in self._rows("assignments").values():
                grouped[row.get("employee_id")].append(
                    _Assignment(
                        uuid=row["uuid"],
                        acting=row.get("acting") not in (None, "none", "NONE"),
                        employee=row.get("employee_id"),
                        office=row.get("office_id"),
                        start=_as_date(row.get("start_date")),
                        end=_as_date(row.get("end_date")),
                        atasan=row.get("atasan_id"),
                        external=row.get("external_penilai_id"),
                        live=row.get("deleted_at") is None,
                    )
                )
            self._cache[key] = grouped  # type: ignore[assignment]
        return self._cache[key]  # type: ignore[return-value]

    def _covering(self, employee: Any, span: tuple[date, date] | None) -> list[_Assignment]:
        if span is None:
            return []
        first, last = span
        return [
            a
            for a in self._by_employee().get(employee, [])
            if a.live and (a.start is None or a.start <= last) and (a.end is None or a.end >= first)
        ]

    def _current_before(self, employee: Any) -> list[str]:
        """Office uuids of the employee's current assignments stored here (before the package)."""
        key = "_current"
        if key not in self._cache:
            t, o, e = _meta("assignments"), _meta("offices"), _meta("employees")
            current: dict[str, list[str]] = defaultdict(list)
            for person, office in self.session.execute(
                select(e.c.uuid, o.c.uuid)
                .select_from(t.join(o, t.c.office_id == o.c.id).join(e, t.c.employee_id == e.c.id))
                .where(t.c.end_date.is_(None), t.c.deleted_at.is_(None))
            ).all():
                current[person].append(office)
            self._cache[key] = current  # type: ignore[assignment]
        return self._cache[key].get(employee, [])  # type: ignore[return-value]

    def _work_of(self, entity: str, row: Row) -> tuple[Any, tuple[date, date] | None] | None:
        """(employee uuid, period span) of a period-work row, following its parents."""
        if entity == "evaluations":
            return row.get("employee_id"), _span(row.get("period"))
        if entity == "skp":
            return row.get("employee_id"), _span(row.get("year"))
        parent_of = {
            "realisations": ("evaluations", "evaluation_id"),
            "evidence": ("realisations", "realisation_id"),
            "rhk": ("skp", "skp_id"),
            "skp_indicators": ("rhk", "rhk_id"),
            "skp_expectations": ("skp", "skp_id"),
        }
        table, column = parent_of[entity]
        parent = self._rows(table).get(row.get(column))
        return None if parent is None else self._work_of(table, parent)

    # -- the table ------------------------------------------------------------------------------

    def check(self, entity: Entity, row: Row, stored: Row | None) -> Refusal | None:
        """``None`` when the signer may write ``row`` (new when ``stored`` is None, else a
        change or a deletion of ``stored``); otherwise the rule it breaks."""
        name = entity.name
        if self.direction == DOWN and name not in _DOWN_KINDS:
            return Refusal("down_slice")
        if self.direction == UP and name == "period_settings":
            return Refusal("parent_only")
        origin = row.get("origin_office")
        if stored is not None and stored.get("origin_office") not in self.below_before:
            if name == "assignments" and self._closes_placement(row, stored):
                return None
            return Refusal("owner")
        if origin not in self.below or (stored is not None and origin != stored["origin_office"]):
            return Refusal("origin")
        return self.table[name](name, row)

    @cached_property
    def table(self) -> dict[str, Callable[[str, Row], Refusal | None]]:
        """The policy table: the rule of each kind of row that travels (a kind added later
        must be given its rule here; a test checks that every travelling table has one)."""
        general = self._general
        return {
            "offices": self._offices,
            "external_penilai": general,
            "employees": self._employees,
            "assignments": self._assignments,
            "indicators": self._indicators,
            "indicator_targets": self._indicator_targets,
            "indicator_realisations": self._indicator_realisations,
            "org_assessments": self._indicators,
            "ikm_surveys": general,
            "skp": self._period_work,
            "rhk": self._period_work,
            "skp_indicators": self._period_work,
            "skp_expectations": self._period_work,
            "evaluations": self._period_work,
            "realisations": self._period_work,
            "evidence": self._period_work,
            "assessments": self._assessments,
            "period_settings": general,  # from the parent only (checked above)
        }

    def _general(self, name: str, row: Row) -> Refusal | None:
        if "office_id" in row and not self._office_below(row["office_id"]):
            return Refusal("office_below")
        return None

    def _offices(self, name: str, row: Row) -> Refusal | None:
        if self.direction == DOWN:
            own = row.get("code") == self.signer
            if not own or (self.partner_uuid and row["uuid"] != self.partner_uuid):
                return Refusal("down_office")
            return None
        if row.get("code") == self.signer:
            if self.partner_uuid and row["uuid"] != self.partner_uuid:
                return Refusal("office_own")
            if row.get("parent_id") != self.home_uuid:
                return Refusal("office_own")
            return None
        if not self._chain_leads_to_signer(self.tree, row.get("parent_id")):
            return Refusal("office_tree")
        return None

    def _assignments(self, name: str, row: Row) -> Refusal | None:
        if self.direction == DOWN:
            penilai = row.get("employee_id") in self._penilai() and row.get("end_date") is None
            if not penilai and row.get("office_id") != self.home_uuid:
                return Refusal("down_slice")
            return None
        current = self._current_before(row.get("employee_id"))
        if current:
            ok = any(self._office_below(u) for u in current)
        else:
            employee = self._rows("employees").get(row.get("employee_id"), {})
            ok = employee.get("origin_office") in self.below
        return None if ok else Refusal("assignment_employee")

    def _closes_placement(self, row: Row, stored: Row) -> bool:
        """The office an employee was placed at by another office's mutasi may close that
        assignment: its end date changes, nothing else (issue 13)."""
        if not self._office_below(stored.get("office_id")) or self.direction != UP:
            return False
        if row.get("origin_office") != stored.get("origin_office"):
            return False  # closing it does not make it the closer's row
        changed = {k for k, v in row.items() if stored.get(k) != v} - _BOOKKEEPING
        return changed <= {"end_date"}

    def _period_work(self, name: str, row: Row) -> Refusal | None:
        if self.direction == DOWN:
            return Refusal("down_slice")
        work = self._work_of(name, row)
        if work is None:
            return Refusal("period_work")
        employee, span = work
        if any(self._office_below(a.office) for a in self._covering(employee, span)):
            return None
        return Refusal("period_work")

    def _assessments(self, name: str, row: Row) -> Refusal | None:
        evaluation = self._rows("evaluations").get(row.get("evaluation_id"))
        if evaluation is None:
            return Refusal("assessment_penilai")
        if self.direction == DOWN and evaluation.get("origin_office") != self.home:
            return Refusal("down_slice")
        span = _span(evaluation.get("period"))
        penilai, external = row.get("penilai_id"), row.get("external_penilai_id")
        if penilai is not None:
            ok = any(self._office_below(a.office) for a in self._covering(penilai, span))
        elif external is not None:
            # An external penilai works in no database: the office where the evaluated
            # employee serves records the judgement, also with a record another office made.
            record = self._rows("external_penilai").get(external, {})
            ok = record.get("origin_office") in self.below or any(
                a.external == external and self._office_below(a.office)
                for a in self._covering(evaluation.get("employee_id"), span)
            )
        else:
            ok = False
        if not ok:
            return Refusal("assessment_penilai")
        names = any(
            (penilai is not None and a.atasan == penilai)
            or (penilai is None and a.external == external)
            for a in self._covering(evaluation.get("employee_id"), span)
        )
        return None if names else Refusal("assessment_atasan")

    def _indicators(self, name: str, row: Row) -> Refusal | None:
        if self.direction == DOWN:
            return None if row.get("office_id") == self.home_uuid else Refusal("down_slice")
        return self._general(name, row)

    def _indicator_office(self, row: Row) -> Any:
        return self._rows("indicators").get(row.get("indicator_id"), {}).get("office_id")

    def _indicator_targets(self, name: str, row: Row) -> Refusal | None:
        office = self._indicator_office(row)
        if self.direction == DOWN:
            return None if office == self.home_uuid else Refusal("down_slice")
        return None if self._office_below(office) else Refusal("office_below")

    def _indicator_realisations(self, name: str, row: Row) -> Refusal | None:
        return None if self._office_below(self._indicator_office(row)) else Refusal("office_below")

    def _employees(self, name: str, row: Row) -> Refusal | None:
        if self.direction == UP:
            return None
        placed_here = any(
            a.office == self.home_uuid and a.live for a in self._by_employee().get(row["uuid"], [])
        )
        return None if placed_here or row["uuid"] in self._penilai() else Refusal("down_slice")

    def _penilai(self) -> set[str]:
        """Employees named as atasan or penilai after this package (the receiver's penilai and,
        through their own assignments, the atasan of those penilai)."""
        named = {a.atasan for rows in self._by_employee().values() for a in rows if a.atasan}
        incoming = self.incoming.get("assessments", {}).values()
        return named | {r["penilai_id"] for r in incoming if r.get("penilai_id")}

    # -- the receiver's current state (class (b): a conflict, not a refusal) -------------------

    def state_conflict(self, name: str, row: Row) -> str | None:
        """``"evaluation_state"`` for a change to an evaluation approved here, or to the
        realisations and evidence of one (a reopen makes a new revision, a new row)."""
        if name == "evaluations":
            evaluation = row.get("uuid")
        elif name == "realisations":
            evaluation = row.get("evaluation_id")
        elif name == "evidence":
            realisation = self._rows("realisations").get(row.get("realisation_id"), {})
            evaluation = realisation.get("evaluation_id")
        else:
            return None
        return "evaluation_state" if evaluation in self._approved_here() else None

    def _approved_here(self) -> set[str]:
        key = "_approved"
        if key not in self._cache:
            t = _meta("evaluations")
            approved = self.session.execute(
                select(t.c.uuid).where(t.c.status == "approved", t.c.deleted_at.is_(None))
            ).scalars()
            self._cache[key] = set(approved)  # type: ignore[assignment]
        return self._cache[key]  # type: ignore[return-value]

    def overlaps(self, row: Row) -> bool:
        """A definitive assignment whose dates overlap another definitive assignment of the
        same employee, as the receiver would hold them after this package (an acting Plt/Plh
        assignment may run beside the definitive one)."""
        if row.get("deleted_at") is not None or row.get("acting") not in (None, "none"):
            return False
        first, last = _as_date(row.get("start_date")), _as_date(row.get("end_date"))
        for other in self._by_employee().get(row.get("employee_id"), []):
            if other.uuid == row["uuid"] or not other.live or other.acting:
                continue
            if (last is None or other.start is None or other.start <= last) and (
                other.end is None or first is None or other.end >= first
            ):
                return True
        return False

    # -- naming a refused row ----------------------------------------------------------------

    def natural_key(self, entity: Entity, row: Row) -> str:
        """The row's natural key as people read it: NIPs for employees, codes for offices
        (a refusal note names it; kinds without a unique key get their identifying columns)."""
        columns = entity.natural_keys[0] if entity.natural_keys else _NAMING.get(entity.name, ())
        parts = []
        for column in columns:
            value = row.get(column)
            target = entity.foreign.get(column)
            if target == "employees":
                value = self._rows("employees").get(value, {}).get("nip") or value
            elif target == "offices":
                value = self.office_code(value) or value
            parts.append("" if value is None else str(value))
        return " / ".join(parts)

    # -- deletions computed here ----------------------------------------------------------------

    def may_tombstone(self, entity: Entity) -> bool:
        """Rows a full package no longer carries become tombstones only where the signer could
        have written them (a child's old period settings are left alone)."""
        if self.direction == DOWN:
            return entity.name in _DOWN_KINDS
        return entity.name != "period_settings"


def check_settings(values: dict[str, Any], direction: str | None) -> tuple[str, str] | None:
    """``(rule, key)`` when ``settings.json`` holds what its sender may not set."""
    if direction != DOWN:
        return "settings_child", next(iter(values), "")
    for key, value in values.items():
        if key not in DOWN_SETTINGS:
            return "settings_key", key
        if value not in DOWN_SETTINGS[key]:
            return "settings_value", key
    return None


def rules() -> Iterable[str]:
    """Every rule code (each has a ``sync.rule.<code>`` message)."""
    return (
        "origin", "owner", "office_own", "office_tree", "down_office", "down_slice",
        "parent_only", "assignment_employee", "period_work", "assessment_penilai",
        "assessment_atasan", "office_below", "settings_child", "settings_key", "settings_value",
        "direction", "value", "evidence", "entity", "reference",
    )  # fmt: skip
