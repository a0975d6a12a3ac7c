"""What happens after the first paint: open the database, or ask how to start.

Kept out of ``app.py`` so tests can drive it with a real window and runner: the first-start
dialog is patched through ``FirstStartDialog.ask`` and the demo build awaited with
``waitSignal(startup.finished)``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.gui.dialogs.common import MessageBox
from kinerja_desktop.gui.dialogs.first_start import FirstStartDialog, FirstStartResult, StartChoice
from kinerja_desktop.gui.errors import show_error
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.tasks import TaskRunner

log = logging.getLogger(__name__)


def _build_demo(path: Path) -> Any:
    # Imported here: the demo builder pulls in the whole write side, which a normal start
    # never needs before the window is on screen.
    from kinerja_desktop.services.demo import build_demo

    return build_demo(path)


def _init_office(path: Path, result: FirstStartResult) -> Any:
    from kinerja_desktop.services.setup import init_office

    return init_office(
        path,
        code=result.code,
        name=result.name,
        kind=result.kind,
        parent_code=result.parent_code,
        admin_password=result.admin_password,
    )


class Startup(QObject):
    """Brings the window from "empty" to "showing a database".

    Signals:
        finished(object): the :class:`Database` now in use, or ``None`` (the user cancelled,
            or the file could not be opened; the app keeps running either way).
    """

    finished = Signal(object)

    def __init__(self, window: MainWindow, runner: TaskRunner, *, lang: str = "id") -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.lang = lang

    def start(self, db_path: Path) -> None:
        """Open ``db_path``, or offer the first-start choices when it does not exist yet."""
        if db_path.exists():
            self.open(db_path)
        else:
            self.first_start(db_path)

    def open(self, path: Path) -> None:
        self.window.show_loading()
        # Let the loading notice paint before the (slower) open and migration.
        QApplication.processEvents()
        if not self.window.open_path(path):
            self.window.set_database(None)
        self.finished.emit(self.window.database)

    def first_start(self, path: Path) -> None:
        """Ask demo or new office; on a refused office form, ask again (or cancel)."""
        result = FirstStartDialog.ask(self.window, lang=self.lang)
        if result is None:
            self.window.statusBar().showMessage(
                self.tr("Belum ada database. Pilih Berkas › Buka database… untuk membukanya.")
            )
            self.finished.emit(None)
            return
        if result.choice == StartChoice.DEMO:
            self.window.show_loading(self.tr("Membuat database demo…"))
            self.runner.run(
                _build_demo,
                path,
                on_done=lambda _summary: self._created(path, demo=True),
                on_error=self._failed,
                title=self.tr("Membuat database demo…"),
                parent=self.window,
            )
            return
        try:
            _init_office(path, result)
        except KinerjaError as err:
            MessageBox.error(
                self.window, self.tr("Kantor tidak dapat disiapkan"), describe(err, self.lang)
            )
            self.first_start(path)
            return
        self._created(path, demo=False)

    def _created(self, path: Path, *, demo: bool) -> None:
        if demo:
            log.info("demo database built at %s", path)
        self.open(path)

    def _failed(self, error: BaseException) -> None:
        self.window.set_database(None)
        if isinstance(error, KinerjaError):
            MessageBox.error(
                self.window, self.tr("Database demo gagal dibuat"), describe(error, self.lang)
            )
        else:
            log.error("demo build failed", exc_info=(type(error), error, error.__traceback__))
            show_error(error, lang=self.lang, parent=self.window)
        self.finished.emit(None)
