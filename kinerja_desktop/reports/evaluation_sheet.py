"""The Evaluasi Kinerja Pegawai (periodic or annual), DOMAIN.md B 2.2, field by field.

Order on paper: kop surat; title, approach and period; instansi; identity table (pegawai |
pejabat penilai); CAPAIAN KINERJA ORGANISASI (all five values, the unchosen struck through);
POLA DISTRIBUSI (the kurva distribusi: per predikat the band SE 3/2023 expects beside the
office's actual share); HASIL KERJA (SKP columns + realisasi + umpan balik); RATING HASIL
KERJA; PERILAKU KERJA (+ umpan balik); RATING PERILAKU KERJA; PREDIKAT KINERJA PEGAWAI;
signatures. Unchosen options are struck through, as on the paper forms; a blank form strikes
nothing.

Page breaks: section titles move with the start of their table (CondPageBreak), and the last
rows of the PERILAKU KERJA table, both closing ratings and the signatures are one KeepTogether,
so the signatures always share a page with what they sign.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from kinerja_desktop.reports.charts import pattern_chart
from kinerja_desktop.reports.forms import (
    behaviour_tables,
    fit_widths,
    grid_style,
    identity_table,
    options_line,
    para,
    results_table,
    section,
    signature_table,
    title_block,
)
from kinerja_desktop.reports.model import SheetDoc
from kinerja_desktop.reports.page import BLANK_MARK, letterhead_flowables
from kinerja_desktop.reports.styles import HEADER_FILL

__all__ = ["sheet_flowables"]

#: Rows of the PERILAKU KERJA table kept on the page of the ratings and signatures.
TAIL_ROWS = 2
PATTERN_CAPTION = "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI"


def _pattern(doc: SheetDoc, width: float) -> list[Flowable]:
    """POLA DISTRIBUSI: caption, the kurva (bands and bars) and the same figures as a table."""
    org = "" if doc.blank else doc.org_predikat
    caption = f"{PATTERN_CAPTION} {org.upper() or '....................'}"
    out: list[Flowable] = [para("POLA DISTRIBUSI:", "bold"), para(caption, "small")]
    if not doc.pattern:
        return out
    bands = bool(org)
    bars = not doc.blank and sum(r.count for r in doc.pattern) > 0
    head = ["PREDIKAT", "RENTANG YANG DIHARAPKAN", "PEGAWAI KANTOR INI"]
    data: list[list[Any]] = [[para(h, "head") for h in head]]
    for row in doc.pattern:
        band = row.band_text if bands else ""
        actual = f"{row.count} ({row.share_text})" if bars else ""
        data.append([para(row.label, whole=True), para(band, "cell_c"), para(actual, "cell_c")])
    table_width = width * 0.46
    figures = Table(data, colWidths=fit_widths(data, [0.38, 0.32, 0.30], table_width))
    figures.setStyle(grid_style([("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]))
    chart = pattern_chart(doc.pattern, width * 0.5, bands=bands, bars=bars)
    both = Table([[chart, figures]], colWidths=[width * 0.52, width * 0.48])
    both.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    out.append(both)
    if doc.pattern_note:
        out.append(para(doc.pattern_note, "tiny"))
    return out


def sheet_flowables(doc: SheetDoc, width: float) -> list[Flowable]:
    out: list[Flowable] = letterhead_flowables(doc.letterhead, width)
    subtitle = [f"PERIODE: {doc.period_title.upper()}"]
    if doc.blank:
        subtitle.append(BLANK_MARK)
    out += title_block(
        ["EVALUASI KINERJA PEGAWAI", f"PENDEKATAN HASIL KERJA {doc.approach}"], subtitle
    )
    out.append(para(f"{doc.instansi}", "bold"))
    out.append(para(f"PERIODE PENILAIAN: {doc.period_range.upper()}", "body"))
    out.append(Spacer(1, 1.5 * mm))
    out.append(identity_table(width, doc.pegawai, doc.penilai))
    out.append(Spacer(1, 2 * mm))
    org = "" if doc.blank else doc.org_predikat
    org_options = doc.org_options or ((org,) if org else ())
    out.append(options_line("CAPAIAN KINERJA ORGANISASI", org_options, org, blank=doc.blank))
    out.append(Spacer(1, 1 * mm))
    out.append(KeepTogether(_pattern(doc, width)))
    out.append(Spacer(1, 1.5 * mm))
    out += section("HASIL KERJA")
    out.append(
        results_table(
            width, doc.results, with_results=True, blank=doc.blank, show_capaian=doc.show_capaian
        )
    )
    out.append(Spacer(1, 1.5 * mm))
    out.append(
        options_line("RATING HASIL KERJA", doc.rating_options, doc.rating_hasil, blank=doc.blank)
    )
    out.append(Spacer(1, 2 * mm))
    out += section("PERILAKU KERJA")
    first, last = behaviour_tables(width, doc.behaviour, with_feedback=True, tail=TAIL_ROWS)
    out.append(first)
    closing: list[Flowable] = [last] if last is not None else []
    closing += [
        Spacer(1, 1.5 * mm),
        options_line(
            "RATING PERILAKU KERJA", doc.rating_options, doc.rating_perilaku, blank=doc.blank
        ),
        Spacer(1, 1.5 * mm),
        options_line(
            "PREDIKAT KINERJA PEGAWAI", doc.predikat_options, doc.predikat, blank=doc.blank
        ),
        Spacer(1, 3 * mm),
        signature_table(width, pegawai=doc.pegawai, penilai=doc.penilai, place_date=doc.place_date),
    ]
    out.append(KeepTogether(closing))
    return out
