"""Backups through the sqlite3 backup API, and rotation."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kinerja_desktop.storage.backup import backup_database, backup_dir_for, list_backups
from kinerja_desktop.storage.migrate import open_database


def test_backup_contains_committed_wal_data(tmp_path: Path) -> None:
    db = tmp_path / "data.sqlite"
    engine = open_database(db, create=True).engine
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('x', '1')")
    # Still open, so the row may live only in the -wal file: a plain copy would miss it.
    dest = backup_database(db, dest=tmp_path / "copy.sqlite")
    engine.dispose()
    con = sqlite3.connect(dest)
    try:
        assert con.execute("SELECT value FROM settings WHERE key='x'").fetchone() == (1,)
    finally:
        con.close()


def test_rotation_keeps_the_newest(tmp_path: Path) -> None:
    db = tmp_path / "data.sqlite"
    open_database(db, create=True).engine.dispose()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    made = [backup_database(db, keep=3, now=start + timedelta(hours=i)) for i in range(5)]
    kept = list_backups(backup_dir_for(db), db.stem)
    assert kept == made[-3:]
    assert all(not path.exists() for path in made[:2])


def test_replace_with_retry_outlasts_a_short_hold(tmp_path: Path, monkeypatch) -> None:
    import os

    from kinerja_desktop.storage import file_ops

    source, target = tmp_path / "new", tmp_path / "db"
    source.write_text("new")
    target.write_text("old")
    real = os.replace
    failures = iter([True, True, False])

    def held_twice(a: object, b: object) -> None:
        if next(failures):
            raise PermissionError(13, "sharing violation")
        real(a, b)  # type: ignore[arg-type]

    monkeypatch.setattr(file_ops.os, "replace", held_twice)
    monkeypatch.setattr(file_ops.time, "sleep", lambda _s: None)
    file_ops.replace_with_retry(source, target)
    monkeypatch.undo()
    assert target.read_text() == "new" and not source.exists()
    file_ops.unlink_with_retry(tmp_path / "nothing-here")  # a missing file is fine
    file_ops.fsync_dir(tmp_path)
