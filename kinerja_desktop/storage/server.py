"""A database on a PostgreSQL server (the city tier): engine, health check and worded errors.

The SQLite file's machinery (pragmas, the file header, ``quick_check``, the lock file beside
the file, file backups) has no meaning here: the server keeps its own journal, checks its own
pages and serves several analysts at once. What start-up asks instead is whether the server
answers (``SELECT 1``), which schema revision the database holds, and whether it is a standby
(``pg_is_in_recovery()``), which can only be read.

The password never appears in the address shown to people or logs: libpq reads ``PGPASSWORD``
or ``~/.pgpass``; the command line asks when neither has one (see ``cli/core.py``).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kinerja_desktop.config import DatabaseUrl
from kinerja_desktop.domain.errors import DatabaseError

CONNECT_TIMEOUT_S = 10
log = logging.getLogger(__name__)


def create_server_engine(address: DatabaseUrl, *, read_only: bool = False) -> Engine:
    """An engine on the server database ``address``.

    With ``read_only`` every transaction is ``READ ONLY`` (set by the server for the
    session), so a write raises ``db.read_only_write_server`` (the file's
    ``db.read_only_write`` speaks of copying the file, which means nothing here).
    """
    options = "-c default_transaction_read_only=on" if read_only else ""
    connect_args: dict[str, Any] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "kinerja-desktop",
    }
    if options:
        connect_args["options"] = options
    # hide_parameters: a failing statement's values (names, NIPs) stay out of the message.
    engine = create_engine(
        address.url, connect_args=connect_args, pool_pre_ping=True, hide_parameters=True
    )
    event.listen(engine, "handle_error", _worded_errors(address))
    return engine


#: SQLSTATEs of a write the server cancelled because another session's locks collided with
#: it (deadlock_detected, serialization_failure, lock_not_available): saving again may work.
_COLLISIONS = frozenset({"40P01", "40001", "55P03"})


def _worded_errors(address: DatabaseUrl) -> Any:
    def handle_error(context: ExceptionContext) -> BaseException | None:
        original = context.original_exception
        code = getattr(original, "sqlstate", None)
        if code == "25006":  # read_only_sql_transaction: worded for a role, not a file
            return DatabaseError("db.read_only_write_server", path=str(address))
        if code in _COLLISIONS:
            # Two saves that lock the same rows in opposite orders (two whole-catalogue
            # saves): the server cancels one, whose transaction rolls back whole.
            return DatabaseError("db.server_collision", path=str(address))
        if context.connection is None or context.is_disconnect:
            return translate_server_error(original, address)
        return None

    return handle_error


def translate_server_error(exc: BaseException, address: DatabaseUrl) -> DatabaseError:
    """Word a failure to reach or use the server as a catalogue error (never its raw text,
    which may carry the address's password)."""
    if isinstance(exc, DatabaseError):
        return exc
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    message = str(exc).lower()
    params = {"path": str(address), "name": address.name}
    if "password" in message:
        return DatabaseError("db.server_password", **params)
    if "does not exist" in message and "database" in message:
        return DatabaseError("db.server_missing", **params)
    if "permission denied" in message or ("role" in message and "does not exist" in message):
        return DatabaseError("db.server_denied", **params)
    return DatabaseError("db.server_unreachable", **params)


def password_missing(error: DatabaseError) -> bool:
    """True when opening failed only because no password was given or it was wrong."""
    return error.code == "db.server_password"


@dataclass(frozen=True)
class ServerHealth:
    """What the start-up check learns from the server.

    Attributes:
        revision: the schema revision stamped in the database (None: an empty database).
        in_recovery: the server is a standby: it answers reads, refuses every write.
    """

    revision: str | None
    in_recovery: bool


def server_health(engine: Engine, address: DatabaseUrl) -> ServerHealth:
    """``SELECT 1``, the schema revision and ``pg_is_in_recovery()``.

    Raises:
        DatabaseError: ``db.server_*`` when the server cannot be reached or used.
    """
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1")).scalar_one()
            in_recovery = bool(conn.execute(text("SELECT pg_is_in_recovery()")).scalar_one())
            revision = None
            if inspect(conn).has_table("alembic_version"):
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DatabaseError:
        raise
    except DBAPIError as exc:
        raise translate_server_error(exc, address) from exc
    return ServerHealth(revision=revision, in_recovery=in_recovery)


# A table every Kinerja database has; a role that may not insert into it is an analyst's.
_PROBE_TABLE = "employees"


def write_refusal(address: DatabaseUrl) -> str | None:
    """Why this role can only read the server database (``"standby"`` or ``"role"``), or None
    when it may write.

    An analyst signs in with a role granted only ``SELECT`` (README, "Kantor kota"): opening
    it for writing would fail on the first save, so it is opened read-only (HANYA BACA) as a
    write-protected SQLite file is. A database without the app's tables yet is left to the
    opening (which creates them, or says the role is denied).
    """
    engine = create_server_engine(address)
    try:
        with engine.connect() as conn:
            if conn.execute(text("SELECT pg_is_in_recovery()")).scalar_one():
                return "standby"
            if conn.execute(text("SELECT to_regclass(:t)"), {"t": _PROBE_TABLE}).scalar() is None:
                return None
            may_write = conn.execute(
                text(
                    "SELECT has_table_privilege(current_user, :t, 'INSERT') "
                    "AND has_table_privilege(current_user, :t, 'UPDATE')"
                ),
                {"t": _PROBE_TABLE},
            ).scalar_one()
    except DBAPIError as exc:
        raise translate_server_error(exc, address) from exc
    finally:
        engine.dispose()
    return None if may_write else "role"


def advance_sequences(session: Session) -> int:
    """Move each table's id sequence past the highest id stored; returns how many moved.

    Rows written with their ids given (the demo, a restore, a relayed package) leave a
    PostgreSQL sequence behind, so the next plain insert would collide. SQLite finds its next
    rowid from the table itself: nothing to do there.
    """
    if session.get_bind().dialect.name != "postgresql":
        return 0
    from kinerja_desktop.storage.models import Base

    moved = 0
    for table in Base.metadata.sorted_tables:
        column = table.c.get("id")
        if column is None or not column.primary_key or not column.autoincrement:
            continue
        sequence = session.execute(
            text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}
        ).scalar()
        if sequence is None:
            continue
        session.execute(
            text(
                "SELECT setval(CAST(:s AS regclass), "
                f'COALESCE((SELECT MAX(id) FROM "{table.name}"), 0) + 1, false)'
            ),
            {"s": sequence},
        )
        moved += 1
    return moved


def advisory_key(name: str) -> int:
    """A stable 63-bit key for ``pg_advisory_lock`` from a name (the same in every process)."""
    digest = hashlib.sha256(f"kinerja:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big") & (2**63 - 1)


@contextlib.contextmanager
def advisory_lock(engine: Engine, name: str) -> Iterator[None]:
    """Hold the server-wide advisory lock ``name`` for the block: another session asking for it
    waits until this one leaves. Nothing on SQLite, where one writer holds the file's lock."""
    if engine.dialect.name != "postgresql":
        yield
        return
    key = advisory_key(name)
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
            conn.commit()
