"""The one operations layer: reads that supersede, writes that wait, what changed refreshes."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from kinerja_desktop.gui.kit.tasks import TaskRunner, TaskState, runner_for
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.services.common.dto import Changes


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_every_view_and_child_uses_the_window_runner(window):
    child = QWidget(window.views["reports"])
    assert isinstance(window.task_runner, TaskRunner)
    assert all(view.runner is window.task_runner for view in window.views.values())
    assert runner_for(child) is window.task_runner


def test_a_newer_read_of_the_same_key_drops_the_stale_result(qtbot, window):
    runner = window.task_runner
    label = QLabel(window)
    gate = threading.Event()
    stale_state: list[TaskState] = []

    def slow_read(state: TaskState) -> str:
        stale_state.append(state)
        gate.wait(5)
        return "lama"

    first = runner.read(slow_read, key="employees", on_done=label.setText, with_state=True)
    qtbot.waitUntil(lambda: first.started, timeout=5000)
    second = runner.read(lambda: "baru", key="employees", on_done=label.setText)
    gate.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)
    assert label.text() == "baru"
    assert stale_state[0].is_cancel_requested()  # the old read was asked to stop
    assert first.finished and first.dropped and not second.dropped


def test_a_read_runs_beside_a_waiting_write(qtbot, window):
    runner = window.task_runner
    gate = threading.Event()
    write = runner.write(gate.wait, 5)
    results: list[str] = []
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.read(lambda: "dibaca", key="recap", on_done=results.append)
    assert results == ["dibaca"] and not write.finished
    gate.set()
    qtbot.waitUntil(lambda: write.finished, timeout=5000)


def test_a_second_write_waits_and_the_status_bar_says_so(qtbot, window):
    runner = window.task_runner
    gate = threading.Event()
    order: list[str] = []

    def first() -> str:
        gate.wait(5)
        order.append("first")
        return "first"

    runner.write(first)
    second = runner.write(lambda: order.append("second"))
    # A read of the same view never supersedes a write, nor does the second write.
    runner.read(lambda: None, key="employees")
    assert window.statusBar().currentMessage() == "Menunggu tugas sebelumnya selesai…"
    assert order == [] and not second.dropped
    gate.set()
    qtbot.waitUntil(lambda: second.finished, timeout=5000)
    assert order == ["first", "second"]
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)
    assert window.statusBar().currentMessage() == ""


def test_cancel_stops_a_running_task_and_skips_a_queued_one(qtbot, window):
    runner = window.task_runner
    started = threading.Event()

    def counting(state: TaskState) -> str:
        started.set()
        for step in range(1000):
            if state.is_cancel_requested():
                return f"berhenti di {step}"
            state.set_progress(step, 1000)
            threading.Event().wait(0.005)
        return "selesai"

    results: list[str] = []
    running = runner.write(counting, on_done=results.append, with_state=True)
    queued_ran: list[bool] = []
    queued = runner.write(lambda: queued_ran.append(True), on_done=results.append)
    assert started.wait(5)
    qtbot.waitUntil(lambda: running.state.percent() is not None, timeout=5000)
    queued.cancel()
    running.cancel()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)
    assert len(results) == 1 and results[0].startswith("berhenti di")
    assert queued_ran == [] and queued.dropped


def test_a_writes_changes_refresh_the_views_showing_that_kind(qtbot, window, demo_db, monkeypatch):
    from kinerja_desktop.gui.main_window import VIEW_NAMES

    window.set_database(demo_db)
    employees = window.select_view("employees")
    for name in VIEW_NAMES:  # a view is built when first asked for; build them all here
        window.views[name]
    calls: list[str] = []
    for name, view in window.views.items():
        monkeypatch.setattr(view, "refresh", lambda name=name: calls.append(name))
    for view in window.views.values():
        view._stale = False
    seen: list[Changes] = []
    window.changes_made.connect(seen.append)

    window.apply_changes(Changes.of("employees", uuids={"employees": ["u-1"]}))

    assert calls == ["employees"]  # the visible view reloads at once
    assert employees.isVisible()
    # Views showing employees elsewhere reload when shown; the others stay as they are.
    assert window.views["indicators"].is_stale() and window.views["evaluations"].is_stale()
    assert not window.views["sync"].is_stale()
    assert seen[0].uuids("employees") == frozenset({"u-1"})


def test_changes_merge_and_say_what_they_touch():
    merged = Changes.of("skp", uuids={"skp": ["a"]}) | Changes.of("skp", uuids={"skp": ["b"]})
    assert merged.uuids("skp") == frozenset({"a", "b"})
    assert merged.touches({"skp", "employees"}) and not merged.touches({"sync"})
    assert Changes.everything().touches({"sync"}) and not Changes()


def test_the_editor_shows_the_detail_the_assessment_save_returned(qtbot, db, monkeypatch):
    from kinerja_desktop.domain.enums import EvaluationStatus, Rating
    from kinerja_desktop.services.evaluation import realisations
    from kinerja_desktop.services.evaluation.assessments import submit
    from tests.gui.evaluation_gui_helpers import choose, click, make_view, open_row
    from tests.services.evaluation_helpers import fill_all, find, sign_in

    operator, penilai = sign_in(db, "operator"), sign_in(db, "penilai")
    draft = find(db, "2026-Q3", EvaluationStatus.DRAFT, penilai=penilai)
    realisations.save_realisations(db, operator, draft.uuid, fill_all(draft))
    submit(db, operator, draft.uuid)
    view = make_view(qtbot, db, "penilai")
    editor = open_row(qtbot, view, draft.employee_name)
    choose(editor.rating_hasil, editor.detail.suggestion.value)
    choose(editor.rating_perilaku, Rating.ABOVE.value)
    reads: list[str] = []
    real_get = realisations.get_evaluation
    monkeypatch.setattr(
        realisations, "get_evaluation", lambda db, uuid: reads.append(uuid) or real_get(db, uuid)
    )
    click(qtbot, editor.save_assessment_btn)
    assert editor.status.text() == "Penilaian disimpan."
    assert editor.detail.assessment is not None
    assert editor.detail.assessment.rating_perilaku == Rating.ABOVE
    assert editor.detail.changes.uuids("evaluations") == {draft.uuid}
    # The editor did not read the evaluation again: the save handed it the new detail.
    assert draft.uuid not in reads
    assert editor.rating_perilaku.currentData() == Rating.ABOVE.value


def test_after_shutdown_nothing_new_starts(qtbot):
    runner = TaskRunner()
    runner.shutdown()
    ran: list[bool] = []
    task = runner.write(lambda: ran.append(True))
    qtbot.wait(50)
    assert task.dropped and ran == [] and not runner.is_busy()


def test_a_read_gets_the_read_only_reader_of_the_database(qtbot, window, demo_db):
    runner = window.task_runner
    assert not demo_db.read_only
    seen: list = []
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.read(lambda db: (db.read_only, db.path), demo_db, key="x", on_done=seen.append)
    assert seen == [(True, demo_db.path)]
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        runner.write(lambda db: db is demo_db, demo_db, on_done=seen.append)
    assert seen[-1] is True
