"""Python's cycle collector through the start (issue 16): off until the first rows, then what
the start loaded frozen.

Everything the start makes lives as long as the process (modules, classes, SQLAlchemy's
mappers, Qt's wrappers), so a full pass during the start looks for garbage where there is
none: importing SQLAlchemy and the models set one off (some 70-90 ms on this machine), on the
critical path to the first rows. From the window's creation to the first rows the collector
is off and its full passes held (``services.common.pause_gc``, so worker jobs ending meanwhile
do not release them); then what is loaded is frozen (``gc.freeze``: no later
full pass traverses it), and frozen again once the other views are built, so the full passes
a large read can still set off on the GUI thread walk only the data, not the program.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QTimer

from kinerja_desktop.gui.main_window import VIEW_NAMES, MainWindow
from kinerja_desktop.gui.warm_imports import warm_services_later
from kinerja_desktop.services.common import freeze_loaded, pause_gc, resume_gc, thaw

log = logging.getLogger(__name__)

_POLL_MS = 250


class CollectorHold:
    """The start's hold of the full passes (:func:`hold_collector`); ``release`` ends it, once."""

    def __init__(self) -> None:
        pause_gc()
        # Until the rows the collector is off altogether, young passes too: what the start
        # allocates is kept (paired starts ran about 5% longer to the rows with the young
        # passes on); jobs are still covered by the held full passes after the release.
        self._enabled = gc.isenabled()
        gc.disable()
        self.held = True

    def release(self) -> None:
        if self.held:
            self.held = False
            if self._enabled:
                gc.enable()
            resume_gc()

    def close(self) -> None:
        """At exit: end the pause if the start never reached its rows, and undo the freeze."""
        self.release()
        thaw()


def hold_collector() -> CollectorHold:
    """Hold the collector's full passes now, until the hold's ``release``."""
    return CollectorHold()


def after_first_rows(window: MainWindow, hold: CollectorHold) -> None:
    """The first rows are on screen: freeze what the start loaded, let the collector run
    again, build the other views while the window is idle, and freeze their modules too.
    After a later database's rows (Berkas › Buka database…) it only builds missing views:
    what a session made since the start is data, and data is left to the collector."""
    first = hold.held
    if first:
        freeze_loaded()
        hold.release()
    window.build_views_later()
    if not first:
        return

    def freeze_once_built() -> None:
        if window.task_runner.closed:
            return
        if any(name not in window.views for name in VIEW_NAMES):
            QTimer.singleShot(_POLL_MS, window, freeze_once_built)
            return
        freeze_loaded()
        log.debug("the views' modules frozen too")
        warm_services_later()

    QTimer.singleShot(_POLL_MS, window, freeze_once_built)
