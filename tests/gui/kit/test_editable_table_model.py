"""The editable table model: Qt's contract, flags per column and row, setData, checks, read-back."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLineEdit, QTableView

from kinerja_desktop.gui.kit.editable_table_model import INVALID_COLOUR, EditableTableModel
from kinerja_desktop.gui.kit.table_model import Column, Edit

EDIT = Qt.ItemDataRole.EditRole
DISPLAY = Qt.ItemDataRole.DisplayRole
EDITABLE = Qt.ItemFlag.ItemIsEditable
COL_CODE, COL_VALUE, COL_DOUBLE = range(3)


@dataclass(frozen=True)
class Line:
    code: str
    value: str = ""
    derived: bool = False


def _check(_row: Line, text: str) -> str:
    return "" if text == "" or text.isdigit() else f"{text} bukan angka"


def _double(row: Line) -> str:
    return str(2 * int(row.value)) if row.value.isdigit() else ""


COLUMNS = (
    Column[Line]("Kode", lambda r: r.code),
    Column[Line](
        "Nilai",
        lambda r: r.value,
        edit=Edit(lambda r, t: replace(r, value=t.strip()), _check, lambda r: not r.derived),
        background=lambda r: QColor("#eeeeee") if r.derived else None,
    ),
    Column[Line](
        "Dua kali", _double, foreground=lambda r: QColor("darkred") if r.derived else None
    ),
)


@pytest.fixture
def model() -> EditableTableModel[Line]:
    model = EditableTableModel(COLUMNS)
    model.set_rows([Line("A", "1"), Line("B", "2"), Line("C", "5", derived=True)])
    return model


def test_passes_the_qt_model_tester_while_edited(qtmodeltester, model) -> None:
    qtmodeltester.check(model)
    model.setData(model.index(0, COL_VALUE), "7", EDIT)
    model.append_rows([Line("D")])
    model.remove_rows([1])
    model.sort(COL_CODE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_only_declared_and_allowed_cells_are_editable(model) -> None:
    assert model.flags(model.index(0, COL_VALUE)) & EDITABLE
    assert not model.flags(model.index(0, COL_CODE)) & EDITABLE  # no Edit
    assert not model.flags(model.index(0, COL_DOUBLE)) & EDITABLE
    assert not model.flags(model.index(2, COL_VALUE)) & EDITABLE  # allowed() says no
    assert model.index(2, COL_VALUE).data(Qt.ItemDataRole.BackgroundRole).color() == QColor(
        "#eeeeee"
    )
    assert model.index(2, COL_DOUBLE).data(Qt.ItemDataRole.ForegroundRole).color() == QColor(
        "darkred"
    )
    assert model.index(0, COL_DOUBLE).data(Qt.ItemDataRole.ForegroundRole) is None
    model.set_editable(False)
    assert not model.flags(model.index(0, COL_VALUE)) & EDITABLE
    assert not model.setData(model.index(0, COL_VALUE), "9", EDIT)
    assert model.index(0, COL_VALUE).data() == "1"


def test_set_data_replaces_the_row_and_derived_columns_follow(qtbot, model) -> None:
    with qtbot.waitSignals([model.dataChanged, model.edited]):
        assert model.setData(model.index(1, COL_VALUE), " 21 ", EDIT)
    assert model.index(1, COL_VALUE).data(EDIT) == "21"
    assert model.index(1, COL_DOUBLE).data() == "42"
    assert not model.setData(model.index(1, COL_VALUE), "3", DISPLAY)  # only EditRole
    assert not model.setData(model.index(1, COL_CODE), "X", EDIT)


def test_a_refused_text_stays_shown_red_with_its_reason(model) -> None:
    model.setData(model.index(0, COL_VALUE), "tujuh", EDIT)
    index = model.index(0, COL_VALUE)
    assert index.data() == "tujuh"
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == INVALID_COLOUR
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "tujuh bukan angka"
    assert model.problems() == [(0, COL_VALUE, "tujuh bukan angka")]
    model.setData(index, "7", EDIT)
    assert model.problems() == [] and index.data(Qt.ItemDataRole.BackgroundRole) is None


def test_edited_rows_reads_back_changes_additions_and_removals(model) -> None:
    assert not model.is_dirty() and model.edited_rows() == []
    model.setData(model.index(1, COL_VALUE), "3", EDIT)
    model.setData(model.index(0, COL_VALUE), "1", EDIT)  # typed again, unchanged
    model.append_rows([Line("D", "4")])
    assert model.edited_rows() == [(Line("B", "2"), Line("B", "3")), (None, Line("D", "4"))]
    model.remove_rows([0])
    assert model.removed_rows() == [Line("A", "1")]
    assert model.is_dirty()
    model.set_rows(model.all_rows())  # saved: the shown rows are the stored ones now
    assert not model.is_dirty()


def test_equal_rows_stay_two_rows(model) -> None:
    model.set_rows([Line("A"), Line("A")])
    model.setData(model.index(1, COL_VALUE), "4", EDIT)
    assert [model.index(r, COL_VALUE).data() for r in range(2)] == ["", "4"]
    model.remove_rows([0])
    assert model.all_rows() == [Line("A", "4")]


def test_a_view_edits_through_the_delegate(qtbot, model) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    index = model.index(1, COL_VALUE)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = next(e for e in view.viewport().findChildren(QLineEdit) if e.isVisible())
    assert editor.text() == "2"
    editor.selectAll()
    qtbot.keyClicks(editor, "12")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: index.data() == "12", timeout=2000)
    assert model.index(1, COL_DOUBLE).data() == "24"
