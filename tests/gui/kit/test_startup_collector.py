"""The start holds the collector's full passes until the first rows, then freezes what it loaded.

Importing SQLAlchemy and the models set off a full collection that found nothing, on the
critical path to the first rows; later full passes walked the whole program again (issue 16).
"""

from __future__ import annotations

import gc

from kinerja_desktop.gui.main_window import VIEW_NAMES, MainWindow
from kinerja_desktop.gui.startup_collector import after_first_rows, hold_collector
from kinerja_desktop.services.common.collector import full_passes_held


def test_held_until_the_first_rows_then_released_with_the_start_frozen(qtbot, collector_on):
    window = MainWindow()
    qtbot.addWidget(window)
    runner = window.task_runner
    hold = hold_collector()
    try:
        assert full_passes_held() and not gc.isenabled()
        # A job ending during the start leaves the start's pause in place.
        with qtbot.waitSignal(runner.task_finished, timeout=10_000):
            runner.write(lambda: None)
        assert full_passes_held()
        gc.unfreeze()
        after_first_rows(window, hold)
        assert not full_passes_held() and gc.isenabled()
        frozen_at_rows = gc.get_freeze_count()
        assert frozen_at_rows > 0
        # The other views are built while the window is idle, and frozen in their turn.
        qtbot.waitUntil(lambda: all(name in window.views for name in VIEW_NAMES), timeout=30_000)
        qtbot.waitUntil(lambda: gc.get_freeze_count() > frozen_at_rows, timeout=10_000)
        # A later database's rows change nothing: the collector stays on, nothing is frozen.
        gc.unfreeze()
        after_first_rows(window, hold)
        assert not full_passes_held() and gc.get_freeze_count() == 0
    finally:
        hold.close()
        runner.shutdown()
    assert not full_passes_held() and gc.get_freeze_count() == 0


def test_a_start_that_never_reached_its_rows_lets_go_at_exit(collector_on):
    hold = hold_collector()
    assert full_passes_held() and not gc.isenabled()
    hold.close()
    hold.close()  # twice is harmless: the window's exit and a failed start
    assert not full_passes_held() and gc.isenabled()
