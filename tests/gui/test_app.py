"""The composition root and the safe start-up: start-up stays light, run_gui survives a bad
file, a damaged file is restored from a backup, a second copy opens read-only."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from kinerja_desktop import app as app_module
from kinerja_desktop.gui.admin.login import LoginDialog
from kinerja_desktop.gui.kit.dialogs import MessageBox
from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.startup import Startup
from kinerja_desktop.services.admin.backups import list_backups, make_backup
from kinerja_desktop.storage.instance_lock import who_am_i
from tests.gui.conftest import wait_loaded
from tests.gui.startup_fixtures import (  # noqa: F401 (a fixture)
    recording_boxes,
    settle,
    startup_parts,
)


def test_importing_the_gui_does_not_import_heavy_libraries():
    # The window must paint before SQLAlchemy (0.2 s), openpyxl and reportlab are imported;
    # QtCharts loads when the Dasbor is first shown.
    code = (
        "import sys, kinerja_desktop.app, kinerja_desktop.gui.main_window;"
        "print(','.join(m for m in ('sqlalchemy', 'openpyxl', 'reportlab', 'alembic',"
        " 'PySide6.QtCharts')"
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


# -- safe start-up: damaged file, second running copy, automatic backup, probe sign-in --------


def _damage(path: Path) -> None:
    """Overwrite pages in the middle of the file, keeping its SQLite header (a bad sector)."""
    with path.open("r+b") as handle:
        handle.seek(4096 * 2)
        handle.write(b"\xff" * 4096 * 20)


def _employee_names(path: Path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT name FROM employees ORDER BY uuid")]
    finally:
        con.close()


@pytest.fixture
def boxes(monkeypatch):
    return recording_boxes(monkeypatch, answer=True)


def test_damaged_file_is_restored_from_the_newest_good_backup(qtbot, parts, boxes, demo_copy):
    window, startup, _runner = parts
    names = _employee_names(demo_copy)
    make_backup(demo_copy, reason="manual")
    _damage(demo_copy)
    damaged = demo_copy.read_bytes()
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.start(demo_copy)
    assert len(boxes["question"]) == 1 and "Berkas database rusak" in boxes["question"][0]
    assert window.database is not None
    assert _employee_names(demo_copy) == names
    kept = [p for p in demo_copy.parent.iterdir() if "-rusak-" in p.name and p.suffix == ".sqlite"]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # set aside, never deleted
    assert kept[0].name in boxes["question"][0]  # the question said where it would go
    assert len(boxes["info"]) == 1 and kept[0].name in boxes["info"][0]
    wait_loaded(qtbot, window.views["employees"])
    assert window.views["employees"].model.rowCount() == len(names)


def test_damaged_file_stays_untouched_when_the_restore_is_declined(qtbot, parts, boxes, demo_copy):
    window, startup, _runner = parts
    make_backup(demo_copy, reason="manual")
    _damage(demo_copy)
    damaged = demo_copy.read_bytes()
    boxes["answer"] = False
    with qtbot.waitSignal(startup.finished, timeout=20_000) as blocker:
        startup.start(demo_copy)
    assert blocker.args == [None] and window.database is None
    assert demo_copy.read_bytes() == damaged
    assert not [p for p in demo_copy.parent.iterdir() if "-rusak-" in p.name]


def test_damaged_file_without_a_backup_is_explained(qtbot, parts, boxes, demo_copy):
    window, startup, _runner = parts
    _damage(demo_copy)
    damaged = demo_copy.read_bytes()
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.start(demo_copy)
    assert window.database is None and boxes["question"] == []
    assert len(boxes["error"]) == 1
    assert "tidak ada cadangan utuh" in boxes["error"][0] and "Traceback" not in boxes["error"][0]
    assert demo_copy.read_bytes() == damaged


def test_second_running_copy_opens_the_file_read_only(qtbot, monkeypatch, parts, boxes, demo_copy):
    window, startup, _runner = parts
    # The first copy of the app, in another process, holds the file.
    code = (
        "import sys, time; from pathlib import Path;"
        "from kinerja_desktop.services.admin.startup_check import acquire_writer;"
        f"lock, _ = acquire_writer(Path({str(demo_copy)!r})); assert lock is not None;"
        "print('held', flush=True); time.sleep(120)"
    )
    first = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "held"
        before = demo_copy.read_bytes()
        asked: list[object] = []
        monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(a)))
        with qtbot.waitSignal(startup.finished, timeout=20_000):
            startup.start(demo_copy)
        assert window.database is not None and startup.read_only
        assert asked == []  # nobody signs in to a read-only file
        assert window.actor is None
        assert all(view.actor is None for view in window.views.values())
        assert not startup.read_only_label.isHidden()
        assert startup.read_only_label.text() == "HANYA BACA"
        user, _, computer = who_am_i().partition("@")
        assert len(boxes["info"]) == 1
        assert f"pengguna {user} di komputer {computer}" in boxes["info"][0]
        assert "hanya baca" in boxes["info"][0]
        wait_loaded(qtbot, window.views["employees"])
        assert window.views["employees"].model.rowCount() > 0  # the data is there to read
        switch = window.findChild(QAction, "action_switch_user")
        assert not switch.isEnabled()
        assert not window.menu_admin.menuAction().isVisible()
        assert demo_copy.read_bytes() == before
        assert list_backups(demo_copy) == []  # no automatic backup, no migration
    finally:
        first.kill()
        first.wait()


def test_automatic_backup_runs_after_the_start_at_most_once_in_a_while(
    qtbot, parts, boxes, demo_copy
):
    window, startup, runner = parts
    # The check and the backup follow the first rows: wait for those, then for the runner.
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.start(demo_copy)
    settle(qtbot, startup, runner)
    made = list_backups(demo_copy)
    assert [b.reason for b in made] == ["start"]
    # Opening again soon after makes no second one.
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.open(demo_copy)
    settle(qtbot, startup, runner)
    assert len(list_backups(demo_copy)) == 1
    assert window.database is not None


def test_probe_signs_in_through_the_service_without_a_dialog(qtbot, boxes, demo_copy):
    window = MainWindow()
    qtbot.addWidget(window)
    runner = TaskRunner(window)
    startup = Startup(window, runner, auto_login=("operator", "demo-operator"))
    try:
        with qtbot.waitSignal(startup.finished, timeout=20_000):
            startup.start(demo_copy)
        assert window.actor is not None and window.actor.username == "operator"
    finally:
        runner.shutdown()
        startup.release()
        window.close()


def test_opening_another_file_moves_the_writer_lock(qtbot, monkeypatch, parts, boxes, demo_copy):
    from kinerja_desktop.gui.kit.dialogs import OpenDatabaseDialog
    from kinerja_desktop.services.admin.startup_check import acquire_writer

    window, startup, _runner = parts
    other = demo_copy.with_name("lain.sqlite")
    other.write_bytes(demo_copy.read_bytes())
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.start(demo_copy)
    monkeypatch.setattr(OpenDatabaseDialog, "ask", classmethod(lambda cls, *a: other))
    opened: list[object] = []
    window.database_changed.connect(lambda db: opened.append(db))
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        window.action_open.trigger()
    assert window.database is not None and window.database.path == other
    assert [db for db in opened if db is not None] == [window.database]  # opened once
    free, _ = acquire_writer(demo_copy)  # the first file is free again
    assert free is not None
    free.release()
    held, holder = acquire_writer(other)
    assert held is None and holder is not None


def test_a_missing_file_from_the_open_menu_keeps_the_current_database(
    qtbot, monkeypatch, parts, boxes, demo_copy
):
    from kinerja_desktop.gui.kit.dialogs import OpenDatabaseDialog

    window, startup, _runner = parts
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, *a, **k: None))
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.start(demo_copy)
    db = window.database
    missing = demo_copy.with_name("tidak-ada.sqlite")
    monkeypatch.setattr(OpenDatabaseDialog, "ask", classmethod(lambda cls, *a: missing))
    window.action_open.trigger()
    assert window.database is db
    assert len(boxes["error"]) == 1 and "tidak ditemukan" in boxes["error"][0]


def test_startup_probe_works_with_and_without_a_sign_in(demo_db_path, tmp_path):
    # The benchmark's probe must never wait on the login dialog; with KINERJA_PROBE_LOGIN it
    # signs in through the service layer first.
    import os
    import shutil

    db = tmp_path / "probe.sqlite"
    shutil.copy(demo_db_path, db)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KINERJA_STARTUP_PROBE="1")
    for extra in ({}, {"KINERJA_PROBE_LOGIN": "operator:demo-operator"}):
        result = subprocess.run(
            [sys.executable, "-m", "kinerja_desktop", "--db", str(db)],
            env=dict(env, **extra),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0
        assert result.stdout.split() == ["painted", "rows"]
    con = sqlite3.connect(db)
    try:
        logins = con.execute("SELECT username FROM audit_entries WHERE action = 'login'").fetchall()
    finally:
        con.close()
    assert logins == [("operator",)]  # one sign-in, by the run that asked for it
