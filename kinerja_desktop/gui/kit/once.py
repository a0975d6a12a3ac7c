"""Work that must run exactly once, whichever thread gets to it first (the task runner's
writer in its turn, or the thread that stops the runner): :meth:`.tasks.TaskRunner.write_once`.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from typing import Any

__all__ = ["Once", "nothing"]


class Once:
    """Work that runs exactly once, on whichever thread calls :meth:`run` first; a second
    caller waits until it has ended (and then does nothing). ``after``, when given, is waited
    for before the work starts (a marker queued behind the reads in flight)."""

    def __init__(
        self, fn: Callable[..., Any], args: tuple[Any, ...], after: Future[None] | None
    ) -> None:
        self._fn, self._args, self._after = fn, args, after
        self._lock = threading.Lock()
        self._ended = threading.Event()

    @property
    def done(self) -> bool:
        return self._ended.is_set()

    def run(self) -> None:
        with self._lock:
            if self._ended.is_set():
                return
            try:
                if self._after is not None:
                    # result(), not futures.wait(): a shutdown's cancel wakes only the former.
                    with contextlib.suppress(CancelledError):
                        self._after.result()
                self._fn(*self._args)
            finally:
                self._ended.set()  # never twice, not even after a failure


def nothing() -> None:
    """The marker a reader worker runs: once it ran, every read queued before it has ended."""
