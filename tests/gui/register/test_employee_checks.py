"""The register check panel: problems listed, "Perbaiki" opens the form, the list updates."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.gui.register.checks import (
    COL_FIX,
    COL_KIND,
    COL_NAME,
    RegisterChecksDialog,
)
from kinerja_desktop.gui.register.form import EmployeeFormDialog
from kinerja_desktop.services.common.actor import SYSTEM, Actor
from kinerja_desktop.services.register.checks import load_state
from kinerja_desktop.services.register.employee_admin import get_employee, update_employee
from kinerja_desktop.services.register.employees import list_employees
from kinerja_desktop.services.register.issues import register_issues
from tests.gui.conftest import wait_loaded

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))


def test_the_check_panel_lists_problems_and_fixes_them(qtbot, db):
    row = next(r for r in list_employees(db) if r.office_code == "NGL" and not r.is_head)
    state_values = None
    with db.uow() as uow:
        state = load_state(uow.session)
        state_values = state.stored_values(state.people[row.uuid])
    boss = state_values.atasan_uuid
    update_employee(db, SYSTEM, row.uuid, replace(state_values, atasan_uuid=None))
    assert any(i.employee_uuid == row.uuid for i in register_issues(db))

    def fixer(uuid: str) -> None:
        form = EmployeeFormDialog(db, OPERATOR, uuid)
        qtbot.addWidget(form)
        form.atasan.setCurrentIndex(form.atasan.findData(form.atasan.key(boss)))
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    panel = RegisterChecksDialog(db, OPERATOR, fixer)
    qtbot.addWidget(panel)
    panel.show()
    wait_loaded(qtbot, panel)
    rows = [cell(panel, r, COL_NAME) for r in range(panel.model.rowCount())]
    assert row.full_name in rows
    number = rows.index(row.full_name)
    assert cell(panel, number, COL_KIND) == "Tanpa atasan"
    assert "temuan" in panel.summary.text()
    click_fix(qtbot, panel, number)
    wait_loaded(qtbot, panel)
    assert get_employee(db, row.uuid).current.atasan_uuid == boss
    names = [cell(panel, r, COL_NAME) for r in range(panel.model.rowCount())]
    assert row.full_name not in names
    update_employee(db, SYSTEM, row.uuid, replace(state_values, atasan_uuid=None))
    readonly = RegisterChecksDialog(db, None, fixer)
    qtbot.addWidget(readonly)
    readonly.show()
    wait_loaded(qtbot, readonly)
    assert readonly.model.rowCount(), "the demo register has findings"
    assert not readonly.can_fix()
    assert "Operator" in readonly.model.index(0, COL_FIX).data(Qt.ItemDataRole.ToolTipRole)
    fixed: list[str] = []
    readonly.fixer = fixed.append
    click_fix(qtbot, readonly, 0)
    assert fixed == []  # a reader's click on the drawn button opens nothing


def cell(panel: RegisterChecksDialog, row: int, column: int) -> str:
    return panel.model.index(row, column).data()


def click_fix(qtbot, panel: RegisterChecksDialog, row: int) -> None:
    """Click the painted "Perbaiki" button of ``row`` as a user does."""
    panel.table.scrollTo(panel.fix_index(row))
    rect = panel.table.visualRect(panel.fix_index(row))
    assert rect.isValid() and rect.width() > 20
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_view_opens_one_check_panel(qtbot, db):
    from kinerja_desktop.gui.register.view import EmployeesView

    view = EmployeesView()
    qtbot.addWidget(view)
    view.set_database(db)
    view.set_actor(OPERATOR)
    view.show()
    qtbot.mouseClick(view.checks_button, Qt.MouseButton.LeftButton)
    first = view._checks_dialog
    assert first is not None and first.isVisible()
    qtbot.mouseClick(view.checks_button, Qt.MouseButton.LeftButton)
    assert view._checks_dialog is first
    assert first.fixer == view.edit_employee
