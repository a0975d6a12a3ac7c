"""The opened database of a running app or command: engine, sessions, path and schema.

This is the only handle the GUI holds on the data. It carries no ORM objects; services take it
and return DTOs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from kinerja_desktop.storage.migrate import OpenResult, open_database
from kinerja_desktop.storage.models import Setting
from kinerja_desktop.storage.unit_of_work import UnitOfWork, session_factory

HOME_OFFICE_KEY = "home_office"
DEMO_KEY = "demo"


@dataclass
class Database:
    """An open database file.

    Attributes:
        path: the SQLite file.
        engine: its SQLAlchemy engine (pragmas set).
        revision: the schema revision after opening.
        migrated_from: the revision it was upgraded from, if it was.
        backup: the backup taken before a migration, if any.
    """

    path: Path
    engine: Engine
    revision: str
    migrated_from: str | None = None
    backup: Path | None = None
    _factory: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._factory = session_factory(self.engine)

    @classmethod
    def open(cls, path: Path, *, create: bool = False, migrate: bool = True) -> Database:
        """Open ``path`` (see :func:`kinerja_desktop.storage.migrate.open_database`)."""
        result: OpenResult = open_database(path, create=create, migrate=migrate)
        return cls(
            path=path,
            engine=result.engine,
            revision=result.revision,
            migrated_from=result.migrated_from,
            backup=result.backup,
        )

    def uow(self) -> UnitOfWork:
        """A new unit of work (one transaction)."""
        return UnitOfWork(self._factory)

    def close(self) -> None:
        self.engine.dispose()

    def get_setting(self, key: str, default: object = None) -> object:
        with self.uow() as uow:
            row = uow.session.execute(select(Setting).where(Setting.key == key)).scalar()
            return default if row is None else row.value

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
