"""The whole-register check the GUI lists and ``check`` reports: no current assignment, no
atasan, an inactive atasan, an atasan in an unrelated office, NIP warnings.

It judges the register as stored (:class:`~kinerja_desktop.services.register.checks.RegisterState`
without overrides), with the same rules the employee form and the import apply per record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kinerja_desktop.domain.enums import EmploymentType
from kinerja_desktop.domain.nip import check_nip
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.checks import Person, RegisterState, load_state
from kinerja_desktop.services.register.dto import (
    FieldIssue,
    RegisterIssue,
    RegisterIssueKind,
)


@dataclass(frozen=True)
class _Placement:
    """What the check reads of a stored assignment (``RegisterState.stored_values`` makes
    all 25 values of a form; on a city that was 1.5 s of the check's 4.5 s)."""

    office_code: str
    atasan_uuid: str | None
    external_penilai_uuid: str | None


def _placement(state: RegisterState, person: Person) -> _Placement | None:
    a = person.assignment
    if a is None:
        return None
    atasan = state.by_id[a.atasan_id].uuid if a.atasan_id in state.by_id else None
    external = state.external_by_id.get(a.external_penilai_id)
    return _Placement(
        state.office_by_id[a.office_id].code, atasan, external.uuid if external else None
    )


def register_issues(
    db: Database, *, office_code: str | None = None, today: date | None = None
) -> list[RegisterIssue]:
    """The register check: problems of active employees, ordered by office and name.

    Kinds (:class:`RegisterIssueKind`): no current assignment; no atasan (neither an employee
    nor an external penilai); an inactive or deleted atasan; an atasan whose office is not the
    employee's office, its parent or one of its children (external penilai are not judged);
    a NIP warning (gender digit, age at TMT) or a stored NIP that breaks the rules.
    """
    today = today or date.today()
    with db.uow() as uow:
        state = load_state(uow.session)
    found: list[tuple[str, str, RegisterIssue]] = []

    def add(
        person: Person, office: str, kind: RegisterIssueKind, code: str, /, **params: Any
    ) -> None:
        params = {"name": person.full_name, "nip": person.nip} | params
        text = FieldIssue.make("", code, **params)
        issue = RegisterIssue(
            kind, person.uuid, person.nip, person.full_name, office, code, text.message,
            text.params,
        )  # fmt: skip
        found.append((office, person.name.casefold(), issue))

    for person in state.people.values():
        if person.deleted or not person.active:
            continue
        values = _placement(state, person)
        current = person.assignment is not None and person.assignment.end_date is None
        office = values.office_code if values is not None else ""
        if office_code is not None and office != office_code:
            continue
        if values is None or not current:
            add(person, office, RegisterIssueKind.NO_ASSIGNMENT, "register.no_assignment")
        elif values.atasan_uuid is None and values.external_penilai_uuid is None:
            add(person, office, RegisterIssueKind.NO_ATASAN, "register.no_atasan")
        elif values.atasan_uuid is not None:
            boss = state.people[values.atasan_uuid]
            boss_values = _placement(state, boss)
            if not state.is_active(boss.uuid):
                kind = RegisterIssueKind.ATASAN_INACTIVE
                add(person, office, kind, "register.atasan_inactive", atasan=boss.full_name)
            elif boss_values is not None and not state.related(office, boss_values.office_code):
                add(
                    person, office, RegisterIssueKind.ATASAN_UNRELATED_OFFICE,
                    "register.atasan_unrelated", atasan=boss.full_name,
                    office=office, atasan_office=boss_values.office_code,
                )  # fmt: skip
        etype = EmploymentType(person.employee.employment_type)
        check = check_nip(person.nip, etype, gender=person.employee.gender, today=today)
        for kind, issues in (
            (RegisterIssueKind.NIP_INVALID, check.errors),
            (RegisterIssueKind.NIP_WARNING, check.warnings),
        ):
            for issue in issues:
                add(
                    person, office, kind, "register.nip_issue", detail=issue.message,
                    detail_code=issue.code, detail_params=issue.params,
                )  # fmt: skip
    found.sort(key=lambda item: (item[0], item[1]))
    return [issue for _, _, issue in found]
