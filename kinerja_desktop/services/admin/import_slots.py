"""The copy taken before a partner's package is applied: one rotating slot per partner.

A transaction protects against a crash, not against an import that applied correctly but was
wrong (DESIGN.md section 7), so the copy before an import is a real one, made with SQLite's
backup API. Each partner has one slot, ``import/<db>-sync-import-<partner>.sqlite`` in the
backup folder, replaced by that partner's next import: a city receiving a package a day from
each office keeps one copy per office instead of pushing the clerk's own backups out of the
retention (:func:`~kinerja_desktop.storage.backup.rotate_backups` never looks into ``import/``).
The restore lists and restores the slots like any other backup.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.services.admin.settings import backup_folder_for_path
from kinerja_desktop.storage import backup as store
from kinerja_desktop.storage.engine import check_database_file

IMPORT_FOLDER = "import"
REASON = "sync-import"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True)
class ImportSlot:
    path: Path
    partner: str
    created_at: datetime
    size: int


def import_slot_path(db_path: Path, partner: str) -> Path:
    """Where the copy before ``partner``'s packages goes (the configured backup folder)."""
    safe = _UNSAFE.sub("_", partner.strip().upper()) or "_"
    folder = backup_folder_for_path(db_path) / IMPORT_FOLDER
    return folder / f"{db_path.stem}-{REASON}-{safe}.sqlite"


def make_import_slot(db_path: Path, partner: str) -> ImportSlot:
    """Copy ``db_path`` into ``partner``'s slot, replacing the previous copy only once the new
    one is complete.

    Raises:
        DatabaseError: ``backup.write_failed``; the previous copy is left as it was.
    """
    check_database_file(db_path, must_exist=True)
    slot = import_slot_path(db_path, partner)
    partial = slot.with_name(slot.name + ".partial")
    try:
        store.backup_database(db_path, dest=partial, keep=None)
        os.replace(partial, slot)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError("backup.write_failed", path=str(slot), error=str(exc)) from exc
    return _slot(slot, db_path.stem)


def list_import_slots(folders: list[Path], stem: str) -> list[ImportSlot]:
    """The import slots of the database ``stem`` in the ``import`` folder of each of
    ``folders``."""
    found = []
    prefix = f"{stem}-{REASON}-"
    for folder in folders:
        where = folder / IMPORT_FOLDER
        if where.is_dir():
            found += [_slot(p, stem) for p in sorted(where.glob(f"{prefix}*.sqlite"))]
    return found


def _slot(path: Path, stem: str) -> ImportSlot:
    info = path.stat()
    return ImportSlot(
        path=path,
        partner=path.stem[len(f"{stem}-{REASON}-") :],
        created_at=datetime.fromtimestamp(info.st_mtime, UTC),
        size=info.st_size,
    )
