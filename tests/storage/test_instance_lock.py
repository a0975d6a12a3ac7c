"""A second copy of the app on the same file learns who holds it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kinerja_desktop.storage.instance_lock import InstanceLock, who_am_i


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
    lock.release()
