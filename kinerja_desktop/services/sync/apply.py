"""Writing a decided plan in one transaction with Core statements (DESIGN.md section 8).

Parents go before children; a table that references itself (offices, RHK) is written with the
self-reference empty first and filled in once every row of the table has an id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from kinerja_desktop.services.sync.bounded import read_in_chunks
from kinerja_desktop.services.sync.plan import CREATED, UPDATED, Plan, RowDecision
from kinerja_desktop.services.sync.rows import Entity, Row, entities, row_decoder
from kinerja_desktop.storage.models import Base
from kinerja_desktop.storage.statements import insert_prepared, prepared_params, update_prepared


class IdLookup:
    """uuid -> id of the stored rows a plan refers to, read as they are asked for (bounded
    reads), never every row of a table."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.maps: dict[str, dict[str, int]] = defaultdict(dict)

    def load(self, table: str, uuids: Iterable[Any]) -> dict[str, int]:
        known = self.maps[table]
        t = Base.metadata.tables[table]
        missing = [u for u in uuids if isinstance(u, str) and u not in known]
        for uuid, id_ in read_in_chunks(
            self.session, missing, lambda part: select(t.c.uuid, t.c.id).where(t.c.uuid.in_(part))
        ):
            known[uuid] = id_
        return known

    def __call__(self, table: str) -> dict[str, int]:
        return self.maps[table]


def apply_plan(session: Session, plan: Plan, *, actor_name: str, now: datetime) -> list[str]:
    """Write created and updated rows and tombstones; return the changed uuids."""
    changed: list[str] = []
    ids = IdLookup(session)
    for entity in entities():
        decisions = plan.decisions.get(entity.name, [])
        created = [d for d in decisions if d.outcome == CREATED]
        updated = [d for d in decisions if d.outcome == UPDATED]
        if created or updated:
            self_refs = [c for c, t in entity.foreign.items() if t == entity.name]
            for column, target in entity.foreign.items():
                if column not in self_refs:
                    ids.load(target, (d.incoming.get(column) for d in created + updated))
            _write(session, entity, created, updated, ids, self_refs)
            if self_refs:
                refs = [d.incoming.get(c) for d in created + updated for c in self_refs]
                own = ids.load(entity.name, refs)
                _fill_self_refs(session, entity, created + updated, own, self_refs)
            changed += [d.uuid for d in created + updated]
        gone = plan.tombstones.get(entity.name)
        if gone:
            table = entity.table
            session.execute(
                update(table)
                .where(table.c.uuid == bindparam("u"))
                .values(
                    deleted_at=now,
                    version=table.c.version + 1,
                    updated_at=now,
                    updated_by=actor_name,
                ),
                [{"u": u} for u in gone],
            )
            changed += gone
    return changed


def _write(
    session: Session,
    entity: Entity,
    created: list[RowDecision],
    updated: list[RowDecision],
    ids: Any,
    self_refs: list[str],
) -> None:
    """Bulk ``executemany`` of the prepared DB-API values with Core statements, one per set of
    columns (DESIGN.md section 8: sync uses bulk inserts); references are translated to this
    database's ids here."""
    fks = [(c, t) for c, t in entity.foreign.items() if c not in self_refs]
    table = entity.table
    if created:
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for d in created:
            values = dict(d.values or {})
            for column, target in fks:
                ref = d.incoming.get(column)
                values[column] = None if ref is None else ids(target)[ref]
            for column in self_refs:
                values[column] = None
            groups.setdefault(tuple(values), []).append(prepared_params(values))
        for columns, params in groups.items():
            session.execute(insert_prepared(table, columns), params)
    if updated:
        groups = {}
        for d in updated:
            values = dict(d.values or {})
            values.pop("uuid", None)
            for column, target in fks:
                if column in d.incoming:
                    ref = d.incoming[column]
                    values[column] = None if ref is None else ids(target)[ref]
            params = prepared_params(values) | {"p_where_uuid": d.uuid}
            groups.setdefault(tuple(values), []).append(params)
        for columns, params in groups.items():
            session.execute(update_prepared(table, columns), params)


def _fill_self_refs(
    session: Session,
    entity: Entity,
    decisions: list[RowDecision],
    own_ids: dict[str, int],
    self_refs: list[str],
) -> None:
    table = entity.table
    for column in self_refs:
        params = [
            {"u": d.uuid, "v": own_ids[d.incoming[column]]}
            for d in decisions
            if d.incoming.get(column) is not None
        ]
        if params:
            session.execute(
                update(table)
                .where(table.c.uuid == bindparam("u"))
                .values({column: bindparam("v")}),
                params,
            )


def accept_incoming(session: Session, entity: Entity, incoming: Row) -> None:
    """Replace a stored row by the incoming side of a conflict (conflict resolution)."""
    ids = IdLookup(session)
    for column, target in entity.foreign.items():
        ids.load(target, [incoming.get(column)])
    values = row_decoder(entity)(incoming)
    for column, target in entity.foreign.items():
        if column in incoming:
            ref = incoming[column]
            values[column] = None if ref is None else ids(target).get(ref)
    table = entity.table
    exists = session.execute(select(table.c.id).where(table.c.uuid == incoming["uuid"])).scalar()
    if exists is None:
        session.execute(insert(table).values(**values))
    else:
        values.pop("uuid", None)
        session.execute(update(table).where(table.c.id == exists).values(**values))


def now_utc() -> datetime:
    return datetime.now(UTC)
