"""The longest GUI-thread stall while switching from a city database to the demo (issue 16).

Run ``python tests/benchmarks/bench_switch_stall.py --db CITY.sqlite [--pairs 2]`` (or set
``KINERJA_BENCH_DB``). It copies the city database and builds the demo in a temporary folder,
then, in one window signed in as the demo admin, opens the city copy (not measured) and
switches to the demo as Berkas › Buka database… does (``Startup.open``), with a 10 ms
``QTimer`` on the GUI thread noting the widest gap between its ticks until the first rows of
the demo are shown and the runner is idle. Two ways, interleaved A B B A (``pairing.py``):

- ``gui close``: the old database closed on the GUI thread, as before (``set_database`` made
  to close at once: its engines disposed, the WAL checkpointed, its companions removed);
- ``writer close``: closed on the task runner's writer after the reads on it (now).

Before each switch ``--wal-mb`` of pages (4 by default: about what SQLite's automatic
checkpoint leaves at most, 1000 pages) are written to the city's WAL through a connection
beside the app's, so the close has the checkpoint a session of work leaves (with an empty WAL
the close takes about 1 ms). The background check and the automatic backup are switched off:
they run on the writer and would only lengthen the wait for an idle runner. Not collected by
pytest.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.bench_gui_stall import TIMEOUT_S, Watchdog, _settle
from tests.benchmarks.pairing import interleave, summary_line


def _open(app: Any, startup: Any, path: Path) -> None:
    done: list[object] = []
    startup.finished.connect(done.append)
    try:
        startup.open(path)
        start = time.perf_counter()
        while not done and time.perf_counter() - start < TIMEOUT_S:
            app.processEvents()
            time.sleep(0.002)
    finally:
        startup.finished.disconnect(done.append)
    if startup.window.database is None or startup.window.database.path != path:
        raise SystemExit(f"{path} did not open")
    _settle(app, startup.runner)


def _fill_wal(path: Path, megabytes: int) -> None:
    """Leave ``megabytes`` of pages in the WAL for the app's close to checkpoint (the app's
    connections stay open, so closing this one checkpoints nothing)."""
    if megabytes <= 0:
        return
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_autocheckpoint=0")
        con.execute("CREATE TABLE bench_pad (x BLOB)")
        con.executemany("INSERT INTO bench_pad VALUES (randomblob(3000))", [()] * megabytes * 340)
        con.commit()
        con.execute("DROP TABLE bench_pad")
        con.commit()
    finally:
        con.close()


def measure(
    city: Path, demo: Path, pairs: int, wal_mb: int
) -> tuple[list[tuple[float, ...]], list[tuple[float, ...]]]:
    """Per run of each way: (the longest gap, the seconds ``set_database(None)`` held the GUI
    thread when the city was let go of, the seconds its close took wherever it ran)."""
    from PySide6.QtWidgets import QApplication

    from kinerja_desktop.gui.main_window import MainWindow
    from kinerja_desktop.gui.startup import Startup
    from kinerja_desktop.services.common import Database

    closes: list[float] = []
    real_close = Database.close

    def close(db: Database) -> None:
        start = time.perf_counter()
        real_close(db)
        if db.path == city:
            closes.append(time.perf_counter() - start)

    Database.close = close  # type: ignore[method-assign]
    app = QApplication.instance() or QApplication([])
    window = MainWindow(lang="id")
    startup = Startup(window, auto_login=("admin", "demo-admin"), ask_login=False)
    startup._auto_backup = lambda _path: None  # type: ignore[method-assign]
    startup.health.check_later = lambda _path, _lock, *, is_current, then: then()  # type: ignore[method-assign]
    real_set = window.set_database
    window.resize(1280, 800)
    window.show()
    watchdog = Watchdog()

    def switch(close_at_once: bool) -> tuple[float, float, float]:
        _open(app, startup, city)
        _fill_wal(city, wal_mb)
        emptied: list[float] = []
        closes.clear()

        def set_database(db: Any, **options: Any) -> Any:
            if close_at_once:  # as before: the old database closes on the GUI thread
                options["close_later"] = False
            start = time.perf_counter()
            try:
                return real_set(db, **options)
            finally:
                if db is None:
                    emptied.append(time.perf_counter() - start)

        window.set_database = set_database  # type: ignore[method-assign]
        try:
            watchdog.reset()
            _open(app, startup, demo)
            return watchdog.longest, sum(emptied), sum(closes)
        finally:
            window.set_database = real_set  # type: ignore[method-assign]

    try:
        return interleave(lambda: switch(True), lambda: switch(False), pairs=pairs)
    finally:
        window.close()
        startup.release()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=os.environ.get("KINERJA_BENCH_DB") or None)
    parser.add_argument("--pairs", type=int, default=2)
    parser.add_argument("--wal-mb", type=int, default=4)
    args = parser.parse_args()
    if args.db is None:
        parser.error("--db CITY.sqlite (or KINERJA_BENCH_DB) is needed")
    folder = Path(tempfile.mkdtemp(prefix="kinerja-switch-"))
    try:
        demo, city = folder / "demo.sqlite", folder / args.db.name
        subprocess.run([sys.executable, "-m", "kinerja_desktop", "--db", str(demo), "demo"],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        shutil.copy(args.db, city)  # the original is never opened
        before, now = measure(city, demo, args.pairs, args.wal_mb)
        print(f"switch {city.name} -> demo ({args.wal_mb} MB in its WAL), A B B A:")
        for index, name in enumerate(("longest gap", "set_database(None)", "the close itself")):
            a, b = [run[index] for run in before], [run[index] for run in now]
            print(summary_line(f"  {name}, gui close (before)", a, " ms", scale=1000))
            print(summary_line(f"  {name}, writer close (now)", b, " ms", scale=1000))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    sys.stdout.flush()
    os._exit(0)  # no teardown of Qt objects at exit (see bench_gui_stall.py)


if __name__ == "__main__":
    raise SystemExit(main())
