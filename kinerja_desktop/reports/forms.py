"""Building blocks of the official forms: identity table, option lines, tables, signatures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from kinerja_desktop.reports.model import BehaviourRow, Person, ResultRow
from kinerja_desktop.reports.page import esc
from kinerja_desktop.reports.styles import GRID, HEADER_FILL, SECTION_FILL, styles

__all__ = [
    "behaviour_table",
    "grid_style",
    "identity_table",
    "options_line",
    "para",
    "results_table",
    "signatures",
    "title_block",
]

IDENTITY_FIELDS = ("NAMA", "NIP", "PANGKAT/GOL. RUANG", "JABATAN", "UNIT KERJA")


def para(text: object, style: str = "cell") -> Paragraph:
    return Paragraph(esc(text), styles()[style])


def grid_style(extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            *extra,
        ]
    )


def title_block(lines: Sequence[str], subtitle_lines: Sequence[str] = ()) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 3 * mm)]
    out += [para(line, "title") for line in lines]
    out += [para(line, "subtitle") for line in subtitle_lines]
    out.append(Spacer(1, 3 * mm))
    return out


def _identity_values(person: Person | None) -> list[str]:
    if person is None:
        return ["", "", "", "", ""]
    return [person.name, person.nip, person.pangkat, person.jabatan_printed, person.unit]


def identity_table(
    width: float,
    left: Person | None,
    right: Person | None,
    *,
    left_title: str = "PEGAWAI YANG DINILAI",
    right_title: str = "PEJABAT PENILAI KINERJA",
) -> Table:
    """The two-column identity table of B 2.1 (numbered 1–5 on each side)."""
    head = styles()["head"]
    rows: list[list[Any]] = [
        [
            para("NO", "head"),
            Paragraph(left_title, head),
            "",
            para("NO", "head"),
            Paragraph(right_title, head),
            "",
        ]
    ]
    for n, (name, lv, rv) in enumerate(
        zip(IDENTITY_FIELDS, _identity_values(left), _identity_values(right), strict=True),
        start=1,
    ):
        rows.append([para(n, "cell_c"), para(name), para(lv), para(n, "cell_c"), para(name)])
        rows[-1].append(para(rv))
    number, label = 7 * mm, 27 * mm
    value = (width - 2 * number - 2 * label) / 2
    table = Table(rows, colWidths=[number, label, value, number, label, value], repeatRows=1)
    table.setStyle(
        grid_style(
            [
                ("SPAN", (1, 0), (2, 0)),
                ("SPAN", (4, 0), (5, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ]
        )
    )
    return table


def options_line(label: str, options: Sequence[str], chosen: str, *, blank: bool) -> Paragraph:
    """``LABEL: A / B / C`` with the unchosen options struck through, as paper forms do.

    On a blank form (or when nothing is chosen yet) no option is struck.
    """
    parts = []
    for option in options:
        text = esc(option.upper())
        if blank or not chosen:
            parts.append(text)
        elif option == chosen:
            parts.append(f"<b>{text}</b>")
        else:
            parts.append(f"<strike>{text}</strike>")
    return Paragraph(f"<b>{esc(label)}:</b> " + " / ".join(parts), styles()["body"])


def labelled_line(label: str, value: str) -> Paragraph:
    return Paragraph(f"<b>{esc(label)}:</b> {esc(value.upper())}", styles()["body"])


def results_table(
    width: float, rows: Sequence[ResultRow], *, with_results: bool, blank: bool = False
) -> Table:
    """The HASIL KERJA table: the SKP columns, plus realisasi and umpan balik on a sheet.

    Rows of one RHK share its number and texts (cells spanned), with the "A. KINERJA UTAMA"
    and "B. KINERJA TAMBAHAN" section rows of the form.
    """
    headers = [
        "NO",
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
        "RENCANA HASIL KERJA",
        "ASPEK",
        "INDIKATOR KINERJA INDIVIDU",
        "TARGET",
    ]
    if with_results:
        headers += [
            "REALISASI BERDASARKAN BUKTI DUKUNG",
            "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
        ]
        fractions = [0.04, 0.15, 0.15, 0.08, 0.17, 0.09, 0.14, 0.18]
    else:
        fractions = [0.05, 0.22, 0.22, 0.10, 0.28, 0.13]
    col_widths = [width * f for f in fractions]
    data: list[list[Any]] = [[para(h, "head") for h in headers]]
    data.append([para(f"({n})", "head") for n in range(1, len(headers) + 1)])
    extra: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 1), HEADER_FILL)]
    ncols = len(headers)
    for section, title in (("A", "A. KINERJA UTAMA"), ("B", "B. KINERJA TAMBAHAN")):
        r = len(data)
        data.append([para(title, "bold")] + [""] * (ncols - 1))
        extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), SECTION_FILL)]
        mine = [row for row in rows if row.section == section]
        if not mine:
            # Room to write by hand (a blank form, or a plan without this section).
            for _ in range(2 if blank or section == "A" else 1):
                data.append([para(" ")] * ncols)
            continue
        start = len(data)
        for i, row in enumerate(mine):
            first = i == 0 or mine[i - 1].number != row.number
            cells = [
                para(row.number, "cell_c") if first else "",
                para(row.parent_rhk) if first else "",
                para(row.rhk) if first else "",
                para(row.aspect),
                para(row.indicator),
                para(row.target, "cell_c"),
            ]
            if with_results:
                real = row.realisation
                if row.capaian:
                    real = f"{real} (capaian {row.capaian}%)"
                cells += [para(real, "cell_c"), para(row.feedback)]
            data.append(cells)
        group_start = start
        for i in range(1, len(mine) + 1):
            if i == len(mine) or mine[i].number != mine[i - 1].number:
                end = start + i - 1
                if end > group_start:
                    extra += [("SPAN", (c, group_start), (c, end)) for c in (0, 1, 2)]
                group_start = end + 1
    table = Table(data, colWidths=col_widths, repeatRows=2)
    table.setStyle(grid_style(extra))
    return table


def behaviour_table(width: float, rows: Sequence[BehaviourRow], *, with_feedback: bool) -> Table:
    """The PERILAKU KERJA table: value and guides, ekspektasi khusus pimpinan, umpan balik."""
    headers = ["NO", "PERILAKU KERJA", "EKSPEKTASI KHUSUS PIMPINAN"]
    fractions = [0.05, 0.55, 0.40]
    if with_feedback:
        headers.append("UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG")
        fractions = [0.05, 0.41, 0.27, 0.27]
    data: list[list[Any]] = [[para(h, "head") for h in headers]]
    st = styles()
    for n, row in enumerate(rows, start=1):
        guides = "<br/>".join(f"- {esc(g)}" for g in row.guides)
        value = Paragraph(f"<b>{esc(row.name)}</b><br/>{guides}", st["cell"])
        cells = [para(n, "cell_c"), value, para(row.expectation)]
        if with_feedback:
            cells.append(para(row.feedback))
        data.append(cells)
    table = Table(data, colWidths=[width * f for f in fractions], repeatRows=1)
    table.setStyle(grid_style([("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]))
    return table


def _sign_cell(role: str, person: Person | None, *, top: str = "") -> list[Flowable]:
    st = styles()
    out: list[Flowable] = []
    out.append(Paragraph(esc(top) if top else "&nbsp;", st["sign"]))
    out.append(Paragraph(f"<b>{esc(role)}</b>", st["sign"]))
    jabatan = person.jabatan_printed if person else ""
    out.append(Paragraph(esc(jabatan) if jabatan else "&nbsp;", st["sign"]))
    out.append(Spacer(1, 17 * mm))
    if person is None:
        out.append(Paragraph("(.............................................)", st["sign"]))
        out.append(Paragraph("NIP. ", st["sign"]))
        return out
    out.append(Paragraph(f"<b><u>{esc(person.name)}</u></b>", st["sign"]))
    out.append(Paragraph(esc(person.pangkat), st["sign"]))
    out.append(Paragraph(f"NIP. {esc(person.nip)}", st["sign"]))
    return out


def signatures(
    width: float,
    *,
    pegawai: Person | None,
    penilai: Person | None,
    place_date: str,
    atasan: Person | None = None,
    with_atasan: bool = False,
) -> Flowable:
    """The signature block: left the pegawai, right the place, date and pejabat penilai.

    With ``with_atasan`` a third column for the atasan pejabat penilai (DOMAIN.md B 2.3 leaves
    the signers open; the card offers it as an option).
    """
    cells = [
        _sign_cell("PEGAWAI YANG DINILAI", pegawai),
        _sign_cell("PEJABAT PENILAI KINERJA", penilai, top=place_date),
    ]
    if with_atasan:
        cells.insert(1, _sign_cell("ATASAN PEJABAT PENILAI KINERJA", atasan))
    table = Table([cells], colWidths=[width / len(cells)] * len(cells))
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return KeepTogether([Spacer(1, 5 * mm), table])


def boxed(text: str, width: float, *, min_height: float = 0) -> Table:
    """A bordered box of free text (catatan/rekomendasi), at least ``min_height`` tall so
    there is room to write by hand."""
    cell = para(text or " ", "body")
    _w, needed = cell.wrap(width - 8, 10_000)
    table = Table([[cell]], colWidths=[width], rowHeights=[max(min_height, needed + 8)])
    table.setStyle(
        TableStyle(
            [("BOX", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    return table
