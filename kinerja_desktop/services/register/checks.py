"""The rules of a sound employee register, per record and across the register.

These live here because the employee form, the spreadsheet import and the register check
must apply the very same rules:

- :class:`RegisterState`, the register read with Core selects into plain structures (no ORM
  objects; 10,000 employees load in well under a second), with *overrides*: the values an edit
  or an import is about to write, so that rules that span records (no atasan cycle, one
  definitive head per office) are judged on the register as it would be afterwards.
- :func:`check_employee`, the per-record rules, returning blocking errors and non-blocking
  warnings apart (DOMAIN.md A 8: a gender-digit mismatch or an age under 18 at TMT warns).
- the whole-register check the GUI lists
  (:func:`~kinerja_desktop.services.register.issues.register_issues`) reads this state.

Trap: an inactive atasan is an *error* only when it is being chosen (new record or a changed
atasan); a stored one is a register issue, so an export that is imported back unchanged is never
refused because somebody's atasan retired in between.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Acting, JobKind
from kinerja_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.nip import NipCheck, check_nip
from kinerja_desktop.domain.ranks import grade as find_grade, grades_for
from kinerja_desktop.domain.tpp import is_kelas_jabatan
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.register.dto import (
    EmployeeInput,
    FieldIssue,
)
from kinerja_desktop.services.register.fetch import fetch_rows
from kinerja_desktop.storage.models import Assignment, Employee, ExternalPenilai, Office

__all__ = [
    "Person",
    "RegisterState",
    "check_employee",
    "load_state",
    "person_columns",
    "start_issues",
]


@dataclass
class Person:
    """One employee row (tombstones included) and its current or last assignment."""

    id: int
    uuid: str
    nip: str
    name: str
    full_name: str
    active: bool
    deleted: bool
    origin: str
    version: int
    employee: Any
    assignment: Any = None
    previous_start: date | None = None


@dataclass
class RegisterState:
    """The register as plain rows, plus the values an edit or import is about to write."""

    home: str | None
    offices: dict[str, Any]
    office_by_id: dict[int, Any]
    people: dict[str, Person]
    by_id: dict[int, Person]
    by_nip: dict[str, Person]
    externals: dict[str, Any]
    external_by_id: dict[int, Any]
    overrides: dict[str, EmployeeInput] = field(default_factory=dict)
    atasan_of: dict[str, str | None] = field(default_factory=dict)

    def stored_values(self, person: Person) -> EmployeeInput | None:
        """The person's values as stored (None without any assignment)."""
        e, a = person.employee, person.assignment
        if a is None:
            return None
        atasan = self.by_id[a.atasan_id].uuid if a.atasan_id in self.by_id else None
        external = self.external_by_id.get(a.external_penilai_id)
        return EmployeeInput(
            nip=e.nip,
            name=e.name,
            employment_type=e.employment_type,
            grade=a.grade,
            jabatan=a.jabatan,
            job_kind=a.job_kind,
            office_code=self.office_by_id[a.office_id].code,
            gender=e.gender,
            title_prefix=e.title_prefix,
            title_suffix=e.title_suffix,
            functional_level=a.functional_level,
            atasan_uuid=atasan,
            external_penilai_uuid=external.uuid if external is not None else None,
            is_head=bool(a.is_head),
            acting=a.acting,
            start_date=a.start_date,
            phone=e.phone,
            email=e.email,
            note=a.note,
            karpeg=e.karpeg,
            education=e.education,
            birth_place=e.birth_place,
            tmt_jabatan=a.tmt_jabatan,
            tmt_golongan=a.tmt_golongan,
            kelas_jabatan=a.kelas_jabatan,
        )

    def values(self, uuid: str) -> EmployeeInput | None:
        """The values the record will have: the override, else the stored values."""
        if uuid in self.overrides:
            return self.overrides[uuid]
        person = self.people.get(uuid)
        return self.stored_values(person) if person is not None else None

    def override(self, uuid: str, values: EmployeeInput, *, name: str | None = None) -> None:
        """Judge the register as if ``uuid`` had ``values`` (a new uuid adds a record)."""
        self.overrides[uuid] = values
        self.atasan_of[uuid] = values.atasan_uuid
        if uuid not in self.people:
            shown = name or full_name(values.name, values.title_prefix, values.title_suffix)
            person = Person(0, uuid, values.nip, values.name, shown, True, False, "", 0, None)
            self.people[uuid] = person

    def owned(self, origin: str) -> bool:
        """Rows owned by another office are read-only here (DESIGN.md section 5)."""
        return self.home is None or origin == self.home

    def require_owned(self, origin: str, name: str) -> None:
        if not self.owned(origin):
            raise ConflictError("record.not_owned", name=name, office=origin)

    def live(self, uuid: str) -> Person:
        """The live (not deleted) employee ``uuid``, else ``employee.not_found``."""
        person = self.people.get(uuid)
        if person is None or person.deleted:
            raise NotFoundError("employee.not_found", value=uuid)
        return person

    def assignment_columns(self, values: EmployeeInput) -> dict[str, Any]:
        """Assignment table values of a checked record (ids resolved; the atasan may be new)."""
        external = values.external_penilai_uuid
        return {
            "office_id": self.offices[values.office_code].id,
            "start_date": values.start_date,
            "jabatan": values.jabatan,
            "job_kind": values.job_kind,
            "functional_level": values.functional_level,
            "grade": values.grade,
            "atasan_id": self.people[values.atasan_uuid].id if values.atasan_uuid else None,
            "external_penilai_id": self.externals[external].id if external else None,
            "is_head": values.is_head,
            "acting": values.acting,
            "note": values.note,
            "tmt_jabatan": values.tmt_jabatan,
            "tmt_golongan": values.tmt_golongan,
            "kelas_jabatan": values.kelas_jabatan,
        }

    def is_active(self, uuid: str) -> bool:
        person = self.people.get(uuid)
        return person is not None and person.active and not person.deleted

    def head_map(self) -> dict[str, set[str]]:
        """Office code -> the active employees marked as its definitive (not acting) head."""
        heads: dict[str, set[str]] = {}
        for uuid, person in self.people.items():
            if not person.active or person.deleted:
                continue
            values = self.values(uuid)
            open_now = uuid in self.overrides or (
                person.assignment is not None and person.assignment.end_date is None
            )
            if values is not None and open_now and values.is_head and values.acting == Acting.NONE:
                heads.setdefault(values.office_code, set()).add(uuid)
        return heads

    def cycle_through(self, uuid: str, atasan: str | None) -> list[str] | None:
        """The chain of names when ``uuid`` -> ``atasan`` -> ... leads back to ``uuid``."""
        chain, seen, current = [uuid], {uuid}, atasan
        while current is not None:
            chain.append(current)
            if current == uuid:
                return [self.people[u].full_name for u in chain]
            if current in seen:
                return None  # a loop further up that does not pass through uuid
            seen.add(current)
            current = self.atasan_of.get(current)
        return None

    def related(self, first: str, second: str) -> bool:
        """Same office, or one is the parent of the other."""
        a, b = self.offices.get(first), self.offices.get(second)
        if a is None or b is None:
            return True  # an unknown office is reported elsewhere, not as "unrelated"
        return first == second or a.parent_code == second or b.parent_code == first


def load_state(session: Session) -> RegisterState:
    """Read the register with Core selects (fast, no ORM objects)."""
    office_rows = fetch_rows(
        session,
        select(
            Office.id, Office.uuid, Office.code, Office.name, Office.kind, Office.parent_id,
            Office.origin_office, Office.version,
        ).where(Office.deleted_at.is_(None)),
    )  # fmt: skip
    codes = {r.id: r.code for r in office_rows}
    offices, office_by_id = {}, {}
    for r in office_rows:
        info = _OfficeInfo(r.id, r.uuid, r.code, r.name, r.kind, codes.get(r.parent_id))
        offices[r.code] = office_by_id[r.id] = info
    people: dict[str, Person] = {}
    by_id: dict[int, Person] = {}
    for e in fetch_rows(
        session,
        select(
            Employee.id, Employee.uuid, Employee.nip, Employee.name, Employee.title_prefix,
            Employee.title_suffix, Employee.gender, Employee.employment_type, Employee.active,
            Employee.leave_reason, Employee.leave_date, Employee.phone, Employee.email,
            Employee.origin_office, Employee.version, Employee.deleted_at, Employee.birth_date,
            Employee.karpeg, Employee.education, Employee.birth_place,
        ),
    ):  # fmt: skip
        shown = full_name(e.name, e.title_prefix, e.title_suffix)
        person = Person(
            e.id, e.uuid, e.nip, e.name, shown, bool(e.active), e.deleted_at is not None,
            e.origin_office, e.version, e,
        )  # fmt: skip
        people[e.uuid] = by_id[e.id] = person
    table = Assignment.__table__
    # In slices (fetch.py): iterating row by row is 3x slower, one .all() holds the GIL.
    for a in fetch_rows(session, select(*table.c).where(table.c.deleted_at.is_(None))):
        person = by_id.get(a.employee_id)
        if person is None:
            continue
        held = person.assignment
        # The open assignment wins; otherwise the one that started last.
        if held is None or (a.end_date is None, a.start_date) > (
            held.end_date is None,
            held.start_date,
        ):
            if held is not None:
                person.previous_start = max(person.previous_start or date.min, held.start_date)
            person.assignment = a
        else:
            person.previous_start = max(person.previous_start or date.min, a.start_date)
    externals, external_by_id = {}, {}
    for x in session.execute(
        select(
            ExternalPenilai.id, ExternalPenilai.uuid, ExternalPenilai.name, ExternalPenilai.nip,
            ExternalPenilai.jabatan, ExternalPenilai.origin_office, ExternalPenilai.version,
        ).where(ExternalPenilai.deleted_at.is_(None))
    ):  # fmt: skip
        externals[x.uuid] = external_by_id[x.id] = x
    live_nips = {p.nip: p for p in people.values() if not p.deleted}
    by_nip = {p.nip: p for p in people.values() if p.deleted} | live_nips
    state = RegisterState(
        home_office_code(session), offices, office_by_id, people, by_id, by_nip, externals,
        external_by_id,
    )  # fmt: skip
    for person in people.values():
        a = person.assignment
        if a is not None and a.end_date is None and a.atasan_id in by_id:
            state.atasan_of[person.uuid] = by_id[a.atasan_id].uuid
    return state


@dataclass(frozen=True)
class _OfficeInfo:
    id: int
    uuid: str
    code: str
    name: str
    kind: Any
    parent_code: str | None


def person_columns(values: EmployeeInput, *, birth_date: date | None) -> dict[str, Any]:
    """Employee table values of a checked record."""
    keys = ("nip", "name", "title_prefix", "title_suffix", "gender", "employment_type")
    extra = ("phone", "email", "karpeg", "education", "birth_place")
    return {k: getattr(values, k) for k in (*keys, *extra)} | {"birth_date": birth_date}


def start_issues(person: Person, values: EmployeeInput) -> list[FieldIssue]:
    """A start date corrected in place stays after the previous assignment's start and not
    after the assignment's own end."""
    start, end, previous = values.start_date, person.assignment.end_date, person.previous_start
    found = []
    if start is not None and previous is not None and start <= previous:
        found.append(
            _issue("start_date", "employee.start_before_previous", value=start.isoformat(),
                   start=previous.isoformat())
        )  # fmt: skip
    if start is not None and end is not None and start > end:
        found.append(
            _issue("start_date", "employee.start_after_end", value=start.isoformat(),
                   end=end.isoformat())
        )  # fmt: skip
    return found


def _issue(field_name: str, code: str, **params: Any) -> FieldIssue:
    return FieldIssue.make(field_name, code, **params)


def check_employee(
    state: RegisterState,
    values: EmployeeInput,
    *,
    uuid: str | None,
    before: EmployeeInput | None,
    today: date,
    heads: dict[str, set[str]] | None = None,
) -> tuple[list[FieldIssue], list[FieldIssue], NipCheck]:
    """Check one record against the rules and the (overridden) register.

    Args:
        state: the register, with every value about to be written already overridden.
        values: the record's values.
        uuid: the record's uuid (None for a new record not in ``state``).
        before: the stored values (None for a new record): an unchanged atasan is not judged
            again.
        today: the reference date for "not in the future".
        heads: a precomputed :meth:`RegisterState.head_map` (bulk callers compute it once).

    Returns:
        ``(errors, warnings, nip_check)``; each issue names an :class:`EmployeeInput` field.
    """
    errors: list[FieldIssue] = []
    warnings: list[FieldIssue] = []
    nip = check_nip(values.nip, values.employment_type, gender=values.gender, today=today)
    for issue in nip.errors:
        errors.append(FieldIssue("nip", issue.code, issue.message, issue.params))
    for issue in nip.warnings:
        where = "gender" if issue.code == "nip.gender_mismatch" else "nip"
        warnings.append(FieldIssue(where, issue.code, issue.message, issue.params))
    owner = state.by_nip.get(nip.nip) if nip.ok else None
    if owner is not None and owner.uuid != uuid:
        code = "employee.nip_deleted" if owner.deleted else "employee.nip_taken"
        errors.append(_issue("nip", code, nip=nip.nip, name=owner.full_name))
    if values.gender is None and nip.ok:
        errors.append(_issue("gender", "employee.gender_required"))
    if not values.name.strip():
        errors.append(_issue("name", "employee.name_required"))
    _check_grade(values, errors)
    if not values.jabatan.strip():
        errors.append(_issue("jabatan", "employee.jabatan_required"))
    if values.job_kind == JobKind.FUNGSIONAL and values.functional_level is None:
        errors.append(_issue("functional_level", "employee.level_required"))
    elif values.job_kind != JobKind.FUNGSIONAL and values.functional_level is not None:
        kind = label(values.job_kind)
        errors.append(_issue("functional_level", "employee.level_unexpected", kind=kind))
    if values.office_code not in state.offices:
        errors.append(_issue("office_code", "employee.office_unknown", value=values.office_code))
    _check_atasan(state, values, uuid=uuid, before=before, errors=errors)
    if values.acting != Acting.NONE and not values.is_head:
        errors.append(_issue("acting", "employee.acting_not_head"))
    if values.is_head and values.acting == Acting.NONE and values.office_code in state.offices:
        others = (heads if heads is not None else state.head_map()).get(values.office_code, set())
        others = others - {uuid}
        if others:
            other = state.people[min(others)].full_name
            errors.append(
                _issue("is_head", "employee.head_taken", office=values.office_code, name=other)
            )
    if values.start_date is not None and values.start_date > today:
        errors.append(
            _issue("start_date", "employee.date_future", value=values.start_date.isoformat())
        )
    for key in ("tmt_jabatan", "tmt_golongan"):
        day = getattr(values, key)
        if day is not None and day > today:
            errors.append(_issue(key, "employee.date_future", value=day.isoformat()))
    if values.kelas_jabatan is not None and not is_kelas_jabatan(values.kelas_jabatan):
        errors.append(_issue("kelas_jabatan", "employee.kelas_range", value=values.kelas_jabatan))
    for key, limit in TEXT_LIMITS.items():  # the column widths (PostgreSQL enforces them)
        if len(getattr(values, key)) > limit:
            errors.append(_issue(key, "employee.text_too_long", limit=limit))
    return errors, warnings, nip


#: The longest karpeg, pendidikan and tempat lahir kept (their column widths).
TEXT_LIMITS = {"karpeg": 30, "education": 120, "birth_place": 100}


def _check_grade(values: EmployeeInput, errors: list[FieldIssue]) -> None:
    try:
        found = find_grade(values.grade)
    except ValidationError:
        errors.append(_issue("grade", "grade.unknown", value=values.grade))
        return
    if found.employment_type != values.employment_type:
        fitting = grades_for(values.employment_type)
        choices = f"{fitting[0].code}–{fitting[-1].code}"
        errors.append(
            _issue(
                "grade",
                "employee.grade_status",
                value=found.code,
                status=values.employment_type.value,
                choices=choices,
            )
        )


def _check_atasan(
    state: RegisterState,
    values: EmployeeInput,
    *,
    uuid: str | None,
    before: EmployeeInput | None,
    errors: list[FieldIssue],
) -> None:
    atasan, external = values.atasan_uuid, values.external_penilai_uuid
    if atasan is not None and external is not None:
        errors.append(_issue("atasan_uuid", "employee.atasan_both"))
        return
    if external is not None and external not in state.externals:
        errors.append(_issue("external_penilai_uuid", "employee.external_unknown"))
    if atasan is None:
        return
    person = state.people.get(atasan)
    if person is None or person.deleted:
        errors.append(_issue("atasan_uuid", "employee.atasan_missing"))
        return
    if atasan == uuid:
        errors.append(_issue("atasan_uuid", "employee.atasan_self"))
        return
    chosen = before is None or before.atasan_uuid != atasan
    if chosen and not person.active:
        errors.append(_issue("atasan_uuid", "employee.atasan_inactive", name=person.full_name))
    if uuid is not None:
        chain = state.cycle_through(uuid, atasan)
        if chain:
            errors.append(_issue("atasan_uuid", "employee.atasan_cycle", chain=" → ".join(chain)))
