"""A database off the PC's own disk: found where Windows tells it, no WAL there, said once.

The Windows branch runs on Linux: ``location.drive_type`` (``GetDriveTypeW`` on Windows) is
replaced by a table, and the OneDrive variables are given as an environment.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path, PureWindowsPath

import pytest
from sqlalchemy import text

from kinerja_desktop.cli import main
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.storage import location
from kinerja_desktop.storage.engine import create_db_engine
from kinerja_desktop.storage.location import Location, location_of

DRIVES = {
    "C:\\": location.DRIVE_FIXED,
    "Z:\\": location.DRIVE_REMOTE,
    "E:\\": location.DRIVE_REMOVABLE,
    "D:\\": location.DRIVE_CDROM,
}


@pytest.fixture
def windows_drives(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def fake(root: str) -> int:
        asked.append(root)
        return DRIVES.get(root, 0)

    monkeypatch.setattr(location, "drive_type", fake)
    return asked


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (r"C:\Data\kinerja.sqlite", Location.LOCAL),
        (r"Z:\Data Kantor\kinerja.sqlite", Location.NETWORK),
        (r"E:\kinerja.sqlite", Location.REMOVABLE),
        (r"\\?\E:\Arsip\kinerja.sqlite", Location.REMOVABLE),
        (r"D:\Salinan CD\kinerja.sqlite", Location.REMOVABLE),
        (r"\\kecamatan-srv\data\kinerja.sqlite", Location.NETWORK),
    ],
)
def test_drive_types_as_windows_reports_them(windows_drives, path: str, where: Location) -> None:
    assert location_of(PureWindowsPath(path), environ={}) is where


def test_the_drive_root_is_what_windows_is_asked(windows_drives) -> None:
    location_of(PureWindowsPath(r"\\?\E:\Arsip\kinerja.sqlite"), environ={})
    assert windows_drives == ["E:\\"]


def test_unc_is_a_share_even_where_no_drive_type_can_be_asked(monkeypatch) -> None:
    monkeypatch.setattr(location, "drive_type", None)
    assert location_of(PureWindowsPath(r"\\srv\share\k.sqlite"), environ={}) is Location.NETWORK
    assert location_of(PureWindowsPath(r"Z:\k.sqlite"), environ={}) is Location.LOCAL


@pytest.mark.parametrize("variable", ["OneDrive", "OneDriveCommercial", "OneDriveConsumer"])
def test_onedrive_folders_are_cloud(windows_drives, variable: str) -> None:
    env = {variable: r"C:\Users\Ani\OneDrive - Pemkot Padang"}
    inside = PureWindowsPath(r"c:\users\ani\onedrive - pemkot padang\Dokumen\kinerja.sqlite")
    assert location_of(inside, environ=env) is Location.CLOUD
    assert location_of(PureWindowsPath(r"C:\Users\Ani\OneDrive2\k.sqlite"), environ=env) is (
        Location.LOCAL
    )
    assert location_of(PureWindowsPath(r"C:\Data\k.sqlite"), environ={variable: ""}) is (
        Location.LOCAL
    )


def test_linux_asks_no_drive_type(tmp_path: Path) -> None:
    assert location.drive_type is None  # GetDriveTypeW is called on Windows only
    assert location_of(tmp_path / "k.sqlite", environ={}) is Location.LOCAL
    assert location_of(tmp_path / "k.sqlite", environ={"OneDrive": str(tmp_path)}) is (
        Location.CLOUD
    )


def _journal_after_a_write(path: Path) -> tuple[str, bool]:
    engine = create_db_engine(path)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE IF NOT EXISTS t (a INTEGER)"))
            conn.execute(text("INSERT INTO t VALUES (1)"))
        with engine.connect() as conn:
            mode = conn.execute(text("PRAGMA journal_mode")).scalar()
            wal = path.with_name(path.name + "-wal").exists()
    finally:
        engine.dispose()
    return str(mode), wal


def test_the_engine_uses_wal_only_on_the_local_disk(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("OneDrive", raising=False)
    local = tmp_path / "lokal.sqlite"
    assert _journal_after_a_write(local) == ("wal", True)

    synced = tmp_path / "OneDrive" / "kinerja.sqlite"
    synced.parent.mkdir()
    shutil.copy(local, synced)  # a WAL database carried into the synced folder
    monkeypatch.setenv("OneDrive", str(synced.parent))
    assert _journal_after_a_write(synced) == ("delete", False)
    con = sqlite3.connect(synced)
    assert con.execute("SELECT count(*) FROM t").fetchone() == (2,)  # nothing lost in the switch
    con.close()


def test_the_database_says_once_where_it_is(
    tmp_path: Path, monkeypatch, demo_db_path: Path, capsys
) -> None:
    stick = tmp_path / "OneDrive"
    stick.mkdir()
    path = stick / "demo.sqlite"
    shutil.copy(demo_db_path, path)
    monkeypatch.setenv("OneDrive", str(stick))
    with Database.open(path) as db:
        assert db.location == Location.CLOUD
        note = db.location_note()
        assert note is not None and "disk komputer ini sendiri" in note and "OneDrive" in note
        assert db.location_note("en") is not None and "own disk" in db.location_note("en")
    assert main(["--db", str(path), "check", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["ok"] is True
    assert [p for p in body["problems"] if "disk komputer ini sendiri" in p] == [note]

    monkeypatch.delenv("OneDrive")
    with Database.open(path) as db:
        assert db.location == Location.LOCAL and db.location_note() is None
