"""The Cadangan dialog on a server database (issue 18.5): a dump made, listed, checked and
restored through the task runner. Skipped, with the reason, without a PostgreSQL server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from kinerja_desktop.config import parse_db_address
from kinerja_desktop.gui.admin import pg_restore
from kinerja_desktop.gui.admin.backups import BackupDialog, RestoreConfirmDialog
from kinerja_desktop.gui.admin.login import LoginDialog
from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.startup import Startup
from tests import pg_support
from tests.gui.conftest import wait_idle


def _office_name(url: str) -> str:
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        return str(conn.execute(text("SELECT name FROM offices ORDER BY id LIMIT 1")).scalar())


@pytest.fixture
def city_window(qtbot, monkeypatch, pg_demo_url: str, tmp_path: Path):
    engine = create_engine(pg_demo_url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM settings WHERE key = 'backup_dir'"))
        conn.execute(
            text("INSERT INTO settings (key, value) VALUES ('backup_dir', :v)"),
            {"v": json.dumps(str(tmp_path / "cadangan"))},
        )
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, *a, **k: None))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    runner = TaskRunner(window, progress_delay_ms=50)
    startup = Startup(window, runner, auto_login=("admin", "demo-admin"))
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.start(parse_db_address(pg_demo_url))
    wait_idle(qtbot, runner)
    yield window
    runner.shutdown()
    startup.release()
    window.close()
    name = pg_support.name_of(pg_demo_url)
    admin = create_engine(pg_support.database_url("postgres"), poolclass=NullPool)
    with admin.connect() as conn:
        kept = conn.execute(
            text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": f"{name}_%"}
        ).scalars()
        for db in list(kept):
            pg_support.drop_database(db)


def test_a_dump_is_made_listed_checked_and_restored(
    qtbot, monkeypatch, city_window: MainWindow, pg_demo_url: str, tmp_path: Path
) -> None:
    window = city_window
    assert window.database is not None and window.database.is_server
    window.findChild(QAction, "action_backups").trigger()
    dialog = window.findChild(BackupDialog, "backup_dialog")
    assert dialog is not None
    assert dialog.model.rowCount() == 0
    assert str(tmp_path / "cadangan") in dialog.findChild(object, "backup_where").text()

    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog.runner)
    assert dialog.model.rowCount() == 1
    made = dialog.selected()
    assert made is not None and made.reason == "manual" and made.path.endswith(".dump")
    assert Path(made.path).parent == tmp_path / "cadangan"
    assert "Cadangan dibuat" in dialog.message.text()

    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert Path(made.path).name in dialog.message.text()

    before = _office_name(pg_demo_url)
    engine = create_engine(pg_demo_url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(text("UPDATE offices SET name = 'Diubah setelah cadangan'"))
    asked: list[str] = []
    monkeypatch.setattr(RestoreConfirmDialog, "ask", classmethod(lambda cls, *a, **k: ""))
    monkeypatch.setattr(pg_restore, "ask_end_sessions", lambda p, q: asked.append(q) or True)
    analyst = engine.connect()  # another analyst, who is listed and ended
    analyst.execute(text("SELECT 1"))
    try:
        assert dialog.restore_selected()
        wait_idle(qtbot, dialog.runner)
    finally:
        analyst.invalidate()
        analyst.close()
    assert len(asked) == 1 and "1 sesi lain" in asked[0]
    assert _office_name(pg_demo_url) == before, dialog.message.text()
    assert "disimpan di server" in dialog.message.text()
    assert window.database is not None and window.database.is_server
    assert window.actor is not None  # the same account, still signed in
