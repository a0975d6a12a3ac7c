"""Typing one cell against its :class:`~kinerja_desktop.spreadsheet.columns.ColumnSpec`.

Contract: :func:`typed_value` turns a raw openpyxl cell value into the column's type (text, NIP,
choice, date, int, Decimal) or raises :class:`CellError` with a message code and parameters;
:func:`as_text` is the cell as a clerk reads it, for messages.

Trap: a NIP typed into a number cell has already lost digits inside the file (Excel keeps 15
significant digits), so an ``int``/``float`` NIP cell is an error telling the clerk to format the
column as text and type the NIP again (DESIGN.md section 8, DOMAIN.md A 8), never a repair.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.nip import NIP_LENGTH, normalize_nip
from kinerja_desktop.spreadsheet.columns import ColumnSpec, SheetSpec, fold

__all__ = ["CellError", "Formula", "as_text", "cell_values", "typed_value"]

_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d")
_MAX_CHOICES_SHOWN = 12


class Formula(str):
    """The text of a formula cell, told apart from a string cell holding the same text."""

    __slots__ = ()


def cell_values(cells: tuple[Any, ...]) -> tuple[Any, ...]:
    """The values of one read-only row, formula cells marked as :class:`Formula`."""
    return tuple(
        Formula(c.value) if c.data_type == "f" and type(c.value) is str else c.value for c in cells
    )


class CellError(Exception):
    """One cell could not be typed: ``code`` and ``params`` word the message."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _is_formula(value: Any) -> bool:
    # Array and data-table formulas arrive as openpyxl objects, not as text.
    return isinstance(value, Formula) or type(value).__name__ in {
        "ArrayFormula",
        "DataTableFormula",
    }


def as_text(value: Any) -> str:
    """The cell as text, as the clerk sees it ("" when empty)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def typed_value(column: ColumnSpec, value: Any, spec: SheetSpec) -> Any:
    """``value`` as the column's type; ``None`` for an empty cell.

    Raises:
        CellError: a formula, or a value the column cannot take.
    """
    kind = column.kind
    if _is_formula(value):
        raise CellError("sheet.formula")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = as_text(value)
    if kind == "text":
        return text
    if kind == "nip":
        return _nip(value)
    if kind == "choice":
        return _choice(column, text, spec)
    if kind == "date":
        return _date(value, text)
    if kind == "int":
        number = _decimal(value, text)
        if number != number.to_integral_value():
            raise CellError("sheet.not_integer")
        return int(number)
    if kind == "decimal":
        return _decimal(value, text)
    raise ValueError(f"unknown column kind {kind!r}")  # a bug in a spec, not in a file


def _nip(value: Any) -> str:
    if type(value) is str and len(value) == NIP_LENGTH and value.isdigit():
        return value  # the common case, without the normalising regexes
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        # Shown as Excel shows a big number, which is also what the clerk sees.
        shown = f"{float(value):.6E}" if abs(float(value)) >= 1e11 else as_text(value)
        raise CellError("nip.not_text", value=shown)
    try:
        return normalize_nip(str(value))
    except ValidationError as exc:
        raise CellError(exc.code, **exc.params) from exc


def _choice(column: ColumnSpec, text: str, spec: SheetSpec) -> Any:
    found = spec.choice_table(column.key).get(fold(text))
    if found is None:
        labels = [c.label for c in column.choices]
        shown = ", ".join(labels[:_MAX_CHOICES_SHOWN]) + (
            ", …" if len(labels) > _MAX_CHOICES_SHOWN else ""
        )
        raise CellError("sheet.choice", choices=shown)
    return found


def _decimal(value: Any, text: str) -> Decimal:
    if isinstance(value, bool):
        raise CellError("sheet.not_number")
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    cleaned = text.replace(" ", "").replace("\u00a0", "")
    if "," in cleaned:  # Indonesian: 1.234,5
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        number = Decimal(cleaned)
    except InvalidOperation as exc:
        raise CellError("sheet.not_number") from exc
    if not number.is_finite():
        raise CellError("sheet.not_number")
    return number


def _date(value: Any, text: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 <= value < 2958466:
        from openpyxl.utils.datetime import from_excel

        return from_excel(value).date()
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CellError("sheet.not_date")
