"""Opening a file that can only be read (issue 13, point 7), through the engine factory.

The tests run as root on these machines, and root may write any folder whatever its mode, so
an unwritable folder is simulated by replacing ``engine.folder_writable`` (the one probe every
opener asks). Where ``chmod`` does bite (not root), one test also uses a real read-only folder.
``mode=ro`` and ``immutable=1`` themselves are real: SQLite refuses the write even for root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.services.common.database import Database
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
    for suffixes in (("-wal", "-shm"), ("-journal",)):
        made = [demo_copy.with_name(demo_copy.name + suffix) for suffix in suffixes]
        for companion in made:
            companion.write_bytes(b"")
        assert plan_opening(demo_copy, read_only=True).uri.endswith("?mode=ro")
        for companion in made:
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


def test_a_wal_without_its_shm_in_an_unwritable_folder_is_explained(demo_copy: Path, unwritable):
    wal = demo_copy.with_name("demo.sqlite-wal")
    wal.write_bytes(b"\x37\x7f\x06\x82" + bytes(28))  # a -wal the owner left behind
    with pytest.raises(DatabaseError) as caught:
        Database.open(demo_copy)
    assert caught.value.code == "db.read_only_pending"
    assert caught.value.params["companion"] == "demo.sqlite-wal"
    demo_copy.with_name("demo.sqlite-shm").write_bytes(bytes(32768))  # with its -shm it reads
    assert not plan_opening(demo_copy, read_only=True).immutable


# A real folder SQLite cannot write. As root, chmod does not bite; in a user namespace
# (``unshare --user``) root's override of file modes does not apply to files of the outer
# root, so the same check runs there for real.
_REAL_CHECK = """
import os, sys
from pathlib import Path
from sqlalchemy import text
from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.services.common.database import Database
folder = Path(sys.argv[1])
with Database.open(folder / "demo.sqlite") as db:
    assert db.read_only and db.read_only_reason == "folder", db
    with db.uow() as uow:
        assert uow.session.execute(text("SELECT count(*) FROM employees")).scalar() > 0
        try:
            uow.session.execute(text("DELETE FROM employees"))
        except DatabaseError as err:
            assert err.code == "db.read_only_write"
        else:
            raise AssertionError("a write went through")
try:
    Database.open(folder / "old.sqlite")
except DatabaseError as err:
    assert err.code == "db.read_only_old_schema", err.code
else:
    raise AssertionError("an old schema opened")
assert sorted(os.listdir(folder)) == ["demo.sqlite", "old.sqlite"], os.listdir(folder)
print("ok")
"""


def _can_write(folder: Path) -> bool:
    probe = folder / "probe"
    try:
        probe.write_bytes(b"")
    except PermissionError:
        return False
    probe.unlink()
    return True


def test_a_real_read_only_folder_opens_read_only(tmp_path: Path, demo_db_path: Path) -> None:
    folder = tmp_path / "cd"
    folder.mkdir()
    shutil.copy(demo_db_path, folder / "demo.sqlite")
    shutil.copy(
        Path(__file__).parent.parent / "fixtures" / "schema_0001.sqlite", folder / "old.sqlite"
    )
    folder.chmod(0o555)
    try:
        command = [sys.executable, "-c", _REAL_CHECK, str(folder)]
        if _can_write(folder):  # root
            unshare = shutil.which("unshare")
            if unshare is None or subprocess.run([unshare, "--user", "true"]).returncode != 0:
                pytest.skip("root, and no user namespace to drop root's file override")
            command = [unshare, "--user", *command]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
    finally:
        folder.chmod(0o755)
