"""The one place where the app's xlsx writers put a value into a cell.

Contract: a ``str`` always becomes an explicit string cell (``data_type "s"``), never a formula
or an error value, and its text is written exactly as given (no apostrophe or space added). A
text that a spreadsheet would take for a formula when the cell is edited or pasted (it begins
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) also gets the ``quotePrefix`` style,
which is how Excel and LibreOffice mark "typed with a leading apostrophe": shown as text, kept
as text after F2 + Enter, and read back by openpyxl (and so by our importers) unchanged.
Numbers, dates and ``None`` pass through as they are.

Why here: openpyxl turns any string starting with ``=`` into a formula and ``"#N/A"`` into an
error cell when it is assigned, so a name like ``=HYPERLINK("…")`` typed into the register
would run in the office's spreadsheet program when the export is opened (CSV/formula
injection). Every writer (the sheet writer, the recap, the audit export) goes through
:func:`set_value` or :func:`value_cell`, so the rule cannot be forgotten in one of them.

Trap: openpyxl itself truncates a string past 32,767 characters (Excel's cell limit) and
refuses control characters other than tab, line feed and carriage return
(``IllegalCharacterError``); those rules are left as they are. And XML reads every line end
as a line feed, so a carriage return comes back from any xlsx reader as ``"\n"``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["FORMULA_STARTS", "looks_like_formula", "row_cells", "set_value", "value_cell"]

#: First characters that make Excel or LibreOffice read a typed text as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    """True when ``text`` needs the quote prefix to stay text in a spreadsheet program."""
    return text.startswith(FORMULA_STARTS)


def set_value(cell: Any, value: Any, *, number_format: str | None = None) -> Any:
    """Put ``value`` into an openpyxl ``cell`` (a normal or a write-only one); returns the cell.

    ``number_format`` is applied when given (``"@"`` for NIP and text columns).
    """
    cell.value = value
    if isinstance(value, str):
        # Assignment may have bound the text as a formula ('f') or an error ('e'); undo that.
        cell.data_type = "s"
        if looks_like_formula(value):
            cell.quotePrefix = True
    if number_format is not None:
        cell.number_format = number_format
    return cell


def value_cell(ws: Any, value: Any, *, number_format: str | None = None) -> Any:
    """A cell for ``ws.append`` in openpyxl's write-only mode.

    A ``str`` (or a ``number_format``) gets a ``WriteOnlyCell``; a plain number, date or
    ``None`` is returned as it is (openpyxl writes those itself, and faster).
    """
    if not isinstance(value, str) and number_format is None:
        return value
    from openpyxl.cell import WriteOnlyCell  # lazy: openpyxl costs 0.1 s at import

    return set_value(WriteOnlyCell(ws), value, number_format=number_format)


def row_cells(ws: Any, values: Iterable[Any]) -> list[Any]:
    """``values`` ready for ``ws.append`` in write-only mode: every ``str`` a string cell.

    Cells that are already openpyxl cells (styled headers) pass through untouched.
    """
    return [v if hasattr(v, "data_type") else value_cell(ws, v) for v in values]
