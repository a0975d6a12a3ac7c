"""Cold-start benchmark: Kinerja Desktop against a bare PySide6 window, in one run.

Not part of the test suite (machines here are noisy; ratios against a baseline measured in the
same run are what count). Run it with::

    python tests/benchmarks/bench_startup.py [--pairs 3]

It builds a demo database once, then starts as fresh processes, interleaved A B B A
(tests/benchmarks/pairing.py):
- the floor: ``python -c`` with a bare ``QMainWindow`` that reports its first paint;
- the app: its real entry point (``python -m kinerja_desktop --db demo.sqlite`` through
  ``runpy``) under an event filter (``APP_PROBE``) that prints ``painted`` at the main window's
  first paint (a filter on that window, as the floor's; application-wide only after it, since an
  application-wide Python filter makes PySide build every QtWidgets class and its enums at the
  first event of a widget Python has not met, a cost the floor never pays) and ``rows`` only
  when the employee table's viewport has painted with rows in its model (the table itself: until
  issue 16 the office tree beside it, which has its "Semua kantor" row before any database
  opens, counted too, so "rows" came with the first paint and hid the whole start-up).
  ``KINERJA_STARTUP_PROBE=1`` with ``KINERJA_PROBE_LOGIN=operator:demo-operator`` makes it sign
  in through the service layer (no dialog), so the timing includes the writer lock, the checks
  and the password check.
Times are taken by this process from launch to each printed line, so interpreter start-up is
counted alike for both. Both start with compiled bytecode, as an installed app does (pip writes
it, the packaged app ships it): the children write it to a cache folder of this run in the
unrecorded warm-up, even where ``PYTHONDONTWRITEBYTECODE`` is set (this machine sets it, which
made every measured start compile the app's ~100 modules from source). ``--no-bytecode`` keeps
that older setting to compare. Reported: median, min–max and n of each and of the paired ratios
(aims: painted <= 2x the bare window, rows <= 4x).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.pairing import interleave, report

BARE_WINDOW = """
import sys
from PySide6.QtCore import QObject, QEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Kinerja"))
class Probe(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            app.quit()
        return False
probe = Probe()
window.installEventFilter(probe)
window.resize(1280, 800)
window.show()
app.exec()
"""


# The app, started through its real entry point (``python -m kinerja_desktop --db DB``) with a
# probe on the main window (installed as it is shown, as the floor's is), then application-wide
# once it painted: ``painted`` at the main window's first paint, ``rows`` only once the
# employee table's viewport has painted with rows in its model (a table that has rows but has
# not drawn them does not count), then quit. The app's own start-up probe signs in through the
# service layer (KINERJA_PROBE_LOGIN) but would quit when start-up finishes, possibly before
# rows arrive in pages: it is replaced by a silent one.
APP_PROBE = """
import runpy, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow
app = QApplication(sys.argv[:1])
import kinerja_desktop.app as kapp
class Silent:
    def __init__(self, *args, **kwargs):
        pass
    def follow(self, startup):
        pass
if hasattr(kapp, "_StartupProbe"):
    kapp._StartupProbe = Silent
class Probe(QObject):
    painted = rows = False
    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Paint:
            return False
        if not self.painted and isinstance(obj, QMainWindow):
            self.painted = True
            print("painted", flush=True)
            # Only now application-wide: such a filter makes PySide build every QtWidgets
            # class at the first event of a widget Python has not met (as costly as the bare
            # window's whole paint), which the floor's window-only filter never pays.
            app.installEventFilter(self)
            return False
        view = obj.parent()
        if self.rows or not isinstance(view, QAbstractItemView) or obj is not view.viewport():
            return False
        employees = getattr(obj.window(), "views", {}).get("employees")
        model = view.model()
        # The employee table itself: the office tree beside it has a row ("Semua kantor")
        # before any database is open, which made "rows" fire at the first paint.
        if employees is not None and view is getattr(employees, "table", None) \\
                and view.isVisible() and model is not None and model.rowCount() > 0:
            self.rows = True
            QTimer.singleShot(0, lambda: (print("rows", flush=True), app.quit()))
        return False
probe = Probe()
import kinerja_desktop.gui.main_window as main_window
_show = main_window.MainWindow.show
def show(window):
    window.installEventFilter(probe)  # like the floor's: the window's own paint
    _show(window)
main_window.MainWindow.show = show
sys.argv = ["kinerja_desktop", "--db", sys.argv[1]]
runpy.run_module("kinerja_desktop", run_name="__main__")
"""


def _timed(cmd: list[str], env: dict[str, str], marks: tuple[str, ...]) -> dict[str, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
    seen: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        word = line.strip().split(" ")[0]
        if word in marks and word not in seen:
            seen[word] = time.perf_counter() - start
    proc.wait(timeout=60)
    missing = [m for m in marks if m not in seen]
    if missing:
        raise RuntimeError(f"{cmd[:3]} never printed {missing}")
    return seen


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument(
        "--no-bytecode", action="store_true",
        help="compile the modules from source on every start (PYTHONDONTWRITEBYTECODE)",
    )  # fmt: skip
    parser.add_argument(
        "--db", type=Path, default=None,
        help="start on this database (e.g. a copy of the city's) instead of a fresh demo",
    )  # fmt: skip
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        if not args.no_bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        db = args.db or Path(folder) / "demo.sqlite"
        if args.db is None:
            subprocess.run(
                [sys.executable, "-m", "kinerja_desktop", "--db", str(db), "demo"],
                check=True,
                env=env,
                stdout=subprocess.DEVNULL,
            )
        # The app signs in as the demo operator through the service layer (argon2 with the
        # real parameters included), as a clerk would before the first row counts.
        app_env = dict(env, KINERJA_STARTUP_PROBE="1", KINERJA_PROBE_LOGIN="operator:demo-operator")
        app_cmd = [sys.executable, "-c", APP_PROBE, str(db)]
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        app, bare = interleave(
            lambda: _timed(app_cmd, app_env, ("painted", "rows")),
            lambda: _timed(bare_cmd, env, ("painted",))["painted"],
            pairs=args.pairs,
        )
    painted = [seen["painted"] for seen in app]
    rows = [seen["rows"] for seen in app]
    report("first paint", painted, bare, app_name="Kinerja", floor_name="bare window",
           aim="<= 2x")  # fmt: skip
    report("employee rows painted", rows, bare, app_name="Kinerja", floor_name="bare window",
           aim="<= 4x")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
