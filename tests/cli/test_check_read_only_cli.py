"""``check`` and the commands on files that are not Kinerja databases, damaged, or only
readable (issue 13, point 7), through the real command line.

Root writes any folder, so "this folder cannot be written" is simulated by replacing the one
probe every opener asks, ``storage.engine.folder_writable``; ``mode=ro`` itself is real.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from kinerja_desktop.storage import engine as sqlite_engine
from tests.cli.helpers import run

FIXTURES = Path(__file__).parent.parent / "fixtures"


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def unwritable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_engine, "folder_writable", lambda folder: False)


def test_files_of_other_programs_are_not_kinerja_databases(tmp_path: Path, capsys) -> None:
    text_file = tmp_path / "laporan.sqlite"
    text_file.write_bytes(b"PK\x03\x04 sebuah berkas zip" * 40)
    other = tmp_path / "alamat.db"
    con = sqlite3.connect(other)
    with con:
        con.execute("CREATE TABLE contacts (name TEXT)")
    con.close()
    before = listing(tmp_path)
    for path in (text_file, other):
        content = path.read_bytes()
        for command in (["check"], ["migrate"], ["employees", "export", str(tmp_path / "x.xlsx")]):
            code, out, err = run(capsys, "--db", str(path), *command, "--json")
            assert code == 1, command
            assert "bukan database Kinerja Desktop" in err and "rusak" not in err
            assert json.loads(out)["error"]["code"] == "db.not_kinerja"
        assert path.read_bytes() == content
    assert listing(tmp_path) == before  # no .lock, no -wal, nothing renamed


def test_a_damaged_kinerja_database_is_called_damaged(demo_copy: Path, capsys) -> None:
    with demo_copy.open("r+b") as handle:
        handle.seek(4096 * 2)
        handle.write(b"\xff" * 4096 * 20)
    code, out, _ = run(capsys, "--db", str(demo_copy), "check", "--json")
    body = json.loads(out)
    assert code == 1 and body["ok"] is False
    assert any("rusak" in problem for problem in body["problems"])


def test_check_removes_the_wal_and_shm_it_made(demo_copy: Path, capsys) -> None:
    assert demo_copy.read_bytes()[18:20] == b"\x02\x02"  # a WAL database, closed cleanly
    before = listing(demo_copy.parent)
    code, _, _ = run(capsys, "--db", str(demo_copy), "check", "--json")
    assert code == 0
    assert listing(demo_copy.parent) == before == ["demo.sqlite"]


def test_check_leaves_an_existing_wal_and_shm_alone(demo_copy: Path, capsys) -> None:
    writer = sqlite3.connect(demo_copy)  # another program has the database open
    try:
        writer.execute("UPDATE settings SET value = value")
        writer.commit()
        wal = demo_copy.with_name("demo.sqlite-wal")
        shm = demo_copy.with_name("demo.sqlite-shm")
        assert wal.exists() and shm.exists()
        wal_bytes = wal.read_bytes()
        code, _, _ = run(capsys, "--db", str(demo_copy), "check", "--json")
        assert code == 0
        assert wal.exists() and shm.exists() and wal.read_bytes() == wal_bytes
    finally:
        writer.close()


def test_an_old_database_that_cannot_be_written_is_refused(
    tmp_path: Path, capsys, unwritable
) -> None:
    old = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "schema_0001.sqlite", old)
    content = old.read_bytes()
    for command in (["migrate"], ["employees", "export", str(tmp_path / "out.xlsx")]):
        code, out, err = run(capsys, "--db", str(old), *command, "--json")
        assert code == 1
        assert "salin berkas ini ke folder yang bisa ditulis agar diperbarui" in err
        assert json.loads(out)["error"]["code"] == "db.read_only_old_schema"
    assert old.read_bytes() == content
    assert listing(tmp_path) == ["lama.sqlite"]  # no backup taken, no lock file
    # check still reads it as it is, and says why it would not be updated here.
    code, out, _ = run(capsys, "--db", str(old), "check", "--json")
    body = json.loads(out)
    assert code == 0 and body["ok"] is True
    assert any("hanya baca" in problem for problem in body["problems"])


def test_reports_and_exports_work_on_a_read_only_database(
    tmp_path: Path, demo_db_path: Path, capsys, unwritable
) -> None:
    stick = tmp_path / "flashdisk"
    stick.mkdir()
    db = stick / "demo.sqlite"
    shutil.copy(demo_db_path, db)
    content = db.read_bytes()
    out_dir = tmp_path / "keluaran"  # output goes where the user says
    out_dir.mkdir()
    code, out, _ = run(
        capsys, "--db", str(db), "employees", "export", str(out_dir / "pegawai.xlsx"), "--json"
    )
    assert code == 0 and json.loads(out)["rows"] > 0
    code, out, _ = run(
        capsys,
        "--db", str(db), "report", "recap", "--period", "2026", "--out",
        str(out_dir / "rekap.xlsx"), "--json",
    )  # fmt: skip
    assert code == 0, out
    assert listing(out_dir) == ["pegawai.xlsx", "rekap.xlsx"]
    assert db.read_bytes() == content and listing(stick) == ["demo.sqlite"]


def test_a_change_to_a_read_only_database_is_refused_in_words(
    demo_copy: Path, capsys, unwritable, stdin_text
) -> None:
    content = demo_copy.read_bytes()
    stdin_text("kata-sandi-baru-1\nkata-sandi-baru-1\n")
    code, out, err = run(
        capsys, "--db", str(demo_copy), "users", "add", "budi", "--roles", "operator", "--json"
    )
    assert code == 1
    assert json.loads(out)["error"]["code"] == "db.read_only_write"
    assert "hanya dapat dibaca" in err and "Traceback" not in err
    assert demo_copy.read_bytes() == content


def test_companions_are_kept_when_another_program_opened_the_file_meanwhile(
    demo_copy: Path,
) -> None:
    # check's read-only connection made a -wal/-shm, then a writer opened the file before
    # check cleaned up: SQLite keeps them for that writer, whose changes stay visible.
    reader = sqlite3.connect(f"file:{demo_copy}?mode=ro", uri=True)
    reader.execute("SELECT count(*) FROM employees").fetchone()
    reader.close()
    writer = sqlite3.connect(demo_copy)
    try:
        writer.execute("SELECT 1 FROM sqlite_master").fetchone()
        sqlite_engine.remove_new_companions(demo_copy, set())
        assert listing(demo_copy.parent) == ["demo.sqlite", "demo.sqlite-shm", "demo.sqlite-wal"]
        writer.execute("UPDATE employees SET name = 'Baru' WHERE id = 1")
        writer.commit()
        other = sqlite3.connect(demo_copy)
        assert other.execute("SELECT name FROM employees WHERE id = 1").fetchone() == ("Baru",)
        other.close()
    finally:
        writer.close()
    sqlite_engine.remove_new_companions(demo_copy, set())
    assert listing(demo_copy.parent) == ["demo.sqlite"]
