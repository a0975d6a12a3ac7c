"""Konversi Predikat Kinerja ke Angka Kredit (PermenPANRB 1/2023, Peraturan BKN 3/2023).

Layout, as the format lays it out: the kop, the title with NOMOR, then INSTANSI and PERIODE;
the numbered KETERANGAN PERORANGAN (nama, NIP, nomor seri karpeg, pangkat/golongan ruang/TMT,
tempat/tanggal lahir, jenis kelamin, pendidikan, jabatan/TMT, masa kerja golongan, unit kerja);
the conversion table (hasil penilaian kinerja: predikat and prosentase | koefisien per tahun |
angka kredit yang didapat); for a year the AKUMULASI ANGKA KREDIT of its periods with their
sum; then "Ditetapkan di … pada tanggal …" over the signature of the pejabat penilai kinerja,
kept together with the last table so it never stands alone on a page.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from kinerja_desktop.reports.ak_model import AkDoc, AkRow
from kinerja_desktop.reports.forms import NBSP, fit_widths, grid_style, keep, para
from kinerja_desktop.reports.page import esc, letterhead_flowables
from kinerja_desktop.reports.styles import HEADER_FILL, SECTION_FILL, styles

__all__ = ["TITLE", "ak_flowables"]

TITLE = "KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT"
ACCUMULATION_TITLE = "AKUMULASI ANGKA KREDIT"
DOTS = "...................................."


def _heading(doc: AkDoc) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 3 * mm), para(TITLE, "title")]
    out.append(para(f"NOMOR: {doc.nomor or DOTS}", "subtitle"))
    out.append(Spacer(1, 3 * mm))
    return out


def _head_lines(doc: AkDoc, width: float) -> Table:
    rows = [
        [para("INSTANSI", "bold"), para(":"), para(doc.instansi)],
        [
            para("PERIODE", "bold"),
            para(":"),
            para(f"{doc.period_title} ({doc.period_range})"),
        ],
    ]
    widths = fit_widths(rows, (0.2, 0.03, 0.77), width)
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    return table


def _identity(doc: AkDoc, width: float) -> Table:
    rows: list[list[Any]] = [[para("I", "head"), para("KETERANGAN PERORANGAN", "bold"), ""]]
    for n, (name, value) in enumerate(doc.identity, start=1):
        whole = name == "NIP"
        rows.append([para(f"{n}.", "cell_c"), para(name), para(value, whole=whole)])
    widths = fit_widths(rows, (0.06, 0.32, 0.62), width, skip_rows=(0,))
    table = Table(rows, colWidths=widths)
    table.setStyle(
        grid_style([("SPAN", (1, 0), (2, 0)), ("BACKGROUND", (0, 0), (-1, 0), SECTION_FILL)])
    )
    return table


def _number(text: str) -> Paragraph:
    return para(text, "cell_c", whole=True)


def _conversion(doc: AkDoc, width: float) -> list[Flowable]:
    row = doc.conversion
    head = [
        [para("II", "head"), para(TITLE, "bold"), "", "", ""],
        ["", para("HASIL PENILAIAN KINERJA", "head"), "", para("KOEFISIEN PER TAHUN", "head"),
         para("ANGKA KREDIT YANG DIDAPAT", "head")],
        ["", para("PREDIKAT", "head"), para("PROSENTASE", "head"), "", ""],
    ]  # fmt: skip
    body = [["", para(row.predikat, "cell_c", whole=True), _number(row.percent),
             _number(row.coefficient), _number(row.angka_kredit)]]  # fmt: skip
    data = head + body
    widths = fit_widths(data, (0.06, 0.26, 0.2, 0.22, 0.26), width, skip_rows=(0,))
    table = Table(data, colWidths=widths, repeatRows=0)
    table.setStyle(
        grid_style(
            [
                ("SPAN", (1, 0), (4, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), SECTION_FILL),
                ("SPAN", (1, 1), (2, 1)),
                ("SPAN", (3, 1), (3, 2)),
                ("SPAN", (4, 1), (4, 2)),
                ("SPAN", (0, 1), (0, 3)),
                ("BACKGROUND", (1, 1), (-1, 2), HEADER_FILL),
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            ]
        )
    )
    out: list[Flowable] = [table]
    if doc.formula:
        out += [Spacer(1, 1.5 * mm), para(f"Perhitungan: {doc.formula}", "small")]
    return out


def _accumulation(doc: AkDoc, width: float) -> list[Flowable]:
    if not doc.accumulation:
        return []
    data: list[list[Any]] = [
        [para("III", "head"), para(ACCUMULATION_TITLE, "bold"), "", "", "", "", ""],
        [para("NO", "head"), para("PERIODE", "head"), para("BULAN", "head"),
         para("PREDIKAT", "head"), para("PROSENTASE", "head"),
         para("KOEFISIEN PER TAHUN", "head"), para("ANGKA KREDIT", "head")],
    ]  # fmt: skip
    for n, row in enumerate(doc.accumulation, start=1):
        data.append(_accumulation_row(n, row))
    total = len(data)
    data.append(
        ["", para("JUMLAH ANGKA KREDIT YANG DIPEROLEH", "bold"), "", "", "", "",
         para(doc.accumulation_total, "head", whole=True)]
    )  # fmt: skip
    fractions = (0.06, 0.24, 0.08, 0.17, 0.13, 0.14, 0.18)
    widths = fit_widths(data, fractions, width, skip_rows=(0, total))
    table = Table(data, colWidths=widths, repeatRows=2)
    table.setStyle(
        grid_style(
            [
                ("SPAN", (1, 0), (-1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), SECTION_FILL),
                ("BACKGROUND", (0, 1), (-1, 1), HEADER_FILL),
                ("SPAN", (1, total), (5, total)),
                ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return [Spacer(1, 4 * mm), table]


def _accumulation_row(n: int, row: AkRow) -> list[Any]:
    return [
        _number(str(n)),
        para(row.period),
        _number(row.months),
        para(row.predikat, "cell_c", whole=True),
        _number(row.percent),
        _number(row.coefficient),
        _number(row.angka_kredit),
    ]


def _signature(doc: AkDoc, width: float) -> Table:
    st = styles()
    person = doc.penilai
    lines: list[Flowable] = [
        Paragraph(esc(f"Ditetapkan di {doc.place or DOTS}"), st["sign"]),
        Paragraph(esc(f"pada tanggal {doc.issued_on or DOTS}"), st["sign"]),
        Spacer(1, 2 * mm),
        Paragraph("<b>PEJABAT PENILAI KINERJA</b>", st["sign"]),
    ]
    jabatan = person.jabatan_printed if person else ""
    lines.append(Paragraph(esc(jabatan) if jabatan else "&nbsp;", st["sign"]))
    lines.append(Spacer(1, 14 * mm))
    if person is None:
        lines.append(Paragraph("(.............................................)", st["sign"]))
        lines.append(Paragraph("NIP. ", st["sign"]))
    else:
        lines.append(Paragraph(f"<b><u>{esc(person.name)}</u></b>", st["sign"]))
        lines.append(Paragraph(esc(person.pangkat), st["sign"]))
        lines.append(Paragraph(f"NIP.{NBSP}{esc(keep(person.nip))}", st["sign"]))
    table = Table([["", lines]], colWidths=[width * 0.5, width * 0.5])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def ak_flowables(doc: AkDoc, width: float) -> list[Flowable]:
    """The flowables of one Konversi Predikat Kinerja ke Angka Kredit document."""
    out: list[Flowable] = letterhead_flowables(doc.letterhead, width)
    out += _heading(doc)
    out.append(_head_lines(doc, width))
    out.append(Spacer(1, 3 * mm))
    out.append(_identity(doc, width))
    out.append(Spacer(1, 4 * mm))
    conversion = _conversion(doc, width)
    accumulation = _accumulation(doc, width)
    tail = [Spacer(1, 6 * mm), _signature(doc, width)]
    if accumulation:
        out += conversion
        # The signature stays with the accumulation table it closes.
        out.append(KeepTogether([*accumulation, *tail]))
    else:
        out.append(KeepTogether([*conversion, *tail]))
    return out
