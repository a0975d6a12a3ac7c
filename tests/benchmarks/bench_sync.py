"""Benchmark: a sync package with 100,000 realisation rows, against raw sqlite3 executemany.

Run ``python tests/benchmarks/bench_sync.py``. It builds the kecamatan demo and the Gurun Laweh
per-office demo, registers their keys with each other, and adds 2,000 evaluations with 50
realisations each (100,000 ``realisations`` rows) at the kelurahan. Then, in one run:

- ``baseline``: ``sqlite3.executemany`` of the same 100,000 rows (every column) into a copy of
  the kecamatan database that already holds the 2,000 evaluations, one commit;
- ``export``: :func:`export_package` at the kelurahan (JSON Lines, zip, signature, the
  bookkeeping of what was sent);
- ``import``: :func:`import_package` of that package into a fresh copy of the kecamatan
  database (container and signature checks, every checksum, parsing, references, NIP checks,
  the per-row decision, a backup, one transaction, the receipt);
- ``receipt`` (once, reported apart): reading that receipt back at the kelurahan, which marks
  every row delivered.

Each figure is the best of ``--repeat`` runs; the ratio is (export + import) / baseline, with
an aim of 10x or better. Not collected by pytest (``--ignore=tests/benchmarks``).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

EVALUATIONS = 2_000
PER_EVALUATION = 50
STAMP = "2026-05-01 00:00:00.000000"


def best(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


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


def baseline(target: Path, rows: list[tuple]) -> Callable[[], object]:
    """Prepare a kecamatan copy with the evaluations; the timed part inserts realisations."""
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
    realisations = [(eva[r[0]], ind[r[1]], *r[2:]) for kind, r in rows if kind == "R"]
    con.close()

    def run() -> None:
        con = sqlite3.connect(target)
        con.execute("PRAGMA foreign_keys=ON")
        con.executemany(
            "INSERT INTO realisations (evaluation_id, skp_indicator_id, value, note, uuid, "
            "version, updated_at, updated_by, origin_office) VALUES (?,?,?,?,?,?,?,?,?)",
            realisations,
        )
        con.rollback()  # keep the copy as it was for the next repeat
        con.close()

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from kinerja_desktop.services.common.actor import SYSTEM
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.demo.build import build_demo
    from kinerja_desktop.services.sync.exporter import export_package
    from kinerja_desktop.services.sync.importer import import_package
    from kinerja_desktop.services.sync.partners import export_key, import_key

    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    ngl, grl = work / "ngl.sqlite", work / "grl.sqlite"
    build_demo(ngl)
    build_demo(grl, office_code="NGL-GRL")
    with Database.open(ngl) as a, Database.open(grl) as b:
        export_key(a, work / "ngl.key")
        export_key(b, work / "grl.key")
        import_key(a, SYSTEM, work / "grl.key")
        import_key(b, SYSTEM, work / "ngl.key")
    rows = add_rows(grl)
    grl_template = work / "grl-template.sqlite"
    shutil.copy(grl, grl_template)

    base_db = work / "baseline.sqlite"
    shutil.copy(ngl, base_db)
    base = best(args.repeat, baseline(base_db, rows))

    packages: list[Path] = []

    def do_export() -> None:
        shutil.copy(grl_template, grl)
        with Database.open(grl) as db:
            out = work / f"out{len(packages)}"
            packages.append(Path(export_package(db, SYSTEM, out).path))

    export = best(args.repeat, do_export)
    package = packages[-1]
    summaries = []

    def do_import() -> None:
        target = work / f"ngl-{len(summaries)}.sqlite"
        shutil.copy(ngl, target)
        with Database.open(target) as db:
            summaries.append(import_package(db, SYSTEM, package, receipt_dir=work))

    imported = best(args.repeat, do_import)
    summary = summaries[-1]
    from kinerja_desktop.services.sync.receipts import read_receipt_file

    start = time.perf_counter()
    with Database.open(grl) as db:
        receipt = read_receipt_file(db, SYSTEM, Path(summary.receipt_path))
    acknowledged = time.perf_counter() - start
    assert receipt.totals_agree and receipt.delivered == sum(summary.counts.values())
    assert summary.counts["created"] == EVALUATIONS * (PER_EVALUATION + 1), summary.counts
    size = package.stat().st_size
    total = export + imported
    print(f"rows in package    {sum(summary.counts.values()):>9,}  ({size / 1e6:.1f} MB)")
    print(f"baseline executemany {base:>7.2f} s  (100,000 realisations)")
    print(f"export             {export:>9.2f} s")
    print(f"import             {imported:>9.2f} s")
    print(f"ratio (export+import) / baseline: {total / base:.1f}x  (aim <= 10x)")
    print(
        f"receipt at the sender {acknowledged:>6.2f} s  (marks every row delivered; not in ratio)"
    )
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
