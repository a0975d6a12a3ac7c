"""``backup``, ``backups`` and ``restore`` on a PostgreSQL database (issue 18.5), run as a clerk
runs them, against the tests' server (skipped, with the reason, where none answers)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from kinerja_desktop.config import parse_db_address
from kinerja_desktop.domain.errors import DatabaseError
from tests import pg_support

ROOT = str(Path(__file__).parents[2])


@pytest.fixture
def city(pg_demo_url: str, tmp_path: Path) -> Iterator[str]:
    """The demo on the server with Pengaturan's backup folder set; the databases a restore
    keeps (``<name>_sebelum_<stamp>``) are dropped after."""
    folder = tmp_path / "cadangan"
    with _engine(pg_demo_url).begin() as conn:
        conn.execute(text("DELETE FROM settings WHERE key = 'backup_dir'"))
        conn.execute(
            text("INSERT INTO settings (key, value) VALUES ('backup_dir', :v)"),
            {"v": json.dumps(str(folder))},
        )
    yield pg_demo_url
    name = pg_support.name_of(pg_demo_url)
    with _engine(pg_support.database_url("postgres")).connect() as conn:
        kept = conn.execute(
            text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": f"{name}_%"}
        ).scalars()
        for db in list(kept):
            pg_support.drop_database(db)


def _engine(url: str):
    return create_engine(url, poolclass=NullPool)


def _cli(url: str, *args: str, cwd: Path, env: dict[str, str] | None = None) -> Any:
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--db", url, *args, "--json"],
        capture_output=True, text=True, cwd=cwd, timeout=180, stdin=subprocess.DEVNULL,
        env=os.environ | {"PYTHONPATH": ROOT} | (env or {}),
    )  # fmt: skip
    return done.returncode, json.loads(done.stdout), done.stderr


def _office_name(url: str) -> str:
    with _engine(url).connect() as conn:
        return str(conn.execute(text("SELECT name FROM offices ORDER BY id LIMIT 1")).scalar())


def test_backup_backups_and_restore_on_the_server(city: str, tmp_path: Path) -> None:
    folder = tmp_path / "cadangan"
    code, first, err = _cli(city, "backup", cwd=tmp_path)
    assert code == 0, err
    assert Path(first["backup"]).parent == folder and first["backup"].endswith("-manual.dump")
    assert first["size"] > 0
    code, second, err = _cli(city, "backup", cwd=tmp_path)
    assert code == 0, err
    assert second["backup"] != first["backup"]

    code, listed, err = _cli(city, "backups", cwd=tmp_path)
    assert code == 0, err
    # Two dumps in one second: the second's name carries "-2"; the list holds both.
    assert {b["path"] for b in listed["backups"]} == {second["backup"], first["backup"]}
    assert all(b["reason"].startswith("manual") for b in listed["backups"])

    before = _office_name(city)
    with _engine(city).begin() as conn:
        conn.execute(text("UPDATE offices SET name = 'Diubah setelah cadangan'"))

    # Without --yes and without a terminal nothing is restored.
    code, refused, _ = _cli(city, "restore", first["backup"], cwd=tmp_path)
    assert code == 1 and refused["code"] == "cli.confirm_required"
    assert _office_name(city) == "Diubah setelah cadangan"

    # Another analyst stays connected: the restore lists and ends that session.
    analyst = _engine(city).connect()
    analyst.execute(text("SELECT 1"))
    try:
        code, restored, err = _cli(city, "restore", first["backup"], "--yes", cwd=tmp_path)
    finally:
        analyst.invalidate()
        analyst.close()
    assert code == 0, err
    assert len(restored["ended_sessions"]) == 1
    assert _office_name(city) == before
    name = pg_support.name_of(city)
    assert restored["kept_as"].startswith(f"{name}_sebelum_")
    kept_url = pg_support.database_url(restored["kept_as"])
    assert _office_name(kept_url) == "Diubah setelah cadangan"
    with _engine(city).connect() as conn:
        audited = conn.execute(
            text("SELECT count(*) FROM audit_entries WHERE action = 'restore'")
        ).scalar()
        force_full = conn.execute(
            text("SELECT value FROM settings WHERE key = 'force_full_export'")
        ).scalar()
    assert audited == 1 and force_full in (True, "true")


def test_an_unreadable_dump_is_refused_before_anything_is_asked(city: str, tmp_path: Path) -> None:
    bogus = tmp_path / "bukan.dump"
    bogus.write_bytes(b"bukan cadangan")
    code, refused, _ = _cli(city, "restore", str(bogus), "--yes", cwd=tmp_path)
    assert code == 1 and refused["code"] == "pg_backup.verify_failed"


def test_without_a_setting_the_dumps_go_to_the_data_folder(
    pg_demo_url: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    code, made, err = _cli(pg_demo_url, "backup", cwd=tmp_path, env={"XDG_DATA_HOME": str(data)})
    assert code == 0, err
    made_at = Path(made["backup"])
    assert data in made_at.parents
    assert made_at.parent.name == "backups"
    assert made_at.parent.parent.name.endswith(f"-{pg_support.name_of(pg_demo_url)}")


def test_without_pg_dump_one_sentence(
    pg_demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.services.admin import make_backup
    from kinerja_desktop.storage import pg_backup

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pg_backup, "tool_dirs", lambda: [])
    with pytest.raises(DatabaseError) as caught:
        make_backup(parse_db_address(pg_demo_url), out=tmp_path / "x.dump")
    assert caught.value.code == "pg_backup.tool_missing"


def test_a_dump_of_another_office_needs_its_code(city: str, tmp_path: Path) -> None:
    code, made, err = _cli(city, "backup", cwd=tmp_path)
    assert code == 0, err
    with _engine(city).begin() as conn:
        home = conn.execute(text("SELECT value FROM settings WHERE key = 'home_office'")).scalar()
        # The live database now belongs to another office (another identity, same code).
        conn.execute(
            text("UPDATE offices SET uuid = :u, name = 'Kantor lain' WHERE code = :c"),
            {"u": "00000000-0000-4000-8000-000000000001", "c": home},
        )
    code, refused, _ = _cli(city, "restore", made["backup"], "--yes", cwd=tmp_path)
    assert code == 1 and refused["code"] == "restore.office_required"
    code, refused, _ = _cli(city, "restore", made["backup"], "--yes", "--office", "SALAH",
                            cwd=tmp_path)  # fmt: skip
    assert code == 1 and refused["code"] == "restore.office_mismatch"
    assert _office_name(city) == "Kantor lain"  # nothing changed, no database kept
    with _engine(pg_support.database_url("postgres")).connect() as conn:
        others = conn.execute(
            text("SELECT count(*) FROM pg_database WHERE datname LIKE :p"),
            {"p": f"{pg_support.name_of(city)}_%"},
        ).scalar()
    assert others == 0
    code, _, err = _cli(city, "restore", made["backup"], "--yes", "--office", str(home),
                               cwd=tmp_path)  # fmt: skip
    assert code == 0, err
    assert _office_name(city) != "Kantor lain"
