"""The Dokumen Evaluasi Kinerja Pegawai: the one-page annual report card, DOMAIN.md B 2.3.

Numbered blocks: 1 PEGAWAI YANG DINILAI, 2 PEJABAT PENILAI KINERJA, 3 ATASAN PEJABAT PENILAI
KINERJA (each Nama, NIP, Pangkat/Gol. Ruang, Jabatan, Unit Kerja), 4 EVALUASI KINERJA
(Capaian Kinerja Organisasi, Predikat Kinerja Pegawai), 5 CATATAN/REKOMENDASI, then place
and date over the signatures of the pegawai and the pejabat penilai, as in the format (the
atasan signs only when asked: B 2.3 leaves it open). The angka kredit of a jabatan fungsional
is not on this form: it has its own document, the Konversi Predikat Kinerja ke Angka Kredit
(``reports/ak_document.py``, PermenPANRB 1/2023).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from kinerja_desktop.reports.forms import (
    boxed,
    fixed,
    grid_style,
    para,
    signatures,
    title_block,
)
from kinerja_desktop.reports.model import CardDoc, Person
from kinerja_desktop.reports.page import BLANK_MARK, letterhead_flowables
from kinerja_desktop.reports.styles import SECTION_FILL

__all__ = ["card_flowables"]

_FIELDS = ("Nama", "NIP", "Pangkat/Gol. Ruang", "Jabatan", "Unit Kerja")


def _values(person: Person | None) -> list[str]:
    if person is None:
        return [""] * 5
    return [person.name, person.nip, person.pangkat, person.jabatan_printed, person.unit]


def card_flowables(doc: CardDoc, width: float) -> list[Flowable]:
    out: list[Flowable] = letterhead_flowables(doc.letterhead, width)
    subtitle = [f"PERIODE: {doc.period_title.upper()}"]
    if doc.blank:
        subtitle.append(BLANK_MARK)
    out += title_block(["DOKUMEN EVALUASI KINERJA PEGAWAI"], subtitle)
    out.append(para(f"PERIODE PENILAIAN: {doc.period_range.upper()}", "bold"))
    out.append(Spacer(1, 1.5 * mm))
    rows: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = []
    blocks = (
        ("1", "PEGAWAI YANG DINILAI", doc.pegawai),
        ("2", "PEJABAT PENILAI KINERJA", doc.penilai),
        ("3", "ATASAN PEJABAT PENILAI KINERJA", doc.atasan),
    )
    for number, title, person in blocks:
        r = len(rows)
        rows.append([fixed(number, "head"), fixed(title, "bold"), "", ""])
        extra += [("SPAN", (1, r), (3, r)), ("BACKGROUND", (0, r), (-1, r), SECTION_FILL)]
        for n, (name, value) in enumerate(zip(_FIELDS, _values(person), strict=True), start=1):
            rows.append(["", fixed(f"{n}."), fixed(name), para(value, whole=name == "NIP")])
    r = len(rows)
    rows.append([fixed("4", "head"), fixed("EVALUASI KINERJA", "bold"), "", ""])
    extra += [("SPAN", (1, r), (3, r)), ("BACKGROUND", (0, r), (-1, r), SECTION_FILL)]
    evaluation = [
        ("Capaian Kinerja Organisasi", "" if doc.blank else doc.org_predikat.upper()),
        ("Predikat Kinerja Pegawai", "" if doc.blank else doc.predikat.upper()),
    ]
    for n, (name, value) in enumerate(evaluation, start=1):
        rows.append(["", fixed(f"{n}."), fixed(name), para(value, "bold", whole=True)])
    r = len(rows)
    rows.append([fixed("5", "head"), fixed("CATATAN/REKOMENDASI", "bold"), "", ""])
    extra += [("SPAN", (1, r), (3, r)), ("BACKGROUND", (0, r), (-1, r), SECTION_FILL)]
    col = [8 * mm, 8 * mm, 42 * mm, width - 58 * mm]
    table = Table(rows, colWidths=col)  # the widest label and a whole NIP fit these widths
    table.setStyle(grid_style(extra))
    out.append(table)
    notes = boxed("" if doc.blank else doc.notes, width, min_height=24 * mm)
    out.append(notes)
    out.append(Spacer(1, 2 * mm))
    out.append(
        signatures(
            width,
            pegawai=doc.pegawai,
            penilai=doc.penilai,
            place_date=doc.place_date,
            atasan=doc.atasan,
            with_atasan=doc.sign_atasan,
            date_over_all=True,
        )
    )
    return out
