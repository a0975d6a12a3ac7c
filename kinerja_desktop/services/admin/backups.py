"""Backups a clerk can see, make and restore, and the automatic one at start.

A restore can never make things worse (issue 13):

1. the chosen file is checked completely (a Kinerja database of a known schema revision that
   passes ``PRAGMA integrity_check``) and its home office compared with the live one, before
   anything is written;
2. ``<db>.restoring`` is built beside the database: the backup, migrated when older, with its
   audit entry and the "next export is full" marks applied to the copy, flushed to disk;
3. the current state is backed up (``pre-restore``, no rotation yet);
4. the live file lets go of its WAL (every connection closed, ``wal_checkpoint(TRUNCATE)``,
   no ``-wal`` left), and ``os.replace`` puts the copy in its place in one step, the folder
   flushed after;
5. only then the backup folder is rotated, never deleting the file restored from.

A crash at any moment leaves either the old database or the new one, each complete; a stale
``<db>.restoring`` is removed at the next restore or start.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from sqlalchemy import delete, insert, update

from kinerja_desktop.domain.errors import ConflictError, DatabaseError, ValidationError
from kinerja_desktop.services.admin.settings import backup_folder_for_path
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.dto import Changes
from kinerja_desktop.storage import backup as store
from kinerja_desktop.storage.engine import SQLITE_HEADER, check_database_file, create_db_engine
from kinerja_desktop.storage.file_ops import (
    FileBusyError,
    fsync_dir,
    fsync_file,
    move_together,
    programs_holding,
    replace_with_retry,
    unlink_with_retry,
)
from kinerja_desktop.storage.migrate import (
    current_revision,
    head_revision,
    known_revisions,
    upgrade_engine,
)
from kinerja_desktop.storage.models import AuditEntry, Setting, SyncPartner

log = logging.getLogger(__name__)

AUTO_INTERVAL = timedelta(hours=4)
FORCE_FULL_KEY = "force_full_export"
STALE_RESTORING = timedelta(minutes=30)


@dataclass(frozen=True)
class BackupInfo:
    path: str
    created_at: datetime | None
    size: int
    reason: str


def backup_folders(db_path: Path) -> list[Path]:
    """Where backups of ``db_path`` are: the configured folder first (Pengaturan), then
    ``backups`` beside the file, where the backup before a migration always goes."""
    folders = [backup_folder_for_path(db_path), store.backup_dir_for(db_path)]
    return list(dict.fromkeys(folder.resolve() for folder in folders))


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of ``db_path`` in its backup folders, newest first."""
    items = []
    paths = [
        p for folder in backup_folders(db_path) for p in store.list_backups(folder, db_path.stem)
    ]
    for path in paths:
        items.append(
            BackupInfo(
                path=str(path),
                created_at=store.backup_time(path, db_path.stem),
                size=path.stat().st_size,
                reason=store.backup_reason(path, db_path.stem),
            )
        )
    items.sort(key=lambda b: b.created_at or datetime.min.replace(tzinfo=UTC), reverse=True)
    return items


def make_backup(
    db_path: Path,
    *,
    reason: str = "manual",
    out: Path | None = None,
    now: datetime | None = None,
) -> BackupInfo:
    """Back up now (to ``out`` or the backup folder). Never migrates the database."""
    check_database_file(db_path, must_exist=True)
    try:
        folder = backup_folder_for_path(db_path)
        dest = store.backup_database(db_path, dest=out, reason=reason, now=now, folder=folder)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(
            "backup.write_failed", path=str(out or backup_folder_for_path(db_path)), error=str(exc)
        ) from exc
    return BackupInfo(
        path=str(dest),
        created_at=store.backup_time(dest, db_path.stem),
        size=dest.stat().st_size,
        reason=reason,
    )


def auto_backup(db_path: Path, *, now: datetime | None = None) -> BackupInfo | None:
    """Back up at start unless a backup younger than :data:`AUTO_INTERVAL` exists.

    It also removes a ``<db>.restoring`` left by a restore that crashed long enough ago that
    it cannot be one still running.
    """
    now = now or datetime.now(UTC)
    remove_stale_restoring(db_path, older_than=STALE_RESTORING)
    newest = next((b for b in list_backups(db_path) if b.created_at is not None), None)
    if newest is not None and newest.created_at and now - newest.created_at < AUTO_INTERVAL:
        return None
    return make_backup(db_path, reason="start", now=now)


def restoring_path(db_path: Path) -> Path:
    """The copy a restore builds beside the database before it replaces it."""
    return db_path.with_name(db_path.name + ".restoring")


def remove_stale_restoring(db_path: Path, *, older_than: timedelta | None = None) -> bool:
    """Delete a ``<db>.restoring`` left by a crashed restore; True when one was removed.

    Always safe for the database: the live file is never the ``.restoring`` one. With
    ``older_than`` a younger file is left alone (it may belong to a restore running now).
    """
    stale = restoring_path(db_path)
    if not stale.exists():
        return False
    if older_than is not None:
        age = datetime.now(UTC) - datetime.fromtimestamp(stale.stat().st_mtime, UTC)
        if age < older_than:
            return False
    try:
        store.remove_with_companions(stale)
    except OSError as exc:
        log.warning("could not remove %s: %s", stale, exc)
        return False
    log.info("removed %s left by an interrupted restore", stale)
    return True


@dataclass(frozen=True)
class BackupCheck:
    """A backup file that passed every check: what it holds and for which office."""

    path: str
    revision: str
    office_code: str | None
    office_uuid: str | None
    office_name: str | None


def check_backup(path: Path) -> BackupCheck:
    """Check ``path`` completely without changing it: a Kinerja database of a schema revision
    this app knows that passes ``PRAGMA integrity_check``.

    Raises:
        ValidationError: ``restore.missing``, ``restore.not_kinerja`` (not SQLite, or another
            program's database), ``restore.damaged`` (a Kinerja file failing the check),
            ``restore.newer`` (made by a newer app version).
    """
    where = str(path)
    if not path.is_file():
        raise ValidationError("restore.missing", path=where)
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise ValidationError("restore.not_kinerja", path=where)
    try:
        identity = store.read_identity(path)
    except sqlite3.DatabaseError as exc:
        raise ValidationError("restore.damaged", path=where) from exc
    if not {"alembic_version", "offices", "employees"} <= identity.tables:
        raise ValidationError("restore.not_kinerja", path=where)
    if identity.revision is None:
        raise ValidationError("restore.damaged", path=where)
    if identity.revision not in known_revisions():
        raise ValidationError("restore.newer", path=where, db_revision=identity.revision)
    if not store.integrity_ok(path):
        raise ValidationError("restore.damaged", path=where)
    return BackupCheck(
        path=where,
        revision=identity.revision,
        office_code=identity.home_code,
        office_uuid=identity.home_uuid,
        office_name=identity.home_name,
    )


def verify_backup(path: Path) -> str:
    """Return the schema revision of a backup file, or refuse it (see :func:`check_backup`)."""
    return check_backup(path).revision


class LiveState(StrEnum):
    """The live database as a restore finds it."""

    MISSING = "missing"  # no file yet (a new PC)
    DAMAGED = "damaged"  # fails its check (the start-up restore)
    SAME = "same"  # the same home office, code and uuid
    FRESH = "fresh"  # holds only what ``init`` makes, with the backup's office code
    OTHER = "other"  # anything else: the office code must be typed


@dataclass(frozen=True)
class RestorePlan:
    """What a restore of ``backup`` over ``db_path`` would do, decided before any write.

    ``confirm_code`` is the office code the user must type (None: no extra confirmation);
    ``note`` a catalogue code to show with the confirmation (``restore.fresh_replaced``).
    """

    db_path: str
    backup: BackupCheck
    live: LiveState
    live_code: str | None
    confirm_code: str | None
    note: str | None


def plan_restore(db_path: Path, backup_path: Path) -> RestorePlan:
    """Check the backup and compare its home office with the live database's.

    Raises:
        ValidationError: the backup is refused (see :func:`check_backup`).
    """
    backup = check_backup(backup_path)
    live, live_code = _live_state(db_path, backup)
    confirm = None
    note = None
    if live is LiveState.OTHER:
        confirm = backup.office_code or "?"
    elif live is LiveState.FRESH and backup.office_uuid is not None:
        note = "restore.fresh_replaced"
    return RestorePlan(str(db_path), backup, live, live_code, confirm, note)


def _live_state(db_path: Path, backup: BackupCheck) -> tuple[LiveState, str | None]:
    if not db_path.exists() or (db_path.is_file() and db_path.stat().st_size == 0):
        return LiveState.MISSING, None
    try:
        check_database_file(db_path, must_exist=True)
        live = store.read_identity(db_path)
    except (DatabaseError, sqlite3.DatabaseError):
        return LiveState.DAMAGED, None
    if not store.quick_ok(db_path):
        return LiveState.DAMAGED, live.home_code
    same_code = live.home_code == backup.office_code
    if same_code and live.home_uuid == backup.office_uuid:
        return LiveState.SAME, live.home_code
    if same_code and live.only_init:
        return LiveState.FRESH, live.home_code
    return LiveState.OTHER, live.home_code


@dataclass(frozen=True)
class RestoreResult:
    restored_from: str
    safety_backup: str
    revision: str
    note: str | None = None
    damaged_kept_as: str = ""

    @property
    def changes(self) -> Changes:
        """A restore replaces the whole database: every view reloads."""
        return Changes.everything()


def damaged_name(db_path: Path, now: datetime | None = None) -> Path:
    """Where a damaged file is kept: ``<stem>-rusak-<UTC stamp><suffix>`` beside it."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.stem}-rusak-{stamp}{db_path.suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = db_path.with_name(f"{db_path.stem}-rusak-{stamp}-{counter}{db_path.suffix}")
    return target


def restore_backup(
    db_path: Path,
    backup_path: Path,
    actor: Actor,
    *,
    office_code: str | None = None,
    damaged_aside: Path | None = None,
) -> RestoreResult:
    """Replace the database at ``db_path`` with ``backup_path``, as the module says.

    The caller must have asked for confirmation and closed every connection it holds to
    ``db_path`` (the GUI disposes its engine first).

    Args:
        office_code: the code typed by the user when the plan asks for one.
        damaged_aside: where a damaged live file is kept (instead of a pre-restore backup,
            which cannot be made of it); a free name beside it when None.

    Raises:
        ValidationError: the backup is refused, or the office code is missing or wrong;
            nothing was written.
        ConflictError: ``restore.busy`` or ``restore.file_held``: the live file is held by
            another program; the database was not replaced (a pre-restore backup may exist).
        DatabaseError: ``restore.write_failed``: the copy could not be written.
    """
    remove_stale_restoring(db_path)
    plan = plan_restore(db_path, backup_path)
    if plan.confirm_code is not None:
        typed = (office_code or "").strip().upper()
        if not typed:
            raise ValidationError(
                "restore.office_required",
                path=str(backup_path),
                backup_code=plan.confirm_code,
                live_code=plan.live_code or "?",
            )
        if typed != plan.confirm_code:
            raise ValidationError(
                "restore.office_mismatch",
                path=str(backup_path),
                typed=typed,
                backup_code=plan.confirm_code,
            )
    copy = restoring_path(db_path)
    try:
        revision = _build_restoring(copy, backup_path, actor)
    except BaseException:
        with contextlib.suppress(OSError):
            store.remove_with_companions(copy)
        raise
    safety: BackupInfo | None = None
    kept = ""
    try:
        if plan.live is LiveState.DAMAGED:
            aside = damaged_aside
            if aside is None or aside.exists():
                aside = damaged_name(db_path)
            _keep_damaged(db_path, aside)
            kept = str(aside)
        elif plan.live is LiveState.MISSING:
            # A log without its database would be replayed into the restored file.
            for suffix in ("-wal", "-shm", "-journal"):
                unlink_with_retry(db_path.with_name(db_path.name + suffix))
        else:
            safety = _pre_restore_backup(db_path)
            if not _release(db_path):
                raise ConflictError("restore.busy", path=str(db_path), safety=_name_or_dash(safety))
        try:
            replace_with_retry(copy, db_path)
        except FileBusyError as exc:
            # Each case says what did happen: a backup made, or the damaged file copied.
            code = "restore.file_held" if safety else "restore.file_held_new"
            if kept:
                code = "restore.file_held_damaged"
            raise ConflictError(
                code,
                path=str(db_path),
                programs=", ".join(exc.programs) or "-",
                safety=_name_or_dash(safety),
                aside=kept,
            ) from exc
    finally:
        with contextlib.suppress(OSError):
            store.remove_with_companions(copy)
    # The new database is in place from here on: nothing below may report a failure.
    try:
        fsync_dir(db_path.absolute().parent)
    except OSError as exc:
        log.warning("could not flush the folder of %s: %s", db_path, exc)
    if safety is not None:
        _rotate_after_restore(Path(safety.path).parent, db_path.stem, protect=backup_path)
    return RestoreResult(
        restored_from=str(backup_path),
        safety_backup=safety.path if safety else "",
        revision=revision,
        note=plan.note,
        damaged_kept_as=kept,
    )


def _release(db_path: Path) -> bool:
    try:
        return store.release_wal(db_path)
    except (OSError, sqlite3.Error) as exc:
        log.warning("could not release the WAL of %s: %s", db_path, exc)
        return False


def _name_or_dash(info: BackupInfo | None) -> str:
    return info.path if info is not None else "-"


def _build_restoring(copy: Path, backup_path: Path, actor: Actor) -> str:
    """Write ``copy``: the backup, brought to the current schema, with its audit entry and the
    full-export marks; flushed, with no ``-wal`` beside it. Returns its schema revision."""
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)  # a new PC: no data folder yet
        store.copy_database(backup_path, copy)
        engine = create_db_engine(copy)
        try:
            if current_revision(engine) != head_revision():
                upgrade_engine(engine)
            with engine.begin() as conn:
                # Partners may have seen later rows of this office: they get everything again.
                conn.execute(update(SyncPartner).values(force_full=True))
                conn.execute(delete(Setting).where(Setting.key == FORCE_FULL_KEY))
                conn.execute(insert(Setting).values(key=FORCE_FULL_KEY, value=True))
                conn.execute(
                    insert(AuditEntry).values(
                        at=datetime.now(UTC),
                        username=actor.username,
                        action="restore",
                        entity="database",
                        summary=f"restored from {backup_path.name}",
                    )
                )
        finally:
            engine.dispose()
        if not store.release_wal(copy):
            raise OSError(f"{copy}: the write-ahead log could not be folded in")
        fsync_file(copy)
    except OSError as exc:
        raise DatabaseError("restore.write_failed", path=str(copy), error=str(exc)) from exc
    return head_revision()


def _pre_restore_backup(db_path: Path) -> BackupInfo:
    """The current state, kept before it is replaced; rotation waits until after the
    restore, so it can never delete the backup being restored."""
    folder = backup_folder_for_path(db_path)
    try:
        dest = store.backup_database(db_path, reason="pre-restore", keep=None, folder=folder)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError("restore.safety_failed", path=str(folder), error=str(exc)) from exc
    return BackupInfo(
        path=str(dest),
        created_at=store.backup_time(dest, db_path.stem),
        size=dest.stat().st_size,
        reason="pre-restore",
    )


def _keep_damaged(db_path: Path, aside: Path) -> None:
    """Keep the damaged file as ``aside`` while ``db_path`` still names it, so a crash before
    the replace leaves the damaged file in place rather than no file.

    Its log goes with the kept copy (it must not be replayed into the restored file), moved
    together with retries while another program holds it; when one stays held, everything is
    put back and the copy removed.

    Raises:
        ConflictError: ``restore.damaged_held`` naming the held file; nothing was changed.
        DatabaseError: ``restore.write_failed``: the copy could not be written.
    """
    try:
        try:
            os.link(db_path, aside)
        except OSError:
            import shutil

            shutil.copyfile(db_path, aside)
    except PermissionError as exc:  # Windows: another program holds the damaged file
        with contextlib.suppress(OSError):
            unlink_with_retry(aside)
        raise _damaged_held(db_path, programs_holding(db_path)) from exc
    except OSError as exc:
        with contextlib.suppress(OSError):
            unlink_with_retry(aside)
        raise DatabaseError("restore.write_failed", path=str(aside), error=str(exc)) from exc
    moves = [
        (db_path.with_name(db_path.name + suffix), aside.with_name(aside.name + suffix))
        for suffix in ("-wal", "-shm", "-journal")
    ]
    try:
        move_together(moves)
    except FileBusyError as exc:
        with contextlib.suppress(OSError):
            unlink_with_retry(aside)
        raise _damaged_held(exc.path, exc.programs) from exc


def _damaged_held(path: Path, programs: list[str]) -> ConflictError:
    return ConflictError(
        "restore.damaged_held", path=str(path), file=str(path), programs=", ".join(programs) or "-"
    )


def _rotate_after_restore(folder: Path, stem: str, *, protect: Path) -> None:
    # The restore is complete; a failing rotation must not make it look failed.
    try:
        store.rotate_backups(folder, stem, protect=frozenset({protect}))
    except OSError as exc:
        log.warning("rotation after restore failed: %s", exc)
