"""The evaluation sheet prints the rencana aksi under each RHK (issue 19): numbered, with the
target and unit; the frozen plans of an approved evaluation, the live plans of an open one,
none on a blank form; per period on the annual sheet; a long plan flows over pages under the
repeated table header and the signatures still close with what they sign."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from kinerja_desktop.reports.model import PlanLine, SheetDoc
from kinerja_desktop.reports.render import write_pdf
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation.dto import RencanaAksiInput
from kinerja_desktop.services.evaluation.rencana_aksi import add_rencana_aksi
from kinerja_desktop.services.reporting.data import sheet_data
from tests.reports.render_all import largest_skp_nip
from tests.services.evaluation_helpers import sign_in


def _pages(pdf: Path) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [re.sub(r"\s+", " ", p.replace("\u00a0", " ")) for p in out.split("\f") if p.strip()]


def _one(path: Path, statement: str, *params: object) -> tuple:
    con = sqlite3.connect(path)
    try:
        return con.execute(statement, params).fetchone()
    finally:
        con.close()


@pytest.fixture(scope="module")
def approved(demo_db_path) -> SheetDoc:
    nip, _office = largest_skp_nip(demo_db_path)
    with Database.open(demo_db_path) as db:
        return sheet_data(db, nip=nip, period="2026-Q1").doc


def test_an_approved_sheet_prints_the_frozen_plans_under_each_rhk(
    approved: SheetDoc, demo_db_path: Path, tmp_path: Path
) -> None:
    (snapshot,) = _one(demo_db_path, "SELECT snapshot FROM evaluations WHERE uuid = ?",
                       approved.meta.record_uuid)  # fmt: skip
    frozen = json.loads(snapshot)["rencana_aksi"]
    heads = [r for r in approved.results if r.plans]
    assert len(heads) == len(frozen) == len({(r.section, r.number) for r in approved.results})
    for row, group in zip(heads, frozen, strict=True):
        assert row.rhk == group["rhk_text"]
        assert [(p.number, p.text) for p in row.plans] == [
            (p["order"], p["text"]) for p in group["plans"]
        ]
    assert any(p.target == "1 laporan" for r in heads for p in r.plans)
    out = tmp_path / "sheet.pdf"
    write_pdf([approved], str(out), paper="a4")
    text = " ".join(_pages(out))
    first = heads[0].plans[0]
    assert "Rencana aksi" in text and f"1. {first.text}" in text
    assert "3. Melaporkan hasil kegiatan kepada atasan 1 laporan" in text


def test_live_plans_of_an_open_evaluation_and_none_on_a_blank_form(demo_copy: Path) -> None:
    row = _one(demo_copy, "SELECT v.uuid, e.nip FROM evaluations v JOIN employees e ON "
               "e.id = v.employee_id WHERE v.period = '2026-Q3' AND v.status = 'draft' AND "
               "v.origin_office = 'NGL' ORDER BY v.id")  # fmt: skip
    uuid, nip = row
    with Database.open(demo_copy) as db:
        before = sheet_data(db, nip=nip, period="2026-Q3").doc
        assert not any(r.plans for r in before.results)
        from kinerja_desktop.services.evaluation.rencana_aksi_lists import list_rencana_aksi

        rhk = list_rencana_aksi(db, uuid)[0].rhk_uuid
        add_rencana_aksi(db, sign_in(db, "operator"), uuid, rhk,
                         RencanaAksiInput("Patroli malam", "2,5", "kali"))  # fmt: skip
        after = sheet_data(db, nip=nip, period="2026-Q3").doc
        blank = sheet_data(db, nip=nip, period="2026-Q3", blank=True).doc
    assert after.results[0].plans == (PlanLine(1, "Patroli malam", "2,5 kali"),)
    assert after.meta.content_hash != before.meta.content_hash
    assert not any(r.plans for r in blank.results)


def test_a_later_edit_of_the_plans_leaves_the_approved_sheet_as_frozen(
    approved: SheetDoc, demo_copy: Path
) -> None:
    con = sqlite3.connect(demo_copy)
    con.execute("UPDATE rencana_aksi SET text = 'Diubah sesudah disetujui'")
    con.commit()
    con.close()
    with Database.open(demo_copy) as db:
        again = sheet_data(db, nip=approved.pegawai.nip.replace(" ", ""), period="2026-Q1").doc
    assert again.results == approved.results


def test_the_annual_sheet_lists_each_period_under_its_own_label(demo_db_path: Path) -> None:
    (nip,) = _one(demo_db_path, "SELECT e.nip FROM evaluations v JOIN employees e ON "
                  "e.id = v.employee_id WHERE v.period = '2026'")  # fmt: skip
    with Database.open(demo_db_path) as db:
        doc = sheet_data(db, nip=nip, period="2026").doc
    periods = {p.period for r in doc.results for p in r.plans}
    assert periods == {"Triwulan I 2026", "Triwulan II 2026"}


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_a_long_plan_flows_over_pages_under_the_repeated_header(
    approved: SheetDoc, tmp_path: Path, paper: str
) -> None:
    long = tuple(PlanLine(n, f"Langkah kerja nomor {n} yang cukup panjang untuk dua baris "
                             f"pada kolom rencana hasil kerja", f"{n} kegiatan")
                 for n in range(1, 61))  # fmt: skip
    first = replace(approved.results[0], plans=long)
    doc = replace(approved, results=(first, *approved.results[1:]))
    out = tmp_path / "long.pdf"
    write_pdf([doc], str(out), paper=paper)
    pages = _pages(out)
    holding = [i for i, p in enumerate(pages) if "Langkah kerja nomor" in p]
    assert len(holding) >= 2, "sixty actions do not fit one page"
    for i in holding:  # every page the plan reaches repeats the HASIL KERJA header
        assert "INDIKATOR KINERJA INDIVIDU" in pages[i], (paper, i)
    text = " ".join(pages)
    assert all(f"{n}. Langkah kerja nomor {n} " in text for n in (1, 30, 60))
    signed = [p for p in pages if doc.place_date in p]
    assert len(signed) == 1
    assert "PREDIKAT KINERJA PEGAWAI" in signed[0] and doc.behaviour[-1].name in signed[0]
