"""The city recap's kecamatan groups on paper (issue 18, item 3).

A city's recap (``KecamatanRecapDoc.groups`` not empty) prints a table of its kecamatan first
(predikat distribution and completion per kecamatan), and in the office tables each group's
subtotal line, shaded, above its offices. A kecamatan's recap has no groups: its tables are
built from one block of rows, exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Table

from kinerja_desktop.reports.forms import fit_widths, glue, grid_style, para, section
from kinerja_desktop.reports.model import (
    KecamatanGroup,
    KecamatanRecapDoc,
    OfficeSummaryRow,
    completion_text,
)
from kinerja_desktop.reports.page import esc
from kinerja_desktop.reports.styles import HEADER_FILL, SECTION_FILL, styles

__all__ = ["GroupLine", "bold_cell", "grouped_body", "kecamatan_table"]

#: One group's subtotal line: its cells, given the group.
GroupLine = Callable[[KecamatanGroup], list[Any]]
#: One office's line: its cells and its extra style commands, given the row and its index.
OfficeLine = Callable[[OfficeSummaryRow, int], tuple[list[Any], list[tuple[Any, ...]]]]


def bold_cell(value: object, style: str = "cell") -> Paragraph:
    """A table cell in bold at the cell's size (the "bold" style is body-sized)."""
    return Paragraph(f"<b>{esc(glue(value))}</b>", styles()[style])


def grouped_body(
    doc: KecamatanRecapDoc,
    office_line: OfficeLine,
    group_line: GroupLine,
    *,
    first: int = 1,
    span: int = 0,
) -> tuple[list[list[Any]], list[tuple[Any, ...]]]:
    """The rows of an office table from row ``first`` on, with a shaded subtotal line above
    each group's offices when the doc has groups (its first cell spanning the columns up to
    ``span``); and the style commands of those rows."""
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = []
    by_code = {o.code: o for o in doc.offices}
    blocks: list[tuple[KecamatanGroup | None, list[OfficeSummaryRow]]]
    if doc.groups:
        blocks = [(g, [by_code[c] for c in g.office_codes]) for g in doc.groups]
    else:
        blocks = [(None, list(doc.offices))]
    for group, offices in blocks:
        if group is not None:
            n = first + len(rows)
            rows.append(group_line(group))
            commands.append(("BACKGROUND", (0, n), (-1, n), SECTION_FILL))
            if span:
                commands.append(("SPAN", (0, n), (span, n)))
            if offices:  # a subtotal line never ends a page without its first office
                commands.append(("NOSPLIT", (0, n), (-1, n + 1)))
        for office in offices:
            cells, extra = office_line(office, first + len(rows))
            rows.append(cells)
            commands += extra
    return rows, commands


def kecamatan_table(doc: KecamatanRecapDoc, width: float) -> list[Flowable]:
    """Per kecamatan: offices, employees, the predikat distribution and the completion."""
    if not doc.groups:
        return []
    out: list[Flowable] = section("REKAPITULASI PER KECAMATAN")
    head = ["KODE", "KECAMATAN", "KANTOR", "PEGAWAI", *doc.predikat_labels, "PENYELESAIAN"]
    data: list[list[Any]] = [[para(h, "head") for h in head]]
    for g in doc.groups:
        data.append(
            [para(g.code), para(g.name), para(len(g.office_codes), "cell_r"),
             para(g.employees, "cell_r"), *(para(c, "cell_r") for c in g.predikat_counts),
             para(g.completion, "cell_r")]
        )  # fmt: skip
    approved = sum(g.approved for g in doc.groups)
    employees = sum(g.employees for g in doc.groups)
    data.append(
        [para("JUMLAH", "bold"), "", para(len(doc.offices), "cell_r"),
         para(employees, "cell_r"), *(para(c, "cell_r") for c in doc.totals),
         para(completion_text(approved, employees), "cell_r")]
    )  # fmt: skip
    labels = len(doc.predikat_labels)
    fr = [0.1, 0.24, 0.07, 0.08] + [0.36 / labels] * labels + [0.15]
    table = Table(data, colWidths=fit_widths(data, fr, width), repeatRows=1)
    table.setStyle(grid_style([("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]))
    out.append(table)
    return out
