"""The kop surat: up to five lines from the office's letterhead fields, and the demo logo."""

from __future__ import annotations

from sqlalchemy import text

from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.demo.logo import demo_logo_png
from kinerja_desktop.services.reporting.data import employees_of_office, sheet_data
from kinerja_desktop.services.reporting.output import write_document
from tests.reports.pdfcheck import page_texts


def test_a_kelurahan_kop_has_city_kecamatan_and_kelurahan(demo_db_path, tmp_path):
    with Database.open(demo_db_path) as db:
        nip, _name = employees_of_office(db, "NGL-KLP")[0]
        prepared = sheet_data(db, nip=nip, period="2026-Q1")
        head = prepared.doc.letterhead
        assert head.lines == (
            "PEMERINTAH KOTA PADANG",
            "KECAMATAN NANGGALO",
            "KELURAHAN KAMPUNG LAPAI",
        )
        assert head.logo == demo_logo_png()
        assert not any("logo" in w for w in prepared.warnings)
        out = tmp_path / "kop.pdf"
        write_document(db, "sheet", nip=nip, period="2026-Q1", out=out)
    first = page_texts(out)[0]
    top = first[: first.index("EVALUASI KINERJA PEGAWAI")]
    assert "PEMERINTAH KOTA PADANG KECAMATAN NANGGALO KELURAHAN KAMPUNG LAPAI" in top
    assert prepared.doc.instansi == "INSTANSI: PEMERINTAH KOTA PADANG, KELURAHAN KAMPUNG LAPAI"


def test_the_kop_takes_at_most_five_lines(demo_address):
    with Database.open(demo_address) as db:
        with db.engine.begin() as con:
            con.execute(
                text(
                    "update offices set letterhead_1 = 'PEMERINTAH KOTA PADANG', "
                    "letterhead_2 = :second where code = 'NGL-KLO'"
                ),
                {"second": "DINAS A / BIDANG B\nSEKSI C / UNIT D / KELURAHAN KAMPUNG OLO"},
            )
        nip, _name = employees_of_office(db, "NGL-KLO")[0]
        lines = sheet_data(db, nip=nip, period="2026-Q1").doc.letterhead.lines
    assert lines == ("PEMERINTAH KOTA PADANG", "DINAS A", "BIDANG B", "SEKSI C", "UNIT D")


def test_the_demo_logo_is_a_stable_png():
    data = demo_logo_png()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and data == demo_logo_png()
    import io

    from PIL import Image

    image = Image.open(io.BytesIO(data))
    assert image.size == (96, 96) and image.mode == "RGBA"
    assert len(image.getcolors(maxcolors=10_000) or []) >= 4  # drawn, not a flat square
