"""Evidence files (bukti dukung) in packages: ``evidence/<sha256><ext>`` members.

Files live where :mod:`kinerja_desktop.services.evaluation.evidence` keeps them (``<db
stem>-bukti/``,
named by sha256 and extension). Each member was checked against the signed manifest before
this module sees it, and its name against its own content here, so a file is stored only under
its true hash.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from kinerja_desktop.file_modes import give_default_mode
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.sync.container import Members

PREFIX = "evidence/"
_EXT = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
_NAME = re.compile(r"^[0-9a-f]{64}(\.(pdf|jpg|png))?$")


def _folder(db: Database) -> Path:
    from kinerja_desktop.services.evaluation.evidence import evidence_dir

    return evidence_dir(db)


def member_name(sha256: str, media_type: str) -> str:
    return PREFIX + sha256 + _EXT.get(media_type, "")


def evidence_files(db: Database, files: Iterable[tuple[str, str]]) -> Iterator[tuple[str, Path]]:
    """(member name, file) for ``(sha256, media_type)`` pairs whose file exists here, each
    once, so an export reads one file at a time."""
    folder = _folder(db)
    seen: set[str] = set()
    for sha, media in files:
        name = member_name(sha, media)
        path = folder / name[len(PREFIX) :]
        if name not in seen and path.is_file():
            seen.add(name)
            yield name, path


def store_evidence(db: Database, members: Members) -> int:
    """Write verified evidence members into the evidence folder, one file read at a time;
    return how many were new."""
    folder = _folder(db)
    wanted = [
        n for n in members if n.startswith(PREFIX) and not (folder / n[len(PREFIX) :]).exists()
    ]
    if not wanted:
        return 0
    folder.mkdir(parents=True, exist_ok=True)
    new = 0
    for name, data in members.stream_all(wanted):
        base = name[len(PREFIX) :]
        if not _NAME.match(base) or hashlib.sha256(data).hexdigest() != base[:64]:
            continue
        target = folder / base
        if target.exists():
            continue
        fd, temp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            give_default_mode(temp)  # mkstemp made it private (0600)
            os.replace(temp, target)
            new += 1
        finally:
            Path(temp).unlink(missing_ok=True)
    return new
