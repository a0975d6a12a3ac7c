"""A second copy of the app on the same file learns who holds it, on Linux and on Windows."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja_desktop.services.admin.startup_check import WriterLock
from kinerja_desktop.storage import instance_lock
from kinerja_desktop.storage.instance_lock import LOCK_OFFSET, InstanceLock, who_am_i
from tests.storage import fake_msvcrt


def test_second_lock_fails_and_names_holder(tmp_path: Path) -> None:
    db = tmp_path / "kantor.sqlite"
    first = InstanceLock(db)
    assert first.acquire()
    second = InstanceLock(db)
    assert not second.acquire()
    assert second.holder()["holder"] == who_am_i()
    first.release()
    assert second.acquire()
    second.release()


def test_lock_of_a_killed_process_is_free(tmp_path: Path) -> None:
    db = tmp_path / "kantor.sqlite"
    code = (
        "import sys, time; from pathlib import Path;"
        "from kinerja_desktop.storage.instance_lock import InstanceLock;"
        f"lock = InstanceLock(Path({str(db)!r})); assert lock.acquire();"
        "print('held', flush=True); time.sleep(60)"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        assert not InstanceLock(db).acquire()
    finally:
        child.kill()
        child.wait()
    lock = InstanceLock(db)
    assert lock.acquire()  # the OS dropped the dead holder's lock; the stale file is harmless
    assert lock.last_exit_clean is False  # the killed holder never wrote "clean"
    lock.release()


def test_a_normal_release_marks_the_exit_clean(tmp_path: Path) -> None:
    db = tmp_path / "kantor.sqlite"
    first = InstanceLock(db)
    assert first.acquire()
    assert first.last_exit_clean is None  # first run: no earlier holder
    assert "clean" not in json.loads(first.path.read_text(encoding="utf-8"))
    first.release()
    text = json.loads(first.path.read_text(encoding="utf-8"))
    assert text["clean"] is True and text["holder"] == who_am_i()
    again = InstanceLock(db)
    assert again.acquire()
    assert again.last_exit_clean is True
    assert "clean" not in json.loads(again.path.read_text(encoding="utf-8"))
    again.release()


def test_a_folder_without_a_lock_file_is_refused_without_an_exception(tmp_path: Path) -> None:
    lock = InstanceLock(tmp_path / "no-such-folder" / "kantor.sqlite")
    assert lock.acquire() is False
    assert isinstance(lock.error, OSError)
    assert lock.holder() == {}


# -- the Windows branch, with msvcrt's mandatory per-handle locks simulated ----------------------


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> fake_msvcrt.LockTable:
    table = fake_msvcrt.install(monkeypatch, tmp_path)
    monkeypatch.setattr(instance_lock, "_WINDOWS", True)
    return table


def _as(monkeypatch: pytest.MonkeyPatch, user_at_pc: str, pid: int) -> None:
    monkeypatch.setattr(instance_lock, "who_am_i", lambda: user_at_pc)
    monkeypatch.setattr(instance_lock, "_pid", lambda: pid)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("siti@PC-KELURAHAN", 7), ("administrator.kelurahan@PC-KELURAHAN-LANTAI-2", 123456)),
        (("administrator.kelurahan@PC-KELURAHAN-LANTAI-2", 123456), ("siti@PC-1", 7)),
    ],
)
@pytest.mark.parametrize("first_run", [True, False])
def test_windows_second_copy_is_kept_out_and_told_who_holds_it(
    windows: fake_msvcrt.LockTable,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    first: tuple[str, int],
    second: tuple[str, int],
    first_run: bool,
) -> None:
    db = tmp_path / "kantor.sqlite"
    if not first_run:  # a lock file left by an earlier, longer or shorter, holder
        (tmp_path / "kantor.sqlite.lock").write_text(
            json.dumps({"holder": "x" * 90 + "@PC", "pid": 99999999, "since": "2026-01-01"}),
            encoding="utf-8",
        )
    _as(monkeypatch, *first)
    copy_a = WriterLock(db)
    assert copy_a.acquire()
    _as(monkeypatch, *second)
    copy_b = WriterLock(db)
    assert copy_b.acquire() is False  # never an exception, never a second writer
    holder = copy_b.holder()
    user, _, computer = first[0].partition("@")
    assert (holder.user, holder.computer, holder.pid) == (user, computer, first[1])
    assert holder.since is not None
    # every lock ever taken was the one fixed byte, far past the holder text
    assert set(windows.locked_bytes) == {LOCK_OFFSET}
    assert (tmp_path / "kantor.sqlite.lock").stat().st_size < 4096
    # the refused copy left no handle open; only copy A's handle remains
    assert len(windows.handles) == 1
    copy_a.release()
    assert windows.handles == {} and windows.closed_while_locked == []
    assert copy_b.acquire()  # released means unlocked, not merely closed
    copy_b.release()
    assert windows.handles == {} and windows.closed_while_locked == []


def test_windows_holder_text_stays_readable_while_held(
    windows: fake_msvcrt.LockTable, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _as(monkeypatch, "operator@PC-GURUN-LARUANG", 4242)
    lock = InstanceLock(tmp_path / "kantor.sqlite")
    assert lock.acquire()
    other = InstanceLock(tmp_path / "kantor.sqlite")
    assert other.holder()["holder"] == "operator@PC-GURUN-LARUANG"
    assert other.holder()["pid"] == 4242
    lock.release()
    assert other.holder()["clean"] is True


def test_the_fake_catches_the_old_end_of_file_lock(
    windows: fake_msvcrt.LockTable, tmp_path: Path
) -> None:
    """The simulation is strict enough to fail the old scheme (lock one byte at the end)."""
    import msvcrt  # the fake

    path = tmp_path / "kantor.sqlite.lock"
    handles = []
    for text in ("x" * 73, "x" * 72):
        handle = path.open("a+", encoding="utf-8")
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        handle.seek(0)
        handle.truncate()
        handle.write(text)
        handle.flush()
        handles.append(handle)
    # both copies "hold" a lock, each on a different byte: the defect the fixed byte prevents
    assert len(set(windows.locked_bytes)) == 2
    for handle in handles:
        handle.close()


def test_the_last_full_check_travels_from_holder_to_holder(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    db = tmp_path / "kantor.sqlite"
    first = InstanceLock(db)
    assert first.acquire()
    assert first.last_full_check is None
    when = datetime(2026, 3, 2, 8, 30, tzinfo=UTC)
    first.record_full_check(when)
    # Written at once, so a crash after the check still remembers it.
    assert json.loads(first.path.read_text(encoding="utf-8"))["checked"] == when.isoformat()
    first.release()
    second = InstanceLock(db)
    assert second.acquire()
    assert second.last_full_check == when and second.last_exit_clean is True
    second.record_full_check(None)  # a failed check is forgotten
    assert "checked" not in json.loads(second.path.read_text(encoding="utf-8"))
    second.release()
    third = InstanceLock(db)
    assert third.acquire()
    assert third.last_full_check is None
    third.release()
