"""The start-up path of the window on files it cannot or must not write (issues 13.7, 21.2).

Root writes any folder, so "this folder cannot be written" is simulated through the one probe
every opener asks (``storage.engine.folder_writable``); ``mode=ro`` itself is real.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kinerja_desktop.gui.admin.common import Question
from kinerja_desktop.gui.admin.login import LoginDialog
from kinerja_desktop.gui.kit.dialogs import MessageBox, OpenDatabaseDialog
from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.startup import Startup
from kinerja_desktop.storage import engine as sqlite_engine
from tests.gui.conftest import wait_loaded

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def boxes(monkeypatch):
    seen: dict[str, list[object]] = {"error": [], "info": [], "question": [], "login": []}
    monkeypatch.setattr(
        Question, "ask", classmethod(lambda cls, p, t, text, **k: seen["question"].append(text))
    )
    monkeypatch.setattr(
        MessageBox, "error", classmethod(lambda cls, p, t, text, **k: seen["error"].append(text))
    )
    monkeypatch.setattr(
        MessageBox, "information", classmethod(lambda cls, p, t, text: seen["info"].append(text))
    )
    monkeypatch.setattr(
        LoginDialog, "ask", classmethod(lambda cls, *a, **k: seen["login"].append(a))
    )
    return seen


@pytest.fixture
def parts(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    runner = TaskRunner(window, progress_delay_ms=50)
    startup = Startup(window, runner)
    yield window, startup
    runner.shutdown()
    startup.release()
    window.close()


@pytest.fixture
def unwritable(monkeypatch):
    monkeypatch.setattr(sqlite_engine, "folder_writable", lambda folder: False)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_an_unwritable_folder_opens_read_only_and_says_why(
    qtbot, parts, boxes, demo_copy, unwritable, tmp_path
):
    window, startup = parts
    content = demo_copy.read_bytes()
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.start(demo_copy)
    db = window.database
    assert db is not None and db.read_only and startup.read_only
    assert not startup.read_only_label.isHidden()
    assert startup.read_only_label.text() == "HANYA BACA"
    assert "tidak dapat ditulisi" in startup.read_only_label.toolTip()
    assert "Hanya baca: folder" in window.status_text()
    assert len(boxes["info"]) == 1 and "dibuka hanya baca" in boxes["info"][0]
    assert boxes["login"] == [] and window.actor is None  # nobody signs in to a read-only file
    wait_loaded(qtbot, window.views["employees"])
    assert window.views["employees"].model.rowCount() > 0
    # Reports and exports still work, written where the user says.
    from kinerja_desktop.services.register.employee_sheets import export_employees
    from kinerja_desktop.services.reporting.recap import write_recap

    out = tmp_path / "keluaran"
    out.mkdir()
    assert export_employees(db, out / "pegawai.xlsx").rows > 0
    write_recap(db, period="2026", out=out / "rekap.pdf")
    assert names(out) == ["pegawai.xlsx", "rekap.pdf"]
    assert names(demo_copy.parent) == ["demo.sqlite", "keluaran"]  # no .lock, no backups/
    assert demo_copy.read_bytes() == content


def test_an_old_schema_that_cannot_be_written_is_refused(qtbot, parts, boxes, tmp_path, unwritable):
    window, startup = parts
    old = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "schema_0001.sqlite", old)
    content = old.read_bytes()
    with qtbot.waitSignal(startup.finished, timeout=20_000) as blocker:
        startup.start(old)
    assert blocker.args == [None] and window.database is None
    assert len(boxes["error"]) == 1
    assert "salin berkas ini ke folder yang bisa ditulis agar diperbarui" in boxes["error"][0]
    assert old.read_bytes() == content and names(tmp_path) == ["lama.sqlite"]


def test_a_file_of_another_program_is_not_called_damaged(qtbot, parts, boxes, tmp_path):
    window, startup = parts
    other = tmp_path / "alamat.sqlite"
    con = sqlite3.connect(other)
    with con:
        con.execute("CREATE TABLE contacts (name TEXT)")
    con.close()
    content = other.read_bytes()
    with qtbot.waitSignal(startup.finished, timeout=20_000) as blocker:
        startup.start(other)
    assert blocker.args == [None] and window.database is None
    assert boxes["question"] == []  # no restore offered
    assert len(boxes["error"]) == 1 and "bukan database Kinerja" in boxes["error"][0]
    assert "rusak" not in boxes["error"][0]
    assert names(tmp_path) == ["alamat.sqlite"] and other.read_bytes() == content


def test_opening_a_foreign_file_from_the_menu_keeps_the_current_database(
    qtbot, monkeypatch, parts, boxes, demo_copy, tmp_path
):
    window, startup = parts
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.start(demo_copy)
    current = window.database
    assert current is not None
    junk = tmp_path / "catatan.sqlite"
    junk.write_text("bukan database", encoding="utf-8")
    monkeypatch.setattr(OpenDatabaseDialog, "ask", classmethod(lambda cls, *a: junk))
    with qtbot.waitSignal(startup.finished, timeout=20_000) as blocker:
        window.action_open.trigger()
    assert blocker.args == [current] and window.database is current
    assert len(boxes["error"]) == 1 and "bukan database Kinerja" in boxes["error"][0]
    assert not junk.with_name("catatan.sqlite.lock").exists()


def test_a_database_in_a_synced_folder_is_said_once_in_the_status_bar(
    qtbot, monkeypatch, parts, boxes, demo_db_path, tmp_path
):
    window, startup = parts
    synced = tmp_path / "OneDrive"
    synced.mkdir()
    path = synced / "demo.sqlite"
    shutil.copy(demo_db_path, path)
    monkeypatch.setenv("OneDrive", str(synced))
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.start(path)
    assert window.database is not None and not window.database.read_only
    message = window.statusBar().currentMessage()
    assert "OneDrive" in message and "disk komputer ini sendiri" in message
    assert boxes["info"] == []  # said in the status bar, not in a box at every start
