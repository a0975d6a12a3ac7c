"""Column types that behave the same on SQLite and on PostgreSQL.

:class:`UtcDateTime` is the one timestamp type. SQLite keeps a timestamp as text without an
offset and hands back a naive ``datetime``; PostgreSQL's ``timestamptz`` hands back an aware
one in the session's time zone. Both are UTC here: a value is stored as UTC (on SQLite the
same text as before, so converting changes no stored value, ``version`` or ``updated_at``), and
read back aware in UTC. A stored value without an offset (every SQLite row, older databases)
is read as UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


def as_utc(value: datetime) -> datetime:
    """``value`` as an aware UTC datetime; a naive value is taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_utc(text: str) -> datetime:
    """An ISO timestamp (``…Z``, ``…+07:00`` or without an offset, read as UTC) as aware UTC.

    Raises:
        ValueError: not an ISO timestamp.
    """
    return as_utc(datetime.fromisoformat(text))


def wire_text(value: datetime) -> str:
    """The one wire format of a timestamp in packages: ISO 8601 in UTC, ending ``Z``."""
    return as_utc(value).isoformat().replace("+00:00", "Z")


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp stored and returned as aware UTC on every engine (see the module)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        value = as_utc(value)
        # SQLite's text has no offset; keep it exactly as earlier versions wrote it.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)
