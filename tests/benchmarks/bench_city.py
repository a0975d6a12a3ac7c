"""Benchmark: build the full demo city (``demo --scale city``) and report time, size and rows.

Run ``python tests/benchmarks/bench_city.py [--keep PATH | --keep postgresql+psycopg://…]``.
It builds BKPSDM Kota Padang (11 kecamatan, 104 kelurahan, 23 puskesmas, about 11,000
employees, 2022-Q1 to 2026-Q3) into a temporary folder (or the file or the empty server
database given), then prints the wall time of the whole build and of its parts (generating and
bulk-writing the history; the Nanggalo package's export and import through sync), the size
(the file's, or ``pg_database_size``), the peak memory of the process and the rows per table.
The aim is at most 15 minutes on the 2-core reference machine. Not collected by pytest
(``--ignore=tests/benchmarks``).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="build here and keep it: a file, or an empty server db")
    args = parser.parse_args(argv)

    from kinerja_desktop.config import parse_db_address
    from kinerja_desktop.services.demo.city import build_city

    work = Path(tempfile.mkdtemp(prefix="bench-city-"))
    path = parse_db_address(args.keep) if args.keep else work / "kota.sqlite"
    started = time.perf_counter()

    def progress(code: str, params: dict) -> None:
        peak_now = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        elapsed = time.perf_counter() - started
        print(f"{elapsed:7.1f} s  peak {peak_now:5.0f} MB  {code} {params}", file=sys.stderr)

    summary = build_city(path, force=True, progress=progress)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"build              {summary.seconds:>9.1f} s  (aim <= 900 s)")
    print(f"  history (bulk)   {summary.generate_seconds:>9.1f} s")
    print(f"  sync export      {summary.export_seconds:>9.1f} s  ({summary.package_rows:,} rows)")
    print(f"  sync import      {summary.import_seconds:>9.1f} s  {summary.sync_counts}")
    print(f"size               {summary.size_bytes / 1e6:>9.1f} MB")
    print(f"peak memory        {peak:>9.0f} MB")
    for table, count in sorted(summary.rows.items(), key=lambda item: -item[1]):
        print(f"  {table:<24} {count:>10,}")
    print(f"  {'total':<24} {sum(summary.rows.values()):>10,}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
