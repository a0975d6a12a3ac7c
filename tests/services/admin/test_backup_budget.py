"""The size budget of the backups folder (issue 16.8): same-day extras first, then import
slots older than a week; never the newest copy of a retention slot nor a file being restored;
a warning when the kept copies alone are over."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.messages import text
from kinerja_desktop.services.admin.backup_budget import apply_backup_budget, import_slots
from kinerja_desktop.services.admin.backups import list_backups, make_backup
from kinerja_desktop.services.admin.settings import (
    MB,
    AppSettings,
    backup_budget_for_path,
    load_settings,
    save_settings,
)
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.storage.backup import STAMP_FORMAT

pytestmark = pytest.mark.sqlite_only("the size budget of the SQLite backups folder")

NOW = datetime(2026, 6, 15, 18, 0, tzinfo=UTC)
SIZE = 1000  # bytes per fake backup


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database name whose backups the tests lay out by hand (the file itself is absent:
    the budget then reads no setting and takes the default folder)."""
    return tmp_path / "kantor.sqlite"


def backup(db_path: Path, when: datetime, reason: str = "start", size: int = SIZE) -> Path:
    folder = db_path.parent / "backups"
    folder.mkdir(exist_ok=True)
    path = folder / f"{db_path.stem}-{when.strftime(STAMP_FORMAT)}-{reason}.sqlite"
    path.write_bytes(b"x" * size)
    return path


def slot(db_path: Path, partner: str, age: timedelta, size: int = SIZE) -> Path:
    path = db_path.parent / "backups" / "import" / f"{db_path.stem}-sync-import-{partner}.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"s" * size)
    stamp = (NOW - age).timestamp()
    os.utime(path, (stamp, stamp))
    return path


def at(hour: int, days_ago: int = 0) -> datetime:
    return NOW.replace(hour=hour) - timedelta(days=days_ago)


def test_no_budget_removes_nothing(db_path: Path) -> None:
    files = [backup(db_path, at(h)) for h in (8, 9, 10)]
    assert apply_backup_budget(db_path, budget=0, now=NOW) is None
    assert apply_backup_budget(db_path, now=NOW) is None  # none set: the default
    assert all(path.exists() for path in files)


def test_same_day_extras_go_first_oldest_first_and_only_as_many_as_needed(db_path: Path) -> None:
    early, mid, late, newest = (backup(db_path, at(h)) for h in (8, 10, 12, 14))
    yesterday = backup(db_path, at(14, days_ago=1))
    report = apply_backup_budget(db_path, budget=3 * SIZE, now=NOW)
    assert report is not None
    assert report.removed == (str(early), str(mid))
    assert report.used == 3 * SIZE and not report.over
    assert late.exists() and newest.exists() and yesterday.exists()


def test_old_import_slots_go_after_the_extras_and_young_ones_stay(db_path: Path) -> None:
    extra = backup(db_path, at(9))
    newest = backup(db_path, at(15))
    ancient = slot(db_path, "NGL-SRG", timedelta(days=30))
    old = slot(db_path, "NGL-KPL", timedelta(days=8))
    young = slot(db_path, "NGL-TBG", timedelta(days=6))
    report = apply_backup_budget(db_path, budget=3 * SIZE, now=NOW)
    assert report is not None
    # The extra goes first even though the slots are older; then the oldest slot first.
    assert report.removed == (str(extra), str(ancient))
    assert old.exists() and young.exists() and newest.exists()
    assert sorted(import_slots(db_path)) == sorted([old.resolve(), young.resolve()])
    # Tighter still: the last old slot goes, the young one never does.
    report = apply_backup_budget(db_path, budget=SIZE, now=NOW)
    assert report is not None and report.removed == (str(old.resolve()),)
    assert young.exists() and newest.exists()
    assert report.over and report.used == 2 * SIZE


def test_the_newest_copy_of_each_retention_slot_is_never_removed_and_it_warns(
    db_path: Path,
) -> None:
    # One backup a day for a week, one a week before: each is its slot's newest copy.
    kept = [backup(db_path, at(12, days_ago=d)) for d in (0, 1, 2, 3, 4, 5, 6, 14, 21, 60)]
    report = apply_backup_budget(db_path, budget=2 * SIZE, now=NOW)
    assert report is not None and report.removed == ()
    assert all(path.exists() for path in kept)
    assert report.over and report.used == len(kept) * SIZE
    warning = text("backup.over_budget", "id", used=report.used_mb, budget=report.budget_mb)
    assert "melebihi batas" in warning and "tidak dihapus" in warning


def test_a_file_being_restored_is_never_removed(db_path: Path) -> None:
    restoring = backup(db_path, at(8))
    other = backup(db_path, at(9))
    newest = backup(db_path, at(10))
    report = apply_backup_budget(db_path, budget=SIZE, now=NOW, protect=frozenset({restoring}))
    assert report is not None and report.removed == (str(other),)
    assert restoring.exists() and newest.exists()
    assert report.over


def test_files_not_named_by_the_app_are_never_removed(db_path: Path) -> None:
    hand = db_path.parent / "backups" / "salinan-pak-budi.sqlite"
    backup(db_path, at(8))
    hand.write_bytes(b"h" * SIZE)
    backup(db_path, at(9))
    # Another database's old import slot in the same folder is not this one's to remove.
    other = db_path.parent / "backups" / "import" / "lain-sync-import-NGL.sqlite"
    other.parent.mkdir()
    other.write_bytes(b"o" * SIZE)
    stamp = (NOW - timedelta(days=30)).timestamp()
    os.utime(other, (stamp, stamp))
    apply_backup_budget(db_path, budget=1, now=NOW)
    assert hand.exists() and other.exists()


# -- the setting, and the budget applied by every backup ------------------------------------


def test_the_budget_is_a_setting_in_megabytes(demo_copy: Path) -> None:
    assert AppSettings().backup_budget_mb == 0
    with pytest.raises(ValidationError) as refused:
        AppSettings(backup_budget_mb=-1)
    assert refused.value.code == "settings.backup_budget"
    with Database.open(demo_copy) as db:
        save_settings(db, SYSTEM, replace(load_settings(db), backup_budget_mb=250))
        assert load_settings(db).backup_budget_mb == 250
    assert backup_budget_for_path(demo_copy) == 250 * MB


def test_make_backup_applies_the_budget_and_reports_it(demo_copy: Path) -> None:
    with Database.open(demo_copy) as db:
        save_settings(db, SYSTEM, replace(load_settings(db), backup_budget_mb=1))
    day = datetime(2026, 6, 15, 8, 0, tzinfo=UTC)
    first = make_backup(demo_copy, now=day)
    assert first.budget is not None and first.budget.removed == ()
    second = make_backup(demo_copy, now=day + timedelta(hours=2))
    # The first is an extra copy of the same day: it goes; the new one is the newest of all.
    assert second.budget is not None and second.budget.removed == (first.path,)
    assert [b.path for b in list_backups(demo_copy)] == [second.path]
    # The demo file alone is larger than 1 MB: the kept copy exceeds the budget, so it warns.
    assert second.size > MB and second.budget.over


def test_two_backups_of_the_same_second_keep_the_one_written_last(db_path: Path) -> None:
    first = backup(db_path, at(9))
    second = first.with_name(first.stem + "-2.sqlite")
    second.write_bytes(b"x" * SIZE)
    os.utime(first, ns=(1, 1_000))
    os.utime(second, ns=(1, 2_000))
    report = apply_backup_budget(db_path, budget=SIZE, now=NOW)
    assert report is not None and report.removed == (str(first),)
    assert second.exists() and not report.over


def test_a_restore_applies_the_budget_but_keeps_the_file_it_restored_from(demo_copy: Path) -> None:
    from kinerja_desktop.services.admin.restore import restore_backup

    today = datetime.now(UTC).replace(hour=0, minute=0, second=1, microsecond=0)
    chosen = make_backup(demo_copy, now=today)
    other = make_backup(demo_copy, now=today + timedelta(seconds=1))
    with Database.open(demo_copy) as db:
        save_settings(db, SYSTEM, replace(load_settings(db), backup_budget_mb=1))
    result = restore_backup(demo_copy, Path(chosen.path), SYSTEM)
    # Three copies of today now (with the pre-restore one): the two older are extras, but
    # the one restored from stays.
    assert Path(chosen.path).exists() and Path(result.safety_backup).exists()
    assert not Path(other.path).exists()
