"""A view deleted while its read runs on the worker ignores the rows when they arrive (a CI run
under load once delivered Evaluasi's rows to a view whose period box Qt had already deleted)."""

from __future__ import annotations

import threading

from shiboken6 import delete, isValid

from kinerja_desktop.gui.evaluation.view import EvaluationsView
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.services.common.database import Database
from tests.gui.conftest import wait_idle


def test_rows_arriving_after_the_view_was_deleted_are_dropped(qtbot, demo_db_path):
    window = MainWindow()
    qtbot.addWidget(window)
    runner = window.task_runner
    view = EvaluationsView(lang="id", parent=window)
    gate, started, arrived = threading.Event(), threading.Event(), []
    fetch = view.fetch()

    def held(db):  # the read waits until the view is gone
        started.set()
        gate.wait(10)
        rows = fetch(db)
        arrived.append(True)
        return rows

    view.fetch = lambda: held
    with Database.open(demo_db_path) as db:
        view.set_database(db)
        view.refresh()
        assert started.wait(10) and view.is_loading()
        delete(view)
        assert not isValid(view)
        gate.set()
        wait_idle(qtbot, runner)
    # The read ran to its end and its delivery raised nothing (pytest-qt fails the test on an
    # exception in the event loop, as the CI run did).
    assert arrived == [True] and not runner.is_busy()
