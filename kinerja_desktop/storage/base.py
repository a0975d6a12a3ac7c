"""Declarative base with a naming convention, and the columns every travelling row carries.

The naming convention gives every constraint a stable name, which Alembic's batch mode on
SQLite needs to drop or alter constraints later.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kinerja_desktop.storage.types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    """A random uuid as text, minted where a row is created."""
    return str(uuid.uuid4())


def utcnow() -> datetime:
    """The current time in UTC (timezone-aware)."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SyncMixin:
    """Bookkeeping for rows that travel in sync packages (DESIGN.md section 5).

    ``uuid`` matches rows across databases; ``version`` is bumped on each write; ``origin_office``
    is the code of the office that owns the row (read-only everywhere else); ``deleted_at`` marks
    a tombstone, so deletions travel too. Autoincrement ``id`` never leaves the database.
    """

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="system")
    origin_office: Mapped[str] = mapped_column(String(32), index=True)  # sync selects by it
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
