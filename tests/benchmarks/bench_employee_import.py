"""Benchmark: importing a 10,000-row employee sheet against a bare openpyxl read of it.

Run ``python tests/benchmarks/bench_employee_import.py``. It builds the demo database, writes a
10,000-row sheet in the template layout (new employees across the demo offices, PNS and PPPK,
some fungsional, each with an atasan: an existing head or an earlier row of the same file), then
times in one run:

- ``bare``: ``openpyxl.load_workbook(read_only=True)`` and one ``iter_rows(values_only=True)``
  pass over the same file, the least any import must pay;
- ``import``: :func:`import_employees` applying every row (a fresh copy of the demo each time);
- ``re-import``: the same file again (every row unchanged, nothing written);
- ``dry run``: validation only.

Each is interleaved with the bare read (A B B A, ``--pairs``, tests/benchmarks/pairing.py)
and reported as median, min–max and n of each side and of the paired ratio. The aim is an
import within 2x of the bare read.
Not collected by pytest (``--ignore=tests/benchmarks``).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.pairing import interleave, report, timed

ROWS = 10_000


def make_rows(count: int, heads: dict[str, str]) -> list[dict[str, object]]:
    """``count`` new employees with valid, distinct NIPs (born 1990-1999, TMT 2015-2023)."""
    rng = random.Random(7)
    offices = sorted(heads)
    rows, seen = [], set()
    while len(rows) < count:
        born = f"{rng.randint(1990, 1999)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        pppk = rng.random() < 0.25
        middle = f"{rng.choice((2022, 2023))}21" if pppk else f"{rng.randint(2015, 2023)}03"
        gender = rng.choice("12")
        nip = f"{born}{middle}{gender}{rng.randint(1, 999):03d}"
        if nip in seen:
            continue
        seen.add(nip)
        office = offices[len(rows) % len(offices)]
        fungsional = rng.random() < 0.2
        # Half report to the office head, the rest to an earlier row of the same file.
        atasan = (
            heads[office]
            if len(rows) < 50 or rng.random() < 0.5
            else rows[-rng.randint(1, 40)]["nip"]
        )
        number = len(rows)
        grades = ("V", "VII", "IX") if pppk else ("II/c", "III/a", "III/b")
        rows.append({
            "nip": nip, "name": f"Pegawai Uji {number:05d}", "gender": "LP"[gender == "2"],
            "employment_type": "PPPK" if pppk else "PNS", "grade": rng.choice(grades),
            "jabatan": "Pranata Komputer Ahli Pertama" if fungsional else "Pengadministrasi Umum",
            "job_kind": "fungsional" if fungsional else "pelaksana",
            "functional_level": "ahli_pertama" if fungsional else None,
            "office_code": office, "is_head": "tidak", "atasan_nip": atasan,
            "phone": f"0812{rng.randint(1000000, 9999999)}", "email": f"uji{number}@demo.invalid",
        })  # fmt: skip
    for row in rows:
        if row["atasan_nip"] == row["nip"]:
            row["atasan_nip"] = heads[str(row["office_code"])]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--pairs", type=int, default=2)
    args = parser.parse_args(argv)

    import openpyxl

    from kinerja_desktop.services.common.actor import SYSTEM
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.demo.build import build_demo
    from kinerja_desktop.services.register.checks import load_state
    from kinerja_desktop.services.register.employee_import import import_employees
    from kinerja_desktop.services.register.employee_sheets import employee_spec
    from kinerja_desktop.services.register.employees import list_employees
    from kinerja_desktop.spreadsheet.writer import write_sheet

    folder = Path(tempfile.mkdtemp(prefix="kinerja-bench-"))
    try:
        demo = folder / "demo.sqlite"
        build_demo(demo)
        with Database.open(demo) as db:
            heads = {e.office_code: e.nip for e in list_employees(db) if e.is_head and e.active}
            with db.uow() as uow:
                spec = employee_spec(load_state(uow.session).offices)
        sheet = folder / "pegawai.xlsx"
        write_sheet(sheet, spec, make_rows(args.rows, heads))

        def bare() -> int:
            wb = openpyxl.load_workbook(sheet, read_only=True)
            count = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
            wb.close()
            return count

        def fresh_import() -> float:
            target = folder / "work.sqlite"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
            shutil.copy(demo, target)
            with Database.open(target) as db:
                start = time.perf_counter()
                summary = import_employees(db, SYSTEM, sheet)
                seconds = time.perf_counter() - start
                assert summary.applied and summary.created == args.rows, summary.errors[:3]
            return seconds

        size = sheet.stat().st_size / 1e6
        print(f"file: {args.rows} rows x {len(spec.columns)} columns, {size:.1f} MB")
        floor = timed(bare)
        made, bare_a = interleave(fresh_import, floor, pairs=args.pairs)
        report("import (all rows created)", made, bare_a, floor_name="openpyxl read",
               aim="<= 2x")  # fmt: skip
        with Database.open(folder / "work.sqlite") as db:
            again = timed(lambda: import_employees(db, SYSTEM, sheet))
            dry = timed(lambda: import_employees(db, SYSTEM, sheet, dry_run=True))
            same, bare_b = interleave(again, floor, pairs=args.pairs)
            report("re-import (all unchanged)", same, bare_b, floor_name="openpyxl read")
            tried, bare_c = interleave(dry, floor, pairs=args.pairs)
            report("dry run", tried, bare_c, floor_name="openpyxl read")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
