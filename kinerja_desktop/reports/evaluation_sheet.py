"""The Evaluasi Kinerja Pegawai (periodic or annual), DOMAIN.md B 2.2, field by field.

Order on paper: kop surat; title, approach and period; instansi; identity table (pegawai |
pejabat penilai); CAPAIAN KINERJA ORGANISASI; POLA DISTRIBUSI (chart of the office's predikat
for the period); HASIL KERJA (SKP columns + realisasi + umpan balik); RATING HASIL KERJA;
PERILAKU KERJA (+ umpan balik); RATING PERILAKU KERJA; PREDIKAT KINERJA PEGAWAI; signatures.
Unchosen options are struck through, as on the paper forms; a blank form strikes nothing.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from kinerja_desktop.reports.charts import distribution_chart
from kinerja_desktop.reports.forms import (
    behaviour_table,
    identity_table,
    labelled_line,
    options_line,
    para,
    results_table,
    signatures,
    title_block,
)
from kinerja_desktop.reports.model import SheetDoc
from kinerja_desktop.reports.page import letterhead_flowables

__all__ = ["sheet_flowables"]


def sheet_flowables(doc: SheetDoc, width: float) -> list[Flowable]:
    out: list[Flowable] = letterhead_flowables(doc.letterhead, width)
    out += title_block(
        ["EVALUASI KINERJA PEGAWAI", f"PENDEKATAN HASIL KERJA {doc.approach}"],
        [f"PERIODE: {doc.period_title.upper()}"],
    )
    out.append(para(f"{doc.instansi}", "bold"))
    out.append(para(f"PERIODE PENILAIAN: {doc.period_range.upper()}", "body"))
    out.append(Spacer(1, 2 * mm))
    out.append(identity_table(width, doc.pegawai, doc.penilai))
    out.append(Spacer(1, 3 * mm))
    org = "" if doc.blank else doc.org_predikat
    out.append(labelled_line("CAPAIAN KINERJA ORGANISASI", org or "-" if not doc.blank else ""))
    chart = distribution_chart(
        doc.distribution if not doc.blank else [(n, 0) for n, _ in doc.distribution],
        width * 0.55,
    )
    dist = Table([[para("POLA DISTRIBUSI:", "bold"), chart]], colWidths=[35 * mm, None])
    dist.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    out.append(dist)
    out.append(Spacer(1, 2 * mm))
    out.append(para("HASIL KERJA", "section"))
    out.append(results_table(width, doc.results, with_results=True, blank=doc.blank))
    out.append(Spacer(1, 2 * mm))
    out.append(
        options_line("RATING HASIL KERJA", doc.rating_options, doc.rating_hasil, blank=doc.blank)
    )
    out.append(Spacer(1, 3 * mm))
    out.append(para("PERILAKU KERJA", "section"))
    out.append(behaviour_table(width, doc.behaviour, with_feedback=True))
    out.append(Spacer(1, 2 * mm))
    closing: list[Flowable] = [
        options_line(
            "RATING PERILAKU KERJA", doc.rating_options, doc.rating_perilaku, blank=doc.blank
        ),
        Spacer(1, 2 * mm),
        options_line(
            "PREDIKAT KINERJA PEGAWAI", doc.predikat_options, doc.predikat, blank=doc.blank
        ),
        signatures(width, pegawai=doc.pegawai, penilai=doc.penilai, place_date=doc.place_date),
    ]
    out.append(KeepTogether(closing))
    return out
