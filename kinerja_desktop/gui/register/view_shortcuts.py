"""Keyboard and right-click access to the Pegawai view's buttons.

The buttons stay the truth: each shortcut clicks its button only while that button is enabled
and visible, and the right-click menu copies the buttons' texts and enabled states when it
opens, so no path reaches an action the view has switched off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from kinerja_desktop.gui.register.view import EmployeesView


def install_shortcuts(view: EmployeesView) -> None:
    """Ctrl+N, Delete and Ctrl+Z on the view; Enter and the right-click menu on the table."""
    context = Qt.ShortcutContext.WidgetWithChildrenShortcut
    pairs = (
        (view.add_button, QKeySequence.StandardKey.New),
        (view.delete_button, QKeySequence.StandardKey.Delete),
        (view.undo_button, QKeySequence.StandardKey.Undo),
    )
    for button, keys in pairs:
        action = QAction(view)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(context)
        action.triggered.connect(
            lambda _c=False, b=button: b.click() if b.isEnabled() and b.isVisible() else None
        )
        view.addAction(action)
    # Enter opens the row only from the table (in the search box it is just Enter).
    edit = QAction(view.table)
    edit.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
    edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    edit.triggered.connect(view.edit_selected)
    view.table.addAction(edit)
    view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.table.customContextMenuRequested.connect(lambda pos: context_menu(view, pos))


def context_menu(view: EmployeesView, pos: QPoint) -> None:
    """Select the row under ``pos`` and offer the row buttons as a menu."""
    index = view.table.indexAt(pos)
    if not index.isValid():
        return
    view.table.selectRow(index.row())
    menu = QMenu(view)
    for button in (view.edit_button, view.mutasi_button, view.leave_button, view.delete_button):
        action = menu.addAction(button.text())
        action.setEnabled(button.isEnabled())
        action.triggered.connect(button.click)
    menu.popup(view.table.viewport().mapToGlobal(pos))
