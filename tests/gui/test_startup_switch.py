"""Switching databases closes the old one on the task runner's writer (issue 16: nothing long
on the GUI thread): its WAL checkpoint took 0.4 s on a city. The window keeps handling events
meanwhile; the old file's writer lock goes only after it closed, and the next open begins only
after that; a read still running on the old database ends before it closes; switching back and
forth leaves no handle and no lock of a file no longer in use."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from kinerja_desktop.gui import startup as startup_module
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.services.admin.startup_check import WriterLock
from kinerja_desktop.services.common import Database
from tests.gui.startup_fixtures import recording_boxes, settle, startup_parts  # noqa: F401


@pytest.fixture
def boxes(monkeypatch):
    return recording_boxes(monkeypatch, answer=False)


@pytest.fixture
def other_copy(demo_db_path, tmp_path) -> Path:
    """A second private copy of the demo database, beside ``demo_copy``."""
    target = tmp_path / "other" / "kedua.sqlite"
    target.parent.mkdir()
    shutil.copy(demo_db_path, target)
    return target


def open_and_settle(qtbot, startup: Any, runner: Any, path: Path) -> None:
    with qtbot.waitSignal(startup.finished, timeout=30_000) as blocker:
        startup.open(path)
    assert blocker.args[0] is startup.window.database is not None
    assert startup.window.database.path == path
    settle(qtbot, startup, runner)


def test_the_old_database_closes_off_the_gui_thread_before_its_lock_goes_and_the_next_open(
    qtbot, monkeypatch, parts, boxes, demo_copy, other_copy
):
    window, startup, runner = parts
    open_and_settle(qtbot, startup, runner, demo_copy)
    old = window.database
    real_close = old.close
    events: list[object] = []  # appended from the workers and the GUI thread, in order
    let_close = threading.Event()

    def blocking_close() -> None:
        events.append(("close begins", threading.current_thread() is threading.main_thread()))
        let_close.wait(20)  # on the GUI thread (as before) this would freeze the window
        real_close()
        events.append("closed")

    real_release = WriterLock.release

    def release(lock: WriterLock) -> None:
        events.append(("released", lock.db_path))
        real_release(lock)

    real_open = startup_module.open_for_use

    def open_for_use(path: Path, *args: Any) -> Any:
        events.append(("open begins", path))
        return real_open(path, *args)

    monkeypatch.setattr(old, "close", blocking_close)
    monkeypatch.setattr(WriterLock, "release", release)
    monkeypatch.setattr(startup_module, "open_for_use", open_for_use)
    notices: list[str] = []
    runner.status_message.connect(notices.append)
    with qtbot.waitSignal(startup.finished, timeout=30_000) as blocker:
        startup.open(other_copy)
        qtbot.waitUntil(lambda: bool(events), timeout=10_000)
        # The close waits on a worker: a timer on the GUI thread still fires meanwhile.
        ticks: list[list[object]] = []
        QTimer.singleShot(0, window, lambda: ticks.append(list(events)))
        qtbot.waitUntil(lambda: bool(ticks), timeout=5_000)
        assert ticks == [[("close begins", False)]]
        assert window.database is None  # the window already shows the loading notice
        let_close.set()
    assert blocker.args[0] is window.database is not None
    assert window.database.path == other_copy
    assert events[:4] == [
        ("close begins", False),
        "closed",
        ("released", demo_copy),
        ("open begins", other_copy),
    ]
    # The open waited behind the close, but "waiting for the previous task" is not said: the
    # window says that it opens the file.
    assert notices == []


def _fds_on(path: Path) -> list[str]:
    """The files this process has open whose name starts with ``path``'s (its -wal, -shm and
    lock file included)."""
    found = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # closed meanwhile (the listing's own handle)
            continue
        if target.startswith(str(path)):
            found.append(target)
    return found


def _another_copy_can_take(path: Path) -> bool:
    """Whether a second process could take the file's writer lock now (and let it go)."""
    code = (
        "import sys; from pathlib import Path;"
        "from kinerja_desktop.services.admin.startup_check import acquire_writer;"
        "lock, _ = acquire_writer(Path(sys.argv[1]));"
        "print('took' if lock else 'held'); lock and lock.release()"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip() == "took"


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc/self/fd")
def test_switching_a_b_a_works_and_keeps_no_handle_nor_lock_of_the_file_left(
    qtbot, parts, boxes, demo_copy, other_copy
):
    window, startup, runner = parts
    open_and_settle(qtbot, startup, runner, demo_copy)
    assert _fds_on(demo_copy) and not _another_copy_can_take(demo_copy)
    open_and_settle(qtbot, startup, runner, other_copy)
    assert _fds_on(demo_copy) == []  # database, -wal, -shm and lock file all closed
    assert _another_copy_can_take(demo_copy)
    assert not _another_copy_can_take(other_copy)
    open_and_settle(qtbot, startup, runner, demo_copy)  # back to the first file
    assert _fds_on(other_copy) == []
    assert _another_copy_can_take(other_copy)
    assert not _another_copy_can_take(demo_copy)
    open_and_settle(qtbot, startup, runner, demo_copy)  # the same file again, at once
    assert not startup.read_only  # its own lock was let go of before it took it again
    assert _fds_on(other_copy) == [] and not _another_copy_can_take(demo_copy)
    view = window.views["employees"]
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=15_000)
    assert view.model.rowCount() > 0


def test_a_read_running_on_the_old_database_ends_before_it_closes(
    qtbot, monkeypatch, demo_copy, other_copy
):
    window = MainWindow()
    qtbot.addWidget(window)
    old, new = Database.open(demo_copy), Database.open(other_copy)
    window.set_database(old, owned=True)
    runner = window.task_runner
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=15_000)
    events: list[str] = []
    real_close = old.close
    monkeypatch.setattr(old, "close", lambda: (events.append("closed"), real_close()))
    reading, go_on = threading.Event(), threading.Event()

    def slow_read(reader: Database) -> int:
        reading.set()
        go_on.wait(20)
        with reader.engine.connect() as connection:  # the old file, still open
            count = connection.exec_driver_sql("SELECT count(*) FROM employees").scalar_one()
        events.append("read")
        return int(count)

    results: list[object] = []
    runner.read(slow_read, old, key="test", on_done=results.append, on_error=results.append)
    assert reading.wait(10)
    closing = window.set_database(new)  # not owned: the test closes it
    assert closing is not None
    qtbot.wait(100)  # the writer is free: only the read holds the close back
    assert events == [] and not closing.done
    go_on.set()
    qtbot.waitUntil(lambda: closing.done and bool(results), timeout=15_000)
    assert events == ["read", "closed"]
    assert isinstance(results[0], int) and results[0] > 0
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=15_000)
    window.set_database(None)
    new.close()


def test_emptying_the_window_closes_at_once_for_a_restore_replacing_the_file_next(
    qtbot, monkeypatch, demo_copy
):
    window = MainWindow()
    qtbot.addWidget(window)
    db = Database.open(demo_copy)
    window.set_database(db, owned=True)
    closed: list[bool] = []
    real_close = db.close

    def close() -> None:
        closed.append(threading.current_thread() is threading.main_thread())
        real_close()

    monkeypatch.setattr(db, "close", close)
    assert window.set_database(None) is None
    assert closed == [True]


def test_closing_the_window_closes_a_database_whose_close_was_still_queued(
    qtbot, monkeypatch, demo_copy, other_copy
):
    window = MainWindow()
    qtbot.addWidget(window)
    first, second = Database.open(demo_copy), Database.open(other_copy)
    window.set_database(first, owned=True)
    closed: list[str] = []
    for db, name in ((first, "first"), (second, "second")):
        monkeypatch.setattr(db, "close", lambda n=name, c=db.close: (closed.append(n), c()))
    # A write holds the writer: the first database's close waits behind it.
    go_on = threading.Event()
    window.task_runner.write(go_on.wait, 20)
    window.set_database(second, owned=True)
    threading.Timer(0.05, go_on.set).start()  # the GUI thread waits in close() meanwhile
    window.close()  # stops the runner, then closes what is left, in order
    assert closed == ["first", "second"]
