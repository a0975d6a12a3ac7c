"""Benchmark: the largest kecamatan's full package into the city and into a small receiver.

Run ``python tests/benchmarks/bench_sync_city.py [--rounds N] [--work DIR]``. The setup (a
few minutes, kept in ``--work`` for the next run) builds the demo city (``demo --scale city``)
with Koto Tangah (1,536 employees, the largest kecamatan) as the kecamatan that travels by
package instead of Nanggalo, and stops just before the import: it keeps

- ``city.sqlite``: the city as it stands before the package (every other kecamatan's
  history bulk-loaded, about 800 MB);
- ``small.sqlite``: that same city pruned to the city office and Koto Tangah (every synced
  row of another office deleted), a receiver the size of one kecamatan;
- ``package.kinerja``: Koto Tangah's ``sync export --full`` package, and its sender.

Each figure comes from a fresh child process (peak memory ``RUSAGE_SELF`` of that child):

- ``import``: :func:`import_package` into a fresh copy of a receiver (every check, the
  pre-import copy with the backup API, one transaction, the receipt); the pre-import copy
  inside it is timed too (DESIGN.md 7 requires it, and it grows with the receiver, not with
  the package), so the city / small ratio is also printed without it;
- ``floor``: ``sqlite3.executemany`` of exactly the rows that import creates (every column,
  read back from a first import) into a fresh copy of the same receiver, one commit;
- ``carried``: bench_sync.py's floor for this package, ``executemany`` of every row it carries
  (the 95% it leaves unchanged too) into an empty database of the receiver's schema;
- ``export``: :func:`export_package` of the package at the sender.

Receivers run interleaved A B B A (city, small, small, city …; tests/benchmarks/pairing.py)
and each import is paired with the floor run beside it. Printed: median, min–max and n of
each, the import / floor ratio per receiver (aim <= 10x into the city), the city / small
import ratio (aim within 1.5x) and peak memory (aim < 400 MB). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import pickle
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.pairing import interleave, ratios, summary_line

LARGEST = "KTT"  # Koto Tangah


class _Stop(Exception):
    """Raised inside the city build once the receiver and the package are saved."""


def child_setup(work: Path) -> dict[str, float]:
    from kinerja_desktop.services.common.actor import SYSTEM
    from kinerja_desktop.services.demo import city
    from kinerja_desktop.services.sync import export_key, export_package, import_key

    path = work / "build.sqlite"

    def sync(self: Any, periods: Any) -> Any:
        # city._Build.sync up to the export; the city is saved as it stands before the import
        # (its periods are written, and most locked, only after the packages are in).
        source, db = self.kecamatan_db, self.city.db
        city.BulkWriter(source).write(periods)
        city._finish(source, LARGEST)
        export_key(source, self.work / "kecamatan.key")
        export_key(db, self.work / "kota.key")
        import_key(db, SYSTEM, self.work / "kecamatan.key")
        import_key(source, SYSTEM, self.work / "kota.key")
        package = export_package(source, SYSTEM, self.work, to=city.KOTA.code, full=True,
                                 now=city._SYNC_AT)  # fmt: skip
        source.close()
        shutil.copy(package.path, work / "package.kinerja")
        _backup(self.work / f"{LARGEST}.sqlite", work / "sender.sqlite")
        _backup(path, work / "city.sqlite")
        raise _Stop

    city.SYNC_KECAMATAN = LARGEST
    city._Build.sync = sync  # type: ignore[method-assign]
    with contextlib.suppress(_Stop):
        city.build_city(path, force=True)
    path.unlink(missing_ok=True)
    _prune(work / "city.sqlite", work / "small.sqlite")
    return {}


def _backup(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _prune(city: Path, small: Path) -> None:
    """``small``: ``city`` with every synced row of an office outside the city office and
    Koto Tangah's tree deleted."""
    shutil.copy(city, small)
    con = sqlite3.connect(small)
    try:
        keep = {r[0] for r in con.execute(
            "WITH RECURSIVE tree(id, code) AS (SELECT id, code FROM offices WHERE code = ? "
            "UNION ALL SELECT o.id, o.code FROM offices o JOIN tree ON o.parent_id = tree.id) "
            "SELECT code FROM tree UNION SELECT code FROM offices WHERE parent_id IS NULL",
            (LARGEST,),
        )}  # fmt: skip
        marks = ",".join("?" * len(keep))
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            columns = {r[1] for r in con.execute(f"PRAGMA table_info({table})")}
            if "origin_office" in columns and table != "offices":
                con.execute(f"DELETE FROM {table} WHERE origin_office NOT IN ({marks})",
                            tuple(keep))  # fmt: skip
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()


def child_export(work: Path) -> dict[str, float]:
    from kinerja_desktop.services.common.actor import SYSTEM
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.demo.city import _SYNC_AT, KOTA
    from kinerja_desktop.services.sync import export_package

    sender = work / "sender-run.sqlite"
    shutil.copy(work / "sender.sqlite", sender)
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    with Database.open(sender) as db:
        export_package(db, SYSTEM, out, to=KOTA.code, full=True, now=_SYNC_AT)
    took = time.perf_counter() - start
    sender.unlink()
    return {"seconds": took}


def _fresh(work: Path, receiver: str) -> Path:
    target = work / f"{receiver}-run.sqlite"
    for stale in work.glob(f"{receiver}-run.sqlite*"):
        stale.unlink()
    shutil.rmtree(work / "backups", ignore_errors=True)
    shutil.copy(work / f"{receiver}.sqlite", target)
    return target


def child_import(work: Path, receiver: str) -> dict[str, float]:
    from kinerja_desktop.services.common.actor import SYSTEM
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.demo.city import _SYNC_AT
    from kinerja_desktop.services.sync import import_package, importer

    target = _fresh(work, receiver)
    copying: list[float] = []
    make_slot = importer.make_import_slot

    def timed_slot(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return make_slot(*args, **kwargs)
        finally:
            copying.append(time.perf_counter() - started)

    importer.make_import_slot = timed_slot  # type: ignore[assignment]
    start = time.perf_counter()
    with Database.open(target) as db:
        summary = import_package(db, SYSTEM, work / "package.kinerja", confirm=True,
                                 receipt_dir=work / "receipts", now=_SYNC_AT)  # fmt: skip
    took = time.perf_counter() - start
    if not (work / "floor.pickle").exists():
        _save_floor(work, receiver, target)
    target.unlink()
    assert len(copying) == 1, "one pre-import copy per import"
    return {"seconds": took, "copy": copying[0],
            **{k: float(v) for k, v in summary.counts.items()}}  # fmt: skip


def _save_floor(work: Path, receiver: str, imported: Path) -> None:
    """The floors' rows, every column, parents first: those the import created (read back
    from ``imported``), and every row the package carries: the sender's rows the receiver
    holds after the import (created or unchanged; nothing was rejected)."""
    con = sqlite3.connect(imported)
    con.execute("ATTACH DATABASE ? AS before", (str(work / f"{receiver}.sqlite"),))
    con.execute("ATTACH DATABASE ? AS sender", (str(work / "sender.sqlite"),))
    created = _rows_of(con, "main.{t} WHERE uuid NOT IN (SELECT uuid FROM before.{t})")
    carried = _rows_of(con, "sender.{t} WHERE uuid IN (SELECT uuid FROM main.{t})")
    con.close()
    (work / "floor.pickle").write_bytes(pickle.dumps(created))
    (work / "floor-carried.pickle").write_bytes(pickle.dumps(carried))


def _rows_of(con: sqlite3.Connection, source: str) -> list[tuple[str, list[str], list]]:
    """``(table, columns, rows)`` of every synced table, parents first, from ``source``
    (``{t}``: the table's name)."""
    from kinerja_desktop.storage.models import Base

    rows: list[tuple[str, list[str], list]] = []
    for table in Base.metadata.sorted_tables:
        if "uuid" in table.c:
            columns = [c.name for c in table.c]
            query = f"SELECT {', '.join(columns)} FROM {source.format(t=table.name)}"
            found = con.execute(query).fetchall()
            if found:
                rows.append((table.name, columns, found))
    return rows


def child_floor_carried(work: Path, receiver: str) -> dict[str, float]:
    """bench_sync.py's floor for this package: ``executemany`` of every row it carries
    (created and unchanged alike) into an empty database of the same schema, one commit.
    Foreign keys off: the rows refer to offices the package does not carry."""
    rows = pickle.loads((work / "floor-carried.pickle").read_bytes())
    target = work / "carried-run.sqlite"
    target.unlink(missing_ok=True)
    source = sqlite3.connect(work / f"{receiver}.sqlite")
    schema = [r[0] for r in source.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
        "ORDER BY type = 'table' DESC"
    )]  # fmt: skip
    source.close()
    con = sqlite3.connect(target)
    for statement in schema:
        con.execute(statement)
    con.commit()
    start = time.perf_counter()
    for table, columns, values in rows:
        marks = ", ".join("?" * len(columns))
        con.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)
    con.commit()
    took = time.perf_counter() - start
    con.close()
    target.unlink()
    return {"seconds": took, "rows": float(sum(len(v) for _t, _c, v in rows))}


def child_floor(work: Path, receiver: str) -> dict[str, float]:
    rows = pickle.loads((work / "floor.pickle").read_bytes())
    target = _fresh(work, receiver)
    start = time.perf_counter()
    con = sqlite3.connect(target)
    con.execute("PRAGMA foreign_keys=ON")
    for table, columns, values in rows:
        marks = ", ".join("?" * len(columns))
        con.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)
    con.commit()
    con.close()
    took = time.perf_counter() - start
    target.unlink()
    return {"seconds": took, "rows": float(sum(len(v) for _t, _c, v in rows))}


def run_child(work: Path, mode: str, receiver: str = "") -> dict[str, float]:
    """One fresh process (this parent stays small: a child inherits its parent's peak)."""
    args = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--work", str(work)]
    done = subprocess.run([*args, "--receiver", receiver], check=True, capture_output=True,
                          text=True)  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1, help="A B B A rounds")
    parser.add_argument("--work", type=Path, help="keep the setup here (reused when present)")
    parser.add_argument("--child")
    parser.add_argument("--receiver", default="")
    args = parser.parse_args(argv)
    if args.child:
        modes = {"setup": child_setup, "export": child_export, "import": child_import,
                 "floor": child_floor, "carried": child_floor_carried}  # fmt: skip
        fn = modes[args.child]
        figures = fn(args.work, args.receiver) if args.receiver else fn(args.work)
        figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(figures))
        return 0
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-sync-city-"))
    work.mkdir(parents=True, exist_ok=True)
    if not (work / "small.sqlite").exists():
        started = time.perf_counter()
        run_child(work, "setup")
        print(f"setup {time.perf_counter() - started:.0f} s in {work}", flush=True)
    (work / "floor.pickle").unlink(missing_ok=True)
    first = run_child(work, "import", "city")  # unrecorded: warms the cache, saves the floor
    print(f"package: {json.dumps(first)}", flush=True)

    def side(receiver: str) -> Any:
        def run() -> dict[str, float]:
            imported = run_child(work, "import", receiver)
            floor = run_child(work, "floor", receiver)
            carried = run_child(work, "carried", receiver)
            return {"import": imported["seconds"], "floor": floor["seconds"],
                    "copy": imported["copy"], "import_mb": imported["peak_mb"],
                    "rows": floor["rows"], "carried": carried["seconds"],
                    "carried_rows": carried["rows"]}  # fmt: skip

        return run

    city, small = interleave(side("city"), side("small"), pairs=args.rounds, warmup=False)
    exports = [run_child(work, "export") for _ in range(2)]
    _report(city, small, exports)
    return 0


def _report(city: list[dict], small: list[dict], exports: list[dict]) -> None:
    print(f"rows the import creates: {int(city[0]['rows']):,}; rows the package carries: "
          f"{int(city[0]['carried_rows']):,}")  # fmt: skip
    for name, runs in (("city", city), ("small", small)):
        imported, floor = [r["import"] for r in runs], [r["floor"] for r in runs]
        carried = [r["carried"] for r in runs]
        print(summary_line(f"import into the {name}", imported, " s"))
        print(summary_line(f"floor into the {name} (the rows it creates)", floor, " s"))
        print(summary_line(f"  ratio import / floor ({name})", ratios(imported, floor), "x"))
        print(summary_line(f"floor of every row carried ({name})", carried, " s"))
        print(summary_line(f"  ratio import / carried ({name})", ratios(imported, carried), "x"))
        print(summary_line(f"  pre-import copy ({name})", [r["copy"] for r in runs], " s"))
        print(summary_line(f"  peak MB, import ({name})", [r["import_mb"] for r in runs], " MB"))
    print(summary_line("ratio city / small import", ratios([r["import"] for r in city],
                       [r["import"] for r in small]), "x"))  # fmt: skip
    print(
        summary_line(
            "  without the pre-import copy",
            ratios(
                [r["import"] - r["copy"] for r in city], [r["import"] - r["copy"] for r in small]
            ),
            "x",
        )
    )
    print(summary_line("export at the sender", [e["seconds"] for e in exports], " s"))
    print(summary_line("  peak MB, export", [e["peak_mb"] for e in exports], " MB"))
    print(json.dumps({"city": city, "small": small, "exports": exports}))


if __name__ == "__main__":
    raise SystemExit(main())
