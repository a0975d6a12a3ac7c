"""Travelling rows as plain JSON values: which tables travel, how a row is written and read.

Every table with the :class:`~kinerja_desktop.storage.base.SyncMixin` columns travels, so a
table added later travels without touching sync. A row becomes one JSON object: every column
except ``id``, foreign keys written as the uuid of the referenced row (ids never leave a
database), decimals as text, dates as ISO text, binary as base64. Two databases holding the
same row produce the same object, so "unchanged" is a plain comparison of objects.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum as PyEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Integer,
    LargeBinary,
    Numeric,
    Table,
    select,
)
from sqlalchemy.orm import Session

from kinerja_desktop.storage.models import Base
from kinerja_desktop.storage.types import UtcDateTime, parse_utc, wire_text

Encoder = Callable[[Any], Any]
Row = dict[str, Any]


class BadValue(Exception):
    """An incoming value that does not fit its column."""


@dataclass(frozen=True)
class Entity:
    """One travelling table: its columns, foreign keys and natural keys."""

    table: Table
    columns: tuple[str, ...]
    foreign: dict[str, str]  # column -> referenced table name
    natural_keys: tuple[tuple[str, ...], ...]

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def member(self) -> str:
        return f"data/{self.table.name}.jsonl"


def _is_travelling(table: Table) -> bool:
    return {"uuid", "origin_office", "version", "deleted_at"} <= set(table.c.keys())


def entities() -> list[Entity]:
    """Travelling tables, parents before children."""
    found = []
    for table in Base.metadata.sorted_tables:
        if not _is_travelling(table):
            continue
        foreign = {}
        for column in table.columns:
            for fk in column.foreign_keys:
                foreign[column.name] = fk.column.table.name
        keys: list[tuple[str, ...]] = []
        for constraint in table.constraints:
            names = tuple(c.name for c in getattr(constraint, "columns", ()))
            if type(constraint).__name__ == "UniqueConstraint" and names != ("uuid",):
                keys.append(names)
        for column in table.columns:
            if column.unique and column.name != "uuid" and (column.name,) not in keys:
                keys.append((column.name,))
        columns = tuple(c.name for c in table.columns if c.name != "id")
        found.append(Entity(table, columns, foreign, tuple(keys)))
    return found


def entity_map() -> dict[str, Entity]:
    return {e.name: e for e in entities()}


# -- encoding ---------------------------------------------------------------------------------


def _enc_decimal(v: Any) -> Any:
    return None if v is None else str(v)


def _enc_iso(v: Any) -> Any:
    return None if v is None else v.isoformat()


def _enc_timestamp(v: Any) -> Any:
    return None if v is None else wire_text(v)


def _enc_bytes(v: Any) -> Any:
    return None if v is None else base64.b64encode(v).decode("ascii")


def _enc_enum(v: Any) -> Any:
    return v.value if isinstance(v, PyEnum) else v


def encoder_for(column: Column[Any]) -> Encoder | None:
    kind = column.type
    if isinstance(kind, Numeric):
        return _enc_decimal
    if isinstance(kind, UtcDateTime):
        return _enc_timestamp
    if isinstance(kind, (Date, DateTime)):
        return _enc_iso
    if isinstance(kind, LargeBinary):
        return _enc_bytes
    if isinstance(kind, Enum):
        return _enc_enum
    return None


def row_encoder(entity: Entity) -> Callable[[Any], Row]:
    """A function turning a result row of :func:`encoded_select` into the travelling JSON
    object (foreign keys come as the referenced rows' uuids, labelled ``<column>``)."""
    table = entity.table
    plan: list[tuple[str, Callable[[Any], Any] | None]] = []
    for name in entity.columns:
        plan.append((name, None if name in entity.foreign else encoder_for(table.c[name])))

    def encode(row: Any) -> Row:
        mapping = row._mapping
        return {name: (func(mapping[name]) if func else mapping[name]) for name, func in plan}

    return encode


def encoded_select(entity: Entity, where: Any = None) -> Any:
    """The columns of ``entity`` with each foreign key replaced by the referenced uuid (one
    outer join per reference), so encoding reads only the rows it returns."""
    table = entity.table
    meta = Base.metadata.tables
    source: Any = table
    columns: list[Any] = []
    for name in entity.columns:
        if name in entity.foreign:
            target = meta[entity.foreign[name]].alias(f"ref_{name}")
            source = source.outerjoin(target, table.c[name] == target.c.id)
            columns.append(target.c.uuid.label(name))
        else:
            columns.append(table.c[name])
    stmt = select(*columns).select_from(source).order_by(table.c.id)
    return stmt if where is None else stmt.where(where)


def encode_rows(session: Session, entity: Entity, where: Any = None) -> list[Row]:
    """Every row of ``entity`` (matching ``where``) as travelling JSON objects."""
    return list(iter_encoded(session, entity, where))


def iter_encoded(
    session: Session, entity: Entity, where: Any = None, batch: int = 2_000
) -> Iterator[Row]:
    """:func:`encode_rows` one batch at a time, for writing a package as it is read."""
    encode = row_encoder(entity)
    result = session.execute(encoded_select(entity, where), execution_options={"yield_per": batch})
    for row in result:
        yield encode(row)


def _same_instant(a: Any, b: Any) -> bool:
    """Two wire timestamps name the same instant (``…Z``, ``+00:00`` or no offset: UTC)."""
    if a == b:
        return True  # the same text (most rows): no parsing
    if a is None or b is None or not isinstance(a, str) or not isinstance(b, str):
        return False
    try:
        return parse_utc(a) == parse_utc(b)
    except ValueError:
        return a == b


def same_row(entity: Entity, stored: Row, incoming: Row) -> bool:
    """True when every value ``incoming`` brings equals the stored row's; timestamps are
    compared as instants, never as text (a package of an earlier version wrote them without
    an offset, PostgreSQL and SQLite once read them differently)."""
    stamps = _timestamp_columns(entity.table)
    for name, value in incoming.items():
        mine = stored.get(name)
        if name in stamps:
            if not _same_instant(mine, value):
                return False
        elif mine != value:
            return False
    return True


def _timestamp_columns(table: Table) -> frozenset[str]:
    found = _STAMPS.get(table.name)
    if found is None:  # asked once per row compared: worked out once per table
        found = frozenset(c.name for c in table.columns if isinstance(c.type, UtcDateTime))
        _STAMPS[table.name] = found
    return found


_STAMPS: dict[str, frozenset[str]] = {}


# -- decoding ---------------------------------------------------------------------------------


INT_MIN, INT_MAX = -(2**63), 2**63 - 1
# How deep each JSON column may nest (a snapshot holds lists of dicts of values).
JSON_DEPTH = {"snapshot": 6, "feedback": 1, "behaviour_notes": 1, "totals": 1, "answered": 1}
DEFAULT_JSON_DEPTH = 4


def _dec_decimal(v: Any, limit: Decimal | None = None) -> Any:
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (str, int, float)):
        raise BadValue(v)
    try:
        value = Decimal(str(v))
    except InvalidOperation as exc:
        raise BadValue(v) from exc
    if not value.is_finite() or (limit is not None and abs(value) >= limit):
        raise BadValue(v)
    return value


def _decimal_for(kind: Numeric) -> Callable[[Any], Any]:
    """Finite decimals that fit the column's precision (Numeric(18, 6): below 10**12)."""
    precision, scale = kind.precision, kind.scale or 0
    limit = Decimal(10) ** (precision - scale) if precision else Decimal(2) ** 63
    return lambda v: _dec_decimal(v, limit)


def json_depth_ok(value: Any, depth: int) -> bool:
    """True when ``value`` nests at most ``depth`` containers deep and every number in it is
    a finite float or a 64-bit integer."""
    stack = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, (dict, list)):
            if level >= depth:
                return False
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
        elif isinstance(item, bool) or item is None or isinstance(item, str):
            continue
        elif isinstance(item, int):
            if not INT_MIN <= item <= INT_MAX:
                return False
        elif isinstance(item, float):
            if item != item or item in (float("inf"), float("-inf")):
                return False
        else:
            return False
    return True


def _dec_json(depth: int) -> Callable[[Any], Any]:
    def decode(v: Any) -> Any:
        if not json_depth_ok(v, depth):
            raise BadValue(v)
        return v

    return decode


def _dec_date(v: Any) -> Any:
    if v is not None and not isinstance(v, str):
        raise BadValue(v)
    return None if v is None else date.fromisoformat(v)


def _dec_datetime(v: Any) -> Any:
    if v is not None and not isinstance(v, str):
        raise BadValue(v)
    return None if v is None else datetime.fromisoformat(v)


def _dec_timestamp(v: Any) -> Any:
    if v is not None and not isinstance(v, str):
        raise BadValue(v)
    return None if v is None else parse_utc(v)


def _dec_bytes(v: Any) -> Any:
    return None if v is None else base64.b64decode(v, validate=True)


def _dec_int(v: Any) -> Any:
    if v is not None and (
        not isinstance(v, int) or isinstance(v, bool) or not INT_MIN <= v <= INT_MAX
    ):
        raise BadValue(v)
    return v


def _dec_bool(v: Any) -> Any:
    if v is not None and not isinstance(v, bool):
        raise BadValue(v)
    return v


def _dec_str(v: Any) -> Any:
    if v is not None and not isinstance(v, str):
        raise BadValue(v)
    return v


def _str_for(kind: Any) -> Callable[[Any], Any]:
    """Text that fits the column: PostgreSQL refuses a longer value where SQLite would keep
    it, so both engines refuse it here, as a bad value of that column."""
    length = getattr(kind, "length", None)
    if not length:
        return _dec_str

    def decode(v: Any) -> Any:
        if _dec_str(v) is not None and len(v) > length:
            raise BadValue(v)
        return v

    return decode


def decoder_for(column: Column[Any]) -> Callable[[Any], Any]:
    kind = column.type
    if isinstance(kind, Numeric):
        return _decimal_for(kind)
    if isinstance(kind, UtcDateTime):
        return _dec_timestamp
    if isinstance(kind, DateTime):
        return _dec_datetime
    if isinstance(kind, Date):
        return _dec_date
    if isinstance(kind, LargeBinary):
        return _dec_bytes
    if isinstance(kind, Enum):
        enum_class = kind.enum_class
        if enum_class is None:
            return _dec_str

        def dec_enum(v: Any) -> Any:
            return None if v is None else enum_class(v)

        return dec_enum
    if isinstance(kind, Boolean):
        return _dec_bool
    if isinstance(kind, Integer):
        return _dec_int
    if isinstance(kind, JSON):
        return _dec_json(JSON_DEPTH.get(column.name, DEFAULT_JSON_DEPTH))
    return _str_for(kind)


def row_decoder(entity: Entity) -> Callable[[Row], Row]:
    """Incoming JSON object -> column values (foreign keys still uuids). Raises BadValue
    naming the column as its argument."""
    plan = [
        (name, decoder_for(entity.table.c[name]))
        for name in entity.columns
        if name not in entity.foreign
    ]

    def decode(row: Row) -> Row:
        values = {}
        for name, func in plan:
            if name not in row:
                continue
            try:
                values[name] = func(row[name])
            except (BadValue, ValueError, TypeError) as exc:
                raise BadValue(name) from exc
        return values

    return decode


def db_decoder(entity: Entity, dialect: Any) -> Callable[[Row], Row]:
    """Incoming JSON object -> DB-API values ready for a raw ``executemany`` (foreign keys
    left out). Each value goes through the column's own bind processor, so the stored text
    is exactly what an ORM write would store. Raises BadValue naming the column."""
    plan = []
    for name in entity.columns:
        if name in entity.foreign:
            continue
        column = entity.table.c[name]
        decode = decoder_for(column)
        bind = column.type.dialect_impl(dialect).bind_processor(dialect)
        plan.append((name, decode, bind))

    def convert(row: Row) -> Row:
        values = {}
        for name, decode, bind in plan:
            if name not in row:
                continue
            try:
                value = decode(row[name])
                values[name] = bind(value) if bind is not None and value is not None else value
            except (BadValue, ValueError, TypeError, LookupError) as exc:
                raise BadValue(name) from exc
        return values

    return convert
