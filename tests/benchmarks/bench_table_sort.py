"""Benchmark: sorting and filtering 100,000 employees in the Pegawai table model.

Run ``python tests/benchmarks/bench_table_sort.py [--rows 100000] [--pairs 4]``. The model
sorts by name (descending) and then filters on a name fragment, as a click on the header and a
search would. Floor, run side by side: plain Python over the same rows (``sorted`` by the same
key, then a list comprehension ``needle in name``), the least any sort and filter can pay.
Runs are interleaved A B B A so a loaded machine slows both alike; the report gives the
median and min-max of each and of the paired ratios. A QSortFilterProxyModel took 28 s for the
sort alone (DESIGN.md section 8), which is why the model sorts its own list. This timing used to
be a wall-clock assertion in the normal suite; it lives here so a loaded CI machine cannot fail
a correct build. Not collected by pytest (``--ignore=tests/benchmarks``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_employee_filter import make_rows
from tests.benchmarks.pairing import interleave, report, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--pairs", type=int, default=4)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from kinerja_desktop.gui.register import model as emp
    from kinerja_desktop.gui.register.model import EmployeeTableModel

    _app = QApplication.instance() or QApplication([])
    rows = make_rows(args.rows)
    needle = "budi"

    def app_run() -> None:
        model = EmployeeTableModel()
        model.set_rows(rows)
        model.sort(emp.COL_NAME, Qt.SortOrder.DescendingOrder)
        model.set_filter(needle)
        assert model.rowCount() > 0

    def floor_run() -> None:
        ordered = sorted(rows, key=lambda r: r.full_name.casefold(), reverse=True)
        kept = [r for r in ordered if needle in r.full_name.casefold()]
        assert kept

    app_times, floor_times = interleave(timed(app_run), timed(floor_run), pairs=args.pairs)
    report(
        f"{args.rows:,} rows, sort by name desc + filter {needle!r}",
        app_times,
        floor_times,
        unit=" ms",
        scale=1000,
        app_name="model (app)",
        floor_name="plain Python",
    )


if __name__ == "__main__":
    main()
