"""TPP in rupiah in the recaps (issue 20.3), against a table computed by hand (the demo's
own kelas and bases are replaced by these).

Bases: kelas 7 Rp 2.500.000, kelas 9 Rp 3.333.333, kelas 12 Rp 5.000.000, kelas 3 not set.
Percentages: the defaults (Sangat Baik and Baik 100, Butuh Perbaikan 80, Kurang 60).
Kelurahan Gurun Laweh, Triwulan I 2026 (the demo's approved predikat):

=====================  =====  ===============  =============================
NIP                    kelas  predikat         TPP
=====================  =====  ===============  =============================
197809162003121005     9      Butuh Perbaikan  3.333.333 × 80 % = 2.666.666
198005142005122010     7      Baik             2.500.000
198702172021211008     7      Butuh Perbaikan  2.000.000
198705282015011009     -      Baik             - (kelas jabatan belum diisi)
198712032010022009     9      Kurang           1.999.999,8 → 2.000.000
199010282014032003     3      Baik             - (TPP dasar kelas 3 belum diatur)
199012082014021009     12     Sangat Baik      5.000.000
199101062018121001     7      Baik             2.500.000
199303152015022003     7      Baik             2.500.000
199307162017121002     7      Baik             2.500.000
=====================  =====  ===============  =============================
Sum 21.666.666 over 8 employees; mean 2.708.333,25 → 2.708.333.
"""

from __future__ import annotations

import dataclasses
import subprocess

import openpyxl

from kinerja_desktop.services.admin.settings import load_settings, save_settings
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.reporting.recap import (
    kecamatan_recap_data,
    office_recap_data,
    write_recap,
)
from tests.reports.pdfcheck import pdf_text

KELAS = {
    "197809162003121005": 9, "198005142005122010": 7, "198702172021211008": 7,
    "198712032010022009": 9, "199010282014032003": 3, "199012082014021009": 12,
    "199101062018121001": 7, "199303152015022003": 7, "199307162017121002": 7,
}  # fmt: skip
EXPECTED = {
    "197809162003121005": 2_666_666, "198005142005122010": 2_500_000,
    "198702172021211008": 2_000_000, "198705282015011009": None,
    "198712032010022009": 2_000_000, "199010282014032003": None,
    "199012082014021009": 5_000_000, "199101062018121001": 2_500_000,
    "199303152015022003": 2_500_000, "199307162017121002": 2_500_000,
}  # fmt: skip
REASONS = {
    "198705282015011009": "kelas jabatan belum diisi",
    "199010282014032003": "TPP dasar kelas 3 belum diatur",
}


def _configure(db, bases: dict[int, int] | None = None) -> None:
    """The hand table's bases and kelas; every other employee's kelas is cleared (the demo
    gives everybody one)."""
    if bases is None:
        bases = {k: 0 for k in range(1, 18)} | {7: 2_500_000, 9: 3_333_333, 12: 5_000_000}
    save_settings(db, SYSTEM, dataclasses.replace(load_settings(db), tpp_base=bases))
    with db.uow() as uow:
        from sqlalchemy import text

        uow.session.execute(text("UPDATE assignments SET kelas_jabatan = NULL"))
        for nip, kelas in KELAS.items():
            uow.session.execute(
                text("UPDATE assignments SET kelas_jabatan = :k WHERE end_date IS NULL AND "
                     "employee_id = (SELECT id FROM employees WHERE nip = :n)"),
                {"k": kelas, "n": nip},
            )  # fmt: skip
        uow.commit()


def test_office_recap_tpp_matches_the_hand_computed_table(db) -> None:
    _configure(db)
    tpp = office_recap_data(db, office_code="NGL-GRL", period="2026-Q1").doc.tpp
    assert tpp is not None and tpp.base_set and "bukan daftar gaji" in tpp.note
    got = {r.nip.replace(" ", ""): r for r in tpp.employees}
    assert {nip: got[nip].rupiah for nip in EXPECTED} == EXPECTED
    assert {nip: got[nip].reason for nip in REASONS} == REASONS
    assert (tpp.counted, tpp.total) == (8, 21_666_666)
    assert got["197809162003121005"].base == 3_333_333
    assert got["197809162003121005"].percent == "80,00"
    # Triwulan II: the one still submitted has no figure yet.
    q2 = office_recap_data(db, office_code="NGL-GRL", period="2026-Q2").doc.tpp
    waiting = next(r for r in q2.employees if r.nip.replace(" ", "") == "199012082014021009")
    assert waiting.rupiah is None and waiting.reason == "predikat belum disetujui"


def test_kecamatan_recap_sums_per_office(db) -> None:
    _configure(db)
    tpp = kecamatan_recap_data(db, period="2026-Q1").doc.tpp
    by_code = {o.code: o for o in tpp.offices}
    grl = by_code["NGL-GRL"]
    assert (grl.counted, grl.total, grl.mean) == (8, 21_666_666, 2_708_333)
    assert all(o.total == 0 and o.mean is None for c, o in by_code.items() if c != "NGL-GRL")
    assert (tpp.counted, tpp.total) == (8, 21_666_666)


def test_without_a_base_the_recap_says_it_is_not_set(db, tmp_path) -> None:
    _configure(db, {k: 0 for k in range(1, 18)})
    tpp = office_recap_data(db, office_code="NGL-GRL", period="2026-Q1").doc.tpp
    assert not tpp.base_set and "belum diatur di Pengaturan" in tpp.note
    pdf = tmp_path / "rekap.pdf"
    write_recap(db, period="2026-Q1", office_code="NGL-GRL", out=pdf)
    text = pdf_text(pdf)
    assert "bukan daftar gaji" in text and "belum diatur di Pengaturan" in text
    assert "TPP (RUPIAH)" not in text


def test_pdf_and_xlsx_carry_the_figures_and_the_note(db, tmp_path) -> None:
    _configure(db)
    pdf = tmp_path / "rekap.pdf"
    write_recap(db, period="2026-Q1", office_code="NGL-GRL", out=pdf)
    text = pdf_text(pdf)
    assert "D. PERHITUNGAN TPP MENURUT PREDIKAT" in text
    assert "bukan daftar gaji" in text
    for figure in ("Rp 2.666.666", "Rp 5.000.000", "Rp 21.666.666"):
        assert figure in text
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(tmp_path / "page")], check=True)
    xlsx = tmp_path / "rekap.xlsx"
    write_recap(db, period="2026-Q1", office_code="NGL-GRL", out=xlsx)
    ws = openpyxl.load_workbook(xlsx)["TPP"]
    assert "bukan daftar gaji" in ws.cell(2, 1).value
    header = {c.value: c.column for c in ws[4]}
    rows = {ws.cell(r, header["NIP"]).value: ws.cell(r, header["TPP (Rp)"])
            for r in range(5, ws.max_row + 1) if ws.cell(r, header["NIP"]).value}  # fmt: skip
    assert {nip: rows[nip].value for nip in EXPECTED} == EXPECTED
    assert rows["199012082014021009"].number_format == "#,##0"
    total = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "JUMLAH")
    assert ws.cell(total, header["TPP (Rp)"]).value == 21_666_666

    kec = tmp_path / "kec.xlsx"
    write_recap(db, period="2026-Q1", out=kec)
    ws = openpyxl.load_workbook(kec)["TPP"]
    header = {c.value: c.column for c in ws[4]}
    grl = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "NGL-GRL")
    assert ws.cell(grl, header["Jumlah TPP (Rp)"]).value == 21_666_666
    assert ws.cell(grl, header["Rata-rata (Rp)"]).value == 2_708_333
    kec_pdf = tmp_path / "kec.pdf"
    write_recap(db, period="2026-Q1", out=kec_pdf)
    assert "PERHITUNGAN TPP PER KANTOR" in pdf_text(kec_pdf)
    assert "Rp 2.708.333" in pdf_text(kec_pdf)


def test_the_demo_recap_shows_rupiah_out_of_the_box(db) -> None:
    """The demo gives everybody a kelas and invents a base table, so a newcomer sees the
    section filled: kelas 9 is Rp 3.800.000 in the demo, so a Baik there is that much."""
    tpp = office_recap_data(db, office_code="NGL-GRL", period="2026-Q1").doc.tpp
    assert tpp.base_set and tpp.counted == 10
    baik_9 = [r for r in tpp.employees if r.kelas == "9" and r.predikat == "Baik"]
    assert baik_9 and all(r.rupiah == 3_800_000 for r in baik_9)
