"""Building blocks of the official forms: identity table, option lines, tables, signatures."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kinerja_desktop.reports.action_rows import action_rows
from kinerja_desktop.reports.model import BehaviourRow, Person, ResultRow
from kinerja_desktop.reports.page import esc, parsed
from kinerja_desktop.reports.styles import GRID, HEADER_FILL, SECTION_FILL, styles

__all__ = [
    "NBSP",
    "behaviour_table",
    "behaviour_tables",
    "fit_widths",
    "fixed",
    "glue",
    "grid_style",
    "identity_table",
    "keep",
    "options_line",
    "para",
    "results_table",
    "section",
    "signature_table",
    "signatures",
    "split_tail",
    "title_block",
]

IDENTITY_FIELDS = ("NAMA", "NIP", "PANGKAT/GOL. RUANG", "JABATAN", "UNIT KERJA")


NBSP = "\u00a0"
#: Cell padding left + right (grid_style) plus a hair, added to a column's widest word.
CELL_PAD = 7.0
_NUMBER_SPACE = re.compile(r"(?<=\d) (?=\S)")


def glue(text: object) -> str:
    """Text with a number bound to the word after it ("10 pengaduan", "12 dokumen", the
    groups of a NIP), so a line never ends between a number and its unit."""
    return _NUMBER_SPACE.sub(NBSP, str(text))


def keep(text: object) -> str:
    """Text that must stay on one line (a NIP, a predikat label, an option)."""
    return str(text).replace(" ", NBSP)


def para(text: object, style: str = "cell", *, whole: bool = False) -> Paragraph:
    """A paragraph of plain text; ``whole`` keeps it on one line (its spaces unbreakable)."""
    return Paragraph(esc(keep(text) if whole else glue(text)), styles()[style])


def fixed(text: object, style: str = "cell", *, whole: bool = False) -> Paragraph:
    """:func:`para` for text every page of a batch prints alike (a field's name, a block's
    number and title, a signature's role): its markup is parsed once per process."""
    return parsed(esc(keep(text) if whole else glue(text)), style)


def section(title: str, *, room: float = 40 * mm) -> list[Flowable]:
    """A section title that never stands alone at the foot of a page: it moves to the next
    page when less than ``room`` is left (keepWithNext would move a whole long table)."""
    return [CondPageBreak(room), para(title, "section")]


def fit_widths(
    data: Sequence[Sequence[Any]],
    fractions: Sequence[float],
    width: float,
    *,
    skip_rows: Sequence[int] = (),
) -> list[float]:
    """Column widths near ``fractions`` of ``width`` but never narrower than the widest
    unbreakable word of the column (Paragraph.minWidth), so no word is cut or overflows.

    Spanned rows (section titles) are left out through ``skip_rows``. Columns that need more
    than their share take it from the others, in proportion to their fractions.
    """
    n = len(fractions)
    mins = [0.0] * n
    skip = set(skip_rows)
    for r, row in enumerate(data):
        if r in skip:
            continue
        for c, cell in enumerate(row[:n]):
            if isinstance(cell, Paragraph):
                mins[c] = max(mins[c], cell.minWidth() + CELL_PAD)
    fixed: dict[int, float] = {}
    while True:
        rest = [c for c in range(n) if c not in fixed]
        free = width - sum(fixed.values())
        total = sum(fractions[c] for c in rest) or 1.0
        share = {c: free * fractions[c] / total for c in rest}
        short = [c for c in rest if share[c] < mins[c]]
        if not short:
            return [fixed.get(c, share.get(c, 0.0)) for c in range(n)]
        for c in short:
            fixed[c] = mins[c]
        if len(fixed) == n:
            return [fixed[c] for c in range(n)]


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
    out += [fixed(line, "title") for line in lines]
    out += [fixed(line, "subtitle") for line in subtitle_lines]
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
        nip = name == "NIP"
        rows.append([para(n, "cell_c"), para(name), para(lv, whole=nip), para(n, "cell_c")])
        rows[-1] += [para(name), para(rv, whole=nip)]
    fractions = [0.04, 0.15, 0.31, 0.04, 0.15, 0.31]
    table = Table(rows, colWidths=fit_widths(rows, fractions, width, skip_rows=[0]), repeatRows=1)
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
        text = esc(keep(option.upper()))
        if blank or not chosen:
            parts.append(text)
        elif option == chosen:
            parts.append(f"<b>{text}</b>")
        else:
            parts.append(f"<strike>{text}</strike>")
    return Paragraph(f"<b>{esc(label)}:</b> " + " / ".join(parts), styles()["body"])


def labelled_line(label: str, value: str) -> Paragraph:
    return Paragraph(f"<b>{esc(label)}:</b> {esc(keep(value.upper()))}", styles()["body"])


def results_table(
    width: float,
    rows: Sequence[ResultRow],
    *,
    with_results: bool,
    blank: bool = False,
    show_capaian: bool = False,
) -> Table:
    """The HASIL KERJA table: the SKP columns, plus realisasi and umpan balik on a sheet.

    Rows of one RHK share its number and texts (cells spanned), with the "A. KINERJA UTAMA"
    and "B. KINERJA TAMBAHAN" section rows of the form. ``show_capaian`` adds "(capaian …%)"
    after each realisation (an installation setting; the lampiran prints the realisation only).
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
        fractions = [0.035, 0.14, 0.14, 0.07, 0.18, 0.08, 0.11, 0.245]
    else:
        fractions = [0.05, 0.22, 0.22, 0.10, 0.28, 0.13]
    data: list[list[Any]] = [[para(h, "head") for h in headers]]
    data.append([para(f"({n})", "head") for n in range(1, len(headers) + 1)])
    extra: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 1), HEADER_FILL)]
    ncols = len(headers)
    spanned: list[int] = []
    for part, title in (("A", "A. KINERJA UTAMA"), ("B", "B. KINERJA TAMBAHAN")):
        r = len(data)
        spanned.append(r)
        data.append([para(title, "bold")] + [""] * (ncols - 1))
        extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), SECTION_FILL)]
        # A section row never ends a page: it goes with its first row.
        extra.append(("NOSPLIT", (0, r), (-1, r + 1)))
        mine = [row for row in rows if row.section == part]
        if not mine:
            # Room to write by hand (a blank form, or a plan without this section).
            for _ in range(2 if blank or part == "A" else 1):
                data.append([para(" ")] * ncols)
            continue
        group_start, head = len(data), mine[0]
        for i, row in enumerate(mine):
            first = i == 0 or mine[i - 1].number != row.number
            if first:
                group_start, head = len(data), row
            cells = [
                para(row.number, "cell_c") if first else "",
                para(row.parent_rhk) if first else "",
                _rhk_cell(row) if first else "",
                para(row.aspect),
                para(row.indicator),
                para(row.target, "cell_c"),
            ]
            if with_results:
                real = row.realisation
                if row.capaian and show_capaian:
                    real = f"{real} (capaian {row.capaian}%)"
                cells += [para(real, "cell_c"), para(row.feedback)]
            data.append(cells)
            if i + 1 == len(mine) or mine[i + 1].number != row.number:  # the RHK's last row
                end = len(data) - 1
                if end > group_start:
                    extra += [("SPAN", (c, group_start), (c, end)) for c in (0, 1, 2)]
                extra += action_rows(data, head.plans, ncols)  # its rencana aksi, below it
    widths = fit_widths(data, fractions, width, skip_rows=spanned)
    table = Table(data, colWidths=widths, repeatRows=2)
    table.setStyle(grid_style(extra))
    return table


def _rhk_cell(row: ResultRow) -> Paragraph:
    if not row.assigned_by:
        return para(row.rhk)
    note = f"(penugasan dari {glue(row.assigned_by)})"
    return Paragraph(f"{esc(glue(row.rhk))} <i>{esc(note)}</i>", styles()["cell"])


def behaviour_tables(
    width: float, rows: Sequence[BehaviourRow], *, with_feedback: bool, tail: int = 0
) -> tuple[Table, Table | None]:
    """The PERILAKU KERJA table: value and guides, ekspektasi khusus pimpinan, umpan balik.

    With ``tail`` the last ``tail`` rows come back as a second table of the same columns, so
    a form can keep them on one page with what follows (ratings and signatures).
    """
    headers = ["NO", "PERILAKU KERJA", "EKSPEKTASI KHUSUS PIMPINAN"]
    fractions = [0.04, 0.50, 0.46]
    if with_feedback:
        headers.append("UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG")
        fractions = [0.04, 0.50, 0.23, 0.23]
    data: list[list[Any]] = [[para(h, "head") for h in headers]]
    st = styles()
    for n, row in enumerate(rows, start=1):
        guides = "<br/>".join(f"- {esc(glue(g))}" for g in row.guides)
        value = Paragraph(f"<b>{esc(row.name)}</b><br/>{guides}", st["cell"])
        cells = [para(n, "cell_c"), value, para(row.expectation)]
        if with_feedback:
            cells.append(para(row.feedback))
        data.append(cells)
    widths = fit_widths(data, fractions, width)
    return split_tail(data, widths, [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)], tail)


def split_tail(
    data: list[list[Any]], widths: Sequence[float], commands: Sequence[tuple[Any, ...]], tail: int
) -> tuple[Table, Table | None]:
    """A table cut before its last ``tail`` rows, both parts with the same columns, so the
    tail can be kept on one page with what follows (a signature block never stands alone).

    ``commands`` address rows by non-negative index (columns may be negative); those below
    the cut move to the tail, renumbered.
    """
    cut = len(data) - tail if 0 < tail < len(data) - 1 else len(data)
    head_cmds: list[tuple[Any, ...]] = []
    tail_cmds: list[tuple[Any, ...]] = []
    for command in commands:
        name, (c0, r0), (c1, r1), *rest = command
        if r0 >= cut:
            tail_cmds.append((name, (c0, r0 - cut), (c1, r1 - cut), *rest))
        else:
            head_cmds.append(command)
    head = Table(data[:cut], colWidths=list(widths), repeatRows=1)
    head.setStyle(grid_style(head_cmds))
    if cut == len(data):
        return head, None
    rest_table = Table(data[cut:], colWidths=list(widths))
    rest_table.setStyle(grid_style(tail_cmds))
    return head, rest_table


def behaviour_table(width: float, rows: Sequence[BehaviourRow], *, with_feedback: bool) -> Table:
    """The whole PERILAKU KERJA table (see :func:`behaviour_tables`)."""
    return behaviour_tables(width, rows, with_feedback=with_feedback)[0]


def _sign_cell(role: str, person: Person | None, *, top: str = "") -> list[Flowable]:
    st = styles()
    out: list[Flowable] = []
    out.append(Paragraph(esc(glue(top)), st["sign"]) if top else parsed("&nbsp;", "sign"))
    out.append(parsed(f"<b>{esc(role)}</b>", "sign"))
    jabatan = person.jabatan_printed if person else ""
    out.append(Paragraph(esc(jabatan), st["sign"]) if jabatan else parsed("&nbsp;", "sign"))
    out.append(Spacer(1, 14 * mm))
    if person is None:
        out.append(parsed("(.............................................)", "sign"))
        out.append(parsed("NIP. ", "sign"))
        return out
    out.append(Paragraph(f"<b><u>{esc(person.name)}</u></b>", st["sign"]))
    out.append(Paragraph(esc(person.pangkat), st["sign"]))
    out.append(Paragraph(f"NIP.{NBSP}{esc(keep(person.nip))}", st["sign"]))
    return out


def signature_table(
    width: float,
    *,
    pegawai: Person | None,
    penilai: Person | None,
    place_date: str,
    atasan: Person | None = None,
    with_atasan: bool = False,
    date_over_all: bool = False,
) -> Table:
    """The signature block as one table (to be kept with what it signs).

    Left the pegawai, right the place, date and pejabat penilai; with ``with_atasan`` a column
    for the atasan pejabat penilai between them (DOMAIN.md B 2.3 leaves the signers open).
    ``date_over_all`` prints the place and date once, centred over every signature, as the
    Dokumen Evaluasi format does.
    """
    cells = [
        _sign_cell("PEGAWAI YANG DINILAI", pegawai),
        _sign_cell("PEJABAT PENILAI KINERJA", penilai, top="" if date_over_all else place_date),
    ]
    if with_atasan:
        cells.insert(1, _sign_cell("ATASAN PEJABAT PENILAI KINERJA", atasan))
    rows: list[list[Any]] = [cells]
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if date_over_all:
        rows.insert(0, [para(place_date, "sign_c")] + [""] * (len(cells) - 1))
        commands.append(("SPAN", (0, 0), (-1, 0)))
    table = Table(rows, colWidths=[width / len(cells)] * len(cells))
    table.setStyle(TableStyle(commands))
    return table


def signatures(
    width: float,
    *,
    pegawai: Person | None,
    penilai: Person | None,
    place_date: str,
    atasan: Person | None = None,
    with_atasan: bool = False,
    date_over_all: bool = False,
) -> Flowable:
    """:func:`signature_table` with the space above it, kept together."""
    table = signature_table(
        width, pegawai=pegawai, penilai=penilai, place_date=place_date, atasan=atasan,
        with_atasan=with_atasan, date_over_all=date_over_all,
    )  # fmt: skip
    return KeepTogether([Spacer(1, 4 * mm), table])


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
