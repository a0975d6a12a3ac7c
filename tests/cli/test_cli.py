"""The command line contract: outputs, JSON shapes and exit codes (DESIGN.md section 6)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kinerja_desktop import __version__
from kinerja_desktop.storage.migrate import head_revision
from tests.cli.helpers import run

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_version_via_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert __version__ in done.stdout


def test_init_then_check_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stdin_text
) -> None:
    db = tmp_path / "grl.sqlite"
    stdin_text("rahasia-admin-1\n")
    code, out, _ = run(
        capsys, "--db", str(db), "init", "--code", "ngl-grl", "--name", "Kelurahan Gurun Laweh",
        "--kind", "kelurahan", "--parent", "NGL", "--json",
    )  # fmt: skip
    assert code == 0
    body = json.loads(out)
    assert body["office"] == "NGL-GRL"
    assert body["schema"] == head_revision()

    # --db after the subcommand works too.
    code, out, _ = run(capsys, "check", "--json", "--db", str(db))
    assert code == 0
    body = json.loads(out)
    assert body == {
        "ok": True,
        "schema": head_revision(),
        "counts": {"offices": 2, "employees": 0, "indicators": 0, "evaluations": 0},
        "problems": [],
    }


def test_init_refuses_existing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stdin_text
) -> None:
    db = tmp_path / "x.sqlite"
    args = ["--db", str(db), "init", "--code", "PKM-NGL", "--name", "Puskesmas Nanggalo"]
    stdin_text("rahasia-admin-1\n")
    assert run(capsys, *args, "--kind", "puskesmas")[0] == 0
    before = db.read_bytes()
    stdin_text("rahasia-admin-1\n")
    code, out, err = run(capsys, *args, "--kind", "puskesmas", "--json")
    assert code == 1
    assert json.loads(out)["ok"] is False
    assert err.strip()
    assert db.read_bytes() == before


def test_init_bad_code_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stdin_text
) -> None:
    db = tmp_path / "x.sqlite"
    stdin_text("rahasia-admin-1\n")
    code, _, err = run(
        capsys, "--db", str(db), "init", "--code", "bad code!", "--name", "X", "--kind", "kelurahan"
    )
    assert code == 1
    assert "Traceback" not in err
    assert not db.exists()


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "no-such-command")[0] == 2
    code, out, _ = run(capsys, "init", "--code", "X", "--name", "Y", "--kind", "desa", "--json")
    assert code == 2
    assert json.loads(out)["error"]["code"] == "usage"


def test_check_refuses_missing_corrupt_and_newer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(tmp_path / "none.sqlite"), "check", "--json")
    assert code == 1
    assert json.loads(out)["ok"] is False
    assert "none.sqlite" in err

    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 50)
    code, out, _ = run(capsys, "--db", str(junk), "check", "--json")
    assert code == 1
    assert json.loads(out)["ok"] is False

    newer = tmp_path / "newer.sqlite"
    shutil.copy(FIXTURES / "schema_0001.sqlite", newer)
    con = sqlite3.connect(newer)
    with con:
        con.execute("UPDATE alembic_version SET version_num='9999'")
    con.close()
    before = newer.read_bytes()
    code, out, _ = run(capsys, "--db", str(newer), "check", "--json")
    body = json.loads(out)
    assert code == 1
    assert body["ok"] is False and body["schema"] == "9999"
    assert newer.read_bytes() == before


def test_check_never_writes_an_old_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_0001.sqlite", db)
    before = db.read_bytes()
    code, out, _ = run(capsys, "--db", str(db), "check", "--json")
    body = json.loads(out)
    assert code == 0 and body["ok"] is True and body["schema"] == "0001"
    assert body["problems"]  # tells that the schema will be upgraded
    assert db.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_migrate_upgrades_with_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_0001.sqlite", db)
    code, out, _ = run(capsys, "--db", str(db), "migrate", "--json")
    body = json.loads(out)
    assert code == 0
    assert body["migrated_from"] == "0001" and body["schema"] == head_revision()
    assert Path(body["backup"]).exists()
    code, out, _ = run(capsys, "--db", str(db), "migrate")
    assert code == 0 and head_revision() in out


def test_backup_writes_a_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_0001.sqlite", db)
    target = tmp_path / "out" / "copy.sqlite"
    code, out, _ = run(capsys, "--db", str(db), "backup", "--out", str(target), "--json")
    assert code == 0
    assert json.loads(out)["backup"] == str(target)
    con = sqlite3.connect(target)
    try:
        assert con.execute("SELECT nip FROM employees").fetchone() == ("199204152019032001",)
        # backup never migrates
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    finally:
        con.close()
    assert run(capsys, "--db", str(tmp_path / "missing.sqlite"), "backup")[0] == 1


def test_db_path_that_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("check", "migrate", "backup"):
        code, _, err = run(capsys, "--db", str(tmp_path), command)
        assert code == 1, command
        assert "Traceback" not in err and err.strip()


def test_env_variable_selects_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env.sqlite"
    shutil.copy(FIXTURES / "schema_0001.sqlite", db)
    monkeypatch.setenv("KINERJA_DB", str(db))
    code, out, _ = run(capsys, "check", "--json")
    assert code == 0 and json.loads(out)["schema"] == "0001"


def test_unwritable_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stdin_text
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    stdin_text("rahasia-admin-1\n")
    args = ["init", "--code", "NGL-KRP", "--name", "Kurao Pagang", "--kind", "kelurahan"]
    code, out, err = run(capsys, "--db", str(blocker / "kinerja.sqlite"), *args, "--json")
    assert code == 1
    assert json.loads(out)["error"]["code"] == "db.unwritable_folder"
    assert "Traceback" not in err and blocker.read_text().startswith("a file")


def test_argparse_speaks_indonesian_and_english_under_lang_en(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "report", "sheet", "--nip")
    assert code == 2
    assert err.startswith("penggunaan: kinerja-desktop report sheet")
    assert "kinerja-desktop report sheet: kesalahan: argumen --nip: perlu satu nilai" in err
    code, _, err = run(capsys, "report")
    assert code == 2 and "argumen berikut wajib diisi: perintah" in err
    assert "report_command" not in err
    code, _, err = run(capsys, "no-such-command")
    assert code == 2 and "pilihan tidak sah: 'no-such-command' (pilih dari" in err
    code, _, err = run(capsys, "check", "--zzz")
    assert code == 2 and "argumen tidak dikenal: --zzz" in err
    for english in ("usage:", "error:", "required", "invalid choice", "unrecognized"):
        assert english not in err

    code, _, err = run(capsys, "--lang", "en", "report", "sheet", "--period", "Triwulan IX")
    assert code == 2 and err.startswith("usage: kinerja-desktop report sheet")
    assert "error: argument --period: Invalid period" in err
    code, _, err = run(capsys, "report", "--lang", "en")
    assert code == 2 and "the following arguments are required: command" in err
    # With --json the object carries the error line alone, without the usage lines.
    code, out, _ = run(capsys, "report", "sheet", "--json")
    body = json.loads(out)
    assert code == 2 and body["code"] == "usage"
    assert body["message"] == (
        "kinerja-desktop report sheet: kesalahan: argumen berikut wajib diisi: --nip, --period, "
        "--out"
    )


def test_help_headings_are_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "sync", "--help")
    assert code == 0
    assert out.startswith("penggunaan: kinerja-desktop sync")
    assert "\nopsi:\n" in out and "tampilkan bantuan ini lalu keluar" in out
    code, out, _ = run(capsys, "--lang", "en", "sync", "--help")
    assert out.startswith("usage: ") and "show this help message and exit" in out
