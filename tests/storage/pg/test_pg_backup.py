"""Dump, verify and restore against a real PostgreSQL server (issue 18.5)."""

from __future__ import annotations

import json
import logging
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from kinerja_desktop.domain.errors import ConflictError, DatabaseError, PermissionDeniedError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.admin import pg_backups
from kinerja_desktop.storage import pg_backup
from tests.storage.pg.conftest import admin

NOW = datetime(2026, 12, 2, 6, 0, tzinfo=UTC)


def put(url: URL, **values: object) -> None:
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        for key, value in values.items():
            conn.execute(
                text(
                    "INSERT INTO settings (key, value) VALUES (:k, CAST(:v AS json)) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                ),
                {"k": key, "v": json.dumps(value)},
            )
    engine.dispose()


def settings(url: URL) -> dict[str, object]:
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT key, value FROM settings ORDER BY key")).all()
    engine.dispose()
    return dict(rows)


def databases(url: URL) -> set[str]:
    engine = admin(url)
    with engine.connect() as conn:
        names = set(conn.execute(text("SELECT datname FROM pg_database")).scalars())
    engine.dispose()
    return {n for n in names if n.startswith(str(url.database))}


def dsn(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def test_dump_verify_change_restore_brings_rows_back(pg_url: URL, tmp_path: Path) -> None:
    put(pg_url, kota="BKPSDM-PDG", jumlah=11)
    info = pg_backup.dump(pg_url, tmp_path / "kota.dump")
    assert info.entries > 20  # the migrated schema's tables, indexes and data
    assert pg_backups.verify_server_backup(info.path) == info.entries
    assert not list(tmp_path.glob("*.part"))

    put(pg_url, jumlah=12, baru="x")
    assert settings(pg_url)["jumlah"] == 12
    result = pg_backup.restore(
        pg_url, info.path, confirm_end=lambda s: pytest.fail("no sessions"), now=NOW
    )

    assert settings(pg_url) == {"jumlah": 11, "kota": "BKPSDM-PDG"}
    kept = pg_url.set(database=result.kept_as)
    assert result.kept_as == f"{pg_url.database}_sebelum_20261202_060000"
    assert settings(kept)["jumlah"] == 12  # the replaced database is kept, not dropped
    assert databases(pg_url) == {str(pg_url.database), result.kept_as}
    assert result.ended == ()


def test_unreadable_dump_is_refused_before_anything(pg_url: URL, tmp_path: Path) -> None:
    bad = tmp_path / "rusak.dump"
    bad.write_bytes(b"PGDMP" + b"\0" * 50)
    with pytest.raises(DatabaseError) as caught:
        pg_backup.restore(pg_url, bad, confirm_end=lambda s: True)
    assert caught.value.code == "pg_backup.verify_failed"
    assert databases(pg_url) == {str(pg_url.database)}


def test_failing_restore_renames_nothing(pg_url: URL, tmp_path: Path) -> None:
    """A dump naming a role the server no longer has stops pg_restore half-way."""
    engine = create_engine(pg_url, poolclass=NullPool)
    role = f"pemilik_{pg_url.database}"
    with engine.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{role}"'))
        conn.execute(text("CREATE TABLE catatan (id int) "))
        conn.execute(text(f'ALTER TABLE catatan OWNER TO "{role}"'))
    dumped = pg_backup.dump(pg_url, tmp_path / "x.dump")
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE catatan"))
        conn.execute(text(f'DROP ROLE "{role}"'))
    engine.dispose()
    put(pg_url, tetap="ya")

    with pytest.raises(DatabaseError) as caught:
        pg_backup.restore(pg_url, dumped.path, confirm_end=lambda s: True)

    assert caught.value.code == "pg_backup.restore_failed"
    assert role in describe(caught.value)
    assert databases(pg_url) == {str(pg_url.database)}
    assert settings(pg_url) == {"tetap": "ya"}


def test_other_sessions_listed_and_ended_only_when_confirmed(pg_url: URL, tmp_path: Path) -> None:
    dumped = pg_backup.dump(pg_url, tmp_path / "x.dump")
    put(pg_url, sesudah=1)
    other = psycopg.connect(dsn(pg_url), application_name="analis-bi")
    try:
        sessions = pg_backups.server_sessions(pg_url)
        assert [(s.pid, s.application) for s in sessions] == [(other.info.backend_pid, "analis-bi")]

        seen: list[list[pg_backup.Session]] = []
        with pytest.raises(ConflictError) as caught:
            pg_backup.restore(pg_url, dumped.path, confirm_end=lambda s: seen.append(s) or False)
        assert caught.value.code == "pg_backup.sessions_open"
        assert [s.pid for s in seen[0]] == [other.info.backend_pid]
        assert databases(pg_url) == {str(pg_url.database)}
        assert other.execute("SELECT 1").fetchone() == (1,)  # still alive
        assert settings(pg_url) == {"sesudah": 1}

        result = pg_backup.restore(pg_url, dumped.path, confirm_end=lambda s: True, now=NOW)
        assert [s.pid for s in result.ended] == [other.info.backend_pid]
        with pytest.raises(psycopg.OperationalError):
            other.execute("SELECT 1")
    finally:
        other.close()
    assert settings(pg_url) == {}
    assert pg_backups.server_sessions(pg_url) == []
    # the kept database accepts connections again (the door was closed only for the swap)
    assert settings(pg_url.set(database=result.kept_as)) == {"sesudah": 1}


def test_role_without_createdb_is_told_so(pg_url: URL, tmp_path: Path) -> None:
    dumped = pg_backup.dump(pg_url, tmp_path / "x.dump")
    role = f"analis_{pg_url.database}"
    engine = admin(pg_url)
    with engine.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN NOCREATEDB'))
    try:
        with pytest.raises(PermissionDeniedError) as caught:
            pg_backup.restore(pg_url.set(username=role), dumped.path, confirm_end=lambda s: True)
        assert caught.value.code == "pg_backup.no_createdb"
        assert "CREATEDB" in describe(caught.value) and role in describe(caught.value)
        assert databases(pg_url) == {str(pg_url.database)}
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP ROLE "{role}"'))
        engine.dispose()


def test_password_goes_only_to_the_environment(
    pg_url: URL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "Rahasia-8f3kQz"  # trust auth ignores it; it must still never show
    url = pg_url.set(password=secret)
    real_run = subprocess.run
    calls: list[tuple[list[str], dict[str, str]]] = []

    def spy(argv: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        calls.append((list(argv), dict(kwargs.get("env") or {})))  # type: ignore[call-overload]
        return real_run(argv, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(pg_backup.subprocess, "run", spy)
    caplog.set_level(logging.DEBUG)
    backup = pg_backups.make_server_backup(
        url.render_as_string(hide_password=False), tmp_path, now=NOW
    )
    pg_backups.restore_server_backup(url, Path(backup.path), confirm_end=lambda s: True, now=NOW)

    assert {Path(argv[0]).name for argv, _ in calls} == {"pg_dump", "pg_restore"}
    for argv, env in calls:
        assert not any(secret in arg for arg in argv)
        if Path(argv[0]).name == "pg_dump" or "-d" in argv:
            assert env["PGPASSWORD"] == secret
    assert caplog.records
    for record in caplog.records:
        assert secret not in record.getMessage()


def test_server_backup_named_rotated_and_listed(pg_url: URL, tmp_path: Path) -> None:
    older = tmp_path / f"{pg_url.database}-20261130-010000-manual.dump"
    older.write_bytes(b"lama")
    made = [
        pg_backups.make_server_backup(pg_url, tmp_path, keep=1, now=NOW.replace(minute=m))
        for m in (1, 2)
    ]
    names = [Path(b.path).name for b in pg_backups.list_server_backups(pg_url, tmp_path)]
    # keep=1 plus one per day: the 30 November copy and the newest of today stay
    assert names == [Path(made[1].path).name, older.name]
    assert made[1].reason == "manual" and made[1].size > 0


def test_restore_keeps_who_may_connect(pg_url: URL, tmp_path: Path) -> None:
    """Database-level grants are not in a dump without --create; the swap must keep them."""
    analyst, stranger = f"baca_{pg_url.database}", f"lain_{pg_url.database}"
    engine = admin(pg_url)
    db = f'"{pg_url.database}"'
    with engine.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{analyst}" LOGIN'))
        conn.execute(text(f'CREATE ROLE "{stranger}" LOGIN'))
        conn.execute(text(f"REVOKE CONNECT, TEMPORARY ON DATABASE {db} FROM PUBLIC"))
        conn.execute(text(f'GRANT CONNECT ON DATABASE {db} TO "{analyst}"'))
    dumped = pg_backup.dump(pg_url, tmp_path / "x.dump")
    pg_backup.restore(pg_url, dumped.path, confirm_end=lambda s: True, now=NOW)
    try:
        with engine.connect() as conn:
            allowed = [
                conn.execute(
                    text("SELECT has_database_privilege(:r, :d, 'CONNECT')"),
                    {"r": role, "d": pg_url.database},
                ).scalar()
                for role in (analyst, stranger)
            ]
        assert allowed == [True, False]
    finally:
        with engine.connect() as conn:
            for db_name in databases(pg_url):
                conn.execute(text(f'DROP DATABASE "{db_name}" WITH (FORCE)'))
            conn.execute(text(f'DROP ROLE "{analyst}"'))
            conn.execute(text(f'DROP ROLE "{stranger}"'))
        engine.dispose()


def test_server_unreachable_is_worded(tmp_path: Path) -> None:
    url = "postgresql+psycopg://kota@127.0.0.1:1/kota"
    with pytest.raises(DatabaseError) as caught:
        pg_backup.other_sessions(url)
    assert caught.value.code == "pg_backup.server_error"
    assert describe(caught.value).startswith("Server PostgreSQL menolak")


def test_owner_role_restores_and_may_not_end_others_sessions(pg_url: URL, tmp_path: Path) -> None:
    """The city's admin role (CREATEDB, owner, not superuser) restores its own database; an
    analyst's session it may not end is reported, and the database stays open to connections."""
    owner, analyst = f"admin_{pg_url.database}", f"baca_{pg_url.database}"
    engine = admin(pg_url)
    with engine.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{owner}" LOGIN CREATEDB'))
        conn.execute(text(f'CREATE ROLE "{analyst}" LOGIN'))
        conn.execute(text(f'ALTER DATABASE "{pg_url.database}" OWNER TO "{owner}"'))
    as_owner = pg_url.set(username=owner)
    work = create_engine(pg_url, poolclass=NullPool)
    with work.begin() as conn:  # the app's tables belong to the admin role, as after its init
        for table in conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname='public'")
        ):
            conn.execute(text(f'ALTER TABLE "{table[0]}" OWNER TO "{owner}"'))
        for view in conn.execute(text("SELECT viewname FROM pg_views WHERE schemaname='public'")):
            conn.execute(text(f'ALTER VIEW "{view[0]}" OWNER TO "{owner}"'))  # 0013's views
    work.dispose()
    put(pg_url, versi=1)
    dumped = pg_backup.dump(as_owner, tmp_path / "x.dump")
    put(pg_url, versi=2)
    other = psycopg.connect(dsn(pg_url.set(username=analyst)))
    try:
        with pytest.raises(DatabaseError) as caught:
            pg_backup.restore(as_owner, dumped.path, confirm_end=lambda s: True, now=NOW)
        assert caught.value.code == "pg_backup.server_error"
        assert databases(pg_url) == {str(pg_url.database)}
        assert settings(pg_url) == {"versi": 2}  # reachable again: the door was reopened
    finally:
        other.close()
    result = pg_backup.restore(as_owner, dumped.path, confirm_end=lambda s: True, now=NOW)
    assert settings(pg_url) == {"versi": 1}
    with engine.connect() as conn:
        owners = conn.execute(
            text("SELECT datname, pg_get_userbyid(datdba) FROM pg_database WHERE datname LIKE :p"),
            {"p": f"{pg_url.database}%"},
        ).all()
        assert dict(owners) == {str(pg_url.database): owner, result.kept_as: owner}
        for db_name in databases(pg_url):
            conn.execute(text(f'DROP DATABASE "{db_name}" WITH (FORCE)'))
        conn.execute(text(f'DROP ROLE "{owner}"'))
        conn.execute(text(f'DROP ROLE "{analyst}"'))
    engine.dispose()
