"""The rencana aksi rows of the HASIL KERJA table (issue 19), printed under their RHK.

As the BKN printout lists them under the RHK text: after the rows of an RHK, a label row
("Rencana aksi", on an annual sheet "Rencana aksi Triwulan I", one per period) and one row per
action, numbered, its text under the RHK texts (the columns from the pimpinan's RHK to the
indicator spanned, so most actions take one line) and its target with the unit in the TARGET
column. Each action is a row of its own, so a long
plan flows to the next page like any other rows, under the repeated table header; a label row
never ends a page (it goes with its first action).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Paragraph

from kinerja_desktop.reports.model import PlanLine
from kinerja_desktop.reports.page import esc
from kinerja_desktop.reports.styles import styles

__all__ = ["action_rows"]

#: Columns of the HASIL KERJA table: the first and last the text spans, the target.
_TEXT, _TEXT_END, _TARGET = 1, 4, 5


def _label(period: str) -> Paragraph:
    from kinerja_desktop.reports.forms import glue  # forms lays these rows out: no cycle

    words = f"Rencana aksi {period}".strip()
    return Paragraph(f"<b><i>{esc(glue(words))}</i></b>", styles()["cell"])


def action_rows(
    data: list[list[Any]], plans: Sequence[PlanLine], ncols: int
) -> list[tuple[Any, ...]]:
    """Append the rows of ``plans`` to ``data``; returns their table style commands."""
    from kinerja_desktop.reports.forms import glue

    extra: list[tuple[Any, ...]] = []
    cell = styles()["cell"]
    period: str | None = None
    for plan in plans:
        if plan.period != period:
            period = plan.period
            r = len(data)
            data.append(["", _label(period)] + [""] * (ncols - 2))
            extra += [("SPAN", (_TEXT, r), (-1, r)), ("NOSPLIT", (0, r), (-1, r + 1))]
        r = len(data)
        text = Paragraph(f"{plan.number}. {esc(glue(plan.text))}", cell)
        target = Paragraph(esc(glue(plan.target)), styles()["cell_c"])
        row: list[Any] = ["", text] + [""] * (ncols - 2)
        row[_TARGET] = target
        data.append(row)
        extra.append(("SPAN", (_TEXT, r), (_TEXT_END, r)))
        if ncols > _TARGET + 1:
            extra.append(("SPAN", (_TARGET + 1, r), (-1, r)))
    return extra
