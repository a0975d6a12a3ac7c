"""Backups seen, made and restored through the services."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.actor import SYSTEM
from kinerja_desktop.services.backups import (
    FORCE_FULL_KEY,
    auto_backup,
    list_backups,
    make_backup,
    restore_backup,
    verify_backup,
)
from kinerja_desktop.services.setup import init_office
from kinerja_desktop.storage.backup import choose_kept


@pytest.fixture
def office_db(tmp_path: Path) -> Path:
    path = tmp_path / "office.sqlite"
    init_office(path, code="NGL-KLO", name="Kelurahan Kampung Olo", kind=OfficeKind.KELURAHAN,
                admin_password="admin-rahasia")  # fmt: skip
    return path


def _names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM offices ORDER BY code")]
    finally:
        con.close()


def test_restore_returns_exactly_the_backed_up_data(office_db: Path) -> None:
    saved = make_backup(office_db, reason="manual")
    con = sqlite3.connect(office_db)
    with con:
        con.execute("UPDATE offices SET name = 'Diubah setelah cadangan'")
    con.close()
    assert _names(office_db) == ["Diubah setelah cadangan"]
    result = restore_backup(office_db, Path(saved.path), SYSTEM)
    assert _names(office_db) == ["Kelurahan Kampung Olo"]
    # The state before the restore was kept, and can itself be restored.
    assert _names(Path(result.safety_backup)) == ["Diubah setelah cadangan"]
    con = sqlite3.connect(office_db)
    try:
        assert con.execute("SELECT value FROM settings WHERE key=?", (FORCE_FULL_KEY,)).fetchone()
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute(
            "SELECT count(*) FROM audit_entries WHERE action='restore'"
        ).fetchone() == (1,)
    finally:
        con.close()


def test_restore_refuses_foreign_and_newer_files(office_db: Path, tmp_path: Path) -> None:
    before = office_db.read_bytes()
    text = tmp_path / "notes.sqlite"
    text.write_text("hello")
    with pytest.raises(ValidationError) as caught:
        restore_backup(office_db, text, SYSTEM)
    assert caught.value.code == "restore.not_backup"
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(ValidationError):
        verify_backup(other)
    newer = Path(make_backup(office_db, out=tmp_path / "newer.sqlite").path)
    con = sqlite3.connect(newer)
    with con:
        con.execute("UPDATE alembic_version SET version_num='9999'")
    con.close()
    with pytest.raises(ValidationError) as caught:
        restore_backup(office_db, newer, SYSTEM)
    assert caught.value.code == "restore.newer"
    assert office_db.read_bytes() == before


def test_auto_backup_at_most_every_few_hours(office_db: Path) -> None:
    first = auto_backup(office_db)
    assert first is not None and first.reason == "start"
    assert auto_backup(office_db) is None
    later = datetime.now(UTC) + timedelta(hours=5)
    assert auto_backup(office_db, now=later) is not None
    assert [b.reason for b in list_backups(office_db)].count("start") == 2


def test_rotation_keeps_recent_daily_weekly_monthly() -> None:
    now = datetime(2026, 11, 28, 12, tzinfo=UTC)
    # One backup every 6 hours for 400 days.
    stamped = [(Path(f"b{i}.sqlite"), now - timedelta(hours=6 * i)) for i in range(1600)]
    kept = choose_kept(stamped, keep=10, now=now)
    times = sorted((when for path, when in stamped if path in kept), reverse=True)
    assert times[:10] == [now - timedelta(hours=6 * i) for i in range(10)]
    days = {t.date() for t in times if now - t <= timedelta(days=7)}
    assert len(days) >= 7
    months = {(t.year, t.month) for t in times if now - t > timedelta(days=35)}
    assert len(months) >= 11
    assert all(now - t <= timedelta(days=366) for t in times)
    assert len(kept) < 40


def test_the_configured_backup_folder_is_used_and_listed(office_db: Path, tmp_path: Path) -> None:
    from dataclasses import replace

    from kinerja_desktop.services.app_settings import load_settings, save_settings
    from kinerja_desktop.services.database import Database

    beside = make_backup(office_db, reason="manual")  # before the setting: beside the file
    elsewhere = tmp_path / "flashdisk" / "cadangan"
    db = Database.open(office_db)
    try:
        save_settings(db, SYSTEM, replace(load_settings(db), backup_dir=elsewhere))
    finally:
        db.close()
    made = make_backup(office_db, reason="manual", now=datetime.now(UTC) + timedelta(minutes=1))
    assert Path(made.path).parent == elsewhere.resolve()
    listed = [b.path for b in list_backups(office_db)]
    # Both folders are searched, newest first, so an older backup beside the file is not lost.
    assert listed[0] == made.path and beside.path in listed
