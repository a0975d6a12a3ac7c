"""The log file of this process, for the GUI and the command line alike.

One file per process (``kinerja-<gui|cli>-<UTC stamp>-<pid>.log`` in the user log folder), not
one shared file that rotates: on Windows a rotating handler cannot rename a log that a second
running copy holds open, so rotation failed and every later record of that copy was lost (and
on Linux the rename sent the other copy's records into a file the next rotation deleted). A
process never renames anything here; old files are pruned at start, newest kept, and a file
another copy still writes (which Windows will not delete) is simply left for next time.

The file is created on the first record only, so a command that logs nothing leaves nothing.
"""

from __future__ import annotations

import contextlib
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

LOGGER = "kinerja_desktop"
#: How many per-process log files are kept (the newest); a clerk's folder stays small.
KEEP_FILES = 30
_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"


class _ProcessFileHandler(logging.FileHandler):
    """Marks the handler this module installed (so a second call adds no other)."""


def log_file_name(kind: str, *, now: datetime | None = None, pid: int | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return f"kinerja-{kind}-{stamp}-{pid if pid is not None else os.getpid()}.log"


def prune(folder: Path, *, keep: int = KEEP_FILES) -> None:
    """Delete all but the ``keep`` newest ``kinerja-*.log`` files; skip any that resist."""
    try:
        files = sorted(folder.glob("kinerja-*.log"), key=lambda p: p.stat().st_mtime)
    except OSError:
        return
    for old in files[: max(0, len(files) - keep)]:
        with contextlib.suppress(OSError):  # still open in another copy, on Windows
            old.unlink()


def current_log_file() -> Path | None:
    """The file this process logs to, or None when logging to a file is not set up."""
    for handler in logging.getLogger(LOGGER).handlers:
        if isinstance(handler, _ProcessFileHandler):
            return Path(handler.baseFilename)
    return None


def setup_logging(kind: str, *, folder: Path | None = None) -> Path | None:
    """Send the app's log records to this process's own file; returns its path.

    Safe to call twice (the second call returns the same file). A log folder that cannot be
    made (a read-only profile) leaves logging off instead of stopping the app.
    """
    existing = current_log_file()
    if existing is not None:
        return existing
    if folder is None:
        from kinerja_desktop.config import log_dir

        folder = log_dir()
    log = logging.getLogger(LOGGER)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        # Without any handler, logging's last resort would print records (with their
        # tracebacks) on stderr, which is exactly where they must not go.
        if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
            log.addHandler(logging.NullHandler())
        return None
    prune(folder, keep=KEEP_FILES - 1)
    handler = _ProcessFileHandler(folder / log_file_name(kind), encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(_FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return Path(handler.baseFilename)
