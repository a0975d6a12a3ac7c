"""Benchmark: ``kill -9`` at random moments during ``kinerja-desktop restore`` (issue 13).

Run ``python tests/benchmarks/bench_restore_kill.py [--runs 24] [--mb 55] [--seed N]``.

It sets up an office database (the "old" one, marker row ``bench_marker = old``) and a backup
of the same office of at least ``--mb`` MB (marker ``new``, padded with audit entries). Each run
copies both into a fresh folder, starts ``python -m kinerja_desktop --db DB restore BACKUP
--yes`` as a separate process and sends it SIGKILL after a random delay between 0 and 1.05
times the length of an uninterrupted restore (measured first, so the kills spread over start,
checking, building the copy, the pre-restore backup, the WAL release and the replace). Then
it opens the database as the app would at its next start (a read-write connection, so SQLite
recovers a ``-wal`` if one is left) and requires:

- ``PRAGMA integrity_check`` is ``ok``;
- the marker row is ``old`` or ``new`` (never missing, never a mixture);
- when it is ``new``: the restore's audit entry and the "next export is full" flag are there;
- a ``<db>.restoring`` left by the kill is removed by :func:`remove_stale_restoring`.

Prints one line per run and a summary; exits 1 when any run breaks a rule. Not collected by
pytest (``--ignore=tests/benchmarks``).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAD_ROW = "x" * 1300  # three rows a 4 KB page: the file is close to --mb


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def prepare(folder: Path, mb: int) -> tuple[Path, Path]:
    """The old database and a backup of at least ``mb`` MB of the same office."""
    sys.path.insert(0, str(ROOT))
    from kinerja_desktop.domain.enums import OfficeKind
    from kinerja_desktop.services.backups import make_backup
    from kinerja_desktop.services.setup import init_office

    live = folder / "office.sqlite"
    init_office(live, code="NGL-KLO", name="Kelurahan Kampung Olo", kind=OfficeKind.KELURAHAN,
                admin_password="admin-rahasia")  # fmt: skip
    backup = Path(make_backup(live, out=folder / "chosen.sqlite").path)
    con = sqlite3.connect(backup)
    with con:
        con.execute("INSERT INTO settings (key, value) VALUES ('bench_marker', '\"new\"')")
        rows = (mb * 1_000_000) // 1340 + 1
        con.executemany(
            "INSERT INTO audit_entries (at, username, action, entity, summary) "
            "VALUES ('2026-01-01 00:00:00', 'bench', 'update', 'settings', ?)",
            ((f"{i} {PAD_ROW}",) for i in range(rows)),
        )
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()
    con = sqlite3.connect(live)
    with con:
        con.execute("INSERT INTO settings (key, value) VALUES ('bench_marker', '\"old\"')")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return live, backup


def restore_command(db: Path, backup: Path) -> list[str]:
    return [sys.executable, "-m", "kinerja_desktop", "--db", str(db), "restore", str(backup),
            "--yes"]  # fmt: skip


@dataclass
class Outcome:
    killed: bool
    state: str  # "old", "new" or a description of what is wrong
    ok: bool
    stale_removed: bool | None


def check(db: Path) -> tuple[str, bool]:
    if not db.exists():
        return "database missing", False
    con = sqlite3.connect(db)  # read-write: recovers a -wal as the app's next start would
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            return f"integrity_check: {integrity[:3]}", False
        row = con.execute("SELECT value FROM settings WHERE key='bench_marker'").fetchone()
        marker = row[0].strip('"') if row else None
        if marker == "old":
            return "old", True
        if marker != "new":
            return f"marker {marker!r}", False
        audit = con.execute(
            "SELECT count(*) FROM audit_entries WHERE action='restore' AND entity='database'"
        ).fetchone()[0]
        full = con.execute("SELECT count(*) FROM settings WHERE key='force_full_export'")
        if audit != 1 or full.fetchone()[0] != 1:
            return f"new without its audit entry ({audit}) or full-export flag", False
        return "new", True
    except sqlite3.DatabaseError as exc:
        return f"unreadable: {exc}", False
    finally:
        con.close()


def one_run(
    base: Path, live: Path, backup: Path, delay: float | None
) -> tuple[Outcome, float, float | None]:
    """One restore, killed after ``delay`` seconds (None: let it finish). Returns the outcome,
    the time it ran and, for a finished run, when ``<db>.restoring`` first appeared."""
    folder = Path(tempfile.mkdtemp(dir=base))
    db = folder / live.name
    chosen = folder / "backups" / backup.name
    chosen.parent.mkdir()
    shutil.copyfile(live, db)
    shutil.copyfile(backup, chosen)
    start = time.perf_counter()
    proc = subprocess.Popen(restore_command(db, chosen), env=_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)  # fmt: skip
    killed = False
    copy_seen: float | None = None
    if delay is None:
        restoring = db.with_name(db.name + ".restoring")
        while proc.poll() is None:
            if copy_seen is None and restoring.exists():
                copy_seen = time.perf_counter() - start
            time.sleep(0.005)
        assert proc.stderr is not None
        err = proc.stderr.read()
        if proc.returncode != 0:
            raise SystemExit(f"restore failed: {err.decode(errors='replace')}")
    else:
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            killed = True
        proc.wait()
    elapsed = time.perf_counter() - start
    if proc.stderr is not None:
        proc.stderr.close()
    state, ok = check(db)
    ok = ok and chosen.exists()  # the backup restored from is never deleted
    stale_removed = None
    restoring = db.with_name(db.name + ".restoring")
    if restoring.exists():
        sys.path.insert(0, str(ROOT))
        from kinerja_desktop.services.backups import remove_stale_restoring

        stale_removed = remove_stale_restoring(db) and not restoring.exists()
        ok = ok and stale_removed
    shutil.rmtree(folder, ignore_errors=True)
    return Outcome(killed, state, ok, stale_removed), elapsed, copy_seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=24)
    parser.add_argument("--mb", type=int, default=55)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="bench-restore-") as tmp:
        base = Path(tmp)
        setup = base / "setup"
        setup.mkdir()
        live, backup = prepare(setup, args.mb)
        size_mb = backup.stat().st_size / 1e6
        print(f"backup {size_mb:.1f} MB, old database {live.stat().st_size / 1e6:.2f} MB, "
              f"seed {seed}")  # fmt: skip
        full, elapsed, copy_seen = one_run(base, live, backup, None)
        assert full.state == "new" and full.ok, full
        writing = copy_seen if copy_seen is not None else 0.0
        print(f"uninterrupted restore (process start to exit): {elapsed:.2f} s; "
              f"<db>.restoring appeared at {writing:.2f} s")  # fmt: skip
        counts = {"old": 0, "new": 0, "bad": 0, "completed": 0, "stale": 0}
        for index in range(args.runs):
            # Every other kill aims at the writing phase (copy, pre-restore backup, replace);
            # the rest fall anywhere from process start to a little past the usual end.
            low = writing * 0.9 if index % 2 else 0.0
            delay = rng.uniform(low, elapsed * 1.05)
            outcome, _took, _seen = one_run(base, live, backup, delay)
            label = outcome.state if outcome.ok else f"BROKEN: {outcome.state}"
            counts[outcome.state if outcome.ok else "bad"] += 1
            counts["completed"] += not outcome.killed
            counts["stale"] += outcome.stale_removed is not None
            print(f"run {index + 1:2d}: kill at {delay:5.2f} s "
                  f"{'(finished first)' if not outcome.killed else '':17s} -> {label}"
                  f"{'  (.restoring left, removed)' if outcome.stale_removed else ''}")  # fmt: skip
        print(
            f"\n{args.runs} runs: {counts['old']} old, {counts['new']} new, {counts['bad']} "
            f"broken; {counts['completed']} finished before the kill; {counts['stale']} left a "
            f".restoring that was removed"
        )
    return 1 if counts["bad"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
