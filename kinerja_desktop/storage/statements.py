"""Core statements that differ by engine, so no service writes driver SQL (``?`` or ``%s``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.types import UserDefinedType


class AsPrepared(UserDefinedType[Any]):
    """A parameter passed to the driver as it is: no bind processor, no cast. (A NullType
    parameter would take the column's type back, and convert a second time.)"""

    cache_ok = True

    def get_col_spec(self, **_kw: Any) -> str:
        raise NotImplementedError("a parameter type, never a column's")


def dialect_insert(session: Session, table: Table) -> Any:
    """The engine's own ``INSERT`` (with ``on_conflict_do_update``) for ``table``."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(name)


def _raw(column: str) -> Any:
    # AsPrepared: the values were already converted by each column's bind processor (the sync
    # apply step decodes a package straight to DB-API values), so nothing converts them twice.
    return bindparam(f"p_{column}", type_=AsPrepared())


def insert_prepared(table: Table, columns: tuple[str, ...]) -> Any:
    """``INSERT`` of DB-API values already converted, one parameter set per row, keyed
    ``p_<column>`` (see :func:`prepared_params`)."""
    return insert(table).values({c: _raw(c) for c in columns})


def update_prepared(table: Table, columns: tuple[str, ...]) -> Any:
    """``UPDATE … WHERE uuid = :p_where_uuid`` of DB-API values already converted."""
    return (
        update(table)
        .where(table.c.uuid == bindparam("p_where_uuid", type_=AsPrepared()))
        .values({c: _raw(c) for c in columns})
    )


def prepared_params(values: dict[str, Any]) -> dict[str, Any]:
    return {f"p_{k}": v for k, v in values.items()}
