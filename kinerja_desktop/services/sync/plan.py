"""Deciding, row by row, what applying a package's validated rows would do.

Rows reach the plan checked (:mod:`~kinerja_desktop.services.sync.validate`); the plan refuses
the whole package (a :class:`ValidationError` with the rule code as ``rule``) for a row the
signer may not write (the ownership policy, :mod:`~kinerja_desktop.services.sync.ownership`,
asked about every new, changed or deleted row). Business outcomes are per row: created,
updated, unchanged, a conflict (kept with both sides) or a rejected change to a locked period.

Row matching (DESIGN.md section 7): by uuid; a new uuid whose natural key is already taken is
a ``duplicate`` conflict. A stored row is ``updated`` when the incoming version is newer;
the same version with other values is ``diverged``; an older incoming version is ``older``; a
new or changed definitive assignment whose dates overlap another of the same employee here is
``overlap``; a change to an evaluation approved here (or to its realisations and evidence) is
``evaluation_state``. (A stored row of another office is no longer an ``owner`` conflict: the policy
refuses it.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.services.office_eval.periods import covering_lock, locked_periods
from kinerja_desktop.services.sync.bounded import read_in_chunks
from kinerja_desktop.services.sync.ownership import Ownership
from kinerja_desktop.services.sync.packed import json_columns, unpacker
from kinerja_desktop.services.sync.rows import (
    Entity,
    Row,
    db_decoder,
    encoded_select,
    entities,
    row_encoder,
    same_row,
)
from kinerja_desktop.services.sync.scope import row_period
from kinerja_desktop.services.sync.validate import Checked, natural_key_text, not_allowed
from kinerja_desktop.storage.models import Base, Evaluation, Realisation
from kinerja_desktop.sync.container import Package

CREATED, UPDATED, UNCHANGED, CONFLICT, REJECTED = (
    "created",
    "updated",
    "unchanged",
    "conflict",
    "rejected",
)
# Columns that may differ without the row having changed in substance.
_BOOKKEEPING = ("updated_at", "updated_by")
# Incoming rows decided together, their stored twins read in one go; fewer for a kind with
# JSON columns (an evaluation's snapshot parsed, on both sides, takes kilobytes).
PLAN_CHUNK = 5_000
JSON_PLAN_CHUNK = 1_000


@dataclass(slots=True)  # one per row: a city's package holds hundreds of thousands
class RowDecision:
    entity: Entity
    line: int
    incoming: Row  # its JSON values packed (services/sync/packed.py) unless a conflict
    outcome: str
    kind: str = ""
    stored: Row | None = None  # kept for changes and conflicts, not for unchanged rows
    values: Row | None = None  # DB-API values of the non-reference columns, for rows written

    @property
    def uuid(self) -> str:
        return str(self.incoming["uuid"])


@dataclass
class Plan:
    """What applying a package would do."""

    decisions: dict[str, list[RowDecision]] = field(default_factory=dict)
    tombstones: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def conflicts(self) -> list[RowDecision]:
        found = [
            d for ds in self.decisions.values() for d in ds if d.outcome in (CONFLICT, REJECTED)
        ]
        return sorted(found, key=lambda d: (d.kind, d.entity.name, d.line))

    def tombstone_count(self) -> int:
        return sum(len(v) for v in self.tombstones.values())


def _stored_rows(session: Session, entity: Entity, uuids: list[str]) -> dict[str, Row]:
    """The stored rows the package names by uuid, read in bounded chunks."""
    table = entity.table
    found: dict[str, Row] = {}
    encode = row_encoder(entity)
    for row in read_in_chunks(
        session, uuids, lambda part: encoded_select(entity, table.c.uuid.in_(part))
    ):
        encoded = encode(row)
        found[encoded["uuid"]] = encoded
    return found


def _stored_keys(
    session: Session, entity: Entity, rows: list[tuple[int, Row]]
) -> dict[tuple[Any, ...], str]:
    """natural key (references as uuids) -> uuid of the stored rows of ``entity`` that could
    share a natural key with an incoming row: those whose first key column holds a value the
    package brings (every key column is required, so no other stored row can match)."""
    if not entity.natural_keys:
        return {}
    table = entity.table
    meta = Base.metadata.tables
    keys: dict[tuple[Any, ...], str] = {}
    for names in entity.natural_keys:
        cols = []
        stmt_from: Any = table
        for n, name in enumerate(names):
            if name in entity.foreign:
                target = meta[entity.foreign[name]].alias(f"nk_{name}")
                on = table.c[name] == target.c.id
                # The first column is filtered on (``IN``), so an inner join reads the same
                # rows and lets SQLite start from the referenced uuids; a LEFT JOIN there
                # scanned the whole table (710,000 realisations in a city) per chunk.
                joined = stmt_from.join if n == 0 else stmt_from.outerjoin
                stmt_from = joined(target, on)
                cols.append(target.c.uuid)
            else:
                cols.append(table.c[name])
        first = cols[0]
        stmt = select(table.c.uuid, *cols).select_from(stmt_from)
        wanted = [r.get(names[0]) for _, r in rows]
        wanted = [v for v in wanted if isinstance(v, (str, int)) and not isinstance(v, bool)]

        def part_of(part: list[Any], stmt: Any = stmt, first: Any = first) -> Any:
            return stmt.where(first.in_(part))

        for row in read_in_chunks(session, wanted, part_of):
            keys[(names, *_norm(row[1:]))] = row[0]
    return keys


def _norm(values: Any) -> tuple[Any, ...]:
    return tuple(v.value if hasattr(v, "value") else v for v in values)


def _lock_lookup(
    session: Session, rows: dict[str, list[tuple[int, Row]]], locked: Any
) -> dict[str, dict[str, str]]:
    """Periods of the rows that have none of their own (realisations: their evaluation's),
    needed only to check locks: read for the evaluations and realisations the rows name."""
    lookup: dict[str, dict[str, str]] = {"evaluations": {}, "realisations": {}}
    if locked:
        lookup = _referenced_periods(session, rows)
        for _, r in rows.get("evaluations", []):
            lookup["evaluations"][r["uuid"]] = r.get("period", "")
        for _, r in rows.get("realisations", []):
            evaluation = lookup["evaluations"].get(r.get("evaluation_id"), "")
            lookup["realisations"][r["uuid"]] = evaluation
    return lookup


def _referenced_periods(
    session: Session, rows: dict[str, list[tuple[int, Row]]]
) -> dict[str, dict[str, str]]:
    """uuid -> period of the stored evaluations and realisations the incoming rows refer to."""
    evaluations = Evaluation.__table__
    realisations = Realisation.__table__
    named = [r for rs in rows.values() for _, r in rs]
    by_evaluation = read_in_chunks(
        session,
        (r.get("evaluation_id") for r in named),
        lambda part: select(evaluations.c.uuid, evaluations.c.period).where(
            evaluations.c.uuid.in_(part)
        ),
    )
    by_realisation = read_in_chunks(
        session,
        (r.get("realisation_id") for r in named),
        lambda part: (
            select(realisations.c.uuid, evaluations.c.period)
            .join(evaluations, realisations.c.evaluation_id == evaluations.c.id)
            .where(realisations.c.uuid.in_(part))
        ),
    )
    return {
        "evaluations": {u: p for u, p in by_evaluation},
        "realisations": {u: p for u, p in by_realisation},
    }


@dataclass
class _RowJudge:
    """Decides one incoming row: the ownership policy first (a refusal raises), then the
    match against the stored row, then the receiver's state and its locked periods."""

    package: Package
    policy: Ownership
    locked: Any
    lookup: dict[str, dict[str, str]]
    locks: dict[str, str | None] = field(default_factory=dict)

    def lock_of(self, period: str) -> str | None:
        """The lock covering ``period``, judged once per period (a package holds few)."""
        if period not in self.locks:
            self.locks[period] = covering_lock(self.locked, period)
        return self.locks[period]

    def decide(
        self,
        entity: Entity,
        line: int,
        row: Row,
        before: Row | None,
        keys: dict[tuple[Any, ...], str],
        convert: Callable[[Row], Row],
    ) -> RowDecision:
        policy = self.policy
        same = before is not None and same_row(entity, before, row)
        if not same:
            refusal = policy.check(entity, row, before)
            if refusal is not None:
                raise not_allowed(self.package, entity, line, row, refusal.rule,
                                  natural_key=policy.natural_key(entity, row))  # fmt: skip
        decision = _decide(entity, line, row, before, keys, same=same)
        if decision.outcome in (CREATED, UPDATED):
            # Rules about this database's current state: conflicts, kept and listed.
            state = policy.state_conflict(entity.name, row)
            if entity.name == "assignments" and policy.overlaps(row):
                state = "overlap"
            if state is not None:
                decision.outcome, decision.kind, decision.stored = CONFLICT, state, before
        if (
            decision.outcome in (CREATED, UPDATED, CONFLICT)
            and entity.name != "period_settings"
            and self.locked
            and self.lock_of(row_period(entity, row, self.lookup)) is not None
        ):
            decision.outcome, decision.kind = REJECTED, "locked_period"
        if decision.outcome in (CREATED, UPDATED):  # only rows written need their values
            decision.values = convert(row)  # checked already (validate_rows): no BadValue
        return decision


def _entity_decisions(
    session: Session, checked: Checked, entity: Entity, judge: _RowJudge
) -> tuple[list[RowDecision], int]:
    """The decisions about ``entity``'s rows that change something (created, updated, a
    conflict or a rejection) and the number of unchanged rows (not kept: a city's package is
    mostly rows the receiver holds already)."""
    entity_rows = checked.rows.get(entity.name, [])
    unchanged = 0
    if not entity_rows:
        return [], unchanged
    convert = db_decoder(entity, session.get_bind().dialect)
    unpack = unpacker(entity)
    decisions: list[RowDecision] = []
    # Natural keys seen so far, stored and incoming: a new row's key may be taken by a stored
    # row (read with its own chunk) or by a new row of an earlier chunk.
    keys: dict[tuple[Any, ...], str] = {}
    size = min(PLAN_CHUNK, JSON_PLAN_CHUNK) if json_columns(entity) else PLAN_CHUNK
    for start in range(0, len(entity_rows), size):
        # the stored rows of one chunk at a time: a city holds a twin of most incoming rows
        part = entity_rows[start : start + size]
        stored = _stored_rows(session, entity, [r["uuid"] for _, r in part])
        # only a new row's natural key is looked up (_decide), so only the stored rows that
        # could share the key of one of the chunk's new rows are read
        new = [(line, r) for line, r in part if r["uuid"] not in stored]
        keys.update(_stored_keys(session, entity, new))
        for line, packed in part:
            row = unpack(packed)
            decision = judge.decide(entity, line, row, stored.get(row["uuid"]), keys, convert)
            if decision.outcome == UNCHANGED:
                unchanged += 1
                continue
            if decision.outcome in (CREATED, UPDATED):
                # writing reads its values and references: the unpacked copy is dropped
                decision.incoming = packed
            decisions.append(decision)
    return decisions, unchanged


def _gone(session: Session, entity: Entity, sender: str, incoming: set[str]) -> list[str]:
    """uuids of the sender's live rows of ``entity`` that a full package no longer carries."""
    table = entity.table
    live = session.execute(
        select(table.c.uuid).where(table.c.origin_office == sender, table.c.deleted_at.is_(None))
    ).scalars()
    return [u for u in live if u not in incoming]


def build_plan(
    session: Session,
    package: Package,
    checked: Checked,
    *,
    tombstone: bool,
    policy: Ownership,
) -> Plan:
    """Decide every row of validated rows; refuse rows the signer may not write (the
    ownership policy, asked about every new, changed or deleted row). Reads only."""
    plan = Plan()
    rows = checked.rows
    sender = package.manifest["sender"]["code"]
    # The same rule as every other write (periods_admin.require_unlocked): a locked year
    # covers its semesters, quarters and months.
    locked = locked_periods(session)
    judge = _RowJudge(package, policy, locked, _lock_lookup(session, rows, locked))
    counts = dict.fromkeys((CREATED, UPDATED, UNCHANGED, "conflicts", REJECTED), 0)
    for entity in entities():
        decisions, unchanged = _entity_decisions(session, checked, entity, judge)
        counts[UNCHANGED] += unchanged
        for decision in decisions:
            counts["conflicts" if decision.outcome == CONFLICT else decision.outcome] += 1
        plan.decisions[entity.name] = decisions
        if tombstone and policy.may_tombstone(entity):
            incoming = {r["uuid"] for _, r in rows.get(entity.name, [])}
            gone = _gone(session, entity, sender, incoming)
            if gone:
                plan.tombstones[entity.name] = gone
    plan.counts = {
        "created": counts[CREATED],
        "updated": counts[UPDATED] + plan.tombstone_count(),
        "unchanged": counts[UNCHANGED],
        "conflicts": counts["conflicts"],
        "rejected": counts[REJECTED],
    }
    return plan


def _decide(
    entity: Entity,
    line: int,
    row: Row,
    stored: Row | None,
    keys: dict[tuple[Any, ...], str],
    *,
    same: bool,
) -> RowDecision:
    if stored is None:
        for names in entity.natural_keys:
            key = (names, *[row.get(n) for n in names])
            other = keys.get(key)
            if other is not None and other != row["uuid"]:
                return RowDecision(entity, line, row, CONFLICT, "duplicate", {"uuid": other})
            keys[key] = row["uuid"]
        return RowDecision(entity, line, row, CREATED)
    if same:
        return RowDecision(entity, line, row, UNCHANGED)
    if row["version"] > (stored.get("version") or 0):
        return RowDecision(entity, line, row, UPDATED, stored=stored)
    kind = "diverged" if row["version"] == stored.get("version") else "older"
    return RowDecision(entity, line, row, CONFLICT, kind, stored)


def conflict_items(plan: Plan) -> list[dict[str, Any]]:
    """The conflicts and rejections, grouped by kind, for summaries and receipts."""
    return [
        {
            "kind": d.kind,
            "entity": d.entity.name,
            "uuid": d.uuid,
            "row": d.line,
            "member": d.entity.member,
            "natural_key": natural_key_text(d.entity, d.incoming),
            "stored": d.stored,
            "incoming": d.incoming,
        }
        for d in plan.conflicts()
    ]


def group_by_kind(items: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        grouped[item["kind"]].append(item)
    return dict(grouped)
