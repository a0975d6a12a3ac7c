"""Opening a file that can only be read (issue 13, point 7), through the engine factory.

The tests run as root on these machines, and root may write any folder whatever its mode, so
an unwritable folder is simulated by replacing ``engine.folder_writable`` (the one probe every
opener asks). Where ``chmod`` does bite (not root), one test also uses a real read-only folder.
``mode=ro`` and ``immutable=1`` themselves are real: SQLite refuses the write even for root.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.services.database import Database
from kinerja_desktop.storage import engine as sqlite_engine
from kinerja_desktop.storage.engine import create_db_engine, plan_opening


@pytest.fixture
def unwritable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_engine, "folder_writable", lambda folder: False)


def test_mode_ro_without_immutable_where_the_folder_is_writable(demo_copy: Path) -> None:
    opening = plan_opening(demo_copy, read_only=True)
    assert opening.uri.endswith("?mode=ro")
    assert not opening.immutable


def test_immutable_only_in_an_unwritable_folder_without_a_wal(demo_copy: Path, unwritable) -> None:
    assert plan_opening(demo_copy, read_only=True).uri.endswith("?mode=ro&immutable=1")
    assert not plan_opening(demo_copy).immutable  # a writable open is never immutable
    for suffix in ("-wal", "-journal"):
        companion = demo_copy.with_name(demo_copy.name + suffix)
        companion.write_bytes(b"")
        assert plan_opening(demo_copy, read_only=True).uri.endswith("?mode=ro")
        companion.unlink()


def test_a_read_only_open_reads_refuses_writes_and_leaves_the_folder_alone(
    demo_copy: Path, unwritable
) -> None:
    listing = sorted(os.listdir(demo_copy.parent))
    before = demo_copy.read_bytes()
    engine = create_db_engine(demo_copy, read_only=True)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM employees")).scalar() > 0
            with pytest.raises(DatabaseError) as caught:
                conn.execute(text("DELETE FROM employees"))
            assert caught.value.code == "db.read_only_write"
            # immutable: no -shm, no lock byte; nothing appears beside the file
            assert sorted(os.listdir(demo_copy.parent)) == listing
    finally:
        engine.dispose()
    assert sorted(os.listdir(demo_copy.parent)) == listing
    assert demo_copy.read_bytes() == before


def _chmod_bites(folder: Path) -> bool:
    probe = folder / "probe"
    try:
        probe.write_bytes(b"")
    except PermissionError:
        return True
    probe.unlink()
    return False


def test_a_real_read_only_folder_opens_read_only(tmp_path: Path, demo_db_path: Path) -> None:
    folder = tmp_path / "cd"
    folder.mkdir()
    path = folder / "demo.sqlite"
    shutil.copy(demo_db_path, path)
    folder.chmod(0o555)
    try:
        if not _chmod_bites(folder):
            pytest.skip("running as root: folder modes do not bite (the probe is patched above)")
        with Database.open(path) as db:
            assert db.read_only and db.read_only_reason == "folder"
            with db.uow() as uow:
                assert uow.session.execute(text("SELECT count(*) FROM employees")).scalar() > 0
        assert sorted(os.listdir(folder)) == ["demo.sqlite"]
    finally:
        folder.chmod(0o755)
