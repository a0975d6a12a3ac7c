"""The SKP (rencana) with its LAMPIRAN page, DOMAIN.md B 2.1, field by field.

Page 1+: kop surat; "SASARAN KINERJA PEGAWAI / PENDEKATAN HASIL KERJA KUANTITATIF / BAGI
PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"; instansi; PERIODE PENILAIAN; identity table;
HASIL KERJA (No, RHK pimpinan yang diintervensi, RHK, Aspek, IKI, Target) with the A/B
sections; PERILAKU KERJA (value and guides, ekspektasi khusus pimpinan); signatures.
Then a new page: LAMPIRAN SKP with DUKUNGAN SUMBER DAYA, SKEMA PERTANGGUNGJAWABAN, KONSEKUENSI
(numbered lists) and the same two signatures.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from kinerja_desktop.reports.forms import (
    behaviour_tables,
    identity_table,
    para,
    results_table,
    section,
    signature_table,
    signatures,
    title_block,
)
from kinerja_desktop.reports.model import SkpDoc

__all__ = ["skp_flowables"]


def _numbered(items: Sequence[str]) -> list[Flowable]:
    if not items:
        return [para("-", "body")]
    return [para(f"{n}. {item}", "body") for n, item in enumerate(items, start=1)]


def skp_flowables(doc: SkpDoc, width: float) -> list[Flowable]:
    from kinerja_desktop.reports.page import letterhead_flowables

    out: list[Flowable] = letterhead_flowables(doc.letterhead, width)
    out += title_block(
        [
            "SASARAN KINERJA PEGAWAI",
            f"PENDEKATAN HASIL KERJA {doc.approach}",
            "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
        ]
    )
    out.append(para(doc.instansi, "bold"))
    out.append(para(f"PERIODE PENILAIAN: {doc.period_range.upper()}", "body"))
    out.append(Spacer(1, 2 * mm))
    out.append(identity_table(width, doc.pegawai, doc.penilai))
    out.append(Spacer(1, 3 * mm))
    out += section("HASIL KERJA")
    out.append(results_table(width, doc.results, with_results=False))
    out.append(Spacer(1, 3 * mm))
    out += section("PERILAKU KERJA")
    first, last = behaviour_tables(width, doc.behaviour, with_feedback=False, tail=2)
    out.append(first)
    # The signatures go with the last rows of the table they sign, never alone on a page.
    closing: list[Flowable] = [last] if last is not None else []
    closing += [
        Spacer(1, 4 * mm),
        signature_table(width, pegawai=doc.pegawai, penilai=doc.penilai, place_date=doc.place_date),
    ]
    out.append(KeepTogether(closing))
    out.append(PageBreak())
    out += title_block(["LAMPIRAN SASARAN KINERJA PEGAWAI"], [f"TAHUN {doc.year}"])
    for title, items in (
        ("DUKUNGAN SUMBER DAYA", doc.resources),
        ("SKEMA PERTANGGUNGJAWABAN", doc.accountability),
        ("KONSEKUENSI", doc.consequences),
    ):
        out.append(para(title, "section"))
        out += _numbered(items)
        out.append(Spacer(1, 4 * mm))
    out.append(
        signatures(width, pegawai=doc.pegawai, penilai=doc.penilai, place_date=doc.place_date)
    )
    return out
