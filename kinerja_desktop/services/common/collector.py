"""The app's one policy for Python's cycle collector (issue 16, item 3).

Measured on a city: a worker's large read set off full collections of the whole process,
250-700 ms each, that found nothing to free and held Python's lock all that time, so the GUI
thread could not paint ("Periksa data" and "Kantor…" stalled 300-400 ms with 3-17 ms of GUI
work of their own). Both measures are here so every room and the task runner share them:

- :func:`paused_gc` holds back the collector's FULL passes (the oldest generation); the young
  passes go on. The task runner runs every worker job inside it (and a long read may too).
  A young pass walks at most a few thousand new objects (well under a millisecond), a full
  one the whole process; and the young passes still free what dies young. Switching the
  collector off altogether, as the evaluation room's reads first did, let a batch of 400 report
  cards written as separate files grow from 86 to 138 MB (reportlab's short-lived cycles);
  with the full passes held it peaked at 84 MB. Nested and concurrent pauses share one counter:
  the full passes are held from the first begin to the last end, also after an exception.
  (Python 3.11-3.13: held by the third threshold, which counts young passes since the last
  full one.)
- the start (``gui/startup_collector.py``) holds them from the window's creation to the first
  rows: importing SQLAlchemy and the models set off a full pass that found nothing;
- :func:`freeze_loaded`: once start-up has loaded its modules, their objects (classes,
  functions, SQLAlchemy's mappers, Qt's wrappers: most of the process) move to the permanent
  generation, which no later full pass traverses again.

Nothing here imports SQLAlchemy or Qt: the GUI reaches it through ``services.common`` before
its first paint.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = [
    "HELD",
    "freeze_loaded",
    "full_passes_held",
    "pause_gc",
    "paused_gc",
    "resume_gc",
    "thaw",
]

log = logging.getLogger(__name__)

#: The third threshold while full passes are held: young passes since the last full pass
#: never reach it.
HELD = 1 << 30

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, int, int] = (700, 10, 10)


def pause_gc() -> None:
    """Begin a pause (for a pause that spans callbacks, as the start's does); every call is
    ended by one :func:`resume_gc`, on any thread. :func:`paused_gc` is the block form."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(_saved[0], _saved[1], HELD)
        _depth += 1


def resume_gc() -> None:
    """End a pause begun by :func:`pause_gc`; when the last pause ends, full passes run again."""
    global _depth
    with _lock:
        if _depth == 0:
            raise RuntimeError("resume_gc() without pause_gc()")
        _depth -= 1
        if _depth == 0:
            gc.set_threshold(*_saved)


def full_passes_held() -> bool:
    """Whether full passes are held now (by a pause, or by anyone who set the threshold)."""
    return gc.get_threshold()[2] >= HELD


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with the collector's full passes held (see the module docstring)."""
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
