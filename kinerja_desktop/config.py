"""Where the data lives: platformdirs paths and the database path resolution.

The database is ``--db``, else the ``KINERJA_DB`` environment variable, else ``kinerja.sqlite``
in the user data folder (on Windows ``%LOCALAPPDATA%\\Kinerja\\KinerjaDesktop``). The demo
database has its own default file, so building a demo never touches a real office's data.
"""

from __future__ import annotations

import os
import sys
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


def resolve_db_path(explicit: str | os.PathLike[str] | None, *, demo: bool = False) -> Path:
    """The database file to use, by the precedence the module docstring gives."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return data_dir() / (DEMO_FILENAME if demo else DB_FILENAME)
