"""The Dasbor of a monthly installation (issue 20.4): ``demo --office NGL-GRL --frequency
monthly`` opened on a month shows the services' figures for that month, and its IKU axis runs
over the months of the year."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.enums import Periodicity, Predikat
from kinerja_desktop.domain.predikat import DISTRIBUTION_AXIS
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.demo.build import build_demo
from kinerja_desktop.services.evaluation import STAGES, completion_summary
from kinerja_desktop.services.office_eval import office_distribution
from kinerja_desktop.services.reporting import office_figures


@pytest.fixture(scope="module")
def monthly_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("monthly") / "grl.sqlite"
    build_demo(path, office_code="NGL-GRL", frequency=Periodicity.MONTHLY)
    return path


@pytest.fixture
def monthly_db(monthly_path):
    with Database.open(monthly_path) as db:
        yield db


@pytest.fixture
def view(qtbot, monthly_db):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.set_database(monthly_db)
    win.show()
    qtbot.waitExposed(win)
    dashboard = win.select_view("dashboard")
    qtbot.waitUntil(lambda: dashboard.figures is not None, timeout=30_000)
    return dashboard


def _choose(qtbot, view, *, period=None, office=None) -> None:
    old = view.figures
    if period is not None:
        view.period_combo.select_code(period)
    if office is not None:
        view.office_combo.setCurrentIndex(view.office_combo.findData(office))
    qtbot.waitUntil(lambda: view.figures is not old and view.charts.isVisible(), timeout=30_000)


def _series(chart_view, name):
    return next(s for s in chart_view.chart().series() if s.objectName() == name)


def _values(bar_set) -> list[float]:
    return [bar_set.at(i) for i in range(bar_set.count())]


@pytest.mark.parametrize("month", ["2026-01", "2026-03"])
def test_a_month_shows_the_services_figures(qtbot, view, monthly_db, month):
    _choose(qtbot, view, period=month)
    assert view.figures.period == month
    assert view.period_combo.currentText() == {"2026-01": "Januari 2026",
                                               "2026-03": "Maret 2026"}[month]  # fmt: skip
    summary = completion_summary(monthly_db, month)
    offices = sorted({r.office_code for r in summary.rows})
    assert "NGL-GRL" in offices
    completion = _series(view.completion_view, "completion")
    for bar in completion.barSets():
        assert _values(bar) == [
            sum(1 for r in summary.rows if r.office_code == code and r.stage == bar.objectName())
            for code in reversed(offices)
        ], bar.objectName()
    assert {b.objectName() for b in completion.barSets()} == set(STAGES)
    counts = dict.fromkeys(Predikat, 0)
    for code in offices:
        for grade, n in office_distribution(monthly_db, code, month).counts.items():
            counts[grade] += n
    assert dict(view.figures.counts) == counts
    total = sum(counts.values())
    shares = _series(view.distribution_view, "distribution").barSets()[0]
    expected = [100 * counts[g] / total if total else 0 for g in DISTRIBUTION_AXIS]
    assert _values(shares) == pytest.approx(expected)
    if month == "2026-01":  # January is all approved: ten predikat, the lurah's not in the staff's
        assert total == 9
    done = view.model.index(offices.index("NGL-GRL"), 6).data()
    grl = [r for r in summary.rows if r.office_code == "NGL-GRL"]
    assert done == str(sum(1 for r in grl if r.stage == "done"))


def test_the_iku_chart_runs_over_the_months(qtbot, view, monthly_db):
    _choose(qtbot, view, period="2026-02")
    _choose(qtbot, view, office="NGL-GRL")
    figures = office_figures(monthly_db, 2026, "NGL-GRL")
    assert figures.periods == tuple(f"2026-{m:02d}" for m in range(1, 13))
    assert view.figures.office == figures
    axis = view.iku_view.chart().axes()[0]
    assert len(axis.categories()) == 12
    for line in figures.iku:
        series = _series(view.iku_view, f"iku:NGL-GRL:{line.indicator_code}")
        expected = [(figures.periods.index(pt.period), float(pt.capaian)) for pt in line.points]
        # pytest.approx compares flat sequences only (9.2 refuses pairs): x exactly, y approx.
        assert [p.x() for p in series.points()] == [x for x, _y in expected]
        assert [p.y() for p in series.points()] == pytest.approx([y for _x, y in expected])
    assert any(line.points for line in figures.iku)
    assert date(2026, 3, 10) == view.figures.deadline  # February's deadline, not a quarter's
