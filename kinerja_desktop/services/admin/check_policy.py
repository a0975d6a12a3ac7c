"""When the full ``PRAGMA quick_check`` must pass before a database is used (issue 16.2).

Kept apart from :mod:`.startup_check` (which imports SQLAlchemy and the backup code) so the
first screenful read at start-up (:mod:`kinerja_desktop.services.register.preview`) can ask
the same question of the lock file before anything heavy is imported.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from kinerja_desktop.storage.instance_lock import CHECKED_KEY, parse_checked, read_lock_text

#: How old the last full check may be before the next start runs it before the window is usable.
FULL_CHECK_EVERY = timedelta(days=7)


def full_check_due(
    last_exit_clean: bool | None, last_full_check: datetime | None, *, now: datetime | None = None
) -> bool:
    """True when the full check must pass before the window is usable (else it runs later).

    Before: the previous session did not close cleanly (or no session is known), or the last
    full check is missing or at least :data:`FULL_CHECK_EVERY` old. A last check stamped in
    the future (a clock set back) counts as missing.
    """
    if last_exit_clean is not True:
        return True
    now = now or datetime.now(UTC)
    last = last_full_check
    return last is None or last > now or now - last >= FULL_CHECK_EVERY


def full_check_due_for(db_path: Path, *, now: datetime | None = None) -> bool:
    """:func:`full_check_due` from the lock file beside ``db_path``, read without taking the
    lock. A file held by a running copy is due (its holder text is not marked clean)."""
    text = read_lock_text(db_path)
    clean = (text.get("clean") is True) if text else None
    return full_check_due(clean, parse_checked(text.get(CHECKED_KEY)), now=now)
