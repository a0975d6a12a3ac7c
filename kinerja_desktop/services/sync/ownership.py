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

Relaying (issue 18): from a child the signer may write rows whose origin office is itself or
one below it (a kecamatan relays its kelurahan's rows, still owned by them); from the parent,
rows whose origin is the parent or an office above it (the kota's rows the kecamatan passes
on), about the home office or an office below it. Every other origin is refused (``origin``).

Decisions where the issue is silent:
- Kinds it does not list (employees, external penilai, indicators and their targets and
  realisations, IKM surveys, org assessments, RHK, individual indicators, expectations) follow
  the general rule: a child writes rows of its own or lower offices, and rows that name an
  office name one at or below the signer; RHK, indicators and expectations of an SKP follow the
  SKP's period-work rule.
- An employee with no current assignment here (a new hire) may get assignments from the
  office that registered the employee.
- Period work covers a period when one of the employee's assignments overlaps it.
- A rencana aksi (issue 19) is period work of its own period, for the employee of its RHK's
  SKP: the office of the assignment covering that period creates it, as for realisations.
- An assessment by an external penilai is accepted from the office the record belongs to or,
  when another office made the record (the demo's Kepala Dinas is the kecamatan's), from the
  office whose assignment of the evaluated employee names that external penilai.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import select

from kinerja_desktop.domain.enums import Periodicity
from kinerja_desktop.domain.tpp import parse_tpp_base, parse_tpp_percent
from kinerja_desktop.services.sync.package_view import PackageView, as_date, span_of, table_of
from kinerja_desktop.services.sync.rows import Entity, Row
from kinerja_desktop.services.sync.scope import DOWN, UP


def _parses(parse: Callable[[Any], Any]) -> Callable[[Any], bool]:
    def accepts(value: Any) -> bool:
        try:
            parse(value)
        except ValueError:
            return False
        return True

    return accepts


# Settings a parent office sends down, each with the test of the values it may take. The TPP
# tables are city rules (Perwako, issue 20.3): every office computes the same rupiah.
DOWN_SETTINGS: dict[str, Callable[[Any], bool]] = {
    "evaluation_frequency": lambda v: v in (Periodicity.QUARTERLY.value, Periodicity.MONTHLY.value),
    "tpp_percent": _parses(parse_tpp_percent),
    "tpp_base": _parses(parse_tpp_base),
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
    "rencana_aksi": ("rhk_id", "period", "text"),
    "rhk": ("skp_id", "text"),
    "skp_indicators": ("rhk_id", "text"),
}


@dataclass(frozen=True)
class Refusal:
    """Why a row may not be written: a rule code (``sync.rule.<rule>`` words it)."""

    rule: str


class Ownership(PackageView):
    """The policy for one package: built once, asked per row."""

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
            "rencana_aksi": self._rencana_aksi,
            "assessments": self._assessments,
            "period_settings": general,  # from the parent only (checked above)
        }

    def _general(self, name: str, row: Row) -> Refusal | None:
        if "office_id" in row and not self.office_below(row["office_id"]):
            return Refusal("office_below")
        return None

    def _offices(self, name: str, row: Row) -> Refusal | None:
        if self.direction == DOWN:
            code = row.get("code")
            if code != self.signer:  # relayed: an office above the signer, as it wrote itself
                relayed = code in self.below and row.get("origin_office") == code
                return None if relayed else Refusal("down_office")
            if self.partner_uuid and row["uuid"] != self.partner_uuid:
                return Refusal("down_office")
            return None
        if row.get("code") == self.signer:
            if self.partner_uuid and row["uuid"] != self.partner_uuid:
                return Refusal("office_own")
            if row.get("parent_id") != self.home_uuid:
                return Refusal("office_own")
            return None
        if not self.chain_leads_to_signer(self.tree, row.get("parent_id")):
            return Refusal("office_tree")
        return None

    def _assignments(self, name: str, row: Row) -> Refusal | None:
        if self.direction == DOWN:
            penilai = row.get("employee_id") in self._penilai() and row.get("end_date") is None
            if not penilai and not self.about_home(row.get("office_id")):
                return Refusal("down_slice")
            return None
        current = self.current_before(row.get("employee_id"))
        if current:
            ok = any(self.office_below(u) for u in current)
        else:
            employee = self.rows_after("employees").get(row.get("employee_id"), {})
            ok = employee.get("origin_office") in self.below
        return None if ok else Refusal("assignment_employee")

    def _closes_placement(self, row: Row, stored: Row) -> bool:
        """The office an employee was placed at by another office's mutasi may close that
        assignment: its end date changes, nothing else (issue 13)."""
        if not self.office_below(stored.get("office_id")) or self.direction != UP:
            return False
        if row.get("origin_office") != stored.get("origin_office"):
            return False  # closing it does not make it the closer's row
        changed = {k for k, v in row.items() if stored.get(k) != v} - _BOOKKEEPING
        return changed <= {"end_date"}

    def _period_work(self, name: str, row: Row) -> Refusal | None:
        if self.direction == DOWN:
            return Refusal("down_slice")
        work = self.work_of(name, row)
        if work is None:
            return Refusal("period_work")
        employee, span = work
        key = (employee, span)
        if key not in self._work_covered:  # one answer per employee and period
            covering = self.covering(employee, span)
            self._work_covered[key] = any(self.office_below(a.office) for a in covering)
        return None if self._work_covered[key] else Refusal("period_work")

    @cached_property
    def home_codes(self) -> set[str]:
        """Codes of the home office and the offices below it (rows a parent sends about them)."""
        return {self.tree[u][0] for u in self.home_tree}

    @cached_property
    def _work_covered(self) -> dict[tuple[Any, Any], bool]:
        return {}

    def _rencana_aksi(self, name: str, row: Row) -> Refusal | None:
        """Period work of its own period (not the RHK's year): the office of the assignment
        covering that period plans it, like the realisations."""
        if self.direction == DOWN:
            return Refusal("down_slice")
        rhk = self.rows_after("rhk").get(row.get("rhk_id"))
        work = None if rhk is None else self.work_of("rhk", rhk)
        span = span_of(row.get("period"))
        if work is None or span is None:
            return Refusal("period_work")
        if any(self.office_below(a.office) for a in self.covering(work[0], span)):
            return None
        return Refusal("period_work")

    def _assessments(self, name: str, row: Row) -> Refusal | None:
        evaluation = self.rows_after("evaluations").get(row.get("evaluation_id"))
        if evaluation is None:
            return Refusal("assessment_penilai")
        if self.direction == DOWN and evaluation.get("origin_office") not in self.home_codes:
            return Refusal("down_slice")
        span = span_of(evaluation.get("period"))
        penilai, external = row.get("penilai_id"), row.get("external_penilai_id")
        if penilai is not None:
            ok = any(self.office_below(a.office) for a in self.covering(penilai, span))
        elif external is not None:
            # An external penilai works in no database: the office where the evaluated
            # employee serves records the judgement, also with a record another office made.
            record = self.rows_after("external_penilai").get(external, {})
            ok = record.get("origin_office") in self.below or any(
                a.external == external and self.office_below(a.office)
                for a in self.covering(evaluation.get("employee_id"), span)
            )
        else:
            ok = False
        if not ok:
            return Refusal("assessment_penilai")
        names = any(
            (penilai is not None and a.atasan == penilai)
            or (penilai is None and a.external == external)
            for a in self.covering(evaluation.get("employee_id"), span)
        )
        return None if names else Refusal("assessment_atasan")

    def _indicators(self, name: str, row: Row) -> Refusal | None:
        if self.direction == DOWN:
            return None if self.about_home(row.get("office_id")) else Refusal("down_slice")
        return self._general(name, row)

    def _indicator_office(self, row: Row) -> Any:
        return self.rows_after("indicators").get(row.get("indicator_id"), {}).get("office_id")

    def _indicator_targets(self, name: str, row: Row) -> Refusal | None:
        office = self._indicator_office(row)
        if self.direction == DOWN:
            return None if self.about_home(office) else Refusal("down_slice")
        return None if self.office_below(office) else Refusal("office_below")

    def _indicator_realisations(self, name: str, row: Row) -> Refusal | None:
        return None if self.office_below(self._indicator_office(row)) else Refusal("office_below")

    def _employees(self, name: str, row: Row) -> Refusal | None:
        if self.direction == UP:
            return None
        placed_here = any(
            self.about_home(a.office) and a.live for a in self.by_employee().get(row["uuid"], [])
        )
        return None if placed_here or row["uuid"] in self._penilai() else Refusal("down_slice")

    def _penilai(self) -> set[str]:
        """Employees named as atasan or penilai after this package (the receiver's penilai and,
        through their own assignments, the atasan of those penilai)."""
        named = {a.atasan for rows in self.by_employee().values() for a in rows if a.atasan}
        incoming = self.incoming.get("assessments", {}).values()
        return named | {r["penilai_id"] for r in incoming if r.get("penilai_id")}

    # -- the receiver's current state (class (b): a conflict, not a refusal) -------------------

    def state_conflict(self, name: str, row: Row) -> str | None:
        """``"evaluation_state"`` for a change to an evaluation approved here, or to the
        realisations and evidence of one (a reopen makes a new revision, a new row), or to a
        rencana aksi whose period's (or year's) evaluation is approved here."""
        if name == "rencana_aksi":
            return "evaluation_state" if self._plan_frozen(row) else None
        if name == "evaluations":
            evaluation = row.get("uuid")
        elif name == "realisations":
            evaluation = row.get("evaluation_id")
        elif name == "evidence":
            realisation = self.rows_after("realisations").get(row.get("realisation_id"), {})
            evaluation = realisation.get("evaluation_id")
        else:
            return None
        return "evaluation_state" if self.approved_here(evaluation) else None

    def _plan_frozen(self, row: Row) -> bool:
        """A plan is frozen when the latest revision stored here of its employee's evaluation
        of the plan's period, or of that year, is approved, and the package brings no newer
        revision of it (a reopen at the sender makes the plans editable again)."""
        rhk = self.rows_after("rhk").get(row.get("rhk_id"), {})
        employee = self.rows_after("skp").get(rhk.get("skp_id"), {}).get("employee_id")
        period = str(row.get("period") or "")
        if employee is None or not period:
            return False
        key = (employee, period)
        if key not in self._plans_frozen:  # one answer per employee and period
            self._plans_frozen[key] = self._frozen_here(employee, period)
        return self._plans_frozen[key]

    @cached_property
    def _plans_frozen(self) -> dict[tuple[Any, str], bool]:
        return {}

    def _frozen_here(self, employee: Any, period: str) -> bool:
        periods = {period, period.split("-")[0]}
        t, e = table_of("evaluations"), table_of("employees")
        latest: dict[str, tuple[int, bool]] = {}
        for p, revision, status in self.session.execute(
            select(t.c.period, t.c.revision, t.c.status)
            .select_from(t.join(e, t.c.employee_id == e.c.id))
            .where(e.c.uuid == employee, t.c.period.in_(periods), t.c.deleted_at.is_(None))
        ).all():
            if p not in latest or revision > latest[p][0]:
                latest[p] = (revision, str(getattr(status, "value", status)) == "approved")
        for incoming in self.incoming.get("evaluations", {}).values():
            p = incoming.get("period")
            if incoming.get("employee_id") != employee or p not in latest:
                continue
            if isinstance(incoming.get("revision"), int) and incoming["revision"] > latest[p][0]:
                latest[p] = (incoming["revision"], False)
        return any(frozen for _, frozen in latest.values())

    def overlaps(self, row: Row) -> bool:
        """A definitive assignment whose dates overlap another definitive assignment of the
        same employee, as the receiver would hold them after this package (an acting Plt/Plh
        assignment may run beside the definitive one)."""
        if row.get("deleted_at") is not None or row.get("acting") not in (None, "none"):
            return False
        first, last = as_date(row.get("start_date")), as_date(row.get("end_date"))
        for other in self.by_employee().get(row.get("employee_id"), []):
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
                value = self.rows_after("employees").get(value, {}).get("nip") or value
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
        if not DOWN_SETTINGS[key](value):
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
