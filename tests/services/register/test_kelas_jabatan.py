"""The assignment's kelas jabatan (issue 20.3): stored, checked 1..17, carried by a mutasi,
and through the employee sheet (export, edit, import, refusal)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.domain.enums import JobKind
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.checks import load_state
from kinerja_desktop.services.register.dto import EmployeeInput, MutasiInput
from kinerja_desktop.services.register.employee_admin import get_employee, update_employee
from kinerja_desktop.services.register.employee_history import record_mutasi
from kinerja_desktop.services.register.employee_import import import_employees
from kinerja_desktop.services.register.employee_sheets import export_employees
from tests.services.register.helpers import OPERATOR, TODAY, Register, errors_of


@pytest.fixture
def db(register_db: Database) -> Database:
    return register_db


def _values(db: Database, uuid: str) -> EmployeeInput:
    with db.uow() as uow:
        state = load_state(uow.session)
        values = state.stored_values(state.people[uuid])
    assert values is not None
    return values


def test_kelas_is_stored_checked_and_kept_by_a_mutasi(db: Database, reg: Register) -> None:
    values = _values(db, reg.staff)
    assert values.kelas_jabatan is None
    for bad in (0, 18, -3):
        wrong = replace(values, kelas_jabatan=bad)
        assert "employee.kelas_range" in errors_of(db, wrong, reg.staff)
    for good in (1, 7, 17, None):
        assert errors_of(db, replace(values, kelas_jabatan=good), reg.staff) == set()
    before = get_employee(db, reg.staff)
    update_employee(db, OPERATOR, reg.staff, replace(values, kelas_jabatan=7),
                    expected_version=before.version, today=TODAY)  # fmt: skip
    assert get_employee(db, reg.staff).current.kelas_jabatan == 7
    move = MutasiInput(date(2026, 10, 1), "NGL-KLP", "Pengelola Umum", JobKind.PELAKSANA, "III/a")
    record_mutasi(db, OPERATOR, reg.staff, move, today=TODAY)
    old, new = get_employee(db, reg.staff).history
    assert old.kelas_jabatan == new.kelas_jabatan == 7


def test_kelas_travels_through_the_employee_sheet(db: Database, reg: Register,
                                                  tmp_path: Path) -> None:  # fmt: skip
    path = tmp_path / "pegawai.xlsx"
    export_employees(db, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Pegawai"]
    col = {c.value: c.column for c in ws[1]}
    assert "Kelas Jabatan" in col
    who = get_employee(db, reg.staff).nip
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col["NIP"]).value == who)
    assert ws.cell(row, col["Kelas Jabatan"]).value is None
    ws.cell(row, col["Kelas Jabatan"]).value = 9
    wb.save(path)
    summary = import_employees(db, SYSTEM, path, today=TODAY)
    assert summary.errors == () and summary.updated == 1
    detail = get_employee(db, reg.staff)
    assert detail.current.kelas_jabatan == 9 and len(detail.history) == 1  # corrected in place
    again = tmp_path / "lagi.xlsx"
    export_employees(db, again)
    ws2 = openpyxl.load_workbook(again)["Pegawai"]
    line = next(r for r in range(2, ws2.max_row + 1) if ws2.cell(r, col["NIP"]).value == who)
    assert ws2.cell(line, col["Kelas Jabatan"]).value == 9

    ws.cell(row, col["Kelas Jabatan"]).value = 18
    wb.save(path)
    refused = import_employees(db, SYSTEM, path, today=TODAY)
    assert not refused.applied
    error = next(e for e in refused.errors if e.code == "employee.kelas_range")
    assert (error.row, error.column) == (row, "Kelas Jabatan")
    assert get_employee(db, reg.staff).current.kelas_jabatan == 9
