"""The one table-model template every list view uses (DESIGN.md convention 8).

A :class:`RowTableModel` holds a Python list of frozen DTO rows and a tuple of :class:`Column`
specs. Sorting and filtering happen on that list, not through a ``QSortFilterProxyModel``: a
proxy calls Python ``data()`` for every comparison, which took 28 s on 100,000 rows where sorting
the list took 42 ms. So the model keeps three lists:

* ``_natural``: rows in the order the service returned them (``sort(-1)`` restores it);
* ``_ordered``: ``_natural`` sorted by the current sort column;
* ``_rows``: what the view shows, ``_ordered`` with the filter applied.

The trap: a sort must move persistent indexes (the selection) with their rows, so ``sort()``
emits ``layoutAboutToBeChanged``/``layoutChanged`` and remaps them; a filter changes which rows
exist, so it resets the model instead.

Grids the user types into use the editable variant,
:class:`~kinerja_desktop.gui.kit.editable_table_model.EditableTableModel`: the same columns,
with an :class:`Edit` on each column that may be typed into.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from kinerja_desktop.gui.kit.format import fmt_nip

R = TypeVar("R")

#: Returns a column's native value (Decimal, int, date, str) for sorting by another component.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Returns the whole DTO row (for detail panes and actions).
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

#: The translation context of every column header (``QT_TRANSLATE_NOOP("TableHeader", ...)``).
HEADER_CONTEXT = "TableHeader"

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

_MUTED = QColor(128, 128, 128)
# The roles as plain ints: an enum member looked up per call is measurable in data().
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_Index = QModelIndex | QPersistentModelIndex
#: The roles :meth:`RowTableModel.data` answers (a subclass adds its own before calling it).
_ANSWERED = frozenset(
    {_DISPLAY, _ALIGN, _TOOLTIP, _FOREGROUND, _BACKGROUND, int(SORT_ROLE), int(ROW_ROLE)}
)


@dataclass(frozen=True)
class Edit(Generic[R]):
    """How a typed text becomes a row: the setter, its check and where it is allowed.

    Attributes:
        apply: the row with ``text`` typed into this column (a new frozen row, as
            ``dataclasses.replace`` makes it). It receives the text even when ``check``
            refuses it, so a wrong entry stays on screen to be corrected.
        check: the problem with ``text`` in ``row`` as one sentence, ``""`` when it is fine.
            A refused cell is drawn in the invalid colour with the sentence as its tooltip.
        allowed: whether this row's cell may be edited (a derived value may not).
    """

    apply: Callable[[R, str], R]
    check: Callable[[R, str], str] | None = None
    allowed: Callable[[R], bool] | None = None


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column of a table model.

    Attributes:
        header: the Indonesian header, marked with ``QT_TRANSLATE_NOOP("TableHeader", ...)``
            and translated when shown.
        display: the cell text of a row.
        sort_key: the native value to sort by (``None`` sorts last); defaults to the display
            text, case-folded.
        align: ``LEFT`` for text, ``RIGHT`` for numbers.
        searchable: whether the search box looks at this column.
        nip: the column holds a NIP; the search ignores spaces on both sides so that
            ``"19920415 2019"`` finds ``199204152019032001``.
        tooltip: optional hover text (a full name behind a code, for instance).
        header_tip: optional hover text of the header, marked like ``header``; it lets a
            header stay short ("Belum") while saying what it counts.
        elastic: for a long-text column (a name, a jabatan), the narrowest width in pixels
            the view may squeeze it to so the columns after it stay on screen; it also takes
            the spare width of a wide window. ``0``: a fixed column.
        background: optional cell colour of a row (a category band, a read-only cell).
        foreground: optional text colour of a row's cell (a warning in dark red); it wins
            over the model's grey for muted rows.
        edit: how the cell is typed into (:class:`Edit`); only an
            :class:`EditableTableModel` uses it. ``None``: never editable.
    """

    header: str
    display: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None
    align: Qt.AlignmentFlag = LEFT
    searchable: bool = True
    nip: bool = False
    tooltip: Callable[[R], str] | None = None
    header_tip: str | None = None
    elastic: int = 0
    background: Callable[[R], QColor | None] | None = None
    foreground: Callable[[R], QColor | None] | None = None
    edit: Edit[R] | None = None

    def key(self, row: R) -> Any:
        if self.sort_key is None:
            return self.display(row).casefold()
        return self.sort_key(row)


def nip_column(nip: Callable[[R], str]) -> Column[R]:
    """The NIP column of every list of people: grouped for reading (``19800101 200501 1 001``),
    sorted and searched as its 18 digits, and kept as text (DESIGN.md section 8)."""
    return Column(
        QT_TRANSLATE_NOOP(HEADER_CONTEXT, "NIP"), lambda r: fmt_nip(nip(r)), nip, nip=True
    )


def _none_last(key: Callable[[R], Any]) -> Callable[[R], tuple[bool, Any]]:
    # Python cannot compare None with a Decimal; empty cells go to the end in both orders.
    def wrapped(row: R) -> tuple[bool, Any]:
        value = key(row)
        return (value is None, value if value is not None else 0)

    return wrapped


@dataclass(frozen=True)
class SearchText:
    """The search text of a list of rows, keyed by ``id(row)`` (the rows must stay alive).

    ``texts``, when made by :func:`prepare_rows`: every row's cell texts, so the GUI thread
    only looks them up (issue 16). Each entry keeps its row, and a text is used only while
    that very row is shown: an id reused by a later row (an edited one) never picks it up.
    """

    haystacks: dict[int, tuple[str, str]]
    texts: dict[int, tuple[Any, tuple[str, ...]]] | None = None


def search_text_of(columns: Sequence[Column[R]], rows: Sequence[R]) -> SearchText:
    """What the search box looks in, per row (see :meth:`RowTableModel.search_text`)."""
    text_columns = [c for c in columns if c.searchable and not c.nip]
    nip_columns = [c for c in columns if c.searchable and c.nip]
    haystacks: dict[int, tuple[str, str]] = {}
    for row in rows:
        # "\n" between cells so a search never matches across two columns.
        words = "\n".join(c.display(row) for c in text_columns).casefold()
        nips = "\n".join("".join(c.display(row).split()) for c in nip_columns)
        haystacks[id(row)] = (words, nips)
    return SearchText(haystacks)


def prepare_rows(columns: Sequence[Column[R]], rows: Sequence[R]) -> SearchText:
    """Every row's cell texts and search text, made once (plain Python: a read task makes it
    on the worker and hands it to :meth:`RowTableModel.set_rows`). Each cell is formatted
    once; the search text is cut from the same strings."""
    searchable = [n for n, c in enumerate(columns) if c.searchable and not c.nip]
    nips = [n for n, c in enumerate(columns) if c.searchable and c.nip]
    displays = [c.display for c in columns]
    haystacks: dict[int, tuple[str, str]] = {}
    texts: dict[int, tuple[Any, tuple[str, ...]]] = {}
    # Tens of thousands of new tuples would set off a full pass of Python's cycle collector,
    # hundreds of ms holding the lock the GUI thread waits for (a city, issue 16); these
    # tuples form no cycles. The collector is switched back on only if it was on.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for row in rows:
            cells = tuple([display(row) for display in displays])
            key = id(row)
            texts[key] = (row, cells)
            haystacks[key] = (
                "\n".join([cells[n] for n in searchable]).casefold(),
                "\n".join(["".join(cells[n].split()) for n in nips]),
            )
    finally:
        if collecting:
            gc.enable()
    return SearchText(haystacks, texts)


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table over frozen rows; see the module docstring for the three lists.

    Args:
        columns: the column specs, in display order (the view's ``COL_*`` constants index it).
        parent: the Qt parent.
        muted: rows for which it returns True are drawn grey (inactive employees, say).
        header_context: the translation context of the headers (a dialog's own grid keeps
            the context its texts were marked with).
    """

    def __init__(
        self,
        columns: Sequence[Column[R]],
        parent: Any = None,
        *,
        muted: Callable[[R], bool] | None = None,
        header_context: str = HEADER_CONTEXT,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        # A dialog's grid keeps the translation context its headers always had.
        self._header_context = header_context
        self._muted = muted
        self._natural: list[R] = []
        self._ordered: list[R] = []
        self._rows: list[R] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._filter = ""
        # Search text per row, built on the first search after set_rows (id(row) keyed).
        self._haystacks: dict[int, tuple[str, str]] | None = None
        # Cell texts made off the GUI thread (prepare_rows), id(row) keyed with their row.
        self._texts: dict[int, tuple[Any, tuple[str, ...]]] | None = None

    # -- contents ---------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[R], *, search_text: SearchText | None = None) -> None:
        """Replace every row, keeping the current sort column and filter.

        ``search_text``: what :meth:`search_text` made of these same rows, off the GUI thread,
        so the first keystroke after a reload costs what the others cost.
        """
        self.beginResetModel()
        self._natural = list(rows)
        self._haystacks = search_text.haystacks if search_text is not None else None
        self._texts = search_text.texts if search_text is not None else None
        self._ordered = self._sorted(self._natural)
        self._rows = self._filtered(self._ordered)
        self.endResetModel()

    def rows(self) -> list[R]:
        """The visible rows, in display order (a copy)."""
        return list(self._rows)

    def all_rows(self) -> list[R]:
        """Every row, filter or not, in the service's order (a copy)."""
        return list(self._natural)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def total_count(self) -> int:
        """Rows before filtering (the "M" of "Menampilkan N dari M")."""
        return len(self._natural)

    def columns(self) -> tuple[Column[R], ...]:
        return self._columns

    # -- Qt model API -----------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        # Called for every role of every visible cell (and of the rows sampled when columns
        # are fitted): plain int roles, each index method asked once (issue 16, item 3). Qt
        # asks about half its calls for roles no column answers (font, decoration, check
        # state, size hint): those leave before the index is looked at.
        if role not in _ANSWERED or not index.isValid():
            return None
        number, section = index.row(), index.column()
        rows, columns = self._rows, self._columns
        if not (0 <= number < len(rows) and 0 <= section < len(columns)):
            return None
        row = rows[number]
        column = columns[section]
        if role == _DISPLAY:
            texts = self._texts
            if texts is not None:
                made = texts.get(id(row))
                if made is not None and made[0] is row:
                    return made[1][section]
            return column.display(row)
        if role == _ALIGN:
            return column.align
        if role == _TOOLTIP:
            return column.tooltip(row) if column.tooltip is not None else None
        if role == _FOREGROUND:
            colour = column.foreground(row) if column.foreground is not None else None
            if colour is not None:
                return QBrush(colour)
            if self._muted is not None and self._muted(row):
                return QBrush(_MUTED)
            return None
        if role == _BACKGROUND:
            colour = column.background(row) if column.background is not None else None
            return QBrush(colour) if colour is not None else None
        if role == SORT_ROLE:
            return column.key(row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self._columns)):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self._header_context, column.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if role == Qt.ItemDataRole.ToolTipRole and column.header_tip:
            return QCoreApplication.translate(self._header_context, column.header_tip)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- sorting ----------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the model's list by ``column`` (``-1``: the service's order).

        Emits ``layoutAboutToBeChanged``/``layoutChanged`` and moves persistent indexes with
        their rows, so the selection survives a click on a header.
        """
        if column >= len(self._columns):
            return
        self._sort_column = column
        self._sort_order = order
        # PySide exposes only the argument-less emit; a VerticalSortHint cannot be passed.
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_rows = [self._rows[index.row()] for index in persistent]
        self._ordered = self._sorted(self._natural)
        self._rows = self._filtered(self._ordered)
        position = {id(row): number for number, row in enumerate(self._rows)}
        new_indexes = [
            self.index(position[id(row)], index.column()) if id(row) in position else QModelIndex()
            for row, index in zip(old_rows, persistent, strict=True)
        ]
        self.changePersistentIndexList(persistent, new_indexes)
        self.layoutChanged.emit()

    def sort_column(self) -> int:
        return self._sort_column

    def _sorted(self, rows: list[R]) -> list[R]:
        if self._sort_column < 0:
            return list(rows)
        key = _none_last(self._columns[self._sort_column].key)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        ordered = sorted(rows, key=key, reverse=descending)
        if descending:
            # Keep empty cells last in both orders: reverse=True would put them first.
            filled = [row for row in ordered if key(row)[0] is False]
            ordered = filled + [row for row in ordered if key(row)[0] is True]
        return ordered

    # -- filtering --------------------------------------------------------------------------

    def set_filter(self, text: str) -> None:
        """Show only rows whose searchable columns contain ``text`` (case-insensitive).

        In NIP columns spaces are ignored on both sides, so the NIP can be typed the way it is
        printed. An empty text shows every row.
        """
        needle = text.strip().casefold()
        if needle == self._filter:
            return
        self.beginResetModel()
        self._filter = needle
        self._rows = self._filtered(self._ordered)
        self.endResetModel()

    def filter_text(self) -> str:
        return self._filter

    def _filtered(self, rows: list[R]) -> list[R]:
        if not self._filter:
            return list(rows)
        haystacks = self._ensure_haystacks()
        needle = self._filter
        digits = "".join(needle.split())
        return [
            row
            for row in rows
            if needle in haystacks[id(row)][0] or (digits and digits in haystacks[id(row)][1])
        ]

    def _ensure_haystacks(self) -> dict[int, tuple[str, str]]:
        if self._haystacks is None:
            self._haystacks = self.search_text(self._natural).haystacks
        return self._haystacks

    def search_text(self, rows: Sequence[R]) -> SearchText:
        """The text the search box looks in, per row; plain Python, so a read task may make
        it on the worker (it touches no widget) and hand it to :meth:`set_rows`."""
        return search_text_of(self._columns, rows)
