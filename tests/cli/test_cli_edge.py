"""The CLI as one more door: the writer lock, the error funnel, closed pipes, odd consoles."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.cli import core, edge
from tests.cli.helpers import run

ROOT = Path(__file__).resolve().parents[2]
NEW_ROW = ["199901072022032007", "Baru Sekali", None, None, None, "PNS", "III/a", "Staf",
           "Pelaksana", None, "NGL"]  # fmt: skip


def dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


@pytest.fixture
def held_by_other(demo_copy: Path) -> Iterator[Path]:
    """Another process (a window on another PC, as far as the file can tell) holds the lock."""
    code = (
        "import time; from pathlib import Path;"
        "import kinerja_desktop.storage.instance_lock as m;"
        "m.who_am_i = lambda: 'siti.rahma@PC-GURUN-LAWEH';"
        f"lock = m.InstanceLock(Path({str(demo_copy)!r})); assert lock.acquire();"
        "print('held', flush=True); time.sleep(120)"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=child_env()
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        yield demo_copy
    finally:
        child.kill()
        child.wait()
        if child.stdout is not None:
            child.stdout.close()


def _new_employee_sheet(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "pegawai.xlsx"
    code, _, _ = run(capsys, "--db", str(db), "employees", "export", str(path))
    assert code == 0
    wb = openpyxl.load_workbook(path)
    wb["Pegawai"].append(NEW_ROW)
    wb.save(path)
    return path


# -- one writer at a time ---------------------------------------------------------------------


def test_a_write_is_refused_while_another_copy_holds_the_file(
    held_by_other: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], stdin_text
) -> None:
    db = ["--db", str(held_by_other)]
    sheet = _new_employee_sheet(held_by_other, tmp_path, capsys)  # export: a read, allowed
    before = dump(held_by_other)

    code, out, err = run(capsys, *db, "employees", "import", str(sheet))
    assert code == 1 and out == ""
    assert "siti.rahma" in err and "PC-GURUN-LAWEH" in err and "sejak 2" in err
    assert len(err.strip().splitlines()) == 1

    stdin_text("kata-sandi-baru-1\n")
    code, out, err = run(capsys, *db, "users", "add", "budi", "--roles", "operator", "--json")
    assert code == 1
    body = json.loads(out)
    assert body["status"] == "error" and body["code"] == "cli.db_held"
    assert body["holder"]["user"] == "siti.rahma"
    assert body["holder"]["computer"] == "PC-GURUN-LAWEH"
    assert "PC-GURUN-LAWEH" in body["message"]

    for argv in (("sync", "keys", "import", str(sheet)), ("migrate",), ("demo", "--force")):
        code, _, err = run(capsys, *db, *argv)
        assert code == 1 and "PC-GURUN-LAWEH" in err, argv
    assert dump(held_by_other) == before


def test_reading_commands_run_beside_an_open_window(
    held_by_other: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(held_by_other)]
    sheet = _new_employee_sheet(held_by_other, tmp_path, capsys)
    before = dump(held_by_other)
    code, out, _ = run(capsys, *db, "check", "--json")
    assert code == 0 and json.loads(out)["ok"] is True
    code, out, _ = run(capsys, *db, "employees", "import", str(sheet), "--dry-run", "--json")
    assert code == 0 and json.loads(out)["created"] == 1
    code, _, _ = run(capsys, *db, "users", "list")
    assert code == 0
    code, _, _ = run(capsys, *db, "backup", "--out", str(tmp_path / "copy.sqlite"))
    assert code == 0
    assert dump(held_by_other) == before


def test_the_lock_is_taken_for_the_write_and_given_back(
    demo_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    from kinerja_desktop.services.register import employee_import
    from kinerja_desktop.storage.instance_lock import InstanceLock

    seen: list[bool] = []
    real = employee_import.import_employees

    def spy(*args, **kwargs):
        seen.append(InstanceLock(demo_copy).acquire())  # a second copy, during the write
        return real(*args, **kwargs)

    sheet = _new_employee_sheet(demo_copy, tmp_path, capsys)
    monkeypatch.setattr(employee_import, "import_employees", spy)
    code, _, _ = run(capsys, "--db", str(demo_copy), "employees", "import", str(sheet))
    assert code == 0 and seen == [False]
    after = InstanceLock(demo_copy)
    assert after.acquire() and after.last_exit_clean is True
    after.release()


def test_which_commands_write() -> None:
    parser = core.build_parser()
    db = Path("/nonexistent/kantor.sqlite")

    def writes(*argv: str) -> bool:
        return edge.writes(parser.parse_args(list(argv)), db)

    for argv in (
        ("init", "--code", "X", "--name", "X", "--kind", "kelurahan"),
        ("migrate",),
        ("demo", "--force"),
        ("restore", "b.sqlite"),
        ("users", "add", "budi", "--roles", "operator"),
        ("users", "passwd", "budi"),
        ("employees", "import", "f.xlsx"),
        ("indicators", "import", "f.xlsx"),
        ("realisations", "import", "f.xlsx", "--period", "2026-Q1"),
        ("sync", "import", "p.kinerja"),
        ("sync", "resolve", "1", "accept"),
        ("sync", "keys", "import", "k.json"),
        ("sync", "export", "--out", "x"),
    ):
        assert writes(*argv), argv
    for argv in (
        ("check",),
        ("backup",),
        ("backups",),
        ("snapshot", "employees", "--out", "x.png"),
        ("report", "recap", "--period", "2026", "--out", "r.pdf"),
        ("employees", "export", "f.xlsx"),
        ("employees", "template", "f.xlsx"),
        ("evaluations", "status", "--period", "2026-Q1"),
        ("ikm", "compute", "f.xlsx"),
        ("users", "list"),
        ("employees", "import", "f.xlsx", "--dry-run"),
    ):
        assert not writes(*argv), argv


# -- never a traceback ------------------------------------------------------------------------

PERSONAL = "Siti Rahma NIP 198501012010012001 lahir 1985-01-01"


def _forced(command: str, *argv: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys; from kinerja_desktop.cli import core\n"
        "def boom(args, out):\n"
        f"    raise RuntimeError({PERSONAL!r})\n"
        f"core.COMMANDS[{command!r}] = boom\n"
        "raise SystemExit(core.main(sys.argv[1:]))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, command, *argv],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )


def test_an_unexpected_error_is_one_sentence_and_the_details_go_to_the_log(
    demo_copy: Path, tmp_path: Path
) -> None:
    env = child_env(XDG_STATE_HOME=str(tmp_path / "state"), KINERJA_DB=str(demo_copy))
    done = _forced("check", env=env)
    assert done.returncode == 1 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "RuntimeError" in lines[0]
    assert "Traceback" not in done.stderr
    for secret in ("Siti", "198501012010012001", "1985-01-01"):
        assert secret not in done.stderr
    logs = list((tmp_path / "state").rglob("kinerja-cli-*.log"))
    assert len(logs) == 1 and str(logs[0]) in lines[0]
    text = logs[0].read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError" in text

    done = _forced("check", "--json", env=env)
    assert done.returncode == 1
    body = json.loads(done.stdout)  # exactly one JSON object
    assert body["status"] == "error" and body["code"] == "unexpected"
    assert "Siti" not in done.stdout and "198501012010012001" not in done.stdout
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("flags", [(), ("--json",)])
def test_a_colliding_concurrent_import_ends_in_a_clear_message(
    demo_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    flags: tuple[str, ...],
) -> None:
    """Two sessions import the same new NIP; the second to write gets a sentence, not an
    ``IntegrityError``, and the first one's row stays (once)."""
    from kinerja_desktop.cli.prompts import cli_actor
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.register import employee_import

    sheet = _new_employee_sheet(demo_copy, tmp_path, capsys)
    real_load = employee_import.load_state
    raced: list[int] = []

    def load_then_race(session):
        state = real_load(session)
        if not raced:  # the other session commits the same new NIP after this one read
            raced.append(1)
            with Database.open(demo_copy) as other:
                summary = employee_import.import_employees(other, cli_actor(), sheet)
                raced.append(summary.created)
        return state

    monkeypatch.setattr(employee_import, "load_state", load_then_race)
    code, out, err = run(capsys, "--db", str(demo_copy), "employees", "import", str(sheet),
                         *flags)  # fmt: skip
    assert code == 1, (out, err)
    assert raced == [1, 1]  # the other session did create the row first
    assert "IntegrityError" not in err + out and "Traceback" not in err
    assert "bertabrakan" in err and len(err.strip().splitlines()) == 1
    if flags:
        assert json.loads(out)["code"] == "db.write_collision"
    else:
        assert out == ""
    con = sqlite3.connect(demo_copy)
    try:
        count = con.execute(
            "SELECT count(*) FROM employees WHERE nip = ?", (NEW_ROW[0],)
        ).fetchone()[0]
    finally:
        con.close()
    assert count == 1


# -- closed pipes and odd consoles ------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "exit_code"),
    [
        (["users", "list", "--json"], 0),  # the command finished; only its output was cut
        (["--version"], 0),
        (["check"], 1),  # cut in the middle of its report: not "ok"
    ],
)
def test_a_reader_that_goes_away_ends_quietly(
    demo_copy: Path, argv: list[str], exit_code: int
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "kinerja_desktop", "--db", str(demo_copy), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(PYTHONUNBUFFERED="1"),  # every print reaches the pipe at once
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # like ``| head`` that already has what it wanted
    err = child.stderr.read().decode()
    child.stderr.close()
    assert child.wait(timeout=120) == exit_code
    assert err == ""


def test_piping_into_head_is_quiet(demo_copy: Path) -> None:
    done = subprocess.run(
        f'"{sys.executable}" -m kinerja_desktop --db "{demo_copy}" check | head -1',
        shell=True,
        capture_output=True,
        text=True,
        env=child_env(),
        check=False,
        timeout=120,
    )
    assert done.stdout.startswith("Database baik") and done.stderr == ""


def test_an_ascii_console_does_not_fail_after_the_change_is_committed(tmp_path: Path) -> None:
    db = tmp_path / "grl.sqlite"
    done = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "--db", str(db), "init", "--code", "NGL-GRL",
         "--name", "Kelurahan Gurun Laweh — Nanggalo", "--kind", "kelurahan"],
        input="rahasia-admin-1\n", capture_output=True, text=True, check=False, timeout=120,
        env=child_env(PYTHONIOENCODING="ascii"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Gurun Laweh ? Nanggalo" in done.stdout and done.stderr == ""
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM offices WHERE code='NGL-GRL'").fetchone() == (1,)
    finally:
        con.close()


def test_redirected_output_becomes_utf8() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    edge._reconfigure(stream)
    stream.write("Kelurahan — 10 × 20 ✓")
    stream.flush()
    assert raw.getvalue().decode("utf-8") == "Kelurahan — 10 × 20 ✓"


def test_a_read_on_an_older_schema_migrates_so_it_needs_the_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    from kinerja_desktop.storage.instance_lock import InstanceLock

    old = tmp_path / "lama.sqlite"
    shutil.copy(ROOT / "tests" / "fixtures" / "schema_0001.sqlite", old)
    parser = core.build_parser()
    export = parser.parse_args(["employees", "export", str(tmp_path / "p.xlsx")])
    assert edge.writes(export, old)  # the export would first bring the schema up to date
    assert not edge.writes(parser.parse_args(["check"]), old)  # check never migrates
    window = InstanceLock(old)
    assert window.acquire()
    try:
        before = old.read_bytes()
        code, _, err = run(capsys, "--db", str(old), "employees", "export",
                           str(tmp_path / "p.xlsx"))  # fmt: skip
        assert code == 1 and "sedang dipakai" in err
        assert old.read_bytes() == before
        code, _, _ = run(capsys, "--db", str(old), "check")
        assert code == 0
    finally:
        window.release()
    code, _, _ = run(capsys, "--db", str(old), "employees", "export", str(tmp_path / "p.xlsx"))
    assert code == 0
    assert not edge.writes(export, old)  # up to date now: a plain read again


def test_a_broken_install_and_an_interrupt_go_through_the_same_funnel(
    demo_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    groups = core.command_groups

    def broken(_sub: object) -> None:
        raise ModuleNotFoundError("No module named 'kinerja_desktop.cli.missing_module'")

    monkeypatch.setattr(core, "command_groups", lambda: (*groups(), broken))
    code, out, err = run(capsys, "--db", str(demo_copy), "check", "--json")
    assert code == 1 and json.loads(out)["code"] == "unexpected"
    assert len(err.strip().splitlines()) == 1 and "ModuleNotFoundError" in err
    monkeypatch.undo()

    def interrupted(args, out):
        raise KeyboardInterrupt

    monkeypatch.setitem(core.COMMANDS, "migrate", interrupted)
    code, out, err = run(capsys, "--db", str(demo_copy), "migrate", "--json")
    assert code == 1 and json.loads(out)["code"] == "cli.interrupted"
    assert err.strip() == core.messages.text("cli.interrupted", "id")
    from kinerja_desktop.storage.instance_lock import InstanceLock

    again = InstanceLock(demo_copy)  # the interrupted writer let go of the lock
    assert again.acquire()
    again.release()


def test_a_confirmation_asks_on_stderr_so_stdout_stays_the_result(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kinerja_desktop.cli.prompts import confirmed

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal("ya\n"))
    assert confirmed(False, "Pulihkan?") is True
    captured = capsys.readouterr()
    assert captured.out == "" and "Pulihkan? [y/N]" in captured.err
    monkeypatch.setattr(sys, "stdin", Terminal("\n"))
    assert confirmed(False, "Pulihkan?") is False


def test_database_errors_of_a_concurrent_writer_are_recognised() -> None:
    import sqlalchemy.exc

    busy = sqlalchemy.exc.OperationalError(
        "INSERT ...", {}, sqlite3.OperationalError("database is locked")
    )
    taken = sqlalchemy.exc.IntegrityError(
        "INSERT ...", {}, sqlite3.IntegrityError("UNIQUE constraint failed")
    )
    assert edge.collision_code(busy) == "db.busy"
    assert edge.collision_code(taken) == "db.write_collision"
    wrapped = RuntimeError("while saving")
    wrapped.__cause__ = taken
    assert edge.collision_code(wrapped) == "db.write_collision"
    assert edge.collision_code(sqlite3.OperationalError("no such table: x")) is None
    assert edge.collision_code(ValueError("x")) is None
