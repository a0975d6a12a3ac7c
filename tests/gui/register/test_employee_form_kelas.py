"""The kelas jabatan on the employee form (issue 20.3): typed in, stored, shown again,
cleared back to "–"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kinerja_desktop.services.register.employee_admin import get_employee
from kinerja_desktop.services.register.employees import list_employees
from tests.gui.register.test_employee_form import open_form


def test_kelas_jabatan_is_typed_in_stored_and_cleared(qtbot, db):
    row = next(r for r in list_employees(db) if r.office_code == "NGL" and not r.is_head)
    form = open_form(qtbot, db, uuid=row.uuid)
    form.kelas_jabatan.selectAll()
    qtbot.keyClicks(form.kelas_jabatan, "8")
    assert form.kelas_jabatan.value() == 8
    form.validate_now()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.result() == form.DialogCode.Accepted
    assert get_employee(db, row.uuid).current.kelas_jabatan == 8

    again = open_form(qtbot, db, uuid=row.uuid)
    assert again.kelas_jabatan.value() == 8 and again.kelas_jabatan.text() == "8"
    again.kelas_jabatan.setValue(0)
    assert again.kelas_jabatan.text() == "–"
    again.validate_now()
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert get_employee(db, row.uuid).current.kelas_jabatan is None
