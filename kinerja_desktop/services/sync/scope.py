"""What a package to a partner covers: the direction, the down slice, periods and totals.

Up (to the parent office) a package carries every row that originated at home and, relaying,
every row held here from an office below home (a kecamatan carries its kelurahan to the kota,
each row still owned by its origin office). Down (to a child office) it carries the rows of
home and of the offices above it (what the parent sent, passed on) that concern the child or
an office below it (DESIGN.md section 7): the period settings (deadlines, locks), rows about
those offices (their indicator catalogue and targets, their org assessment), the assessments
of their evaluations, the records of the penilai of their people with their current
assignment, the home office itself, and every such row those reference. The same functions
give the receiver the slice it holds, so both ends count the same rows for the totals check.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import String, cast, func, literal, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.sync.bounded import chunk_size, chunks
from kinerja_desktop.services.sync.rows import Entity, entities
from kinerja_desktop.storage.models import Base, Evaluation, Office, Realisation

UP = "up"
DOWN = "down"
NO_PERIOD = "-"
# Rows only a parent writes (deadlines, locks): a package up never carries them, also when the
# sender set its own while it had no parent (a kecamatan before it joined the kota).
NEVER_UP = frozenset({"period_settings"})
# Rows a parent sends about a child office: its catalogue, its org assessments, and the
# assignments that place people there (a mutasi recorded by the parent).
_ABOUT_THE_CHILD_OFFICE = ("indicators", "org_assessments", "assignments")


def direction_to(session: Session, home: str, partner: str) -> str:
    """``up`` when ``partner`` is the home office's parent, ``down`` when it is a child.

    Raises:
        ValidationError: ``sync.not_related`` when neither.
    """
    parent = Office.__table__.alias("parent")
    pairs = dict(
        session.execute(
            select(Office.code, parent.c.code).outerjoin(parent, Office.parent_id == parent.c.id)
        ).all()
    )
    if pairs.get(home) == partner:
        return UP
    if pairs.get(partner) == home:
        return DOWN
    raise ValidationError("sync.not_related", office=partner, home=home)


def parent_code(session: Session, home: str) -> str | None:
    parent = Office.__table__.alias("parent")
    return session.execute(
        select(parent.c.code)
        .select_from(Office)
        .join(parent, Office.parent_id == parent.c.id)
        .where(Office.code == home)
    ).scalar()


def _office_tree(session: Session) -> dict[str, str | None]:
    """code -> parent code of every office held here."""
    parent = Office.__table__.alias("parent")
    return dict(
        session.execute(
            select(Office.code, parent.c.code).outerjoin(parent, Office.parent_id == parent.c.id)
        ).all()
    )


def offices_below(session: Session, code: str) -> set[str]:
    """``code`` and the codes of the offices below it in the tree held here."""
    tree = _office_tree(session)
    found = {code}
    for office in tree:
        seen: set[str] = set()
        above: str | None = office
        while above is not None and above not in seen:
            if above == code:
                found.add(office)
                break
            seen.add(above)
            above = tree.get(above)
    return found


def offices_above(session: Session, code: str) -> set[str]:
    """``code`` and the codes of the offices above it (its parent, the parent's parent...)."""
    tree = _office_tree(session)
    found = {code}
    above = tree.get(code)
    while above is not None and above not in found:
        found.add(above)
        above = tree.get(above)
    return found


def relayed_origins(session: Session, office: str, direction: str) -> set[str]:
    """The origin offices of the rows ``office`` sends in ``direction``: itself and those below
    it going up, itself and those above it going down (relaying, DESIGN.md 7)."""
    if direction == UP:
        return offices_below(session, office)
    return offices_above(session, office)


def down_slice(session: Session, owner: str, child: str) -> dict[str, set[str]]:
    """uuids per table of the rows ``owner`` sends down that concern office ``child`` or an
    office below it: rows of ``owner`` and of the offices above it (relayed)."""
    meta = Base.metadata.tables
    ents = entities()
    origins = sorted(relayed_origins(session, owner, DOWN))
    about = sorted(offices_below(session, child))
    child_ids = select(Office.id).where(Office.code.in_(about))
    owner_row = session.execute(select(Office.id).where(Office.code == owner)).scalar()
    # Rows of the child that point at people and penilai records: those records concern it.
    wanted: dict[str, set[int]] = defaultdict(set)
    for entity in ents:
        table = entity.table
        refs = [c for c, target in entity.foreign.items() if target in ("employees",)]
        refs += [c for c, target in entity.foreign.items() if target == "external_penilai"]
        for column in refs:
            target = entity.foreign[column]
            ids = session.execute(
                select(table.c[column]).where(
                    table.c.origin_office.in_(about), table.c[column].is_not(None)
                )
            ).scalars()
            wanted[target].update(ids)
    child_evaluations = select(Evaluation.id).where(Evaluation.origin_office.in_(about))
    child_indicators = select(meta["indicators"].c.id).where(
        meta["indicators"].c.office_id.in_(child_ids)
    )
    keep: dict[str, set[int]] = defaultdict(set)
    size = chunk_size(session)
    for entity in ents:
        table, name = entity.table, entity.name
        mine = table.c.origin_office.in_(origins)
        conditions: list[Any] = []
        if name == "period_settings":
            conditions.append(mine)
        # By name, as the receiver's ownership policy accepts them (services/sync_ownership.py).
        if name in _ABOUT_THE_CHILD_OFFICE:
            conditions.append(mine & table.c.office_id.in_(child_ids))
        if name == "assessments":
            conditions.append(mine & table.c.evaluation_id.in_(child_evaluations))
        if name == "indicator_targets":
            conditions.append(mine & table.c.indicator_id.in_(child_indicators))
        for part in chunks(sorted(wanted.get(name, ())), size):
            conditions.append(mine & table.c.id.in_(part))
        if name == "offices" and owner_row is not None:
            conditions.append(mine & (table.c.id == owner_row))
        if name == "assignments":
            for part in chunks(sorted(wanted.get("employees", ())), size):
                current = table.c.end_date.is_(None)
                conditions.append(mine & table.c.employee_id.in_(part) & current)
        for condition in conditions:
            keep[name].update(session.execute(select(table.c.id).where(condition)).scalars())
    _close_over_references(session, ents, origins, keep)
    result: dict[str, set[str]] = {}
    for entity in ents:
        ids = keep.get(entity.name)
        if ids:
            table = entity.table
            result[entity.name] = {
                uuid
                for part in chunks(sorted(ids), size)
                for uuid in session.execute(
                    select(table.c.uuid).where(table.c.id.in_(part))
                ).scalars()
            }
    return result


def _close_over_references(
    session: Session, ents: list[Entity], origins: list[str], keep: dict[str, set[int]]
) -> None:
    """Add every row of ``origins`` that a kept row references, until nothing new appears."""
    by_name = {e.name: e for e in ents}
    size = chunk_size(session)
    changed = True
    while changed:
        changed = False
        for entity in reversed(ents):  # children first, so parents collect in one pass
            ids = keep.get(entity.name)
            if not ids:
                continue
            table = entity.table
            for column, target in entity.foreign.items():
                refs = {
                    ref
                    for part in chunks(sorted(ids), size)
                    for ref in session.execute(
                        select(table.c[column]).where(
                            table.c.id.in_(part), table.c[column].is_not(None)
                        )
                    ).scalars()
                }
                target_table = by_name[target].table
                owned = {
                    id_
                    for part in chunks(sorted(refs), size)
                    for id_ in session.execute(
                        select(target_table.c.id).where(
                            target_table.c.id.in_(part),
                            target_table.c.origin_office.in_(origins),
                        )
                    ).scalars()
                }
                new = owned - keep[target]
                if new:
                    keep[target].update(new)
                    changed = True


def row_period(entity: Entity, row: dict[str, Any], lookup: dict[str, dict[str, str]]) -> str:
    """The period a travelling row (JSON object, references as uuids) belongs to.

    Rows without a period of their own take their evaluation's; yearly rows (SKP, indicators)
    their year; the rest ``"-"``.
    """
    if row.get("period"):
        return str(row["period"])
    if row.get("evaluation_id"):
        return lookup["evaluations"].get(row["evaluation_id"], NO_PERIOD)
    if row.get("realisation_id"):
        return lookup["realisations"].get(row["realisation_id"], NO_PERIOD)
    if row.get("year") is not None:
        return str(row["year"])
    return NO_PERIOD


def _period_expression(table: Any) -> tuple[Any, Any]:
    """SQL for the period of a row (as :func:`row_period`) and the FROM clause it needs."""
    parts: list[Any] = []
    source: Any = table
    if "period" in table.c:
        parts.append(func.nullif(table.c.period, ""))
    if "evaluation_id" in table.c:
        evaluation = Evaluation.__table__.alias("period_evaluation")
        source = source.outerjoin(evaluation, table.c.evaluation_id == evaluation.c.id)
        parts.append(evaluation.c.period)
    if "realisation_id" in table.c:
        realisation = Realisation.__table__.alias("period_realisation")
        evaluation2 = Evaluation.__table__.alias("period_evaluation2")
        source = source.outerjoin(realisation, table.c.realisation_id == realisation.c.id)
        source = source.outerjoin(evaluation2, realisation.c.evaluation_id == evaluation2.c.id)
        parts.append(evaluation2.c.period)
    if "year" in table.c:
        parts.append(cast(table.c.year, String))
    parts.append(literal(NO_PERIOD))
    return func.coalesce(*parts) if len(parts) > 1 else parts[0], source


def totals(
    session: Session, owner: str | Collection[str], only: dict[str, set[str]] | None = None
) -> dict[str, dict[str, int]]:
    """Live rows of ``owner`` (an office code, or several: a relayed package's origins) per
    entity and period (restricted to ``only`` when given).

    One grouped query per table, so counting 100,000 rows costs milliseconds. Without
    ``only`` (a package up) the tables of :data:`NEVER_UP` are not counted.
    """
    result: dict[str, dict[str, int]] = {}
    owners = [owner] if isinstance(owner, str) else sorted(owner)
    for entity in entities():
        table = entity.table
        if only is not None and not only.get(entity.name):
            continue
        if only is None and entity.name in NEVER_UP:
            continue
        period, source = _period_expression(table)
        stmt = (
            select(period, func.count())
            .select_from(source)
            .where(table.c.origin_office.in_(owners), table.c.deleted_at.is_(None))
            .group_by(period)
        )
        parts: Any = [None]
        if only is not None:
            parts = chunks(sorted(only[entity.name]), chunk_size(session))
        counts: dict[str, int] = defaultdict(int)
        for part in parts:  # each row is in one part only, so the parts' counts add up
            chosen = stmt if part is None else stmt.where(table.c.uuid.in_(part))
            for p, n in session.execute(chosen).all():
                counts[str(p)] += int(n)
        if counts:
            result[entity.name] = dict(sorted(counts.items()))
    return result


def totals_differences(
    expected: dict[str, dict[str, int]], found: dict[str, dict[str, int]]
) -> list[dict[str, Any]]:
    """``[{"entity", "period", "expected", "found"}]`` where the two disagree."""
    out = []
    for entity in sorted(set(expected) | set(found)):
        a, b = expected.get(entity, {}), found.get(entity, {})
        for period in sorted(set(a) | set(b)):
            if a.get(period, 0) != b.get(period, 0):
                out.append(
                    {
                        "entity": entity,
                        "period": period,
                        "expected": a.get(period, 0),
                        "found": b.get(period, 0),
                    }
                )
    return out
