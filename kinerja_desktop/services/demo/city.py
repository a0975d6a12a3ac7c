"""The demo city (``demo --scale city``): BKPSDM Kota Padang with 11 kecamatan, 104 kelurahan,
23 puskesmas, about 11,000 people and their plans and evaluations from 2022-Q1 to 2026-Q3.

The Nanggalo demo's generator makes every kecamatan (a scope each: its offices, its seed, more
staff, three-part names) and the city's own rows (its office, the external penilai, the
periods). Rows are written year by year with Core ``executemany`` (:mod:`.bulk`), as if every
kecamatan had synced. One kecamatan (Nanggalo) also travels for real: it is written into a
kecamatan database of its own, which exports a full package that the city imports through the
sync front door; the city's bulk load leaves out that kecamatan office's evaluations,
realisations, assessments and organisation predikat so the package brings them, and the
city's periods are written (most of them locked) after the import, as a BKPSDM locks its
periods after the packages are in.

The city may also be built into a PostgreSQL database (``--db postgresql+psycopg://…``), as
the BKPSDM would run it: the administrator makes the database (``createdb``) and the build
fills it. A server database that holds any row is refused, also with ``--force``: on a shared
server the app never empties a database (others may be reading it; a new one costs one
``createdb``). The work folder (the kecamatan file, keys, the package) is then a folder in
the system's temp dir, the size is ``pg_database_size``, and the id sequences are moved past
the ids the bulk load gave, before the package's import and again at the end, so the app's
own inserts afterwards get fresh ids.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import exists, func, insert, select, text

from kinerja_desktop.config import DbAddress
from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.domain.errors import ConflictError
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import DEMO_KEY, HOME_OFFICE_KEY, Database
from kinerja_desktop.services.demo import city_data, data
from kinerja_desktop.services.demo.accounts import add_demo_accounts
from kinerja_desktop.services.demo.build import remove_old
from kinerja_desktop.services.demo.bulk import BulkWriter
from kinerja_desktop.services.demo.city_data import KOTA, SYNC_KECAMATAN, Kecamatan
from kinerja_desktop.services.demo.generator import Generator
from kinerja_desktop.services.demo.rows import SEED, YEAR, Row, at
from kinerja_desktop.services.demo.scope import Scope, Shared
from kinerja_desktop.storage.models import Base, Setting
from kinerja_desktop.storage.server import advance_sequences

__all__ = ["TINY_CITY", "CityPlan", "CitySummary", "build_city", "city_offices"]

Progress = Callable[[str, dict[str, Any]], None]
# What the bulk load leaves out of the sync kecamatan's own rows: the package brings them.
_BY_PACKAGE = frozenset({"evaluations", "realisations", "assessments", "org_assessments"})
# The fixed clock of the package and its import (two builds write the same bookkeeping).
_SYNC_AT = at(date(YEAR, 10, 12), 3)


@dataclass(frozen=True)
class CityPlan:
    """How big a city to build: the full one by default; the tests build a tiny one."""

    kecamatan: int = len(city_data.KECAMATAN)
    kelurahan: int | None = None  # at most this many per kecamatan
    puskesmas: int | None = None
    extra_staff: Mapping[OfficeKind, int] = field(
        default_factory=lambda: dict(city_data.CITY_EXTRA_STAFF)
    )
    first_year: int = city_data.FIRST_YEAR
    sync: bool = True


# A city of two small kecamatan (Nanggalo, through sync, and one more) for the tests.
TINY_CITY = CityPlan(kecamatan=2, kelurahan=1, puskesmas=1, extra_staff={})


@dataclass(frozen=True)
class CitySummary:
    path: str
    office_code: str
    rows: dict[str, int]  # per synced table, in the finished database
    offices: int
    employees: int
    evaluations: int
    seconds: float
    generate_seconds: float  # generating and bulk-writing the history
    export_seconds: float
    import_seconds: float
    sync_counts: dict[str, int]  # the import's created / unchanged / ... counts
    package_rows: int
    size_bytes: int


def city_offices(kec: Kecamatan, plan: CityPlan) -> tuple[data.DemoOffice, ...]:
    """The offices of one kecamatan, its kantor camat first; Nanggalo keeps the demo's."""
    if kec.code == "NGL":
        offices = [o._replace(parent=KOTA.code) if o.parent is None else o for o in data.OFFICES]
        head, rest = offices[0], offices[1:]
        kel = [o for o in rest if o.kind == OfficeKind.KELURAHAN][: plan.kelurahan]
        pkm = [o for o in rest if o.kind == OfficeKind.PUSKESMAS][: plan.puskesmas]
        return (head, *kel, *pkm)
    name, street = kec.name, f"Jl. Demo Kecamatan {kec.name} No."
    head = data.DemoOffice(
        kec.code, f"Kecamatan {name}", OfficeKind.KECAMATAN, KOTA.code, kec.postal_code, name,
        f"{street} 1", name,
    )  # fmt: skip
    kel = tuple(
        data.DemoOffice(
            f"{kec.code}-K{n:02d}",
            f"Kelurahan {name} {n:02d}",
            OfficeKind.KELURAHAN,
            kec.code,
            kec.postal_code,
            f"{name} {n:02d}",
            f"{street} {n + 10}",
            name,
        )
        for n in range(1, min(kec.kelurahan, plan.kelurahan or kec.kelurahan) + 1)
    )
    count = min(kec.puskesmas, plan.puskesmas or kec.puskesmas)
    pkm = tuple(
        data.DemoOffice(
            f"PKM-{kec.code}{n}",
            f"Puskesmas {name}" + (f" {n}" if n > 1 else ""),
            OfficeKind.PUSKESMAS,
            kec.code,
            kec.postal_code,
            name + (f" {n}" if n > 1 else ""),
            f"{street} {n + 50}",
            name,
        )
        for n in range(1, count + 1)
    )
    return (head, *kel, *pkm)


def _chunks(gen: Generator, years: range) -> Iterator[dict[str, list[Row]]]:
    """One kecamatan's rows: its register, then each year's work."""
    gen.offices()
    gen.staff()
    yield gen.take()
    for year in years:
        gen.work_of(year)
        yield gen.take()


def _withhold(rows: dict[str, list[Row]], office: str) -> dict[str, list[Row]]:
    return {
        t: [r for r in rs if r["origin_office"] != office] if t in _BY_PACKAGE else rs
        for t, rs in rows.items()
    }


def _row_counts(db: Database) -> dict[str, int]:
    with db.uow() as uow:
        return {
            t.name: uow.session.execute(select(func.count()).select_from(t)).scalar_one()
            for t in Base.metadata.sorted_tables
            if "uuid" in t.c and "origin_office" in t.c
        }


def _finish(db: Database, home: str) -> None:
    """The settings and the demo accounts and key of a database whose home is ``home``."""
    settings = {HOME_OFFICE_KEY: home, DEMO_KEY: True}
    settings |= {"evaluation_frequency": "quarterly", "city": data.CITY}
    with db.uow() as uow:
        uow.session.execute(insert(Setting), [{"key": k, "value": v} for k, v in settings.items()])
        add_demo_accounts(uow.session, home)
        uow.commit()


@dataclass
class _Build:
    """What a city build holds while it runs."""

    plan: CityPlan
    city: BulkWriter
    work: Path
    progress: Progress
    shared: Shared = field(default_factory=Shared)
    people: int = 0
    kecamatan_db: Database | None = None

    def kecamatan(self, n: int, kec: Kecamatan, head_rows: dict[str, list[Row]]) -> None:
        plan, started = self.plan, time.perf_counter()
        scope = Scope(
            city_offices(kec, plan), home=kec.code, seed=f"{SEED}:{kec.code}",
            extra_staff=plan.extra_staff, index_base=self.people, long_names=True,
            district=kec.name,
        )  # fmt: skip
        own: BulkWriter | None = None
        if plan.sync and kec.code == SYNC_KECAMATAN:
            self.kecamatan_db = Database.open(self.work / f"{kec.code}.sqlite", create=True)
            own = BulkWriter(self.kecamatan_db)
            own.write(head_rows)
        gen = Generator(scope, self.shared)
        for rows in _chunks(gen, range(plan.first_year, YEAR + 1)):
            if own is not None:
                own.write(rows)
                rows = _withhold(rows, kec.code)
            self.city.write(rows)
        people = len(gen.people)
        self.people += people
        seconds = round(time.perf_counter() - started, 1)
        total = plan.kecamatan
        self.progress("demo.city_kecamatan", {"n": n, "total": total, "name": kec.name,
                      "employees": people, "seconds": seconds})  # fmt: skip

    def sync(self, periods: dict[str, list[Row]]) -> tuple[float, float, Any]:
        """Nanggalo's full package into the city through the sync front door."""
        from kinerja_desktop.services.sync import (
            export_key,
            export_package,
            import_key,
            import_package,
        )

        source, city = self.kecamatan_db, self.city.db
        assert source is not None
        BulkWriter(source).write(periods)
        _finish(source, SYNC_KECAMATAN)
        export_key(source, self.work / "kecamatan.key")
        export_key(city, self.work / "kota.key")
        import_key(city, SYSTEM, self.work / "kecamatan.key")
        import_key(source, SYSTEM, self.work / "kota.key")
        started = time.perf_counter()
        package = export_package(source, SYSTEM, self.work, to=KOTA.code, full=True, now=_SYNC_AT)
        exported = time.perf_counter()
        source.close()
        summary = import_package(
            city, SYSTEM, Path(package.path), confirm=True, receipt_dir=self.work, now=_SYNC_AT
        )
        imported = time.perf_counter()
        return exported - started, imported - exported, (package, summary)


def _prepare(path: DbAddress, force: bool) -> tuple[Database, Path]:
    """The database to build into, opened, and a new work folder: beside a file, in the
    system's temp dir for a server database.

    Raises:
        ConflictError: ``demo.exists`` for an existing file without ``force``;
            ``db.server_not_empty`` for a server database holding any row (``force`` or not).
    """
    if not isinstance(path, Path):
        db = Database.open(path)
        if not _is_empty(db):
            db.close()
            raise ConflictError("db.server_not_empty", path=str(path))
        return db, Path(tempfile.mkdtemp(prefix="kinerja-kota-"))
    if path.exists() and not force:
        raise ConflictError("demo.exists", path=str(path), file=str(path))
    if force:
        remove_old(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="kinerja-kota-", dir=path.parent))
    return Database.open(path, create=True), work


def _is_empty(db: Database) -> bool:
    """True when no table of the app holds a row (the schema alone, as a new database has)."""
    with db.uow() as uow:
        return not any(
            uow.session.execute(select(exists().select_from(t))).scalar()
            for t in Base.metadata.sorted_tables
        )


def _advance(db: Database) -> None:
    """PostgreSQL: move the id sequences past the ids the bulk load gave (nothing on SQLite)."""
    with db.uow() as uow:
        advance_sequences(uow.session)
        uow.commit()


def _server_size(db: Database) -> int | None:
    """The server database's size; None for a file (measured once closed, its log merged)."""
    if isinstance(db.path, Path):
        return None
    with db.uow() as uow:
        query = text("SELECT pg_database_size(current_database())")
        return int(uow.session.execute(query).scalar_one())


def build_city(
    path: DbAddress, *, force: bool = False, plan: CityPlan | None = None,
    progress: Progress | None = None,
) -> CitySummary:  # fmt: skip
    """Build the demo city at ``path``, a file or an empty server database (see the module
    docstring).

    Raises:
        ConflictError: ``demo.exists`` when the file exists and ``force`` is not set;
            ``db.server_not_empty`` when the server database holds any row.
    """
    plan, started = plan or CityPlan(), time.perf_counter()
    db, work = _prepare(path, force)
    build = _Build(plan, BulkWriter(db), work, progress or (lambda code, params: None))
    try:
        head = Generator(Scope((KOTA,), home=KOTA.code, seed=f"{SEED}:{KOTA.code}"), build.shared)
        head.offices()
        head_rows = head.take()
        head.period_settings(tuple(range(plan.first_year, YEAR + 1)))
        periods = head.take()
        build.city.write(head_rows)
        for n, kec in enumerate(city_data.KECAMATAN[: plan.kecamatan], start=1):
            build.kecamatan(n, kec, head_rows)
        _finish(db, KOTA.code)
        _advance(db)  # before the package's rows are inserted without ids
        generated = time.perf_counter() - started
        export_s = import_s = 0.0
        sync_counts: dict[str, int] = {}
        package_rows = 0
        if build.kecamatan_db is not None:
            export_s, import_s, (package, summary) = build.sync(periods)
            sync_counts, package_rows = dict(summary.counts), package.rows
            build.progress("demo.city_sync", {"office": SYNC_KECAMATAN, "rows": package_rows,
                           "export": round(export_s, 1), "import_": round(import_s, 1),
                           **sync_counts})  # fmt: skip
        build.city.write(periods)
        _advance(db)
        rows, size = _row_counts(db), _server_size(db)
    finally:
        db.close()
        if build.kecamatan_db is not None:  # closed already unless the build stopped early
            build.kecamatan_db.close()
        shutil.rmtree(work, ignore_errors=True)
    return CitySummary(
        path=str(path), office_code=KOTA.code, rows=rows, offices=rows["offices"],
        employees=rows["employees"], evaluations=rows["evaluations"],
        seconds=time.perf_counter() - started, generate_seconds=generated,
        export_seconds=export_s, import_seconds=import_s, sync_counts=sync_counts,
        package_rows=package_rows,
        size_bytes=size if size is not None else Path(path).stat().st_size,
    )  # fmt: skip
