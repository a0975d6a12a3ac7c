"""One log file per process: two running copies never rotate each other's log away."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from kinerja_desktop import logsetup

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import logging, sys, time
from pathlib import Path
from kinerja_desktop.logsetup import setup_logging
path = setup_logging(sys.argv[1], folder=Path(sys.argv[2]))
log = logging.getLogger("kinerja_desktop.test")
print(path, flush=True)
for i in range(400):
    log.info("%s record %d %s", sys.argv[1], i, "x" * 200)
    if i == 0:
        sys.stdin.readline()  # both copies have started before either writes more
print("done", flush=True)
"""


def test_two_copies_keep_every_record(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, kind, str(tmp_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for kind in ("gui", "cli")
    ]
    paths = []
    for child in children:
        assert child.stdout is not None
        paths.append(Path(child.stdout.readline().strip()))
    for child in children:
        out, err = child.communicate("go\n", timeout=60)
        assert out.strip() == "done" and err == ""
    assert paths[0] != paths[1]
    for kind, path in zip(("gui", "cli"), paths, strict=True):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert path.name.startswith(f"kinerja-{kind}-")
        assert [line.split(" record ")[1].split()[0] for line in lines] == [
            str(i) for i in range(400)
        ]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)


def test_nothing_is_written_until_something_is_logged(tmp_path: Path, monkeypatch) -> None:
    import logging

    log = logging.getLogger(logsetup.LOGGER)
    monkeypatch.setattr(log, "handlers", [])
    path = logsetup.setup_logging("cli", folder=tmp_path)
    assert path is not None and not path.exists()
    assert logsetup.setup_logging("cli", folder=tmp_path / "other") == path  # once per process
    logging.getLogger("kinerja_desktop.cli").warning("hello")
    assert "hello" in path.read_text(encoding="utf-8")
    for handler in log.handlers:
        handler.close()


def test_old_files_are_pruned_newest_kept(tmp_path: Path) -> None:
    now = time.time()
    for index in range(40):
        old = tmp_path / f"kinerja-cli-2026{index:04d}-1.log"
        old.write_text("x")
        os.utime(old, (now - 1000 + index, now - 1000 + index))
    (tmp_path / "other.txt").write_text("kept")
    logsetup.prune(tmp_path, keep=30)
    left = sorted(p.name for p in tmp_path.glob("kinerja-*.log"))
    assert left == [f"kinerja-cli-2026{index:04d}-1.log" for index in range(10, 40)]
    assert (tmp_path / "other.txt").exists()


def test_an_unwritable_log_folder_keeps_records_off_stderr(tmp_path: Path, monkeypatch) -> None:
    import logging

    log = logging.getLogger(logsetup.LOGGER)
    monkeypatch.setattr(log, "handlers", [])
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert logsetup.setup_logging("cli", folder=blocker / "log") is None
    # logging's "last resort" handler would print to stderr when no handler exists at all
    assert any(isinstance(h, logging.NullHandler) for h in log.handlers)
