"""An account may not make its own linked employee anyone's atasan (``employee.self_atasan``).

The kecamatan register of ``helpers.build_register``: the Sekcam (Zulkifli) has an Operator account
linked to his employee record. He may edit the register, but not choose whom he rates: making
himself the atasan of Rina is refused on every path (form, new employee, mutasi, sheet import),
audited, and left to another account, whose change is audited like any other.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from kinerja_desktop.config import DbAddress, parse_db_address
from kinerja_desktop.domain.enums import JobKind
from kinerja_desktop.domain.errors import PermissionDeniedError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.admin.accounts import actor_for, authenticate, create_user
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.dto import EmployeeInput, MutasiInput
from kinerja_desktop.services.register.employee_admin import (
    create_employee,
    get_employee,
    update_employee,
)
from kinerja_desktop.services.register.employee_history import record_mutasi
from kinerja_desktop.services.register.employee_import import import_employees
from kinerja_desktop.storage.models import AuditEntry
from tests import pg_support
from tests.pg_support import dump_rows
from tests.services.register.helpers import TODAY, Register, build_register, person

ADMIN_PW = "rahasia-admin"
HEADER = ["NIP", "Nama", "Status", "Golongan", "Jabatan", "Jenis Jabatan", "Kode Kantor",
          "NIP Atasan"]  # fmt: skip


def _with_sekcam_account(reg: Register) -> Register:
    with Database.open(reg.path) as db:
        admin = actor_for(authenticate(db, "admin", ADMIN_PW))
        create_user(db, admin, username="zulkifli", display_name="Zulkifli", roles="operator",
                    password="rahasia-sekcam", employee_uuid=reg.sekcam)  # fmt: skip
    return reg


@pytest.fixture(scope="module")
def register_template(tmp_path_factory: pytest.TempPathFactory) -> Register:
    """The register with an Operator account linked to the Sekcam."""
    return _with_sekcam_account(
        build_register(tmp_path_factory.mktemp("self-atasan") / "ngl.sqlite")
    )


@pytest.fixture(scope="module")
def pg_register_template(pg_schema_template: str) -> Iterator[tuple[str, Register]]:
    """The same register on PostgreSQL: (its database's name, the register)."""
    name = pg_support.new_name("kinerja_tpl_selfatasan")
    url = pg_support.create_database(name, template=pg_schema_template)
    yield name, _with_sekcam_account(build_register(parse_db_address(url)))
    pg_support.drop_database(name)


@pytest.fixture
def db(register_db: Database) -> Database:
    """These tests work on the hand-built register (``conftest.py``), not the demo."""
    return register_db


def _sign_in(db: Database, name: str, password: str) -> Actor:
    return actor_for(authenticate(db, name, password), db)


def _dump(address: DbAddress) -> dict[str, list[tuple]]:
    return dump_rows(address, skip=("audit_entries",))


def _audit(db: Database, action: str) -> list[Any]:
    with db.uow() as uow:
        return list(
            uow.session.execute(
                select(AuditEntry.username, AuditEntry.after, AuditEntry.before)
                .where(AuditEntry.action == action)
                .order_by(AuditEntry.id)
            ).all()
        )


def _rina(db: Database, reg: Register, **change: object) -> EmployeeInput:
    rina = get_employee(db, reg.staff)
    values = person(rina.nip, rina.name, "NGL-GRL", atasan_uuid=reg.lurah)
    return replace(values, start_date=None, **change)


def _refused(db: Database, reg: Register, attempt: Any) -> PermissionDeniedError:
    before = _dump(reg.path)
    with pytest.raises(PermissionDeniedError) as caught:
        attempt()
    assert caught.value.code == "employee.self_atasan"
    assert describe(caught.value).startswith(
        "Akun zulkifli terhubung dengan Zulkifli, sehingga tidak boleh menjadikan Zulkifli "
        "atasan siapa pun."
    )
    assert _dump(reg.path) == before
    return caught.value


def test_the_form_refuses_and_audits_then_another_account_may(db: Database, reg: Register):
    sekcam = _sign_in(db, "zulkifli", "rahasia-sekcam")
    assert get_employee(db, reg.staff).current.atasan_uuid == reg.lurah
    _refused(db, reg, lambda: update_employee(db, sekcam, reg.staff,
                                              _rina(db, reg, atasan_uuid=reg.sekcam)))  # fmt: skip
    (entry,) = _audit(db, "refused")
    assert entry.username == "zulkifli"
    assert entry.after["code"] == "employee.self_atasan"
    assert entry.after["operation"] == "update_employee"
    admin = _sign_in(db, "admin", ADMIN_PW)
    update_employee(db, admin, reg.staff, _rina(db, reg, atasan_uuid=reg.sekcam), today=TODAY)
    assert get_employee(db, reg.staff).current.atasan_uuid == reg.sekcam
    changed = _audit(db, "update")[-1]
    assert changed.username == "admin"
    assert (changed.before["atasan_uuid"], changed.after["atasan_uuid"]) == (reg.lurah, reg.sekcam)
    # Keeping the atasan another account chose is no new choice: other edits still pass.
    saved = update_employee(
        db, sekcam, reg.staff, _rina(db, reg, atasan_uuid=reg.sekcam, phone="0812"), today=TODAY
    )
    assert saved.changed and saved.detail.current.atasan_uuid == reg.sekcam


def test_a_new_employee_and_a_mutasi_are_refused(db: Database, reg: Register):
    sekcam = _sign_in(db, "zulkifli", "rahasia-sekcam")
    newcomer = person("199903152022032001", "Dewi", "NGL", atasan_uuid=reg.sekcam)
    _refused(db, reg, lambda: create_employee(db, sekcam, newcomer, today=TODAY))
    change = MutasiInput(date(2026, 10, 1), "NGL", "Pengelola Umum", JobKind.PELAKSANA,
                         "III/a", atasan_uuid=reg.sekcam)  # fmt: skip
    _refused(db, reg, lambda: record_mutasi(db, sekcam, reg.staff, change, today=TODAY))
    assert [e.after["operation"] for e in _audit(db, "refused")] == [
        "create_employee", "record_mutasi"]  # fmt: skip
    # The same choices, made with nobody's own employee, pass.
    create_employee(db, sekcam, replace(newcomer, atasan_uuid=reg.camat), today=TODAY)


def test_the_sheet_import_refuses_the_row_and_writes_nothing(
    db: Database, reg: Register, tmp_path: Path
):
    rina, zulkifli = get_employee(db, reg.staff), get_employee(db, reg.sekcam)
    path = tmp_path / "pegawai.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Pegawai"
    sheet.append(HEADER)
    sheet.append([rina.nip, rina.name, "PNS", "III/a", "Pengelola Umum", "Pelaksana", "NGL-GRL",
                  zulkifli.nip])  # fmt: skip
    for row in sheet.iter_rows():
        for cell in row:
            cell.number_format = "@"
    book.save(path)
    sekcam = _sign_in(db, "zulkifli", "rahasia-sekcam")
    before = _dump(reg.path)
    summary = import_employees(db, sekcam, path, today=TODAY)
    assert not summary.applied
    (error,) = summary.errors
    assert (error.code, error.row, error.column) == ("employee.self_atasan", 2, "NIP Atasan")
    assert "tidak boleh menjadikan Zulkifli atasan" in error.message
    assert _dump(reg.path) == before
    (entry,) = _audit(db, "refused")
    assert (entry.username, entry.after["operation"]) == ("zulkifli", "import_employees")
    admin = _sign_in(db, "admin", ADMIN_PW)
    done = import_employees(db, admin, path, today=TODAY)
    assert done.applied and done.updated == 1
    assert get_employee(db, reg.staff).current.atasan_uuid == reg.sekcam
