"""Bookkeeping every write needs: version bumps, sync stamps and audit entries.

Kept in one place so that interactive edits, imports and sync all stamp rows the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.storage.base import SyncMixin
from kinerja_desktop.storage.models import AuditEntry


def now_utc() -> datetime:
    return datetime.now(UTC)


def row_values(row: Any) -> dict[str, Any]:
    """Column values of an ORM row as JSON-safe values (for audit before/after)."""
    values: dict[str, Any] = {}
    for attr in inspect(row).mapper.column_attrs:
        value = getattr(row, attr.key)
        if isinstance(value, bytes):
            value = f"<{len(value)} bytes>"
        elif value is not None and not isinstance(value, (str, int, float, bool, dict, list)):
            value = str(value)
        values[attr.key] = value
    return values


def stamp_new(row: SyncMixin, actor: Actor, *, office: str, at: datetime | None = None) -> None:
    """Stamp a new travelling row as created here by ``actor``."""
    row.version = 1
    row.updated_at = at or now_utc()
    row.updated_by = actor.username
    row.origin_office = office


def stamp_change(row: SyncMixin, actor: Actor, *, at: datetime | None = None) -> None:
    """Bump the version of a changed travelling row."""
    row.version = (row.version or 0) + 1
    row.updated_at = at or now_utc()
    row.updated_by = actor.username


def audit(
    session: Session,
    actor: Actor,
    *,
    action: str,
    entity: str,
    record_uuid: str | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    summary: str = "",
    at: datetime | None = None,
) -> AuditEntry:
    """Add an audit entry in the caller's transaction (it commits or rolls back with it)."""
    entry = AuditEntry(
        at=at or now_utc(),
        username=actor.username,
        action=action,
        entity=entity,
        record_uuid=record_uuid,
        before=dict(before) if before is not None else None,
        after=dict(after) if after is not None else None,
        summary=summary,
    )
    session.add(entry)
    return entry
