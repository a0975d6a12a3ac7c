"""The Pegawai view's preview at start: the first screenful before the database is open.

:class:`PreviewRun` reads the first page straight from the file on the read worker
(:func:`~kinerja_desktop.services.register.preview_employees`), hands it to the view, and
calls the start-up's ``then`` (open the database) once the rows are drawn, or at once when
there is nothing to draw. The open waits because its imports and checks (half a second of
Python) would otherwise take the interpreter from the GUI thread while it lays out and paints
the rows: the GUI thread waits for the interpreter at every call into Python (each cell of
the table), which doubled the time to the first rows (issue 16).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from shiboken6 import isValid

from kinerja_desktop.gui.kit.after_paint import after_next_paint
from kinerja_desktop.gui.register.model import EmployeeTableModel
from kinerja_desktop.gui.register.pages import FIRST_PAGE, PAINT_WAIT_MS, Loaded

if TYPE_CHECKING:
    from kinerja_desktop.gui.register.view import EmployeesView

log = logging.getLogger(__name__)


def read_preview(model: EmployeeTableModel, path: Path) -> Loaded | None:
    """On the read worker: the preview as a first page's load (``None``: no preview)."""
    from kinerja_desktop.services.register import preview_employees

    preview = preview_employees(path, limit=FIRST_PAGE)
    if preview is None:
        return None
    rows = preview.rows
    return rows, preview.offices, model.search_text(rows), None, preview.total


class PreviewRun(QObject):
    """One preview of one open: read, show, wait for the paint, then ``then`` exactly once
    (never when ``current()`` turned false: a newer open took over and runs its own)."""

    def __init__(
        self, view: EmployeesView, current: Callable[[], bool], then: Callable[[], None]
    ) -> None:
        super().__init__(view)
        self._view = view
        self._current = current
        self._then: Callable[[], None] | None = then

    def start(self, path: Path) -> None:
        self._view.runner.read(
            read_preview,
            self._view.model,
            path,
            key=f"view:employees:preview:{id(self._view)}",
            on_done=self._arrived,
            on_error=self._failed,
        )

    def _arrived(self, data: Loaded | None) -> None:
        if not self._current():
            self._then = None
            self._end()
            return
        view = self._view
        if data is None or not isValid(view) or not view.show_preview(data):
            self._go()
            return
        # The rows are on screen when the open begins.
        after_next_paint(view.table.viewport(), self._go, PAINT_WAIT_MS)

    def _failed(self, error: BaseException) -> None:
        log.warning("no preview: %r", error)  # the open says what is wrong with the file
        self._go()

    def _go(self) -> None:
        then, self._then = self._then, None
        if then is not None and self._current():
            then()
        self._end()

    def _end(self) -> None:
        self.deleteLater()
