"""Safe start-up services: quick check, the damaged file kept aside, one writer per file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.admin.backups import make_backup
from kinerja_desktop.services.admin.startup_check import (
    acquire_writer,
    check_before_use,
    check_in_background,
    is_read_only,
    newest_good_backup,
    open_read_only,
    quick_check,
    restore_damaged,
)
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.storage.instance_lock import who_am_i


def damage(path: Path) -> None:
    """Overwrite pages in the middle of a SQLite file, keeping its header (a bad sector)."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(4096 * 2)
        handle.write(b"\xff" * min(4096 * 20, size - 4096 * 3))


def employee_count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM employees").fetchone()[0]
    finally:
        con.close()


@pytest.mark.sqlite_only("PRAGMA quick_check of the SQLite file")
def test_quick_check_passes_a_good_file_and_fails_damaged_ones(demo_copy: Path, tmp_path):
    assert quick_check(demo_copy)
    damage(demo_copy)
    assert not quick_check(demo_copy)
    garbage = tmp_path / "bukan.sqlite"
    garbage.write_bytes(b"bukan database" * 100)
    with pytest.raises(DatabaseError) as caught:
        quick_check(garbage)  # not SQLite: "not a Kinerja database", never "damaged"
    assert caught.value.code == "db.not_kinerja"
    with pytest.raises(DatabaseError) as caught:
        quick_check(tmp_path / "tidak-ada.sqlite")
    assert caught.value.code == "db.missing"


@pytest.mark.sqlite_only("file backups of the SQLite file")
def test_newest_good_backup_skips_a_damaged_one(demo_copy: Path):
    now = datetime.now(UTC)
    older = make_backup(demo_copy, reason="manual", now=now - timedelta(hours=2))
    newer = make_backup(demo_copy, reason="manual", now=now - timedelta(hours=1))
    damage(Path(newer.path))
    found = newest_good_backup(demo_copy)
    assert found is not None and found.path == older.path


@pytest.mark.sqlite_only("sets the damaged SQLite file aside")
def test_restore_damaged_keeps_the_damaged_file_aside(demo_copy: Path):
    before = employee_count(demo_copy)
    saved = make_backup(demo_copy, reason="manual")
    damage(demo_copy)
    damaged_bytes = demo_copy.read_bytes()
    wal = demo_copy.with_name(demo_copy.name + "-wal")
    wal.write_bytes(b"stale wal of the damaged file")
    result = restore_damaged(demo_copy, Path(saved.path), SYSTEM)
    kept = Path(result.damaged_kept_as)
    assert kept.read_bytes() == damaged_bytes  # never deleted, unchanged
    assert kept.name.startswith("demo-rusak-") and kept.suffix == ".sqlite"
    assert Path(str(kept) + "-wal").read_bytes() == b"stale wal of the damaged file"
    assert quick_check(demo_copy)
    assert employee_count(demo_copy) == before


@pytest.mark.sqlite_only("the instance lock file beside the SQLite file")
def test_second_writer_learns_who_holds_the_file(demo_copy: Path):
    first, holder = acquire_writer(demo_copy)
    assert first is not None and holder is None
    try:
        second, holder = acquire_writer(demo_copy)
        assert second is None and holder is not None
        user, _, computer = who_am_i().partition("@")
        assert (holder.user, holder.computer) == (user, computer)
        assert holder.since is not None and abs(datetime.now(UTC) - holder.since) < timedelta(
            minutes=5
        )
    finally:
        first.release()
    again, _ = acquire_writer(demo_copy)
    assert again is not None
    again.release()


@pytest.mark.sqlite_only("opens the SQLite file with mode=ro and compares its bytes")
def test_read_only_database_reads_but_never_writes(demo_copy: Path):
    before = demo_copy.read_bytes()
    db = open_read_only(demo_copy)
    try:
        assert is_read_only(db)
        with db.uow() as uow:
            assert uow.session.execute(text("SELECT count(*) FROM employees")).scalar() > 0
            with pytest.raises(DatabaseError) as caught:
                uow.session.execute(text("DELETE FROM employees"))
            assert caught.value.code == "db.read_only_write"  # worded, not SQLite's text
    finally:
        db.close()
    assert demo_copy.read_bytes() == before


@pytest.mark.sqlite_only("compares the SQLite file's bytes before and after")
def test_check_command_reports_register_problems_without_writing(demo_copy: Path):
    from kinerja_desktop.services.admin.check import check_database

    clean = check_database(demo_copy)
    assert clean.ok
    con = sqlite3.connect(demo_copy)
    with con:
        uuid, name = con.execute(
            "SELECT e.uuid, e.name FROM employees e JOIN assignments a ON a.employee_id = e.id"
            " WHERE a.end_date IS NULL AND a.atasan_id IS NOT NULL AND e.active = 1 LIMIT 1"
        ).fetchone()
        con.execute(
            "UPDATE assignments SET atasan_id = NULL WHERE employee_id ="
            " (SELECT id FROM employees WHERE uuid = ?)",
            (uuid,),
        )
    con.close()
    before = demo_copy.read_bytes()
    result = check_database(demo_copy)
    assert result.ok  # register problems do not make the file unhealthy
    added = set(result.problems) - set(clean.problems)
    assert len(added) == 1 and name in added.pop()
    assert demo_copy.read_bytes() == before


# -- what is really wrong, and read-only where that is all that is possible (issue 13.7) ------
# Root writes any folder, so "cannot write here" is simulated through the one probe the
# openers ask (storage.engine.folder_writable / file_writable); mode=ro itself is real.

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture
def unwritable_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    from kinerja_desktop.storage import engine

    monkeypatch.setattr(engine, "folder_writable", lambda folder: False)


def foreign_sqlite(path: Path) -> Path:
    """A SQLite file of another program (an address book)."""
    con = sqlite3.connect(path)
    with con:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        con.execute("INSERT INTO contacts VALUES ('Ani', '0812')")
    con.close()
    return path


@pytest.mark.sqlite_only("the SQLite file header check")
def test_a_file_of_another_program_is_not_kinerja_and_nothing_is_left(tmp_path: Path):
    from kinerja_desktop.services.admin.startup_check import inspect_file
    from kinerja_desktop.services.common.database import Database

    other = foreign_sqlite(tmp_path / "alamat.sqlite")
    text_file = tmp_path / "catatan.sqlite"
    text_file.write_text("bukan database", encoding="utf-8")
    listing = sorted(p.name for p in tmp_path.iterdir())
    before = {p: p.read_bytes() for p in (other, text_file)}
    for path in (other, text_file):
        for attempt in (inspect_file, quick_check, Database.open, open_read_only):
            with pytest.raises(DatabaseError) as caught:
                attempt(path)
            assert caught.value.code == "db.not_kinerja", attempt
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no .lock, -wal, rename
    assert {p: p.read_bytes() for p in (other, text_file)} == before
    assert "bukan database Kinerja" in describe(caught.value)
    assert "rusak" not in describe(caught.value)


@pytest.mark.sqlite_only("damages the SQLite file")
def test_only_a_damaged_kinerja_database_is_damaged(demo_copy: Path):
    from kinerja_desktop.services.admin.startup_check import inspect_file

    damage(demo_copy)
    assert inspect_file(demo_copy).read_only_reason is None  # classified without a lock file
    assert not quick_check(demo_copy)
    assert not demo_copy.with_name(demo_copy.name + ".lock").exists()


@pytest.mark.sqlite_only("the folder of the SQLite file")
def test_an_unwritable_folder_opens_read_only_with_its_reason(demo_copy: Path, unwritable_folder):
    from kinerja_desktop.services.admin.startup_check import inspect_file
    from kinerja_desktop.services.common.database import Database, read_only_reason

    before = demo_copy.read_bytes()
    listing = sorted(p.name for p in demo_copy.parent.iterdir())
    assert inspect_file(demo_copy).read_only_reason == "folder"
    assert read_only_reason(demo_copy) == "folder"
    with Database.open(demo_copy) as db:
        assert db.read_only and is_read_only(db) and db.read_only_reason == "folder"
        worded = db.read_only_text()
        assert worded is not None and "tidak dapat ditulisi" in worded
        assert str(demo_copy.parent) in worded
        with db.uow() as uow:
            assert uow.session.execute(text("SELECT count(*) FROM employees")).scalar() > 0
            with pytest.raises(DatabaseError) as caught:
                uow.session.execute(text("UPDATE employees SET name = 'x'"))
        assert caught.value.code == "db.read_only_write"
    assert demo_copy.read_bytes() == before
    assert sorted(p.name for p in demo_copy.parent.iterdir()) == listing  # no backups/, no .lock


@pytest.mark.sqlite_only("the SQLite file's permissions")
def test_a_read_only_file_opens_read_only(demo_copy: Path, monkeypatch):
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.storage import engine

    monkeypatch.setattr(engine, "file_writable", lambda path: False)
    with Database.open(demo_copy) as db:
        assert db.read_only and db.read_only_reason == "file"
        assert "ditandai hanya baca" in (db.read_only_text() or "")
    # mode=ro in a writable folder makes a -wal/-shm; closing removes what it made.
    assert sorted(p.name for p in demo_copy.parent.iterdir()) == ["demo.sqlite"]


@pytest.mark.sqlite_only("a read-only SQLite file of an older schema")
def test_an_older_schema_that_cannot_be_written_is_refused_not_migrated(
    tmp_path: Path, unwritable_folder
):
    import shutil

    from kinerja_desktop.services.common.database import Database

    old = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "schema_0001.sqlite", old)
    before = old.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        Database.open(old)
    assert caught.value.code == "db.read_only_old_schema"
    assert "salin berkas ini ke folder yang bisa ditulis agar diperbarui" in describe(caught.value)
    assert old.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lama.sqlite"]  # no backup, no lock
    # Reading it as it is (check, migrate=False) is still allowed.
    with Database.open(old, migrate=False) as db:
        assert db.read_only and db.revision


# -- when the full check runs (issue 16.2) ------------------------------------------------------


class _Lock:
    def __init__(self, clean: bool | None, checked: datetime | None) -> None:
        self.last_exit_clean = clean
        self.last_full_check = checked


_NOW = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("clean", "checked", "first"),
    [
        (True, _NOW - timedelta(days=1), False),
        (True, _NOW - timedelta(days=6, hours=23), False),
        (True, _NOW - timedelta(days=7), True),  # a week old: before use
        (True, _NOW - timedelta(days=40), True),
        (True, None, True),  # never checked
        (True, _NOW + timedelta(days=3), True),  # stamped in the future: a clock set back
        (False, _NOW - timedelta(days=1), True),  # the last session did not close cleanly
        (None, _NOW - timedelta(days=1), True),  # no earlier session known
    ],
)
def test_check_before_use_follows_the_clean_exit_and_the_seven_day_rule(clean, checked, first):
    assert check_before_use(_Lock(clean, checked), now=_NOW) is first  # type: ignore[arg-type]


def test_check_before_use_without_a_lock_checks_first():
    assert check_before_use(None, now=_NOW) is True


@pytest.mark.sqlite_only("quick_check and file backups of the SQLite file")
def test_the_background_check_names_the_backup_to_offer(demo_copy: Path, monkeypatch):
    from kinerja_desktop.services.admin import startup_check

    assert check_in_background(demo_copy).ok is True
    made = make_backup(demo_copy, reason="manual")
    monkeypatch.setattr(startup_check, "quick_check", lambda path: False)
    report = check_in_background(demo_copy)
    assert report.ok is False and report.good_backup is not None
    assert report.good_backup.path == made.path


def test_the_status_bar_info_skips_the_record_counts(demo_db) -> None:
    from kinerja_desktop.services.common import database_info

    full = database_info(demo_db)
    light = database_info(demo_db, counts=False)
    assert full.counts["employees"] > 0 and light.counts == {}
    assert (light.home_office, light.is_demo, light.revision) == (
        full.home_office,
        full.is_demo,
        full.revision,
    )
