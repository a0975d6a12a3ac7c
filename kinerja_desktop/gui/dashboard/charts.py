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
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter

from kinerja_desktop.domain.messages import label, text
from kinerja_desktop.domain.predikat import DISTRIBUTION_AXIS, expected_distribution
from kinerja_desktop.gui.dashboard.figures import STAGES, DashboardFigures

_CONTEXT = "DashboardCharts"
#: Behind (red) to done (green), one colour per completion stage.
_STAGE_COLOURS = ("#b71c1c", "#e53935", "#fb8c00", "#fdd835", "#9ccc65", "#42a5f5", "#2e7d32")
_SHARE_COLOUR = "#1565c0"
_BAND_COLOUR = "#6d4c41"
#: One colour per IKU line or IKM period (cycled); the target line is the band's brown.
LINE_COLOURS = (
    "#1565c0", "#2e7d32", "#c62828", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#558b2f",
    "#4527a0", "#9e9d24",
)  # fmt: skip


def _tr(words: str) -> str:
    return QCoreApplication.translate(_CONTEXT, words)


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


class ChartView(QChartView):
    """A chart view that also tells where in the plot a left click fell, in the values of the
    chart's first series: the band markers of a scatter series swallow the clicks over the
    bars below them, so the distribution chart is clicked by column instead."""

    plot_clicked = Signal(QPointF)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        chart = self.chart()
        if event.button() != Qt.MouseButton.LeftButton or not chart.series():
            return
        at = chart.mapFromScene(self.mapToScene(event.position().toPoint()))
        if chart.plotArea().contains(at):
            self.plot_clicked.emit(chart.mapToValue(at, chart.series()[0]))


def chart_view(chart: QChart, name: str) -> ChartView:
    view = ChartView(chart)
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
    _small_labels(axis_y)
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


def period_label(code: str, lang: str) -> str:
    """A short period name for a narrow axis (the recap page uses the same)."""
    from kinerja_desktop.domain.periods import short_period

    return short_period(code, lang)


def iku_chart(figures: DashboardFigures, lang: str = "id") -> QChart:
    """Capaian per IKU (or per office for every office) across the periods of the year, with
    the target (100%) as a dashed line; a line's points are named ``iku:<office>:<code>``."""
    office = figures.office
    one = figures.office_code is not None
    chart = _chart(
        _tr("Capaian IKU per periode (%)") if one else _tr("Capaian IKU kantor per periode (%)")
    )
    periods = office.periods if office is not None else ()
    axis_x = QBarCategoryAxis()
    axis_x.append([period_label(p, lang) for p in periods] or [""])
    _small_labels(axis_x)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    highest = 120.0
    lines = office.iku if office is not None else ()
    for n, line in enumerate(lines):
        series = QLineSeries()
        series.setObjectName(f"iku:{line.office_code}:{line.indicator_code}")
        series.setName(line.indicator_code or line.office_code)
        series.setColor(QColor(LINE_COLOURS[n % len(LINE_COLOURS)]))
        series.setPointsVisible(True)
        for point in line.points:
            value = float(point.capaian)
            highest = max(highest, value)
            series.append(periods.index(point.period), value)
        chart.addSeries(series)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
    target = QLineSeries()
    target.setObjectName("iku_target")
    target.setName(_tr("Target (100%)"))
    pen = target.pen()
    pen.setColor(QColor(_BAND_COLOUR))
    pen.setStyle(Qt.PenStyle.DashLine)
    pen.setWidth(2)
    target.setPen(pen)
    for x in (-0.5, max(len(periods) - 0.5, 0.5)):
        target.append(x, 100.0)
    chart.addSeries(target)
    target.attachAxis(axis_x)
    target.attachAxis(axis_y)
    axis_y.setRange(0, highest)
    axis_y.applyNiceNumbers()
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignRight)
    font = legend.font()
    font.setPointSizeF(max(font.pointSizeF() - 1.5, 6.0))
    legend.setFont(font)
    return chart


def ikm_chart(figures: DashboardFigures, lang: str = "id") -> QChart:
    """IKM (converted, 25–100) per office, one bar set per survey period of the year."""
    office = figures.office
    points = office.ikm if office is not None else ()
    chart = _chart(
        _tr("IKM per kantor (nilai konversi)")
        if points
        else _tr("IKM per kantor: belum ada survei IKM tahun ini")
    )
    offices = sorted({p.office_code for p in points})
    series = QBarSeries()
    series.setObjectName("ikm")
    for n, period in enumerate(office.ikm_periods if office is not None else ()):
        bar = QBarSet(period_label(period, lang))
        bar.setObjectName(f"ikm:{period}")
        bar.setColor(QColor(LINE_COLOURS[n % len(LINE_COLOURS)]))
        values = {p.office_code: float(p.converted) for p in points if p.period == period}
        for code in offices:
            bar.append(values.get(code, 0.0))
        series.append(bar)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPrecision(4)
    series.setLabelsAngle(-90)  # upright, side by side bars' values would run into each other
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append(offices or [""])
    axis_y = QValueAxis()
    axis_y.setRange(0, 100)
    axis_y.setLabelFormat("%d")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    return chart


def _small_labels(axis: QBarCategoryAxis) -> None:
    """A smaller font where many categories share a short axis (else Qt elides them)."""
    font = axis.labelsFont()
    font.setPointSizeF(max(font.pointSizeF() - 1.5, 6.0))
    axis.setLabelsFont(font)
