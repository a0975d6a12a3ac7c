"""Finding the client tools, and the retention of .dump files; no server needed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.admin import pg_backups
from kinerja_desktop.storage import backup as store, pg_backup

NOW = datetime(2026, 12, 2, 6, 0, tzinfo=UTC)


def test_missing_pg_dump_is_one_clear_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pg_backup, "TOOL_GLOBS", ())
    with pytest.raises(DatabaseError) as caught:
        pg_backup.dump("postgresql+psycopg://kota@127.0.0.1/kota", tmp_path / "x.dump")
    sentence = describe(caught.value)
    assert caught.value.code == "pg_backup.tool_missing"
    assert sentence.startswith("pg_dump tidak ditemukan: pasang klien PostgreSQL")
    assert sentence.count(". ") == 0
    assert not list(tmp_path.iterdir())


def test_tool_found_beside_the_server_when_not_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for version in ("13", "16"):
        folder = tmp_path / "postgresql" / version / "bin"
        folder.mkdir(parents=True)
        (folder / "pg_restore").write_text("")
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    monkeypatch.setattr(pg_backup, "TOOL_GLOBS", (str(tmp_path / "postgresql" / "*" / "bin"),))
    assert (
        pg_backup.find_tool("pg_restore") == tmp_path / "postgresql" / "16" / "bin" / "pg_restore"
    )


def test_tool_env_carries_the_address_without_a_command_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PGSERVICE", "lain")  # would point the tool at another server
    monkeypatch.setenv("PGPASSFILE", "/rahasia/.pgpass")  # the site's own: kept
    url = pg_backup.as_url(
        "postgresql+psycopg://kota:s%40ndi@db.lan:5433/kota_padang?sslmode=require"
    )
    env = pg_backup.tool_env(url)
    assert (env["PGHOST"], env["PGPORT"], env["PGUSER"]) == ("db.lan", "5433", "kota")
    assert (env["PGDATABASE"], env["PGPASSWORD"]) == ("kota_padang", "s@ndi")
    assert (env["PGSSLMODE"], env["PGPASSFILE"]) == ("require", "/rahasia/.pgpass")
    assert "PGSERVICE" not in env

    monkeypatch.delenv("PGPASSWORD", raising=False)
    socket = pg_backup.tool_env(pg_backup.as_url("postgresql+psycopg:///kota?host=/run/pg"))
    assert (socket["PGHOST"], socket["PGDATABASE"]) == ("/run/pg", "kota")
    assert "PGPASSWORD" not in socket  # none given: ~/.pgpass or trust decides

    # The password a terminal asked for (cli/core.py keeps it in PGPASSWORD) reaches the tool.
    monkeypatch.setenv("PGPASSWORD", "diketik")
    typed = pg_backup.tool_env(pg_backup.as_url("postgresql+psycopg://kota@db.lan/kota"))
    assert typed["PGPASSWORD"] == "diketik"


def test_kept_name_fits_postgres_identifiers() -> None:
    name = pg_backup.kept_name("k" * 70, NOW)
    assert len(name.encode()) == pg_backup.MAX_NAME
    assert name.endswith("_sebelum_20261202_060000")


def _make(folder: Path, stem: str, when: datetime, suffix: str = ".dump", size: int = 10) -> Path:
    path = folder / f"{stem}-{when.strftime(store.STAMP_FORMAT)}-auto{suffix}"
    path.write_bytes(b"x" * size)
    return path


def test_dump_rotation_is_the_sqlite_policy(tmp_path: Path) -> None:
    times = [NOW - timedelta(hours=6 * i) for i in range(60)]  # 15 days, four a day
    dumps = [_make(tmp_path, "kota", t) for t in times]
    sqlite_twin = _make(tmp_path, "kota", times[-1], suffix=".sqlite")
    by_hand = tmp_path / "kota-salinan.dump"
    by_hand.write_bytes(b"x")

    removed = pg_backups.rotate_dumps(tmp_path, "kota", keep=10, now=NOW)

    expected = store.choose_kept(list(zip(dumps, times, strict=True)), keep=10, now=NOW)
    assert set(pg_backups.list_dumps(tmp_path, "kota")) == expected
    assert set(removed) == set(dumps) - expected and removed
    assert sqlite_twin.exists() and by_hand.exists()


def test_dump_budget_removes_same_day_extras_oldest_first(tmp_path: Path) -> None:
    today = [_make(tmp_path, "kota", NOW - timedelta(hours=h), size=100) for h in (0, 1, 2, 3)]
    yesterday = _make(tmp_path, "kota", NOW - timedelta(days=1), size=100)
    report = pg_backups.apply_dump_budget(tmp_path, "kota", 300, now=NOW)
    assert report is not None and not report.over
    assert report.removed == (str(today[3]), str(today[2]))
    assert today[0].exists() and today[1].exists() and yesterday.exists()

    # the kept slots alone are over: warn, never remove them
    tight = pg_backups.apply_dump_budget(tmp_path, "kota", 150, now=NOW)
    assert tight is not None and tight.over
    assert today[0].exists() and yesterday.exists()
    assert pg_backups.apply_dump_budget(tmp_path, "kota", 0, now=NOW) is None
