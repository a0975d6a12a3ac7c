"""A file another program holds (Windows: an antivirus, OneDrive, a second copy) during
``demo --force`` and the damaged-file set-aside at start-up: retried, then one sentence naming
the file and what to close, with nothing lost (issue 21, point 3). The failure is simulated:
``os.replace`` raises ``PermissionError`` (Windows' sharing violation) for one file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from kinerja_desktop.domain.errors import ConflictError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.admin.backups import make_backup
from kinerja_desktop.services.admin.startup_check import quick_check, restore_damaged
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.demo.build import build_demo
from kinerja_desktop.storage import file_ops
from tests.services.admin.test_startup_check import damage, employee_count

pytestmark = pytest.mark.sqlite_only(
    "files held by another program: the SQLite file and its backups"
)


@pytest.fixture
def hold(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path, int], list[Path]]:
    """``hold(path, times)``: moving ``path`` away fails ``times`` times (-1: always)."""
    monkeypatch.setattr(file_ops, "time", SimpleNamespace(sleep=lambda _s: None))
    real = os.replace
    tries: list[Path] = []
    held: dict[Path, int] = {}

    def replace(src, dst, *args, **kwargs):
        source = Path(src)
        if source in held and held[source] != 0:
            held[source] -= 1
            tries.append(source)
            raise PermissionError(13, "The process cannot access the file", str(src))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)

    def use(path: Path, times: int) -> list[Path]:
        held[path] = times
        return tries

    return use


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".hapus" in p.name or "-rusak-" in p.name)


def test_demo_force_waits_for_a_briefly_held_file(tmp_path: Path, hold) -> None:
    path = tmp_path / "kantor.sqlite"
    path.write_bytes(b"old database")
    tries = hold(path, 2)
    summary = build_demo(path, office_code="PKM-NGL", force=True)
    assert len(tries) == 2 and summary.employees > 15
    assert employee_count(path) == summary.employees
    assert _leftovers(tmp_path) == []


def test_demo_force_names_a_held_log_and_loses_nothing(tmp_path: Path, hold) -> None:
    path = tmp_path / "kantor.sqlite"
    wal = tmp_path / "kantor.sqlite-wal"
    path.write_bytes(b"old database")
    wal.write_bytes(b"its log")
    tries = hold(wal, -1)
    with pytest.raises(ConflictError) as caught:
        build_demo(path, office_code="PKM-NGL", force=True)
    assert caught.value.code == "demo.file_held" and len(tries) == file_ops.RETRIES
    message = describe(caught.value)
    assert str(wal) in message and "tutup program itu" in message
    # The database was moved aside first, then put back: both files as they were.
    assert (path.read_bytes(), wal.read_bytes()) == (b"old database", b"its log")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kantor.sqlite", "kantor.sqlite-wal"]


def _damaged_with_log(path: Path) -> tuple[Path, bytes]:
    damage(path)
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"stale wal of the damaged file")
    return wal, path.read_bytes()


def test_damaged_set_aside_waits_for_a_briefly_held_log(demo_copy: Path, hold) -> None:
    before = employee_count(demo_copy)
    saved = make_backup(demo_copy, reason="manual")
    wal, damaged = _damaged_with_log(demo_copy)
    tries = hold(wal, 3)
    result = restore_damaged(demo_copy, Path(saved.path), SYSTEM)
    assert len(tries) == 3
    kept = Path(result.damaged_kept_as)
    assert kept.read_bytes() == damaged
    assert Path(f"{kept}-wal").read_bytes() == b"stale wal of the damaged file"
    assert quick_check(demo_copy) and employee_count(demo_copy) == before


def test_damaged_set_aside_names_a_held_log_and_changes_nothing(demo_copy: Path, hold) -> None:
    saved = make_backup(demo_copy, reason="manual")
    wal, damaged = _damaged_with_log(demo_copy)
    hold(wal, -1)
    with pytest.raises(ConflictError) as caught:
        restore_damaged(demo_copy, Path(saved.path), SYSTEM)
    assert caught.value.code == "restore.damaged_held"
    message = describe(caught.value)
    assert str(wal) in message and "tutup program itu" in message
    assert "belum ada yang diubah" in message
    assert demo_copy.read_bytes() == damaged
    assert wal.read_bytes() == b"stale wal of the damaged file"
    assert _leftovers(demo_copy.parent) == []  # no half-made copy of the damaged file
    assert not demo_copy.with_name(demo_copy.name + ".restoring").exists()
