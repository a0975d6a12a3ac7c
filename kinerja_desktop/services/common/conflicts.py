"""The one answer to a stale edit: who changed the row, and when.

Several people may edit the same database at once (analysts on the city's server, or a second
window on a kecamatan PC). Every editor remembers the ``version`` it opened and hands it back as
``expected_version``; a different stored version means someone else saved in between. Saying
*who* and *when* lets the user ask that colleague instead of guessing, so every service checks
through :func:`check_version` rather than wording its own refusal.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import ConflictError
from kinerja_desktop.storage.models import User

CHANGED = "record.changed"


def _session_of(row: Any) -> Session | None:
    state = inspect(row, raiseerr=False)
    return state.session if state is not None else None


def who(session: Session | None, username: str) -> str:
    """``Display Name (username)`` for a local account, else the bare ``username``."""
    if not username:
        return "?"
    if session is not None:
        display = session.execute(
            select(User.display_name).where(User.username == username)
        ).scalar()
        if display and display != username:
            return f"{display} ({username})"
    return username


def when(value: datetime | None) -> str:
    """A stored stamp in the PC's local time; stamps without an offset are UTC."""
    if value is None:
        return "?"
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone().strftime("%d-%m-%Y %H:%M")


def _lock(row: Any) -> None:
    """On a server, lock ``row`` for the rest of the transaction and read its latest version.

    Several analysts write the city's database at once: without the lock two saves of the same
    version could both pass the check, and the later write would overwrite the earlier one.
    ``FOR UPDATE`` waits for a save in progress to commit, so the version compared is the
    newest, and a second save queues here until the first is done. SQLite needs none: one
    writer holds the file, and a write from an older snapshot fails there.
    """
    session = _session_of(row)
    if session is None or session.get_bind().dialect.name != "postgresql":
        return
    model = type(row)
    stored = session.execute(
        select(model.version).where(model.id == row.id).with_for_update()
    ).scalar_one_or_none()
    if stored is not None and stored != row.version:  # loaded before the other save committed
        session.refresh(row)


def check_version(row: Any, expected: int | None, *, name: str = "") -> None:
    """Refuse a save whose editor opened another version of ``row``.

    Args:
        row: a travelling row (it carries ``version``, ``updated_by`` and ``updated_at``).
        expected: the version the editor opened; None skips the check (imports, sync, the CLI).
        name: how the record is called, for logs and the English text.

    On a server the row is locked first (see :func:`_lock`), so a save that passes holds
    the row until it commits.

    Raises:
        ConflictError: ``record.changed`` naming the user and time of the last change.
    """
    if expected is None:
        return
    _lock(row)
    if row.version == expected:
        return
    raise ConflictError(
        CHANGED,
        name=name,
        user=who(_session_of(row), getattr(row, "updated_by", "") or ""),
        at=when(getattr(row, "updated_at", None)),
        expected=expected,
        actual=row.version,
    )
