"""Small bar charts drawn with reportlab graphics: predikat distribution and capaian per IKU."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from kinerja_desktop.reports.model import PatternRow
from kinerja_desktop.reports.styles import CATEGORY_COLOURS, fonts

__all__ = [
    "capaian_chart",
    "capaian_chart_height",
    "chart_scale",
    "distribution_chart",
    "pattern_chart",
]

_BAND = colors.HexColor("#d5dde8")

_BAR = colors.HexColor("#4a6fa5")


def distribution_chart(
    values: Sequence[tuple[str, int]], width: float, height: float = 70
) -> Drawing:
    """Vertical bars of how many employees got each predikat, with the count on top."""
    f = fonts()
    drawing = Drawing(width, height)
    if not values:
        return drawing
    base, top = 22.0, height - 10
    slot = width / len(values)
    biggest = max((v for _, v in values), default=0) or 1
    drawing.add(Line(0, base, width, base, strokeColor=colors.grey, strokeWidth=0.5))
    for n, (name, count) in enumerate(values):
        x = n * slot + slot * 0.25
        bar = (top - base) * count / biggest
        drawing.add(Rect(x, base, slot * 0.5, bar, fillColor=_BAR, strokeColor=None))
        drawing.add(
            String(x + slot * 0.25, base + bar + 2, str(count), fontName=f.bold, fontSize=7,
                   textAnchor="middle")
        )  # fmt: skip
        for k, part in enumerate(name.split("/")[:2]):
            drawing.add(
                String(n * slot + slot / 2, base - 8 - 7 * k, part, fontName=f.regular,
                       fontSize=6, textAnchor="middle")
            )  # fmt: skip
    return drawing


def capaian_chart(
    rows: Sequence[tuple[str, float | None, str]],
    width: float,
    *,
    bar_height: float = 11,
    scale_max: float | None = None,
) -> Drawing:
    """Horizontal bars of capaian (percent) per IKU, coloured by category, a line at 100 %.

    Args:
        rows: ``(label, capaian or None, category key)``; ``None`` draws no bar ("belum ada").
        scale_max: the percentage at the right end of the bars; by default the largest of
            ``rows`` and 120. The parts of a chart split across pages pass the whole chart's,
            so a bar has the same length on every page.
    """
    f = fonts()
    label_w = min(110.0, width * 0.3)
    height = capaian_chart_height(len(rows), bar_height=bar_height)
    drawing = Drawing(width, height)
    if scale_max is None:
        scale_max = chart_scale(rows)
    plot_w = width - label_w - 36
    y = height - 4 - bar_height
    for label, value, key in rows:
        drawing.add(String(0, y + 2.5, label[:28], fontName=f.regular, fontSize=7))
        if value is None:
            drawing.add(
                String(label_w, y + 2.5, "belum ada realisasi", fontName=f.italic, fontSize=7)
            )
        else:
            length = plot_w * max(0.0, value) / scale_max
            colour = CATEGORY_COLOURS.get(key, _BAR)
            drawing.add(Rect(label_w, y, length, bar_height, fillColor=colour, strokeColor=None))
            text = f"{value:.2f}".replace(".", ",")
            drawing.add(String(label_w + length + 3, y + 2.5, text, fontName=f.regular, fontSize=7))
        y -= bar_height * 1.5
    hundred = label_w + plot_w * 100 / scale_max
    drawing.add(
        Line(hundred, 10, hundred, height - 2, strokeColor=colors.black, strokeWidth=0.6,
             strokeDashArray=[2, 2])
    )  # fmt: skip
    drawing.add(String(hundred, 2, "100%", fontName=f.regular, fontSize=6, textAnchor="middle"))
    return drawing


def chart_scale(rows: Sequence[tuple[str, float | None, str]]) -> float:
    """The default right end of :func:`capaian_chart`: 120 % or the largest capaian."""
    return max([120.0] + [v for _, v, _ in rows if v is not None])


def capaian_chart_height(count: int, *, bar_height: float = 11) -> float:
    """The height of :func:`capaian_chart` with ``count`` bars."""
    return bar_height * 1.5 * max(1, count) + 16


def pattern_chart(
    rows: Sequence[PatternRow], width: float, height: float = 84, *, bands: bool, bars: bool
) -> Drawing:
    """The lampiran's kurva distribusi: the axis from Sangat Kurang to Sangat Baik, per
    predikat the expected band (a shaded range, when ``bands``) and the office's actual share
    (a bar with its percentage, when ``bars``). A blank form draws the axis only: no chart of
    zeros."""
    f = fonts()
    drawing = Drawing(width, height)
    if not rows:
        return drawing
    left, base, top = 20.0, 20.0, height - 8
    plot = width - left
    slot = plot / len(rows)
    span = top - base
    axis = colors.grey
    drawing.add(Line(left, base, width, base, strokeColor=axis, strokeWidth=0.5))
    drawing.add(Line(left, base, left, top, strokeColor=axis, strokeWidth=0.5))
    for pct in (0, 50, 100):
        y = base + span * pct / 100
        drawing.add(String(left - 2, y - 2, f"{pct}%", fontName=f.regular, fontSize=5.5,
                           textAnchor="end"))  # fmt: skip
    for n, row in enumerate(rows):
        x = left + n * slot
        if bands and row.high > 0:
            y0 = base + span * row.low / 100
            drawing.add(Rect(x + slot * 0.12, y0, slot * 0.76, span * (row.high - row.low) / 100,
                             fillColor=_BAND, strokeColor=colors.HexColor("#8a9bb5"),
                             strokeWidth=0.4))  # fmt: skip
        if bars:
            bar = span * row.share / 100
            drawing.add(Rect(x + slot * 0.36, base, slot * 0.28, bar, fillColor=_BAR,
                             strokeColor=None))  # fmt: skip
            drawing.add(String(x + slot / 2, base + bar + 2, row.share_text, fontName=f.bold,
                               fontSize=6, textAnchor="middle"))  # fmt: skip
        parts = row.label.replace("/", "/\n").split("\n")
        for k, part in enumerate(parts[:2]):
            drawing.add(String(x + slot / 2, base - 7 - 6.5 * k, part, fontName=f.regular,
                               fontSize=5.8, textAnchor="middle"))  # fmt: skip
    return drawing
