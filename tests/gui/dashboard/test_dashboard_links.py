"""A click on each Dasbor chart opens the rows behind it (issue 20): real mouse clicks on the
bars and points, then the rows or the dialog that opened are checked against the services."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from kinerja_desktop.domain.enums import Predikat
from kinerja_desktop.domain.predikat import DISTRIBUTION_AXIS
from kinerja_desktop.gui.evaluation.asks import SaveFile
from kinerja_desktop.gui.evaluation.monitor import CompletionDialog
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.office_eval.ikm import IkmSurveyDialog
from kinerja_desktop.gui.office_eval.realisations import OfficeRealisationsDialog
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.evaluation import list_evaluations
from kinerja_desktop.services.office_eval import save_survey
from tests.cli.test_ikm_cli import example_answers


def copy_survey(db, source: str, target: str, period: str) -> None:
    """Store ``source``'s survey of ``period`` as ``target``'s (only the home office may save
    one through the service; the others arrive by sync)."""
    import uuid

    from sqlalchemy import select

    from kinerja_desktop.services.common.recording import stamp_new
    from kinerja_desktop.storage.models import IkmSurvey, Office

    with db.uow() as uow:
        session = uow.session
        office = {o.code: o for o in session.execute(select(Office)).scalars()}
        row = session.execute(
            select(IkmSurvey).where(
                IkmSurvey.office_id == office[source].id, IkmSurvey.period == period
            )
        ).scalar_one()
        copy = IkmSurvey(
            uuid=str(uuid.uuid4()), office_id=office[target].id, period=period,
            respondents=row.respondents, totals=list(row.totals), answered=list(row.answered),
            note="",
        )  # fmt: skip
        stamp_new(copy, SYSTEM, office=target)
        session.add(copy)
        uow.commit()


@pytest.fixture
def window(qtbot, db):
    save_survey(db, SYSTEM, "NGL", "2026-S1", example_answers())
    copy_survey(db, "NGL", "NGL-KLO", "2026-S1")  # as a package from the kelurahan brings it
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 900)
    win.set_database(db)
    win.show()
    qtbot.waitExposed(win)
    return win


def _show(qtbot, window, period="2026-Q2", office=None):
    view = window.select_view("dashboard")
    qtbot.waitUntil(lambda: view.figures is not None and view.charts.isVisible(), timeout=30_000)
    for change in (
        lambda: view.period_combo.select_code(period),
        lambda: view.office_combo.setCurrentIndex(view.office_combo.findData(office)),
    ):
        old = view.figures
        change()
        if view.runner.is_busy():
            qtbot.waitUntil(lambda old=old: view.figures is not old, timeout=30_000)
    assert view.figures.period == period and view.figures.office_code == office
    charts = (view.distribution_view, view.completion_view, view.iku_view, view.ikm_view)
    # The new charts get their size from the grid on the next layout pass: click after it.
    qtbot.waitUntil(
        lambda: all(c.isVisible() and c.chart().size().width() >= c.width() - 2 for c in charts),
        timeout=10_000,
    )
    QApplication.processEvents()
    return view


def _series(chart_view, name):
    return next(s for s in chart_view.chart().series() if s.objectName() == name)


def _click(qtbot, chart_view, series, x: float, y: float) -> None:
    """A left click where the chart draws the value (x, y) of ``series``."""
    chart = chart_view.chart()
    scene = chart.mapToScene(chart.mapToPosition(QPointF(x, y), series))
    qtbot.mouseClick(
        chart_view.viewport(), Qt.MouseButton.LeftButton, pos=chart_view.mapFromScene(scene)
    )


def _links(view):
    seen = []
    view.open_requested.connect(seen.append)
    return seen


def test_a_predikat_bar_opens_evaluasi_with_that_predikat_and_office(qtbot, window, db):
    view = _show(qtbot, window, office="NGL-KLO")
    seen = _links(view)
    shares = _series(view.distribution_view, "distribution")
    index = DISTRIBUTION_AXIS.index(Predikat.BAIK)
    height = shares.barSets()[0].at(index)
    assert height > 0
    _click(qtbot, view.distribution_view, shares, index, height / 2)
    assert [(s.kind, s.predikat, s.office) for s in seen] == [
        ("evaluations", Predikat.BAIK, "NGL-KLO")
    ]
    evaluations = window.views["evaluations"]
    assert window.current_view() is evaluations
    expected = sorted(
        r.uuid
        for r in list_evaluations(db, period="2026-Q2", office_code="NGL-KLO")
        if r.predikat == Predikat.BAIK
    )
    qtbot.waitUntil(lambda: not evaluations.is_loading(), timeout=30_000)
    qtbot.waitUntil(
        lambda: sorted(r.uuid for r in evaluations.model.rows()) == expected, timeout=30_000
    )
    assert evaluations.period_combo.current_code() == "2026-Q2"
    assert evaluations.office_combo.currentData() == "NGL-KLO"
    assert "Baik" in evaluations.info_label.text()
    # Choosing another office lists every predikat again.
    evaluations.office_combo.setCurrentIndex(evaluations.office_combo.findData("NGL-GRL"))
    assert evaluations.predikat_filter is None


def test_a_completion_bar_opens_the_monitor_of_that_office(qtbot, window, tmp_path, monkeypatch):
    view = _show(qtbot, window)
    completion = _series(view.completion_view, "completion")
    offices = [o.office_code for o in reversed(view.figures.completion)]
    row = offices.index("NGL-GRL")
    first = next(b for b in completion.barSets() if b.at(row) > 0)
    before = sum(completion.barSets()[i].at(row) for i in range(completion.barSets().index(first)))
    # A horizontal bar: the value runs along x, the office is the category on y.
    _click(qtbot, view.completion_view, completion, before + first.at(row) / 2, row)
    dialog = window.findChild(CompletionDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.office_combo.currentData() == "NGL-GRL", timeout=30_000)
    assert dialog.period_combo.current_code() == "2026-Q2"
    # Its export adds the office's line beside the employees' (issue 20).
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30_000)
    target = tmp_path / "monitor.xlsx"
    monkeypatch.setattr(SaveFile, "ask", classmethod(lambda cls, *a: target))
    qtbot.mouseClick(dialog.export_btn, Qt.MouseButton.LeftButton)
    book = openpyxl.load_workbook(target)
    assert [row[0] for row in book["Per kantor"].iter_rows(min_row=3, values_only=True)] == [
        "NGL-GRL"
    ]


def test_an_iku_point_opens_the_realisations_of_that_indicator(qtbot, window):
    view = _show(qtbot, window, office="NGL-GRL")
    lines = view.figures.office.iku

    def alone(line, point):  # no other line passes near it, so the click hits this line
        return all(
            abs(other.capaian - point.capaian) > 8
            for each in lines
            if each is not line
            for other in each.points
            if other.period == point.period
        )

    line, point = next((ln, p) for ln in lines for p in ln.points if alone(ln, p))
    series = _series(view.iku_view, f"iku:NGL-GRL:{line.indicator_code}")
    x = view.figures.office.periods.index(point.period)
    _click(qtbot, view.iku_view, series, x, float(point.capaian))
    dialog = window.findChild(OfficeRealisationsDialog)
    assert dialog is not None and dialog.isVisible()
    assert (dialog.office.code(), dialog.period.code()) == ("NGL-GRL", point.period)
    current = dialog.table.currentIndex()
    assert dialog.table.model().index(current.row(), 0).data() == line.indicator_code


def test_an_ikm_bar_opens_the_survey_of_that_office_and_period(qtbot, window):
    view = _show(qtbot, window)
    assert view.figures.office.ikm_periods == ("2026-S1",)
    series = _series(view.ikm_view, "ikm")
    offices = sorted({p.office_code for p in view.figures.office.ikm})
    assert offices == ["NGL", "NGL-KLO"]
    bar = series.barSets()[0]
    # One bar set: its bar sits on the category's centre.
    _click(qtbot, view.ikm_view, series, 1, bar.at(1) / 2)
    dialog = window.findChild(IkmSurveyDialog)
    assert dialog is not None and dialog.isVisible()
    assert (dialog.office.code(), dialog.period.code()) == ("NGL-KLO", "2026-S1")
    assert dialog.stored is not None and dialog.stored.office_code == "NGL-KLO"


def test_the_english_dasbor_words_the_se_3_2023_warnings_in_english(qtbot, db):
    from kinerja_desktop.services.office_eval import office_distribution

    report = office_distribution(db, "NGL-KLO", "2026-Q2")
    assert report.warnings  # the demo breaks the pattern there on purpose
    win = MainWindow(lang="en")
    qtbot.addWidget(win)
    win.set_database(db)
    win.show()
    view = _show(qtbot, win, office="NGL-KLO")
    assert view.figures.warnings
    assert all(w.startswith("Organisation result") for w in view.figures.warnings)
    assert view.figures.warnings[0] in view.info_label.text()
