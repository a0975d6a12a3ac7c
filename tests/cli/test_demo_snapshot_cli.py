"""``demo`` and ``snapshot`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.cli.helpers import run


def test_demo_json_refuses_overwrite_and_builds_one_office(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.sqlite"
    code, out, _ = run(capsys, "--db", str(db), "demo", "--json")
    body = json.loads(out)
    assert code == 0
    assert body["counts"]["offices"] == 8 and body["counts"]["employees"] >= 80
    before = db.read_bytes()
    code, out, err = run(capsys, "--db", str(db), "demo", "--json")
    assert code == 1 and json.loads(out)["error"]["code"] == "demo.exists"
    assert "--force" in err and db.read_bytes() == before
    code, out, _ = run(capsys, "demo", "--office", "NGL-GRL", "--force", "--json", "--db", str(db))
    body = json.loads(out)
    assert code == 0 and body["office"] == "NGL-GRL"
    assert body["counts"]["employees"] < 30
    code, _, err = run(capsys, "--db", str(tmp_path / "x.sqlite"), "demo", "--office", "XYZ")
    assert code == 1 and "XYZ" in err and not (tmp_path / "x.sqlite").exists()


def test_snapshot_writes_png(
    demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp
) -> None:
    out = tmp_path / "pegawai.png"
    code, text, _ = run(capsys, "--db", str(demo_db_path), "snapshot", "employees",
                        "--out", str(out), "--size", "900x600")  # fmt: skip
    assert code == 0 and str(out) in text
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 600)


def test_snapshot_usage_and_refusals(
    demo_db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp
) -> None:
    out = tmp_path / "x.png"
    assert run(capsys, "--db", str(demo_db_path), "snapshot", "payroll", "--out", str(out))[0] == 2
    code = run(capsys, "--db", str(demo_db_path), "snapshot", "sync", "--out", str(out),
               "--size", "big")[0]  # fmt: skip
    assert code == 2
    code, _, err = run(capsys, "--db", str(tmp_path / "none.sqlite"), "snapshot", "sync",
                       "--out", str(out))  # fmt: skip
    assert code == 1 and "none.sqlite" in err
    assert not out.exists()
