"""Backups seen, made and restored through the services."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.domain.errors import ConflictError, ValidationError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.admin.backups import (
    FORCE_FULL_KEY,
    auto_backup,
    list_backups,
    make_backup,
    restoring_path,
    verify_backup,
)
from kinerja_desktop.services.admin.restore import LiveState, plan_restore, restore_backup
from kinerja_desktop.services.admin.setup import init_office
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.storage.backup import choose_kept

pytestmark = pytest.mark.sqlite_only(
    "file backups and restores of the SQLite file (PostgreSQL: tests/storage/pg)"
)


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


def live_state(path: Path) -> tuple[str, list[str]]:
    """sha256 of the main file after folding in its WAL, and its full dump: "unchanged" means
    both are equal afterwards and no ``-wal`` is left (issue 13)."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        dump = list(con.iterdump())
    finally:
        con.close()
    return hashlib.sha256(path.read_bytes()).hexdigest(), dump


def assert_unchanged(path: Path, before: tuple[str, list[str]]) -> None:
    assert live_state(path) == before
    assert not path.with_name(path.name + "-wal").exists()
    assert not path.with_name(path.name + ".restoring").exists()


def test_restore_refuses_foreign_damaged_and_newer_files(office_db: Path, tmp_path: Path) -> None:
    before = live_state(office_db)
    text = tmp_path / "notes.sqlite"
    text.write_text("hello")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    newer = Path(make_backup(office_db, out=tmp_path / "newer.sqlite").path)
    con = sqlite3.connect(newer)
    with con:
        con.execute("UPDATE alembic_version SET version_num='9999'")
    con.close()
    cases = {
        text: ("restore.not_kinerja", "bukan database Kinerja Desktop"),
        other: ("restore.not_kinerja", "bukan database Kinerja Desktop"),
        damaged_copy(office_db, tmp_path / "rusak.sqlite"): ("restore.damaged", "rusak"),
        newer: ("restore.newer", "versi aplikasi yang lebih baru"),
        tmp_path / "tidak-ada.sqlite": ("restore.missing", "tidak ditemukan"),
    }
    for path, (code, words) in cases.items():
        with pytest.raises(ValidationError) as caught:
            restore_backup(office_db, path, SYSTEM)
        assert caught.value.code == code, path
        message = describe(caught.value)
        assert str(path) in message and words in message
        assert "tidak diubah" in message.lower() or "Tidak ada yang diubah" in message
        with pytest.raises(ValidationError):
            verify_backup(path)
    assert_unchanged(office_db, before)
    assert list_backups(office_db) == []  # refused before any backup was made


def damaged_copy(source: Path, dest: Path) -> Path:
    """A Kinerja backup with one table page overwritten: it still opens and names its tables,
    but fails ``PRAGMA integrity_check``."""
    Path(make_backup(source, out=dest).path)
    con = sqlite3.connect(dest)
    try:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute(
            "SELECT rootpage FROM sqlite_master WHERE name='audit_entries'"
        ).fetchone()[0]
    finally:
        con.close()
    with dest.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x0d" + b"\xff" * 64)
    return dest


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

    from kinerja_desktop.services.admin.settings import load_settings, save_settings
    from kinerja_desktop.services.common.database import Database

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


def test_restore_leaves_no_wal_and_no_restoring_copy(office_db: Path) -> None:
    saved = make_backup(office_db, reason="manual")
    restore_backup(office_db, Path(saved.path), SYSTEM)
    for leftover in ("-wal", "-shm", ".restoring", ".restoring-wal"):
        assert not office_db.with_name(office_db.name + leftover).exists(), leftover


def test_the_office_code_must_be_typed_for_another_offices_backup(
    office_db: Path, tmp_path: Path
) -> None:
    other_db = tmp_path / "other" / "office.sqlite"
    init_office(other_db, code="NGL-GRL", name="Kelurahan Gurun Laweh",
                kind=OfficeKind.KELURAHAN, admin_password="admin-rahasia")  # fmt: skip
    foreign = Path(make_backup(other_db, out=tmp_path / "grl.sqlite").path)
    plan = plan_restore(office_db, foreign)
    assert plan.live is LiveState.OTHER and plan.confirm_code == "NGL-GRL"
    before = live_state(office_db)
    with pytest.raises(ValidationError) as caught:
        restore_backup(office_db, foreign, SYSTEM)
    assert caught.value.code == "restore.office_required"
    assert "NGL-GRL" in describe(caught.value) and "NGL-KLO" in describe(caught.value)
    with pytest.raises(ValidationError) as caught:
        restore_backup(office_db, foreign, SYSTEM, office_code="NGL-KLO")
    assert caught.value.code == "restore.office_mismatch"
    assert_unchanged(office_db, before)
    assert list_backups(office_db) == []  # refused before the pre-restore backup
    restore_backup(office_db, foreign, SYSTEM, office_code="ngl-grl")
    assert _names(office_db) == ["Kelurahan Gurun Laweh"]


def test_same_office_missing_live_and_fresh_init_need_no_code(
    office_db: Path, tmp_path: Path
) -> None:
    saved = Path(make_backup(office_db, out=tmp_path / "saved.sqlite").path)
    plan = plan_restore(office_db, saved)
    assert plan.live is LiveState.SAME and plan.confirm_code is None and plan.note is None
    # A new PC: no database yet.
    new_pc = tmp_path / "baru" / "office.sqlite"
    new_pc.parent.mkdir()
    assert plan_restore(new_pc, saved).live is LiveState.MISSING
    result = restore_backup(new_pc, saved, SYSTEM)
    assert result.safety_backup == "" and _names(new_pc) == ["Kelurahan Kampung Olo"]
    # The same code set up again with `init` (a new uuid), nothing entered yet.
    fresh = tmp_path / "fresh" / "office.sqlite"
    init_office(fresh, code="NGL-KLO", name="Kelurahan Baru", kind=OfficeKind.KELURAHAN,
                admin_password="admin-rahasia")  # fmt: skip
    plan = plan_restore(fresh, saved)
    assert plan.live is LiveState.FRESH and plan.confirm_code is None
    assert describe_code(plan.note) == (
        "kode sama, identitas berbeda: cadangan ini menggantikan kantor yang baru dibuat"
    )
    result = restore_backup(fresh, saved, SYSTEM)
    assert result.note == "restore.fresh_replaced"
    assert _names(fresh) == ["Kelurahan Kampung Olo"]


def describe_code(code: str | None) -> str:
    from kinerja_desktop.domain.messages import text

    assert code is not None
    return text(code, "id")


def test_a_fresh_database_with_work_in_it_asks_for_the_code(
    office_db: Path, tmp_path: Path
) -> None:
    saved = Path(make_backup(office_db, out=tmp_path / "saved.sqlite").path)
    fresh = tmp_path / "fresh" / "office.sqlite"
    init_office(fresh, code="NGL-KLO", name="Kelurahan Baru", kind=OfficeKind.KELURAHAN,
                admin_password="admin-rahasia")  # fmt: skip
    from kinerja_desktop.services.admin.accounts import create_user
    from kinerja_desktop.services.common.database import Database

    with Database.open(fresh) as db:
        create_user(db, SYSTEM, username="siti", display_name="Siti", roles=["operator"],
                    password="rahasia-siti")  # fmt: skip
    assert plan_restore(fresh, saved).confirm_code == "NGL-KLO"


def test_stale_restoring_copy_is_removed_at_restore_and_start(office_db: Path) -> None:
    stale = restoring_path(office_db)
    stale.write_bytes(b"half a copy from a crash")
    saved = make_backup(office_db, reason="manual")
    restore_backup(office_db, Path(saved.path), SYSTEM)
    assert not stale.exists()
    stale.write_bytes(b"half a copy from a crash")
    auto_backup(office_db)
    assert stale.exists()  # young: it may belong to a restore running now
    old = (datetime.now(UTC) - timedelta(hours=2)).timestamp()
    os.utime(stale, (old, old))
    auto_backup(office_db, now=datetime.now(UTC) + timedelta(hours=5))
    assert not stale.exists()


def test_the_backup_restored_from_is_never_rotated_away(office_db: Path) -> None:
    from kinerja_desktop.storage.backup import backup_database, backup_dir_for

    folder = backup_dir_for(office_db)
    old = datetime.now(UTC) - timedelta(days=400)
    # Two backups past every rotation bucket, and ten recent ones: rotation deletes the old.
    chosen, other_old = (
        backup_database(office_db, keep=None, now=old + timedelta(hours=h), folder=folder)
        for h in (0, 1)
    )
    for minutes in range(10):
        backup_database(office_db, keep=None, folder=folder,
                        now=datetime.now(UTC) - timedelta(minutes=60 - minutes))  # fmt: skip
    result = restore_backup(office_db, chosen, SYSTEM)
    assert chosen.exists()  # the file restored from survives the rotation after the restore
    assert not other_old.exists()  # which did run
    remaining = {b.path for b in list_backups(office_db)}
    assert str(chosen) in remaining and result.safety_backup in remaining


def test_a_reader_holding_the_file_stops_the_restore_and_says_so(office_db: Path) -> None:
    saved = make_backup(office_db, reason="manual")
    con = sqlite3.connect(office_db)
    con.execute("PRAGMA journal_mode=WAL")
    with con:
        con.execute("UPDATE offices SET name = 'Sesudah cadangan'")
    con.execute("BEGIN")
    con.execute("SELECT count(*) FROM offices").fetchone()  # a read snapshot held open
    other = sqlite3.connect(office_db)
    with other:
        other.execute("UPDATE offices SET name = 'Ditulis program lain'")
    other.close()
    try:
        with pytest.raises(ConflictError) as caught:
            restore_backup(office_db, Path(saved.path), SYSTEM)
    finally:
        con.rollback()
        con.close()
    assert caught.value.code == "restore.busy"
    message = describe(caught.value)
    # Something was made (the pre-restore backup), and the message says so.
    assert "tidak diganti" in message and "dicadangkan di" in message
    safety = [b for b in list_backups(office_db) if b.reason == "pre-restore"]
    assert len(safety) == 1 and safety[0].path in message
    assert _names(office_db) == ["Ditulis program lain"]
    assert not restoring_path(office_db).exists()


def test_a_replace_that_keeps_failing_names_the_file(
    office_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kinerja_desktop.storage.file_ops as file_ops

    saved = make_backup(office_db, reason="manual")
    before = live_state(office_db)
    calls: list[tuple[object, object]] = []

    def held(source: object, target: object) -> None:
        calls.append((source, target))
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(file_ops.os, "replace", held)
    monkeypatch.setattr(file_ops, "RETRY_DELAY_S", 0)
    monkeypatch.setattr(file_ops.time, "sleep", lambda _s: None)
    with pytest.raises(ConflictError) as caught:
        restore_backup(office_db, Path(saved.path), SYSTEM)
    monkeypatch.undo()
    assert caught.value.code == "restore.file_held"
    assert len(calls) == file_ops.RETRIES
    message = describe(caught.value)
    assert str(office_db) in message and "tutup program itu" in message
    assert_unchanged(office_db, before)


def test_an_idle_connection_of_another_program_also_stops_the_restore(office_db: Path) -> None:
    # A second window that still has the file open, doing nothing: replacing the file under
    # it would send its next writes into the old, unlinked file.
    saved = make_backup(office_db, reason="manual")
    idle = sqlite3.connect(office_db)
    idle.execute("SELECT count(*) FROM offices").fetchone()
    try:
        with pytest.raises(ConflictError) as caught:
            restore_backup(office_db, Path(saved.path), SYSTEM)
    finally:
        idle.close()
    assert caught.value.code == "restore.busy"
    assert not restoring_path(office_db).exists()


def test_a_damaged_live_file_is_kept_aside_and_needs_no_code(
    office_db: Path, tmp_path: Path
) -> None:
    saved = Path(make_backup(office_db, out=tmp_path / "saved.sqlite").path)
    damaged = damaged_copy(office_db, tmp_path / "rusak-sumber.sqlite").read_bytes()
    office_db.write_bytes(damaged)
    plan = plan_restore(office_db, saved)
    assert plan.live is LiveState.DAMAGED and plan.confirm_code is None
    result = restore_backup(office_db, saved, SYSTEM)
    kept = Path(result.damaged_kept_as)
    assert kept.name.startswith("office-rusak-") and kept.read_bytes() == damaged
    assert _names(office_db) == ["Kelurahan Kampung Olo"]
    con = sqlite3.connect(office_db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()


def test_a_backup_of_an_older_schema_is_brought_up_to_date_in_the_copy(tmp_path: Path) -> None:
    from kinerja_desktop.storage.migrate import head_revision

    fixture = Path(__file__).resolve().parents[2] / "fixtures" / "schema_0001.sqlite"
    old_backup = tmp_path / "lama.sqlite"
    old_backup.write_bytes(fixture.read_bytes())
    target = tmp_path / "pc-baru" / "kinerja.sqlite"
    result = restore_backup(target, old_backup, SYSTEM)
    assert result.revision == head_revision()
    assert old_backup.read_bytes() == fixture.read_bytes()  # the chosen file is only read
    con = sqlite3.connect(target)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (
            head_revision(),
        )
        assert con.execute("SELECT code FROM offices").fetchall() == [("NGL-GRL",)]
        assert con.execute("SELECT count(*) FROM audit_entries WHERE action='restore'"
                           ).fetchone() == (1,)  # fmt: skip
    finally:
        con.close()
