"""Running long work off the GUI thread: the one task runner (DESIGN.md conventions 3 and 4).

The main window owns ONE :class:`TaskRunner`; views find it with :func:`runner_for` and dialogs
get it passed in. Two kinds of task, after Anki's ``CollectionOp``/``QueryOp``:

- a **write** runs on the one writer worker, because SQLite has one writer. A write is never
  superseded nor cancelled by another task: a second write waits its turn, and while it waits
  the runner says so (``status_message``, which the window shows in its status bar).
- a **read** runs on a second worker, beside a write (SQLite's WAL lets a reader work while the
  writer writes; hand it ``Database.reader()``). A read with a ``key`` supersedes an earlier,
  unfinished read of the same key: the earlier one is asked to cancel, is skipped if it has
  not started, and its result is dropped, so a slow old query never overwrites a newer one.

A task is a plain function; with ``with_state=True`` it also gets a :class:`TaskState` to report
``set_progress(done, total)`` (the dialog then shows a real percentage) and to poll
``is_cancel_requested()``. The workers never touch a widget: results and exceptions come back
through a queued signal and the callbacks run on the main thread. A progress dialog appears only
when a titled task still runs after a short delay (as Anki's ``progress.py`` does).

A write that must not be lost (closing a database the window let go of, then its writer lock)
goes through :meth:`TaskRunner.write_once`: it runs once, on the writer in its turn, or, when the
runner stops before it started, in :meth:`TaskRunner.shutdown` on the thread that stops it.

Every task runs with the cycle collector's full passes held (``services.common.paused_gc``): a
full collection set off by a worker's allocations held Python's lock for hundreds of
milliseconds on a city, and the GUI thread waited all that time.
"""

from __future__ import annotations

import enum
import itertools
import logging
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait as wait_futures
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kinerja_desktop.gui.kit.once import Once, nothing
from kinerja_desktop.services.common import paused_gc

log = logging.getLogger(__name__)

#: A progress dialog shows only for tasks that are still running after this long.
PROGRESS_DELAY_MS = 600
_POLL_MS = 100


def _tr(text: str) -> str:
    return QCoreApplication.translate("TaskRunner", text)


class TaskKind(enum.Enum):
    READ = "read"
    WRITE = "write"


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

    def percent(self) -> int | None:
        """The share done in whole percent, or ``None`` while the work cannot count."""
        done, total, _text = self.progress()
        return None if total <= 0 else min(100, done * 100 // total)

    def request_cancel(self) -> None:
        self._cancel.set()

    def is_cancel_requested(self) -> bool:
        return self._cancel.is_set()


@dataclass
class Task:
    """A submitted task, as the runner tracks it until its result is delivered.

    ``dropped`` is set when the result must not be delivered (a superseded read, or a task
    cancelled before it started); its callbacks then never run.
    """

    number: int
    title: str
    state: TaskState
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    parent: QWidget | None = None
    kind: TaskKind = TaskKind.WRITE
    key: str | None = None
    dialog: QProgressDialog | None = field(default=None, repr=False)
    future: Future[None] | None = field(default=None, repr=False)
    started: bool = False
    finished: bool = False
    dropped: bool = False
    #: Housekeeping (a write_once): a write queued behind it shows no "waiting" notice.
    quiet: bool = False

    def cancel(self) -> None:
        """Ask the task to stop; one that has not started yet never runs and delivers nothing."""
        self.state.request_cancel()
        if not self.started:
            self.dropped = True


class TaskRunner(QObject):
    """Runs writes one at a time on the writer worker and reads on a reader worker.

    Signals:
        task_finished(int): a task ended (after its callback ran, or its result was dropped);
            tests ``waitSignal`` it.
        status_message(str): a line for the status bar ("" clears it): a write is waiting.
    """

    task_finished = Signal(int)
    status_message = Signal(str)
    # worker → main thread; queued because the emitter is a worker thread.
    _delivered = Signal(int, object, object)
    _started = Signal(int)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        progress_delay_ms: int = PROGRESS_DELAY_MS,
        on_unhandled: Callable[[BaseException], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kinerja-write")
        self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kinerja-read")
        self._numbers = itertools.count(1)
        self._tasks: dict[int, Task] = {}
        self._delay = progress_delay_ms
        self._on_unhandled = on_unhandled
        self._waiting_shown = False
        self._once: list[Once] = []
        self.closed = False
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._started.connect(self._on_started, Qt.ConnectionType.QueuedConnection)

    @property
    def on_unhandled(self) -> Callable[[BaseException], None] | None:
        return self._on_unhandled

    @on_unhandled.setter
    def on_unhandled(self, handler: Callable[[BaseException], None] | None) -> None:
        self._on_unhandled = handler

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        title: str = "",
        parent: QWidget | None = None,
        with_state: bool = False,
        kind: TaskKind = TaskKind.WRITE,
        key: str | None = None,
        progress_delay_ms: int | None = None,
    ) -> Task:
        """Queue ``fn(*args)`` (``fn(*args, state)`` with ``with_state``).

        Args:
            on_done: called on the main thread with the result.
            on_error: called on the main thread with the exception; without it the exception
                goes to ``on_unhandled`` (the error dialog), never silently nowhere.
            title: the progress dialog's text; no dialog at all when empty.
            parent: the widget the progress dialog belongs to.
            kind: a write (the default: anything that may change the database) or a read.
            key: for reads, what the result is for (``"evaluations"``): a newer read of the
                same key supersedes this one. Ignored for writes.
            progress_delay_ms: this task's wait before its dialog shows (else the runner's).
        """
        key = key if kind is TaskKind.READ else None
        task = Task(
            next(self._numbers), title, TaskState(), on_done, on_error, parent, kind=kind, key=key
        )
        if key is not None:
            for older in self._tasks.values():
                if older.kind is TaskKind.READ and older.key == key and not older.finished:
                    older.dropped = True
                    older.state.request_cancel()
        if self.closed:  # the window is closing: nothing new starts (its database closes)
            log.warning("task %d refused: the runner is shut down", task.number)
            task.dropped = task.finished = True
            return task
        waiting = kind is TaskKind.WRITE and self._write_pending()
        self._tasks[task.number] = task
        executor = self._writer if kind is TaskKind.WRITE else self._reader
        task.future = executor.submit(self._work, task, fn, args, with_state)
        if waiting:
            self._waiting_shown = True
            self.status_message.emit(_tr("Menunggu tugas sebelumnya selesai…"))
        if title:
            delay = self._delay if progress_delay_ms is None else progress_delay_ms
            QTimer.singleShot(delay, self, lambda: self._show_progress(task.number))
        return task

    def read(self, fn: Callable[..., Any], *args: Any, key: str | None, **options: Any) -> Task:
        """:meth:`run` as a read (see the module docstring); ``key`` names what it refreshes.

        A database among ``args`` (a ``services.common.database.Database``, known here by its
        ``reader()``; importing the class would load SQLAlchemy before the first paint) is
        replaced by its read-only reader, so the read never takes the writer's connection.
        """
        args = tuple(_reader_of(arg) for arg in args)
        return self.run(fn, *args, kind=TaskKind.READ, key=key, **options)

    def write(self, fn: Callable[..., Any], *args: Any, **options: Any) -> Task:
        """:meth:`run` as a write: waits for earlier writes, never superseded."""
        return self.run(fn, *args, kind=TaskKind.WRITE, **options)

    def write_once(self, fn: Callable[..., Any], *args: Any, after_reads: bool = False) -> Once:
        """Queue ``fn(*args)`` as a write that is never lost: run once on the writer, or in
        :meth:`shutdown` (after the workers stopped) when it had not started; on a closed
        runner it runs here and now. With ``after_reads`` it starts only once every read
        submitted before it has ended (a database is closed only after the reads on it). A
        failure is logged. ``Once.run()`` from another thread runs it there or waits for it.
        """
        after = self._reader.submit(nothing) if after_reads and not self.closed else None
        once = Once(fn, args, after)
        if self.closed:
            once.run()
            return once
        self._once.append(once)

        def ended(_result: Any = None) -> None:
            if once in self._once:
                self._once.remove(once)

        def failed(error: BaseException) -> None:
            ended()
            log.warning("%s failed: %s", getattr(fn, "__qualname__", fn), error, exc_info=error)

        self.write(once.run, on_done=ended, on_error=failed).quiet = True
        return once

    def is_busy(self) -> bool:
        return any(not task.finished for task in self._tasks.values())

    def finish_for(self, owner: QObject) -> None:
        """``owner`` (a dialog) is closing: drop its reads, and block until its writes ended.

        A write is never abandoned half-way: its transaction ends, and its callbacks still run
        when the event loop delivers them (so the changes it made are still announced).
        """
        writes: list[Future[None]] = []
        for task in list(self._tasks.values()):
            if task.parent is not owner or task.finished:
                continue
            if task.kind is TaskKind.READ:
                task.dropped = True
                task.state.request_cancel()
            elif task.future is not None:
                writes.append(task.future)
        wait_futures(writes)

    def shutdown(self, *, wait: bool = True) -> None:
        """Cancel what can be cancelled and stop the workers (at application exit)."""
        self.closed = True
        for task in self._tasks.values():
            task.state.request_cancel()
        self._reader.shutdown(wait=wait, cancel_futures=True)
        self._writer.shutdown(wait=wait, cancel_futures=True)
        # What write_once queued and the writer did not reach runs here, in its order (one the
        # writer is still running, after ``wait=False``, is waited for).
        pending, self._once = self._once, []
        for once in pending:
            try:
                once.run()
            except Exception:
                log.exception("work left at shutdown failed")

    def _write_pending(self) -> bool:
        return any(
            t.kind is TaskKind.WRITE and not t.finished and not t.quiet
            for t in self._tasks.values()
        )

    # -- worker threads ----------------------------------------------------------------------

    def _work(
        self, task: Task, fn: Callable[..., Any], args: tuple[Any, ...], with_state: bool
    ) -> None:
        if task.dropped:  # superseded or cancelled while it waited: never run it
            self._delivered.emit(task.number, None, None)
            return
        task.started = True
        self._started.emit(task.number)
        try:
            with paused_gc():
                result = fn(*args, task.state) if with_state else fn(*args)
        except BaseException as exc:  # handed to the main thread, which decides
            self._delivered.emit(task.number, None, exc)
        else:
            self._delivered.emit(task.number, result, None)

    # -- main thread -------------------------------------------------------------------------

    def _on_started(self, _number: int) -> None:
        self._update_waiting()

    def _update_waiting(self) -> None:
        queued = any(
            t.kind is TaskKind.WRITE and not t.started and not t.finished
            for t in self._tasks.values()
        )
        if self._waiting_shown and not queued:
            self._waiting_shown = False
            self.status_message.emit("")

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
            if task.dropped:
                log.debug("task %d dropped (superseded or cancelled)", number)
            elif error is None:
                if task.on_done is not None:
                    task.on_done(result)
            elif task.on_error is not None:
                task.on_error(error)
            elif self._on_unhandled is not None:
                self._on_unhandled(error)
            else:
                log.error("task failed", exc_info=(type(error), error, error.__traceback__))
        finally:
            self._update_waiting()
            self.task_finished.emit(number)

    def _show_progress(self, number: int) -> None:
        task = self._tasks.get(number)
        if task is None or task.finished:
            return
        dialog = QProgressDialog(task.title, _tr("Batal"), 0, 0, task.parent)
        dialog.setObjectName("task_progress")
        dialog.setWindowTitle(_tr("Mohon tunggu"))
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


def _reader_of(arg: Any) -> Any:
    reader = getattr(arg, "reader", None)
    return reader() if callable(reader) and hasattr(arg, "uow") else arg


def runner_for(widget: QObject | None) -> TaskRunner:
    """The task runner that serves ``widget``: the nearest parent's ``task_runner``.

    The main window owns the one runner and every view and dialog inside it finds it here. A
    widget used on its own (a test, a tool) gets the application's fallback runner, so even
    then there is one runner per process, not one per widget.
    """
    node = widget
    while node is not None:
        found = getattr(node, "task_runner", None)
        if isinstance(found, TaskRunner):
            return found
        node = node.parent()
    return _fallback_runner()


_fallback: list[TaskRunner] = []


def _fallback_runner() -> TaskRunner:
    if _fallback and not _fallback[0].closed:
        return _fallback[0]
    runner = TaskRunner(QCoreApplication.instance())
    runner.setObjectName("fallback_task_runner")
    _fallback[:] = [runner]
    return runner


def publish_changes(widget: QObject | None, changes: Any) -> bool:
    """Hand a write's ``Changes`` to the window that owns ``widget`` (its ``apply_changes``),
    which refreshes the views showing those kinds. False when no window is above ``widget``
    (a dialog used on its own): the caller then refreshes what it shows itself."""
    node = widget
    while node is not None:
        apply = getattr(node, "apply_changes", None)
        if callable(apply):
            apply(changes)
            return True
        node = node.parent()
    return False


class DialogReads:
    """The reads one dialog started, by name, on the runner that serves it.

    ``is_loading()`` is true while any of them has not ended (delivered, failed or dropped),
    which is what tests wait for; a newer read of the same name supersedes the older one.
    """

    def __init__(self, owner: QWidget) -> None:
        # Weakly: the owner holds this, and a strong reference back would keep its Python
        # wrapper alive after Qt deleted the dialog.
        self._owner = weakref.ref(owner)
        self._tasks: dict[str, Task] = {}
        # A dialog deleted without closing (its owner went first) must not be filled later.
        owner.destroyed.connect(self._drop_all)

    def _drop_all(self, *_args: object) -> None:
        for task in self._tasks.values():
            task.dropped = True
            task.state.request_cancel()
        self._tasks.clear()

    def read(
        self,
        name: str,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> Task:
        owner = self._owner()
        number: list[int] = []  # the task's number, not the task: no cycle through it

        def done(result: Any) -> None:
            self._forget(name, number[0])
            on_done(result)

        def failed(error: BaseException) -> None:
            self._forget(name, number[0])
            on_error(error)

        task = runner_for(owner).read(
            fn, *args, key=f"{name}:{id(owner)}", on_done=done, on_error=failed, parent=owner
        )
        number.append(task.number)
        self._tasks[name] = task
        return task

    def _forget(self, name: str, number: int) -> None:
        # An ended task still holds the dialog (its callbacks, its parent): let it go.
        task = self._tasks.get(name)
        if task is not None and task.number == number:
            del self._tasks[name]

    def is_loading(self) -> bool:
        return any(not task.finished for task in self._tasks.values())
