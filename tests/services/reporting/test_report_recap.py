"""Office and kecamatan recaps: IKU figures, predikat, TPP, angka kredit; PDF and xlsx."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import text

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.scoring import capaian, format_number, round2
from kinerja_desktop.services.reporting.recap import (
    kecamatan_recap_data,
    office_recap_data,
    write_recap,
)
from kinerja_desktop.spreadsheet.recap_writer import CATEGORY_FILLS
from tests.reports.pdfcheck import pdf_text


def _rows(db, sql):
    """The rows of ``sql`` read from ``db`` itself (either engine)."""
    with db.engine.connect() as con:
        return [tuple(row) for row in con.execute(text(sql))]


def test_office_recap_iku_figures_match_the_database(db):
    doc = office_recap_data(db, office_code="NGL-GRL", period="2026-Q1").doc
    stored = _rows(
        db,
        "select i.code, i.name, i.polarity, t.target, t.target_hi, r.value from indicators i "
        "join offices o on o.id = i.office_id join indicator_targets t on t.indicator_id = i.id "
        "and t.period = '2026-Q1' join indicator_realisations r on r.indicator_id = i.id and "
        "r.period = '2026-Q1' where o.code = 'NGL-GRL' order by i.code",
    )
    assert [r.code for r in doc.iku] == [s[0] for s in stored]
    for row, (_code, name, polarity, target, hi, value) in zip(doc.iku, stored, strict=True):
        expected = capaian(
            Decimal(str(value)), Decimal(str(target)), polarity,
            target_hi=None if hi is None else Decimal(str(hi)),
        )  # fmt: skip
        assert row.name == name
        assert row.capaian == format_number(round2(expected))
        assert row.category_key


def test_office_recap_tpp_and_angka_kredit(db):
    doc = office_recap_data(db, office_code="PKM-NGL", period="2026-Q1").doc
    fungsional = _rows(
        db,
        "select e.nip from assignments a join employees e on e.id = a.employee_id "
        "join offices o on o.id = a.office_id where o.code = 'PKM-NGL' and "
        "a.job_kind = 'fungsional' and a.end_date is null and e.active = true",
    )
    by_nip = {row.nip.replace(" ", ""): row for row in doc.employees}
    assert fungsional
    for (nip,) in fungsional:
        row = by_nip[nip]
        assert row.angka_kredit
        if row.predikat != "-":
            assert row.angka_kredit != "-" and row.tpp != "-"
    approved = [r for r in doc.employees if r.predikat == "Baik"]
    assert approved and all(r.tpp == "100,00" for r in approved)
    assert sum(count for _label, count, _pct in doc.distribution) == len(
        [r for r in doc.employees if r.predikat != "-"]
    )


def test_office_recap_pdf_and_xlsx(db, tmp_path):
    pdf = tmp_path / "rekap.pdf"
    written = write_recap(db, period="2026-Q1", office_code="NGL-GRL", out=pdf)
    text = pdf_text(pdf)
    doc = office_recap_data(db, office_code="NGL-GRL", period="2026-Q1").doc
    assert "REKAPITULASI KINERJA KANTOR" in text and "KELURAHAN GURUN LAWEH" in text
    for row in doc.iku:
        assert row.name in text and row.capaian in text and row.category in text
    for employee in doc.employees:
        assert employee.nip in text
    assert "STATUS PENYELESAIAN EVALUASI" in text and "Belum dimulai" in text
    assert written.record_uuid and written.content_hash in text
    xlsx = tmp_path / "rekap.xlsx"
    write_recap(db, period="2026-Q1", office_code="NGL-GRL", out=xlsx)
    wb = openpyxl.load_workbook(xlsx)
    ws = wb["IKU"]
    assert ws.freeze_panes is not None
    header_row = next(r for r in range(1, 10) if ws.cell(r, 1).value == "No")
    first = header_row + 1
    assert ws.cell(first, 2).value == doc.iku[0].code
    assert ws.cell(first, 7).value == doc.iku[0].capaian_value  # a number, not text
    assert ws.cell(first, 7).number_format == "#,##0.00"
    assert ws.cell(first, 7).fill.fgColor.rgb.endswith(CATEGORY_FILLS[doc.iku[0].category_key])
    assert ws.column_dimensions["C"].width >= 40
    staff = wb["Pegawai"]
    nip_cell = staff.cell(header_row + 1, 2)
    assert isinstance(nip_cell.value, str) and len(nip_cell.value) == 18
    assert nip_cell.number_format == "@"


def test_kecamatan_recap_lists_every_office(db, tmp_path):
    doc = kecamatan_recap_data(db, period="2026-Q1").doc
    codes = [c for (c,) in _rows(db, "select code from offices order by code")]
    assert [o.code for o in doc.offices] == codes
    assert sum(doc.totals) == sum(sum(o.predikat_counts) for o in doc.offices)
    pdf = tmp_path / "kec.pdf"
    write_recap(db, period="2026-Q1", out=pdf, paper="f4")
    text = pdf_text(pdf)
    assert "REKAPITULASI KINERJA KECAMATAN" in text
    for office in doc.offices:
        assert office.name in text
    xlsx = tmp_path / "kec.xlsx"
    write_recap(db, period="2026-Q1", out=xlsx)
    ws = openpyxl.load_workbook(xlsx).active
    values = [c.value for c in ws["A"]]
    assert all(code in values for code in codes) and "JUMLAH" in values
    assert ws.freeze_panes is not None


def test_a_period_without_data_is_refused(db):
    with pytest.raises(ValidationError) as caught:
        kecamatan_recap_data(db, period="2024-Q1")
    assert caught.value.code == "report.no_data"
    assert "Triwulan I 2024" in str(caught.value) or caught.value.params["period"]
