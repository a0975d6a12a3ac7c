"""What a package meets at the receiver: the office tree and the rows before and after it.

The ownership policy (:mod:`~kinerja_desktop.services.sync.ownership`) judges rows against this
view. "After this package" overlays the receiver's rows with the package's rows (the office
tree that decides which offices are below the signer, the assignments that cover a period and
name an atasan); "before this package" is what is stored (who owns a row, where an employee's
current assignment is, which evaluations are approved here).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.sync.bounded import read_in_chunks
from kinerja_desktop.services.sync.rows import Row
from kinerja_desktop.services.sync.scope import DOWN, UP
from kinerja_desktop.storage.models import Base


def table_of(name: str) -> Any:
    return Base.metadata.tables[name]


def span_of(period: str | None) -> tuple[date, date] | None:
    if isinstance(period, (str, int)):
        return _span(period)  # a package holds few periods: parse each once
    return _span.__wrapped__(period)


@lru_cache(maxsize=4096, typed=True)
def _span(period: Any) -> tuple[date, date] | None:
    try:
        p = Period.parse(str(period))
    except (ValueError, TypeError, AttributeError):
        return None
    return p.start, p.end


def as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass
class HeldAssignment:
    uuid: str
    acting: bool
    employee: str
    office: str  # office uuid
    start: date | None
    end: date | None
    atasan: str | None
    external: str | None
    live: bool


class PackageView:
    """The office tree and the rows a package meets, before and after it; built once per
    package, each table loaded when first asked."""

    def __init__(
        self,
        session: Session,
        rows: dict[str, list[tuple[int, Row]]],
        *,
        signer: str,
        home: str,
        partner_uuid: str,
    ) -> None:
        self.session = session
        self.signer = signer
        self.home = home
        self.partner_uuid = partner_uuid
        self.incoming = {name: {r["uuid"]: r for _, r in rs} for name, rs in rows.items()}
        self._cache: dict[str, dict[str, Row]] = {}
        offices = table_of("offices")
        stored = session.execute(
            select(offices.c.id, offices.c.uuid, offices.c.code, offices.c.parent_id)
        ).all()
        by_id = {r.id: r.uuid for r in stored}
        # uuid -> (code, parent uuid): before and after this package.
        self.tree_before = {r.uuid: (r.code, by_id.get(r.parent_id)) for r in stored}
        self.tree = dict(self.tree_before)
        codes = {code for code, _ in self.tree_before.values()}
        for uuid, row in self.incoming.get("offices", {}).items():
            if uuid in self.tree or row.get("code") not in codes:
                self.tree[uuid] = (str(row.get("code")), row.get("parent_id"))
        self.home_uuid = next((u for u, (c, _) in self.tree_before.items() if c == home), None)
        self.direction = self._direction()
        if self.direction == UP:
            self.below_before = self._below(self.tree_before)
            self.below = self._below(self.tree)
        else:  # from the parent: its rows and those it relays from the offices above it
            self.below_before = {signer} | self._above(self.tree_before)
            self.below = {signer} | self._above(self.tree)
        # The home office and the offices below it: what a package from the parent may be about.
        self.home_tree = {u for u in self.tree if self._leads_to(self.tree, u, home)}

    # -- the office tree ------------------------------------------------------------------------

    def _code_parent(self, tree: dict[str, tuple[str, str | None]], code: str) -> str | None:
        uuids = [u for u, (c, _) in tree.items() if c == code]
        if len(uuids) != 1:
            return None
        parent = tree[uuids[0]][1]
        return tree[parent][0] if parent in tree else None

    def _direction(self) -> str | None:
        if self._code_parent(self.tree_before, self.signer) == self.home:
            return UP
        if self._code_parent(self.tree_before, self.home) == self.signer:
            return DOWN
        if not any(c == self.signer for c, _ in self.tree_before.values()):
            own = [r for r in self.incoming.get("offices", {}).values()
                   if r.get("code") == self.signer]  # fmt: skip
            if len(own) == 1 and own[0].get("parent_id") == self.home_uuid:
                return UP
        return None

    def chain_leads_to_signer(self, tree: dict[str, tuple[str, str | None]], uuid: Any) -> bool:
        seen: set[Any] = set()
        while uuid is not None and uuid in tree and uuid not in seen:
            seen.add(uuid)
            code, parent = tree[uuid]
            if code == self.signer:
                return True
            if code == self.home:
                return False
            uuid = parent
        return False

    def _above(self, tree: dict[str, tuple[str, str | None]]) -> set[str]:
        """Codes of the offices above the signer (the kota above a kecamatan), never the home
        office (a tree that loops back is not followed)."""
        found: set[str] = set()
        uuid = next((u for u, (c, _) in tree.items() if c == self.signer), None)
        seen: set[Any] = set()
        while uuid in tree and uuid not in seen:
            seen.add(uuid)
            uuid = tree[uuid][1]
            if uuid not in tree or tree[uuid][0] in (self.home, self.signer):
                break
            found.add(tree[uuid][0])
        return found

    @staticmethod
    def _leads_to(tree: dict[str, tuple[str, str | None]], uuid: Any, code: str) -> bool:
        seen: set[Any] = set()
        while uuid is not None and uuid in tree and uuid not in seen:
            seen.add(uuid)
            if tree[uuid][0] == code:
                return True
            uuid = tree[uuid][1]
        return False

    def about_home(self, uuid: Any) -> bool:
        """Whether office ``uuid`` is the home office or one below it."""
        return uuid in self.home_tree

    def _below(self, tree: dict[str, tuple[str, str | None]]) -> set[str]:
        found = {self.signer}
        for uuid, (code, _) in tree.items():
            if self.chain_leads_to_signer(tree, uuid):
                found.add(code)
        return found

    def office_code(self, uuid: Any) -> str | None:
        entry = self.tree.get(uuid)
        return entry[0] if entry else None

    def office_below(self, uuid: Any) -> bool:
        return self.office_code(uuid) in self.below

    # -- rows after this package ----------------------------------------------------------------

    def rows_after(self, table: str) -> Any:
        """uuid -> row (references as uuids) of ``table`` as known after this package, for the
        columns the rules read. Assignments are read whole (rules group them by employee);
        every other table only for the rows the package names and those a rule then asks for
        (:class:`NamedRows`), never every row of a period-work table."""
        if table in self._cache:
            return self._cache[table]
        if table == "assignments":
            stmt = _after_select(table)
            found: dict[str, Row] = {r.uuid: dict(r._mapping) for r in self.session.execute(stmt)}
            for uuid, row in self.incoming.get(table, {}).items():
                found[uuid] = dict(found.get(uuid, {})) | row
            self._cache[table] = found
            return found
        rows = NamedRows(self.session, table, self.incoming.get(table, {}))
        rows.prefetch(self._named(table))
        self._cache[table] = rows  # type: ignore[assignment]
        return rows

    def _named(self, table: str) -> set[str]:
        """uuids of ``table`` the package's rows carry or refer to."""
        named = set(self.incoming.get(table, {}))
        for name, rows in self.incoming.items():
            t = table_of(name)
            columns = [
                c.name for c in t.columns for fk in c.foreign_keys if fk.column.table.name == table
            ]
            for column in columns:
                named.update(r[column] for r in rows.values() if isinstance(r.get(column), str))
        return named

    def by_employee(self) -> dict[str, list[HeldAssignment]]:
        key = "by_employee"
        if key not in self._cache:
            grouped: dict[str, list[HeldAssignment]] = defaultdict(list)
            for row in self.rows_after("assignments").values():
                grouped[row.get("employee_id")].append(
                    HeldAssignment(
                        uuid=row["uuid"],
                        acting=row.get("acting") not in (None, "none", "NONE"),
                        employee=row.get("employee_id"),
                        office=row.get("office_id"),
                        start=as_date(row.get("start_date")),
                        end=as_date(row.get("end_date")),
                        atasan=row.get("atasan_id"),
                        external=row.get("external_penilai_id"),
                        live=row.get("deleted_at") is None,
                    )
                )
            self._cache[key] = grouped  # type: ignore[assignment]
        return self._cache[key]  # type: ignore[return-value]

    def covering(self, employee: Any, span: tuple[date, date] | None) -> list[HeldAssignment]:
        if span is None:
            return []
        first, last = span
        return [
            a
            for a in self.by_employee().get(employee, [])
            if a.live and (a.start is None or a.start <= last) and (a.end is None or a.end >= first)
        ]

    def current_before(self, employee: Any) -> list[str]:
        """Office uuids of the employee's current assignments stored here (before the package)."""
        key = "_current"
        if key not in self._cache:
            t, o, e = table_of("assignments"), table_of("offices"), table_of("employees")
            current: dict[str, list[str]] = defaultdict(list)
            for person, office in self.session.execute(
                select(e.c.uuid, o.c.uuid)
                .select_from(t.join(o, t.c.office_id == o.c.id).join(e, t.c.employee_id == e.c.id))
                .where(t.c.end_date.is_(None), t.c.deleted_at.is_(None))
            ).all():
                current[person].append(office)
            self._cache[key] = current  # type: ignore[assignment]
        return self._cache[key].get(employee, [])  # type: ignore[return-value]

    def work_of(self, entity: str, row: Row) -> tuple[Any, tuple[date, date] | None] | None:
        """(employee uuid, period span) of a period-work row, following its parents."""
        if entity == "evaluations":
            return row.get("employee_id"), span_of(row.get("period"))
        if entity == "skp":
            return row.get("employee_id"), span_of(row.get("year"))
        parent_of = {
            "realisations": ("evaluations", "evaluation_id"),
            "evidence": ("realisations", "realisation_id"),
            "rhk": ("skp", "skp_id"),
            "skp_indicators": ("rhk", "rhk_id"),
            "skp_expectations": ("skp", "skp_id"),
        }
        table, column = parent_of[entity]
        parent = self.rows_after(table).get(row.get(column))
        return None if parent is None else self.work_of(table, parent)

    def approved_here(self, evaluation: Any) -> bool:
        """Whether ``evaluation`` (a uuid) is approved in this database (before the package);
        read for the evaluations the package names at once, any other when asked."""
        key = "_approved"
        if key not in self._cache:
            self._cache[key] = {}
            self._approved_among(self._named("evaluations"))
        known: dict[str, bool] = self._cache[key]  # type: ignore[assignment]
        if isinstance(evaluation, str) and evaluation not in known:
            self._approved_among({evaluation})
        return bool(known.get(evaluation, False))

    def _approved_among(self, uuids: set[str]) -> None:
        t = table_of("evaluations")
        known: dict[str, bool] = self._cache["_approved"]  # type: ignore[assignment]
        known.update(dict.fromkeys(uuids, False))
        for (uuid,) in read_in_chunks(
            self.session,
            uuids,
            lambda part: select(t.c.uuid).where(
                t.c.uuid.in_(part), t.c.status == "approved", t.c.deleted_at.is_(None)
            ),
        ):
            known[uuid] = True


# The columns the rules read, per table (references come as uuids).
_AFTER_COLUMNS = {
    "employees": ("nip",),
    "external_penilai": (),
    "assignments": ("employee_id", "office_id", "atasan_id", "external_penilai_id",
                    "start_date", "end_date", "acting"),
    "evaluations": ("employee_id", "period"),
    "skp": ("employee_id", "year"),
    "realisations": ("evaluation_id",),
    "evidence": ("realisation_id",),
    "rhk": ("skp_id",),
    "skp_indicators": ("rhk_id",),
    "indicators": ("office_id",),
}  # fmt: skip


def _after_select(table: str) -> Any:
    t = table_of(table)
    cols: list[Any] = [t.c.uuid, t.c.origin_office, t.c.deleted_at]
    joins: Any = t
    for name in _AFTER_COLUMNS[table]:
        fk = next(iter(t.c[name].foreign_keys), None)
        if fk is None:
            cols.append(t.c[name].label(name))
        else:
            target = fk.column.table.alias(f"o_{name}")
            joins = joins.outerjoin(target, t.c[name] == target.c.id)
            cols.append(target.c.uuid.label(name))
    return select(*cols).select_from(joins)


class NamedRows:
    """Rows of one table after the package, read from the database only for the uuids asked
    (in bounded chunks) and kept; the package's own rows overlay the stored ones."""

    def __init__(self, session: Session, table: str, incoming: dict[str, Row]) -> None:
        self.session = session
        self.table = table
        self.incoming = incoming
        self.rows: dict[str, Row] = {}
        self.asked: set[str] = set()

    def prefetch(self, uuids: set[str]) -> None:
        wanted = [u for u in uuids if isinstance(u, str) and u not in self.asked]
        if not wanted:
            return
        self.asked.update(wanted)
        t = table_of(self.table)
        stmt = _after_select(self.table)
        read = ("uuid", "origin_office", "deleted_at", *_AFTER_COLUMNS[self.table])
        whole = set()
        for uuid in wanted:
            row = self.incoming.get(uuid)
            if row is not None and all(c in row for c in read):
                # every column the rules read is the incoming one: the package's row itself
                # (not a copy, a city's package names hundreds of thousands), no stored read
                self.rows[uuid] = row
                whole.add(uuid)
        rest = [u for u in wanted if u not in whole]
        for r in read_in_chunks(self.session, rest, lambda part: stmt.where(t.c.uuid.in_(part))):
            self.rows[r.uuid] = dict(r._mapping)
        for uuid in rest:
            row = self.incoming.get(uuid)
            if row is not None:  # a package of an older schema: stored values where it lacks
                self.rows[uuid] = self.rows.get(uuid, {}) | {c: row[c] for c in read if c in row}

    def get(self, uuid: Any, default: Any = None) -> Any:
        if isinstance(uuid, str) and uuid not in self.asked:
            self.prefetch({uuid})
        return self.rows.get(uuid, default) if isinstance(uuid, str) else default
