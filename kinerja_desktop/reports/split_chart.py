"""The capaian chart as a flowable that splits between pages at a bar.

A kecamatan recap draws one bar per office: 16.5 pt each, so past about 42 offices one
drawing is taller than the page and platypus cannot place it (LayoutError). This flowable
gives platypus what fits and carries the rest to the next page, every part on the whole
chart's scale so a bar means the same length on every page. A chart that fits is drawn
exactly as one :func:`capaian_chart` drawing, so short recaps print as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from kinerja_desktop.reports.charts import capaian_chart, capaian_chart_height, chart_scale

__all__ = ["MIN_BARS", "SplitCapaianChart"]

#: The fewest bars a part of a split chart holds: fewer would leave a sliver at a page's foot.
MIN_BARS = 3

ChartRow = tuple[str, float | None, str]


class SplitCapaianChart(Flowable):
    """:func:`capaian_chart` of ``rows`` that platypus may split between bars."""

    def __init__(
        self, rows: Sequence[ChartRow], width: float, *, scale_max: float | None = None
    ) -> None:
        super().__init__()
        self.rows = tuple(rows)
        self.chart_width = width
        self.scale_max = scale_max if scale_max is not None else chart_scale(self.rows)
        self.width = width
        self.height = capaian_chart_height(len(self.rows))

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def bars_fitting(self, available_height: float) -> int:
        """How many bars a part of this chart no taller than ``available_height`` holds."""
        count = 0
        while count < len(self.rows) and capaian_chart_height(count + 1) <= available_height:
            count += 1
        return count

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        count = self.bars_fitting(available_height)
        if count >= len(self.rows):
            return [self]
        if count < min(MIN_BARS, len(self.rows)):
            return []  # move on: the next page has room for a real part
        return [self._part(self.rows[:count]), self._part(self.rows[count:])]

    def _part(self, rows: Sequence[ChartRow]) -> SplitCapaianChart:
        return SplitCapaianChart(rows, self.chart_width, scale_max=self.scale_max)

    def draw(self) -> None:
        drawing = capaian_chart(self.rows, self.chart_width, scale_max=self.scale_max)
        drawing.drawOn(self.canv, 0, 0)
