"""The whole-database recap's title follows the root office (issue 16): a city's database
(its root the kota office, BKPSDM Kota Padang) prints the city's name, not "KECAMATAN"."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.demo.city import TINY_CITY, build_city
from kinerja_desktop.services.reporting.recap import kecamatan_recap_data, write_recap
from tests.reports.pdfcheck import page_texts

PERIOD = "2026-Q2"


@pytest.fixture(scope="module")
def tiny_city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("city") / "kota.sqlite"
    build_city(path, plan=TINY_CITY)
    return path


def test_the_city_recap_is_titled_with_the_city(tiny_city: Path, tmp_path: Path) -> None:
    pdf, xlsx = tmp_path / "kota.pdf", tmp_path / "kota.xlsx"
    with Database.open(tiny_city) as db:
        doc = kecamatan_recap_data(db, period=PERIOD).doc
        write_recap(db, period=PERIOD, out=pdf)
        write_recap(db, period=PERIOD, out=xlsx)
    assert doc.title == "REKAPITULASI KINERJA KOTA PADANG"
    first = page_texts(pdf)[0]
    assert "REKAPITULASI KINERJA KOTA PADANG" in first
    assert "REKAPITULASI KINERJA KECAMATAN" not in first
    assert openpyxl.load_workbook(xlsx).active["A1"].value == "Rekapitulasi Kinerja Kota Padang"


def test_a_kecamatan_database_keeps_the_kecamatan_title(db) -> None:
    doc = kecamatan_recap_data(db, period="2026-Q1").doc
    assert doc.title == "REKAPITULASI KINERJA KECAMATAN"
