"""The task runner holds the cycle collector's full passes around every worker job (issue 16).

A full collection set off by a worker's read held Python's lock for 250-700 ms on a city and
froze the GUI thread. The runner holds full passes while any job runs, with one counter for
overlapping jobs, and never leaves them held after a job ends, also one that raised; the young
passes go on (they free what dies young, as a batch of report cards makes).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget

from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.services.common import freeze_loaded, paused_gc
from kinerja_desktop.services.common.collector import full_passes_held

WAIT_S = 10


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    parent = QWidget()
    qtbot.addWidget(parent)
    task_runner = TaskRunner(parent)
    yield task_runner
    task_runner.shutdown()


def test_a_job_runs_with_full_passes_held_and_released_after(qtbot, runner, collector_on):
    seen: list[bool] = []
    with qtbot.waitSignal(runner.task_finished, timeout=WAIT_S * 1000):
        runner.read(lambda: seen.append(full_passes_held()), key="probe")
    assert seen == [True]
    assert not full_passes_held()


def test_overlapping_jobs_hold_them_until_the_last_ends(qtbot, runner, collector_on):
    read_started = threading.Event()
    write_ended = threading.Event()
    read_may_end = threading.Event()
    seen: dict[str, bool] = {}

    def long_read() -> None:
        read_started.set()
        # The write starts and ends on the other worker while this read still runs.
        assert write_ended.wait(WAIT_S)
        seen["read after the write ended"] = full_passes_held()
        assert read_may_end.wait(WAIT_S)

    def short_write() -> None:
        assert read_started.wait(WAIT_S)
        seen["write"] = full_passes_held()

    finished: list[int] = []
    runner.task_finished.connect(finished.append)
    read = runner.read(long_read, key="long")
    write = runner.write(short_write, on_done=lambda _r: write_ended.set())
    qtbot.waitUntil(lambda: write.number in finished, timeout=WAIT_S * 1000)
    qtbot.waitUntil(lambda: "read after the write ended" in seen, timeout=WAIT_S * 1000)
    assert full_passes_held()  # the read still runs
    read_may_end.set()
    qtbot.waitUntil(lambda: read.number in finished, timeout=WAIT_S * 1000)
    assert seen == {"write": True, "read after the write ended": True}
    assert not full_passes_held()


def test_a_job_that_raises_releases_them(qtbot, runner, collector_on):
    errors: list[BaseException] = []

    def broken() -> None:
        assert full_passes_held()
        raise RuntimeError("a failed read")

    with qtbot.waitSignal(runner.task_finished, timeout=WAIT_S * 1000):
        runner.write(broken, on_error=errors.append)
    assert [type(e) for e in errors] == [RuntimeError]
    assert not full_passes_held()


def test_the_thresholds_come_back_as_they_were(qtbot, runner, collector_on):
    gc.set_threshold(500, 7, 12)
    with qtbot.waitSignal(runner.task_finished, timeout=WAIT_S * 1000):
        runner.write(lambda: None)
    assert gc.get_threshold() == (500, 7, 12)


def test_young_passes_go_on_during_a_job(qtbot, runner, collector_on):
    seen: list[int] = []

    def allocating() -> None:
        before = gc.get_stats()[0]["collections"]
        _garbage = [[n] for n in range(20_000)]  # far more than one young generation
        seen.append(gc.get_stats()[0]["collections"] - before)

    with qtbot.waitSignal(runner.task_finished, timeout=WAIT_S * 1000):
        runner.write(allocating)
    assert seen and seen[0] > 0


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
        assert full_passes_held()
    assert full_passes_held()  # the other thread's pause has not ended
    leave.set()
    thread.join(WAIT_S)
    assert not full_passes_held()


def test_freeze_moves_what_is_loaded_out_of_the_collections():
    try:
        freeze_loaded()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
