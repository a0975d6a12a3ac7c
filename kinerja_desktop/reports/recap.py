"""The office recap and the kecamatan recap as printed documents.

Office recap: every IKU with target, realisasi, capaian and category (cell in the category's
colour), a bar chart of capaian, the predikat distribution with the SE 3/2023 warnings, the
completion status of the evaluations, and one line per employee with predikat, TPP percentage
and, for jabatan fungsional, angka kredit. Kecamatan recap: one line per office with the same
figures summed up, and a capaian chart across offices.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from kinerja_desktop.reports.dashboard_page import dashboard_page
from kinerja_desktop.reports.forms import (
    fit_widths,
    grid_style,
    para,
    section,
    split_tail,
    title_block,
)
from kinerja_desktop.reports.model import (
    KecamatanGroup,
    KecamatanRecapDoc,
    OfficeRecapDoc,
    OfficeSummaryRow,
    Person,
)
from kinerja_desktop.reports.page import esc, letterhead_flowables
from kinerja_desktop.reports.recap_city import bold_cell, grouped_body, kecamatan_table
from kinerja_desktop.reports.recap_tpp import tpp_kecamatan_flowables, tpp_office_flowables
from kinerja_desktop.reports.split_chart import SplitCapaianChart
from kinerja_desktop.reports.styles import CATEGORY_FILLS, HEADER_FILL, styles

__all__ = ["kecamatan_recap_flowables", "office_recap_flowables"]


#: Rows of the last table kept on the page of the signature block.
TAIL_ROWS = 3


def _signer(width: float, signer: Person | None, place_date: str) -> Table:
    st = styles()
    cells: list[Flowable] = [para(place_date, "sign")]
    if signer is not None:
        cells.append(para(signer.jabatan_printed, "sign"))
        cells.append(Spacer(1, 16 * mm))
        cells.append(Paragraph(f"<b><u>{esc(signer.name)}</u></b>", st["sign"]))
        cells.append(para(signer.pangkat, "sign"))
        cells.append(para(f"NIP. {signer.nip}", "sign", whole=True))
    return Table([["", cells]], colWidths=[width * 0.55, width * 0.45])


def _closing(width: float, tail: Table | None, signer: Person | None, place_date: str) -> Flowable:
    """The last rows of the last table and the signature block, on one page: the signatures
    never stand alone on a page."""
    parts: list[Flowable] = [tail] if tail is not None else []
    parts += [Spacer(1, 5 * mm), _signer(width, signer, place_date)]
    return KeepTogether(parts)


def _last_table(
    width: float,
    data: list[list[Any]],
    widths: list[float],
    signer: Person | None,
    place_date: str,
    extra: list[tuple[Any, ...]] | None = None,
) -> list[Flowable]:
    """The last table of a recap with the signature block kept to its last rows (or to the
    whole table when it is that short)."""
    # Keeping the signature with the last rows wins over keeping a group's rows together.
    kept = [c for c in extra or [] if c[0] != "NOSPLIT" or c[2][1] < len(data) - TAIL_ROWS]
    commands = [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), *kept]
    head, tail = split_tail(data, widths, commands, TAIL_ROWS)
    if tail is None:
        return [_closing(width, head, signer, place_date)]
    return [head, _closing(width, tail, signer, place_date)]


def _iku_section(doc: OfficeRecapDoc, width: float) -> list[Flowable]:
    """A. the office's IKU with their capaian, and the chart of them."""
    out: list[Flowable] = [para("A. INDIKATOR KINERJA UTAMA (IKU)", "section")]
    head = ["NO", "KODE", "INDIKATOR", "SATUAN", "TARGET", "REALISASI", "CAPAIAN (%)", "KATEGORI"]
    data: list[list[Any]] = [[para(h, "head") for h in head]]
    extra: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    for n, row in enumerate(doc.iku, start=1):
        data.append(
            [
                para(n, "cell_c"),
                para(row.code),
                para(row.name),
                para(row.unit, "cell_c"),
                para(row.target, "cell_r"),
                para(row.realisation, "cell_r"),
                para(row.capaian, "cell_r"),
                para(row.category, "cell_c"),
            ]
        )
        fill = CATEGORY_FILLS.get(row.category_key)
        if fill is not None:
            extra.append(("BACKGROUND", (6, n), (7, n), fill))
    if not doc.iku:
        data.append([para("Belum ada IKU untuk tahun ini.")] + [""] * 7)
        extra.append(("SPAN", (0, 1), (-1, 1)))
    fr = [0.05, 0.09, 0.34, 0.08, 0.1, 0.1, 0.11, 0.13]
    table = Table(data, colWidths=fit_widths(data, fr, width), repeatRows=1)
    table.setStyle(grid_style(extra))
    out.append(table)
    if doc.bands_note:
        out.append(para(doc.bands_note, "tiny"))
    out.append(Spacer(1, 2 * mm))
    chart_rows = [(r.code, r.capaian_value, r.category_key) for r in doc.iku]
    if chart_rows:
        out += section("Grafik capaian IKU")
        out.append(SplitCapaianChart(chart_rows, width))
    return out


def _distribution_section(doc: OfficeRecapDoc, width: float) -> list[Flowable]:
    """B. how many employees have each predikat, beside the expected bands."""
    out: list[Flowable] = section("B. DISTRIBUSI PREDIKAT KINERJA PEGAWAI")
    head = ["PREDIKAT", "JUMLAH", "PERSEN"]
    bands = doc.distribution_bands if any(doc.distribution_bands) else ()
    if bands:
        head.append("RENTANG YANG DIHARAPKAN")
    dist = [[para(h, "head") for h in head]]
    for n, (name, count, share) in enumerate(doc.distribution):
        row = [para(name, whole=True), para(count, "cell_r"), para(share, "cell_r")]
        if bands:
            row.append(para(bands[n], "cell_c"))
        dist.append(row)
    fr = [0.3, 0.12, 0.12, 0.22][: len(head)]
    dwidth = width * sum(fr)
    dtable = Table(dist, colWidths=fit_widths(dist, fr, dwidth), hAlign="LEFT")
    dtable.setStyle(grid_style([("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]))
    out.append(dtable)
    if bands and doc.pattern_note:
        out.append(para(doc.pattern_note, "tiny"))
    for warning in doc.distribution_warnings:
        out.append(para(f"Peringatan: {warning}", "small"))
    return out


def _employees_section(doc: OfficeRecapDoc, width: float) -> list[Flowable]:
    """D. every employee's predikat, TPP and angka kredit, closed by the signature."""
    out: list[Flowable] = section("E. PREDIKAT, TPP DAN ANGKA KREDIT PEGAWAI")
    head = ["NO", "NIP", "NAMA", "JABATAN", "STATUS", "PREDIKAT", "TPP (%)", "ANGKA KREDIT"]
    rows: list[list[Any]] = [[para(h, "head") for h in head]]
    for n, e in enumerate(doc.employees, start=1):
        rows.append(
            [
                para(n, "cell_c"),
                para(e.nip, whole=True),
                para(e.name),
                para(e.jabatan),
                para(e.status),
                para(e.predikat, whole=True),
                para(e.tpp, "cell_r"),
                para(e.angka_kredit, "cell_r"),
            ]
        )
    fr = [0.04, 0.17, 0.2, 0.2, 0.09, 0.12, 0.08, 0.1]
    out += _last_table(width, rows, fit_widths(rows, fr, width), doc.signer, doc.place_date)
    return out


def office_recap_flowables(doc: OfficeRecapDoc, width: float) -> list[Flowable]:
    out: list[Flowable] = letterhead_flowables(doc.letterhead, width)
    out += title_block(
        ["REKAPITULASI KINERJA KANTOR", doc.office_name.upper()],
        [f"PERIODE: {doc.period_title.upper()}"],
    )
    out.append(
        Paragraph(
            f"<b>Capaian Kinerja Organisasi:</b> {esc(doc.org_predikat)} &nbsp; "
            f"<b>Rata-rata capaian IKU:</b> {esc(doc.mean_capaian)}",
            styles()["body"],
        )
    )
    out.append(Spacer(1, 2 * mm))
    out += _iku_section(doc, width)
    out.append(Spacer(1, 3 * mm))
    out += _distribution_section(doc, width)
    out.append(Spacer(1, 3 * mm))
    out += section("C. STATUS PENYELESAIAN EVALUASI")
    comp = [[para(n), para(c, "cell_r")] for n, c in doc.completion]
    ctable = Table(comp, colWidths=fit_widths(comp, [0.3, 0.12], width * 0.42), hAlign="LEFT")
    ctable.setStyle(grid_style())
    out.append(ctable)
    out.append(Spacer(1, 3 * mm))
    out += tpp_office_flowables(doc.tpp, width, title="D. PERHITUNGAN TPP MENURUT PREDIKAT")
    out.append(Spacer(1, 3 * mm))
    out += _employees_section(doc, width)
    return out


def _office_line(o: OfficeSummaryRow, n: int) -> tuple[list[Any], list[tuple[Any, ...]]]:
    cells = [
        para(o.code),
        para(o.name),
        para(o.employees, "cell_r"),
        para(o.iku, "cell_r"),
        para(o.mean_capaian, "cell_r"),
        para(o.category, "cell_c"),
        para(o.org_predikat),
        para(o.approved, "cell_r"),
        para(o.pending, "cell_r"),
        para(o.not_started, "cell_r"),
        para(o.mean_tpp, "cell_r"),
    ]
    fill = CATEGORY_FILLS.get(o.category_key)
    return cells, ([("BACKGROUND", (4, n), (5, n), fill)] if fill is not None else [])


def _group_line(g: KecamatanGroup) -> list[Any]:
    """A kecamatan's subtotal line in the office table of a city recap."""
    return [
        bold_cell(f"{g.code} · {g.name} ({len(g.office_codes)} kantor)"),
        "",
        bold_cell(g.employees, "cell_r"),
        "",
        "",
        "",
        "",
        bold_cell(g.approved, "cell_r"),
        bold_cell(g.pending, "cell_r"),
        bold_cell(g.not_started, "cell_r"),
        "",
    ]


def _predikat_line(o: OfficeSummaryRow, n: int) -> tuple[list[Any], list[tuple[Any, ...]]]:
    return [para(o.code)] + [para(c, "cell_r") for c in o.predikat_counts], []


def _group_predikat_line(g: KecamatanGroup) -> list[Any]:
    return [bold_cell(g.code)] + [bold_cell(c, "cell_r") for c in g.predikat_counts]


def kecamatan_recap_flowables(doc: KecamatanRecapDoc, width: float) -> list[Flowable]:
    out: list[Flowable] = letterhead_flowables(doc.letterhead, width)
    out += title_block([doc.title], [f"PERIODE: {doc.period_title.upper()}"])
    out += kecamatan_table(doc, width)  # a city's kecamatan (nothing under a kecamatan)
    head = ["KODE", "KANTOR", "PEGAWAI", "IKU", "CAPAIAN (%)", "KATEGORI", "PREDIKAT KANTOR"]
    head += ["DISETUJUI", "BELUM SELESAI", "BELUM DIMULAI", "RATA-RATA TPP (%)"]
    body, extra = grouped_body(doc, _office_line, _group_line, span=1)
    data: list[list[Any]] = [[para(h, "head") for h in head], *body]
    extra = [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), *extra]
    fr = [0.08, 0.2, 0.07, 0.05, 0.09, 0.1, 0.1, 0.08, 0.08, 0.08, 0.07]
    table = Table(data, colWidths=fit_widths(data, fr, width), repeatRows=1)
    table.setStyle(grid_style(extra))
    if doc.groups:
        out += section("REKAPITULASI PER KANTOR")
    out.append(table)
    if doc.bands_note:
        out.append(para(doc.bands_note, "tiny"))
    out.append(Spacer(1, 3 * mm))
    out += section("Grafik rata-rata capaian IKU per kantor")
    chart_rows = [(o.code, o.capaian_value, o.category_key) for o in doc.offices]
    out.append(SplitCapaianChart(chart_rows, width))
    out.append(Spacer(1, 3 * mm))
    out += tpp_kecamatan_flowables(doc.tpp, width, title="PERHITUNGAN TPP PER KANTOR")
    out.append(Spacer(1, 3 * mm))
    out += section("DISTRIBUSI PREDIKAT KINERJA PEGAWAI PER KANTOR")
    head2 = ["KODE", *doc.predikat_labels]
    body2, extra2 = grouped_body(doc, _predikat_line, _group_predikat_line)
    d2: list[list[Any]] = [[para(h, "head") for h in head2], *body2]
    d2.append([para("JUMLAH", "bold")] + [para(c, "cell_r") for c in doc.totals])
    fr2 = [0.15] + [0.85 / len(doc.predikat_labels)] * len(doc.predikat_labels)
    widths = fit_widths(d2, fr2, width)
    out += _last_table(width, d2, widths, doc.signer, doc.place_date, extra2)
    if doc.dashboard is not None:  # issue 20: the Dasbor's figures on a page of their own
        out += dashboard_page(doc.dashboard, width)
    return out
