"""The services' modules imported on a background thread once the window is idle.

A dialog's first opening imported the use cases behind it on the GUI thread: 40-130 ms for
"Predikat organisasi" or "Konflik sinkronisasi" on an office PC (PySide reads the source of
every module imported while Qt runs), more than the 100 ms the GUI thread may stay away
(issue 16). Once the first rows show and the other views are built, a thread names every use
case of the rooms (through their front doors: naming one loads its module), so the first
click finds them loaded. Imports only: nothing is read from a database, no widget is made.
"""

from __future__ import annotations

import importlib
import logging
import threading

log = logging.getLogger(__name__)

#: The rooms whose use cases the dialogs call (demo: only the command line builds demos).
ROOMS = ("common", "admin", "register", "evaluation", "plans", "office_eval", "sync", "reporting")


def warm_services() -> None:
    """Import every use case of :data:`ROOMS` (on the calling thread)."""
    for room in ROOMS:
        door = importlib.import_module(f"kinerja_desktop.services.{room}")
        for names in door.EXPORTS.values():
            if names:
                getattr(door, names[0])  # loads the module behind the name


def warm_services_later() -> threading.Thread:
    """:func:`warm_services` on a daemon thread; a failure is logged (the click that needs
    the module imports it again and reports the error in its own words)."""

    def run() -> None:
        try:
            warm_services()
        except Exception:
            log.warning("warming the services' modules failed", exc_info=True)

    thread = threading.Thread(target=run, name="warm-imports", daemon=True)
    thread.start()
    return thread
