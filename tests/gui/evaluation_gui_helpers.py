"""Helpers of the evaluation GUI tests: a signed-in view on a demo copy, typing in the grid."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kinerja_desktop.gui.evaluation import editor as ed, model as ev
from kinerja_desktop.gui.evaluation.view import EvaluationsView
from kinerja_desktop.services.admin.accounts import actor_for, authenticate
from tests.gui.conftest import wait_loaded

PASSWORDS = {
    "admin": "demo-admin",
    "operator": "demo-operator",
    "penilai": "demo-penilai",
    "pimpinan": "demo-pimpinan",
}


def make_view(qtbot, db, username, period="2026-Q3"):
    """The Evaluasi view on ``db`` signed in as ``username``, showing ``period``."""
    view = EvaluationsView()
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.set_database(db)
    view.set_actor(actor_for(authenticate(db, username, PASSWORDS[username])))
    view.show()
    view.refresh()
    wait_loaded(qtbot, view)
    assert view.period_combo.select_code(period)
    wait_loaded(qtbot, view)
    return view


def open_row(qtbot, view, name):
    """Click the row of employee ``name`` and press Buka; returns the editor."""
    rows = view.model.rows()
    index = next(i for i, r in enumerate(rows) if r.employee_name == name)
    rect = view.table.visualRect(view.model.index(index, ev.COL_NAME))
    view.table.scrollTo(view.model.index(index, ev.COL_NAME))
    rect = view.table.visualRect(view.model.index(index, ev.COL_NAME))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(view.open_btn, Qt.MouseButton.LeftButton)
    editor = view.editor
    assert editor is not None
    wait_loaded(qtbot, editor)  # the editor reads on the task runner's read worker
    assert editor.detail.employee_name == name
    return editor


def type_cell(qtbot, editor, row, column, text):
    """Open a cell of the realisation grid for editing, type ``text`` and press Tab (which
    commits; offscreen, the delegate never sees Return without window focus), then Escape
    out of the next cell Tab opened. Returns the cell's model index."""
    grid = editor.lines
    if not grid.isVisible():  # the penilai starts on the Penilaian tab: click the first one
        bar = editor.tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    index = editor.lines_model.index(row, column)
    grid.scrollTo(index)
    grid.setCurrentIndex(index)
    grid.edit(index)
    fields = [w for w in grid.findChildren(QLineEdit) if w.isVisible()]
    assert len(fields) == 1
    field = fields[0]
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    for other in [w for w in grid.findChildren(QLineEdit) if w.isVisible() and w is not field]:
        qtbot.keyClick(other, Qt.Key.Key_Escape)
    return editor.lines_model.index(row, column)


def cell(editor, row, column):
    """The text the realisation grid shows in a cell."""
    return editor.lines_model.index(row, column).data()


def click(qtbot, button):
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(combo, value):
    """Pick a rating in a combo the way the keyboard would (by its position)."""
    index = combo.findData(value)
    assert index >= 0
    combo.setCurrentIndex(index)


__all__ = ["choose", "click", "ed", "make_view", "open_row", "type_cell", "wait_loaded"]
