"""Benchmark: the city's kecamatan packages into PostgreSQL and into SQLite (issue 18, item 8).

Run ``python tests/benchmarks/bench_city_pg.py --pg postgresql+psycopg://postgres@HOST:PORT/postgres
[--kecamatan N] [--curve 1,3,N] [--rounds R] [--quick] [--work DIR]``. Not collected by pytest.
The whole city with its full history (2022-Q1 to 2026-Q3, about 1.7 M rows; setup about 12
minutes, the run about an hour on a loaded 2-core machine): ``--kecamatan 11 --staff 1
--first-year 2022 --curve 1,3,11 --rounds 1 --quick``.

Setup (kept in ``--work`` for the next run): the first N kecamatan of the demo city are each
generated into a kecamatan database of their own (the city generator with a size knob:
``--kelurahan``, ``--puskesmas``, ``--first-year``, ``--staff``), each exports its full
package to BKPSDM Kota Padang, and a receiver template is made per engine: the city office,
its settings and accounts and the kecamatan keys, nothing else (SQLite: a file; PostgreSQL: a
template database, written with the same Core inserts and its sequences advanced).

For each point k of the curve and each engine, from a fresh copy of the template:

- ``import``: :func:`import_package` of the first k packages, one after the other;
- ``floor``: a bare load of exactly the rows those imports created (every column, read back
  from a first import), parents first, one transaction: ``executemany`` on SQLite, ``COPY``
  through psycopg on PostgreSQL;
- ``recap``: the whole-city recap PDF (``report recap``, :func:`write_recap`) after the import;
- ``size``: the database's size after the import (file size / ``pg_database_size``).

Import and floor run interleaved A B B A (tests/benchmarks/pairing.py) and pair up; printed
per engine and point: median, min–max and n, the import / floor ratio (aim <= 10x), the recap
(aim < 30 s) and the size, then the per-kecamatan cost of each point (linear growth keeps it
flat) and what the first import did (created, rejected, conflicts: all rows created, none
rejected, or the figures mean nothing). Measured in this one process (no peak-memory figure).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.pairing import interleave, ratios, summary_line

PERIOD = "2026-Q2"
# Per process, so two runs on one server never drop each other's databases.
RUN, TEMPLATE = f"bench_run_{os.getpid()}", f"bench_template_{os.getpid()}"


def _pg_url(base: str, name: str) -> str:
    return base.rsplit("/", 1)[0] + "/" + name


def _admin(base: str, *, autocommit: bool = True) -> Any:
    import psycopg

    return psycopg.connect(base.replace("postgresql+psycopg", "postgresql"), autocommit=autocommit)


def _drop(base: str, name: str) -> None:
    with _admin(base) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup(work: Path, args: argparse.Namespace) -> list[str]:
    """Write the kecamatan packages and the SQLite receiver template; returns the package paths."""
    from kinerja_desktop.services.common.actor import SYSTEM
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.demo import city, city_data
    from kinerja_desktop.services.demo.generator import Generator
    from kinerja_desktop.services.demo.rows import SEED, YEAR
    from kinerja_desktop.services.demo.scope import Scope, Shared
    from kinerja_desktop.services.sync import export_key, export_package

    extra = {k: round(n * args.staff) for k, n in city_data.CITY_EXTRA_STAFF.items()}
    plan = city.CityPlan(kecamatan=args.kecamatan, kelurahan=args.kelurahan,
                         puskesmas=args.puskesmas, extra_staff=extra,
                         first_year=args.first_year)  # fmt: skip
    shared, kota = Shared(), city_data.KOTA
    head = Generator(Scope((kota,), home=kota.code, seed=f"{SEED}:{kota.code}"), shared)
    head.offices()
    head_rows = head.take()
    head.period_settings(tuple(range(plan.first_year, YEAR + 1)))
    periods = head.take()
    receiver = Database.open(work / "template.sqlite", create=True)
    city.BulkWriter(receiver).write(head_rows)
    city._finish(receiver, kota.code)
    export_key(receiver, work / "kota.key")
    packages, people = [], 0
    for kec in city_data.KECAMATAN[: plan.kecamatan]:
        started = time.perf_counter()
        scope = Scope(city.city_offices(kec, plan), home=kec.code, seed=f"{SEED}:{kec.code}",
                      extra_staff=plan.extra_staff, index_base=people, long_names=True,
                      district=kec.name)  # fmt: skip
        db = Database.open(work / f"{kec.code}.sqlite", create=True)
        writer = city.BulkWriter(db)
        writer.write(head_rows)
        gen = Generator(scope, shared)
        for rows in city._chunks(gen, range(plan.first_year, YEAR + 1)):
            writer.write(rows)
        writer.write(periods)
        people += len(gen.people)
        city._finish(db, kec.code)
        key = work / f"{kec.code}.key"
        export_key(db, key)
        _import_key(db, work / "kota.key")
        _import_key(receiver, key)
        out = work / "packages" / kec.code
        package = export_package(db, SYSTEM, out, to=kota.code, full=True, now=city._SYNC_AT)
        db.close()
        packages.append(str(package.path))
        print(f"  {kec.code}: {package.rows:,} rows, {len(gen.people)} people, "
              f"{time.perf_counter() - started:.0f} s", flush=True)  # fmt: skip
    receiver.close()
    (work / "packages.json").write_text(json.dumps(packages))
    return packages


def _import_key(db: Any, key: Path) -> None:
    from kinerja_desktop.services.common.actor import SYSTEM
    from kinerja_desktop.services.sync import import_key

    import_key(db, SYSTEM, key)


def pg_template(work: Path, base: str) -> None:
    """The SQLite template's rows, ids and all, in a PostgreSQL template database."""
    from kinerja_desktop.config import parse_db_address
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.storage.server import advance_sequences

    _drop(base, TEMPLATE)
    with _admin(base) as con:
        con.execute(f'CREATE DATABASE "{TEMPLATE}"')
    db = Database.open(parse_db_address(_pg_url(base, TEMPLATE)))
    db.close()
    rows = _all_rows(sqlite3.connect(work / "template.sqlite"), set())
    _copy_pg(_pg_url(base, TEMPLATE), rows)
    db = Database.open(parse_db_address(_pg_url(base, TEMPLATE)))
    with db.uow() as uow:
        advance_sequences(uow.session)
        uow.commit()
    db.close()


def _tables() -> list[tuple[str, list[str]]]:
    from kinerja_desktop.storage.models import Base

    return [(t.name, [c.name for c in t.c]) for t in Base.metadata.sorted_tables]


def _all_rows(con: Any, skip: set[tuple[str, Any]]) -> list[tuple[str, list[str], list]]:
    """Every row of every table, parents first, leaving out ``(table, id)`` in ``skip``."""
    found = []
    for name, columns in _tables():
        cols = ", ".join(f'"{c}"' for c in columns)
        rows = con.execute(f'SELECT {cols} FROM "{name}"').fetchall()
        if "id" in columns:
            at = columns.index("id")
            rows = [r for r in rows if (name, r[at]) not in skip]
        elif skip:
            rows = [r for r in rows if (name, tuple(r)) not in skip]
        if rows:
            found.append((name, columns, [tuple(r) for r in rows]))
    return found


def _keys(rows: list[tuple[str, list[str], list]]) -> set[tuple[str, Any]]:
    keys: set[tuple[str, Any]] = set()
    for name, columns, values in rows:
        at = columns.index("id") if "id" in columns else None
        keys |= {(name, v[at] if at is not None else tuple(v)) for v in values}
    return keys


def _copy_pg(url: str, rows: list[tuple[str, list[str], list]]) -> None:
    from psycopg.types.json import Json

    def plain(row: tuple) -> tuple:  # JSON columns read back from PostgreSQL come as dicts
        return tuple(Json(v) if isinstance(v, dict | list) else v for v in row)

    with _admin(url, autocommit=False) as con:
        for name, columns, values in rows:
            cols = ", ".join(f'"{c}"' for c in columns)
            with con.cursor().copy(f'COPY "{name}" ({cols}) FROM STDIN') as copy:
                for row in values:
                    copy.write_row(plain(row))


def _insert_sqlite(path: Path, rows: list[tuple[str, list[str], list]]) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=ON")
    for name, columns, values in rows:
        cols = ", ".join(f'"{c}"' for c in columns)
        con.executemany(f'INSERT INTO "{name}" ({cols}) VALUES ({", ".join("?" * len(columns))})',
                        values)  # fmt: skip
    con.commit()
    con.close()


class Engine:
    """A fresh receiver of one engine, and the driver-level reads the floor needs."""

    def __init__(self, name: str, work: Path, base: str) -> None:
        self.name, self.work, self.base = name, work, base

    def fresh(self) -> Any:
        if self.name == "sqlite":
            target = self.work / "run.sqlite"
            for stale in self.work.glob("run.sqlite*"):
                stale.unlink()
            shutil.rmtree(self.work / "backups", ignore_errors=True)
            shutil.copy(self.work / "template.sqlite", target)
            return target
        _drop(self.base, RUN)
        with _admin(self.base) as con:
            con.execute(f'CREATE DATABASE "{RUN}" TEMPLATE "{TEMPLATE}"')
        return _pg_url(self.base, RUN)

    def open(self, target: Any) -> Any:
        from kinerja_desktop.config import parse_db_address
        from kinerja_desktop.services.common.database import Database

        return Database.open(parse_db_address(str(target)))

    def read(self, target: Any, skip: set) -> list:
        if isinstance(target, Path):
            con = sqlite3.connect(target)
            try:
                return _all_rows(con, skip)
            finally:
                con.close()
        with _admin(target) as con:
            return _all_rows(con, skip)

    def load(self, target: Any, rows: list) -> None:
        if isinstance(target, Path):
            _insert_sqlite(target, rows)
        else:
            _copy_pg(target, rows)

    def size(self, target: Any) -> int:
        if isinstance(target, Path):
            con = sqlite3.connect(target)
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            con.close()
            return target.stat().st_size
        with _admin(self.base) as con:
            return con.execute("SELECT pg_database_size(%s)", (RUN,)).fetchone()[0]


def import_all(
    engine: Engine, packages: list[str], steps: list | None = None, outcomes: list | None = None
) -> tuple[float, Any]:
    """A fresh receiver, then the packages imported one after the other; the seconds taken
    (each package's own seconds appended to ``steps``, its status and counts to ``outcomes``)."""
    from kinerja_desktop.services.common.actor import SYSTEM
    from kinerja_desktop.services.demo.city import _SYNC_AT
    from kinerja_desktop.services.sync import import_package

    target = engine.fresh()
    receipts = engine.work / "receipts"
    shutil.rmtree(receipts, ignore_errors=True)
    receipts.mkdir()
    start = time.perf_counter()
    db = engine.open(target)
    try:
        for package in packages:
            began = time.perf_counter()
            done = import_package(db, SYSTEM, Path(package), confirm=True,
                                  receipt_dir=receipts, now=_SYNC_AT)  # fmt: skip
            if outcomes is not None:
                outcomes.append({"status": done.status, **done.counts})
            if steps is not None:
                steps.append(round(time.perf_counter() - began, 3))
    finally:
        db.close()
    return time.perf_counter() - start, target


def recap(engine: Engine, target: Any) -> float:
    from kinerja_desktop.services.reporting import write_recap

    db = engine.open(target)
    out = engine.work / "recap.pdf"
    start = time.perf_counter()
    try:
        write_recap(db, period=PERIOD, out=out)
    finally:
        db.close()
    return time.perf_counter() - start


def point(
    engine: Engine, packages: list[str], rounds: int, *, quick: bool = False
) -> dict[str, Any]:
    """Import, floor (paired, interleaved), then recap and size, for one engine and k packages.

    ``quick``: the import that finds the rows is also the first measured one (the A that opens
    the first A B B A) instead of an unrecorded extra, which saves one whole import per point
    at full scale; the process is warm by then from the earlier points.
    """
    template = engine.fresh()
    before, empty = _keys(engine.read(template, set())), engine.size(template)
    steps: list[float] = []  # the first run: finds the rows, times each package
    outcomes: list[dict[str, Any]] = []
    seconds, target = import_all(engine, packages, steps, outcomes)
    rows = engine.read(target, before)
    size, recaps = engine.size(target), [recap(engine, target)]

    def run_import() -> float:
        took, target = import_all(engine, packages)
        if len(recaps) < 3:
            recaps.append(recap(engine, target))
        return took

    def run_floor() -> float:
        target = engine.fresh()
        start = time.perf_counter()
        engine.load(target, rows)
        return time.perf_counter() - start

    if quick:  # A (the run above) B B A, then any further quads as usual
        imports, floors = [seconds], [run_floor(), run_floor()]
        imports.append(run_import())
        more = interleave(run_import, run_floor, pairs=rounds - 1, warmup=False)
        imports, floors = imports + more[0], floors + more[1]
    else:
        imports, floors = interleave(run_import, run_floor, pairs=rounds, warmup=False)
    count = sum(len(v) for _n, _c, v in rows)
    return {"engine": engine.name, "k": len(packages), "rows": count, "import": imports,
            "floor": floors, "recap": recaps, "size_mb": size / 1e6, "empty_mb": empty / 1e6,
            "first": seconds, "steps": steps, "outcomes": outcomes}  # fmt: skip


def show(result: dict[str, Any]) -> None:
    name, k = result["engine"], result["k"]
    size = f"size {result['size_mb']:.1f} MB"
    print(f"{name}, {k} kecamatan: {result['rows']:,} rows created, {size}")
    print(summary_line("  import", result["import"], " s"))
    print(summary_line("  floor", result["floor"], " s"))
    print(summary_line("  ratio import / floor", ratios(result["import"], result["floor"]), "x"))
    print(summary_line("  city recap PDF", result["recap"], " s"))
    print(summary_line("  import per kecamatan", [s / k for s in result["import"]], " s"))
    # Kecamatan differ in size (Koto Tangah is 2.5x Nanggalo): per 1,000 rows is the fair curve.
    per = [1000 * s / result["rows"] for s in result["import"]]
    print(summary_line("  import per 1,000 rows", per, " s"))
    print(f"  each package's import, in order: {result['steps']} s")
    total: dict[str, int] = {}
    for outcome in result["outcomes"]:
        for key, n in outcome.items():
            if key != "status":
                total[key] = total.get(key, 0) + n
    statuses = sorted({o["status"] for o in result["outcomes"]})
    print(f"  first import: {statuses} {total}")
    grown = result["size_mb"] - result["empty_mb"]
    print(f"  size added per kecamatan {grown / k:.2f} MB (empty receiver "
          f"{result['empty_mb']:.1f} MB)", flush=True)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", required=True, help="postgresql+psycopg://user@host:port/db")
    parser.add_argument("--kecamatan", type=int, default=11)
    parser.add_argument("--curve", default="", help="points, e.g. 1,3,11 (default 1,3,N)")
    parser.add_argument("--rounds", type=int, default=1, help="A B B A rounds per point")
    parser.add_argument("--kelurahan", type=int, help="at most, per kecamatan (default all)")
    parser.add_argument("--puskesmas", type=int, help="at most, per kecamatan (default all)")
    parser.add_argument("--staff", type=float, default=0.0, help="share of the city's extra staff")
    parser.add_argument("--first-year", type=int, default=2026)
    parser.add_argument("--work", type=Path, help="keep the setup here (reused when present)")
    quick = "no unrecorded import per point: the first import is the first A"
    parser.add_argument("--quick", action="store_true", help=quick)
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-city-pg-"))
    work.mkdir(parents=True, exist_ok=True)
    if (work / "packages.json").exists():
        packages = json.loads((work / "packages.json").read_text())
    else:
        started = time.perf_counter()
        packages = setup(work, args)
        print(f"setup {time.perf_counter() - started:.0f} s in {work}", flush=True)
    pg_template(work, args.pg)
    curve = [int(k) for k in args.curve.split(",")] if args.curve else [1, 3, len(packages)]
    results = []
    for k in sorted(set(curve)):
        for engine in (Engine("postgresql", work, args.pg), Engine("sqlite", work, args.pg)):
            results.append(point(engine, packages[:k], args.rounds, quick=args.quick))
            show(results[-1])
    _drop(args.pg, RUN)
    _drop(args.pg, TEMPLATE)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
