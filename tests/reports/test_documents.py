"""The printed forms, read back as text: every field of DOMAIN.md B 2.1, B 2.2 and B 2.3.

Expected values come straight from the database (the approval snapshot and the SKP rows) with
sqlite3, not from the report DTOs, so a field that the services drop or misplace fails here.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from kinerja_desktop.domain.behaviour import CORE_VALUES
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.reports.model import parse_qr_payload
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.reporting.output import write_document
from tests.reports.pdfcheck import decode_qr, page_sizes_mm, page_texts, pdf_text

LABELS = {
    "above": "DI ATAS EKSPEKTASI",
    "as_expected": "SESUAI EKSPEKTASI",
    "below": "DI BAWAH EKSPEKTASI",
}
WATERMARK = "D R A F"
PREDIKAT = {
    "SANGAT_BAIK": "SANGAT BAIK",
    "BAIK": "BAIK",
    "BUTUH_PERBAIKAN": "BUTUH PERBAIKAN",
    "KURANG": "KURANG/MISCONDUCT",
    "SANGAT_KURANG": "SANGAT KURANG",
}


def _rows(path: Path, sql: str, *args: object) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def _approved(path: Path, *, acting: bool = False, offset: int = 3) -> tuple[str, str, dict]:
    where = "json_extract(ev.snapshot, '$.penilai.acting') " + ("!=" if acting else "=") + "'none'"
    nip, uuid, snapshot = _rows(
        path,
        "select e.nip, ev.uuid, ev.snapshot from evaluations ev join employees e "
        "on e.id = ev.employee_id where ev.status = 'approved' and ev.period = '2026-Q1' "
        f"and {where} order by e.nip limit 1 offset ?",
        0 if acting else offset,
    )[0]
    return nip, uuid, json.loads(snapshot)


def _card_fields(card: dict) -> list[str]:
    return [card["nama"], format_nip(card["nip"]), card["pangkat"], card["jabatan"], card["unit"]]


def test_evaluation_sheet_prints_every_field(db, demo_db_path, tmp_path):
    nip, uuid, snap = _approved(demo_db_path)
    out = tmp_path / "sheet.pdf"
    written = write_document(db, "sheet", nip=nip, period="2026-Q1", out=out, paper="a4")
    text = pdf_text(out)
    for title in (
        "EVALUASI KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "PERIODE: TRIWULAN I 2026",
        "PERIODE PENILAIAN: 1 JANUARI S.D. 31 MARET 2026",
        "INSTANSI: PEMERINTAH KOTA PADANG",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        "PANGKAT/GOL. RUANG",
        "UNIT KERJA",
        "POLA DISTRIBUSI:",
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
        "INDIKATOR KINERJA INDIVIDU",
        "REALISASI BERDASARKAN BUKTI DUKUNG",
        "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
        "A. KINERJA UTAMA",
        "B. KINERJA TAMBAHAN",
        "EKSPEKTASI KHUSUS PIMPINAN",
    ):
        assert title in text, title
    for value in _card_fields(snap["pegawai"]) + _card_fields(snap["penilai"]):
        assert value in text, value
    # All five values, as the lampiran prints them (the unchosen ones struck: see below).
    org_line = "ISTIMEWA / BAIK / BUTUH PERBAIKAN / KURANG / SANGAT KURANG"
    assert f"CAPAIAN KINERJA ORGANISASI: {org_line}" in text
    org = {"ISTIMEWA": "ISTIMEWA", "BAIK": "BAIK", "BUTUH_PERBAIKAN": "BUTUH PERBAIKAN"}
    caption = "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI"
    assert f"{caption} {org[snap['org_predikat']]}" in text
    assert "SE MenPANRB Nomor 3 Tahun 2023" in text
    # Every individual indicator of the plan with its realisation and the penilai's feedback.
    feedback = json.loads(
        _rows(
            demo_db_path,
            "select a.feedback from assessments a join evaluations ev on ev.id = a.evaluation_id "
            "where ev.uuid = ?",
            uuid,
        )[0][0]
    )
    for result in snap["results"]:
        iki, _unit = _rows(
            demo_db_path, "select text, unit from skp_indicators where uuid = ?",
            result["skp_indicator"],
        )[0]  # fmt: skip
        assert iki in text
        capaian = result["capaian"].replace(".", ",")
        # "(capaian …%)" after the realisation is an installation setting, off by default.
        assert f"(capaian {capaian}%)" not in text
        assert feedback[result["skp_indicator"]] in text
    for info in CORE_VALUES:
        assert info.name in text
        for guide in info.guides:
            assert guide in text
    expectations = _rows(
        demo_db_path,
        "select x.text from skp_expectations x join skp on skp.id = x.skp_id "
        "join employees e on e.id = skp.employee_id where e.nip = ?",
        nip,
    )
    assert expectations and all(t in text for (t,) in expectations)
    assert "RATING HASIL KERJA: " + " / ".join(LABELS.values()) in text
    assert "RATING PERILAKU KERJA:" in text
    assert "PREDIKAT KINERJA PEGAWAI:" in text
    assert f"Dokumen milik {snap['pegawai']['nama']} (NIP {format_nip(nip)})" in text
    assert f"ID rekaman: {uuid}" in text
    assert f"Hash isi: {written.content_hash}" in text
    assert WATERMARK not in text
    assert "Status: final (disetujui)" in text
    pages = page_texts(out)
    assert all(f"Halaman {n} dari {len(pages)}" in p for n, p in enumerate(pages, start=1))
    assert page_sizes_mm(out) == [(210, 297)] * len(pages)


def test_chosen_ratings_are_kept_and_the_others_struck(db, demo_db_path, tmp_path):
    from kinerja_desktop.services.reporting.data import sheet_data

    nip, _uuid, snap = _approved(demo_db_path)
    doc = sheet_data(db, nip=nip, period="2026-Q1").doc
    assert doc.rating_hasil.upper() == LABELS[snap["rating_hasil"]]
    assert doc.rating_perilaku.upper() == LABELS[snap["rating_perilaku"]]
    assert doc.predikat.upper() == PREDIKAT[snap["predikat"]]
    from kinerja_desktop.reports.forms import options_line

    line = options_line("RATING", doc.rating_options, doc.rating_hasil, blank=False)
    assert line.text.count("<strike>") == 2
    # Each option is one unbreakable run (non-breaking spaces inside).
    assert f"<b>{LABELS[snap['rating_hasil']].replace(' ', chr(0xA0))}</b>" in line.text
    blank = options_line("RATING", doc.rating_options, doc.rating_hasil, blank=True)
    assert "<strike>" not in blank.text
    org = options_line("CAPAIAN", doc.org_options, doc.org_predikat, blank=False)
    assert len(doc.org_options) == 5 and org.text.count("<strike>") == 4
    assert f"<b>{doc.org_predikat.upper().replace(' ', chr(0xA0))}</b>" in org.text


def test_capaian_after_the_realisation_is_a_setting(demo_copy, tmp_path):
    nip, _uuid, snap = _approved(demo_copy)
    con = sqlite3.connect(demo_copy)
    con.execute("insert into settings (key, value) values ('print_capaian', 'true')")
    con.commit()
    con.close()
    with Database.open(demo_copy) as copy:
        out = tmp_path / "sheet.pdf"
        write_document(copy, "sheet", nip=nip, period="2026-Q1", out=out)
    text = pdf_text(out)
    for result in snap["results"]:
        assert f"(capaian {result['capaian'].replace('.', ',')}%)" in text


def test_the_footer_qr_code_decodes_to_uuid_and_hash(db, demo_db_path, tmp_path):
    nip, uuid, _snap = _approved(demo_db_path)
    out = tmp_path / "card.pdf"
    written = write_document(db, "card", nip=nip, period="2026-Q1", out=out)
    decoded = decode_qr(out, tmp_path)
    assert len(decoded) == 1
    assert parse_qr_payload(decoded[0]) == (uuid, written.content_hash)
    assert written.record_uuid == uuid


def test_the_qr_code_is_encoded_once_per_page(db, demo_db_path, tmp_path, monkeypatch):
    """Printing light (issue 16): one QR encoding per printed page, not two."""
    from reportlab.graphics.barcode import qrencoder

    made = []
    original = qrencoder.QRCode.make
    monkeypatch.setattr(qrencoder.QRCode, "make", lambda self: made.append(1) or original(self))
    nip, _uuid, _snap = _approved(demo_db_path)
    out = tmp_path / "sheet.pdf"
    write_document(db, "sheet", nip=nip, period="2026-Q1", out=out)
    pages = len(page_texts(out))
    assert pages >= 1 and len(made) == pages
    assert len(decode_qr(out, tmp_path)) >= 1


def test_report_card_fields_and_f4_paper(db, demo_db_path, tmp_path):
    nip, _uuid, snap = _approved(demo_db_path)
    out = tmp_path / "card.pdf"
    write_document(db, "card", nip=nip, period="2026-Q1", out=out, paper="f4")
    text = pdf_text(out)
    for title in (
        "DOKUMEN EVALUASI KINERJA PEGAWAI",
        "1 PEGAWAI YANG DINILAI",
        "2 PEJABAT PENILAI KINERJA",
        "3 ATASAN PEJABAT PENILAI KINERJA",
        "4 EVALUASI KINERJA",
        "5 CATATAN/REKOMENDASI",
        "Capaian Kinerja Organisasi",
        "Predikat Kinerja Pegawai",
    ):
        assert title in text, title
    for field in ("Nama", "NIP", "Pangkat/Gol. Ruang", "Jabatan", "Unit Kerja"):
        assert text.count(f". {field} ") >= 3, field
    for value in _card_fields(snap["pegawai"]) + _card_fields(snap["penilai"]):
        assert value in text, value
    if snap["atasan_penilai"]:
        assert snap["atasan_penilai"]["nama"] in text
    assert f"Predikat Kinerja Pegawai {PREDIKAT[snap['predikat']]}" in text
    assert "Halaman 1 dari 1" in text
    assert page_sizes_mm(out) == [(215, 330)]


def test_acting_penilai_prints_plt_before_the_jabatan(db, demo_db_path, tmp_path):
    nip, _uuid, snap = _approved(demo_db_path, acting=True)
    out = tmp_path / "sheet.pdf"
    write_document(db, "sheet", nip=nip, period="2026-Q1", out=out)
    assert f"Plt. {snap['penilai']['jabatan']}" in pdf_text(out)


def test_skp_with_lampiran_page(db, demo_db_path, tmp_path):
    nip, _uuid, _snap = _approved(demo_db_path)
    skp_uuid, resources, accountability, consequences = _rows(
        demo_db_path,
        "select skp.uuid, resources, accountability, consequences from skp join employees e "
        "on e.id = skp.employee_id where e.nip = ? and skp.status = 'approved'",
        nip,
    )[0]
    out = tmp_path / "skp.pdf"
    written = write_document(db, "skp", nip=nip, period="2026", out=out)
    pages = page_texts(out)
    text = " ".join(pages)
    for title in (
        "SASARAN KINERJA PEGAWAI",
        "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
        "PERIODE PENILAIAN: 1 JANUARI S.D. 31 DESEMBER 2026",
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
        "ASPEK",
        "TARGET",
        "A. KINERJA UTAMA",
        "PERILAKU KERJA",
        "EKSPEKTASI KHUSUS PIMPINAN",
    ):
        assert title in text, title
    rhk = _rows(
        demo_db_path,
        "select rhk.text from rhk join skp on skp.id = rhk.skp_id where skp.uuid = ?",
        skp_uuid,
    )
    assert rhk and all(t in text for (t,) in rhk)
    iki = _rows(
        demo_db_path,
        "select i.text from skp_indicators i join rhk on rhk.id = i.rhk_id "
        "join skp on skp.id = rhk.skp_id where skp.uuid = ?",
        skp_uuid,
    )
    assert iki and all(t in text for (t,) in iki)
    lampiran = next(p for p in pages if "LAMPIRAN SASARAN KINERJA PEGAWAI" in p)
    for heading in ("DUKUNGAN SUMBER DAYA", "SKEMA PERTANGGUNGJAWABAN", "KONSEKUENSI"):
        assert heading in lampiran
    for block in (resources, accountability, consequences):
        for line in block.splitlines():
            item = line.strip().lstrip("-•*").strip()
            if item:
                assert item in lampiran
    assert "PEGAWAI YANG DINILAI" in lampiran and "PEJABAT PENILAI KINERJA" in lampiran
    assert written.record_uuid == skp_uuid


def test_draft_sheet_has_the_draf_watermark(db, demo_db_path, tmp_path):
    (nip,) = _rows(
        demo_db_path,
        "select e.nip from evaluations ev join employees e on e.id = ev.employee_id "
        "where ev.period = '2026-Q3' and ev.status = 'submitted' limit 1",
    )[0]
    out = tmp_path / "draft.pdf"
    written = write_document(db, "sheet", nip=nip, period="2026-Q3", out=out)
    text = pdf_text(out)
    assert WATERMARK in text  # the rotated word reads back letter by letter
    assert "Status: belum disetujui" in text
    assert any("DRAF" in w for w in written.warnings)


def test_missing_evaluation_makes_the_blank_form_and_says_so(db, demo_db_path, tmp_path):
    nip, _uuid, _snap = _approved(demo_db_path)
    out = tmp_path / "blank.pdf"
    written = write_document(db, "sheet", nip=nip, period="2026-Q4", out=out)
    assert any("formulir kosong" in w for w in written.warnings)
    text = pdf_text(out)
    assert "EVALUASI KINERJA PEGAWAI" in text and "TRIWULAN IV 2026" in text
    assert "(capaian" not in text  # nothing realised is printed on the blank form
    # A blank form says so, and carries no DRAF stamp, no status and no record id.
    assert "FORMULIR KOSONG" in text
    assert WATERMARK not in text and "Status:" not in text and "ID rekaman" not in text


def test_blank_flag_leaves_results_empty(db, demo_db_path, tmp_path):
    nip, _uuid, snap = _approved(demo_db_path)
    out = tmp_path / "blank.pdf"
    write_document(db, "card", nip=nip, period="2026-Q1", out=out, blank=True)
    text = pdf_text(out)
    assert snap["pegawai"]["nama"] in text
    assert f"Predikat Kinerja Pegawai {PREDIKAT[snap['predikat']]}" not in text


def test_same_content_same_hash_and_changes_change_it(db, demo_copy, tmp_path):
    from kinerja_desktop.services.reporting.data import sheet_data

    nip, uuid, _snap = _approved(demo_copy)
    with Database.open(demo_copy) as copy:
        first = sheet_data(copy, nip=nip, period="2026-Q1").doc.meta.content_hash
        again = sheet_data(copy, nip=nip, period="2026-Q1").doc.meta.content_hash
        con = sqlite3.connect(demo_copy)
        con.execute(
            "update assessments set feedback = json_set(feedback, '$.x', 'y'), "
            "behaviour_notes = json_set(behaviour_notes, '$.akuntabel', 'Catatan baru') "
            "where evaluation_id = (select id from evaluations where uuid = ?)",
            (uuid,),
        )
        con.commit()
        con.close()
        changed = sheet_data(copy, nip=nip, period="2026-Q1").doc.meta.content_hash
    assert first == again
    assert changed != first


def test_approval_recorded_only_in_the_assessment_counts(demo_copy, tmp_path):
    """A penilai in another office approves through the assessment row alone: the sheet is
    final and prints the assessment's snapshot."""
    nip, uuid, snap = _approved(demo_copy)
    con = sqlite3.connect(demo_copy)
    con.execute(
        "update assessments set snapshot = (select snapshot from evaluations where uuid = ?), "
        "predikat = (select predikat from evaluations where uuid = ?), decision = 'approved', "
        "decided_at = '2026-04-20 03:00:00.000000' "
        "where evaluation_id = (select id from evaluations where uuid = ?)",
        (uuid, uuid, uuid),
    )
    con.execute(
        "update evaluations set status = 'submitted', snapshot = null, predikat = null, "
        "approved_at = null, submitted_at = '2026-04-10 02:00:00.000000' where uuid = ?",
        (uuid,),
    )
    con.commit()
    con.close()
    with Database.open(demo_copy) as db:
        out = tmp_path / "sheet.pdf"
        written = write_document(db, "sheet", nip=nip, period="2026-Q1", out=out)
    text = pdf_text(out)
    assert WATERMARK not in text and not any("DRAF" in w for w in written.warnings)
    assert snap["penilai"]["nama"] in text
    assert "20 April 2026" in text
