"""The editable variant of the table-model template, for grids the user types into.

Hand-built ``QTableWidget`` grids kept their state in items: the typed text, a red background,
a tooltip, and a loop over the items to find what changed. :class:`EditableTableModel` keeps
frozen rows instead; a column declares how text typed into it becomes a new row
(:class:`~kinerja_desktop.gui.kit.table_model.Edit`), and the model answers Qt's ``flags`` and
``setData`` from that, says which cells are refused, and reads back the edited rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from kinerja_desktop.gui.kit.table_model import HEADER_CONTEXT, Column, RowTableModel, SearchText

R = TypeVar("R")
_Index = QModelIndex | QPersistentModelIndex
_PROBLEM_ROLES = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole)

#: A cell whose typed text its column's :attr:`Edit.check` refuses.
INVALID_COLOUR = QColor("#ef9a9a")


def _position(rows: list[R], row: R) -> int:
    # By identity: two rows may be equal (two blank respondents) and still be two rows.
    return next(n for n, candidate in enumerate(rows) if candidate is row)


class EditableTableModel(RowTableModel[R]):
    """A :class:`RowTableModel` whose cells with an :class:`Edit` can be typed into.

    Typing replaces the row by ``edit.apply(row, text)``, so the rows stay frozen and every
    column that derives from the typed value (a capaian, a category) follows at once. A cell
    is refused when ``edit.check`` says so for the text the row now shows: it is drawn in
    :data:`INVALID_COLOUR` with the sentence as tooltip, and :meth:`problems` lists it. The
    model keeps the rows :meth:`set_rows` gave it, so :meth:`edited_rows` reads back only what
    the user changed (and the rows added), :meth:`removed_rows` what was taken away.

    The trap: the persistent identity of a row is the object, not its value; ``apply`` must
    return a new row (``dataclasses.replace``) rather than mutate the old one.

    Args:
        invalid_colour: the background of a refused cell (:data:`INVALID_COLOUR` unless a
            screen has its own).

    Signals:
        edited(row, column): a cell was committed by the user (view row, column).
    """

    edited = Signal(int, int)

    def __init__(
        self,
        columns: Sequence[Column[R]],
        parent: Any = None,
        *,
        muted: Callable[[R], bool] | None = None,
        header_context: str = HEADER_CONTEXT,
        invalid_colour: QColor = INVALID_COLOUR,
    ) -> None:
        super().__init__(columns, parent, muted=muted, header_context=header_context)
        self._invalid = QBrush(invalid_colour)
        self._editable = True
        self._originals: list[R | None] = []  # parallel to _natural; None: added here
        self._removed: list[R] = []

    # -- contents ---------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R], *, search_text: SearchText | None = None) -> None:
        """Replace every row; they become the stored state edits are measured against."""
        self._originals = list(rows)
        self._removed = []
        super().set_rows(rows, search_text=search_text)

    def set_editable(self, editable: bool) -> None:
        """Allow or refuse every edit (a locked period, a reader's account)."""
        self._editable = editable
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def is_editable(self) -> bool:
        return self._editable

    def append_rows(self, rows: Sequence[R]) -> None:
        """Add ``rows`` at the end of the view (whatever the sort), as new rows."""
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        for row in rows:
            self._natural.append(row)
            self._ordered.append(row)
            self._rows.append(row)
            self._originals.append(None)
        self._haystacks = None
        self.endInsertRows()

    def remove_rows(self, view_rows: Sequence[int]) -> None:
        """Take away the rows shown at ``view_rows``; stored ones go to :meth:`removed_rows`."""
        for view_row in sorted(set(view_rows), reverse=True):
            if not 0 <= view_row < len(self._rows):
                continue
            row = self._rows[view_row]
            self.beginRemoveRows(QModelIndex(), view_row, view_row)
            position = _position(self._natural, row)
            original = self._originals.pop(position)
            if original is not None:
                self._removed.append(original)
            del self._natural[position]
            del self._ordered[_position(self._ordered, row)]
            del self._rows[view_row]
            self._haystacks = None
            self.endRemoveRows()

    def replace_row(self, view_row: int, new: R) -> None:
        """Put ``new`` in place of the row shown at ``view_row`` (counts as an edit)."""
        old = self._rows[view_row]
        self._natural[_position(self._natural, old)] = new
        self._ordered[_position(self._ordered, old)] = new
        self._rows[view_row] = new
        self._haystacks = None
        last = len(self._columns) - 1
        self.dataChanged.emit(self.index(view_row, 0), self.index(view_row, last))

    # -- reading back -----------------------------------------------------------------------

    def edited_rows(self) -> list[tuple[R | None, R]]:
        """``(stored, current)`` of every row that differs from what was stored, in the
        service's order; ``stored`` is ``None`` for a row added here."""
        return [
            (original, row)
            for original, row in zip(self._originals, self._natural, strict=True)
            if original is None or original != row
        ]

    def removed_rows(self) -> list[R]:
        """The stored rows taken away since :meth:`set_rows`."""
        return list(self._removed)

    def is_dirty(self) -> bool:
        return bool(self._removed) or bool(self.edited_rows())

    def problem(self, view_row: int, column: int) -> str:
        """Why the cell's text is refused (``""``: it is fine or not editable).

        A subclass may override it to word a sentence that names the row's position.
        """
        edit = self._columns[column].edit
        if edit is None or edit.check is None:
            return ""
        row = self._rows[view_row]
        return edit.check(row, self._columns[column].display(row))

    def problems(self) -> list[tuple[int, int, str]]:
        """``(view row, column, sentence)`` of every refused cell, top to bottom."""
        checked = [n for n, c in enumerate(self._columns) if c.edit is not None]
        found = []
        for view_row in range(len(self._rows)):
            for column in checked:
                message = self.problem(view_row, column)
                if message:
                    found.append((view_row, column, message))
        return found

    # -- Qt model API -----------------------------------------------------------------------

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            role = Qt.ItemDataRole.DisplayRole
        elif role in _PROBLEM_ROLES and index.isValid() and index.row() < len(self._rows):
            message = self.problem(index.row(), index.column())
            if message:
                return message if role == Qt.ItemDataRole.ToolTipRole else self._invalid
        return super().data(index, role)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._may_edit(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self._may_edit(index):
            return False
        edit = self._columns[index.column()].edit
        assert edit is not None  # _may_edit checked it
        text = "" if value is None else str(value)
        self.replace_row(index.row(), edit.apply(self._rows[index.row()], text))
        self.edited.emit(index.row(), index.column())
        return True

    def _may_edit(self, index: _Index) -> bool:
        if not self._editable or not index.isValid() or index.row() >= len(self._rows):
            return False
        if not 0 <= index.column() < len(self._columns):
            return False
        edit = self._columns[index.column()].edit
        if edit is None:
            return False
        return edit.allowed is None or edit.allowed(self._rows[index.row()])
