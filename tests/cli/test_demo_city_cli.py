"""``demo --scale city`` on the command line (at the tests' tiny size, ``--tiny``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run


def test_city_json_reports_counts_sync_and_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kota.sqlite"
    code, out, err = run(capsys, "--db", str(db), "demo", "--scale", "city", "--tiny", "--json")
    assert code == 0, err
    body = json.loads(out)
    assert body["office"] == "BKPSDM-PDG" and body["scale"] == "city"
    assert body["counts"]["offices"] == 7 and body["counts"]["employees"] > 80
    assert body["sync"]["counts"]["created"] > 0 and body["sync"]["counts"]["rejected"] == 0
    assert body["size_bytes"] == db.stat().st_size
    assert "Kecamatan 1/2 Nanggalo" in err and "Kecamatan 2/2 Bungus Teluk Kabung" in err
    assert "Paket lengkap NGL" in err
    code, out, err = run(capsys, "--db", str(db), "demo", "--scale", "city", "--tiny", "--json")
    assert code == 1 and json.loads(out)["error"]["code"] == "demo.exists"


def test_city_refuses_office_and_default_scale_is_the_kecamatan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "x.sqlite"
    code, _, err = run(capsys, "--db", str(db), "demo", "--scale", "city", "--office", "NGL-GRL")
    assert code == 2 and "--office" in err and not db.exists()
    code, _, err = run(capsys, "--db", str(db), "demo", "--scale", "town")
    assert code == 2 and "town" in err
