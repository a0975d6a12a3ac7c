"""When the full check runs at start (issue 16.2): before the window is usable after an unclean
exit or a week without one, otherwise in the task runner after the rows show; a background
check that fails turns the window HANYA BACA and offers the restore."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.startup import Startup
from kinerja_desktop.services.admin import startup_check
from kinerja_desktop.services.admin.backups import list_backups, make_backup
from kinerja_desktop.storage.instance_lock import lock_path_for
from tests.gui.conftest import wait_loaded
from tests.gui.startup_fixtures import (  # noqa: F401 (a fixture)
    recording_boxes,
    settle,
    startup_parts,
)


@pytest.fixture
def boxes(monkeypatch):
    return recording_boxes(monkeypatch, answer=False)


class CheckSpy:
    """Wraps ``quick_check``: notes each call in ``events`` (beside ``finished``) and whether
    the window had a database then; ``fail_once`` makes the first call report damage."""

    def __init__(self, monkeypatch, window: MainWindow, *, fail_once: bool = False) -> None:
        self.window = window
        self.events: list[str] = []
        self.in_use: list[bool] = []
        self.threads: list[bool] = []
        self.fail_once = fail_once
        real = startup_check.quick_check

        def spy(path: Path) -> bool:
            self.events.append("check")
            self.in_use.append(window.database is not None)
            self.threads.append(threading.current_thread() is threading.main_thread())
            if self.fail_once:
                self.fail_once = False
                return False
            return real(path)

        monkeypatch.setattr(startup_check, "quick_check", spy)


def write_lock_text(db: Path, **fields: object) -> None:
    """What a previous session left in the lock file."""
    text = {"holder": "clerk@kantor", "pid": 4242, "since": "2026-01-05T08:00:00+00:00"}
    lock_path_for(db).write_text(json.dumps({**text, **fields}), encoding="utf-8")


def lock_text(db: Path) -> dict[str, object]:
    return json.loads(lock_path_for(db).read_text(encoding="utf-8"))


def days_ago(days: float) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")


def start(qtbot, startup: Startup, runner: TaskRunner, path: Path, spy: CheckSpy) -> None:
    """Start on ``path`` and wait until the runner has nothing left (check, backup): those
    are queued once the shown view has its rows."""
    startup.finished.connect(lambda _db: spy.events.append("finished"))
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.start(path)
    settle(qtbot, startup, runner)


def test_an_unclean_previous_session_checks_before_the_window_is_usable(
    qtbot, monkeypatch, parts, boxes, demo_copy
):
    window, startup, runner = parts
    write_lock_text(demo_copy, checked=days_ago(1))  # no "clean": that session crashed
    spy = CheckSpy(monkeypatch, window)
    start(qtbot, startup, runner, demo_copy, spy)
    assert spy.events == ["check", "finished"]
    # Before the window has the database, yet on the worker: the window keeps painting.
    assert spy.in_use == [False] and spy.threads == [False]
    assert window.database is not None and not startup.read_only
    assert [b.reason for b in list_backups(demo_copy)] == ["start"]
    held = lock_text(demo_copy)
    assert "clean" not in held  # this session runs: not clean until it closes
    assert datetime.fromisoformat(str(held["checked"])) > datetime.now(UTC) - timedelta(days=1)


def test_a_clean_recent_session_defers_the_check_to_the_runner(
    qtbot, monkeypatch, parts, boxes, demo_copy
):
    window, startup, runner = parts
    write_lock_text(demo_copy, clean=True, checked=days_ago(2))
    spy = CheckSpy(monkeypatch, window)
    start(qtbot, startup, runner, demo_copy, spy)
    assert spy.events == ["finished", "check"]
    assert spy.in_use == [True] and spy.threads == [False]  # a worker, the rows already there
    assert window.views["employees"].model.rowCount() > 0
    # The automatic backup follows the passed check; the lock file remembers the check.
    assert [b.reason for b in list_backups(demo_copy)] == ["start"]
    checked = datetime.fromisoformat(str(lock_text(demo_copy)["checked"]))
    assert checked > datetime.now(UTC) - timedelta(days=1)


@pytest.mark.parametrize(("age", "first"), [(6.9, False), (7.0, True), (30, True)])
def test_a_week_old_check_runs_before_the_window_is_usable(
    qtbot, monkeypatch, parts, boxes, demo_copy, age, first
):
    window, startup, runner = parts
    write_lock_text(demo_copy, clean=True, checked=days_ago(age))
    spy = CheckSpy(monkeypatch, window)
    start(qtbot, startup, runner, demo_copy, spy)
    assert spy.events == (["check", "finished"] if first else ["finished", "check"])


def test_a_clean_session_without_a_recorded_check_checks_first(
    qtbot, monkeypatch, parts, boxes, demo_copy
):
    window, startup, runner = parts
    write_lock_text(demo_copy, clean=True)
    spy = CheckSpy(monkeypatch, window)
    start(qtbot, startup, runner, demo_copy, spy)
    assert spy.events == ["check", "finished"]


def test_a_failed_background_check_turns_read_only_and_offers_the_restore(
    qtbot, monkeypatch, parts, boxes, demo_copy
):
    window, startup, runner = parts
    make_backup(demo_copy, reason="manual")
    write_lock_text(demo_copy, clean=True, checked=days_ago(1))
    spy = CheckSpy(monkeypatch, window, fail_once=True)
    before = demo_copy.read_bytes()
    start(qtbot, startup, runner, demo_copy, spy)  # the restore is declined
    assert spy.events == ["finished", "check"]
    assert startup.read_only and not startup.read_only_label.isHidden()
    assert startup.read_only_label.text() == "HANYA BACA"
    assert window.database is not None and window.database.read_only
    assert window.actor is None
    assert len(boxes["question"]) == 1
    question = boxes["question"][0]
    assert "rusak" in question and "hanya baca" in question
    assert "sejak aplikasi dibuka, akan hilang" in question
    assert [b.reason for b in list_backups(demo_copy)] == ["manual"]  # no backup of a bad file
    assert demo_copy.read_bytes() == before
    assert "checked" not in lock_text(demo_copy)  # the next start checks before use
    wait_loaded(qtbot, window.views["employees"])  # the read-only rows come from the reader
    assert window.views["employees"].model.rowCount() > 0  # still there to read


def test_an_accepted_restore_after_a_failed_background_check_reopens_the_file(
    qtbot, monkeypatch, parts, boxes, demo_copy
):
    window, startup, runner = parts
    make_backup(demo_copy, reason="manual")
    write_lock_text(demo_copy, clean=True, checked=days_ago(1))
    spy = CheckSpy(monkeypatch, window, fail_once=True)
    boxes["answer"] = True
    reopened: list[object] = []
    startup.finished.connect(reopened.append)
    start(qtbot, startup, runner, demo_copy, spy)
    qtbot.waitUntil(lambda: len(reopened) == 2, timeout=20_000)
    settle(qtbot, startup, runner)
    assert len(boxes["question"]) == 1 and len(boxes["info"]) == 1
    # (The spy only says "damaged": the live file is sound, so the restore keeps it as a
    # pre-restore backup instead of a "-rusak-" copy.)
    manual = next(b for b in list_backups(demo_copy) if b.reason == "manual")
    assert Path(manual.path).name in boxes["info"][0]
    assert window.database is not None and not window.database.read_only
    assert not startup.read_only and startup.read_only_label.isHidden()
    # The reopened file was checked before use (no recorded check after the failure).
    assert spy.events == ["finished", "check", "check", "finished"]


def test_a_deferred_check_without_a_backup_explains_and_stays_read_only(
    qtbot, monkeypatch, parts, boxes, demo_copy
):
    window, startup, runner = parts
    write_lock_text(demo_copy, clean=True, checked=days_ago(1))
    spy = CheckSpy(monkeypatch, window, fail_once=True)
    start(qtbot, startup, runner, demo_copy, spy)
    assert spy.events == ["finished", "check"]
    assert boxes["question"] == [] and len(boxes["error"]) == 1
    assert "tidak ada cadangan utuh" in boxes["error"][0]
    assert startup.read_only and window.database is not None and window.database.read_only


def test_closing_normally_marks_the_lock_clean(qtbot, monkeypatch, parts, boxes, demo_copy):
    # run_gui's finally calls startup.release() after the runner stopped (see app.py).
    window, startup, runner = parts
    write_lock_text(demo_copy, checked=days_ago(1))  # an unclean one before
    spy = CheckSpy(monkeypatch, window)
    start(qtbot, startup, runner, demo_copy, spy)
    assert "clean" not in lock_text(demo_copy)
    runner.shutdown()
    startup.release()
    text = lock_text(demo_copy)
    assert text["clean"] is True and "until" in text
    assert datetime.fromisoformat(str(text["checked"])) > datetime.now(UTC) - timedelta(days=1)


def test_opening_a_database_counts_no_records_on_the_gui_thread(qtbot, monkeypatch, demo_db):
    from kinerja_desktop.services.common import info

    counted: list[object] = []
    monkeypatch.setattr(info, "count_records", lambda session: counted.append(session) or {})
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_database(demo_db)
    try:
        assert counted == []
        assert window.info is not None and window.info.home_office is not None
    finally:
        window.set_database(None)
