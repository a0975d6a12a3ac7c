"""Writing a decided plan in one transaction with Core statements (DESIGN.md section 8).

Parents go before children; a table that references itself (offices, RHK) is written with the
self-reference empty first and filled in once every row of the table has an id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from kinerja_desktop.services.sync.bounded import chunks, read_in_chunks
from kinerja_desktop.services.sync.plan import CREATED, UPDATED, Plan, RowDecision
from kinerja_desktop.services.sync.rows import Entity, Row, entities, row_decoder
from kinerja_desktop.storage.models import Base
from kinerja_desktop.storage.statements import insert_prepared, update_prepared

# Rows per ``executemany``: the parameters of one chunk are built, sent and dropped.
CHUNK = 5_000


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
    database's ids here, a bounded chunk of rows at a time."""
    fks = [(c, t) for c, t in entity.foreign.items() if c not in self_refs]
    table = entity.table
    groups: dict[tuple[str, ...], list[RowDecision]] = {}
    for d in created:
        groups.setdefault(tuple(d.values or ()), []).append(d)
    for columns, decisions in groups.items():
        names = (*columns, *(c for c, _ in fks), *self_refs)
        _execute_many(session, insert_prepared(table, names), names,
                      _created_params(decisions, columns, fks, self_refs, ids))  # fmt: skip
    # a reference the row leaves out stays as stored (a package of an older schema)
    changes: dict[tuple[tuple[str, ...], tuple[str, ...]], list[RowDecision]] = {}
    for d in updated:
        columns = tuple(c for c in d.values or () if c != "uuid")
        refs = tuple(c for c, _ in fks if c in d.incoming)
        changes.setdefault((columns, refs), []).append(d)
    for (columns, refs), decisions in changes.items():
        targets = [(c, t) for c, t in fks if c in refs]
        _execute_many(session, update_prepared(table, (*columns, *refs)),
                      (*columns, *refs, "where_uuid"),
                      _updated_params(decisions, columns, targets, ids))  # fmt: skip


def _created_params(
    decisions: list[RowDecision],
    columns: tuple[str, ...],
    fks: list[tuple[str, str]],
    self_refs: list[str],
    ids: Any,
) -> Iterator[tuple[Any, ...]]:
    maps = [(c, ids(t)) for c, t in fks]
    empty = (None,) * len(self_refs)  # filled once every row of the table has an id
    for d in decisions:
        values, incoming = d.values or {}, d.incoming
        refs = tuple(None if (r := incoming.get(c)) is None else m[r] for c, m in maps)
        yield (*(values[c] for c in columns), *refs, *empty)


def _updated_params(
    decisions: list[RowDecision],
    columns: tuple[str, ...],
    fks: list[tuple[str, str]],
    ids: Any,
) -> Iterator[tuple[Any, ...]]:
    maps = [(c, ids(t)) for c, t in fks]
    for d in decisions:
        values, incoming = d.values or {}, d.incoming
        refs = tuple(None if (r := incoming[c]) is None else m[r] for c, m in maps)
        yield (*(values[c] for c in columns), *refs, d.uuid)


def _execute_many(
    session: Session, statement: Any, names: tuple[str, ...], rows: Iterable[tuple[Any, ...]]
) -> None:
    """``executemany`` of ``statement`` (parameters ``p_<name>``) over ``rows`` (values in
    ``names``' order), :data:`CHUNK` rows at a time, so the parameters of a whole table are
    never built at once.

    On SQLite the statement, compiled once by SQLAlchemy, goes to the driver with plain
    tuples: SQLAlchemy's per-row parameter processing cost as much as SQLite's insert itself,
    for values already converted (``AsPrepared``). Not when the statement binds more than
    ``names`` (a package of an older schema leaves out a column with a default, which only
    SQLAlchemy's own execution fills in), nor on an engine with named parameters."""
    connection = session.connection()
    compiled = statement.compile(dialect=connection.dialect)
    where = {f"p_{n}": i for i, n in enumerate(names)}
    if compiled.positional and all(p in where for p in compiled.positiontup):
        order = [where[p] for p in compiled.positiontup]
        same = order == list(range(len(names)))
        for part in chunks(rows, CHUNK):
            params = part if same else [tuple(row[i] for i in order) for row in part]
            connection.exec_driver_sql(compiled.string, params)
        return
    for part in chunks(rows, CHUNK):
        session.execute(statement, [dict(zip(where, row, strict=True)) for row in part])


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
