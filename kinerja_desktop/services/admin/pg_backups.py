"""Backups of the city's PostgreSQL database, kept like the SQLite ones (issue 18.5).

A dump is named ``<database>-<UTC stamp>-<reason>.dump`` in a backup folder, so the SQLite
rotation (:func:`storage.backup.choose_kept`: the 10 newest, then one a day, a week and a
month) reads its time the same way; the size budget removes, oldest first, only backups that
have a newer one of the same day, and never a kept one (as :mod:`.backup_budget` does).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL

from kinerja_desktop.services.admin.backup_budget import BudgetReport
from kinerja_desktop.services.admin.backups import BackupInfo
from kinerja_desktop.storage import backup as store, pg_backup
from kinerja_desktop.storage.pg_backup import RestoreResult, Session

log = logging.getLogger(__name__)

SUFFIX = ".dump"


def list_dumps(folder: Path, stem: str) -> list[Path]:
    """The app-named dumps of database ``stem`` in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{stem}-[0-9]*{SUFFIX}"))


def _stamped(folder: Path, stem: str) -> list[tuple[Path, datetime]]:
    return [
        (path, when)
        for path in list_dumps(folder, stem)
        if (when := store.backup_time(path, stem)) is not None
    ]


def rotate_dumps(
    folder: Path,
    stem: str,
    *,
    keep: int = store.DEFAULT_KEEP,
    now: datetime | None = None,
    protect: frozenset[Path] = frozenset(),
) -> list[Path]:
    """Delete the dumps :func:`storage.backup.choose_kept` does not keep; return them.

    Dumps named by hand (no time stamp) and those in ``protect`` are never touched.
    """
    stamped = _stamped(folder, stem)
    kept = store.choose_kept(stamped, keep=keep, now=now or datetime.now(UTC))
    guarded = {p.resolve() for p in protect}
    doomed = [p for p, _ in stamped if p not in kept and p.resolve() not in guarded]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def apply_dump_budget(
    folder: Path,
    stem: str,
    budget: int,
    *,
    now: datetime | None = None,
    protect: frozenset[Path] = frozenset(),
) -> BudgetReport | None:
    """Bring the dumps under ``budget`` bytes (None when 0: no budget) by removing, oldest
    first, dumps that have a newer dump of the same day and are not a kept slot."""
    if budget <= 0:
        return None
    stamped = _stamped(folder, stem)
    retained = store.choose_kept(stamped, keep=1, now=now or datetime.now(UTC))
    guarded = {p.resolve() for p in protect | retained}
    sizes = {path: path.stat().st_size for path, _ in stamped}
    newest_of_day: dict[object, datetime] = {}
    for _, when in stamped:
        newest_of_day[when.date()] = max(newest_of_day.get(when.date(), when), when)
    extras = sorted(
        (item for item in stamped if item[1] < newest_of_day[item[1].date()]),
        key=lambda item: item[1],
    )
    used = sum(sizes.values())
    removed: list[str] = []
    for path, _ in extras:
        if used <= budget:
            break
        if path.resolve() in guarded:
            continue
        path.unlink(missing_ok=True)
        used -= sizes[path]
        removed.append(str(path))
    if removed:
        log.info("dump budget %d bytes: removed %s", budget, ", ".join(removed))
    return BudgetReport(budget=budget, used=used, removed=tuple(removed))


def dump_name(database: str, reason: str, now: datetime) -> str:
    return f"{database}-{now.strftime(store.STAMP_FORMAT)}-{reason}{SUFFIX}"


def make_server_backup(
    target: str | URL | Engine,
    folder: Path,
    *,
    reason: str = "manual",
    keep: int | None = store.DEFAULT_KEEP,
    budget: int = 0,
    now: datetime | None = None,
) -> BackupInfo:
    """Dump the server database into ``folder``, verify it, then rotate the folder.

    Returns the backup as the Cadangan list shows SQLite ones, with the budget report.
    """
    when = now or datetime.now(UTC)
    database = str(pg_backup.as_url(target).database)
    dest = folder / dump_name(database, reason, when)
    counter = 1
    while dest.exists():
        counter += 1
        dest = folder / dump_name(database, f"{reason}-{counter}", when)
    info = pg_backup.dump(target, dest)
    if keep is not None:
        rotate_dumps(folder, database, keep=keep, now=when, protect=frozenset({dest}))
    report = apply_dump_budget(folder, database, budget, now=when, protect=frozenset({dest}))
    return BackupInfo(str(dest), when, info.size, reason, report)


def list_server_backups(target: str | URL | Engine, folder: Path) -> list[BackupInfo]:
    """The dumps of the server database in ``folder``, newest first."""
    database = str(pg_backup.as_url(target).database)
    items = [
        BackupInfo(
            str(path),
            store.backup_time(path, database),
            path.stat().st_size,
            store.backup_reason(path, database),
        )
        for path in list_dumps(folder, database)
    ]
    items.sort(key=lambda b: b.created_at or datetime.min.replace(tzinfo=UTC), reverse=True)
    return items


def verify_server_backup(path: Path) -> int:
    """Check a dump as the Cadangan dialog's Periksa does: the number of entries
    ``pg_restore --list`` reads; raises ``pg_backup.verify_failed`` when it cannot."""
    return pg_backup.list_entries(path)


def server_sessions(target: str | URL | Engine) -> list[Session]:
    """Who else is connected to the server database, for the confirmation before a restore."""
    return pg_backup.other_sessions(target)


def restore_server_backup(
    target: str | URL | Engine,
    source: Path,
    *,
    confirm_end: Callable[[list[Session]], bool],
    now: datetime | None = None,
) -> RestoreResult:
    """Restore ``source`` into a fresh database and swap names (see :func:`pg_backup.restore`).

    The caller disposes its own engine on the database first; ``confirm_end`` is the same
    typed confirmation the SQLite restore asks for, shown with the sessions it would end.
    """
    if isinstance(target, Engine):
        target.dispose()
    return pg_backup.restore(target, source, confirm_end=confirm_end, now=now)
