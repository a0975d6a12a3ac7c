"""Benchmark: a sync package with 100,000 realisation rows, against raw sqlite3 executemany.

Run ``python tests/benchmarks/bench_sync.py``. It builds the kecamatan demo and the Gurun Laweh
per-office demo, registers their keys with each other, and adds 2,000 evaluations with 50
realisations each (100,000 ``realisations`` rows) at the kelurahan. Then it measures, each run
in a fresh child process (so its peak memory, ``getrusage(RUSAGE_SELF).ru_maxrss`` in the child,
is its own: on Linux a child inherits its parent's peak reading, and ``RUSAGE_CHILDREN`` would
report the largest child ever waited for):

- ``floor``: ``sqlite3.executemany`` of the same 100,000 rows (every column) into a copy of the
  kecamatan database that already holds the 2,000 evaluations, one commit;
- ``export``: :func:`export_package` at the kelurahan (JSON Lines streamed into the zip, the
  signature, the bookkeeping of what was sent);
- ``import``: :func:`import_package` of that package into a fresh copy of the kecamatan
  database (container and signature checks, every checksum, parsing, references, NIP checks,
  the per-row decision, the pre-import copy, one transaction, the receipt);
- ``receipt`` (once, reported apart): reading that receipt back at the kelurahan.

The app (export then import) and its floor are paired and interleaved, A B B A per round, and
each figure is printed as median, min-max and n; the ratio is (export + import) / floor per
pair, with an aim of 10x or better, and peak memory aims under 400 MB. Not collected by pytest
(``--ignore=tests/benchmarks``). The city mode (the largest kecamatan's package into the
demo city and into a small receiver) is ``tests/benchmarks/bench_sync_city.py``.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

EVALUATIONS = 2_000
PER_EVALUATION = 50
STAMP = "2026-05-01 00:00:00.000000"


def add_rows(path: Path) -> list[tuple]:
    """Add the evaluations and realisations at the kelurahan; return the realisation tuples
    (without ids, evaluation and indicator as uuids) for the baseline."""
    con = sqlite3.connect(path)
    try:
        employees = [
            r[0]
            for r in con.execute(
                "SELECT id FROM employees WHERE origin_office = 'NGL-GRL' ORDER BY id"
            )
        ]
        indicators = [
            r[0]
            for r in con.execute(
                "SELECT id FROM skp_indicators WHERE origin_office = 'NGL-GRL' ORDER BY id"
            )
        ][:PER_EVALUATION]
        assert len(indicators) == PER_EVALUATION, "the demo office has too few indicators"
        evaluations = []
        for n in range(EVALUATIONS):
            evaluations.append((
                employees[n % len(employees)], "2026-Q2", 100 + n, "draft", "", "",
                str(uuid.uuid4()), 1, STAMP, "bench", "NGL-GRL",
            ))  # fmt: skip
        con.executemany(
            "INSERT INTO evaluations (employee_id, period, revision, status, status_reason, "
            "rules_version, uuid, version, updated_at, updated_by, origin_office) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            evaluations,
        )
        ids = [r[0] for r in con.execute("SELECT id FROM evaluations WHERE revision >= 100")]
        rows = []
        for e in ids:
            for i in indicators:
                rows.append((e, i, f"{(e * 7 + i) % 1000}.500000", "catatan realisasi",
                             str(uuid.uuid4()), 1, STAMP, "bench", "NGL-GRL"))  # fmt: skip
        con.executemany(
            "INSERT INTO realisations (evaluation_id, skp_indicator_id, value, note, uuid, "
            "version, updated_at, updated_by, origin_office) VALUES (?,?,?,?,?,?,?,?,?)",
            rows,
        )
        con.commit()
        evals = con.execute(
            "SELECT uuid, employee_id, period, revision, status, status_reason, rules_version, "
            "version, updated_at, updated_by, origin_office FROM evaluations "
            "WHERE revision >= 100"
        ).fetchall()
        emp = dict(con.execute("SELECT id, uuid FROM employees").fetchall())
        ind = dict(con.execute("SELECT id, uuid FROM skp_indicators").fetchall())
        eva = dict(con.execute("SELECT id, uuid FROM evaluations").fetchall())
        real = [(eva[r[0]], ind[r[1]], *r[2:]) for r in rows]
        return [("E", (e[0], emp[e[1]], *e[2:])) for e in evals] + [("R", r) for r in real]
    finally:
        con.close()


def prepare_floor(target: Path, rows: list[tuple]) -> Path:
    """A kecamatan copy with the evaluations, and the realisation tuples (ids resolved) the
    floor inserts, saved beside it."""
    con = sqlite3.connect(target)
    emp = dict(con.execute("SELECT uuid, id FROM employees").fetchall())
    con.executemany(
        "INSERT INTO evaluations (uuid, employee_id, period, revision, status, status_reason, "
        "rules_version, version, updated_at, updated_by, origin_office) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [(r[0], emp[r[1]], *r[2:]) for kind, r in rows if kind == "E"],
    )
    con.commit()
    eva = dict(con.execute("SELECT uuid, id FROM evaluations").fetchall())
    ind = dict(con.execute("SELECT uuid, id FROM skp_indicators").fetchall())
    con.close()
    realisations = [(eva[r[0]], ind[r[1]], *r[2:]) for kind, r in rows if kind == "R"]
    saved = target.with_suffix(".json")
    saved.write_text(json.dumps(realisations))
    return saved


# -- what each child process does -------------------------------------------------------------


def child_floor(work: Path) -> dict[str, float]:
    realisations = [tuple(r) for r in json.loads((work / "floor.json").read_text())]
    target = work / "floor-run.sqlite"
    shutil.copy(work / "floor.sqlite", target)
    start = time.perf_counter()
    con = sqlite3.connect(target)
    con.execute("PRAGMA foreign_keys=ON")
    con.executemany(
        "INSERT INTO realisations (evaluation_id, skp_indicator_id, value, note, uuid, "
        "version, updated_at, updated_by, origin_office) VALUES (?,?,?,?,?,?,?,?,?)",
        realisations,
    )
    con.commit()
    con.close()
    return {"floor": time.perf_counter() - start}


def child_export(work: Path) -> dict[str, float]:
    from kinerja_desktop.services.common.actor import SYSTEM
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.sync.exporter import export_package

    grl = work / "grl-run.sqlite"
    shutil.copy(work / "grl-template.sqlite", grl)
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    with Database.open(grl) as db:
        path = Path(export_package(db, SYSTEM, out, to="NGL").path)
    took = time.perf_counter() - start
    shutil.copy(path, work / "package.kinerja")
    return {"export": took}


def child_import(work: Path) -> dict[str, float]:
    from kinerja_desktop.services.common.actor import SYSTEM
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.sync.importer import import_package

    target = work / "ngl-run.sqlite"
    for stale in work.glob("ngl-run.sqlite*"):
        stale.unlink()
    shutil.rmtree(work / "backups", ignore_errors=True)
    shutil.copy(work / "ngl.sqlite", target)
    package = work / "package.kinerja"
    start = time.perf_counter()
    with Database.open(target) as db:
        summary = import_package(db, SYSTEM, package, receipt_dir=work / "receipts")
    took = time.perf_counter() - start
    assert summary.counts["created"] == EVALUATIONS * (PER_EVALUATION + 1), summary.counts
    return {"import": took, "rows": sum(summary.counts.values())}


def children() -> dict[str, Callable[[Path], dict[str, float]]]:
    return {"setup": child_setup, "floor": child_floor, "export": child_export,
            "import": child_import, "receipt": child_receipt}  # fmt: skip


def run_child(mode: str, work: Path) -> dict[str, float]:
    """Figures and peak resident memory (MB) of one fresh process, started by this small one,
    which never loads the app: a child inherits its parent's peak reading across fork and
    exec."""
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--work", str(work)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def summary(values: list[float], unit: str, digits: int = 2) -> str:
    return (
        f"median {statistics.median(values):.{digits}f} {unit}  "
        f"(min-max {min(values):.{digits}f}-{max(values):.{digits}f}, n={len(values)})"
    )


def child_setup(work: Path) -> dict[str, float]:
    from kinerja_desktop.services.common.actor import SYSTEM
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.demo.build import build_demo
    from kinerja_desktop.services.sync.partners import export_key, import_key

    ngl, grl = work / "ngl.sqlite", work / "grl.sqlite"
    build_demo(ngl)
    build_demo(grl, office_code="NGL-GRL")
    with Database.open(ngl) as a, Database.open(grl) as b:
        export_key(a, work / "ngl.key")
        export_key(b, work / "grl.key")
        import_key(a, SYSTEM, work / "grl.key")
        import_key(b, SYSTEM, work / "ngl.key")
    rows = add_rows(grl)
    shutil.copy(grl, work / "grl-template.sqlite")
    shutil.copy(ngl, work / "floor.sqlite")
    prepare_floor(work / "floor.sqlite", rows)
    return {}


def child_receipt(work: Path) -> dict[str, float]:
    from kinerja_desktop.services.common.actor import SYSTEM
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.sync.receipts import read_receipt_file

    receipt = next((work / "receipts").glob("RECEIPT-*.json"))
    start = time.perf_counter()
    with Database.open(work / "grl-run.sqlite") as db:
        read_receipt_file(db, SYSTEM, receipt)
    return {"receipt": time.perf_counter() - start}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="A B B A rounds (n = 2 x rounds)")
    parser.add_argument("--child", choices=sorted(children()))
    parser.add_argument("--work", type=Path, help="keep the setup here (reused when present)")
    args = parser.parse_args(argv)
    if args.child:
        figures = children()[args.child](args.work)
        figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(figures))
        return 0

    work = args.work or Path(tempfile.mkdtemp(prefix="bench-sync-"))
    work.mkdir(parents=True, exist_ok=True)
    if not (work / "floor.json").exists():
        run_child("setup", work)
    app: list[dict[str, float]] = []
    floor: list[dict[str, float]] = []

    def run_app() -> None:
        exported = run_child("export", work)
        imported = run_child("import", work)
        app.append({"export": exported["export"], "import": imported["import"],
                    "export_mb": exported["peak_mb"], "import_mb": imported["peak_mb"],
                    "rows": imported["rows"]})  # fmt: skip

    for _ in range(args.rounds):  # A B B A
        run_app()
        floor.append(run_child("floor", work))
        floor.append(run_child("floor", work))
        run_app()
    report(work, app, floor)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def report(work: Path, app: list[dict[str, float]], floor: list[dict[str, float]]) -> None:
    acknowledged = run_child("receipt", work)["receipt"]
    size = (work / "package.kinerja").stat().st_size
    # Pairs in A B B A order: app run i with floor run i.
    ratios = [(a["export"] + a["import"]) / f["floor"] for a, f in zip(app, floor, strict=True)]
    print(f"rows in package    {int(app[-1]['rows']):,}  ({size / 1e6:.1f} MB)")
    print(f"floor executemany  {summary([f['floor'] for f in floor], 's')}")
    print(f"export             {summary([a['export'] for a in app], 's')}")
    print(f"import             {summary([a['import'] for a in app], 's')}")
    print(f"ratio (export+import) / floor: {summary(ratios, 'x', 1)}  (aim <= 10x)")
    print(f"peak memory floor  {summary([f['peak_mb'] for f in floor], 'MB', 0)}")
    print(f"peak memory export {summary([a['export_mb'] for a in app], 'MB', 0)}  (aim < 400)")
    print(f"peak memory import {summary([a['import_mb'] for a in app], 'MB', 0)}  (aim < 400)")
    print(f"receipt at the sender {acknowledged:.2f} s  (marks every row delivered; not in ratio)")


if __name__ == "__main__":
    raise SystemExit(main())
