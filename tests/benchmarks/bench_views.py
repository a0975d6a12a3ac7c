"""Benchmark: opening the Evaluasi view (and the Laporan counts, the completion monitor) on a
city database (issue 16, "views open <= 0.5 s at city scale").

Run ``PYTHONPATH=. python tests/benchmarks/bench_views.py --db CITY_COPY --period 2026-Q2
--pairs 3`` on a *copy* of a city database (``demo --scale city``; the reads never write, but
the database is opened as the app opens it). Each read runs interleaved with its floor
(A B B A, tests/benchmarks/pairing.py) and prints the median, min–max and n of both, in
seconds, and of their paired ratio:

* ``Evaluasi read``: ``list_evaluations(period)``, the service the view's worker calls;
* ``Evaluasi open``: what opening the view costs, the view's own worker read
  (``EvaluationsView.fetch()``: the periods, the rows, every cell's text) plus what the GUI
  thread does with the result (``loaded``, then the model's rows, the column widths and a
  paint, as ``ListView._show_rows`` does), offscreen, shown at 1280 x 800;
* ``Laporan counts``: ``office_recap(period)``, the Laporan view's read;
* ``Monitor``: ``completion_summary(period)`` with its cells' texts, the monitor's read.

The floor of each: raw ``sqlite3`` fetching a plain SELECT of the period's live evaluations
(their id, employee, period, revision, status, timestamps and predikat: what a list row
starts from), the least any such read pays on this machine at this moment. Not collected by
pytest (``--ignore=tests/benchmarks``).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.pairing import interleave, report, summary_line, timed

FLOOR_SQL = (
    "SELECT id, employee_id, period, revision, status, submitted_at, uuid, predikat, "
    "updated_at FROM evaluations WHERE period = ? AND deleted_at IS NULL"
)


def floor_read(path: Path, period: str) -> Callable[[], object]:
    """Raw sqlite3 (read only) fetching the period's evaluations as plain tuples."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def run() -> object:
        return connection.execute(FLOOR_SQL, (period,)).fetchall()

    return run


def evaluasi_open(db: Any, period: str, gui: list[float]) -> Callable[[], object]:
    """The Evaluasi view opened on ``period``: its worker read, then the GUI thread's part
    (whose seconds each run appends to ``gui``)."""
    from PySide6.QtWidgets import QApplication

    from kinerja_desktop.gui.evaluation.view import EvaluationsView

    app = QApplication.instance() or QApplication([])
    view = EvaluationsView(lang="id")
    # focus() and showing start the view's own refresh on its worker: keep it out of the way.
    view.refresh = lambda: None  # type: ignore[method-assign]
    view.resize(1280, 800)
    view.show()
    reader = db.reader()

    def run() -> object:
        view.focus(period, None, None)  # the period asked for, as the Dasbor asks for it
        data = view.fetch()(reader)
        # What the view does when the read arrives (ListView._arrived): its rows, their
        # prepared texts and the column widths, then the paint.
        started = time.perf_counter()
        view._show_rows(db, view.loaded(data))
        app.processEvents()
        gui.append(time.perf_counter() - started)
        assert view.model.total_count() == len(data.rows) > 0
        return data

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path, help="a copy of a city database")
    parser.add_argument("--period", default="2026-Q2")
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument(
        "--only", choices=("read", "open", "laporan", "monitor"), action="append", default=None
    )
    args = parser.parse_args(argv)

    from kinerja_desktop.gui.evaluation.model import completion_columns
    from kinerja_desktop.gui.kit.table_model import prepare_rows
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.evaluation import completion_summary, list_evaluations
    from kinerja_desktop.services.reporting import office_recap

    db = Database.open(args.db, migrate=False)
    reader = db.reader()
    period = args.period
    floor = timed(floor_read(args.db, period))
    count = len(list_evaluations(reader, period=period))
    print(f"{args.db}  period {period}  {count:,} rows in the Evaluasi list")

    def evaluasi() -> object:
        return list_evaluations(reader, period=period)

    def monitor() -> object:
        summary = completion_summary(reader, period)
        return prepare_rows(completion_columns("id"), summary.rows)

    cases: dict[str, tuple[str, Callable[[], object]]] = {
        "read": ("Evaluasi read (list_evaluations)", evaluasi),
        "laporan": ("Laporan counts (office_recap)", lambda: office_recap(reader, period=period)),
        "monitor": ("Monitor (completion_summary + cells)", monitor),
    }
    gui: list[float] = []
    if args.only is None or "open" in args.only:
        # Made only when asked: it loads Qt.
        cases["open"] = ("Evaluasi open (worker + GUI thread)", evaluasi_open(db, period, gui))
    for key in ("read", "open", "laporan", "monitor"):
        if key not in cases or (args.only is not None and key not in args.only):
            continue
        title, run = cases[key]
        app, base = interleave(timed(run), floor, pairs=args.pairs)
        report(title, app, base, floor_name="floor", aim="open <= 0.5 s")
        if key == "open":
            print(summary_line("  of which the GUI thread", gui[1:], " s"))  # warm-up left out
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
