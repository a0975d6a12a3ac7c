"""Reading stored rows by a list of keys without binding an unbounded list (issue 16).

A city database holds more rows than SQLite binds in one statement (32,766 by default, less on
some builds or when a connection sets its own limit), so every ``IN`` over values the package
brings is cut into chunks that fit the connection's own limit, with room left for the
statement's other parameters.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from sqlalchemy.orm import Session

T = TypeVar("T")
# Well under SQLite's default limit and PostgreSQL's 65,535 parameters per statement.
MAX_CHUNK = 20_000
# Parameters a statement may bind besides its list (office codes, flags).
_MARGIN = 10


def chunk_size(session: Session, per_item: int = 1) -> int:
    """How many items of ``per_item`` parameters each one statement on this session may bind."""
    size = MAX_CHUNK
    raw = session.connection().connection.driver_connection
    if isinstance(raw, sqlite3.Connection):
        size = min(size, raw.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) - _MARGIN)
    return max(1, size // max(1, per_item))


def chunks(values: Iterable[T], size: int) -> Iterator[list[T]]:
    part: list[T] = []
    for value in values:
        part.append(value)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def read_in_chunks(
    session: Session, values: Iterable[Any], statement: Callable[[list[Any]], Any]
) -> Iterator[Any]:
    """Rows of ``statement(part)`` for every bounded part of the distinct ``values``."""
    distinct = list(dict.fromkeys(v for v in values if v is not None))
    for part in chunks(distinct, chunk_size(session)):
        yield from session.execute(statement(part))
