"""Parts of the main window kept beside it: its icon and the extensions that add its menus."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon

if TYPE_CHECKING:
    from kinerja_desktop.gui.main_window import MainWindow


def window_extensions() -> tuple[Callable[[MainWindow], None], ...]:
    """The ``install(window)`` of each module under ``kinerja_desktop.gui.ext``: they add menus,
    actions and dialogs (accounts, audit, backups, settings, help). Each area owns its module,
    so the window does not grow with every feature; plain imports, so the linter sees them."""
    from kinerja_desktop.gui import reminders
    from kinerja_desktop.gui.dashboard import links
    from kinerja_desktop.gui.ext import accounts, help as help_ext, office_eval, settings

    return (
        accounts.install, office_eval.install, settings.install, help_ext.install,
        links.install, reminders.install,
    )  # fmt: skip


def app_icon() -> QIcon:
    """The Kinerja icon for title bars, the taskbar and Alt+Tab (empty if the file is gone).

    Windows shows a generic icon on a window that sets none, even when the .exe has one.
    The .ico carries the small sizes Windows draws crisply; elsewhere the 256-pixel PNG.
    """
    import sys

    from kinerja_desktop.config import resource_path

    name = "kinerja.ico" if sys.platform == "win32" else "kinerja.png"
    path = resource_path("icons", name)
    if not path.is_file():
        path = resource_path("icons", "kinerja.png")
    return QIcon(str(path))


def after_rows(window: MainWindow, then: Callable[[], None]) -> None:
    """Call ``then`` once the view on screen has its rows (at once when it is not loading).

    Work the start can leave for later (the full check in the background, building the other
    views) waits for the first rows instead of competing with their read for the interpreter
    and the disk: on a city's database that read is the longest part of the start.
    """
    runner = window.task_runner

    def loading() -> bool:
        view = window.stack.currentWidget()
        return bool(getattr(view, "is_loading", lambda: False)())

    if not loading():
        then()
        return

    def check(_number: int) -> None:
        if loading():
            return
        runner.task_finished.disconnect(check)
        then()

    runner.task_finished.connect(check)
