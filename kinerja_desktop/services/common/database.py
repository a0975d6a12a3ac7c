"""The opened database of a running app or command: engine, sessions, path and schema.

This is the only handle the GUI holds on the data. It carries no ORM objects; services take it
and return DTOs.

A database on a PostgreSQL server (the city tier; ``path`` is then its
:class:`~kinerja_desktop.config.DatabaseUrl`) has none of the file's machinery: no read-only
file, no ``-wal`` companions, no location note; the server serves several sessions at once.

A server database whose role may only read (an analyst's role) or whose server is a standby
opens read-only the same way (:func:`~kinerja_desktop.storage.server.write_refusal`).

A file this process cannot write (a write-protected stick, a copy from a CD, a file marked
read-only) is opened read-only by :meth:`Database.open`: reading, reports and exports work,
a write raises ``db.read_only_write``, and an older schema is refused rather than migrated
(``db.read_only_old_schema``), since migrating means writing.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from kinerja_desktop.config import DatabaseUrl, DbAddress, data_dir, is_server
from kinerja_desktop.domain import messages
from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.services.common.server_dumps import migration_backup
from kinerja_desktop.storage import engine as sqlite_engine
from kinerja_desktop.storage.location import Location
from kinerja_desktop.storage.migrate import (
    OpenResult,
    current_revision,
    head_revision,
    known_revisions,
    open_database,
)
from kinerja_desktop.storage.models import Setting
from kinerja_desktop.storage.server import (
    advisory_lock,
    create_server_engine,
    server_health,
    write_refusal,
)
from kinerja_desktop.storage.unit_of_work import UnitOfWork, session_factory

HOME_OFFICE_KEY = "home_office"
_Use = TypeVar("_Use", bound=Callable[..., Any])
DEMO_KEY = "demo"
# Why a server database opens read-only: the server is a standby, or the role only reads.
_SERVER_REASONS = {"standby": "db.server_standby", "role": "db.server_read_only_role"}


def read_only_reason(path: DbAddress) -> str | None:
    """Why the existing file ``path`` can only be read here (``"folder"`` or ``"file"``), or
    None when this process may write it (always None for a server database, whose roles
    decide). The CLI asks this before taking the writer lock."""
    if not isinstance(path, Path) or not path.is_file():
        return None
    reason = sqlite_engine.read_only_reason(path)
    return None if reason is None else str(reason)


def reason_text(path: Path, reason: str, lang: str = "id") -> str:
    """The worded reason (``db.read_only.<reason>``) for messages."""
    return messages.text(f"db.read_only.{reason}", lang, folder=str(path.absolute().parent))


def location_note(path: DbAddress, location: str, lang: str = "id") -> str | None:
    """The one sentence about a database off the PC's own disk, or None on the local disk
    (and on a server)."""
    if location == Location.LOCAL or is_server(path):
        return None
    return messages.text(f"db.location.{location}", lang, path=str(path))


@dataclass
class Database:
    """An open database file.

    Attributes:
        path: the SQLite file, or a server database's address.
        engine: its SQLAlchemy engine (pragmas set).
        revision: the schema revision after opening.
        migrated_from: the revision it was upgraded from, if it was.
        backup: the backup taken before a migration, if any.
        read_only: opened with ``mode=ro``: nothing can be written through it.
        read_only_reason: ``"folder"`` or ``"file"`` when the file cannot be written here;
            None for a writable file (also when it is read-only because another copy holds it).
            On a server: ``"role"`` (the role may not write the app's tables, an analyst's)
            or ``"standby"`` (the server is a standby).
        location: ``local``, ``network``, ``removable`` or ``cloud`` (see
            ``storage/location.py``).
    """

    path: DbAddress
    engine: Engine
    revision: str
    migrated_from: str | None = None
    backup: Path | None = None
    read_only: bool = False
    read_only_reason: str | None = None
    location: str = Location.LOCAL
    _factory: sessionmaker[Session] = field(init=False, repr=False)
    _companions: set[str] | None = field(default=None, init=False, repr=False)
    _reader: Database | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._factory = session_factory(self.engine)

    @property
    def is_server(self) -> bool:
        """True for a database on a PostgreSQL server, False for a SQLite file."""
        return is_server(self.path)

    def files_place(self) -> tuple[Path, str]:
        """The folder and name stem for files kept with this database (evidence): beside the
        SQLite file; for a server database, a folder in this PC's data folder named after the
        server and the database (the server holds no files for the app)."""
        if isinstance(self.path, Path):
            return self.path.parent, self.path.stem
        parts = urlsplit(self.path.url)
        stem = f"{parts.hostname or 'localhost'}-{parts.port or 5432}-{self.path.name}"
        return data_dir() / "server", re.sub(r"[^A-Za-z0-9._-]", "_", stem)

    @classmethod
    def open(cls, path: DbAddress, *, create: bool = False, migrate: bool = True) -> Database:
        """Open ``path`` (see :func:`kinerja_desktop.storage.migrate.open_database`); a file
        this process cannot write opens read-only (see the module docstring).

        Raises:
            DatabaseError: as ``open_database``; ``db.not_kinerja`` for a file of another
                program; ``db.read_only_old_schema`` for an older schema that cannot be written.
        """
        if not isinstance(path, Path):
            refusal = write_refusal(path)
            if refusal is not None:
                return cls.open_read_only(path, reason=refusal, refuse_old=migrate)
            result: OpenResult = open_database(
                path, migrate=migrate, server_backup=migration_backup
            )
            return cls(
                path=path,
                engine=result.engine,
                revision=result.revision,
                migrated_from=result.migrated_from,
                backup=result.backup,
            )
        reason = read_only_reason(path)
        if reason is not None:
            return cls.open_read_only(path, reason=reason, refuse_old=migrate)
        result = open_database(path, create=create, migrate=migrate)
        return cls(
            path=path,
            engine=result.engine,
            revision=result.revision,
            migrated_from=result.migrated_from,
            backup=result.backup,
            location=sqlite_engine.plan_opening(path).location,
        )

    @classmethod
    def open_read_only(
        cls, path: DbAddress, *, reason: str | None = None, refuse_old: bool = False
    ) -> Database:
        """Open ``path`` without ever writing it (``mode=ro``): no migration, no backup.

        Args:
            path: the database file.
            reason: why it is read-only (``"folder"``/``"file"``), None when another copy of
                the app holds it.
            refuse_old: refuse an older schema (a command that would have migrated it).

        Raises:
            DatabaseError: missing, not a Kinerja database, damaged, newer than this app, or
                (with ``refuse_old``) older than it.
        """
        if not isinstance(path, Path):
            return cls._open_server_read_only(path, refuse_old=refuse_old, reason=reason)
        kind = sqlite_engine.check_database_file(path, must_exist=True)
        if kind is sqlite_engine.FileKind.EMPTY:
            raise DatabaseError("db.not_kinerja", path=str(path), file=str(path))
        opening = sqlite_engine.plan_opening(path, read_only=True)
        before = sqlite_engine.companions(path)
        engine = sqlite_engine.create_db_engine(path, opening=opening)
        try:
            revision = current_revision(engine) or ""
        except Exception as exc:
            engine.dispose()
            sqlite_engine.remove_new_companions(path, before)
            raise DatabaseError("db.corrupt", path=str(path), file=str(path)) from exc
        head = head_revision()
        problem: DatabaseError | None = None
        if revision and revision not in known_revisions():
            problem = DatabaseError(
                "db.newer", path=str(path), file=str(path), db_revision=revision, app_revision=head
            )
        elif refuse_old and revision != head:
            problem = DatabaseError(
                "db.read_only_old_schema",
                path=str(path),
                file=str(path),
                reason=reason_text(path, reason or "folder"),
                db_revision=revision or "-",
                app_revision=head,
            )
        db = cls(
            path=path,
            engine=engine,
            revision=revision,
            read_only=True,
            read_only_reason=reason,
            location=opening.location,
        )
        db._companions = before
        if problem is not None:
            db.close()
            raise problem
        return db

    @classmethod
    def _open_server_read_only(
        cls, address: DatabaseUrl, *, refuse_old: bool, reason: str | None = None
    ) -> Database:
        """A server database with every transaction ``READ ONLY`` (see ``storage/server.py``)."""
        engine = create_server_engine(address, read_only=True)
        try:
            revision = server_health(engine, address).revision or ""
        except DatabaseError:
            engine.dispose()
            raise
        head = head_revision()
        problem: DatabaseError | None = None
        if revision and revision not in known_revisions():
            problem = DatabaseError(
                "db.newer", path=str(address), file=str(address), db_revision=revision,
                app_revision=head,
            )  # fmt: skip
        elif refuse_old and revision != head:
            problem = DatabaseError(
                "db.read_only_old_schema", path=str(address), file=str(address),
                reason=messages.text(_SERVER_REASONS.get(reason or "", "db.server_standby"),
                                     path=str(address)),
                db_revision=revision or "-", app_revision=head,
            )  # fmt: skip
        if problem is not None:
            engine.dispose()
            raise problem
        return cls(
            path=address,
            engine=engine,
            revision=revision,
            read_only=True,
            read_only_reason=reason,
        )

    def uow(self) -> UnitOfWork:
        """A new unit of work (one transaction)."""
        return UnitOfWork(self._factory)

    def reader(self) -> Database:
        """A read-only handle on the same file, for read tasks that run beside the writer.

        SQLite in WAL mode lets one connection read a consistent snapshot while another
        writes, so a list or a report need not wait for an import. Made on first use and
        closed with this handle; a read-only database is its own reader. A write through it
        raises ``db.read_only_write``.
        """
        if self.read_only:
            return self
        if self._reader is None:
            if isinstance(self.path, Path):
                engine = sqlite_engine.create_db_engine(self.path, read_only=True)
            else:
                engine = create_server_engine(self.path, read_only=True)
            self._reader = Database(
                path=self.path,
                engine=engine,
                revision=self.revision,
                read_only=True,
                location=self.location,
            )
        return self._reader

    def close(self) -> None:
        if self._reader is not None:
            self._reader.engine.dispose()
            self._reader = None
        self.engine.dispose()
        if self._companions is not None:
            # A read-only connection may have made a -wal/-shm beside the file; leave the
            # folder as it was found.
            sqlite_engine.remove_new_companions(self.path, self._companions)
            self._companions = None

    def read_only_text(self, lang: str = "id") -> str | None:
        """Why this database is read-only, worded, or None (writable, or held by a copy)."""
        if self.read_only_reason is None:
            return None
        if not isinstance(self.path, Path):
            key = _SERVER_REASONS.get(self.read_only_reason, "db.server_standby")
            return messages.text(key, lang, path=str(self.path))
        return messages.text(
            "db.opened_read_only",
            lang,
            path=str(self.path),
            reason=reason_text(self.path, self.read_only_reason, lang),
        )

    def location_note(self, lang: str = "id") -> str | None:
        """The sentence about a database off the PC's own disk (see :func:`location_note`)."""
        return location_note(self.path, self.location, lang)

    @contextlib.contextmanager
    def one_at_a_time(self, name: str) -> Iterator[None]:
        """Run the block alone among every session of this database that asks for ``name``
        (on a server: an advisory lock; on SQLite the writer lock already does it)."""
        with advisory_lock(self.engine, name):
            yield

    def get_setting(self, key: str, default: object = None) -> object:
        with self.uow() as uow:
            row = uow.session.execute(select(Setting).where(Setting.key == key)).scalar()
            return default if row is None else row.value

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def one_at_a_time(name: str) -> Callable[[_Use], _Use]:
    """Decorate a use case whose first argument is the :class:`Database`: it runs alone among
    the sessions of that database (see :meth:`Database.one_at_a_time`). ``sync import`` uses
    it, so two operators at the city cannot apply packages at once."""

    def decorate(func: _Use) -> _Use:
        @wraps(func)
        def alone(db: Database, *args: Any, **kwargs: Any) -> Any:
            with db.one_at_a_time(name):
                return func(db, *args, **kwargs)

        return cast(_Use, alone)

    return decorate
