"""Backups of the city's PostgreSQL database, kept like the SQLite ones (issue 18.5).

A dump is named ``<database>-<UTC stamp>-<reason>.dump`` in a backup folder (Pengaturan's
``backup_dir`` stored in the server database, else ``<data dir>/server/<host>-<port>-<database>
/backups`` on the PC that makes it: the server has no folder beside a file), so the SQLite
rotation (:func:`storage.backup.choose_kept`: the 10 newest, then one a day, a week and a
month) reads its time the same way; the size budget removes, oldest first, only backups that
have a newer one of the same day, and never a kept one (as :mod:`.backup_budget` does).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from kinerja_desktop.config import DatabaseUrl
from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.services.admin.backup_budget import BudgetReport
from kinerja_desktop.services.admin.backups import BackupInfo, record_restore
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.server_dumps import (  # the folder rule, shared with opening
    SUFFIX,
    free_dump_path,
    server_backup_place,
)
from kinerja_desktop.storage import backup as store, pg_backup
from kinerja_desktop.storage.migrate import head_revision, known_revisions, upgrade_engine
from kinerja_desktop.storage.models import Setting
from kinerja_desktop.storage.pg_backup import RestoreResult, Session

log = logging.getLogger(__name__)

#: How long a closed connection's backend may take to leave the session list.
SETTLE = 0.3


def backup_server(
    address: DatabaseUrl, *, reason: str = "manual", out: Path | None = None
) -> BackupInfo:
    """``backup`` on a server database: a dump into its backup folder, rotated and budgeted
    like the SQLite ones; with ``out`` a dump to that file only, no rotation."""
    if out is not None:
        info = pg_backup.dump(address.url, out)
        return BackupInfo(str(out), datetime.now(UTC), info.size, reason)
    folder, budget = server_backup_place(address)
    return make_server_backup(address.url, folder, reason=reason, budget=budget)


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
    dest = free_dump_path(folder, database, reason, when)
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


def server_sessions(target: str | URL | Engine, *, settle: float = SETTLE) -> list[Session]:
    """Who else is connected to the server database, for the confirmation before a restore.

    A connection just closed (the window's own, let go before a restore) stays listed until
    its backend exits, a moment later; only the sessions still there after ``settle``
    seconds are others'.
    """
    first = pg_backup.other_sessions(target)
    if not first or settle <= 0:
        return first
    time.sleep(settle)
    still = {s.pid for s in pg_backup.other_sessions(target)}
    return [s for s in first if s.pid in still]


def restore_server_backup(
    target: str | URL | Engine,
    source: Path,
    *,
    confirm_end: Callable[[list[Session]], bool],
    actor: Actor | None = None,
    office_code: str | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """Restore ``source`` into a fresh database and swap names (see :func:`pg_backup.restore`).

    The caller disposes its own engine on the database first; ``confirm_end`` is the same
    typed confirmation the SQLite restore asks for, shown with the sessions it would end.
    As on SQLite, the restored database records the restore (with ``actor``) and marks every
    partner for a full export: they may have seen rows newer than the dump. As on SQLite, a
    dump of another office needs that office's code (``office_code``), one made by a newer
    app is refused, and an older one is migrated, all before anything is swapped.

    Raises:
        ValidationError: ``restore.office_required``, ``restore.office_mismatch`` or
            ``restore.newer``; nothing was changed.
    """
    if isinstance(target, Engine):
        target.dispose()
    live = pg_backup.as_url(target)
    # Read before the restore starts: the server may still list this short connection's
    # backend for a moment after it closed, and it is no one's session to ask about.
    own, identity = _identity(live)

    def confirm_others(found: list[Session]) -> bool:
        others = [s for s in found if s.pid != own]
        return not others or confirm_end(others)

    result = pg_backup.restore(
        target,
        source,
        confirm_end=confirm_others,
        prepare=partial(_prepare_restored, identity, source, office_code),
        now=now,
    )
    _mark_restored(pg_backup.as_url(target), source, actor)
    return result


Identity = tuple[str | None, str | None, str | None]


def _identity(url: URL) -> tuple[int, Identity]:
    """The backend pid of the connection that read it, and the schema revision, home office
    code and its uuid of a server database."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            pid = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            code = conn.execute(select(Setting.value).where(Setting.key == "home_office")).scalar()
            uuid = None
            if code is not None:
                uuid = conn.execute(
                    text("SELECT uuid FROM offices WHERE code = :c"), {"c": str(code)}
                ).scalar()
    finally:
        engine.dispose()
    return pid, (
        None if revision is None else str(revision),
        None if code is None else str(code),
        None if uuid is None else str(uuid),
    )


def _prepare_restored(live: Identity, source: Path, office_code: str | None, fresh: URL) -> None:
    """Check the restored copy as :func:`.restore.plan_restore` checks a file, then migrate it."""
    revision, code, uuid = _identity(fresh)[1]
    where = str(source)
    if revision is not None and revision not in known_revisions():
        raise ValidationError("restore.newer", path=where, db_revision=revision)
    _, live_code, live_uuid = live
    if live_uuid is not None and uuid != live_uuid:
        expected = code or "?"
        typed = (office_code or "").strip().upper()
        if not typed:
            raise ValidationError("restore.office_required", path=where,
                                  backup_code=expected, live_code=live_code or "?")  # fmt: skip
        if typed != expected:
            raise ValidationError("restore.office_mismatch", path=where, typed=typed,
                                  backup_code=expected)  # fmt: skip
    engine = create_engine(fresh, poolclass=NullPool)
    try:
        if revision != head_revision():
            upgrade_engine(engine)
    finally:
        engine.dispose()


def _mark_restored(url: URL, source: Path, actor: Actor | None) -> None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            record_restore(conn, actor.username if actor else "system", source.name)
    except (SQLAlchemyError, KinerjaError) as exc:
        # The restore itself is complete; say it in the log rather than look failed.
        log.warning("restored %s but could not record it: %s", url.database, exc)
    finally:
        engine.dispose()
