"""Where the data lives: platformdirs paths and the database path resolution.

The database is ``--db``, else the ``KINERJA_DB`` environment variable, else ``kinerja.sqlite``
in the user data folder (on Windows ``%LOCALAPPDATA%\\Kinerja\\KinerjaDesktop``). The demo
database has its own default file, so building a demo never touches a real office's data.

``--db`` may also be a server database's address (the city tier, on PostgreSQL):
``postgresql+psycopg://user@host:5432/dbname``. A value is an address only when it starts like
one (``^[a-z][a-z0-9+.-]*://``); then its scheme must name a known dialect, or it is a usage
error. ``C:\\data\\x.sqlite`` or ``./x.sqlite`` stay paths. The password does not belong in
the address: libpq takes it from ``PGPASSWORD`` or ``~/.pgpass``, or the command line asks.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from platformdirs import user_data_dir, user_log_dir

APP_NAME = "KinerjaDesktop"
APP_AUTHOR = "Kinerja"
DB_FILENAME = "kinerja.sqlite"
DEMO_FILENAME = "kinerja-demo.sqlite"
ENV_DB = "KINERJA_DB"


def data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    return Path(user_log_dir(APP_NAME, APP_AUTHOR))


def resource_dirs() -> list[Path]:
    """Where the read-only ``resources/`` folder (translations, help, icons, fonts) may be.

    In order: a PyInstaller bundle (``sys._MEIPASS/resources``), the source tree or editable
    install (``resources/`` beside the package), ``kinerja_desktop/resources``, and the data
    files of an installed wheel (``<prefix>/share/kinerja-desktop/resources``). Only existing
    folders are listed.
    """
    package = Path(__file__).resolve().parent
    # A plain ``pip install .`` puts resources/ under <prefix>/share/kinerja-desktop (the
    # data-files of pyproject.toml), since the fixed layout keeps it outside the package.
    installed = Path(sys.prefix) / "share" / "kinerja-desktop" / "resources"
    candidates = [package.parent / "resources", package / "resources", installed]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    return [folder for folder in candidates if folder.is_dir()]


def resource_path(*parts: str) -> Path:
    """``resources/<parts>`` from the first folder of :func:`resource_dirs` that has it.

    Returns a path under the first folder even when none has it, so a caller's "missing file"
    message names a real place.
    """
    folders = resource_dirs()
    for folder in folders:
        candidate = folder.joinpath(*parts)
        if candidate.exists():
            return candidate
    base = folders[0] if folders else Path(__file__).resolve().parent.parent / "resources"
    return base.joinpath(*parts)


_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*)://")
# scheme -> the SQLAlchemy driver name the engine uses (psycopg 3 for every PostgreSQL form).
SERVER_SCHEMES = {
    "postgresql": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
}


class DbAddressError(ValueError):
    """``--db`` or ``KINERJA_DB`` looks like an address but names no known dialect."""

    def __init__(self, scheme: str) -> None:
        super().__init__(scheme)
        self.scheme = scheme


@dataclass(frozen=True, repr=False)
class DatabaseUrl:
    """The address of a database on a server (the city tier).

    ``url`` is the SQLAlchemy URL with the driver filled in; :meth:`__str__` is what messages
    and logs show, with any password in it replaced by ``***``.
    """

    url: str

    @property
    def dialect(self) -> str:
        return self.url.split("://", 1)[0].split("+", 1)[0]

    @property
    def name(self) -> str:
        """The database's name (the last part of the address)."""
        return urlsplit(self.url).path.lstrip("/")

    def __str__(self) -> str:
        parts = urlsplit(self.url)
        if parts.password is None:
            return self.url
        host = parts.netloc.rsplit("@", 1)[1]
        netloc = f"{parts.username or ''}:***@{host}"
        return urlunsplit(parts._replace(netloc=netloc))

    def __repr__(self) -> str:
        return f"DatabaseUrl({str(self)!r})"


DbAddress = Path | DatabaseUrl


def parse_db_address(value: str | os.PathLike[str]) -> DbAddress:
    """A path, or a :class:`DatabaseUrl` when ``value`` starts like an address.

    Raises:
        DbAddressError: an address whose scheme is not a known dialect (``mysql://``...).
    """
    text = os.fspath(value)
    match = _SCHEME.match(text)
    if match is None:
        return Path(text).expanduser()
    scheme = match.group(1)
    if scheme == "sqlite":
        return Path(text[len("sqlite:///") :]).expanduser()
    driver = SERVER_SCHEMES.get(scheme)
    if driver is None:
        raise DbAddressError(scheme)
    return DatabaseUrl(driver + text[len(scheme) :])


def is_server(address: object) -> bool:
    """True for a server database's address, False for a file."""
    return isinstance(address, DatabaseUrl)


def resolve_db_path(explicit: str | os.PathLike[str] | None, *, demo: bool = False) -> DbAddress:
    """The database to use, by the precedence the module docstring gives: a file's path, or
    a server database's address.

    Raises:
        DbAddressError: an address with an unknown scheme.
    """
    if explicit:
        return parse_db_address(explicit)
    env = os.environ.get(ENV_DB)
    if env:
        return parse_db_address(env)
    return data_dir() / (DEMO_FILENAME if demo else DB_FILENAME)
