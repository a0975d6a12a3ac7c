"""Columns read as the driver hands them back, converted once per distinct value (issue 16).

A typed column converts every row's value as it arrives: an enum column looks the member up,
a timestamp column parses the text and attaches UTC. The Evaluasi list reads some 11,000
evaluations and as many assessments with five such columns each, where a period repeats a few
statuses, ratings and, in a city, a few hundred distinct timestamps. Read here with
:func:`as_stored` and converted with :func:`converter`, each distinct value goes through the
column type's own conversion once (so the values are exactly those the typed read gives),
and rows come back through the Core connection, without the ORM's per-row layer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Select, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.types import NullType

from kinerja_desktop.services.evaluation.heads import BATCH

__all__ = ["ConvertOnce", "as_stored", "converter", "rows_of"]


def as_stored(column: Any) -> ColumnElement[Any]:
    """``column`` under its own name, as the driver hands it back (no conversion per row)."""
    return type_coerce(column, NullType()).label(column.key)


def converter(session: Session, column: Any) -> ConvertOnce:
    """What reading ``column`` typed on this engine makes of a stored value, computed once per
    distinct value (``None`` stays ``None``)."""
    dialect = session.get_bind().dialect
    process = column.type.dialect_impl(dialect).result_processor(dialect, None)
    return ConvertOnce(process if process is not None else _same)


def rows_of(session: Session, stmt: Select[Any]) -> Any:
    """``stmt``'s rows through the session's Core connection, fetched in batches of
    :data:`heads.BATCH` (the GUI thread gets Python's lock between them); iterate it once."""
    return session.connection().execute(stmt, execution_options={"yield_per": BATCH})


def _same(value: Any) -> Any:
    return value


class ConvertOnce(dict[Any, Any]):
    """The column type's converter, called once per distinct stored value (1 and 1.0 are
    equal keys and convert to the same Decimal; on PostgreSQL two equal moments in two zones
    convert to the same UTC moment). The list's columns, the list's and the monitor's means.

    Call it, or index it (``convert[raw]``: a dictionary look-up, the converter called only
    for a value not seen yet); ``None`` stays ``None``."""

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        super().__init__({None: None})
        self._convert = convert

    def __missing__(self, raw: Any) -> Any:
        found = self[raw] = self._convert(raw)
        return found

    def __call__(self, raw: Any) -> Any:
        return self[raw]
