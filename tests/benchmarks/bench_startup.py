"""Cold-start benchmark: Kinerja Desktop against a bare PySide6 window, in one run.

Not part of the test suite (machines here are noisy; ratios against a baseline measured in the
same run are what count). Run it with::

    python tests/benchmarks/bench_startup.py [--runs 5]

It builds a demo database once, then starts, alternately and as fresh processes:
- the baseline: ``python -c`` with a bare ``QMainWindow`` that reports its first paint;
- the app: ``python -m kinerja_desktop --db demo.sqlite`` with ``KINERJA_STARTUP_PROBE=1``,
  which makes it print ``painted`` at its first paint and ``rows`` when the employee table has
  rows, then quit. ``KINERJA_PROBE_LOGIN=operator:demo-operator`` makes it sign in through the
  service layer (no dialog) before that, so the timing includes the writer lock, the quick
  check and the password check; the automatic backup runs after ``rows``.
Times are taken by this process from launch to each printed line, so interpreter start-up is
counted alike for both. Reported: median seconds and the two ratios (aims: painted <= 2x the
bare window, rows <= 4x).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite"
        subprocess.run(
            [sys.executable, "-m", "kinerja_desktop", "--db", str(db), "demo"],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        # The app signs in as the demo operator through the service layer (argon2 with the
        # real parameters included), as a clerk would before the first row counts.
        app_env = dict(env, KINERJA_STARTUP_PROBE="1", KINERJA_PROBE_LOGIN="operator:demo-operator")
        bare: list[float] = []
        painted: list[float] = []
        rows: list[float] = []
        # One warm-up of each so the OS file cache treats both alike.
        _timed([sys.executable, "-c", BARE_WINDOW], env, ("painted",))
        _timed([sys.executable, "-m", "kinerja_desktop", "--db", str(db)], app_env, ("rows",))
        for _ in range(args.runs):
            bare.append(_timed([sys.executable, "-c", BARE_WINDOW], env, ("painted",))["painted"])
            seen = _timed(
                [sys.executable, "-m", "kinerja_desktop", "--db", str(db)],
                app_env,
                ("painted", "rows"),
            )
            painted.append(seen["painted"])
            rows.append(seen["rows"])
    base = statistics.median(bare)
    print(f"bare QMainWindow first paint: {base:.3f} s (median of {args.runs})")
    print(f"Kinerja first paint:          {statistics.median(painted):.3f} s")
    print(f"Kinerja employee rows shown:  {statistics.median(rows):.3f} s")
    print(f"ratio painted / bare: {statistics.median(painted) / base:.2f}x (aim <= 2x)")
    print(f"ratio rows / bare:    {statistics.median(rows) / base:.2f}x (aim <= 4x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
