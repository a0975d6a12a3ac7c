"""Benchmark: ``kill -9`` at random moments during ``kinerja-desktop restore`` (issue 13).

Run ``python tests/benchmarks/bench_restore_kill.py [--runs 32] [--mb 55] [--seed N]``.

It sets up an office database (the "old" one, marker row ``bench_marker = old``) and a backup
of the same office of at least ``--mb`` MB (marker ``new``, padded with audit entries). Each run
copies both into a fresh folder, starts ``python -m kinerja_desktop --db DB restore BACKUP
--yes`` as a separate process and sends it SIGKILL a random time (0 to 1.2 times the rest of
an uninterrupted restore) after one of four anchors, in turn: the process start, the first
sight of ``<db>.restoring``, the first sight of the pre-restore backup, and that backup again
with only 0 to 60 ms added (the WAL release and the replace). So the kills cover
start-up, checking, building the copy, the backup, the WAL release and the replace. Then
it opens the database as the app would at its next start (a read-write connection, so SQLite
recovers a ``-wal`` if one is left) and requires:

- ``PRAGMA integrity_check`` is ``ok``;
- the marker row is ``old`` or ``new`` (never missing, never a mixture);
- when it is ``new``: the restore's audit entry and the "next export is full" flag are there;
- a ``<db>.restoring`` left by the kill is removed by :func:`remove_stale_restoring`.

First it times the uninterrupted restore interleaved with its floor (``--pairs``; a fresh
process copying the backup in with SQLite's backup API): median, min–max and n. Then it
prints one line per run and a summary; exits 1 when any run breaks a rule. Not collected by
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
sys.path.insert(0, str(ROOT))

from tests.benchmarks.pairing import interleave, report  # noqa: E402

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
    from kinerja_desktop.services.admin.backups import make_backup
    from kinerja_desktop.services.admin.setup import init_office

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


TRIGGERS = ("start", "copy", "safety")


def _trigger_seen(trigger: str, db: Path) -> bool:
    if trigger == "copy":
        return db.with_name(db.name + ".restoring").exists()
    if trigger == "safety":
        return any((db.parent / "backups").glob("*-pre-restore*.sqlite"))
    return True


def one_run(
    base: Path, live: Path, backup: Path, trigger: str | None, extra: float = 0.0
) -> tuple[Outcome, dict[str, float]]:
    """One restore, killed ``extra`` seconds after ``trigger`` was seen (None: let it
    finish). ``start`` is the process start, ``copy`` the first sight of ``<db>.restoring``,
    ``safety`` the first sight of the pre-restore backup. Returns the outcome and when each
    trigger was first seen (and ``end`` for a finished run)."""
    folder = Path(tempfile.mkdtemp(dir=base))
    db = folder / live.name
    chosen = folder / "backups" / backup.name
    chosen.parent.mkdir()
    shutil.copyfile(live, db)
    shutil.copyfile(backup, chosen)
    start = time.perf_counter()
    proc = subprocess.Popen(restore_command(db, chosen), env=_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)  # fmt: skip
    seen: dict[str, float] = {}
    kill_at: float | None = None
    while proc.poll() is None:
        now = time.perf_counter() - start
        for name in TRIGGERS:
            if name not in seen and _trigger_seen(name, db):
                seen[name] = now
        if trigger is not None and kill_at is None and trigger in seen:
            kill_at = seen[trigger] + extra
        if kill_at is not None and now >= kill_at:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.002)
    proc.wait()
    killed = proc.returncode == -signal.SIGKILL
    assert proc.stderr is not None
    err = proc.stderr.read()
    proc.stderr.close()
    if not killed and proc.returncode != 0:
        raise SystemExit(f"restore failed: {err.decode(errors='replace')}")
    seen["end"] = time.perf_counter() - start
    state, ok = check(db)
    ok = ok and chosen.exists()  # the backup restored from is never deleted
    stale_removed = None
    restoring = db.with_name(db.name + ".restoring")
    if restoring.exists():
        sys.path.insert(0, str(ROOT))
        from kinerja_desktop.services.admin.backups import remove_stale_restoring

        stale_removed = remove_stale_restoring(db) and not restoring.exists()
        ok = ok and stale_removed
    shutil.rmtree(folder, ignore_errors=True)
    return Outcome(killed, state, ok, stale_removed), seen


FLOOR_RESTORE = """
import os, sqlite3, sys
db, backup = sys.argv[1], sys.argv[2]
src, dst = sqlite3.connect(backup), sqlite3.connect(db + ".restoring")
src.backup(dst)
dst.close(); src.close()
os.replace(db + ".restoring", db)
"""


def floor_run(base: Path, live: Path, backup: Path) -> float:
    """The least a restore pays: a fresh Python process copying the backup in with SQLite's
    backup API and moving it into place (no checks, no safety copy)."""
    folder = Path(tempfile.mkdtemp(dir=base))
    db = folder / live.name
    shutil.copyfile(live, db)
    chosen = folder / backup.name
    shutil.copyfile(backup, chosen)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", FLOOR_RESTORE, str(db), str(chosen)], check=True)
    seconds = time.perf_counter() - start
    shutil.rmtree(folder, ignore_errors=True)
    return seconds


def timing(base: Path, live: Path, backup: Path, pairs: int) -> None:
    """The uninterrupted restore beside its floor, interleaved."""

    def app() -> float:
        outcome, seen = one_run(base, live, backup, None)
        assert outcome.state == "new" and outcome.ok, outcome
        return seen["end"]

    restored, floor = interleave(app, lambda: floor_run(base, live, backup), pairs=pairs)
    report("uninterrupted restore (process start to exit)", restored, floor,
           app_name="restore", floor_name="backup API copy")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=32)
    parser.add_argument("--mb", type=int, default=55)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--pairs", type=int, default=2, help="timing pairs (0: none)")
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
        full, seen = one_run(base, live, backup, None)
        assert full.state == "new" and full.ok, full
        print("uninterrupted restore: " + ", ".join(f"{k} {v:.2f} s" for k, v in seen.items()))
        if args.pairs:
            timing(base, live, backup, args.pairs)
        # How long after each trigger the rest of the restore takes, with a margin.
        spans = {name: (seen["end"] - seen.get(name, 0.0)) * 1.2 for name in TRIGGERS}
        counts = {"old": 0, "new": 0, "bad": 0, "completed": 0, "stale": 0}
        for index in range(args.runs):
            # The kills rotate over the anchors so that every phase is hit: the process
            # start (imports, checking), the copy being built, and the pre-restore backup
            # (the WAL release and the replace follow it within milliseconds).
            # A fourth of them land within 60 ms of the pre-restore backup appearing, where the
            # WAL release and the replace happen (a window of a few milliseconds).
            anchor = ("start", "copy", "safety", "replace")[index % 4]
            trigger = "safety" if anchor == "replace" else anchor
            extra = rng.uniform(0.0, 0.06 if anchor == "replace" else spans[trigger])
            outcome, _seen = one_run(base, live, backup, trigger, extra)
            label = outcome.state if outcome.ok else f"BROKEN: {outcome.state}"
            counts[outcome.state if outcome.ok else "bad"] += 1
            counts["completed"] += not outcome.killed
            counts["stale"] += outcome.stale_removed is not None
            print(f"run {index + 1:2d}: kill {extra:5.3f} s after {trigger:6s} "
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
