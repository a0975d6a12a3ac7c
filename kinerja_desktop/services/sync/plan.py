"""Reading a verified package's rows and deciding, row by row, what applying it would do.

Structural problems refuse the whole package (a :class:`ValidationError` naming the package,
the member, the row number, the reason and, as ``rule``, the rule code a signed refusal note
repeats): a row the signer may not write (the ownership policy,
:mod:`~kinerja_desktop.services.sync.ownership`, asked about every new, changed or deleted
row), an unknown column or entity, a value that does not fit (NaN, Infinity, an integer past
64 bits, a string that is no date, JSON nested deeper than its column allows), evidence that
would not pass as a file added by hand, an invalid NIP, a reference to a record neither
database holds. Business outcomes are per row: created, updated, unchanged, a conflict (kept
with both sides) or a rejected change to a locked period.

Row matching (DESIGN.md section 7): by uuid; a new uuid whose natural key is already taken is
a ``duplicate`` conflict. A stored row is ``updated`` when the incoming version is newer;
the same version with other values is ``diverged``; an older incoming version is ``older``; a
new or changed definitive assignment whose dates overlap another of the same employee here is
``overlap``; a change to an evaluation approved here (or to its realisations and evidence) is
``evaluation_state``. (A stored row of another office is no longer an ``owner`` conflict: the policy
refuses it.)
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EmploymentType, Gender
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.nip import validate_nip
from kinerja_desktop.services.office_eval.periods import covering_lock, locked_periods
from kinerja_desktop.services.sync.ownership import Ownership
from kinerja_desktop.services.sync.rows import (
    INT_MAX,
    INT_MIN,
    BadValue,
    Entity,
    Row,
    db_decoder,
    encode_rows,
    entities,
    row_decoder,
)
from kinerja_desktop.services.sync.scope import period_lookup, row_period
from kinerja_desktop.storage.models import Base
from kinerja_desktop.sync.container import Package

CREATED, UPDATED, UNCHANGED, CONFLICT, REJECTED = (
    "created",
    "updated",
    "unchanged",
    "conflict",
    "rejected",
)
CHUNK = 20_000
# Columns that may differ without the row having changed in substance.
_BOOKKEEPING = ("updated_at", "updated_by")


@dataclass
class RowDecision:
    entity: Entity
    line: int
    incoming: Row
    outcome: str
    kind: str = ""
    stored: Row | None = None
    values: Row | None = None  # DB-API values of the non-reference columns

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


def _refuse(package: Package, code: str, **params: Any) -> ValidationError:
    return ValidationError(
        code,
        file=package.name,
        package=package.name,
        office=package.manifest["sender"]["code"],
        seq=package.manifest["seq"],
        **params,
    )


def _not_allowed(
    package: Package, entity: Entity, line: int, row: Row, rule: str, *, natural_key: str = ""
) -> Exception:
    """The refusal of a row the signer may not write (issue 13, class (a))."""
    params = {
        "member": entity.member,
        "line": line,
        "entity": entity.name,
        "uuid": row.get("uuid"),
        "natural_key": natural_key or natural_key_text(entity, row),
        "origin": row.get("origin_office"),
        "rule": rule,
    }
    code = "sync.foreign_row" if rule == "origin" else "sync.not_allowed"
    return _refuse(package, code, **params)


def natural_key_text(entity: Entity, row: Row) -> str:
    if not entity.natural_keys:
        return ""
    return " / ".join(str(row.get(c, "")) for c in entity.natural_keys[0])


def _no_constant(name: str) -> Any:
    raise ValueError(name)  # NaN, Infinity, -Infinity are not JSON numbers


_LOADS = json.JSONDecoder(parse_constant=_no_constant).decode


def _json_lines(package: Package, name: str, data: bytes) -> list[tuple[int, Any]]:
    """``(line number, value)`` of every non-empty line; one parser call for the whole member
    (about twice as fast as one per line), falling back to line by line to name a bad line."""
    try:
        lines = data.decode("utf-8").split("\n")
    except UnicodeDecodeError as exc:
        raise _refuse(package, "sync.bad_row", member=name, line=0, rule="value") from exc
    numbered = [(n, text) for n, text in enumerate(lines, start=1) if text.strip()]
    try:
        values = _LOADS("[" + ",".join(text for _, text in numbered) + "]")
        if len(values) == len(numbered):
            return [(n, v) for (n, _), v in zip(numbered, values, strict=True)]
    except (ValueError, RecursionError):
        pass
    result = []
    for n, text in numbered:
        try:
            result.append((n, _LOADS(text)))
        except (ValueError, RecursionError) as exc:
            raise _refuse(package, "sync.bad_row", member=name, line=n, rule="value") from exc
    last = numbered[-1][0] if numbered else 0
    raise _refuse(package, "sync.bad_row", member=name, line=last, rule="value")


def parse_rows(package: Package) -> dict[str, list[tuple[int, Row]]]:
    """Rows per entity with their line numbers; refuses unknown entities, other members and
    bad lines. Whose rows they may be is the ownership policy's question (build_plan)."""
    known = {e.member: e for e in entities()}
    columns = {e.name: set(e.columns) for e in known.values()}
    result: dict[str, list[tuple[int, Row]]] = {}
    for name, data in package.members.items():
        if name == "settings.json" or name.startswith("evidence/"):
            continue
        entity = known.get(name)
        if entity is None:
            raise _refuse(package, "sync.unknown_entity", member=name, rule="entity")
        rows = []
        allowed = columns[entity.name]
        seen: set[str] = set()
        for line, row in _json_lines(package, name, data):
            if (
                type(row) is not dict
                or type(row.get("uuid")) is not str
                or type(row.get("version")) is not int
                or type(row.get("origin_office")) is not str
                or not INT_MIN <= row["version"] <= INT_MAX
            ):
                raise _refuse(package, "sync.bad_row", member=name, line=line, rule="value")
            if not row.keys() <= allowed:
                extra = set(row) - allowed
                raise _refuse(package, "sync.unknown_column", member=name, line=line,
                              column=sorted(extra)[0], rule="value")  # fmt: skip
            if row["uuid"] in seen:  # one row, one line: a second version would hide the first
                raise _refuse(package, "sync.bad_row", member=name, line=line, rule="value",
                              uuid=row["uuid"], entity=entity.name)  # fmt: skip
            seen.add(row["uuid"])
            rows.append((line, row))
        result[entity.name] = rows
    return result


def _check_values(
    package: Package, entity: Entity, rows: list[tuple[int, Row]], dialect: Any
) -> list[Row]:
    """DB-API values of every row (refusing values that do not fit, and invalid NIPs)."""
    decode = row_decoder(entity) if entity.name == "employees" else None
    convert = db_decoder(entity, dialect)
    converted = []
    for line, row in rows:
        try:
            converted.append(convert(row))
            if decode is None:
                continue
            values = decode(row)
        except BadValue as exc:
            raise _refuse(
                package,
                "sync.bad_value",
                member=entity.member,
                line=line,
                column=str(exc.args[0]),
                entity=entity.name,
                uuid=row.get("uuid"),
                natural_key=natural_key_text(entity, row),
                rule="value",
            ) from exc
        if entity.name == "employees" and values.get("deleted_at") is None:
            try:
                validate_nip(
                    str(values.get("nip") or ""),
                    values.get("employment_type") or EmploymentType.PNS,
                    gender=values.get("gender")
                    if isinstance(values.get("gender"), Gender)
                    else None,
                )
            except ValidationError as exc:
                raise _refuse(
                    package,
                    "sync.bad_nip",
                    member=entity.member,
                    line=line,
                    nip=row.get("nip"),
                    reason=exc.code,
                    entity=entity.name,
                    uuid=row.get("uuid"),
                    rule="value",
                ) from exc
    return converted


def _stored_rows(
    session: Session, entity: Entity, uuids: list[str], known: set[str]
) -> dict[str, Row]:
    table = entity.table
    found: dict[str, Row] = {}
    uuids = [u for u in uuids if u in known]
    if not uuids:
        return found
    for start in range(0, len(uuids), CHUNK):
        part = uuids[start : start + CHUNK]
        for row in encode_rows(session, entity, table.c.uuid.in_(part)):
            found[row["uuid"]] = row
    return found


def _stored_keys(session: Session, entity: Entity) -> dict[tuple[Any, ...], str]:
    """natural key (references as uuids) -> uuid of every stored row of ``entity``."""
    if not entity.natural_keys:
        return {}
    table = entity.table
    meta = Base.metadata.tables
    keys: dict[tuple[Any, ...], str] = {}
    for names in entity.natural_keys:
        cols = []
        stmt_from: Any = table
        for name in names:
            if name in entity.foreign:
                target = meta[entity.foreign[name]].alias(f"nk_{name}")
                stmt_from = stmt_from.outerjoin(target, table.c[name] == target.c.id)
                cols.append(target.c.uuid)
            else:
                cols.append(table.c[name])
        stmt = select(table.c.uuid, *cols).select_from(stmt_from)
        for row in session.execute(stmt):
            keys[(names, *_norm(row[1:]))] = row[0]
    return keys


def _norm(values: Any) -> tuple[Any, ...]:
    return tuple(v.value if hasattr(v, "value") else v for v in values)


def _same(stored: Row, incoming: Row) -> bool:
    return all(stored.get(k) == v for k, v in incoming.items())


@dataclass
class Checked:
    """Rows whose values and references passed (:func:`validate_rows`), with their DB-API
    values; only such rows reach the ownership policy and the plan."""

    rows: dict[str, list[tuple[int, Row]]]
    values: dict[str, list[Row]]
    known: dict[str, set[str]]


def validate_rows(
    session: Session, package: Package, rows: dict[str, list[tuple[int, Row]]]
) -> Checked:
    """Refuse any value that does not fit its column and any reference to a record neither
    the package nor this database holds. Reads only."""
    by_name = {e.name: e for e in entities()}
    incoming_uuids = {name: {r["uuid"] for _, r in rs} for name, rs in rows.items()}
    known: dict[str, set[str]] = {}

    def stored_uuids(table: str) -> set[str]:
        if table not in known:
            t = by_name[table].table
            known[table] = set(session.execute(select(t.c.uuid)).scalars())
        return known[table]

    dialect = session.get_bind().dialect
    values: dict[str, list[Row]] = {}
    for entity in by_name.values():
        entity_rows = rows.get(entity.name, [])
        values[entity.name] = _check_values(package, entity, entity_rows, dialect)
        for column, target in entity.foreign.items():
            pool = incoming_uuids.get(target, set())
            for line, row in entity_rows:
                ref = row.get(column)
                if ref is None:
                    continue
                if not isinstance(ref, str) or (
                    ref not in pool and ref not in stored_uuids(target)
                ):
                    raise _refuse(
                        package,
                        "sync.unknown_reference",
                        member=entity.member,
                        line=line,
                        column=column,
                        ref=str(ref),
                        entity=entity.name,
                        uuid=row.get("uuid"),
                        rule="reference",
                    )
        if entity_rows:
            stored_uuids(entity.name)
    return Checked(rows, values, known)


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
    ents = entities()
    incoming_uuids = {name: {r["uuid"] for _, r in rs} for name, rs in rows.items()}
    # The same rule as every other write (periods_admin.require_unlocked): a locked year
    # covers its semesters, quarters and months.
    locked = locked_periods(session)
    lookup: dict[str, dict[str, str]] = {"evaluations": {}, "realisations": {}}
    if locked:  # periods of rows without their own are needed only to check locks
        lookup = period_lookup(session)
        for _, r in rows.get("evaluations", []):
            lookup["evaluations"][r["uuid"]] = r.get("period", "")
        for _, r in rows.get("realisations", []):
            evaluation = lookup["evaluations"].get(r.get("evaluation_id"), "")
            lookup["realisations"][r["uuid"]] = evaluation
    counts = dict.fromkeys((CREATED, UPDATED, UNCHANGED, "conflicts", REJECTED), 0)
    for entity in ents:
        entity_rows = rows.get(entity.name, [])
        converted = checked.values.get(entity.name, [])
        stored = (
            _stored_rows(
                session, entity, [r["uuid"] for _, r in entity_rows], checked.known[entity.name]
            )
            if entity_rows
            else {}
        )
        keys = _stored_keys(session, entity) if entity_rows else {}
        decisions = []
        for (line, row), values in zip(entity_rows, converted, strict=True):
            before = stored.get(row["uuid"])
            if before is None or not _same(before, row):
                refusal = policy.check(entity, row, before)
                if refusal is not None:
                    raise _not_allowed(package, entity, line, row, refusal.rule,
                                       natural_key=policy.natural_key(entity, row))  # fmt: skip
            decision = _decide(entity, line, row, before, keys)
            decision.values = values
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
                and locked
                and covering_lock(locked, row_period(entity, row, lookup)) is not None
            ):
                decision.outcome, decision.kind = REJECTED, "locked_period"
            decisions.append(decision)
            if decision.outcome == CONFLICT:
                counts["conflicts"] += 1
            else:
                counts[decision.outcome] += 1
        plan.decisions[entity.name] = decisions
        if tombstone and policy.may_tombstone(entity):
            table = entity.table
            live = session.execute(
                select(table.c.uuid).where(
                    table.c.origin_office == sender, table.c.deleted_at.is_(None)
                )
            ).scalars()
            gone = [u for u in live if u not in incoming_uuids.get(entity.name, set())]
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
) -> RowDecision:
    if stored is None:
        for names in entity.natural_keys:
            key = (names, *[row.get(n) for n in names])
            other = keys.get(key)
            if other is not None and other != row["uuid"]:
                return RowDecision(entity, line, row, CONFLICT, "duplicate", {"uuid": other})
            keys[key] = row["uuid"]
        return RowDecision(entity, line, row, CREATED)
    if _same(stored, row):
        return RowDecision(entity, line, row, UNCHANGED, stored=stored)
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


_HEX = frozenset("0123456789abcdef")


def check_evidence(package: Package, rows: dict[str, list[tuple[int, Row]]]) -> None:
    """Evidence rows and files pass the checks of a file added by hand (services/evidence.py):
    a PDF, JPEG or PNG by type and leading bytes, not empty, at most ``MAX_BYTES``."""
    from kinerja_desktop.services.evaluation.evidence import ALLOWED, MAX_BYTES

    magic = {media: heads for media, heads in ALLOWED.values()}
    entity = next(e for e in entities() if e.name == "evidence")
    for line, row in rows.get("evidence", []):
        media, size, sha = row.get("media_type"), row.get("size"), row.get("sha256")
        ok = (
            media in magic
            and type(size) is int
            and 0 < size <= MAX_BYTES
            and isinstance(sha, str)
            and len(sha) == 64
            and set(sha) <= _HEX
        )
        if ok:
            data = next(
                (d for n, d in package.members.items() if n.startswith(f"evidence/{sha}")), None
            )
            ok = data is None or (
                len(data) == size and any(data.startswith(h) for h in magic[media])
            )
        if not ok:
            raise _not_allowed(package, entity, line, row, "evidence")
    for name, data in package.members.items():
        if name.startswith("evidence/") and (
            not data or len(data) > MAX_BYTES or not any(
                data.startswith(h) for heads in magic.values() for h in heads
            )
        ):  # fmt: skip
            raise _refuse(package, "sync.not_allowed", member=name, line=0, entity="evidence",
                          rule="evidence")  # fmt: skip
