"""The worker's half of opening a database at start (issue 16.2): nothing here touches a widget.

:class:`~kinerja_desktop.gui.startup.Startup` hands these functions to the task runner's writer,
so the GUI thread keeps painting while the file is classified, the writer lock taken, the full
``quick_check`` run (when it must come first), the schema upgraded and the status bar's facts
read. Each returns an :class:`Opening` that says what the GUI thread is to do next; questions
(restore?) and message boxes stay on the GUI thread. The services (and SQLAlchemy) are imported
here, on the worker, so the GUI thread never waits on those imports before the first rows.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from kinerja_desktop.domain.errors import DatabaseError, KinerjaError

if TYPE_CHECKING:
    from kinerja_desktop.gui.admin.first_start import FirstStartResult

T = TypeVar("T")


class Outcome(enum.Enum):
    OPENED = "opened"  # writable, the writer lock held (a file) or a server database
    HELD = "held"  # another running copy holds the writer lock: opened read-only
    UNWRITABLE = "unwritable"  # this user cannot write the file: opened read-only
    DAMAGED = "damaged"  # the full check, due before use, failed: nothing opened


@dataclass
class Opening:
    """What the worker found and opened for ``Startup``."""

    outcome: Outcome
    db: Any = None  # services.common.Database
    info: Any = None  # services.common.dto.DatabaseInfo (None when it could not be read)
    info_error: KinerjaError | None = None
    lock: Any = None  # the writer lock, held (OPENED and DAMAGED on a file)
    holder: Any = None  # who holds it (HELD)
    check_first: bool = False  # the full check ran (or was due) before use
    anyone: bool = True  # the database has accounts (someone can sign in)
    reason: str | None = None  # why the file cannot be written (UNWRITABLE)


def read_only_reason(path: Any) -> str | None:
    """Why this user cannot write ``path`` (``None``: writable); raises ``db.not_kinerja``,
    ``db.missing``... for a file that must not be opened, before any lock file is made."""
    from kinerja_desktop.services.admin import inspect_file

    return inspect_file(path).read_only_reason


def open_for_use(
    path: Any, on_file: bool, reason: str | None, keep_lock: Callable[[Any], None]
) -> Opening:
    """Open ``path`` as ``Startup.open`` describes; ``keep_lock`` receives the writer lock as
    soon as it is taken (so a window closed meanwhile still lets go of it). No lock is taken
    for what is not a file (a server database; a missing file, which opening refuses)."""
    from kinerja_desktop.services.admin import (
        acquire_writer,
        check_before_use,
        open_read_only,
        quick_check,
    )

    if reason is not None:
        if not quick_check(path):
            # Restoring means writing here, which is impossible: say so, offer nothing.
            raise DatabaseError("db.corrupt", path=str(path), file=str(path))
        db = open_read_only(path, reason=reason)
        return _with_facts(Opening(Outcome.UNWRITABLE, db=db, reason=reason))
    lock, holder = acquire_writer(path) if on_file else (None, None)
    if holder is not None:
        return _with_facts(Opening(Outcome.HELD, db=open_read_only(path), holder=holder))
    keep_lock(lock)
    check_first = check_before_use(lock)
    if check_first and not _healthy(path):
        return Opening(Outcome.DAMAGED, lock=lock, check_first=True)
    return open_writable(path, lock, check_first)


def open_writable(path: Any, lock: Any, check_first: bool) -> Opening:
    """Open (upgrading after a backup when needed) the file whose lock this copy holds."""
    from kinerja_desktop.services.common import Database

    db = Database.open(path, migrate=True)
    if check_first and lock is not None:
        lock.record_full_check()
    return _with_facts(Opening(Outcome.OPENED, db=db, lock=lock, check_first=check_first))


def _healthy(path: Any) -> bool:
    from kinerja_desktop.services.admin import quick_check

    try:
        return bool(quick_check(path))
    except KinerjaError:
        return True  # missing, a folder...: opening says so in its own words


def _with_facts(opening: Opening) -> Opening:
    """The status bar's facts (cheap queries) and whether anyone can sign in, read here: the
    first queries of a session pay SQLAlchemy's set-up, a third of a second."""
    from kinerja_desktop.services.admin import has_users, is_read_only
    from kinerja_desktop.services.common import database_info

    db = opening.db
    try:
        opening.info = database_info(db, counts=False)
    except KinerjaError as err:
        opening.info_error = err
    if not is_read_only(db):
        try:
            opening.anyone = has_users(db)
        except KinerjaError:
            opening.anyone = True  # the sign-in then says what is wrong
    return opening


def build_demo_file(path: Path) -> Any:
    # Imported here: the demo builder pulls in the whole write side, which a normal start
    # never needs before the window is on screen.
    from kinerja_desktop.services.demo import build_demo

    return build_demo(path)


def init_office_file(path: Path, result: FirstStartResult) -> Any:
    from kinerja_desktop.services.admin import init_office

    return init_office(
        path,
        code=result.code,
        name=result.name,
        kind=result.kind,
        parent_code=result.parent_code,
        admin_password=result.admin_password,
    )


def sign_in_as(db: Any, username: str, password: str) -> Any:
    """The actor of ``username`` once the password matched (``None`` on a read-only file);
    on the writer: a failed attempt is counted."""
    from kinerja_desktop.services.admin import actor_for, authenticate, is_read_only

    if is_read_only(db):
        return None
    return actor_for(gently(authenticate, db, username, password), db)


def gently(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` (called from a worker) on a short-lived thread of lower CPU priority.

    argon2 verifies a hash on four threads of its own (the hash's four lanes): on a two-core
    office PC they took both cores from the GUI thread for half a second, which stalled its
    painting 150-230 ms although the GIL was free. Threads inherit their creator's priority on
    Linux, so the check yields the cores to painting there; elsewhere it runs as it is (on
    macOS the same call would lower the whole process).
    """
    if not sys.platform.startswith("linux"):
        return fn(*args)
    box: dict[str, Any] = {}

    def run() -> None:
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        try:
            box["result"] = fn(*args)
        except BaseException as error:  # handed back to the caller's thread
            box["error"] = error

    thread = threading.Thread(target=run, name="kinerja-password", daemon=True)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["result"]  # type: ignore[no-any-return]


def let_go(closing: Any, lock: Any) -> None:
    """On the writer: wait for (or run) the old database's close, then release its lock (also
    after a failed close: the failure is logged, the lock must not stay with a closed file)."""
    try:
        if closing is not None:
            closing.run()
    finally:
        if lock is not None:
            lock.release()
