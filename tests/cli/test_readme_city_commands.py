"""The README's "Kantor kota (PostgreSQL)" commands, run as written (issue 18, done-when): the
block is read from README.md, the server address replaced by the tests' database, each line
run as a clerk types it. Skipped, with the reason, where no PostgreSQL server answers."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from tests import pg_support

ROOT = Path(__file__).parents[2]
SECTION = "## Kantor kota (PostgreSQL)"
ADDRESS = "postgresql+psycopg://kota@SERVER/kinerja_kota"
KOTA = "BKPSDM-PDG"


def readme_commands() -> list[str]:
    """The ``kinerja-desktop`` lines of the section's one ``sh`` block, in order."""
    text_ = (ROOT / "README.md").read_text("utf-8")
    section = text_.split(SECTION, 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.startswith("kinerja-desktop ")]


def _run(line: str, url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    argv = shlex.split(line.replace(ADDRESS, url))
    assert argv[0] == "kinerja-desktop"
    # init asks the admin password: one line on stdin, as the README says.
    answer = "rahasia-kantor\n" if argv[3] == "init" else None
    return subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", *argv[1:]],
        input=answer, capture_output=True, text=True, cwd=cwd, timeout=180,
        stdin=None if answer else subprocess.DEVNULL,
        env=os.environ | {"PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(cwd / "data")},
    )  # fmt: skip


def test_the_readme_block_names_every_step_of_the_brief() -> None:
    lines = readme_commands()
    steps = [" init --kind kota --code BKPSDM-PDG", " offices set-parent BKPSDM-PDG",
             " sync keys export", " sync keys import", " sync export", " sync import paket --json",
             " backup", " backups"]  # fmt: skip
    for step in steps:
        assert any(step in line for line in lines), step
    assert any(ADDRESS in line for line in lines) and any(".sqlite" in line for line in lines)


def test_the_readme_city_commands_work_as_written(tmp_path: Path) -> None:
    why = pg_support.unavailable()
    if why:
        pytest.skip(why)
    with pg_support.temporary_database("kinerja_readme") as url:
        outputs = []
        for line in readme_commands():
            done = _run(line, url, tmp_path)
            assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
            outputs.append((line, done.stdout))
        imported = next(out for line, out in outputs if " sync import " in line)
        summaries = json.loads(imported)
        assert [s["status"] for s in summaries] == ["applied"]
        assert summaries[0]["office"] == "NGL"
        assert summaries[0]["counts"]["conflicts"] == 0 == summaries[0]["counts"]["rejected"]
        engine = create_engine(url, poolclass=NullPool)
        with engine.connect() as conn:
            offices = conn.execute(text(
                "SELECT o.code, o.kind, p.code FROM offices o "
                "LEFT JOIN offices p ON o.parent_id = p.id ORDER BY o.code"
            )).all()  # fmt: skip
        engine.dispose()
    assert offices == [(KOTA, "kota", None), ("NGL", "kecamatan", KOTA)]
    dumps = list((tmp_path / "data").rglob("*-manual.dump"))
    assert len(dumps) == 1
    listed = next(out for line, out in outputs if line.endswith(" backups"))
    assert str(dumps[0]) in listed
