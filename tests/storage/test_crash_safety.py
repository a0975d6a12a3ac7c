"""Writes survive a killed process: all of a transaction or none of it, never a damaged file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kinerja_desktop.storage.migrate import open_database

ROWS = 60_000
BATCH = 2_000

WRITER = """
import sys
from pathlib import Path
from sqlalchemy import insert
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.storage.models import AuditEntry

db = Database.open(Path(sys.argv[1]))
rows, batch = int(sys.argv[2]), int(sys.argv[3])
with db.uow() as uow:
    for start in range(0, rows, batch):
        uow.session.execute(
            insert(AuditEntry),
            [
                {"username": "import", "action": "create", "entity": "bulk", "summary": str(i)}
                for i in range(start, start + batch)
            ],
        )
        if start == 0:
            print("started", flush=True)
    uow.commit()
print("committed", flush=True)
"""


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.2, 0.5])
def test_killed_bulk_write_is_all_or_nothing(tmp_path: Path, delay: float) -> None:
    db = tmp_path / "crash.sqlite"
    open_database(db, create=True).engine.dispose()
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(ROWS), str(BATCH)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "started"
    time.sleep(delay)
    child.kill()
    child.wait()
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        count = con.execute("SELECT count(*) FROM audit_entries WHERE entity='bulk'").fetchone()[0]
    finally:
        con.close()
    assert count in (0, ROWS)
