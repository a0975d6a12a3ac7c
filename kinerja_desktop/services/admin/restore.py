"""Restoring a backup over the live database.

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
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from kinerja_desktop.domain.errors import ConflictError, DatabaseError, ValidationError
from kinerja_desktop.services.admin.backup_budget import apply_backup_budget, budget_folders
from kinerja_desktop.services.admin.backups import (
    BackupCheck,
    BackupInfo,
    check_backup,
    record_restore,
    remove_stale_restoring,
    restoring_path,
)
from kinerja_desktop.services.admin.settings import backup_budget_for_path, backup_folder_for_path
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.dto import Changes
from kinerja_desktop.storage import backup as store
from kinerja_desktop.storage.engine import check_database_file, create_db_engine
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
    upgrade_engine,
)

log = logging.getLogger(__name__)


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
        TypeError: for a server database, restored by :func:`.pg_backups.restore_server_backup`.
    """
    if not isinstance(db_path, Path):
        raise TypeError("a server database is restored with restore_server_backup")
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
    # Read now: afterwards a read-only look at the restored file would leave a -wal beside it.
    budget, folders = backup_budget_for_path(db_path), budget_folders(db_path)
    _check_office_code(plan, office_code, backup_path)
    copy = restoring_path(db_path)
    try:
        revision = _build_restoring(copy, backup_path, actor)
    except BaseException:
        with contextlib.suppress(OSError):
            store.remove_with_companions(copy)
        raise
    try:
        safety, kept = _set_live_aside(db_path, plan, damaged_aside)
        _replace_live(copy, db_path, safety, kept)
    finally:
        with contextlib.suppress(OSError):
            store.remove_with_companions(copy)
    # The new database is in place from here on: nothing below may report a failure.
    try:
        fsync_dir(db_path.absolute().parent)
    except OSError as exc:
        log.warning("could not flush the folder of %s: %s", db_path, exc)
    if safety is not None:
        _rotate_after_restore(
            Path(safety.path).parent, db_path, (budget, folders), protect=backup_path
        )
    return RestoreResult(
        restored_from=str(backup_path),
        safety_backup=safety.path if safety else "",
        revision=revision,
        note=plan.note,
        damaged_kept_as=kept,
    )


def _check_office_code(plan: RestorePlan, office_code: str | None, backup_path: Path) -> None:
    """When the plan asks for it, the office code typed must be the backup's."""
    if plan.confirm_code is None:
        return
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


def _set_live_aside(
    db_path: Path, plan: RestorePlan, damaged_aside: Path | None
) -> tuple[BackupInfo | None, str]:
    """Keep what the live file holds before it is replaced: a damaged file copied aside, a
    missing one's stray logs removed, a sound one backed up and its WAL folded in.
    Returns the pre-restore backup (or None) and where a damaged file was kept (or "")."""
    if plan.live is LiveState.DAMAGED:
        aside = damaged_aside
        if aside is None or aside.exists():
            aside = damaged_name(db_path)
        _keep_damaged(db_path, aside)
        return None, str(aside)
    if plan.live is LiveState.MISSING:
        # A log without its database would be replayed into the restored file.
        for suffix in ("-wal", "-shm", "-journal"):
            unlink_with_retry(db_path.with_name(db_path.name + suffix))
        return None, ""
    safety = _pre_restore_backup(db_path)
    if not _release(db_path):
        raise ConflictError("restore.busy", path=str(db_path), safety=_name_or_dash(safety))
    return safety, ""


def _replace_live(copy: Path, db_path: Path, safety: BackupInfo | None, kept: str) -> None:
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
                record_restore(conn, actor.username, backup_path.name)
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


def _rotate_after_restore(
    folder: Path, db_path: Path, budget: tuple[int, list[Path]], *, protect: Path
) -> None:
    # The restore is complete; a failing rotation must not make it look failed.
    try:
        store.rotate_backups(folder, db_path.stem, protect=frozenset({protect}))
        size, folders = budget
        apply_backup_budget(db_path, budget=size, folders=folders, protect=frozenset({protect}))
    except OSError as exc:
        log.warning("rotation after restore failed: %s", exc)
