"""The database's health at start-up: the full check before the window is usable, or after.

``PRAGMA quick_check`` reads the whole file: milliseconds on an office database, seconds on a
city's. It runs before the window is usable only when it must (issue 16.2, decided by
``services.admin.check_before_use``): the previous session did not close cleanly, or the last
full check is a week old. Otherwise it runs on the task runner's writer after the rows show,
followed by the automatic backup, so no backup of an unchecked file is made at start. The
writer, not the reader: the check must come before that backup, and a long check then holds
back a save (the status bar says so) rather than every view's reload.

A check that fails in the background switches the window to HANYA BACA at once (the writer lock
stays held, so no other copy writes the damaged file either) and offers the newest intact
backup, saying that what was changed after it, also since the start, would be lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe, text
from kinerja_desktop.gui.admin.common import Question, fmt_size
from kinerja_desktop.gui.kit.dialogs import MessageBox
from kinerja_desktop.gui.kit.format import fmt_datetime_long

if TYPE_CHECKING:
    from kinerja_desktop.gui.startup import Startup

log = logging.getLogger(__name__)


class StartupHealth(QObject):
    """The full check of the file :class:`Startup` opens, now or in the background."""

    def __init__(self, startup: Startup) -> None:
        super().__init__(startup)
        self.startup = startup
        self.window = startup.window
        self.lang = startup.lang

    # -- before the window is usable ----------------------------------------------------------

    def offer_restore(self, path: Path) -> bool:
        """``path`` failed the check due before use (run on the worker, ``startup_open.py``):
        True when it was restored just now from the newest good backup and may be opened."""
        from kinerja_desktop.services.admin import damaged_name, newest_good_backup

        log.warning("quick_check failed on %s", path)
        good = newest_good_backup(path)
        if good is None:
            self._no_backup(path, "startup.damaged_no_backup")
            return False
        aside = damaged_name(path)
        if not self._ask_restore(path, good, "startup.damaged", aside):
            self.window.statusBar().showMessage(self.tr("Database rusak tidak dibuka."))
            return False
        return self._restore(path, good, aside)

    # -- after the rows show ------------------------------------------------------------------

    def check_later(
        self, path: Path, lock: Any, *, is_current: Callable[[], bool], then: Callable[[], None]
    ) -> None:
        """Queue the full check of the open ``path``; ``then`` runs when it passed.

        ``is_current`` says whether ``path`` is still the database in use: a result for a file
        the user has left meanwhile is ignored.
        """
        from kinerja_desktop.services.admin import check_in_background

        def done(report: Any) -> None:
            if not is_current():
                return
            if report.ok:
                if lock is not None:
                    lock.record_full_check()
                then()
                return
            if lock is not None:
                lock.forget_full_check()
            self._damaged_in_use(path, report.good_backup)

        def failed(error: BaseException) -> None:
            log.warning("background check of %s failed: %s", path, error)
            if is_current() and isinstance(error, KinerjaError):
                self.window.statusBar().showMessage(describe(error, self.lang))

        self.startup.runner.write(check_in_background, path, on_done=done, on_error=failed)

    def _damaged_in_use(self, path: Path, good: Any) -> None:
        from kinerja_desktop.services.admin import damaged_name

        log.warning("background quick_check failed on %s: switched to read-only", path)
        self.startup.switch_to_read_only(
            path, self.tr("Hanya baca: berkas database rusak"), self.tr("Berkas database rusak.")
        )
        if good is None:
            self._no_backup(path, "startup.damaged_in_use_no_backup")
            return
        aside = damaged_name(path)
        if not self._ask_restore(path, good, "startup.damaged_in_use", aside):
            self.window.statusBar().showMessage(
                self.tr("Database rusak dibuka hanya baca; tidak dipulihkan.")
            )
            return
        # A view's read still running holds a connection that closing the database cannot take
        # back; the file can be replaced only once every connection is closed.
        self._wait_for_reads()
        self.window.set_database(None)  # every connection closed before the file is replaced
        if self._restore(path, good, aside):
            self.startup.open(path)
        else:
            self.startup.switch_to_read_only(
                path,
                self.tr("Hanya baca: berkas database rusak"),
                self.tr("Berkas database rusak."),
            )

    def _wait_for_reads(self, limit_s: float = 60.0) -> None:
        import time

        from PySide6.QtCore import QCoreApplication

        runner = getattr(self.window, "task_runner", None)
        ends = time.monotonic() + limit_s
        while runner is not None and runner.is_busy() and time.monotonic() < ends:
            QCoreApplication.processEvents()
            time.sleep(0.01)

    # -- shared: ask, restore, or say there is nothing to restore ------------------------------

    def _no_backup(self, path: Path, code: str) -> None:
        from kinerja_desktop.services.admin import backup_folder_for_path

        folder = backup_folder_for_path(path)
        MessageBox.error(
            self.window,
            self.tr("Database rusak"),
            text(code, self.lang, path=str(path), folder=str(folder)),
        )

    def _ask_restore(self, path: Path, good: Any, code: str, aside: Path) -> bool:
        question = text(
            code,
            self.lang,
            path=str(path),
            when=fmt_datetime_long(good.created_at) if good.created_at else Path(good.path).name,
            size=fmt_size(good.size),
            aside=aside.name,
        )
        return bool(
            Question.ask(
                self.window,
                self.tr("Database rusak"),
                question,
                yes=self.tr("Pulihkan dari cadangan"),
                no=self.tr("Batal"),
            )
        )

    def _restore(self, path: Path, good: Any, aside: Path) -> bool:
        from kinerja_desktop.services.admin import restore_damaged, startup_actor

        title = self.tr("Database rusak")
        try:
            result = restore_damaged(path, Path(good.path), startup_actor(), aside=aside)
        except KinerjaError as err:
            MessageBox.error(self.window, title, describe(err, self.lang))
            return False
        log.warning("restored %s from %s; damaged file kept as %s", path, good.path, aside)
        MessageBox.information(
            self.window,
            self.tr("Database dipulihkan"),
            text(
                "startup.restored",
                self.lang,
                backup=Path(result.restored_from).name,
                aside=Path(result.damaged_kept_as).name,
            ),
        )
        return True
