"""SQLite URIs as Windows and Linux have their paths (issue 21, point 2).

The Windows cases run on Linux through ``PureWindowsPath``: the URI text is the whole contract
there, and SQLite parses it the same way on every platform. The Linux cases also open real
files in folders whose names SQLite's URI syntax would otherwise cut or misread.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path, PurePosixPath, PureWindowsPath
from urllib.parse import unquote

import pytest
from sqlalchemy import text

from kinerja_desktop.storage.backup import backup_database
from kinerja_desktop.storage.engine import create_db_engine
from kinerja_desktop.storage.sqlite_uri import file_uri, plain_windows_path, sqlite_uri

LONG_FOLDER = "\\".join(["Arsip Penilaian Kinerja Pegawai"] * 9)  # about 280 characters


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (r"C:\Users\Ani\Documents\kinerja.sqlite", "file:///C:/Users/Ani/Documents/kinerja.sqlite"),
        # A mapped drive stays a drive letter (resolve() would have made it \\server\share).
        (r"Z:\Data Kantor\kinerja.sqlite", "file:///Z:/Data%20Kantor/kinerja.sqlite"),
        (r"\\kecamatan-srv\data\kinerja.sqlite", "file:////kecamatan-srv/data/kinerja.sqlite"),
        (
            r"\\kecamatan srv\Data Bersama\Kantor #2\kinerja.sqlite",
            "file:////kecamatan%20srv/Data%20Bersama/Kantor%20%232/kinerja.sqlite",
        ),
        (r"D:\100% Data\kinerja.sqlite", "file:///D:/100%25%20Data/kinerja.sqlite"),
        (r"D:\Siapa?\a&b=c\kinerja.sqlite", "file:///D:/Siapa%3F/a%26b%3Dc/kinerja.sqlite"),
        (
            r"E:\Penilaian Kinerja – Kelurahan Surau Gadang\kinerja.sqlite",
            "file:///E:/Penilaian%20Kinerja%20%E2%80%93%20Kelurahan%20Surau%20Gadang/kinerja.sqlite",
        ),
        (r"\\?\C:\Data\kinerja.sqlite", "file:///C:/Data/kinerja.sqlite"),
        (r"\\?\UNC\srv\share\kinerja.sqlite", "file:////srv/share/kinerja.sqlite"),
    ],
)
def test_windows_paths(path: str, uri: str) -> None:
    assert file_uri(PureWindowsPath(path)) == uri


def test_a_long_windows_path_is_kept_whole() -> None:
    long_path = PureWindowsPath("\\\\?\\C:\\" + LONG_FOLDER + "\\kinerja.sqlite")
    assert len(str(long_path)) > 260
    uri = file_uri(long_path)
    assert uri.startswith("file:///C:/Arsip%20Penilaian")
    assert unquote(uri.removeprefix("file:///")) == str(plain_windows_path(long_path)).replace(
        "\\", "/"
    )


def test_a_unc_share_root_and_long_unc() -> None:
    assert plain_windows_path(PureWindowsPath(r"\\?\unc\srv\share\x.db")) == PureWindowsPath(
        r"\\srv\share\x.db"
    )
    assert file_uri(PureWindowsPath("\\\\srv\\share\\")) == "file:////srv/share"


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("/home/ani/kinerja.sqlite", "file:///home/ani/kinerja.sqlite"),
        (
            "/media/ani/FLASHDISK/Kantor #2/100% ?siap/Penilaian é/k.sqlite",
            "file:///media/ani/FLASHDISK/Kantor%20%232/100%25%20%3Fsiap/Penilaian%20%C3%A9/k.sqlite",
        ),
    ],
)
def test_posix_paths(path: str, uri: str) -> None:
    assert file_uri(PurePosixPath(path)) == uri
    assert unquote(uri.removeprefix("file://")) == path


def test_query_flags_and_relative_pure_paths() -> None:
    path = PureWindowsPath(r"E:\k.sqlite")
    assert sqlite_uri(path) == "file:///E:/k.sqlite"
    assert sqlite_uri(path, read_only=True) == "file:///E:/k.sqlite?mode=ro"
    assert (
        sqlite_uri(path, read_only=True, immutable=True)
        == "file:///E:/k.sqlite?mode=ro&immutable=1"
    )
    with pytest.raises(ValueError):
        file_uri(PureWindowsPath(r"Data\k.sqlite"))
    with pytest.raises(ValueError):
        file_uri(PurePosixPath("data/k.sqlite"))


def test_a_concrete_path_is_made_absolute_not_resolved(tmp_path: Path, monkeypatch) -> None:
    real = tmp_path / "disk"
    real.mkdir()
    (tmp_path / "Z").symlink_to(real)  # what a mapped drive is to resolve()
    monkeypatch.chdir(tmp_path)
    uri = sqlite_uri(Path("Z/kinerja.sqlite"))
    assert uri == f"file://{tmp_path.as_posix()}/Z/kinerja.sqlite"


@pytest.fixture
def awkward_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "Kantor #2 100% ?siap é" / "a%20b"
    folder.mkdir(parents=True)
    return folder


def test_real_sqlite_opens_a_file_in_a_folder_named_with_hash_percent_and_spaces(
    awkward_folder: Path,
) -> None:
    path = awkward_folder / "kinerja data.sqlite"
    engine = create_db_engine(path)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (a INTEGER)"))
            conn.execute(text("INSERT INTO t VALUES (42)"))
    finally:
        engine.dispose()
    # The file is exactly where the path says, not cut at "#" or "?" and not "%"-decoded.
    assert sorted(os.listdir(awkward_folder)) == ["kinerja data.sqlite"]
    assert not (awkward_folder.parent / "Kantor ").exists()
    con = sqlite3.connect(path)
    assert con.execute("SELECT a FROM t").fetchall() == [(42,)]
    con.close()

    reader = create_db_engine(path, read_only=True)
    try:
        with reader.connect() as conn:
            assert conn.execute(text("SELECT a FROM t")).scalar() == 42
    finally:
        reader.dispose()

    copy = backup_database(path, dest=awkward_folder / "copy #1.sqlite", keep=None)
    con = sqlite3.connect(copy)
    assert con.execute("SELECT a FROM t").fetchall() == [(42,)]
    con.close()


def test_check_reads_a_database_in_such_a_folder(awkward_folder: Path, demo_db_path: Path) -> None:
    import shutil

    from kinerja_desktop.services.admin.check import check_database

    path = awkward_folder / "demo #1.sqlite"
    shutil.copy(demo_db_path, path)
    result = check_database(path)
    assert result.ok and result.counts["employees"] > 0
