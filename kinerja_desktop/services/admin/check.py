"""``kinerja-desktop check``: a read-only health check of a database file.

It never writes: the file is opened with ``mode=ro`` (and any ``-wal``/``-shm`` that makes is
removed again). ``ok`` covers file integrity and schema only; register problems (the same list
the employee view's check shows) go to ``problems``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError, OperationalError
from sqlalchemy.orm import Session

from kinerja_desktop.config import DatabaseUrl
from kinerja_desktop.domain import messages
from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.services.common.database import location_note, read_only_reason, reason_text
from kinerja_desktop.services.common.dto import CheckResult
from kinerja_desktop.services.common.info import count_records
from kinerja_desktop.storage.engine import (
    FileKind,
    check_database_file,
    companions,
    create_db_engine,
    integrity_ok,
    plan_opening,
    remove_new_companions,
    translate_error,
)
from kinerja_desktop.storage.migrate import current_revision, head_revision, known_revisions
from kinerja_desktop.storage.server import create_server_engine, server_health


def _register_problems(path: Path, engine: Engine, revision: str, lang: str) -> list[str]:
    """The register check of the employee view (no atasan, an inactive or unrelated atasan,
    NIP warnings), worded one line each; it reads the register once with Core selects."""
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.register.issues import register_issues

    db = Database(path=path, engine=engine, revision=revision)
    return [issue.worded(lang) for issue in register_issues(db)]


def check_database(path: Path, *, lang: str = "id") -> CheckResult:
    """Check ``path`` without changing it.

    A ``-wal``/``-shm`` that the read-only connection makes beside the file is removed again;
    ones that were there before are left alone. A database off the PC's own disk, or one that
    can only be read here, is said once in ``problems`` (it stays ``ok``).

    Raises:
        DatabaseError: the path is missing, a folder, or not a Kinerja database (nothing to
            check).
    """
    if not isinstance(path, Path):
        return _check_server(path, lang)
    kind = check_database_file(path, must_exist=True)
    before = companions(path)
    engine = create_db_engine(path, read_only=True)
    try:
        return _check(path, engine, kind, lang)
    except DatabaseError:
        raise
    except (OperationalError, SADatabaseError) as exc:
        raise translate_error(exc, path) from exc
    finally:
        engine.dispose()
        remove_new_companions(path, before)


def _check_server(address: DatabaseUrl, lang: str) -> CheckResult:
    """``check`` on a server database: its health check instead of the file's."""
    engine = create_server_engine(address, read_only=True)
    try:
        health = server_health(engine, address)
        result = _check(address, engine, FileKind.KINERJA, lang)
    finally:
        engine.dispose()
    if health.in_recovery:
        standby = messages.text("db.server_standby", lang, path=str(address))
        return replace(result, problems=(*result.problems, standby))
    return result


def _notes(path: Path, lang: str) -> list[str]:
    if not isinstance(path, Path):
        return []
    notes = []
    reason = read_only_reason(path)
    if reason is not None:
        notes.append(
            messages.text(
                "db.opened_read_only", lang, path=str(path), reason=reason_text(path, reason, lang)
            )
        )
    note = location_note(path, plan_opening(path).location, lang)
    if note is not None:
        notes.append(note)
    return notes


def _check(path: Path, engine: Engine, kind: FileKind | None, lang: str) -> CheckResult:
    problems: list[str] = []
    if kind is FileKind.UNREADABLE or not integrity_ok(engine):
        problems.append(messages.text("db.corrupt", lang, path=str(path)))
        return CheckResult(ok=False, schema="", counts={}, problems=tuple(problems))
    revision = current_revision(engine) or ""
    head = head_revision()
    if not revision:
        problems.append(messages.text("check.no_schema", lang))
        return CheckResult(ok=False, schema="", counts={}, problems=tuple(problems))
    if revision not in known_revisions():
        problems.append(
            messages.text("db.newer", lang, path=str(path), db_revision=revision, app_revision=head)
        )
        return CheckResult(ok=False, schema=revision, counts={}, problems=tuple(problems))
    problems.extend(_notes(path, lang))
    if revision != head:
        problems.append(
            messages.text("check.older_schema", lang, db_revision=revision, app_revision=head)
        )
        # An older schema may lack tables the counts read; it is still a healthy file.
        return CheckResult(ok=True, schema=revision, counts={}, problems=tuple(problems))
    with Session(engine) as session:
        counts = count_records(session)
    problems.extend(_register_problems(path, engine, revision, lang))
    return CheckResult(ok=True, schema=revision, counts=counts, problems=tuple(problems))
