"""The copy before a sync import: one rotating slot per partner, outside the retention, and
restorable like any backup (issue 16, item 5)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kinerja_desktop.services.admin.backups import auto_backup, list_backups, make_backup
from kinerja_desktop.services.admin.import_slots import import_slot_path
from kinerja_desktop.services.admin.restore import restore_backup
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.storage.backup import backup_dir_for, rotate_backups
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, sql

# On a server no copy is taken before an import (a pg_dump slot is not built yet).
pytestmark = pytest.mark.sqlite_only("the import slots are SQLite copies of the database file")

MARK = "SELECT count(*) FROM external_penilai WHERE name = 'Baru'"


def _send(pair: Pair, name: str) -> None:
    with pair.open("grl") as db:
        sent = export_package(db, SYSTEM, pair.folder / name, to="NGL")
    with pair.open("ngl") as db:
        import_package(db, SYSTEM, Path(sent.path))


def test_one_slot_per_partner_replaced_by_each_import_and_restorable(pair: Pair) -> None:
    slot = import_slot_path(pair.ngl, "NGL-GRL")
    assert slot.parent == backup_dir_for(pair.ngl) / "import"
    _send(pair, "first")
    assert slot.is_file()
    sql(pair.grl, "INSERT INTO external_penilai (name, nip, grade, jabatan, instansi, acting, "
        "uuid, version, updated_at, updated_by, origin_office) VALUES ('Baru', '', '', 'Sekda', "
        "'', 'none', '11111111-2222-4333-8444-555555555555', 1, '2026-05-01 00:00:00', 'x', "
        "'NGL-GRL')")  # fmt: skip
    _send(pair, "second")
    assert sql(pair.ngl, MARK) == [(1,)]
    # Still one copy for the partner: the state before the second package, a real SQLite file.
    assert sorted(p.name for p in slot.parent.iterdir()) == [slot.name]
    copy = sqlite3.connect(slot)
    try:
        assert copy.execute(MARK).fetchall() == [(0,)]
        assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        copy.close()

    # Listed for the restore, never taken for the start backup, never rotated away.
    listed = [b for b in list_backups(pair.ngl) if b.path == str(slot)]
    assert [b.reason for b in listed] == ["sync-import"]
    assert auto_backup(pair.ngl) is not None
    start = datetime.now(UTC)
    for minute in range(1, 13):
        make_backup(pair.ngl, reason="manual", now=start + timedelta(minutes=minute))
    rotate_backups(backup_dir_for(pair.ngl), pair.ngl.stem, keep=1)
    assert slot.is_file()

    restore_backup(pair.ngl, slot, SYSTEM)
    assert sql(pair.ngl, MARK) == [(0,)]


def test_an_import_applies_the_backup_budget_to_old_slots_but_never_its_own(pair: Pair) -> None:
    import os

    from kinerja_desktop.services.admin.settings import load_settings, save_settings

    stale = import_slot_path(pair.ngl, "NGL-KLP")  # another partner's slot, 30 days old
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"s" * 4096)
    old = (datetime.now(UTC) - timedelta(days=30)).timestamp()
    os.utime(stale, (old, old))
    with pair.open("ngl") as db:
        save_settings(db, SYSTEM, replace(load_settings(db), backup_budget_mb=1))
    _send(pair, "first")
    own = import_slot_path(pair.ngl, "NGL-GRL")
    assert own.is_file() and not stale.exists()
