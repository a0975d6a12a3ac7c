"""The Dasbor as one page of the kecamatan recap, drawn with reportlab graphics (issue 20).

The same four figures as the screen's Dasbor for every office (gui/dashboard/charts.py): the
staff's predikat distribution (percent), the staff per completion stage per office (stacked
bars in the screen's stage colours), the IKU capaian of each office across the periods of the
year with the 100% target dashed, and the IKM per office per survey period. The palettes
below are the screen's; a test keeps the two equal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from kinerja_desktop.reports.forms import section
from kinerja_desktop.reports.page import esc
from kinerja_desktop.reports.styles import fonts, styles

__all__ = ["LINE_COLOURS", "SHARE_COLOUR", "STAGE_COLOURS", "DashboardPage", "dashboard_page"]

#: Behind (red) to done (green), one colour per completion stage (the screen's).
STAGE_COLOURS = ("#b71c1c", "#e53935", "#fb8c00", "#fdd835", "#9ccc65", "#42a5f5", "#2e7d32")
SHARE_COLOUR = "#1565c0"
TARGET_COLOUR = "#6d4c41"
#: One colour per IKU line or IKM period, cycled (the screen's).
LINE_COLOURS = (
    "#1565c0", "#2e7d32", "#c62828", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#558b2f",
    "#4527a0", "#9e9d24",
)  # fmt: skip


@dataclass(frozen=True)
class DashboardPage:
    """The figures of the page, already worded (the service fills it).

    Attributes:
        predikat: (label, percent of the staff with a predikat) on the lampiran's axis.
        stages: the completion stage names, in the order of :data:`STAGE_COLOURS`.
        completion: (office code, staff per stage) per office.
        periods: the short names of the year's periods (the IKU chart's axis).
        iku: (line name, capaian per period or None) per office.
        ikm_periods: the short names of the IKM survey periods.
        ikm: (office code, IKM per survey period or None) per office with a survey.
    """

    title: str
    predikat: tuple[tuple[str, float], ...]
    counted: int
    stages: tuple[str, ...]
    completion: tuple[tuple[str, tuple[int, ...]], ...]
    periods: tuple[str, ...]
    iku: tuple[tuple[str, tuple[float | None, ...]], ...]
    ikm_periods: tuple[str, ...]
    ikm: tuple[tuple[str, tuple[float | None, ...]], ...]
    note: str = ""


def _colour(hex_code: str) -> colors.Color:
    return colors.HexColor(hex_code)


def _title(drawing: Drawing, words: str) -> None:
    f = fonts()
    drawing.add(
        String(drawing.width / 2, drawing.height - 10, words, fontName=f.bold, fontSize=8,
               textAnchor="middle")
    )  # fmt: skip


def _legend(
    drawing: Drawing, pairs: Sequence[tuple[str, str]], x: float, y: float, *, columns: int = 1
) -> None:
    if not pairs:
        return
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName = fonts().regular
    legend.fontSize = 6
    legend.boxAnchor = "nw"
    legend.alignment = "right"  # the colour box before its name, as on the screen
    legend.dx = legend.dy = 5
    legend.deltay = 8
    legend.columnMaximum = max(1, -(-len(pairs) // columns))
    legend.colorNamePairs = [(_colour(c), name) for c, name in pairs]
    drawing.add(legend)


def _axis_fonts(chart: object) -> None:
    f = fonts()
    for axis in ("categoryAxis", "valueAxis", "xValueAxis", "yValueAxis"):
        found = getattr(chart, axis, None)
        if found is not None:
            found.labels.fontName = f.regular
            found.labels.fontSize = 6


def predikat_drawing(page: DashboardPage, width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    _title(drawing, "Distribusi predikat pegawai (%)")
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 24, 30, width - 34, height - 50
    chart.data = [[share for _label, share in page.predikat] or [0]]
    chart.categoryAxis.categoryNames = [name.replace("/", "/\n") for name, _ in page.predikat]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.bars[0].fillColor = _colour(SHARE_COLOUR)
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: f"{v:.1f}".replace(".", ",")
    chart.barLabels.fontName = fonts().regular
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 5
    _axis_fonts(chart)
    drawing.add(chart)
    if page.counted == 0:
        drawing.add(
            String(width / 2, height / 2, "Belum ada pegawai dengan predikat pada periode ini.",
                   fontName=fonts().regular, fontSize=7, textAnchor="middle")
        )  # fmt: skip
    return drawing


def completion_drawing(page: DashboardPage, width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    _title(drawing, "Kelengkapan per kantor (pegawai)")
    offices = list(reversed(page.completion))  # reportlab draws the first category at the bottom
    chart = HorizontalBarChart()
    legend_width = 78
    chart.x, chart.y = 40, 18
    chart.width, chart.height = width - chart.x - legend_width - 6, height - 36
    chart.data = [[counts[n] for _code, counts in offices] or [0] for n in range(len(page.stages))]
    chart.categoryAxis.categoryNames = [code for code, _ in offices]
    chart.categoryAxis.style = "stacked"
    chart.valueAxis.valueMin = 0
    chart.barWidth = 6
    for n, colour in enumerate(STAGE_COLOURS):
        chart.bars[n].fillColor = _colour(colour)
        chart.bars[n].strokeColor = None
    _axis_fonts(chart)
    drawing.add(chart)
    _legend(drawing, list(zip(STAGE_COLOURS, page.stages, strict=True)), width - legend_width,
            height - 18)  # fmt: skip
    return drawing


def iku_drawing(page: DashboardPage, width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    _title(drawing, "Capaian IKU kantor per periode (%)")
    legend_width = 50
    chart = LinePlot()
    chart.x, chart.y = 24, 18
    chart.width, chart.height = width - chart.x - legend_width - 6, height - 36
    count = max(len(page.periods), 1)
    lines = [
        [(n, value) for n, value in enumerate(values) if value is not None]
        for _name, values in page.iku
    ]
    highest = max([v for line in lines for _x, v in line] + [120.0])
    data = [line for line in lines if line]
    chart.data = (
        [*data, [(-0.5, 100.0), (count - 0.5, 100.0)]]
        if data
        else [[(-0.5, 100.0), (count - 0.5, 100.0)]]
    )
    shown = [name for (name, _), line in zip(page.iku, lines, strict=True) if line]
    for n in range(len(data)):
        chart.lines[n].strokeColor = _colour(LINE_COLOURS[n % len(LINE_COLOURS)])
        chart.lines[n].strokeWidth = 1
    target = chart.lines[len(data)]
    target.strokeColor = _colour(TARGET_COLOUR)
    target.strokeDashArray = [3, 2]
    target.strokeWidth = 1.2
    chart.xValueAxis.valueMin, chart.xValueAxis.valueMax = -0.5, count - 0.5
    chart.xValueAxis.valueSteps = list(range(count))
    chart.xValueAxis.labelTextFormat = lambda x: (
        page.periods[round(x)] if 0 <= round(x) < len(page.periods) else ""
    )
    chart.yValueAxis.valueMin = 0
    chart.yValueAxis.valueMax = (int(highest) // 25 + 1) * 25
    chart.yValueAxis.valueStep = 25
    _axis_fonts(chart)
    drawing.add(chart)
    pairs = [(LINE_COLOURS[n % len(LINE_COLOURS)], name) for n, name in enumerate(shown)]
    pairs.append((TARGET_COLOUR, "Target (100%)"))
    _legend(drawing, pairs, width - legend_width, height - 18)
    return drawing


def ikm_drawing(page: DashboardPage, width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    _title(
        drawing,
        "IKM per kantor (nilai konversi)"
        if page.ikm
        else "IKM per kantor: belum ada survei IKM tahun ini",
    )
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 24, 34, width - 34, height - 54
    chart.data = [
        [values[n] or 0 for _code, values in page.ikm] or [0] for n in range(len(page.ikm_periods))
    ] or [[0]]
    chart.categoryAxis.categoryNames = [code for code, _ in page.ikm] or [""]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    for n in range(len(page.ikm_periods)):
        chart.bars[n].fillColor = _colour(LINE_COLOURS[n % len(LINE_COLOURS)])
        chart.bars[n].strokeColor = None
    chart.barLabelFormat = lambda v: f"{v:.2f}".replace(".", ",") if v else ""
    chart.barLabels.fontName = fonts().regular
    chart.barLabels.fontSize = 5.5
    chart.barLabels.nudge = 5
    _axis_fonts(chart)
    drawing.add(chart)
    pairs = [(LINE_COLOURS[n % len(LINE_COLOURS)], p) for n, p in enumerate(page.ikm_periods)]
    _legend(drawing, pairs, 24, 12, columns=max(len(pairs), 1))
    return drawing


def dashboard_page(page: DashboardPage, width: float) -> list[Flowable]:
    """The page: a page break, its heading and the four charts two by two."""
    cell = (width - 4 * mm) / 2
    height = 78 * mm
    grid = Table(
        [
            [predikat_drawing(page, cell, height), completion_drawing(page, cell, height)],
            [iku_drawing(page, cell, height), ikm_drawing(page, cell, height)],
        ],
        colWidths=[cell + 2 * mm] * 2,
    )
    grid.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.4, colors.lightgrey),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    out: list[Flowable] = [PageBreak(), *section(page.title), grid]
    if page.note:
        out += [Spacer(1, 2 * mm), Paragraph(esc(page.note), styles()["tiny"])]
    return out
