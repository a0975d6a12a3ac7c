"""The recap of a city: 140 offices on paper (issue 16, item 4).

One bar per office made the kecamatan recap's chart 16.5 pt taller per office; past about 42
offices it was taller than the page and reportlab refused the whole document (LayoutError).
The database here is the demo with 132 more kelurahan, each a copy of a demo kelurahan's
IKU, targets and realisations (Core inserts: cheap, and the recap reads them like any other).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.reporting.recap import kecamatan_recap_data, write_recap
from tests.reports.pdfcheck import page_texts

PERIOD = "2026-Q2"
OFFICES = 140
SOURCE = "NGL-KLP"


def _clone(con: sqlite3.Connection, table: str, row: sqlite3.Row, **changes: object) -> int:
    names = row.keys()  # iterating a Row gives its values, not its names
    values = {k: row[k] for k in names if k != "id"}
    values.update(uuid=str(uuid.uuid4()), **changes)
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    cur = con.execute(f"insert into {table} ({columns}) values ({marks})", list(values.values()))
    return int(cur.lastrowid or 0)


def add_offices(path: Path, count: int) -> list[str]:
    """Add ``count`` kelurahan cloned from ``SOURCE`` with their IKU; returns their codes."""
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        source = con.execute("select * from offices where code = ?", (SOURCE,)).fetchone()
        indicators = con.execute(
            "select * from indicators where office_id = ? and deleted_at is null", (source["id"],)
        ).fetchall()
        codes = []
        with con:
            for n in range(1, count + 1):
                code = f"KOT-{n:03d}"
                name = f"Kelurahan Percontohan Kota Nomor {n:03d}"
                office_id = _clone(con, "offices", source, code=code, name=name)
                for indicator in indicators:
                    _clone_indicator(con, indicator, office_id, n)
                codes.append(code)
        return codes
    finally:
        con.close()


def _clone_indicator(con: sqlite3.Connection, indicator: sqlite3.Row, office_id: int, n: int):
    new_id = _clone(con, "indicators", indicator, office_id=office_id)
    for table in ("indicator_targets", "indicator_realisations"):
        for row in con.execute(f"select * from {table} where indicator_id = ?", (indicator["id"],)):
            changes: dict[str, object] = {"indicator_id": new_id}
            if table == "indicator_realisations":
                # Spread the capaian so the bars differ (and some pass 120 %).
                changes["value"] = str(Decimal(str(row["value"])) * Decimal(60 + n) / 100)
            _clone(con, table, row, **changes)


@pytest.fixture(scope="module")
def city(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("city") / "city.sqlite"
    shutil.copy(demo_db_path, path)
    before = sqlite3.connect(path).execute("select count(*) from offices").fetchone()[0]
    add_offices(path, OFFICES - before)
    yield path


def _word_boxes(pdf: Path) -> list[tuple[float, float, float, float, float, float]]:
    """(page width, page height, xMin, yMin, xMax, yMax) of every word pdftotext sees."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    boxes = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        width, height = float(page[1]), float(page[2])
        for word in re.finditer(
            r'xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)"', page[3]
        ):
            boxes.append((width, height, *(float(v) for v in word.groups())))
    return boxes


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_the_city_recap_prints_every_office_on_the_page(city: Path, tmp_path: Path, paper: str):
    with Database.open(city) as db:
        doc = kecamatan_recap_data(db, period=PERIOD).doc
        assert len(doc.offices) == OFFICES
        assert sum(o.capaian_value is not None for o in doc.offices) >= OFFICES - 8
        pdf = tmp_path / "kota.pdf"
        written = write_recap(db, period=PERIOD, out=pdf, paper=paper)
    pages = page_texts(pdf)
    assert written.pages == len(pages) > 3
    text = " ".join(pages)
    for office in doc.offices:
        # In the summary table, in the chart and in the predikat table.
        assert len(re.findall(rf"\b{re.escape(office.code)}\b", text)) >= 3, office.code
        assert office.name in text, office.name
    # The chart went on over more than one page, each part with its 100 % line.
    chart_pages = [p for p in pages if "100%" in p]
    assert len(chart_pages) >= 2
    # Nothing is drawn off the page (a chart taller than the frame would run off its foot).
    boxes = _word_boxes(pdf)
    assert boxes
    for width, height, x0, y0, x1, y1 in boxes:
        assert x0 >= 0 and x1 <= width and y0 >= 0 and y1 <= height
    # The signatures close the recap's tables; the Dasbor page (issue 20) follows them.
    assert "DASBOR KECAMATAN" in pages[-1]
    assert doc.place_date in pages[-2]


def test_the_city_recap_xlsx_lists_every_office(city: Path, tmp_path: Path):
    xlsx = tmp_path / "kota.xlsx"
    with Database.open(city) as db:
        codes = [o.code for o in kecamatan_recap_data(db, period=PERIOD).doc.offices]
        write_recap(db, period=PERIOD, out=xlsx)
    values = {c.value for c in openpyxl.load_workbook(xlsx).active["A"]}
    assert len(codes) == OFFICES and all(code in values for code in codes)
