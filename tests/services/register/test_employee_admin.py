"""The employee form services: validation, create/update with undo, mutasi, leaving, deletion."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.enums import (
    Acting,
    EmploymentType,
    FunctionalLevel,
    Gender,
    JobKind,
    LeaveReason,
    Role,
)
from kinerja_desktop.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from kinerja_desktop.services.common.actor import SYSTEM, Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.dto import (
    EmployeeInput,
    MutasiInput,
)
from kinerja_desktop.services.register.employee_admin import (
    atasan_choices,
    check_employee_form,
    create_employee,
    delete_employee,
    get_employee,
    update_employee,
)
from kinerja_desktop.services.register.employee_history import (
    cancel_mutasi,
    reactivate_employee,
    record_leaving,
    record_mutasi,
)
from kinerja_desktop.services.register.employees import list_employees
from kinerja_desktop.storage.models import Assignment, AuditEntry, Employee
from tests.services.register.helpers import OPERATOR, TODAY, Register, errors_of, person


@pytest.fixture
def db(register_db: Database) -> Database:
    """These tests work on the hand-built register (``conftest.py``), not the demo."""
    return register_db


def test_nip_gives_birth_date_gender_and_tmt(db: Database, reg: Register) -> None:
    detail = get_employee(db, reg.staff)
    assert detail.nip == "199204152019032001" and detail.nip_display == "19920415 201903 2 001"
    assert (detail.birth_date, detail.tmt_cpns) == (date(1992, 4, 15), date(2019, 3, 1))
    assert detail.gender == Gender.FEMALE and detail.full_name == "Rina"
    assert detail.current.atasan_name == "Afrizal" and detail.current.pangkat.startswith("Penata")
    assert detail.editable and not detail.has_evaluations and len(detail.history) == 1
    camat = get_employee(db, reg.camat)
    assert camat.current.atasan_name == "Drs. Hendri Fiktif, M.Si"
    assert camat.current.external_penilai_uuid == reg.sekda


def test_errors_block_and_warnings_do_not(db: Database, reg: Register) -> None:
    young = person("20100101 202401 1 001", "Budi", "NGL-GRL", gender=Gender.FEMALE,
                   atasan_uuid=reg.lurah, start_date=None)  # fmt: skip
    check = check_employee_form(db, young, today=TODAY)
    assert check.ok and check.birth_date == date(2010, 1, 1) and check.nip_gender == Gender.MALE
    assert {(w.field, w.code) for w in check.warnings} == {
        ("nip", "nip.age_at_tmt"), ("gender", "nip.gender_mismatch"),
    }  # fmt: skip
    saved = create_employee(db, SYSTEM, young, today=TODAY)
    assert saved.before is None and saved.detail.version == 1
    assert {w.code for w in saved.warnings} == {"nip.age_at_tmt", "nip.gender_mismatch"}
    assert saved.after.start_date == TODAY and saved.after.nip == "201001012024011001"

    base = person("199511202020121004", "Doni", "NGL-GRL", atasan_uuid=reg.lurah)
    assert errors_of(db, replace(base, nip="199511202020123004")) == {"nip.gender_digit"}
    assert errors_of(db, replace(base, employment_type=EmploymentType.PPPK)) == {
        "employee.grade_status"
    }
    pppk = replace(base, nip="199009132021242014", employment_type=EmploymentType.PPPK)
    assert errors_of(db, replace(pppk, grade="IX")) == set()
    assert errors_of(db, replace(base, job_kind=JobKind.FUNGSIONAL)) == {"employee.level_required"}
    assert errors_of(db, replace(base, functional_level=FunctionalLevel.AHLI_MUDA)) == {
        "employee.level_unexpected"
    }
    assert errors_of(db, replace(base, acting=Acting.PLT)) == {"employee.acting_not_head"}
    assert errors_of(db, replace(base, is_head=True)) == {"employee.head_taken"}
    assert errors_of(db, replace(base, is_head=True, acting=Acting.PLH)) == set()
    assert errors_of(db, replace(base, office_code="NGL-XXX")) == {"employee.office_unknown"}
    assert errors_of(db, replace(base, nip="199204152019032001")) == {"employee.nip_taken"}
    assert errors_of(db, replace(base, external_penilai_uuid=reg.sekda)) == {"employee.atasan_both"}
    assert errors_of(db, replace(base, name=" ", jabatan="")) == {
        "employee.name_required", "employee.jabatan_required",
    }  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        create_employee(db, SYSTEM, replace(base, is_head=True), today=TODAY)
    assert caught.value.field == "is_head" and "Afrizal" in caught.value.message


def test_update_reports_before_and_after_and_undoes(db: Database, reg: Register) -> None:
    original = get_employee(db, reg.sekcam)
    values = person("197503112000031002", "Zulkifli", "NGL", grade="IV/b",
                    jabatan="Sekretaris Kecamatan", atasan_uuid=reg.camat,
                    title_suffix="S.Sos", start_date=None)  # fmt: skip
    saved = update_employee(
        db, OPERATOR, reg.sekcam, values, expected_version=original.version, today=TODAY
    )
    assert saved.changed and saved.before.grade == "IV/a" and saved.after.grade == "IV/b"
    assert saved.after.start_date == saved.before.start_date == date(2024, 1, 2)
    assert saved.detail.version == original.version + 1
    assert saved.detail.full_name == "Zulkifli, S.Sos" and len(saved.detail.history) == 1
    with pytest.raises(ConflictError) as caught:
        update_employee(db, OPERATOR, reg.sekcam, saved.before, expected_version=original.version)
    assert caught.value.code == "record.changed"

    undone = update_employee(
        db, OPERATOR, reg.sekcam, saved.before, expected_version=saved.detail.version, today=TODAY
    )
    assert undone.after == saved.before
    assert get_employee(db, reg.sekcam).current.jabatan == "Sekretaris Camat"
    same = update_employee(db, OPERATOR, reg.sekcam, undone.after, today=TODAY)
    assert not same.changed and same.detail.version == undone.detail.version
    with db.uow() as uow:
        entries = uow.session.execute(
            select(AuditEntry).where(AuditEntry.record_uuid == reg.sekcam).order_by(AuditEntry.id)
        ).scalars().all()  # fmt: skip
        assert [e.action for e in entries] == ["create", "update", "update"]
        assert entries[1].before["grade"] == "IV/a" and entries[1].after["grade"] == "IV/b"
        assert entries[1].username == "operator"


def test_atasan_is_never_oneself_nor_a_cycle(db: Database, reg: Register) -> None:
    camat = get_employee(db, reg.camat)
    as_input = person(camat.nip, camat.name, "NGL", grade="IV/b", is_head=True,
                      jabatan="Camat Nanggalo", job_kind=JobKind.ADMINISTRATOR)  # fmt: skip
    assert errors_of(db, replace(as_input, atasan_uuid=reg.camat), reg.camat) == {
        "employee.atasan_self"
    }
    with pytest.raises(ValidationError) as caught:
        update_employee(db, SYSTEM, reg.camat, replace(as_input, atasan_uuid=reg.staff))
    assert caught.value.code == "employee.atasan_cycle"
    assert "Mardiana → Rina → Afrizal → Mardiana" in caught.value.message
    choices = atasan_choices(db, employee_uuid=reg.lurah)
    names = [(c.name, c.external) for c in choices]
    assert ("Rina", False) not in names and ("Afrizal", False) not in names
    assert ("Mardiana", False) in names and names[-1] == ("Drs. Hendri Fiktif, M.Si", True)


def test_mutasi_keeps_history_and_can_be_cancelled(db: Database, reg: Register) -> None:
    change = MutasiInput(date(2026, 10, 1), "NGL-KLP", "Pengelola Layanan", JobKind.PELAKSANA,
                         "III/b", atasan_uuid=reg.camat, note="SK Camat fiktif")  # fmt: skip
    saved = record_mutasi(db, OPERATOR, reg.staff, change, today=TODAY)
    old, new = saved.detail.history
    assert (old.office_code, old.end_date) == ("NGL-GRL", date(2026, 9, 30))
    assert (new.office_code, new.start_date, new.grade, new.note) == (
        "NGL-KLP", date(2026, 10, 1), "III/b", "SK Camat fiktif",
    )  # fmt: skip
    assert saved.before.office_code == "NGL-GRL" and saved.after.office_code == "NGL-KLP"
    for bad, code in (
        (replace(change, start_date=date(2026, 10, 1)), "employee.date_order"),
        (replace(change, start_date=date(2027, 1, 1)), "employee.date_future"),
        (replace(change, start_date=date(2026, 11, 1)), "employee.mutasi_unchanged"),
    ):
        with pytest.raises(ValidationError) as caught:
            record_mutasi(db, OPERATOR, reg.staff, bad, today=TODAY)
        assert caught.value.code == code

    undone = cancel_mutasi(db, OPERATOR, reg.staff)
    (only,) = undone.detail.history
    assert (only.office_code, only.end_date) == ("NGL-GRL", None)
    with db.uow() as uow:
        gone = uow.session.execute(
            select(Assignment).where(Assignment.uuid == new.uuid)
        ).scalar_one()
        assert gone.deleted_at is not None and gone.version == 2
    with pytest.raises(ConflictError):
        cancel_mutasi(db, OPERATOR, reg.staff)


def test_leaving_makes_inactive_and_can_be_undone(db: Database, reg: Register) -> None:
    with pytest.raises(ValidationError):
        record_leaving(db, OPERATOR, reg.lurah, reason=LeaveReason.PENSIUN,
                       leave_date=date(2027, 1, 1), today=TODAY)  # fmt: skip
    saved = record_leaving(db, OPERATOR, reg.lurah, reason=LeaveReason.PENSIUN,
                           leave_date=date(2026, 11, 30), today=TODAY)  # fmt: skip
    assert not saved.detail.active and saved.detail.leave_reason == LeaveReason.PENSIUN
    assert saved.detail.current is None
    assert saved.detail.history[-1].end_date == date(2026, 11, 30)
    assert [w.code for w in saved.warnings] == ["employee.leaving_subordinates"]
    assert reg.lurah not in {c.uuid for c in atasan_choices(db)}
    assert [e.name for e in list_employees(db, include_inactive=False)].count("Afrizal") == 0
    with pytest.raises(ConflictError):
        record_leaving(db, OPERATOR, reg.lurah, reason="meninggal", leave_date=TODAY, today=TODAY)
    back = reactivate_employee(db, OPERATOR, reg.lurah)
    assert back.detail.active and back.detail.current.end_date is None
    assert back.detail.leave_date is None


def test_delete_is_a_tombstone_and_create_brings_it_back(db: Database, reg: Register) -> None:
    with pytest.raises(ConflictError) as caught:
        delete_employee(db, OPERATOR, reg.lurah)
    assert caught.value.code == "employee.is_atasan"
    created = create_employee(db, OPERATOR, person("199601012021011005", "Salah Ketik", "NGL"))
    uuid = created.detail.uuid
    deleted = delete_employee(db, OPERATOR, uuid)
    assert deleted.version == 2 and deleted.before.name == "Salah Ketik"
    with db.uow() as uow:
        row = uow.session.execute(select(Employee).where(Employee.uuid == uuid)).scalar_one()
        assert row.deleted_at is not None and row.version == 2
    with pytest.raises(NotFoundError):
        get_employee(db, uuid)
    assert uuid not in {e.uuid for e in list_employees(db)}
    again = create_employee(db, OPERATOR, deleted.before, today=TODAY)
    assert again.detail.uuid == uuid and again.detail.version == 3
    assert len(again.detail.history) == 1


def test_evaluated_employee_is_never_deleted(demo_address: Path) -> None:
    with Database.open(demo_address) as db:
        camat = next(e for e in list_employees(db) if e.office_code == "NGL" and e.is_head)
        with pytest.raises(ConflictError) as caught:
            delete_employee(db, SYSTEM, camat.uuid)
        assert caught.value.code == "employee.has_evaluations"
        assert get_employee(db, camat.uuid).has_evaluations


def test_rows_of_other_offices_are_read_only(demo_address: Path) -> None:
    with Database.open(demo_address) as db:
        row = next(e for e in list_employees(db) if e.office_code == "NGL-GRL" and e.active)
        detail = get_employee(db, row.uuid)
        assert not detail.editable and detail.origin_office == "NGL-GRL"
        values = EmployeeInput(
            detail.nip, detail.name, detail.employment_type, detail.current.grade,
            "Jabatan Lain", detail.current.job_kind, "NGL-GRL",
            functional_level=detail.current.functional_level,
            atasan_uuid=detail.current.atasan_uuid,
        )  # fmt: skip
        with pytest.raises(ConflictError) as caught:
            update_employee(db, SYSTEM, row.uuid, values)
        assert caught.value.code == "record.not_owned"


def test_a_read_only_account_may_not_write(db: Database, reg: Register) -> None:
    reader = Actor("pimpinan", frozenset({Role.PIMPINAN}))
    with pytest.raises(PermissionDeniedError):
        create_employee(db, reader, person("199601012021011005", "X", "NGL"))
    with pytest.raises(PermissionDeniedError):
        record_leaving(db, reader, reg.staff, reason=LeaveReason.BERHENTI, leave_date=TODAY)
