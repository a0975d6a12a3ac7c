"""Helpers of the office evaluation GUI tests: typing into table cells like a clerk."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableWidget

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.services.common.actor import Actor

ADMIN = Actor("admin", frozenset({Role.ADMIN}))
OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
PIMPINAN = Actor("pimpinan", frozenset({Role.PIMPINAN}))


def type_in_cell(qtbot, table: QTableWidget, row: int, col: int, text: str) -> None:
    """Open the cell's editor as a double click would, replace its text, press Enter."""
    item = table.item(row, col)
    assert item is not None and item.flags() & Qt.ItemFlag.ItemIsEditable
    table.setCurrentCell(row, col)
    table.editItem(item)
    # Closed editors linger until deleted later: take the one that is open now.
    open_editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(open_editors) == 1, "no cell editor opened"
    editor = open_editors[0]
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on Return through a queued call.
    qtbot.waitUntil(lambda: item.text() == text, timeout=2000)
    assert item.text() == text, (item.text(), editor.text())
