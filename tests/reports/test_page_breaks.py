"""Page breaks tried at every length: the signatures never leave what they sign.

The evaluation sheet of one demo employee is laid out again and again with its HASIL KERJA
table grown one row at a time, so the end of the table (and with it the closing block) falls
at every height of the page, on A4 and on F4.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from kinerja_desktop.reports.model import OfficeRecapDoc, SheetDoc
from kinerja_desktop.reports.render import write_pdf
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.reporting.data import sheet_data
from kinerja_desktop.services.reporting.recap import office_recap_data
from tests.reports.render_all import PERIOD, largest_skp_nip


def _pages(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [re.sub(r"\s+", " ", p.replace("\u00a0", " ")) for p in out.split("\f") if p.strip()]


@pytest.fixture(scope="module")
def docs(demo_db_path) -> tuple[SheetDoc, OfficeRecapDoc]:
    nip, office = largest_skp_nip(demo_db_path)
    with Database.open(demo_db_path) as db:
        sheet = sheet_data(db, nip=nip, period=PERIOD).doc
        recap = office_recap_data(db, office_code=office, period=PERIOD).doc
    return sheet, recap


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_sheet_signatures_stay_with_the_predikat_and_the_last_rows(docs, tmp_path, paper):
    sheet, _recap = docs
    rows = sheet.results
    for extra in range(0, 16):
        grown = rows + tuple(
            replace(rows[-1], number=rows[-1].number + k + 1) for k in range(extra)
        )
        doc = replace(sheet, results=grown)
        out = tmp_path / f"sheet{extra}.pdf"
        write_pdf([doc], str(out), paper=paper)
        pages = _pages(out)
        signed = [p for p in pages if doc.place_date in p]
        assert len(signed) == 1, (paper, extra)
        page = signed[0]
        assert "PREDIKAT KINERJA PEGAWAI" in page and "RATING PERILAKU KERJA" in page
        assert doc.behaviour[-1].name in page, (paper, extra)
        assert doc.pegawai.nip in page and doc.penilai is not None and doc.penilai.nip in page


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_recap_signature_block_never_stands_alone(docs, tmp_path, paper):
    _sheet, recap = docs
    people = recap.employees
    for count in range(1, len(people) + 12, 2):
        employees = tuple(people[k % len(people)] for k in range(count))
        doc = replace(recap, employees=employees)
        out = tmp_path / f"recap{count}.pdf"
        write_pdf([doc], str(out), paper=paper)
        pages = _pages(out)
        signed = [p for p in pages if doc.place_date in p]
        assert len(signed) == 1
        assert employees[-1].nip in signed[0], (paper, count)


def test_an_assigned_rhk_names_who_assigned_it(docs, tmp_path):
    sheet, _recap = docs
    first = replace(sheet.results[0], assigned_by="Camat Nanggalo")
    out = tmp_path / "assigned.pdf"
    write_pdf([replace(sheet, results=(first, *sheet.results[1:]))], str(out), paper="a4")
    assert "(penugasan dari Camat Nanggalo)" in " ".join(_pages(out))
    plain = tmp_path / "plain.pdf"
    write_pdf([sheet], str(plain), paper="a4")
    assert "penugasan dari" not in " ".join(_pages(plain))
