"""Every view and every dialog fits an office screen (1366×768 and 1280×720 with a taskbar).

The screen is chosen when Qt starts, so the check runs ``screen_fit_probe.py`` in a child
process on an offscreen screen of the usable size; the probe fails any dialog class under
``kinerja_desktop.gui`` that has no factory, so new dialogs are checked too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout

from kinerja_desktop.gui.kit.screen_fit import FRAME, TITLE_BAR, fit_window
from kinerja_desktop.gui.main_window import VIEW_NAMES

PROBE = Path(__file__).with_name("screen_fit_probe.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("width", "height"), [(1366, 728), (1280, 680)])
def test_every_view_and_dialog_fits_the_screen(
    demo_db_path: Path, tmp_path: Path, width: int, height: int
) -> None:
    config = tmp_path / "screen.json"
    screen = {"name": "office", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}))
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, str(PROBE), str(demo_db_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["screen"] == [width, height]
    assert result["problems"] == []
    assert [f"view {name}" for name in VIEW_NAMES] == result["checked"][: len(VIEW_NAMES)]
    assert len(result["checked"]) - len(VIEW_NAMES) >= 30


def test_a_tall_dialog_is_shrunk_and_moved_inside_with_its_buttons(qtbot) -> None:
    dialog = QDialog()
    layout = QVBoxLayout(dialog)
    button = QPushButton("Simpan")
    layout.addStretch(1)
    layout.addWidget(button)
    qtbot.addWidget(dialog)
    screen = dialog.screen().availableGeometry()
    dialog.resize(screen.width() + 300, screen.height() + 400)
    dialog.move(screen.right() - 50, screen.bottom() - 50)
    fit_window(dialog)
    assert dialog.width() <= screen.width() - 2 * FRAME
    assert dialog.height() <= screen.height() - TITLE_BAR - 2 * FRAME
    assert dialog.y() >= screen.top() + TITLE_BAR
    assert screen.contains(dialog.geometry())
    dialog.show()
    qtbot.waitExposed(dialog)
    bottom = button.mapTo(dialog, button.rect().bottomLeft()).y()
    assert bottom < dialog.height()
