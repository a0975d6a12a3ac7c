"""The Dasbor's charts, drawn with QtCharts.

The one module of the app that imports ``PySide6.QtCharts``; the Dasbor imports it when it
first shows figures, so the first paint of the window never loads it (tests/gui/test_app.py).
QtCharts is widget based and renders offscreen (QtGraphs would need Qt Quick).
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPainter

from kinerja_desktop.domain.messages import label, text
from kinerja_desktop.domain.predikat import DISTRIBUTION_AXIS, expected_distribution
from kinerja_desktop.gui.dashboard.figures import STAGES, DashboardFigures

_CONTEXT = "DashboardCharts"
#: Behind (red) to done (green), one colour per completion stage.
_STAGE_COLOURS = ("#b71c1c", "#e53935", "#fb8c00", "#fdd835", "#9ccc65", "#42a5f5", "#2e7d32")
_SHARE_COLOUR = "#1565c0"
_BAND_COLOUR = "#6d4c41"


def _tr(words: str) -> str:
    return QCoreApplication.translate(_CONTEXT, words)


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def chart_view(chart: QChart, name: str) -> QChartView:
    view = QChartView(chart)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(300, 240)
    return view


def distribution_chart(figures: DashboardFigures, lang: str = "id") -> QChart:
    """The staff's share per predikat (bars) beside the band SE 3/2023 allows (markers)."""
    chart = _chart(_tr("Distribusi predikat pegawai (%)"))
    total = figures.counted
    shares = QBarSet(_tr("Pegawai"))
    shares.setObjectName("shares")
    shares.setColor(QColor(_SHARE_COLOUR))
    for grade in DISTRIBUTION_AXIS:
        shares.append(100 * figures.counts[grade] / total if total else 0.0)
    series = QBarSeries()
    series.setObjectName("distribution")
    series.append(shares)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPrecision(3)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    # Two lines (rich text "Sangat<br>Kurang"): five long labels overflow a half-width chart.
    axis_x.append([_two_lines(label(grade, lang)) for grade in DISTRIBUTION_AXIS])
    axis_y = QValueAxis()
    axis_y.setRange(0, 100)
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    if figures.org_predikat is not None:
        expected = expected_distribution(figures.org_predikat)
        for name, words, pick in (
            ("band_min", _tr("Batas bawah pola"), lambda s: s.minimum),
            ("band_max", _tr("Batas atas pola"), lambda s: s.maximum),
        ):
            marks = QScatterSeries()
            marks.setObjectName(name)
            marks.setName(words)
            marks.setColor(QColor(_BAND_COLOUR))
            marks.setMarkerSize(9)
            if name == "band_max":
                marks.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
            for index, grade in enumerate(DISTRIBUTION_AXIS):
                marks.append(index, pick(expected.share_of(grade)))
            chart.addSeries(marks)
            marks.attachAxis(axis_x)
            marks.attachAxis(axis_y)
    return chart


def completion_chart(figures: DashboardFigures, lang: str = "id") -> QChart:
    """Staff per completion stage, one stacked bar per office."""
    chart = _chart(_tr("Kelengkapan per kantor (pegawai)"))
    series = QHorizontalStackedBarSeries()
    series.setObjectName("completion")
    offices = list(reversed(figures.completion))  # the first office on top
    for stage, colour in zip(STAGES, _STAGE_COLOURS, strict=True):
        bar = QBarSet(text(f"completion.{stage}", lang))
        bar.setObjectName(stage)
        bar.setColor(QColor(colour))
        for office in offices:
            bar.append(office.count(stage))
        series.append(bar)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append([office.office_code for office in offices])
    axis_x = QValueAxis()
    axis_x.setLabelFormat("%d")
    axis_x.setRange(0, max([office.total for office in offices] + [1]))
    axis_x.applyNiceNumbers()
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_y)
    series.attachAxis(axis_x)
    # Seven stage names: a column beside the bars instead of a truncated row under them.
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return chart


def _two_lines(words: str) -> str:
    for mark in ("/", " "):
        head, found, tail = words.partition(mark)
        if found:
            return f"{head}{mark.strip()}<br>{tail}"
    return words
