"""The deterministic demo database: content, states, determinism and the per-office subset."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from kinerja_desktop.domain.enums import (
    AchievementCategory,
    EmploymentType,
    Gender,
    Polarity,
    Rating,
    SplitRule,
)
from kinerja_desktop.domain.errors import ConflictError, ValidationError
from kinerja_desktop.domain.nip import check_nip
from kinerja_desktop.domain.predikat import predikat
from kinerja_desktop.domain.scoring import capaian, category
from kinerja_desktop.domain.targets import split_target
from kinerja_desktop.services.demo.build import DEMO_OFFICES, build_demo
from kinerja_desktop.storage.base import Base

pytestmark = pytest.mark.sqlite_only(
    "compares demo files byte for byte and reads them with sqlite3"
)

SYNC_TABLES = [t for t in Base.metadata.sorted_tables if "uuid" in t.c and "origin_office" in t.c]


def rows(path: Path, sql: str, *params: Any) -> list[sqlite3.Row]:
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    names = [r["name"] for r in rows(path, "SELECT name FROM sqlite_master WHERE type='table'")]
    return {
        name: [tuple(r) for r in rows(path, f'SELECT * FROM "{name}" ORDER BY 1')]
        for name in sorted(names)
    }


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "full.sqlite"
    summary = build_demo(path)
    assert summary.office_code is None
    assert summary.employees >= 80
    return path


@pytest.fixture(scope="module")
def current(full: Path) -> list[sqlite3.Row]:
    """Current assignments joined with employee and office."""
    return rows(
        full,
        """SELECT a.*, e.uuid AS emp_uuid, e.active, e.nip, o.code, o.kind
           FROM assignments a JOIN employees e ON e.id = a.employee_id
           JOIN offices o ON o.id = a.office_id WHERE a.end_date IS NULL""",
    )


def test_offices(full: Path) -> None:
    offices = {r["code"]: r for r in rows(full, "SELECT * FROM offices")}
    # The kantor camat, six kelurahan and the puskesmas.
    assert set(offices) == {o.code for o in DEMO_OFFICES}
    assert len(offices) == 8
    assert offices["NGL"]["parent_id"] is None
    for code, row in offices.items():
        assert row["origin_office"] == code
        assert row["letterhead_1"] == "PEMERINTAH KOTA PADANG"
        if code != "NGL":
            assert row["parent_id"] == offices["NGL"]["id"]
    assert offices["NGL-GRL"]["postal_code"] == "25145"
    # The kop of a kelurahan names the kecamatan too (split into lines at " / ").
    assert offices["NGL-GRL"]["letterhead_2"] == "KECAMATAN NANGGALO / KELURAHAN GURUN LAWEH"
    # Every demo office has a plain drawn logo, so a newcomer sees a full kop.
    assert all(row["logo"] and row["logo"].startswith(b"\x89PNG") for row in offices.values())
    assert offices["PKM-NGL"]["kind"] == "puskesmas"
    settings = {r["key"]: r["value"] for r in rows(full, "SELECT * FROM settings")}
    tpp_base = json.loads(settings.pop("tpp_base"))  # invented rupiah, so the recap shows TPP
    assert sorted(tpp_base, key=int) == [str(k) for k in range(1, 18)]
    assert settings == {
        "home_office": '"NGL"',
        "demo": "true",
        "evaluation_frequency": '"quarterly"',
        "city": '"Padang"',
    }


def test_employees_and_nips(full: Path) -> None:
    employees = rows(full, "SELECT * FROM employees")
    assert len(employees) >= 80
    nips = [e["nip"] for e in employees]
    assert len(set(nips)) == len(nips)
    for e in employees:
        etype = EmploymentType(e["employment_type"])
        result = check_nip(e["nip"], etype, gender=Gender(e["gender"]))
        assert result.errors == (), (e["nip"], result.errors)
        assert result.warnings == (), (e["nip"], result.warnings)
        assert {"1": "L", "2": "P"}[e["nip"][14]] == e["gender"]
    pppk = sum(e["employment_type"] == "PPPK" for e in employees)
    assert 0.1 <= pppk / len(employees) <= 0.2
    reasons = Counter(e["leave_reason"] for e in employees if not e["active"])
    assert reasons == {"pensiun": 1, "mutasi_keluar": 1}


def test_grades_fit_employment_type(full: Path, current: list[sqlite3.Row]) -> None:
    for a in current:
        pppk = rows(full, "SELECT employment_type FROM employees WHERE id=?", a["employee_id"])
        assert ("/" not in a["grade"]) == (pppk[0][0] == "PPPK")
        if a["job_kind"] == "fungsional":
            assert a["functional_level"]


def test_one_active_head_per_office(current: list[sqlite3.Row]) -> None:
    heads = Counter(a["code"] for a in current if a["is_head"] and a["active"])
    assert heads == dict.fromkeys([o.code for o in DEMO_OFFICES], 1)
    acting = [a for a in current if a["acting"] == "plt"]
    assert len(acting) == 1 and acting[0]["is_head"] and acting[0]["kind"] == "kelurahan"


def test_atasan_chains(full: Path, current: list[sqlite3.Row]) -> None:
    by_emp = {a["employee_id"]: a for a in current}
    active = {r["id"] for r in rows(full, "SELECT id FROM employees WHERE active")}
    for a in current:
        if not a["active"]:
            continue
        assert (a["atasan_id"] is None) != (a["external_penilai_id"] is None)
        if a["external_penilai_id"] is None:
            assert a["atasan_id"] in active
        seen = {a["employee_id"]}
        step = a
        while step["atasan_id"] is not None:
            assert step["atasan_id"] not in seen, "atasan cycle"
            seen.add(step["atasan_id"])
            step = by_emp[step["atasan_id"]]
    camat = next(a for a in current if a["code"] == "NGL" and a["is_head"])
    for a in current:
        if a["kind"] == "kelurahan" and a["is_head"]:
            assert a["atasan_id"] == camat["employee_id"]
    external = {
        r["id"]: r["jabatan"] for r in rows(full, "SELECT id, jabatan FROM external_penilai")
    }
    kapus = next(a for a in current if a["code"] == "PKM-NGL" and a["is_head"])
    assert external[camat["external_penilai_id"]] == "Sekretaris Daerah Kota Padang"
    assert external[kapus["external_penilai_id"]] == "Kepala Dinas Kesehatan Kota Padang"
    history = rows(full, "SELECT * FROM assignments WHERE end_date IS NOT NULL")
    assert {(h["origin_office"], h["end_date"][:4]) for h in history} >= {("NGL-KLP", "2025")}


def test_rhk_links(full: Path) -> None:
    rhk = rows(
        full,
        """SELECT r.*, s.employee_id, a.atasan_id, a.is_head, a.office_id
           FROM rhk r JOIN skp s ON s.id = r.skp_id
           JOIN assignments a ON a.employee_id = s.employee_id AND a.end_date IS NULL""",
    )
    by_id = {r["id"]: r for r in rhk}
    indicators = {r["id"]: r for r in rows(full, "SELECT * FROM indicators")}
    for r in rhk:
        if r["kind"] != "utama":
            continue
        if r["is_head"]:
            assert indicators[r["indicator_id"]]["office_id"] == r["office_id"]
        else:
            assert by_id[r["parent_rhk_id"]]["employee_id"] == r["atasan_id"]
    per_rhk = Counter(r["rhk_id"] for r in rows(full, "SELECT rhk_id FROM skp_indicators"))
    assert set(per_rhk.values()) <= {1, 2, 3} and len(per_rhk) == len(rhk)
    expectations = Counter(r[0] for r in rows(full, "SELECT skp_id FROM skp_expectations"))
    assert set(expectations.values()) == {7}
    skp = Counter(r[0] for r in rows(full, "SELECT status FROM skp"))
    assert set(skp) == {"draft", "submitted", "returned", "approved"}


def test_indicator_categories(full: Path) -> None:
    found = set()
    for r in rows(
        full,
        """SELECT i.*, t.target AS t, t.target_hi AS thi, x.value AS v, x.period AS p
           FROM indicator_realisations x JOIN indicators i ON i.id = x.indicator_id
           JOIN indicator_targets t ON t.indicator_id = i.id AND t.period = x.period""",
    ):
        split = split_target(Decimal(str(r["annual_target"])), SplitRule(r["split_rule"]), 4)
        assert Decimal(str(r["t"])) == split[int(r["p"][-1]) - 1]
        hi = Decimal(str(r["thi"])) if r["thi"] is not None else None
        value = capaian(
            Decimal(str(r["v"])), Decimal(str(r["t"])), Polarity(r["polarity"]), target_hi=hi
        )
        found.add(category(value))
    assert found >= {
        AchievementCategory.SANGAT_TINGGI,
        AchievementCategory.TINGGI,
        AchievementCategory.SEDANG,
        AchievementCategory.RENDAH,
    }


def test_evaluation_states(full: Path) -> None:
    evaluations = rows(full, "SELECT * FROM evaluations")
    states = Counter((e["period"], e["status"]) for e in evaluations)
    assert {s for _, s in states} == {"draft", "submitted", "returned", "approved"}
    assert {s for p, s in states if p == "2026-Q1"} == {"approved"}
    assert {s for p, s in states if p == "2026-Q3"} == {"draft", "submitted"}
    evaluated = {r[0] for r in rows(full, "SELECT employee_id FROM skp WHERE status='approved'")}
    q3 = {e["employee_id"] for e in evaluations if e["period"] == "2026-Q3"}
    assert evaluated - q3, "some employees have no Q3 evaluation (Belum dimulai)"
    revisions = Counter((e["employee_id"], e["period"]) for e in evaluations)
    reopened = [key for key, n in revisions.items() if n == 2]
    assert len(reopened) == 1
    pair = {
        e["revision"]: e["status"]
        for e in evaluations
        if (e["employee_id"], e["period"]) == reopened[0]
    }
    assert pair == {1: "approved", 2: "draft"}
    per_eval = Counter(r[0] for r in rows(full, "SELECT evaluation_id FROM realisations"))
    assert len(per_eval) == len(evaluations)


def test_assessments_and_predikat(full: Path) -> None:
    joined = rows(
        full,
        """SELECT e.*, a.rating_hasil, a.rating_perilaku, a.rating_hasil_suggested,
                  a.rating_reason, a.decision, a.decision_reason, a.penilai_id,
                  a.external_penilai_id, a.feedback, a.origin_office AS a_origin
           FROM evaluations e LEFT JOIN assessments a ON a.evaluation_id = e.id""",
    )
    for e in joined:
        if e["status"] in ("approved", "returned"):
            assert e["decision"] == e["status"]
            assert (e["penilai_id"] is None) != (e["external_penilai_id"] is None)
            if e["rating_hasil"] != e["rating_hasil_suggested"]:
                assert e["rating_reason"]
        else:
            assert e["decision"] is None
        if e["status"] == "returned":
            assert e["decision_reason"]
        if e["status"] == "approved":
            expected = predikat(Rating(e["rating_hasil"]), Rating(e["rating_perilaku"]))
            assert e["predikat"] == expected.value
            assert e["rules_version"] == "2026.1"
            assert '"rules_version": "2026.1"' in e["snapshot"]
        else:
            assert e["predikat"] is None
    owners = {r["a_origin"] for r in joined if r["a_origin"]}
    assert "NGL" in owners and "PKM-NGL" in owners
    orgs = rows(full, "SELECT * FROM org_assessments")
    assert len(orgs) == 16 and {o["predikat"] for o in orgs} == {
        "ISTIMEWA",
        "BAIK",
        "BUTUH_PERBAIKAN",
    }
    periods = {r["period"]: r for r in rows(full, "SELECT * FROM period_settings")}
    assert periods["2026-Q1"]["deadline"] == "2026-04-10" and periods["2026-Q1"]["locked"]
    assert periods["2026"]["deadline"] == "2027-01-10" and not periods["2026-Q2"]["locked"]


def test_deterministic(full: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite"
    build_demo(again)
    assert dump(again) == dump(full)


def _by_uuid(path: Path) -> dict[str, dict[str, dict[str, Any]]]:
    """Every travelling row keyed by uuid, with foreign keys replaced by the referenced uuid."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    uuids = {t.name: dict(rows(path, f'SELECT id, uuid FROM "{t.name}"')) for t in SYNC_TABLES}
    for table in SYNC_TABLES:
        fks = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}
        result = {}
        for r in rows(path, f'SELECT * FROM "{table.name}"'):
            values = dict(r)
            del values["id"]
            for column, target in fks.items():
                if values[column] is not None:
                    values[column] = uuids[target][values[column]]
            result[values["uuid"]] = values
        out[table.name] = result
    return out


def test_per_office_rows_match_full(full: Path, tmp_path: Path) -> None:
    path = tmp_path / "grl.sqlite"
    summary = build_demo(path, office_code="ngl-grl")
    assert summary.office_code == "NGL-GRL"
    small, big = _by_uuid(path), _by_uuid(full)
    for table, records in small.items():
        for key, values in records.items():
            assert big[table].get(key) == values, (table, key)
    settings = {r["key"]: r["value"] for r in rows(path, "SELECT * FROM settings")}
    assert settings["home_office"] == '"NGL-GRL"'
    offices = {r["code"] for r in small["offices"].values()}
    assert offices == {"NGL", "NGL-GRL"}
    own = [e for e in small["employees"].values() if e["origin_office"] == "NGL-GRL"]
    assert len(small["employees"]) == len(own) + 1  # plus the camat, atasan of the lurah
    assert {a["origin_office"] for a in small["assessments"].values()} == {"NGL", "NGL-GRL"}
    assert {o["period"] for o in small["org_assessments"].values()} == {"2026-Q1", "2026-Q2"}
    assert len(small["period_settings"]) == 5
    assert not rows(path, "SELECT * FROM sync_partners")
    assert not rows(path, "SELECT * FROM sync_packages")


@pytest.mark.parametrize("code", ["NGL", "NGL-KLP", "PKM-NGL"])
def test_other_offices_are_subsets(full: Path, tmp_path: Path, code: str) -> None:
    path = tmp_path / f"{code}.sqlite"
    build_demo(path, office_code=code)
    small, big = _by_uuid(path), _by_uuid(full)
    for table, records in small.items():
        for key, values in records.items():
            assert big[table].get(key) == values, (table, key)
    assert not rows(path, "PRAGMA foreign_key_check")
    owners = {r["origin_office"] for r in small["employees"].values()}
    assert code in owners


def test_existing_file_needs_force(full: Path, tmp_path: Path) -> None:
    with pytest.raises(ConflictError) as err:
        build_demo(full)
    assert err.value.code == "demo.exists"
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"junk")
    Path(f"{path}-wal").write_bytes(b"junk")
    summary = build_demo(path, office_code="PKM-NGL", force=True)
    assert summary.offices == 2 and summary.employees > 15


def test_unknown_office(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as err:
        build_demo(tmp_path / "y.sqlite", office_code="XYZ")
    assert err.value.code == "demo.unknown_office"
    assert err.value.params == {"office": "XYZ"}
    assert not (tmp_path / "y.sqlite").exists()
