"""The city recap grouped by kecamatan (issue 18, item 3), on the tiny city of the demo.

The per-kecamatan figures are checked three ways: against the sums of their offices' rows,
and against counts taken here straight from the database with SQL (kecamatan by a recursive
walk up the office tree; the latest revision of each current, active employee's evaluation).
A kecamatan's database (the demo) has no groups and prints its flat list as before.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import fields, make_dataclass, replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kinerja_desktop.domain.enums import Predikat
from kinerja_desktop.reports.model import KecamatanGroup, KecamatanRecapDoc, content_hash
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.demo.city import TINY_CITY, build_city
from kinerja_desktop.services.reporting.recap import kecamatan_recap_data, write_recap
from tests.reports.pdfcheck import pdf_text

PERIOD = "2026-Q2"
ROOT = "BKPSDM-PDG"

# Each office's kecamatan: its nearest ancestor-or-self of kind kecamatan (none: the kota's).
KECAMATAN_SQL = """
WITH RECURSIVE up(office_id, anc_id, depth) AS (
    SELECT id, id, 0 FROM offices WHERE deleted_at IS NULL
    UNION ALL
    SELECT up.office_id, o.parent_id, up.depth + 1 FROM up JOIN offices o ON o.id = up.anc_id
    WHERE o.parent_id IS NOT NULL
)
SELECT o.code, (
    SELECT k.code FROM up JOIN offices k ON k.id = up.anc_id
    WHERE up.office_id = o.id AND k.kind = 'kecamatan' ORDER BY up.depth LIMIT 1
) FROM offices o WHERE o.deleted_at IS NULL
"""

# Current, active staff with the predikat of their latest evaluation revision when approved.
STAFF_SQL = """
SELECT o.code, (
    SELECT CASE WHEN ev.status = 'approved' THEN ev.predikat END FROM evaluations ev
    WHERE ev.employee_id = e.id AND ev.period = ? AND ev.deleted_at IS NULL
    ORDER BY ev.revision DESC LIMIT 1
)
FROM employees e JOIN assignments a ON a.employee_id = e.id JOIN offices o ON o.id = a.office_id
WHERE a.end_date IS NULL AND a.deleted_at IS NULL AND e.deleted_at IS NULL AND e.active
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("city") / "kota.sqlite"
    build_city(path, plan=TINY_CITY)
    return path


@pytest.fixture(scope="module")
def doc(city: Path) -> KecamatanRecapDoc:
    with Database.open(city) as db:
        return kecamatan_recap_data(db, period=PERIOD).doc


def _kecamatan_by_office(path: Path) -> dict[str, str]:
    con = sqlite3.connect(path)
    try:
        return {code: kec or ROOT for code, kec in con.execute(KECAMATAN_SQL)}
    finally:
        con.close()


def _from_database(path: Path) -> dict[str, tuple[int, int, Counter[str]]]:
    """Per kecamatan: employees, approved, and the approved predikat counts."""
    kecamatan = _kecamatan_by_office(path)
    con = sqlite3.connect(path)
    try:
        staff = con.execute(STAFF_SQL, (PERIOD,)).fetchall()
    finally:
        con.close()
    employees: Counter[str] = Counter()
    grades: dict[str, Counter[str]] = defaultdict(Counter)
    for office, predikat in staff:
        employees[kecamatan[office]] += 1
        if predikat is not None:
            grades[kecamatan[office]][predikat] += 1
    return {k: (employees[k], sum(grades[k].values()), grades[k]) for k in set(kecamatan.values())}


def test_the_offices_are_grouped_by_kecamatan_the_kota_first(city: Path, doc: KecamatanRecapDoc):
    assert doc.title == "REKAPITULASI KINERJA KOTA PADANG"
    assert [g.code for g in doc.groups] == [ROOT, "BTK", "NGL"]
    kecamatan = _kecamatan_by_office(city)
    for group in doc.groups:
        assert group.office_codes[0] == group.code  # its own office opens the group
        assert {kecamatan[c] for c in group.office_codes} == {group.code}
    listed = [c for g in doc.groups for c in g.office_codes]
    # Every office exactly once, and the rows printed in the groups' order.
    assert sorted(listed) == sorted(kecamatan) and len(set(listed)) == len(listed)
    assert [o.code for o in doc.offices] == listed


def test_each_kecamatan_sums_its_offices_and_matches_the_database(
    city: Path, doc: KecamatanRecapDoc
):
    rows = {o.code: o for o in doc.offices}
    expected = _from_database(city)
    for group in doc.groups:
        mine = [rows[c] for c in group.office_codes]
        assert group.employees == sum(o.employees for o in mine)
        assert group.approved == sum(o.approved for o in mine)
        assert group.pending == sum(o.pending for o in mine)
        assert group.not_started == sum(o.not_started for o in mine)
        for n in range(len(Predikat)):
            assert group.predikat_counts[n] == sum(o.predikat_counts[n] for o in mine)
        employees, approved, grades = expected[group.code]
        assert (group.employees, group.approved) == (employees, approved)
        assert group.predikat_counts == tuple(grades[p.value] for p in Predikat)
        share = f"{approved * 100 / employees:.2f}".replace(".", ",") if employees else "0,00"
        assert group.completion == f"{approved}/{employees} ({share}%)"
    # The city has staff and approvals in both kecamatan, so the sums are not all zeros.
    assert all(g.employees > 0 and g.approved > 0 for g in doc.groups[1:])
    assert tuple(map(sum, zip(*(g.predikat_counts for g in doc.groups), strict=True))) == (
        doc.totals
    )


def test_the_city_recap_pdf_prints_the_groups(city: Path, doc: KecamatanRecapDoc, tmp_path: Path):
    pdf = tmp_path / "kota.pdf"
    with Database.open(city) as db:
        write_recap(db, period=PERIOD, out=pdf)
    text = " ".join(pdf_text(pdf).split())
    assert "REKAPITULASI PER KECAMATAN" in text and "REKAPITULASI PER KANTOR" in text
    for group in doc.groups:
        assert group.completion in text
        assert f"{group.code} · {group.name} ({len(group.office_codes)} kantor)" in text
    # In the office table, BTK's subtotal line comes before its offices, and NGL's after them.
    office_table = text[text.index("REKAPITULASI PER KANTOR") :]
    btk, ngl = (office_table.index(f"{g.code} · {g.name}") for g in doc.groups[1:])
    assert btk < office_table.index("BTK-K01") < ngl < office_table.index("NGL-KLP")


def test_the_city_recap_xlsx_names_each_office_s_kecamatan(
    city: Path, doc: KecamatanRecapDoc, tmp_path: Path
):
    xlsx = tmp_path / "kota.xlsx"
    with Database.open(city) as db:
        write_recap(db, period=PERIOD, out=xlsx)
    book = openpyxl.load_workbook(xlsx)
    main = [r for r in book["Rekap Kecamatan"].iter_rows(min_row=4, values_only=True)]
    assert main[0][:2] == ("Kecamatan", "Kode")
    kecamatan = _kecamatan_by_office(city)
    offices = [r for r in main[1:] if r[1] in kecamatan]
    assert [r[1] for r in offices] == [o.code for o in doc.offices]
    assert all(r[0] == kecamatan[r[1]] for r in offices)
    groups = [r for r in book["Per Kecamatan"].iter_rows(min_row=5, values_only=True)]
    by_code = {g.code: g for g in doc.groups}
    for row in groups[:-1]:
        g = by_code[row[0]]
        assert row[2:] == (
            len(g.office_codes), g.employees, *g.predikat_counts, g.approved,
            pytest.approx(g.approved * 100 / g.employees, abs=0.005) if g.employees else 0,
        )  # fmt: skip
    assert groups[-1][0] == "JUMLAH" and groups[-1][4:9] == doc.totals


def test_a_kecamatan_recap_has_no_groups_and_prints_as_before(demo_db_path: Path, tmp_path: Path):
    with Database.open(demo_db_path) as db:
        doc = kecamatan_recap_data(db, period=PERIOD).doc
        write_recap(db, period=PERIOD, out=tmp_path / "kec.pdf")
        write_recap(db, period=PERIOD, out=tmp_path / "kec.xlsx")
    assert doc.groups == ()
    assert [o.code for o in doc.offices] == sorted(o.code for o in doc.offices)
    text = pdf_text(tmp_path / "kec.pdf")
    assert "REKAPITULASI PER" not in text and " kantor)" not in text
    book = openpyxl.load_workbook(tmp_path / "kec.xlsx")
    assert book.sheetnames == ["Rekap Kecamatan", "TPP"]
    assert book["Rekap Kecamatan"].cell(4, 1).value == "Kode"
    # The empty groups field leaves the content hash as printed before the field existed:
    # the same document in a class without the field hashes the same.
    before = make_dataclass(
        "KecamatanRecapDoc", [(f.name, Any) for f in fields(doc) if f.name != "groups"]
    )
    old = before(**{f.name: getattr(doc, f.name) for f in fields(doc) if f.name != "groups"})
    assert content_hash(doc) == content_hash(old)
    assert content_hash(doc) != content_hash(replace(doc, groups=_a_group(doc)))


def _a_group(doc: KecamatanRecapDoc) -> tuple[KecamatanGroup, ...]:
    return (KecamatanGroup("K", "Kecamatan", ("X",), 1, 1, 0, 0, doc.totals, "1/1 (100,00%)"),)
