"""Where the data lives: platformdirs paths and the database path resolution.

The database is ``--db``, else the ``KINERJA_DB`` environment variable, else ``kinerja.sqlite``
in the user data folder (on Windows ``%LOCALAPPDATA%\\Kinerja\\KinerjaDesktop``). The demo
database has its own default file, so building a demo never touches a real office's data.
"""

from __future__ import annotations

import os
from pathlib import Path

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


def resolve_db_path(explicit: str | os.PathLike[str] | None, *, demo: bool = False) -> Path:
    """The database file to use, by the precedence the module docstring gives."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return data_dir() / (DEMO_FILENAME if demo else DB_FILENAME)
