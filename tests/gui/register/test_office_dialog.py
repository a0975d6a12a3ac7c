"""The offices dialog, driven like an Admin on a copy of the demo database."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kinerja_desktop.domain.enums import Acting, EmploymentType, JobKind, OfficeKind, Role
from kinerja_desktop.gui.register.history import Confirm
from kinerja_desktop.gui.register.offices import LogoFileDialog, OfficesDialog
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.offices import list_offices
from kinerja_desktop.services.register.dto import EmployeeInput, OfficeInput
from kinerja_desktop.services.register.employee_admin import (
    create_employee,
    delete_employee,
)
from kinerja_desktop.services.register.employees import list_employees
from kinerja_desktop.services.register.office_admin import create_office, get_office
from tests.gui.conftest import wait_loaded

ADMIN = Actor("admin", frozenset({Role.ADMIN}))
OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
# The smallest valid PNG: 1x1 pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def open_offices(qtbot, db: Database, actor=ADMIN) -> OfficesDialog:
    dialog = OfficesDialog(db, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.is_loading() and dialog.info.text() == "Memuat…"  # read on the worker
    wait_loaded(qtbot, dialog)
    return dialog


def test_an_admin_types_in_a_new_office_with_letterhead_and_logo(qtbot, db, tmp_path, monkeypatch):
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    monkeypatch.setattr(LogoFileDialog, "ask", classmethod(lambda cls, parent: logo))
    dialog = open_offices(qtbot, db)
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.code, "PKM-LPI")
    qtbot.keyClicks(dialog.name, "Puskesmas Lapai")
    dialog.kind.setCurrentIndex(dialog.kind.findData(OfficeKind.PUSKESMAS))
    dialog.parent_code.setCurrentIndex(dialog.parent_code.findData("NGL"))
    qtbot.keyClicks(dialog.letterhead_1, "PEMERINTAH KOTA PADANG")
    qtbot.keyClicks(dialog.letterhead_2, "DINAS KESEHATAN")
    qtbot.mouseClick(dialog.logo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.changed
    wait_loaded(qtbot, dialog)
    assert dialog.message.text() == "Tersimpan."
    office = get_office(db, "PKM-LPI")
    assert office.values.name == "Puskesmas Lapai" and office.values.parent_code == "NGL"
    assert office.values.kind == OfficeKind.PUSKESMAS
    assert office.values.letterhead_2 == "DINAS KESEHATAN"
    assert office.values.logo == PNG
    assert dialog.current_code() == "PKM-LPI" and not dialog.code.isEnabled()


def test_an_office_with_employees_is_not_deleted(qtbot, db, monkeypatch):
    create_office(db, ADMIN, OfficeInput("NGL-UPT", "UPT Nanggalo", OfficeKind.KELURAHAN, "NGL"))
    staff = EmployeeInput(
        "19920415 201903 2 001", "Rina Lestari", EmploymentType.PNS, "III/a", "Staf",
        JobKind.PELAKSANA, "NGL-UPT",
    )  # fmt: skip
    create_employee(db, ADMIN, staff)
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda *a: True))
    dialog = open_offices(qtbot, db)
    dialog.select("NGL-UPT")
    wait_loaded(qtbot, dialog)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "NGL-UPT" in dialog.message.text() and not dialog.message.isHidden()
    assert "NGL-UPT" in [o.code for o in list_offices(db)]
    assert not dialog.changed
    # Without staff it goes.
    uuid = next(r.uuid for r in list_employees(db) if r.office_code == "NGL-UPT")
    delete_employee(db, ADMIN, uuid)
    dialog.select("NGL-UPT")
    wait_loaded(qtbot, dialog)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "NGL-UPT" not in [o.code for o in list_offices(db)]
    assert dialog.changed


def test_the_head_is_chosen_among_the_staff_with_plt(qtbot, db):
    dialog = open_offices(qtbot, db)
    dialog.select("NGL")
    wait_loaded(qtbot, dialog)
    staff = [r for r in list_employees(db, office_code="NGL") if r.active and not r.is_head]
    dialog.head.setCurrentIndex(dialog.head.findData(staff[0].uuid))
    dialog.head_acting.setCurrentIndex(dialog.head_acting.findData(Acting.PLT))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    office = get_office(db, "NGL")
    assert office.head_uuid == staff[0].uuid and office.head_acting == Acting.PLT


def test_offices_are_read_only_for_an_operator(qtbot, db):
    dialog = open_offices(qtbot, db, actor=OPERATOR)
    assert not dialog.name.isEnabled() and not dialog.new_button.isEnabled()
    assert not dialog.delete_button.isEnabled()
    assert dialog.head.isEnabled()  # an operator may still mark the head
