"""``snapshot dashboard``: the Dasbor rendered like the other views, in both languages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kinerja_desktop.gui.dashboard.charts import _STAGE_COLOURS
from tests.cli.helpers import run


def _colours(path: Path) -> set[str]:
    image = QImage(str(path))
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }


def test_snapshot_dashboard_draws_the_charts(
    demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp
) -> None:
    out = tmp_path / "dasbor.png"
    code, text, _ = run(capsys, "--db", str(demo_db_path), "snapshot", "dashboard",
                        "--out", str(out), "--size", "1366x728")  # fmt: skip
    assert code == 0 and str(out) in text
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 728)
    # The completion bars were drawn (the read finished before the grab): the demo's staff
    # who have not started are there in the stage's red.
    assert _STAGE_COLOURS[1] in _colours(out)


def test_snapshot_dashboard_in_english(demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "dashboard-en.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--db", str(demo_db_path), "snapshot",
         "dashboard", "--lang", "en", "--out", str(out), "--size", "1280x800"],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "View image saved" in result.stdout
    assert QImage(str(out)).width() == 1280
    assert _STAGE_COLOURS[1] in _colours(out)


def test_a_chart_that_fails_to_draw_fails_the_snapshot(
    demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp, monkeypatch
) -> None:
    """As in a bundle without QtCharts: the error reaches only sys.excepthook, yet the
    snapshot must fail rather than save a view without its charts."""
    from kinerja_desktop.gui.dashboard import charts

    def missing(*_args, **_kwargs):
        raise ImportError("libQt6Charts.so.6: cannot open shared object file")

    monkeypatch.setattr(charts, "distribution_chart", missing)
    monkeypatch.setattr(sys, "excepthook", lambda *_a: None)  # keep the log quiet
    out = tmp_path / "dasbor.png"
    code, _, err = run(capsys, "--db", str(demo_db_path), "snapshot", "dashboard",
                       "--out", str(out))  # fmt: skip
    assert code != 0 and not out.exists()
    assert err.strip() and "Traceback" not in err  # worded, not a traceback
