"""The task runner pauses Python's cycle collector around every worker job (issue 16, item 3).

A full collection set off by a worker's read held Python's lock for 250-700 ms on a city and
froze the GUI thread. The runner keeps the collector off while any job runs, with one counter
for overlapping jobs, and never leaves it off after a job ends, also one that raised.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget

from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.services.common import freeze_loaded, paused_gc

WAIT_S = 10


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    parent = QWidget()
    qtbot.addWidget(parent)
    task_runner = TaskRunner(parent)
    yield task_runner
    task_runner.shutdown()


def test_a_job_runs_with_the_collector_off_and_it_is_on_after(qtbot, runner, collector_on):
    seen: list[bool] = []
    with qtbot.waitSignal(runner.task_finished, timeout=WAIT_S * 1000):
        runner.read(lambda: seen.append(gc.isenabled()), key="probe")
    assert seen == [False]
    assert gc.isenabled()


def test_overlapping_jobs_keep_it_off_until_the_last_ends(qtbot, runner, collector_on):
    read_started = threading.Event()
    write_ended = threading.Event()
    read_may_end = threading.Event()
    seen: dict[str, bool] = {}

    def long_read() -> None:
        read_started.set()
        # The write starts and ends on the other worker while this read still runs.
        assert write_ended.wait(WAIT_S)
        seen["read after the write ended"] = gc.isenabled()
        assert read_may_end.wait(WAIT_S)

    def short_write() -> None:
        assert read_started.wait(WAIT_S)
        seen["write"] = gc.isenabled()

    finished: list[int] = []
    runner.task_finished.connect(finished.append)
    read = runner.read(long_read, key="long")
    write = runner.write(short_write, on_done=lambda _r: write_ended.set())
    qtbot.waitUntil(lambda: write.number in finished, timeout=WAIT_S * 1000)
    qtbot.waitUntil(lambda: "read after the write ended" in seen, timeout=WAIT_S * 1000)
    assert not gc.isenabled()  # the read still runs
    read_may_end.set()
    qtbot.waitUntil(lambda: read.number in finished, timeout=WAIT_S * 1000)
    assert seen == {"write": False, "read after the write ended": False}
    assert gc.isenabled()


def test_a_job_that_raises_leaves_it_on(qtbot, runner, collector_on):
    errors: list[BaseException] = []

    def broken() -> None:
        assert not gc.isenabled()
        raise RuntimeError("a failed read")

    with qtbot.waitSignal(runner.task_finished, timeout=WAIT_S * 1000):
        runner.write(broken, on_error=errors.append)
    assert [type(e) for e in errors] == [RuntimeError]
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(qtbot, runner, collector_on):
    gc.disable()
    with qtbot.waitSignal(runner.task_finished, timeout=WAIT_S * 1000):
        runner.write(lambda: None)
    assert not gc.isenabled()


def test_pauses_from_two_threads_share_one_counter(collector_on):
    inside = threading.Event()
    leave = threading.Event()

    def other() -> None:
        with paused_gc():
            inside.set()
            leave.wait(WAIT_S)

    thread = threading.Thread(target=other)
    thread.start()
    assert inside.wait(WAIT_S)
    with paused_gc():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's pause has not ended
    leave.set()
    thread.join(WAIT_S)
    assert gc.isenabled()


def test_freeze_moves_what_is_loaded_out_of_the_collections():
    try:
        freeze_loaded()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
