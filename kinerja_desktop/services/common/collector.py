"""The app's one policy for Python's cycle collector (issue 16, item 3).

Measured on a city: a worker's large read set off full collections of the whole process,
250-700 ms each, that found nothing to free and held Python's lock all that time, so the GUI
thread could not paint ("Periksa data" and "Kantor…" stalled 300-400 ms with 3-17 ms of GUI
work of their own). Two measures, both here so every room and the task runner share them:

- :func:`paused_gc`: the task runner runs every worker job inside it (and a long read may
  too). The rows and objects a job makes are freed by their reference counts; the collector
  is only needed for cycles, which a job's reads do not make. Nested and concurrent pauses
  share one counter: the collector goes off when the first begins and back on (only if it was
  on) when the last ends, also after an exception; the young generations are then collected
  at once, on the worker that ends the pause, rather than at some later allocation on the GUI
  thread.
- the start (``gui/startup_collector.py``) holds a pause from the window's creation to the
  first rows: importing SQLAlchemy and the models set off a full collection that found
  nothing, about a tenth of the import time;
- :func:`freeze_loaded`: once start-up has loaded its modules, their objects (classes,
  functions, SQLAlchemy's mappers, Qt's wrappers: most of the process) move to the permanent
  generation, which no later full collection traverses again.

Nothing here imports SQLAlchemy or Qt: the GUI reaches it through ``services.common`` before
its first paint.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["freeze_loaded", "pause_gc", "paused_gc", "resume_gc", "thaw"]

log = logging.getLogger(__name__)

_lock = threading.Lock()
_depth = 0
_restore = False


def pause_gc() -> None:
    """Begin a pause (for a pause that spans callbacks, as the start's does); every call is
    ended by one :func:`resume_gc`, on any thread. :func:`paused_gc` is the block form."""
    global _depth, _restore
    with _lock:
        if _depth == 0:
            _restore = gc.isenabled()
            gc.disable()
        _depth += 1


def resume_gc() -> None:
    """End a pause begun by :func:`pause_gc`."""
    global _depth
    with _lock:
        if _depth == 0:
            raise RuntimeError("resume_gc() without pause_gc()")
        _depth -= 1
        resume = _depth == 0 and _restore
        if resume:
            gc.enable()
    if resume:
        # The young generations only (cheap: what the pause left there), here on the worker;
        # the full pass is what the pause is for avoiding.
        gc.collect(1)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block without Python's cycle collector (see the module docstring)."""
    pause_gc()
    try:
        yield
    finally:
        resume_gc()


def freeze_loaded() -> None:
    """Move every object alive now to the permanent generation (``gc.freeze``): called once
    start-up has loaded its modules, so later full collections skip the import graph."""
    gc.freeze()  # O(1): the generations' lists are spliced (counting them would walk them)
    log.debug("collector: the objects loaded at start-up frozen")


def thaw() -> None:
    """Undo :func:`freeze_loaded` (``gc.unfreeze``, O(1) too): when the window closes, for a
    caller that goes on living (a test calling ``run_gui``)."""
    gc.unfreeze()
