"""The Dasbor at city size (issue 20, the city-scale rules): with more offices than a screen
chart names legibly, the charts show those furthest behind (the recap page's rule) and say so;
the table keeps every office, and a click on a bar opens the office that bar draws."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import MappingProxyType

import pytest

from kinerja_desktop.gui.dashboard import figures as figures_module, view as view_module
from kinerja_desktop.gui.dashboard.figures import (
    SCREEN_LINES,
    SCREEN_OFFICES,
    STAGES,
    DashboardFigures,
    OfficeCompletion,
)
from kinerja_desktop.gui.dashboard.links import Link
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.services.common.dto import PeriodChoice
from kinerja_desktop.services.reporting import IkmPoint, IkuLine, IkuPoint, OfficeFigures

OFFICES = 30  # more than a chart can name; the kota has 139
PERIOD = "2026-Q2"


def _code(n: int) -> str:
    return f"KOT-K{n:02d}"


def city_figures() -> DashboardFigures:
    """Office n has n of 40 staff done, a mean IKU capaian of 50 + n and an IKM of 60 + n: the
    lowest numbered offices are the furthest behind on every chart."""
    none = dict.fromkeys(STAGES, 0)
    completion = tuple(
        OfficeCompletion(
            _code(n), f"Kantor {n}", MappingProxyType({**none, "no_skp": 40 - n, "done": n})
        )
        for n in range(OFFICES)
    )
    periods = ("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")
    office = OfficeFigures(
        year=2026,
        office_code=None,
        periods=periods,
        iku=tuple(
            IkuLine(_code(n), "", _code(n), (IkuPoint("2026-Q1", Decimal(50 + n)),))
            for n in range(OFFICES)
        ),
        ikm=tuple(
            IkmPoint(_code(n), f"Kantor {n}", "2026-S1", Decimal(60 + n), "B")
            for n in range(OFFICES)
        ),
        ikm_periods=("2026-S1",),
    )
    return DashboardFigures(
        period=PERIOD,
        office_code=None,
        periods=(PeriodChoice(PERIOD, "Triwulan II 2026", date(2026, 4, 1), date(2026, 6, 30)),),
        offices=tuple((o.office_code, o.office_name) for o in completion),
        completion=completion,
        office=office,
    )


def test_the_charts_keep_the_offices_furthest_behind():
    figures = city_figures()
    charted = figures.charted()
    lowest = [_code(n) for n in range(SCREEN_OFFICES)]
    assert [o.office_code for o in charted.completion] == lowest
    assert [line.office_code for line in charted.office.iku] == lowest[:SCREEN_LINES]
    assert sorted({p.office_code for p in charted.office.ikm}) == lowest
    assert charted.counts == figures.counts and charted.period == figures.period
    # A kecamatan's handful of offices, or one office chosen: drawn as they are.
    few = DashboardFigures(PERIOD, None, completion=figures.completion[:SCREEN_OFFICES])
    assert few.charted() is few
    one = DashboardFigures(PERIOD, _code(3), completion=figures.completion[3:4],
                           office=figures.office)  # fmt: skip
    assert one.charted() is one


@pytest.fixture
def view(qtbot, db, monkeypatch):
    monkeypatch.setattr(view_module, "load_figures", lambda *_a, **_k: city_figures())
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.set_database(db)
    win.show()
    qtbot.waitExposed(win)
    dashboard = win.select_view("dashboard")
    qtbot.waitUntil(lambda: dashboard.charts.isVisible(), timeout=30_000)
    return dashboard


def _categories(chart_view) -> list[str]:
    from PySide6.QtCharts import QBarCategoryAxis

    axis = next(a for a in chart_view.chart().axes() if isinstance(a, QBarCategoryAxis))
    return list(axis.categories())


def test_the_screen_names_the_furthest_behind_and_says_so(qtbot, view):
    lowest = [_code(n) for n in range(SCREEN_OFFICES)]
    assert _categories(view.completion_view) == list(reversed(lowest))  # first office on top
    iku = [s.objectName() for s in view.iku_view.chart().series() if s.objectName() != "iku_target"]
    assert iku == [f"iku:{code}:" for code in lowest[:SCREEN_LINES]]
    assert _categories(view.ikm_view) == lowest
    assert view.model.rowCount() == OFFICES  # the table keeps every office
    note = view.info_label.text()
    assert f"{SCREEN_OFFICES} dari {OFFICES} kantor" in note
    assert f"{SCREEN_LINES} garis capaian IKU terendah" in note
    # A bar opens the office it draws, not the office at that row of the full list.
    opened: list[Link] = []
    view.open_requested.connect(opened.append)
    view.open_completion(0)  # the lowest bar: the last office of the charted ones
    view.open_ikm("2026-S1", 2)
    assert [(link.kind, link.office) for link in opened] == [
        ("monitor", lowest[-1]),
        ("ikm", lowest[2]),
    ]


def test_screen_limits_fit_a_chart_at_the_smallest_window():
    # The 1366x728 snapshot names 8 offices per chart; 10 would elide their codes to "…".
    assert figures_module.SCREEN_OFFICES == 8 and figures_module.SCREEN_LINES == 8
