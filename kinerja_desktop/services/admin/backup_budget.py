"""A size budget for the backups folder (issue 16.8), applied after each backup.

A city database of 1.2 GB with the rotation of :func:`storage.backup.choose_kept` (the 10
newest, one a day, a week and a month) and one import slot per partner fills tens of GB. With a
budget set in Pengaturan (``backup_budget_mb``, 0 = none), the folder is brought under it in
this order, each step oldest first, and only while it is still over:

1. extra copies of the same day: a backup with a newer backup of the same (UTC) day;
2. pre-import slots (``import/<stem>-sync-import-<partner>.sqlite`` in a backup folder, one
   rotating copy per partner) last written more than :data:`IMPORT_SLOT_AGE` ago.

Never removed: the newest copy of each retention slot (the newest backup of all, and the one
that :func:`choose_kept` keeps for each day, week and month), an import slot younger than a
week, a file being restored (``protect``), and files this app did not name (copied in by
hand). When what is left still exceeds the budget, the report says so and the GUI and the CLI
warn (``backup.over_budget``) instead of deleting kept copies.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kinerja_desktop.services.admin.import_slots import list_import_slots
from kinerja_desktop.services.admin.settings import (
    MB,
    backup_budget_for_path,
    backup_folder_for_path,
)
from kinerja_desktop.storage import backup as store

log = logging.getLogger(__name__)

#: A pre-import slot younger than this is never removed to meet the budget.
IMPORT_SLOT_AGE = timedelta(days=7)
#: The sub-folder of a backup folder holding the one rotating pre-import copy per partner.


@dataclass(frozen=True)
class BudgetReport:
    """The backups folder after the budget was applied.

    Attributes:
        budget: the budget in bytes (> 0).
        used: bytes the backups and import slots take now.
        removed: the files removed to get there, in the order removed.
    """

    budget: int
    used: int
    removed: tuple[str, ...] = ()

    @property
    def over(self) -> bool:
        """True when the kept copies alone exceed the budget (warn; nothing more removed)."""
        return self.used > self.budget

    @property
    def used_mb(self) -> int:
        return math.ceil(self.used / MB)

    @property
    def budget_mb(self) -> int:
        return self.budget // MB


@dataclass(frozen=True)
class _Copy:
    path: Path
    size: int
    when: datetime
    #: Breaks ties of two backups named in the same second (``…-manual-2.sqlite``).
    written: int = 0

    @property
    def order(self) -> tuple[datetime, int]:
        return self.when, self.written


def budget_folders(db_path: Path) -> list[Path]:
    """The folders the budget covers: the configured backup folder and ``backups`` beside
    the file (each with its ``import/`` sub-folder)."""
    folders = [backup_folder_for_path(db_path), store.backup_dir_for(db_path)]
    return list(dict.fromkeys(folder.resolve() for folder in folders))


def _stat(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return 0, 0
    return info.st_size, info.st_mtime_ns


def _backups(db_path: Path, folders: list[Path]) -> list[_Copy]:
    """The stamped backups, newest first (ties: the one written last first)."""
    stem = db_path.stem
    copies = []
    for folder in folders:
        for path in store.list_backups(folder, stem):
            if (when := store.backup_time(path, stem)) is not None:
                size, written = _stat(path)
                copies.append(_Copy(path, size, when, written))
    return sorted(copies, key=lambda copy: copy.order, reverse=True)


def import_slots(db_path: Path, folders: list[Path] | None = None) -> list[Path]:
    """The pre-import copies of ``db_path`` (named by :mod:`.import_slots`, one per partner);
    another database's slots in a shared folder are not its to remove."""
    chosen = budget_folders(db_path) if folders is None else folders
    return [slot.path for slot in list_import_slots(chosen, db_path.stem)]


def _slots(db_path: Path, folders: list[Path]) -> list[_Copy]:
    copies = []
    for path in import_slots(db_path, folders):
        try:
            when = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        except OSError:
            continue
        copies.append(_Copy(path, _stat(path)[0], when))
    return copies


def _same_day_extras(backups: list[_Copy], kept: set[Path]) -> list[_Copy]:
    """Backups with a newer backup of the same day, oldest first; never one in ``kept``."""
    newest_of_day: dict[object, tuple[datetime, int]] = {}
    for copy in backups:
        day = copy.when.date()
        newest_of_day[day] = max(newest_of_day.get(day, copy.order), copy.order)
    extras = [
        copy
        for copy in backups
        if copy.order < newest_of_day[copy.when.date()] and copy.path not in kept
    ]
    return sorted(extras, key=lambda copy: copy.order)


def removal_order(
    db_path: Path,
    *,
    now: datetime,
    protect: frozenset[Path] = frozenset(),
    folders: list[Path] | None = None,
) -> tuple[list[_Copy], int]:
    """What may go to meet the budget, in the order it goes, and the bytes in use now."""
    folders = budget_folders(db_path) if folders is None else folders
    backups, slots = _backups(db_path, folders), _slots(db_path, folders)
    # keep=1: the newest backup of all, plus the newest of each day, week and month (the
    # list is newest first, so a tie within a second keeps the one written last).
    retained = store.choose_kept([(c.path, c.when) for c in backups], keep=1, now=now)
    guarded = {p.resolve() for p in protect} | {p.resolve() for p in retained}
    order = _same_day_extras(backups, retained)
    order += sorted(
        (slot for slot in slots if now - slot.when > IMPORT_SLOT_AGE), key=lambda c: c.when
    )
    used = sum(copy.size for copy in backups) + sum(copy.size for copy in slots)
    return [copy for copy in order if copy.path.resolve() not in guarded], used


def apply_backup_budget(
    db_path: Path,
    *,
    budget: int | None = None,
    now: datetime | None = None,
    protect: frozenset[Path] = frozenset(),
    folders: list[Path] | None = None,
) -> BudgetReport | None:
    """Bring the backups of ``db_path`` under ``budget`` bytes (the setting when None).

    ``budget`` and ``folders`` (see :func:`budget_folders`) are read from the database when
    None; a restore reads them before it replaces the file. Returns None when no budget is
    set. A file that cannot be removed (held by another program) is skipped and logged: the
    next backup tries again.
    """
    budget = backup_budget_for_path(db_path) if budget is None else budget
    if budget <= 0:
        return None
    order, used = removal_order(
        db_path, now=now or datetime.now(UTC), protect=protect, folders=folders
    )
    removed: list[str] = []
    for copy in order:
        if used <= budget:
            break
        try:
            store.remove_with_companions(copy.path)
        except OSError as exc:
            log.warning("backup budget: could not remove %s: %s", copy.path, exc)
            continue
        used -= copy.size
        removed.append(str(copy.path))
    if removed:
        log.info("backup budget %d MB: removed %s", budget // MB, ", ".join(removed))
    return BudgetReport(budget=budget, used=used, removed=tuple(removed))
