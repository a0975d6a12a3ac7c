"""The demo city (``demo --scale city``) at its tiny test size: determinism, the kota office,
the period range, referential sanity, and the kecamatan that arrived through a real package.

The full city is built by ``tests/benchmarks/bench_city.py``, not here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.domain.messages import label
from kinerja_desktop.services.demo.city import TINY_CITY, CitySummary, build_city

pytestmark = pytest.mark.sqlite_only("build_city writes a SQLite file and is compared with sqlite3")

# Bookkeeping that differs between builds by design: a fresh uuid per package, and the
# wall-clock time of the key registrations (audit, partners; compared apart, without it).
RANDOM_PER_PACKAGE = {"sync_packages", "audit_entries", "sync_partners"}


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CitySummary]:
    path = tmp_path_factory.mktemp("city") / "kota.sqlite"
    return path, build_city(path, plan=TINY_CITY)


def rows(path: Path, sql: str, *params: object) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [
            line for line in con.iterdump()
            if not any(f'INSERT INTO "{t}"' in line for t in RANDOM_PER_PACKAGE)
        ]  # fmt: skip
    finally:
        con.close()


def test_two_builds_are_identical(city: tuple[Path, CitySummary], tmp_path: Path) -> None:
    path, summary = city
    again = build_city(tmp_path / "again.sqlite", plan=TINY_CITY)
    assert again.rows == summary.rows
    assert dump(tmp_path / "again.sqlite") == dump(path)
    audit = "SELECT action, entity FROM audit_entries ORDER BY id"
    assert rows(path, audit) == rows(tmp_path / "again.sqlite", audit)
    # every column but the wall-clock registered_at (no longer the last one since 0011)
    partners = ("SELECT office_code, office_uuid, public_key, fingerprint, last_seq_sent, "
                "last_seq_received, acked_seq, force_full, encryption_key, encryption_fingerprint "
                "FROM sync_partners")  # fmt: skip
    assert rows(path, partners) == rows(tmp_path / "again.sqlite", partners)
    packages = rows(path, "SELECT partner_code, seq, kind, status FROM sync_packages")
    assert packages == rows(
        tmp_path / "again.sqlite", "SELECT partner_code, seq, kind, status FROM sync_packages"
    )


def test_the_root_is_a_kota_office_above_every_kecamatan(city: tuple[Path, CitySummary]) -> None:
    path, _ = city
    assert rows(path, "SELECT code, name, parent_id FROM offices WHERE kind = 'kota'") == [
        ("BKPSDM-PDG", "BKPSDM Kota Padang", None)
    ]
    kecamatan = rows(
        path,
        "SELECT o.code, p.code FROM offices o JOIN offices p ON o.parent_id = p.id "
        "WHERE o.kind = 'kecamatan' ORDER BY o.code",
    )
    assert kecamatan == [("BTK", "BKPSDM-PDG"), ("NGL", "BKPSDM-PDG")]
    home = rows(path, "SELECT value FROM settings WHERE key = 'home_office'")
    assert home and "BKPSDM-PDG" in home[0][0]
    assert OfficeKind("kota") is OfficeKind.KOTA
    assert label(OfficeKind.KOTA, "id") == "Kota (BKPSDM)"
    assert label(OfficeKind.KOTA, "en") == "City office (BKPSDM)"


def test_nanggalo_keeps_its_office_codes(city: tuple[Path, CitySummary]) -> None:
    path, _ = city
    codes = {c for (c,) in rows(path, "SELECT code FROM offices")}
    assert {"NGL", "NGL-KLP", "PKM-NGL", "BTK", "BTK-K01", "PKM-BTK1"} <= codes


def test_periods_run_from_2022_q1_to_2026_q3(city: tuple[Path, CitySummary]) -> None:
    path, _ = city
    periods = [p for (p,) in rows(path, "SELECT DISTINCT period FROM evaluations ORDER BY 1")]
    quarters = [f"{y}-Q{q}" for y in range(2022, 2027) for q in range(1, 5)][:-1]
    assert periods == quarters  # 2022-Q1 .. 2026-Q3, so 2026-Q2 exists
    settings = {p for (p,) in rows(path, "SELECT period FROM period_settings")}
    assert set(quarters) < settings and {"2022", "2026"} < settings
    locked = {p for (p,) in rows(path, "SELECT period FROM period_settings WHERE locked")}
    assert "2025-Q4" in locked and "2026-Q2" not in locked
    statuses = {s for (s,) in rows(path, "SELECT DISTINCT status FROM evaluations")}
    assert {"approved", "submitted", "draft"} <= statuses
    years = [y for (y,) in rows(path, "SELECT DISTINCT year FROM skp ORDER BY 1")]
    assert years == [2022, 2023, 2024, 2025, 2026]


def test_every_reference_resolves_and_penilai_serve_in_the_same_tree(
    city: tuple[Path, CitySummary],
) -> None:
    path, summary = city
    assert summary.employees > 80 and summary.evaluations > 1000
    assert rows(path, "PRAGMA foreign_key_check") == []
    orphans = rows(
        path,
        "SELECT e.id FROM evaluations e LEFT JOIN employees m ON m.id = e.employee_id "
        "LEFT JOIN skp s ON s.id = e.skp_id WHERE m.id IS NULL OR s.id IS NULL "
        "OR s.employee_id != e.employee_id",
    )
    assert orphans == []
    # The penilai's office is the evaluated employee's office or its parent.
    outside = rows(
        path,
        "SELECT a.id FROM assessments a JOIN evaluations e ON e.id = a.evaluation_id "
        "JOIN assignments ea ON ea.employee_id = e.employee_id AND ea.end_date IS NULL "
        "JOIN offices eo ON eo.id = ea.office_id "
        "JOIN assignments pa ON pa.employee_id = a.penilai_id AND pa.end_date IS NULL "
        "WHERE pa.office_id != ea.office_id AND pa.office_id != eo.parent_id",
    )
    assert outside == []
    unrated = rows(
        path,
        "SELECT count(*) FROM assessments WHERE penilai_id IS NULL AND external_penilai_id IS NULL",
    )
    assert unrated == [(0,)]
    predikat = rows(path, "SELECT count(*) FROM evaluations WHERE status = 'approved' "
                    "AND (predikat IS NULL OR snapshot IS NULL)")  # fmt: skip
    assert predikat == [(0,)]


def test_the_sync_kecamatan_arrived_through_a_package(city: tuple[Path, CitySummary]) -> None:
    path, summary = city
    counts = summary.sync_counts
    assert counts["created"] > 1000 and counts["unchanged"] > 1000, counts
    assert counts["rejected"] == counts["conflicts"] == counts["updated"] == 0
    assert rows(path, "SELECT direction, partner_code, kind, status FROM sync_packages") == [
        ("in", "NGL", "full", "applied")
    ]
    arrived = dict(
        rows(
            path,
            "SELECT 'evaluations', count(*) FROM evaluations WHERE origin_office = 'NGL' "
            "UNION ALL SELECT 'assessments', count(*) FROM assessments "
            "WHERE origin_office = 'NGL'",
        )
    )
    assert arrived["evaluations"] > 100 and arrived["assessments"] > 100
    assert summary.rows["evaluations"] == rows(path, "SELECT count(*) FROM evaluations")[0][0]
