"""Backups of a PostgreSQL database with ``pg_dump -Fc`` and restores with ``pg_restore``.

The city tier (issue 18.5) keeps its data on a server, where a file copy of the database is
not a backup. The client tools are found on PATH or next to an installed server. The
connection goes to them through the ``PG*`` environment variables, so the password never
appears on a command line (``ps`` shows it to every user) nor in a log record.

A restore never writes into the live database: it builds a fresh one, restores into it, and
only then swaps the names in one transaction, keeping the old one as
``<name>_sebelum_<stamp>``; a failed restore drops the fresh database and renames nothing.
"""

from __future__ import annotations

import glob
import logging
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from kinerja_desktop.domain.errors import ConflictError, DatabaseError, PermissionDeniedError

log = logging.getLogger(__name__)

#: Where the server packages put the client tools when they are not on PATH.
TOOL_GLOBS = (
    "/usr/lib/postgresql/*/bin",
    "/usr/pgsql-*/bin",
    "/opt/homebrew/opt/postgresql*/bin",
    r"C:\Program Files\PostgreSQL\*\bin",
)
KEPT_INFIX = "_sebelum_"
STAMP = "%Y%m%d_%H%M%S"
#: PostgreSQL truncates identifiers longer than this many bytes.
MAX_NAME = 63
#: How long ended sessions may take to leave before the swap gives up.
LEAVE_WAIT = 10.0


@dataclass(frozen=True)
class Session:
    """Another connection to the database being restored (a row of ``pg_stat_activity``)."""

    pid: int
    user: str
    application: str
    client: str
    started: datetime | None
    state: str


@dataclass(frozen=True)
class DumpInfo:
    """A verified dump: its file, size and the number of entries ``pg_restore --list`` read."""

    path: Path
    size: int
    entries: int


@dataclass(frozen=True)
class RestoreResult:
    """What :func:`restore` did: the database now holds the dump; the old one is ``kept_as``."""

    database: str
    kept_as: str
    ended: tuple[Session, ...]


def as_url(target: str | URL | Engine) -> URL:
    """The SQLAlchemy URL of ``target`` (an address string, a URL or an engine)."""
    if isinstance(target, Engine):
        return target.url
    return make_url(target)


def tool_dirs() -> list[Path]:
    """Folders of installed PostgreSQL servers, newest major version first."""
    found = [Path(p) for pattern in TOOL_GLOBS for p in glob.glob(pattern)]

    def major(folder: Path) -> int:
        digits = "".join(ch for ch in folder.parent.name if ch.isdigit())
        return int(digits or 0)

    return sorted(found, key=major, reverse=True)


def find_tool(name: str) -> Path:
    """``pg_dump`` or ``pg_restore`` on PATH, else beside an installed server.

    Raises:
        DatabaseError: ``pg_backup.tool_missing`` when neither has it.
    """
    on_path = shutil.which(name)
    if on_path:
        return Path(on_path)
    exe = f"{name}.exe" if sys.platform == "win32" else name
    for folder in tool_dirs():
        if (folder / exe).is_file():
            return folder / exe
    raise DatabaseError("pg_backup.tool_missing", tool=name)


#: Variables that would point a tool elsewhere than the URL says; PGPASSFILE, PGSSL* and the
#: like are left alone, so ``~/.pgpass`` and the site's TLS settings still apply.
ADDRESS_VARS = frozenset(
    {"PGHOST", "PGHOSTADDR", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSWORD", "PGSERVICE"}
)
#: URL query parameters (``?sslmode=require``) the tools read from the environment.
QUERY_VARS = {"sslmode": "PGSSLMODE", "connect_timeout": "PGCONNECT_TIMEOUT"}


def base_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ADDRESS_VARS}


def _query(url: URL, name: str) -> str | None:
    value = url.query.get(name)
    return value if isinstance(value, str) else None


def tool_env(url: URL, database: str | None = None) -> dict[str, str]:
    """The environment that points a client tool at ``url``; the password only goes here."""
    env = base_env()
    for name, var in QUERY_VARS.items():
        if value := _query(url, name):
            env[var] = value
    for key, value in (
        ("PGHOST", url.host or _query(url, "host")),
        ("PGPORT", str(url.port) if url.port else None),
        ("PGUSER", url.username),
        ("PGDATABASE", database or url.database),
        # A password typed at the prompt lives in this process's PGPASSWORD (cli/core.py),
        # which the app's own connection reads too.
        ("PGPASSWORD", url.password or os.environ.get("PGPASSWORD")),
    ):
        if value:
            env[key] = str(value)
    return env


def _run(argv: Sequence[str], env: dict[str, str], *, action: str) -> str:
    """Run a client tool; its stderr worded into a DatabaseError when it fails."""
    log.info("%s: %s", action, " ".join(argv))
    # No console window flashing up behind the GUI on Windows.
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    done = subprocess.run(
        list(argv), env=env, capture_output=True, text=True, check=False, creationflags=flags
    )
    if done.returncode != 0:
        detail = [ln.strip() for ln in (done.stderr or done.stdout).splitlines() if ln.strip()]
        log.warning("%s failed (exit %d): %s", action, done.returncode, " | ".join(detail[-3:]))
        raise DatabaseError(f"pg_backup.{action}_failed", detail=" ".join(detail[-3:]))
    return done.stdout


def list_entries(source: Path) -> int:
    """The number of entries ``pg_restore --list`` reads from a dump; raises when unreadable."""
    listing = _run(
        [str(find_tool("pg_restore")), "--list", str(source)],
        base_env(),
        action="verify",
    )
    entries = [line for line in listing.splitlines() if line and not line.startswith(";")]
    if not entries:
        raise DatabaseError("pg_backup.verify_failed", detail=str(source))
    return len(entries)


def dump(target: str | URL | Engine, dest: Path) -> DumpInfo:
    """Write ``pg_dump -Fc`` of the database to ``dest`` and verify it with ``pg_restore``.

    The dump is written beside ``dest`` under a ``.part`` name and renamed only once it reads
    back, so ``dest`` is either a whole verified dump or untouched.
    """
    url = as_url(target)
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    try:
        _run([str(find_tool("pg_dump")), "-Fc", "-f", str(part)], tool_env(url), action="dump")
        entries = list_entries(part)
        part.replace(dest)
    finally:
        part.unlink(missing_ok=True)
    log.info("dumped database %s to %s (%d entries)", url.database, dest, entries)
    return DumpInfo(dest, dest.stat().st_size, entries)


@contextmanager
def server_errors() -> Iterator[None]:
    """A refused connection or statement as a worded DatabaseError (the driver's message
    never holds the password)."""
    try:
        yield
    except DBAPIError as exc:
        detail = [line.strip() for line in str(exc.orig or exc).splitlines() if line.strip()]
        log.warning("PostgreSQL: %s", " | ".join(detail))
        raise DatabaseError("pg_backup.server_error", detail=" ".join(detail)) from exc


def admin_engine(url: URL, *, autocommit: bool = True) -> Engine:
    """An engine on the server's ``postgres`` database: CREATE and DROP DATABASE may not run
    inside a transaction block, and nothing may stay connected to a database being renamed."""
    level = "AUTOCOMMIT" if autocommit else "READ COMMITTED"
    return create_engine(url.set(database="postgres"), isolation_level=level, poolclass=NullPool)


def other_sessions(target: str | URL | Engine) -> list[Session]:
    """The sessions connected to the database, other than this one, oldest first."""
    url = as_url(target)
    engine = admin_engine(url)
    try:
        with server_errors(), engine.connect() as conn:
            return _sessions(conn, str(url.database))
    finally:
        engine.dispose()


def _sessions(conn: Connection, database: str) -> list[Session]:
    rows = conn.execute(
        text(
            "SELECT pid, coalesce(usename, ''), coalesce(application_name, ''), "
            "coalesce(host(client_addr), 'lokal'), backend_start, coalesce(state, '') "
            "FROM pg_stat_activity WHERE datname = :db AND pid <> pg_backend_pid() "
            "ORDER BY backend_start"
        ),
        {"db": database},
    )
    return [Session(*row) for row in rows]


def quote(conn: Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def kept_name(database: str, now: datetime) -> str:
    """``<name>_sebelum_<stamp>``, the name part shortened to fit PostgreSQL's 63 bytes."""
    suffix = f"{KEPT_INFIX}{now.strftime(STAMP)}"
    return database.encode()[: MAX_NAME - len(suffix)].decode(errors="ignore") + suffix


def _check_can_create(conn: Connection) -> None:
    role, allowed = conn.execute(
        text("SELECT rolname, rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")
    ).one()
    if not allowed:
        raise PermissionDeniedError("pg_backup.no_createdb", role=role)


def _create_fresh(conn: Connection, database: str, fresh: str) -> None:
    """Create ``fresh`` empty, with the encoding, collation and owner of ``database``."""
    row = conn.execute(
        text(
            "SELECT pg_encoding_to_char(encoding), datcollate, datctype, "
            "pg_get_userbyid(datdba), pg_has_role(datdba, 'MEMBER') "
            "FROM pg_database WHERE datname = :db"
        ),
        {"db": database},
    ).one_or_none()
    if row is None:
        raise DatabaseError("pg_backup.no_database", database=database)
    encoding, collate, ctype, owner, member = row
    owner_clause = f" OWNER {quote(conn, owner)}" if member else ""
    conn.execute(
        text(
            f"CREATE DATABASE {quote(conn, fresh)}{owner_clause} TEMPLATE template0 "
            f"ENCODING '{encoding}' LC_COLLATE '{collate}' LC_CTYPE '{ctype}'"
        )
    )


def _copy_grants(conn: Connection, database: str, fresh: str) -> None:
    """Give ``fresh`` the database-level grants of ``database`` (who may CONNECT: an analyst's
    read-only role), which a dump made without ``--create`` does not carry."""
    acl = conn.execute(
        text("SELECT datacl IS NOT NULL FROM pg_database WHERE datname = :db"), {"db": database}
    ).scalar()
    if not acl:
        return  # the defaults, as the fresh database has them
    target = quote(conn, fresh)
    conn.execute(text(f"REVOKE ALL ON DATABASE {target} FROM PUBLIC"))
    grants = conn.execute(
        text(
            "SELECT CASE WHEN a.grantee = 0 THEN NULL ELSE pg_get_userbyid(a.grantee) END, "
            "a.privilege_type, a.is_grantable "
            "FROM pg_database d, aclexplode(d.datacl) a WHERE d.datname = :db"
        ),
        {"db": database},
    ).all()
    for grantee, privilege, grantable in grants:
        who = "PUBLIC" if grantee is None else quote(conn, grantee)
        option = " WITH GRANT OPTION" if grantable else ""
        conn.execute(text(f"GRANT {privilege} ON DATABASE {target} TO {who}{option}"))


def _end_sessions(conn: Connection, database: str, sessions: list[Session]) -> None:
    """Close the door (ALLOW_CONNECTIONS false), end the sessions, wait for them to leave."""
    db = quote(conn, database)
    conn.execute(text(f"ALTER DATABASE {db} WITH ALLOW_CONNECTIONS false"))
    for session in sessions:
        conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": session.pid})
    deadline = time.monotonic() + LEAVE_WAIT
    while _sessions(conn, database) and time.monotonic() < deadline:
        time.sleep(0.1)


def _swap(conn: Connection, database: str, fresh: str, kept: str) -> None:
    """Both renames in one transaction: the name never points at nothing."""
    engine = admin_engine(conn.engine.url, autocommit=False)
    try:
        with engine.begin() as swap:
            swap.execute(
                text(f"ALTER DATABASE {quote(conn, database)} RENAME TO {quote(conn, kept)}")
            )
            swap.execute(
                text(f"ALTER DATABASE {quote(conn, fresh)} RENAME TO {quote(conn, database)}")
            )
    finally:
        engine.dispose()
    conn.execute(text(f"ALTER DATABASE {quote(conn, kept)} WITH ALLOW_CONNECTIONS true"))


def restore(
    target: str | URL | Engine,
    source: Path,
    *,
    confirm_end: Callable[[list[Session]], bool],
    prepare: Callable[[URL], None] | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """Replace the database's contents with the dump ``source``.

    Args:
        target: the database to replace (its engine, if the caller holds one, must be
            disposed first, or its pooled connections count as other sessions).
        source: a ``pg_dump -Fc`` file.
        confirm_end: called with the other sessions when there are any, just before the
            swap; they are ended only when it returns True.
        prepare: called with the fresh database's URL once the dump is in it, before any
            session is ended: it may check (raising cancels, nothing renamed) or migrate it.
        now: the clock, for the name the old database keeps.

    Raises:
        PermissionDeniedError: the role may not create databases (``pg_backup.no_createdb``).
        ConflictError: other sessions are open and ``confirm_end`` declined.
        DatabaseError: the dump is unreadable or the restore failed; nothing was renamed.
    """
    url = as_url(target)
    database = str(url.database)
    list_entries(source)
    stamp_time = now or datetime.now(UTC)
    fresh = kept_name(database, stamp_time).replace(KEPT_INFIX, "_pulih_")
    kept = kept_name(database, stamp_time)
    engine = admin_engine(url)
    try:
        with server_errors(), engine.connect() as conn:
            _check_can_create(conn)
            _create_fresh(conn, database, fresh)
            try:
                _copy_grants(conn, database, fresh)
                _pg_restore(url, fresh, source)
                if prepare is not None:
                    prepare(url.set(database=fresh))
                sessions = _sessions(conn, database)
                if sessions and not confirm_end(sessions):
                    raise ConflictError("pg_backup.sessions_open", count=len(sessions))
                _close_and_swap(conn, database, fresh, kept, sessions)
            except BaseException:
                conn.execute(text(f"DROP DATABASE IF EXISTS {quote(conn, fresh)}"))
                raise
    finally:
        engine.dispose()
    log.info("restored database %s from %s; the old one is kept as %s", database, source, kept)
    return RestoreResult(database, kept, tuple(sessions))


def _pg_restore(url: URL, fresh: str, source: Path) -> None:
    argv = [str(find_tool("pg_restore")), "--exit-on-error", "--single-transaction"]
    _run([*argv, "-d", fresh, str(source)], tool_env(url, fresh), action="restore")


def _close_and_swap(
    conn: Connection, database: str, fresh: str, kept: str, sessions: list[Session]
) -> None:
    try:
        if sessions:
            _end_sessions(conn, database, sessions)
        _swap(conn, database, fresh, kept)
    except Exception:
        conn.execute(text(f"ALTER DATABASE {quote(conn, database)} WITH ALLOW_CONNECTIONS true"))
        raise
