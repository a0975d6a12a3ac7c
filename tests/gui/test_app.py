"""The composition root: start-up stays light, and run_gui survives a bad file."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kinerja_desktop import app as app_module
from kinerja_desktop.gui.dialogs.common import MessageBox


def test_importing_the_gui_does_not_import_heavy_libraries():
    # The window must paint before SQLAlchemy (0.2 s), openpyxl and reportlab are imported.
    code = (
        "import sys, kinerja_desktop.app, kinerja_desktop.gui.main_window;"
        "print(','.join(m for m in ('sqlalchemy', 'openpyxl', 'reportlab', 'alembic')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


def test_run_gui_explains_a_damaged_file_and_keeps_running(qapp, monkeypatch, tmp_path):
    bad = tmp_path / "rusak.sqlite"
    bad.write_bytes(b"not a database" * 200)
    shown: list[str] = []
    monkeypatch.setattr(app_module, "_setup_logging", lambda: None)
    monkeypatch.setattr(
        MessageBox, "error", classmethod(lambda cls, p, title, text, **k: shown.append(text))
    )
    windows = []

    def close_soon():
        # Closing the last window ends app.exec(), as when the clerk closes it. No explicit
        # quit(): Qt posts its own Quit event, and a second one would end the next event
        # loop of the test session.
        windows.extend(w for w in QApplication.topLevelWidgets() if w.objectName() == "main_window")
        for window in windows:
            window.close()

    QTimer.singleShot(1500, close_soon)
    before = sys.excepthook
    assert app_module.run_gui(bad) == 0
    QApplication.processEvents()  # drain what the closed window left queued
    assert sys.excepthook is before  # uninstalled on the way out
    assert len(shown) == 1 and "Traceback" not in shown[0]
    assert windows and "Tidak ada database" in windows[0].status_text()
