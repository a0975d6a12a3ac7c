"""The Pegawai view's keyboard shortcuts and right-click menu follow its buttons.

A shortcut clicks its button only while the button is enabled; the right-click menu selects
the row under the pointer and offers the row buttons with their texts and enabled states.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.gui.register.form import EmployeeFormDialog
from kinerja_desktop.gui.register.history import Confirm
from kinerja_desktop.gui.register.view import EmployeesView
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.register.employees import list_employees

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
PIMPINAN = Actor("pimpinan", frozenset({Role.PIMPINAN}))


@pytest.fixture
def view(qtbot, db) -> EmployeesView:
    widget = EmployeesView()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.set_database(db)
    widget.set_actor(OPERATOR)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.table.setFocus()
    return widget


@pytest.fixture
def opened(monkeypatch) -> list[str | None]:
    """The uuid each opening of the employee form was for (None: a new employee)."""
    calls: list[str | None] = []

    def ask(cls, parent, db, actor, uuid=None, **_kw):
        calls.append(uuid)
        return None

    monkeypatch.setattr(EmployeeFormDialog, "ask", classmethod(ask))
    return calls


def test_ctrl_n_opens_a_new_form_only_for_a_clerk(qtbot, view, opened):
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == [None]
    view.set_actor(PIMPINAN)
    assert not view.add_button.isEnabled()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == [None]


def test_enter_on_the_table_opens_the_selected_row(qtbot, view, db, opened):
    row = next(r for r in list_employees(db) if r.active)
    assert view.select_uuid(row.uuid)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == [row.uuid]


def test_delete_asks_first_and_keeps_the_row_when_refused(qtbot, view, db, monkeypatch):
    questions: list[str] = []
    monkeypatch.setattr(
        Confirm, "ask", classmethod(lambda cls, p, title, text, yes: questions.append(text))
    )
    row = next(r for r in list_employees(db) if r.active)
    assert view.select_uuid(row.uuid)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(questions) == 1 and row.nip_display in questions[0]
    assert any(r.uuid == row.uuid for r in list_employees(db))


def test_right_click_selects_the_row_and_mirrors_the_row_buttons(qtbot, view, db):
    view.set_actor(PIMPINAN)
    view.table.clearSelection()
    rect = view.table.visualRect(view.model.index(2, 1))
    view.table.customContextMenuRequested.emit(rect.center())
    menus = [m for m in view.findChildren(QMenu) if m.isVisible()]
    assert len(menus) == 1
    assert view.selected_row() == view.model.row_at(2)
    entries = [(a.text(), a.isEnabled()) for a in menus[0].actions()]
    buttons = (view.edit_button, view.mutasi_button, view.leave_button, view.delete_button)
    assert entries == [(b.text(), b.isEnabled()) for b in buttons]
    # A reader may look at the row but not change it.
    assert entries[0] == ("Lihat", True) and not any(on for _text, on in entries[1:])
    menus[0].close()


def test_right_click_where_no_row_is_offers_nothing(qtbot, view):
    view.search.setText("tidak ada pegawai bernama ini")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    view.table.customContextMenuRequested.emit(QPoint(5, 5))
    assert not [m for m in view.findChildren(QMenu) if m.isVisible()]
