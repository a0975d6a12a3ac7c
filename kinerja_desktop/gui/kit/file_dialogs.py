"""Open, save and folder dialogs that start where the clerk works, not in the profile root.

On Windows ``Path.home()`` is ``C:\\Users\\<name>``, a folder clerks never use; their files are
in Documents (often redirected by OneDrive) or wherever they saved last time. So every dialog
starts in the last folder used for that kind of file (kept in this computer's settings) and
otherwise in Documents. A remembered folder that has gone (a USB stick pulled out) is skipped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from kinerja_desktop.gui.i18n import settings_store

_KEY = "dialogs/last_folder/{kind}"


def documents_folder() -> Path:
    """The user's Documents folder (Windows' "Documents", wherever OneDrive put it)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()


def start_folder(kind: str = "files") -> Path:
    """The last folder used for ``kind`` if it still exists, else Documents."""
    value = settings_store().value(_KEY.format(kind=kind))
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    return documents_folder()


def remember(path: Path, kind: str = "files") -> None:
    """Keep the folder of ``path`` (or ``path`` itself, a folder) as the start for ``kind``."""
    folder = path if path.is_dir() else path.parent
    store = settings_store()
    store.setValue(_KEY.format(kind=kind), str(folder))
    store.sync()


def open_file(
    parent: QWidget | None, title: str, pattern: str, *, kind: str = "files"
) -> Path | None:
    """Ask for an existing file; ``None`` when the clerk cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind)), pattern)
    if not name:
        return None
    remember(Path(name), kind)
    return Path(name)


def save_file(
    parent: QWidget | None, title: str, suggested: str, pattern: str, *, kind: str = "files"
) -> Path | None:
    """Ask where to save a file named ``suggested`` (a bare name; the folder is chosen here)."""
    start = start_folder(kind) / Path(suggested).name
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start), pattern)
    if not name:
        return None
    remember(Path(name), kind)
    return Path(name)


def choose_folder(parent: QWidget | None, title: str, *, kind: str = "files") -> Path | None:
    """Ask for a folder; ``None`` when the clerk cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title, str(start_folder(kind)))
    if not name:
        return None
    remember(Path(name), kind)
    return Path(name)
