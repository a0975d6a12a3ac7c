"""The Pegawai list's first screenful read straight from the file at start (issue 16, item 2):
the same rows, offices and count as the register's first page, only where the start-up itself
would trust the file without checking it first, and nothing written."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kinerja_desktop.services.common import list_offices
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register import list_employees_page, preview_employees
from kinerja_desktop.services.register.preview import PREVIEW_SCHEMA
from kinerja_desktop.storage.instance_lock import InstanceLock, lock_path_for
from kinerja_desktop.storage.migrate import head_revision

pytestmark = pytest.mark.sqlite_only("the preview reads a database file with sqlite3")


def trusted(path: Path, *, checked: datetime | None = None) -> Path:
    """Leave ``path`` as a clean session with a recent full check leaves it."""
    lock = InstanceLock(path)
    assert lock.acquire()
    lock.record_full_check(checked or datetime.now(UTC))
    lock.release()
    return path


def sql(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    try:
        for statement in statements:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


@pytest.fixture
def varied(demo_copy: Path) -> Path:
    """The demo with every case a row distinguishes: a deleted employee who is someone's
    atasan, a person without a live assignment, two open assignments that tie, an unknown
    golongan, names SQLite does not fold, and the demo's own external penilai and ended
    assignments."""
    con = sqlite3.connect(demo_copy)
    atasan = con.execute(
        "SELECT atasan_id FROM assignments WHERE atasan_id IS NOT NULL "
        "GROUP BY atasan_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    people = [r[0] for r in con.execute("SELECT id FROM employees ORDER BY id LIMIT 8 OFFSET 10")]
    con.close()
    tie = people[2]
    sql(
        demo_copy,
        f"UPDATE employees SET deleted_at = '2026-01-01 00:00:00' WHERE id = {atasan}",
        f"UPDATE assignments SET deleted_at = '2026-01-01' WHERE employee_id = {people[0]}",
        f"UPDATE assignments SET grade = 'X/z' WHERE employee_id = {people[1]}",
        f"INSERT INTO assignments (employee_id, office_id, start_date, end_date, jabatan, job_kind,"
        f" functional_level, grade, atasan_id, external_penilai_id, is_head, acting, note,"
        f" tmt_jabatan, tmt_golongan, uuid, version, updated_at, updated_by, origin_office)"
        f" SELECT employee_id, office_id, start_date, NULL, 'Jabatan kembar', job_kind,"
        f" functional_level, grade, atasan_id, external_penilai_id, is_head, acting, note,"
        f" tmt_jabatan, tmt_golongan, 'tie-0000-0000-0000-000000000001', 1, updated_at,"
        f" updated_by, origin_office FROM assignments WHERE employee_id = {tie} LIMIT 1",
        f"UPDATE employees SET name = 'Éva Ulfa', title_prefix = 'dr.' WHERE id = {people[3]}",
        f"UPDATE employees SET name = 'élise Zahra', active = 0 WHERE id = {people[4]}",
    )
    return demo_copy


def register_first_page(path: Path, limit: int):
    with Database.open(path) as db:
        page = list_employees_page(db, limit=limit)
        return page.rows, list_offices(db), page.total


@pytest.mark.parametrize("limit", [3, 200])
def test_the_preview_is_the_register_first_page(varied: Path, limit: int) -> None:
    rows, offices, total = register_first_page(varied, limit)
    preview = preview_employees(trusted(varied), limit=limit)
    assert preview is not None
    assert preview.rows == rows
    assert preview.offices == offices
    assert preview.total == total
    shown = {r.full_name for r in preview.rows}
    if limit == 200:  # every case of the fixture is among the rows compared
        assert {"dr. Éva Ulfa"} <= {n.split(",")[0] for n in shown}
        assert any(r.pangkat == "X/z" for r in preview.rows)
        assert any(r.office_code == "" for r in preview.rows)  # no live assignment
        # Of two open assignments that start the same day, the first stored wins.
        assert not any(r.jabatan == "Jabatan kembar" for r in preview.rows)
        assert any(not r.active for r in preview.rows)


def test_it_reads_without_writing_and_leaves_no_companion_files(demo_copy: Path) -> None:
    path = trusted(demo_copy)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    lock_text = lock_path_for(path).read_text()
    assert preview_employees(path) is not None
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert lock_path_for(path).read_text() == lock_text  # the lock was read, not taken
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [
        path.name,
        path.name + ".lock",
    ]


def test_no_preview_without_a_clean_recent_session(demo_copy: Path) -> None:
    assert preview_employees(demo_copy) is None  # no lock file: never opened by the app here
    trusted(demo_copy, checked=datetime.now(UTC) - timedelta(days=8))
    assert preview_employees(demo_copy) is None  # the full check is due before use
    trusted(demo_copy, checked=datetime.now(UTC) + timedelta(days=1))
    assert preview_employees(demo_copy) is None  # a check "in the future": the clock moved
    lock = InstanceLock(demo_copy)
    assert lock.acquire()  # a running copy holds the file: its text is not marked clean
    try:
        lock.record_full_check(datetime.now(UTC))
        assert preview_employees(demo_copy) is None
    finally:
        lock.release()
    assert preview_employees(demo_copy) is not None  # released cleanly, checked just now


def test_a_crashed_session_gets_no_preview(demo_copy: Path) -> None:
    trusted(demo_copy)
    lock_file = lock_path_for(demo_copy)
    text = json.loads(lock_file.read_text())
    del text["clean"]  # what a killed session leaves
    lock_file.write_text(json.dumps(text))
    assert preview_employees(demo_copy) is None


def test_no_preview_of_another_schema_a_foreign_file_or_odd_values(
    demo_copy: Path, tmp_path: Path
) -> None:
    older = trusted(shutil.copy(demo_copy, tmp_path / "older.sqlite"))
    sql(older, "UPDATE alembic_version SET version_num = '0014'")
    assert preview_employees(older) is None  # upgraded by the open first

    odd = trusted(shutil.copy(demo_copy, tmp_path / "odd.sqlite"))
    sql(odd, "UPDATE employees SET employment_type = 'honorer-baru' WHERE id = 1")
    assert preview_employees(odd) is None  # the open's read says what is wrong

    text = tmp_path / "notes.sqlite"
    text.write_text("not a database")
    assert preview_employees(trusted(text)) is None
    assert text.read_text() == "not a database"

    assert preview_employees(tmp_path / "missing.sqlite") is None
    assert not (tmp_path / "missing.sqlite").exists()
    assert preview_employees("postgresql+psycopg://kota@server/kinerja") is None


def test_a_locked_file_gets_no_preview_instead_of_waiting(demo_copy: Path) -> None:
    path = trusted(demo_copy)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        assert preview_employees(path) is None
    finally:
        holder.close()
    assert preview_employees(path) is not None


def test_the_schema_the_preview_was_written_for_is_the_newest() -> None:
    # A new migration fails here: compare the preview's statements (services/register/
    # preview.py) with the register's (employees.py, common/offices.py), then move the mark.
    assert head_revision() == PREVIEW_SCHEMA


def test_the_preview_imports_no_sqlalchemy(demo_copy: Path) -> None:
    path = trusted(demo_copy)
    probe = (
        "import sys; from pathlib import Path\n"
        "from kinerja_desktop.services.register import preview_employees\n"
        "preview = preview_employees(Path(sys.argv[1]))\n"
        "assert preview is not None and preview.rows\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
