"""The Dasbor's GUI thread only draws (issue 16, item 3): the reader hands over figures with a
city's chart cut worked out, and the charts are drawn one per turn of the event loop, the
figures of a newer read replacing those still queued."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCharts import QBarCategoryAxis

from kinerja_desktop.gui.dashboard import figures as figures_module, view as view_module
from kinerja_desktop.gui.dashboard.figures import SCREEN_OFFICES, prepared
from kinerja_desktop.gui.main_window import MainWindow
from tests.gui.dashboard.test_dashboard_city import _code, city_figures


@pytest.fixture
def window(qtbot, db):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.set_database(db)
    win.show()
    qtbot.waitExposed(win)
    return win


def _categories(chart_view) -> list[str]:
    axis = next(a for a in chart_view.chart().axes() if isinstance(a, QBarCategoryAxis))
    return list(axis.categories())


def test_the_cut_is_worked_out_by_the_reader(qtbot, window, monkeypatch):
    cut_on: list[str] = []
    real = figures_module.DashboardFigures.charted

    def spy(self):
        if self.cut is None:
            cut_on.append(threading.current_thread().name)
        return real(self)

    monkeypatch.setattr(figures_module.DashboardFigures, "charted", spy)
    monkeypatch.setattr(view_module, "load_figures", lambda *_a, **_k: prepared(city_figures()))
    view = window.select_view("dashboard")
    qtbot.waitUntil(lambda: view.figures is not None and not view.is_loading(), timeout=30_000)
    assert cut_on and threading.main_thread().name not in cut_on
    assert view.chart_figures is view.figures.cut
    lowest = [_code(n) for n in range(SCREEN_OFFICES)]
    assert _categories(view.completion_view) == list(reversed(lowest))
    assert view.model.rowCount() == len(view.figures.completion) > SCREEN_OFFICES


def test_charts_are_drawn_across_turns_and_newer_figures_win(qtbot, window, monkeypatch):
    monkeypatch.setattr(view_module, "load_figures", lambda *_a, **_k: prepared(city_figures()))
    view = window.select_view("dashboard")
    qtbot.waitUntil(lambda: view.figures is not None and not view.is_loading(), timeout=30_000)
    old = view.figures
    few = prepared(city_figures())
    few = type(few)(few.period, None, few.periods, few.offices[-3:],
                    completion=few.completion[-3:], office=few.office)  # fmt: skip
    view._show_figures(prepared(city_figures()))
    assert view.is_loading() and view.figures is old  # the charts still queued
    view._show_figures(few)  # a newer read arrives before they are drawn
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=10_000)
    assert view.figures is few
    assert _categories(view.completion_view) == [_code(n) for n in (29, 28, 27)]
    views = [view.distribution_view, view.completion_view, view.iku_view, view.ikm_view]
    grid = view._charts_grid
    assert [grid.itemAt(i).widget() for i in range(grid.count())] == views
