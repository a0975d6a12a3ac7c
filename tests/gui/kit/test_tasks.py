"""The task runner: one worker, results on the main thread, a delayed progress dialog."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from kinerja_desktop.gui.kit.tasks import TaskRunner, TaskState


@pytest.fixture
def runner(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    task_runner = TaskRunner(parent, progress_delay_ms=50)
    yield task_runner, parent
    task_runner.shutdown()


def test_result_arrives_on_the_main_thread(qtbot, runner):
    task_runner, _parent = runner
    seen = {}

    def work(a, b):
        seen["worker"] = threading.current_thread()
        return a + b

    def done(result):
        seen["result"] = result
        seen["callback"] = threading.current_thread()

    with qtbot.waitSignal(task_runner.task_finished):
        task_runner.run(work, 2, 3, on_done=done)
    assert seen["result"] == 5
    assert seen["callback"] is threading.main_thread()
    assert seen["worker"] is not threading.main_thread()


def test_errors_go_to_on_error(qtbot, runner):
    task_runner, _parent = runner
    errors = []

    def boom():
        raise ValueError("rusak")

    with qtbot.waitSignal(task_runner.task_finished):
        task_runner.run(boom, on_error=errors.append)
    assert isinstance(errors[0], ValueError)


def test_unhandled_errors_are_not_lost(qtbot):
    caught = []
    task_runner = TaskRunner(on_unhandled=caught.append)
    try:
        with qtbot.waitSignal(task_runner.task_finished):
            task_runner.run(lambda: 1 / 0)
    finally:
        task_runner.shutdown()
    assert isinstance(caught[0], ZeroDivisionError)


def test_tasks_run_one_at_a_time(qtbot, runner):
    task_runner, _parent = runner
    active, peak = [0], [0]
    lock = threading.Lock()

    def work():
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.02)
        with lock:
            active[0] -= 1

    for _ in range(3):
        task_runner.run(work)
    qtbot.waitUntil(lambda: not task_runner.is_busy(), timeout=5000)
    assert peak[0] == 1


def test_slow_task_shows_progress_and_can_be_cancelled(qtbot, runner):
    task_runner, parent = runner

    def slow(state: TaskState):
        for step in range(200):
            if state.is_cancel_requested():
                return "dibatalkan"
            state.set_progress(step, 200, "Menyusun data…")
            time.sleep(0.01)
        return "selesai"

    results = []
    task_runner.run(
        slow, on_done=results.append, title="Membuat database demo…", parent=parent, with_state=True
    )
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog, "task_progress") is not None)
    dialog = parent.findChild(QProgressDialog, "task_progress")
    qtbot.waitUntil(lambda: dialog.maximum() == 200)
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "Batal"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: results != [], timeout=5000)
    assert results == ["dibatalkan"]


def test_quick_task_shows_no_progress_dialog(qtbot, runner):
    task_runner, parent = runner
    with qtbot.waitSignal(task_runner.task_finished):
        task_runner.run(lambda: None, title="Sebentar…", parent=parent)
    qtbot.wait(100)
    assert parent.findChild(QProgressDialog, "task_progress") is None


def test_write_once_runs_once_on_the_writer_or_at_shutdown_or_at_once(qtbot, runner):
    task_runner, _parent = runner
    ran: list[tuple[str, bool]] = []

    def note(name: str) -> None:
        ran.append((name, threading.current_thread() is threading.main_thread()))

    first = task_runner.write_once(note, "writer")
    qtbot.waitUntil(lambda: first.done, timeout=5000)
    first.run()  # already ran: nothing again
    go_on = threading.Event()
    task_runner.write(go_on.wait, 10)  # holds the writer: the next one waits behind it
    queued = task_runner.write_once(note, "queued")
    threading.Timer(0.3, go_on.set).start()
    task_runner.shutdown()  # the writer never reached it: it runs here, on this thread
    assert queued.done
    late = task_runner.write_once(note, "closed runner")
    assert late.done
    assert ran == [("writer", False), ("queued", True), ("closed runner", True)]
