"""A mutasi sets the kelas jabatan of the new assignment (issue 20.3): a given kelas is
stored on it, None clears it, out of range is refused, and leaving it out keeps the current."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kinerja_desktop.domain.enums import JobKind
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.dto import KEEP_KELAS, MutasiInput
from kinerja_desktop.services.register.employee_admin import get_employee, update_employee
from kinerja_desktop.services.register.employee_history import record_mutasi
from tests.services.register.helpers import OPERATOR, TODAY, Register
from tests.services.register.test_kelas_jabatan import _values

MOVE = MutasiInput(date(2026, 10, 1), "NGL-KLP", "Pengelola Umum", JobKind.PELAKSANA, "III/a")


@pytest.fixture
def db(register_db: Database) -> Database:
    return register_db


def _with_kelas(db: Database, uuid: str, kelas: int) -> None:
    before = get_employee(db, uuid)
    update_employee(db, OPERATOR, uuid, replace(_values(db, uuid), kelas_jabatan=kelas),
                    expected_version=before.version, today=TODAY)  # fmt: skip


@pytest.mark.parametrize(("given", "stored"), [(9, 9), (None, None), (KEEP_KELAS, 7)])
def test_the_new_assignment_gets_the_kelas_given(db: Database, reg: Register, given, stored):
    _with_kelas(db, reg.staff, 7)
    saved = record_mutasi(db, OPERATOR, reg.staff, replace(MOVE, kelas_jabatan=given),
                          today=TODAY)  # fmt: skip
    old, new = get_employee(db, reg.staff).history
    assert (old.kelas_jabatan, new.kelas_jabatan) == (7, stored)
    assert saved.after.kelas_jabatan == stored and saved.before.kelas_jabatan == 7


def test_a_change_of_kelas_alone_is_a_mutasi(db: Database, reg: Register) -> None:
    _with_kelas(db, reg.staff, 7)
    current = get_employee(db, reg.staff).current
    same = MutasiInput(date(2026, 10, 1), current.office_code, current.jabatan,
                       current.job_kind, current.grade, current.functional_level,
                       current.atasan_uuid, current.external_penilai_uuid, current.is_head,
                       current.acting)  # fmt: skip
    with pytest.raises(ValidationError) as nothing:
        record_mutasi(db, OPERATOR, reg.staff, same, today=TODAY)
    assert nothing.value.code == "employee.mutasi_unchanged"
    record_mutasi(db, OPERATOR, reg.staff, replace(same, kelas_jabatan=8), today=TODAY)
    assert [a.kelas_jabatan for a in get_employee(db, reg.staff).history] == [7, 8]


def test_a_kelas_out_of_range_is_refused(db: Database, reg: Register) -> None:
    with pytest.raises(ValidationError) as refused:
        record_mutasi(db, OPERATOR, reg.staff, replace(MOVE, kelas_jabatan=18), today=TODAY)
    assert (refused.value.code, refused.value.field) == ("employee.kelas_range", "kelas_jabatan")
    assert len(get_employee(db, reg.staff).history) == 1
