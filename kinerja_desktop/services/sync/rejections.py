"""Rows a partner sent that stand rejected here because their period is locked (issue 16).

A rejected row is not written, so the totals this database holds of the sender differ from the
totals the sender declared: a new row in a locked period is missing here, a deletion in one is
still live. The receipt counts each standing rejection under ``totals.rejected`` (per entity and
period, the difference applying the row would have made), and both ends compare the declared
totals with ``found`` plus ``rejected``. A rejection stops standing once a later package brought
the row at its version or a newer one.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.services.sync.bounded import read_in_chunks
from kinerja_desktop.services.sync.rows import Row, entity_map
from kinerja_desktop.services.sync.scope import row_period
from kinerja_desktop.storage.models import Evaluation, Realisation, SyncConflict

LOCKED = "locked_period"


def rejected_totals(session: Session, sender: str) -> dict[str, dict[str, int]]:
    """Per entity and period: how many more (or fewer) live rows of ``sender`` this database
    would hold had its standing locked-period rejections been applied; zeros left out."""
    standing: dict[str, tuple[str, Row, Row | None]] = {}
    for conflict in session.execute(
        select(SyncConflict)
        .where(
            SyncConflict.partner_code == sender,
            SyncConflict.kind == LOCKED,
            SyncConflict.status == "rejected",
        )
        .order_by(SyncConflict.id)
    ).scalars():
        standing[conflict.row_uuid] = (conflict.entity, conflict.incoming, conflict.stored)
    if not standing:
        return {}
    _drop_superseded(session, standing)
    lookup = _periods(session, [(name, incoming) for name, incoming, _ in standing.values()])
    entities = entity_map()
    delta: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for name, incoming, stored in standing.values():
        entity = entities.get(name)
        if entity is None:
            continue
        if incoming.get("deleted_at") is None:
            delta[name][row_period(entity, incoming, lookup)] += 1
        if _held_live(stored, incoming):
            assert stored is not None
            delta[name][row_period(entity, stored, lookup)] -= 1
    return {
        name: dict(sorted((p, n) for p, n in periods.items() if n))
        for name, periods in sorted(delta.items())
        if any(periods.values())
    }


def with_rejected(
    found: dict[str, dict[str, int]], rejected: dict[str, dict[str, int]]
) -> dict[str, dict[str, int]]:
    """``found`` plus the standing rejections: what the sender's declared totals should equal."""
    total: dict[str, dict[str, int]] = {name: dict(periods) for name, periods in found.items()}
    for name, periods in (rejected or {}).items():
        if not isinstance(periods, dict):
            continue
        for period, n in periods.items():
            if type(n) is not int:
                continue
            total.setdefault(name, {})
            total[name][period] = total[name].get(period, 0) + int(n)
    return total


def _held_live(stored: Row | None, incoming: Row) -> bool:
    """Whether the stored side is the same row, held here live (counted in ``found``)."""
    return (
        stored is not None
        and stored.get("uuid") == incoming.get("uuid")
        and "version" in stored
        and stored.get("deleted_at") is None
    )


def _drop_superseded(session: Session, standing: dict[str, tuple[str, Row, Row | None]]) -> None:
    """Forget rejections whose row arrived since at the rejected version or a newer one."""
    by_entity: dict[str, list[str]] = defaultdict(list)
    for uuid, (name, _, _) in standing.items():
        by_entity[name].append(uuid)
    entities = entity_map()
    for name, uuids in by_entity.items():
        entity = entities.get(name)
        if entity is None:
            continue
        table = entity.table
        for uuid, version in read_in_chunks(
            session,
            uuids,
            lambda part, t=table: select(t.c.uuid, t.c.version).where(t.c.uuid.in_(part)),
        ):
            if version >= (standing[uuid][1].get("version") or 0):
                del standing[uuid]


def _periods(session: Session, named: list[tuple[str, Row]]) -> dict[str, dict[str, str]]:
    """uuid -> period of the evaluations and realisations the rejected rows name, stored here
    or rejected with them."""
    evaluations, realisations = Evaluation.__table__, Realisation.__table__
    rows = [row for _, row in named]
    lookup: dict[str, dict[str, str]] = {"evaluations": {}, "realisations": {}}
    for uuid, period in read_in_chunks(
        session,
        (r.get("evaluation_id") for r in rows),
        lambda part: select(evaluations.c.uuid, evaluations.c.period).where(
            evaluations.c.uuid.in_(part)
        ),
    ):
        lookup["evaluations"][uuid] = period
    for name, row in named:
        if name == "evaluations":
            lookup["evaluations"].setdefault(row["uuid"], row.get("period") or "")
    for uuid, period in read_in_chunks(
        session,
        (r.get("realisation_id") for r in rows),
        lambda part: (
            select(realisations.c.uuid, evaluations.c.period)
            .join(evaluations, realisations.c.evaluation_id == evaluations.c.id)
            .where(realisations.c.uuid.in_(part))
        ),
    ):
        lookup["realisations"][uuid] = period
    for name, row in named:
        if name == "realisations":
            period = lookup["evaluations"].get(row["evaluation_id"], "")
            lookup["realisations"].setdefault(row["uuid"], period)
    return lookup


def totals_block(
    expected: dict[str, Any], found: dict[str, Any], rejected: dict[str, Any]
) -> dict[str, Any]:
    """The receipt's ``totals``: declared, found, standing rejections, and whether they agree."""
    from kinerja_desktop.services.sync.scope import totals_differences

    differences = totals_differences(expected, with_rejected(found, rejected))
    return {
        "expected": expected,
        "found": found,
        "rejected": rejected,
        "agree": not differences,
        "differences": differences,
    }
