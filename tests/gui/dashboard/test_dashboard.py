"""The Dasbor: figures read off the GUI thread, charts equal to the services' figures."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from kinerja_desktop.domain.enums import Predikat, Role
from kinerja_desktop.domain.predikat import DISTRIBUTION_AXIS, expected_distribution
from kinerja_desktop.gui.dashboard import figures as figures_module, view as view_module
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.services.common import Actor
from kinerja_desktop.services.evaluation import STAGES, completion_summary
from kinerja_desktop.services.office_eval import office_distribution


@pytest.fixture
def window(qtbot, demo_db):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.set_database(demo_db)
    win.show()
    qtbot.waitExposed(win)
    return win


def _open(qtbot, window):
    view = window.select_view("dashboard")
    qtbot.waitUntil(lambda: view.figures is not None and view.charts.isVisible(), timeout=30_000)
    return view


def _reload(qtbot, view, change) -> None:
    old = view.figures
    change()
    qtbot.waitUntil(lambda: view.figures is not old, timeout=30_000)


def _bar_values(bar_set) -> list[float]:
    return [bar_set.at(i) for i in range(bar_set.count())]


def _series(chart_view, name):
    return next(s for s in chart_view.chart().series() if s.objectName() == name)


def test_stages_follow_the_completion_monitor():
    assert figures_module.STAGES == STAGES


def test_dasbor_reads_off_the_gui_thread_and_draws_the_demo_figures(
    qtbot, window, demo_db, monkeypatch
):
    threads: list[threading.Thread] = []
    real = view_module.load_figures

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(view_module, "load_figures", spy)
    assert window.views["dashboard"].figures is None  # never loaded at start
    view = _open(qtbot, window)
    assert threads and all(t is not threading.main_thread() for t in threads)
    period = view.figures.period
    assert period is not None and view.period_combo.current_code() == period
    summary = completion_summary(demo_db, period)
    offices = sorted({r.office_code for r in summary.rows})
    assert [o.office_code for o in view.figures.completion] == offices
    # Completion: one stacked bar per office (first office on top), one set per stage.
    completion = _series(view.completion_view, "completion")
    for bar in completion.barSets():
        expected = [
            sum(1 for r in summary.rows if r.office_code == code and r.stage == bar.objectName())
            for code in reversed(offices)
        ]
        assert _bar_values(bar) == expected, bar.objectName()
    assert {b.objectName() for b in completion.barSets()} == set(STAGES)
    if view.figures.counted == 0:  # the demo's Q3 is still under review: said, not left blank
        assert "Belum ada pegawai dengan predikat" in view.info_label.text()
    # Distribution of every office: the sum of each office's counts, as shares (in Q2, where
    # the demo's evaluations have their predikat).
    _reload(qtbot, view, lambda: view.period_combo.select_code("2026-Q2"))
    period = "2026-Q2"
    assert view.figures.period == period and len(threads) == 2
    counts = dict.fromkeys(Predikat, 0)
    for code in offices:
        for grade, n in office_distribution(demo_db, code, period).counts.items():
            counts[grade] += n
    total = sum(counts.values())
    assert total > 0
    shares = _series(view.distribution_view, "distribution").barSets()[0]
    assert _bar_values(shares) == pytest.approx(
        [100 * counts[g] / total for g in DISTRIBUTION_AXIS]
    )
    assert view.model.rowCount() == len(offices)
    staff = completion_summary(demo_db, period)
    assert view.model.index(0, 2).data() == str(
        sum(1 for r in staff.rows if r.office_code == offices[0])
    )


def test_one_office_shows_its_band_and_warnings(qtbot, window, demo_db):
    view = _open(qtbot, window)
    _reload(qtbot, view, lambda: view.period_combo.select_code("2026-Q2"))
    _reload(
        qtbot,
        view,
        lambda: view.office_combo.setCurrentIndex(view.office_combo.findData("NGL-KLO")),
    )
    report = office_distribution(demo_db, "NGL-KLO", "2026-Q2")
    assert view.figures.office_code == "NGL-KLO" and view.figures.period == "2026-Q2"
    assert report.org_predikat is not None and report.total > 0
    shares = _series(view.distribution_view, "distribution").barSets()[0]
    assert _bar_values(shares) == pytest.approx(
        [100 * report.counts[g] / report.total for g in DISTRIBUTION_AXIS]
    )
    band = expected_distribution(report.org_predikat)
    low = _series(view.distribution_view, "band_min")
    high = _series(view.distribution_view, "band_max")
    assert [p.y() for p in low.points()] == [band.share_of(g).minimum for g in DISTRIBUTION_AXIS]
    assert [p.y() for p in high.points()] == [band.share_of(g).maximum for g in DISTRIBUTION_AXIS]
    assert [o.office_code for o in view.figures.completion] == ["NGL-KLO"]
    assert view.figures.warnings == tuple(w.message for w in report.warnings)
    for message in view.figures.warnings:
        assert message in view.info_label.text()


def test_dasbor_is_first_for_a_pimpinan_and_never_opened_at_start(qtbot, window):
    def names():
        return [window.sidebar.item(r).text() for r in range(window.sidebar.count())]

    assert names()[-1] == "Dasbor"
    window.set_actor(Actor("camat", frozenset({Role.PIMPINAN})))
    assert names()[0] == "Dasbor"
    assert window.current_view() is window.views["employees"]  # what was shown stays shown
    assert window.views["dashboard"].figures is None
    window.sidebar.setCurrentRow(0)
    assert window.current_view() is window.views["dashboard"]
    window.sidebar.setCurrentRow(1)
    assert window.current_view() is window.views["employees"]
    window.set_actor(Actor("admin", frozenset({Role.ADMIN})))
    assert names()[-1] == "Dasbor" and names()[0] == "Pegawai"
    assert window.select_view("sync") is window.current_view()


def test_showing_the_window_does_not_load_qtcharts():
    code = (
        "import sys;"
        "from PySide6.QtWidgets import QApplication;"
        "app = QApplication(['x', '-platform', 'offscreen']);"
        "from kinerja_desktop.gui.main_window import MainWindow;"
        "w = MainWindow(); w.show(); app.processEvents();"
        "print('PySide6.QtCharts' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_a_refused_read_is_worded_in_place_of_the_table(qtbot, window, monkeypatch):
    from kinerja_desktop.domain.errors import ValidationError

    def refuse(*_args, **_kwargs):
        raise ValidationError("period.invalid", value="2026-X9")

    monkeypatch.setattr(view_module, "load_figures", refuse)
    view = window.select_view("dashboard")
    qtbot.waitUntil(lambda: "2026-X9" in view.empty_message(), timeout=30_000)
    assert not view.charts.isVisible() and view.model.rowCount() == 0
