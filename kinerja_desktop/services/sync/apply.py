"""Writing a decided plan in one transaction with Core statements (DESIGN.md section 8).

Parents go before children; a table that references itself (offices, RHK) is written with the
self-reference empty first and filled in once every row of the table has an id.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from kinerja_desktop.services.sync.plan import CREATED, UPDATED, Plan, RowDecision
from kinerja_desktop.services.sync.rows import Entity, Row, entities, row_decoder
from kinerja_desktop.storage.models import Base


def _id_map(session: Session, table: str) -> dict[str, int]:
    t = Base.metadata.tables[table]
    return dict(session.execute(select(t.c.uuid, t.c.id)).all())


def apply_plan(session: Session, plan: Plan, *, actor_name: str, now: datetime) -> list[str]:
    """Write created and updated rows and tombstones; return the changed uuids."""
    changed: list[str] = []
    id_maps: dict[str, dict[str, int]] = {}

    def ids(table: str) -> dict[str, int]:
        if table not in id_maps:
            id_maps[table] = _id_map(session, table)
        return id_maps[table]

    for entity in entities():
        decisions = plan.decisions.get(entity.name, [])
        created = [d for d in decisions if d.outcome == CREATED]
        updated = [d for d in decisions if d.outcome == UPDATED]
        if created or updated:
            self_refs = [c for c, t in entity.foreign.items() if t == entity.name]
            _write(session, entity, created, updated, ids, self_refs)
            id_maps.pop(entity.name, None)
            if self_refs:
                _fill_self_refs(session, entity, created + updated, ids(entity.name), self_refs)
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
    """Raw ``executemany`` of the prepared DB-API values (DESIGN.md section 8: sync uses bulk
    inserts); references are translated to this database's ids here."""
    fks = [(c, t) for c, t in entity.foreign.items() if c not in self_refs]
    connection = session.connection()
    name = entity.table.name
    if created:
        groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        for d in created:
            values = dict(d.values or {})
            for column, target in fks:
                ref = d.incoming.get(column)
                values[column] = None if ref is None else ids(target)[ref]
            for column in self_refs:
                values[column] = None
            columns = tuple(values)
            groups.setdefault(columns, []).append(tuple(values.values()))
        for columns, params in groups.items():
            sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
                name, ", ".join(f'"{c}"' for c in columns), ", ".join("?" * len(columns))
            )
            connection.exec_driver_sql(sql, params)
    if updated:
        groups = {}
        for d in updated:
            values = dict(d.values or {})
            values.pop("uuid", None)
            for column, target in fks:
                if column in d.incoming:
                    ref = d.incoming[column]
                    values[column] = None if ref is None else ids(target)[ref]
            columns = tuple(values)
            groups.setdefault(columns, []).append((*values.values(), d.uuid))
        for columns, params in groups.items():
            sql = 'UPDATE "{}" SET {} WHERE uuid = ?'.format(
                name, ", ".join(f'"{c}" = ?' for c in columns)
            )
            connection.exec_driver_sql(sql, params)


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
    ids: dict[str, dict[str, int]] = {}

    def lookup(table: str) -> dict[str, int]:
        if table not in ids:
            ids[table] = _id_map(session, table)
        return ids[table]

    values = row_decoder(entity)(incoming)
    for column, target in entity.foreign.items():
        if column in incoming:
            ref = incoming[column]
            values[column] = None if ref is None else lookup(target).get(ref)
    table = entity.table
    exists = session.execute(select(table.c.id).where(table.c.uuid == incoming["uuid"])).scalar()
    if exists is None:
        session.execute(insert(table).values(**values))
    else:
        values.pop("uuid", None)
        session.execute(update(table).where(table.c.id == exists).values(**values))


def now_utc() -> datetime:
    return datetime.now(UTC)
