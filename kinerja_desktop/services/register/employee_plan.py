"""Planning the employee import: every row checked against the register as it would be after it.

:class:`EmployeePlanner` matches each row to an employee by NIP and validates *everything*
before anything is written: cell types, duplicate NIPs in the file, golongan against PNS/PPPK,
jenjang for fungsional, office codes, atasan NIPs (a row of the same file, an employee here or
an external penilai), atasan cycles and one definitive head per office judged on the register
as it would be after the import, ownership, and that the account does not make its own linked
employee an atasan (``employee.self_atasan``). Each :class:`EmployeeItem` ends with its action
(create, revive, update, mutasi, unchanged, duplicate) and its messages.

Column semantics: a column missing from the file leaves that field as stored; a column present
with an empty cell clears it (or, for Jenis Kelamin, takes the NIP's gender digit). A later
"Mulai Tugas" (the assignment's start; "TMT Jabatan" and "TMT Golongan" are the SK dates of
the jabatan and golongan, which a mutasi does not change) together with a change of office,
jabatan, golongan, atasan or head status is a mutasi (the current assignment is closed the
day before and a new one opens); other changes correct the current assignment in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kinerja_desktop.domain.enums import Acting, EmploymentType, FunctionalLevel, Gender, JobKind
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.import_dto import RowMessage
from kinerja_desktop.services.common.sheet_import import ImportMeter
from kinerja_desktop.services.register.checks import (
    Person,
    RegisterState,
    check_employee,
    start_issues,
)
from kinerja_desktop.services.register.dto import EmployeeInput, FieldIssue
from kinerja_desktop.services.register.employee_admin import self_atasan_name
from kinerja_desktop.services.register.employee_sheets import YES
from kinerja_desktop.spreadsheet.columns import RowError, fold
from kinerja_desktop.spreadsheet.reader import SheetData, SheetRow
from kinerja_desktop.storage.base import new_uuid

__all__ = ["ASSIGNMENT_KEYS", "CHANGES", "COUNTED", "EmployeeItem", "EmployeePlanner"]

ASSIGNMENT_KEYS = (
    "office_code", "jabatan", "job_kind", "functional_level", "grade", "atasan_uuid",
    "external_penilai_uuid", "is_head", "acting",
)  # fmt: skip
_FIELD_COLUMN = {"atasan_uuid": "atasan_nip", "external_penilai_uuid": "atasan_nip"}


@dataclass
class EmployeeItem:
    """One sheet row on its way to the database."""

    row: SheetRow
    uuid: str
    person: Person | None
    before: EmployeeInput | None = None
    values: EmployeeInput | None = None
    action: str = ""  # create | revive | update | mutasi | unchanged | duplicate
    birth: date | None = None
    errors: list[RowMessage] = field(default_factory=list)
    warnings: list[RowMessage] = field(default_factory=list)


def _message(source: RowError | FieldIssue, row: int | None, column: str, value: str) -> RowMessage:
    return RowMessage(row, column, value, source.message, source.code, source.params)


class EmployeePlanner:
    """Validates every row against the register as it would be after the import."""

    def __init__(
        self, state: RegisterState, data: SheetData, today: date, actor: Actor | None = None
    ) -> None:
        self.state, self.data, self.today = state, data, today
        self.actor = actor
        self.items: list[EmployeeItem] = []
        self.warnings = [_message(w, w.row, w.column, w.value) for w in data.warnings]
        self.by_name = {fold(x.name): x.uuid for x in state.externals.values()}
        self.external_by_nip = {x.nip: x.uuid for x in state.externals.values() if x.nip}

    def column(self, key: str) -> str:
        return self.data.header.header(key)

    def issue(self, item: EmployeeItem, key: str, code: str, **params: Any) -> None:
        raw = item.row.text(key)
        source = FieldIssue.make(key, code, **params)
        item.errors.append(_message(source, item.row.row, self.column(key), raw))

    def run(self, meter: ImportMeter | None = None) -> None:
        """Plan every row; ``meter`` advances one step per row in each of the two passes."""
        meter = meter or ImportMeter(None, 2 * len(self.data.rows))
        seen: dict[str, int] = {}
        for row in self.data.rows:
            nip = row.values.get("nip")
            person = self.state.by_nip.get(nip) if nip else None
            item = EmployeeItem(row, person.uuid if person else new_uuid(), person)
            item.errors.extend(_message(e, e.row, e.column, e.value) for e in row.errors)
            self.items.append(item)
            if nip is None:
                continue
            if nip in seen:
                self.issue(item, "nip", "employee.duplicate_in_file", nip=nip, line=seen[nip])
                item.action = "duplicate"
                continue
            seen[nip] = row.row
        file_nips = {it.row.values["nip"]: it.uuid for it in self.items if it.row.values.get("nip")}
        for item in self.items:
            if item.row.values.get("nip") and item.action != "duplicate":
                self.merge(item, file_nips)
            meter.advance()
        heads = self.state.head_map()
        for item in self.items:
            if item.action not in ("", "unchanged", "duplicate") and item.values is not None:
                self.check(item, heads)
            meter.advance()

    def merge(self, item: EmployeeItem, file_nips: dict[str, str]) -> None:
        values, present = item.row.values, item.row.values.keys()
        person = item.person
        live = person is not None and not person.deleted
        base = self.state.stored_values(person) if live and person else None
        item.before = base

        def pick(key: str, default: Any = "") -> Any:
            if key in present:
                return values[key] if values[key] is not None else default
            return getattr(base, key) if base is not None else default

        atasan, external = self.atasan(item, base, file_nips)
        gender = values.get("gender") if "gender" in present else (base.gender if base else None)
        try:
            merged = EmployeeInput(
                nip=values["nip"],
                name=pick("name"),
                employment_type=EmploymentType(pick("employment_type", "PNS")),
                grade=pick("grade"),
                jabatan=pick("jabatan"),
                job_kind=JobKind(pick("job_kind", JobKind.PELAKSANA)),
                office_code=pick("office_code"),
                gender=Gender(gender) if gender else None,
                title_prefix=pick("title_prefix"),
                title_suffix=pick("title_suffix"),
                functional_level=_level(pick("functional_level", None)),
                atasan_uuid=atasan,
                external_penilai_uuid=external,
                is_head=_yes(pick("is_head", False)),
                acting=Acting(pick("acting", Acting.NONE) or Acting.NONE),
                start_date=pick("start_date", None),
                phone=pick("phone"),
                email=pick("email"),
                note=base.note if base else "",
                karpeg=pick("karpeg"),
                education=pick("education"),
                birth_place=pick("birth_place"),
                tmt_jabatan=pick("tmt_jabatan", None),
                tmt_golongan=pick("tmt_golongan", None),
                kelas_jabatan=pick("kelas_jabatan", None),
            ).normalized(start=base.start_date if base else self.today)
        except ValueError:  # only from a failed cell, already reported
            return
        item.values = merged
        if not live:
            item.action = "revive" if person is not None else "create"
        elif base is not None and merged == base:
            item.action = "unchanged"
        else:
            moved = (
                base is not None
                and merged.start_date > base.start_date
                and any(getattr(merged, k) != getattr(base, k) for k in ASSIGNMENT_KEYS)
                and person.assignment.end_date is None
            )
            item.action = "mutasi" if moved else "update"
        if person is not None and live and not person.active:
            if item.action == "unchanged":
                item.warnings.append(self.inactive(item, "employee.inactive_unchanged"))
            else:
                item.errors.append(self.inactive(item, "employee.inactive_changed"))
        if item.action in ("update", "mutasi") and person is not None:
            origins = [person.origin] + ([person.assignment.origin_office] if base else [])
            for origin in origins:
                if not self.state.owned(origin):
                    self.issue(
                        item, "nip", "record.not_owned", name=person.full_name, office=origin
                    )
                    break
        if item.action != "unchanged" and self.actor is not None:
            before_atasan = base.atasan_uuid if base is not None else None
            own = self_atasan_name(self.state, self.actor, merged.atasan_uuid, before_atasan)
            if own is not None:
                self.issue(item, "atasan_nip", "employee.self_atasan",
                           value=self.actor.username, name=own)  # fmt: skip
        if item.action != "unchanged":
            self.state.override(item.uuid, merged)

    def inactive(self, item: EmployeeItem, code: str) -> RowMessage:
        assert item.person is not None
        source = FieldIssue.make("nip", code, name=item.person.full_name)
        return _message(source, item.row.row, self.column("nip"), item.row.text("nip"))

    def atasan(
        self, item: EmployeeItem, base: EmployeeInput | None, file_nips: dict[str, str]
    ) -> tuple[str | None, str | None]:
        values, present = item.row.values, item.row.values.keys()
        if "atasan_nip" not in present and "atasan_name" not in present:
            return (base.atasan_uuid, base.external_penilai_uuid) if base else (None, None)
        nip, name = values.get("atasan_nip"), values.get("atasan_name")
        if nip:
            if nip in file_nips:
                return file_nips[nip], None
            person = self.state.by_nip.get(nip)
            if person is not None and not person.deleted:
                return person.uuid, None
            if nip in self.external_by_nip:
                return None, self.external_by_nip[nip]
            self.issue(item, "atasan_nip", "employee.atasan_unknown_nip", value=nip)
        elif name and "atasan_nip" not in item.row.failed:
            if fold(name) in self.by_name:
                return None, self.by_name[fold(name)]
            self.issue(item, "atasan_name", "employee.atasan_unknown_name", value=name)
        return None, None

    def check(self, item: EmployeeItem, heads: dict[str, set[str]]) -> None:
        assert item.values is not None
        before = item.before if item.action != "revive" else None
        errors, warnings, nip = check_employee(
            self.state, item.values, uuid=item.uuid, before=before, today=self.today, heads=heads
        )
        item.birth = nip.birth_date
        if item.action == "update" and item.person is not None and item.before is not None:
            errors += start_issues(item.person, item.values)
        failed = item.row.failed
        row = item.row.row
        for bucket, issues in ((item.errors, errors), (item.warnings, warnings)):
            for issue in issues:
                key = _FIELD_COLUMN.get(issue.field, issue.field)
                if key in failed or (key == "atasan_nip" and "atasan_name" in failed):
                    continue
                bucket.append(_message(issue, row, self.column(key), item.row.text(key)))


def _level(value: Any) -> FunctionalLevel | None:
    return FunctionalLevel(value) if value else None


def _yes(value: Any) -> bool:
    return value is True or value == YES


CHANGES = ("create", "revive", "update", "mutasi")
COUNTED = {"create": "created", "revive": "created", "unchanged": "unchanged"}
