"""Conflicts kept from received packages, and their resolution at the receiver.

Accepting puts the incoming row in place of the stored one (for a ``duplicate``, the stored
row takes the incoming uuid and values, so later packages match it); keeping leaves the stored
row. Either way the decision is audited here, and the next receipt issued for that package
(``sync import`` of the same file again, or the GUI's "terbitkan ulang") carries it back to
the sender, whose ``sync receipt`` records it in its own audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update

from kinerja_desktop.domain.errors import ConflictError, NotFoundError
from kinerja_desktop.services.admin.permissions import require_writer
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.recording import audit
from kinerja_desktop.services.sync.apply import accept_incoming
from kinerja_desktop.services.sync.rows import entity_map
from kinerja_desktop.storage.models import SyncConflict


@dataclass(frozen=True)
class ConflictDTO:
    """One kept conflict, with both sides as travelling JSON objects."""

    id: int
    office: str
    seq: int
    package_sha256: str
    kind: str
    entity: str
    row_uuid: str
    line: int
    natural_key: str
    stored: dict[str, Any] | None
    incoming: dict[str, Any]
    status: str
    resolved_by: str
    resolved_at: datetime | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "office": self.office,
            "seq": self.seq,
            "kind": self.kind,
            "entity": self.entity,
            "uuid": self.row_uuid,
            "row": self.line,
            "natural_key": self.natural_key,
            "status": self.status,
            "stored": self.stored,
            "incoming": self.incoming,
            "resolved_by": self.resolved_by,
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
        }


def _dto(c: SyncConflict) -> ConflictDTO:
    return ConflictDTO(
        id=c.id,
        office=c.partner_code,
        seq=c.seq,
        package_sha256=c.package_sha256,
        kind=c.kind,
        entity=c.entity,
        row_uuid=c.row_uuid,
        line=c.line,
        natural_key=c.natural_key,
        stored=c.stored,
        incoming=c.incoming,
        status=c.status,
        resolved_by=c.resolved_by,
        resolved_at=c.resolved_at,
    )


def list_conflicts(
    db: Database, *, open_only: bool = True, office: str | None = None
) -> list[ConflictDTO]:
    """Conflicts (open ones by default), grouped by kind then office and row."""
    with db.uow() as uow:
        stmt = select(SyncConflict).order_by(
            SyncConflict.kind, SyncConflict.partner_code, SyncConflict.entity, SyncConflict.line
        )
        if open_only:
            stmt = stmt.where(SyncConflict.status == "open")
        if office:
            stmt = stmt.where(SyncConflict.partner_code == office)
        return [_dto(c) for c in uow.session.execute(stmt).scalars()]


def resolve_conflict(db: Database, actor: Actor, conflict_id: int, *, accept: bool) -> ConflictDTO:
    """Accept the incoming row or keep the stored one; audited.

    Raises:
        NotFoundError: ``sync.conflict_unknown``.
        ConflictError: ``sync.conflict_closed`` for a conflict already resolved or rejected.
    """
    require_writer(actor)
    with db.uow() as uow:
        session = uow.session
        conflict = session.get(SyncConflict, conflict_id)
        if conflict is None:
            raise NotFoundError("sync.conflict_unknown", value=conflict_id)
        if conflict.status != "open":
            raise ConflictError("sync.conflict_closed", value=conflict_id, status=conflict.status)
        entity = entity_map()[conflict.entity]
        if accept:
            table = entity.table
            if conflict.kind == "duplicate" and conflict.stored:
                # The stored row takes the incoming identity, so later packages match it.
                session.execute(
                    update(table)
                    .where(table.c.uuid == conflict.stored["uuid"])
                    .values(uuid=conflict.incoming["uuid"])
                )
            accept_incoming(session, entity, conflict.incoming)
        conflict.status = "accepted" if accept else "kept"
        conflict.resolved_by = actor.username
        conflict.resolved_at = datetime.now(UTC)
        audit(
            session,
            actor,
            action="sync_resolve",
            entity=conflict.entity,
            record_uuid=conflict.row_uuid,
            before=conflict.stored,
            after=conflict.incoming if accept else conflict.stored,
            summary=f"{conflict.kind}: {conflict.status} ({conflict.partner_code} "
            f"seq {conflict.seq}, baris {conflict.line})",
        )
        uow.commit()
        return _dto(conflict)
