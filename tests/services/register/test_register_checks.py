"""The register check: each finding has a kind, the employee's uuid and a worded message."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kinerja_desktop.domain.enums import Gender, JobKind, LeaveReason
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.dto import RegisterIssueKind
from kinerja_desktop.services.register.employee_admin import create_employee
from kinerja_desktop.services.register.employee_history import record_leaving
from kinerja_desktop.services.register.issues import register_issues
from tests.services.register.helpers import TODAY, Register, person


def test_each_kind_of_issue(reg: Register) -> None:
    with Database.open(reg.path) as db:
        assert register_issues(db, today=TODAY) == []
        add = lambda values: create_employee(db, SYSTEM, values, today=TODAY).detail.uuid  # noqa: E731
        lonely = add(person("199601012021011005", "Tanpa Atasan", "NGL-KLP"))
        far = add(person("199602022021012006", "Jauh", "NGL-KLP", atasan_uuid=reg.lurah))
        odd = add(person("199603032021011007", "Salah Kelamin", "PKM-NGL", gender=Gender.FEMALE,
                         atasan_uuid=reg.camat, job_kind=JobKind.PELAKSANA))  # fmt: skip
        record_leaving(db, SYSTEM, reg.lurah, reason=LeaveReason.PENSIUN,
                       leave_date=date(2026, 11, 30), today=TODAY)  # fmt: skip
        issues = register_issues(db, today=TODAY)
        found = {(i.kind, i.employee_uuid) for i in issues}
        assert found == {
            (RegisterIssueKind.NO_ATASAN, lonely),
            (RegisterIssueKind.ATASAN_INACTIVE, far),
            (RegisterIssueKind.ATASAN_INACTIVE, reg.staff),
            (RegisterIssueKind.NIP_WARNING, odd),
        }
        by_uuid = {i.employee_uuid: i for i in issues}
        assert by_uuid[lonely].message == (
            "Tanpa Atasan (NIP 199601012021011005) belum mempunyai atasan (pejabat penilai)."
        )
        assert "Afrizal" in by_uuid[far].message and "tidak aktif" in by_uuid[far].message
        assert "Digit jenis kelamin" in by_uuid[odd].message
        assert by_uuid[odd].worded("en").startswith("Salah Kelamin (NIP 199603032021011007): The")
        assert [i.office_code for i in register_issues(db, office_code="PKM-NGL", today=TODAY)] == [
            "PKM-NGL"
        ]


def test_an_atasan_in_an_unrelated_office(reg: Register) -> None:
    with Database.open(reg.path) as db:
        # Parent and child offices are fine: the camat rates the lurah, the lurah the staff.
        uuid = create_employee(
            db, SYSTEM, person("199601012021011005", "Sebelah", "NGL-KLP", atasan_uuid=reg.lurah),
            today=TODAY,
        ).detail.uuid  # fmt: skip
        (issue,) = register_issues(db, today=TODAY)
        assert (issue.kind, issue.employee_uuid, issue.code) == (
            RegisterIssueKind.ATASAN_UNRELATED_OFFICE, uuid, "register.atasan_unrelated",
        )  # fmt: skip
        assert "NGL-GRL" in issue.message and "NGL-KLP" in issue.message


def test_the_demo_register(demo_address: Path) -> None:
    with Database.open(demo_address) as db:
        issues = register_issues(db, today=TODAY)
    assert all(i.employee_uuid and i.message and i.kind in RegisterIssueKind for i in issues)
    assert not [i for i in issues if i.kind != RegisterIssueKind.NIP_WARNING]
