"""The mutasi dialog's kelas jabatan (issue 20.3): it starts at the current kelas, a new kelas
(or "–") is stored on the new assignment, and the old assignment keeps its own."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.gui.register.history import MutasiDialog
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.register.checks import load_state
from kinerja_desktop.services.register.employee_admin import get_employee, update_employee
from kinerja_desktop.services.register.employees import list_employees

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))


def _staff_with_kelas(db, kelas: int | None) -> str:
    row = next(r for r in list_employees(db) if r.office_code == "NGL" and not r.is_head)
    with db.uow() as uow:
        state = load_state(uow.session)
        values = state.stored_values(state.people[row.uuid])
    detail = get_employee(db, row.uuid)
    update_employee(db, OPERATOR, row.uuid, replace(values, kelas_jabatan=kelas),
                    expected_version=detail.version)  # fmt: skip
    return row.uuid


def _dialog(qtbot, db, uuid: str) -> MutasiDialog:
    dialog = MutasiDialog(db, OPERATOR, uuid)
    qtbot.addWidget(dialog)
    return dialog


def test_the_kelas_starts_at_the_current_one_and_a_new_one_is_stored(qtbot, db):
    uuid = _staff_with_kelas(db, 7)
    dialog = _dialog(qtbot, db, uuid)
    assert dialog.kelas_jabatan.value() == 7
    assert dialog.kelas_jabatan.minimum() == 0 and dialog.kelas_jabatan.maximum() == 17
    dialog.kelas_jabatan.setValue(9)  # a regrading alone is a mutasi
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None, dialog.error.text()
    *_, old, new = get_employee(db, uuid).history
    assert (old.kelas_jabatan, new.kelas_jabatan) == (7, 9)


def test_the_dash_clears_the_kelas_and_an_empty_kelas_shows_a_dash(qtbot, db):
    uuid = _staff_with_kelas(db, 5)
    dialog = _dialog(qtbot, db, uuid)
    dialog.kelas_jabatan.setValue(0)
    assert dialog.kelas_jabatan.text() == "–"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None, dialog.error.text()
    assert get_employee(db, uuid).current.kelas_jabatan is None
    again = _dialog(qtbot, db, uuid)
    assert again.kelas_jabatan.value() == 0 and again.kelas_jabatan.text() == "–"
