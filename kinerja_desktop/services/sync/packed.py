"""Large JSON values of incoming rows kept as compact text while a package is decided.

Every row of a package is held from parsing until the plan (the ownership policy reads rows
across tables), and an evaluation's ``snapshot`` parsed into dicts and lists takes several
times its text (issue 16, item 5: peak memory). As each row is parsed, its JSON objects and
arrays that pass their column's check are kept as :class:`Packed` text; the plan unpacks
the rows of one chunk at a time and keeps the unpacked row only for rows it writes or lists
as conflicts.
No ownership rule, reference or natural key reads a JSON column.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import JSON

from kinerja_desktop.services.sync.rows import (
    DEFAULT_JSON_DEPTH,
    JSON_DEPTH,
    Entity,
    Row,
    json_depth_ok,
)

_DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
_LOADS = json.JSONDecoder().decode


class Packed:
    """A checked JSON object or array as its compact text (``str`` values are never packed,
    so a packed value is told apart from a string by its type)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def value(self) -> Any:
        return _LOADS(self.text)

    def __repr__(self) -> str:
        return f"Packed({self.text[:40]!r})"


def json_columns(entity: Entity) -> tuple[str, ...]:
    table = entity.table
    return tuple(n for n in entity.columns if isinstance(table.c[n].type, JSON))


def packer(entity: Entity) -> Callable[[Row], None] | None:
    """A function packing, in place, the JSON objects and arrays of a row of ``entity`` that
    pass their column's check (nesting, finite numbers: what
    :func:`~kinerja_desktop.services.sync.rows.db_decoder` checks); a value that fails stays
    as parsed, for the value check to refuse. ``None`` for a kind without JSON columns."""
    columns = [(n, JSON_DEPTH.get(n, DEFAULT_JSON_DEPTH)) for n in json_columns(entity)]
    if not columns:
        return None

    def pack(row: Row) -> None:
        for name, depth in columns:
            value = row.get(name)
            if isinstance(value, (dict, list)) and json_depth_ok(value, depth):
                row[name] = Packed(_DUMPS(value))

    return pack


def without_packed(row: Row) -> Row:
    """The row without its packed values (checked when packed), for the value check."""
    return {k: v for k, v in row.items() if type(v) is not Packed}


def unpacker(entity: Entity) -> Callable[[Row], Row]:
    """A function returning the row with its packed values parsed again: a new dict when
    the row holds one (the packed row stays as it was), else the row itself."""
    columns = json_columns(entity)

    def unpack(row: Row) -> Row:
        packed = [n for n in columns if type(row.get(n)) is Packed]
        if not packed:
            return row
        full = dict(row)
        for name in packed:
            full[name] = row[name].value()
        return full

    return unpack
