"""Fixtures of the CLI tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run


@pytest.fixture
def office(tmp_path: Path, capsys: pytest.CaptureFixture[str], stdin_text) -> Path:
    """A new kelurahan database made by ``init`` (admin password ``admin-rahasia``)."""
    db = tmp_path / "office.sqlite"
    stdin_text("admin-rahasia\n")
    code, _, _ = run(capsys, "--db", str(db), "init", "--code", "NGL-SRG",
                     "--name", "Kelurahan Surau Gadang", "--kind", "kelurahan")  # fmt: skip
    assert code == 0
    return db
