"""Reading the audit trail (append-only: nothing in the app edits or deletes it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.services.actor import Actor
from kinerja_desktop.services.database import Database
from kinerja_desktop.services.permissions import require
from kinerja_desktop.storage.models import AuditEntry

DEFAULT_LIMIT = 5000


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    entity: str
    record_uuid: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    summary: str


def list_audit(
    db: Database,
    actor: Actor,
    *,
    username: str | None = None,
    record_uuid: str | None = None,
    entity: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[AuditRow]:
    """Audit entries, newest first, filtered; only Admin and Pimpinan may read them.

    ``date_to`` is inclusive (the whole day).
    """
    require(actor, Role.ADMIN, Role.PIMPINAN)
    stmt = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if username:
        stmt = stmt.where(AuditEntry.username.contains(username))
    if record_uuid:
        stmt = stmt.where(AuditEntry.record_uuid == record_uuid)
    if entity:
        stmt = stmt.where(AuditEntry.entity == entity)
    if date_from:
        stmt = stmt.where(AuditEntry.at >= datetime.combine(date_from, time.min, UTC))
    if date_to:
        stmt = stmt.where(
            AuditEntry.at < datetime.combine(date_to + timedelta(days=1), time.min, UTC)
        )
    with db.uow() as uow:
        return [
            AuditRow(
                id=e.id,
                at=e.at.replace(tzinfo=UTC) if e.at.tzinfo is None else e.at,
                username=e.username,
                action=e.action,
                entity=e.entity,
                record_uuid=e.record_uuid,
                before=e.before,
                after=e.after,
                summary=e.summary,
            )
            for e in uow.session.execute(stmt).scalars()
        ]


def audit_entities(db: Database) -> list[str]:
    """The kinds of record that appear in the trail, for the filter box."""
    with db.uow() as uow:
        return sorted(uow.session.execute(select(AuditEntry.entity).distinct()).scalars())
