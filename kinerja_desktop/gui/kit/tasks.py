"""Running long work off the GUI thread (DESIGN.md conventions 3 and 4).

One worker thread, because SQLite has one writer: two tasks never write at once and a second
task simply waits its turn. A task is a plain function; with ``with_state=True`` it also gets a
:class:`TaskState` to report progress and to poll for cancellation. The worker never touches a
widget: the result (or the exception) comes back through a queued signal and the callbacks run
on the main thread. A progress dialog appears only when the task is still running after a short
delay, so quick tasks do not flash a window (as Anki's ``progress.py`` does).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)

#: A progress dialog shows only for tasks that are still running after this long.
PROGRESS_DELAY_MS = 600
_POLL_MS = 100


class TaskState:
    """Progress and cancellation shared by a task and the GUI; safe across threads.

    It matches the plain progress protocol of the layers below (``set_progress`` and
    ``is_cancel_requested``), so a service can take it without knowing about Qt.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0
        self._text = ""
        self._cancel = threading.Event()

    def set_progress(self, done: int, total: int = 0, text: str = "") -> None:
        with self._lock:
            self._done, self._total = done, total
            if text:
                self._text = text

    def progress(self) -> tuple[int, int, str]:
        with self._lock:
            return self._done, self._total, self._text

    def request_cancel(self) -> None:
        self._cancel.set()

    def is_cancel_requested(self) -> bool:
        return self._cancel.is_set()


@dataclass
class Task:
    """A submitted task, as the runner tracks it until its result is delivered."""

    number: int
    title: str
    state: TaskState
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    parent: QWidget | None = None
    dialog: QProgressDialog | None = field(default=None, repr=False)
    finished: bool = False


class TaskRunner(QObject):
    """Runs tasks one at a time on a worker thread and delivers results on the main thread.

    Signals:
        task_finished(int): a task ended (after its callback ran); tests ``waitSignal`` it.
    """

    task_finished = Signal(int)
    # worker → main thread; queued because the emitter is the worker thread.
    _delivered = Signal(int, object, object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        progress_delay_ms: int = PROGRESS_DELAY_MS,
        on_unhandled: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kinerja-task")
        self._numbers = itertools.count(1)
        self._tasks: dict[int, Task] = {}
        self._delay = progress_delay_ms
        self._on_unhandled = on_unhandled
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        title: str = "",
        parent: QWidget | None = None,
        with_state: bool = False,
    ) -> Task:
        """Queue ``fn(*args)`` (``fn(*args, state)`` with ``with_state``).

        Args:
            on_done: called on the main thread with the result.
            on_error: called on the main thread with the exception; without it the exception
                goes to ``on_unhandled`` (the error dialog), never silently nowhere.
            title: the progress dialog's text; no dialog at all when empty.
            parent: the widget the progress dialog belongs to.
        """
        task = Task(next(self._numbers), title, TaskState(), on_done, on_error, parent)
        self._tasks[task.number] = task
        self._executor.submit(self._work, task.number, fn, args, task.state, with_state)
        if title:
            QTimer.singleShot(self._delay, self, lambda: self._show_progress(task.number))
        return task

    def is_busy(self) -> bool:
        return any(not task.finished for task in self._tasks.values())

    def shutdown(self, *, wait: bool = True) -> None:
        """Cancel what can be cancelled and stop the worker (at application exit)."""
        for task in self._tasks.values():
            task.state.request_cancel()
        self._executor.shutdown(wait=wait, cancel_futures=True)

    # -- worker thread -----------------------------------------------------------------------

    def _work(
        self,
        number: int,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        state: TaskState,
        with_state: bool,
    ) -> None:
        try:
            result = fn(*args, state) if with_state else fn(*args)
        except BaseException as exc:  # handed to the main thread, which decides
            self._delivered.emit(number, None, exc)
        else:
            self._delivered.emit(number, result, None)

    # -- main thread -------------------------------------------------------------------------

    def _deliver(self, number: int, result: Any, error: BaseException | None) -> None:
        task = self._tasks.pop(number, None)
        if task is None:
            return
        task.finished = True
        if task.dialog is not None:
            task.dialog.close()
            task.dialog.deleteLater()
            task.dialog = None
        try:
            if error is None:
                if task.on_done is not None:
                    task.on_done(result)
            elif task.on_error is not None:
                task.on_error(error)
            elif self._on_unhandled is not None:
                self._on_unhandled(error)
            else:
                log.error("task failed", exc_info=(type(error), error, error.__traceback__))
        finally:
            self.task_finished.emit(number)

    def _show_progress(self, number: int) -> None:
        task = self._tasks.get(number)
        if task is None or task.finished:
            return
        dialog = QProgressDialog(task.title, self.tr("Batal"), 0, 0, task.parent)
        dialog.setObjectName("task_progress")
        dialog.setWindowTitle(self.tr("Mohon tunggu"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(task.state.request_cancel)
        task.dialog = dialog
        timer = QTimer(dialog)
        timer.setInterval(_POLL_MS)
        timer.timeout.connect(lambda: self._poll(task))
        timer.start()
        dialog.show()

    def _poll(self, task: Task) -> None:
        dialog = task.dialog
        if dialog is None:
            return
        done, total, text = task.state.progress()
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        if text:
            dialog.setLabelText(text)
