"""What happens after the first paint: open the database safely, sign in, or ask how to start.

Kept out of ``app.py`` so tests can drive it with a real window and runner: the first-start
dialog is patched through ``FirstStartDialog.ask``, the login through ``LoginDialog.ask``, and
the demo build awaited with ``waitSignal(startup.finished)``.

Opening a file (at start and from Berkas › Buka database…) goes through :meth:`Startup.open`;
steps 1 to 3 run on the task runner's writer (:mod:`.startup_open`), the questions here:

1. classify the file before anything is written beside it: a file that is not a Kinerja
   database is refused as such (no lock file, nothing renamed); a file this user cannot write
   (a write-protected stick, a copy from a CD) opens read-only with the reason;
   otherwise take the file's writer lock; when another running copy holds it, open the file
   read-only (no migration, no backup, no sign-in), say who holds it on which computer, and
   mark the window "HANYA BACA";
2. ``PRAGMA quick_check`` before the window is usable only after an unclean exit or when the
   last full check is a week old (else after the first rows, :mod:`.startup_health`); a
   damaged file gets a clear message and an offer to restore the newest good backup, with the
   damaged file renamed aside, never deleted;
3. open (migrating after a backup when needed), then the login (password checked off the GUI);
4. the automatic backup (at most once every few hours) after the rows show and the file
   passed its check, so it never delays the start;
5. a database on a network share, a removable drive or a synced folder is said once in the
   status bar (it is best kept on the PC's own disk, with backups to the stick).
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe, text
from kinerja_desktop.gui.admin.first_start import FirstStartDialog, StartChoice
from kinerja_desktop.gui.admin.login import sign_in
from kinerja_desktop.gui.kit.dialogs import MessageBox, OpenDatabaseDialog
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.format import fmt_datetime_long
from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.startup_backup import run_auto_backup
from kinerja_desktop.gui.startup_health import StartupHealth
from kinerja_desktop.gui.startup_open import (
    Opening,
    Outcome,
    build_demo_file,
    init_office_file,
    let_go,
    open_for_use,
    open_writable,
    read_only_reason,
    sign_in_as,
)
from kinerja_desktop.gui.window_parts import after_rows

log = logging.getLogger(__name__)

_READ_ONLY_STYLE = "background: #5b6b7f; color: white; font-weight: bold; padding: 1px 8px;"


class Startup(QObject):
    """Brings the window from "empty" to "showing a database".

    Signals:
        finished(object): the :class:`Database` now in use, or ``None`` (the user cancelled,
            or the file could not be opened; the app keeps running either way).
    """

    finished = Signal(object)

    def __init__(
        self,
        window: MainWindow,
        runner: TaskRunner | None = None,
        *,
        lang: str = "id",
        auto_login: tuple[str, str] | None = None,
        ask_login: bool = True,
    ) -> None:
        super().__init__(window)
        self.window = window
        # The window's one runner; tests may hand in their own.
        self.runner = runner if runner is not None else window.task_runner
        self.lang = lang
        self.auto_login = auto_login
        # False for the start-up probe: no modal dialog may wait for a person there.
        self.ask_login = ask_login
        # The admin who just set up a new office typed the password a moment ago.
        self._pending_login: tuple[str, str] | None = None
        self._lock: Any = None  # services.startup_check.WriterLock, imported after the paint
        self.read_only = False
        self.read_only_label = QLabel(self.tr("HANYA BACA"))
        self.read_only_label.setObjectName("status_read_only")
        self.read_only_label.setStyleSheet(_READ_ONLY_STYLE)
        self.read_only_label.hide()
        window.statusBar().insertPermanentWidget(0, self.read_only_label)
        self.health = StartupHealth(self)
        self._opened = 0  # counts opens: a background check answers only for its own
        # Berkas › Buka database… goes through the same checks as the start.
        with contextlib.suppress(RuntimeError, TypeError):
            window.action_open.triggered.disconnect(window.open_database_dialog)
        window.action_open.triggered.connect(self.open_dialog)

    def start(self, db_path: Path) -> None:
        """Open ``db_path``, or offer the first-start choices when it does not exist yet."""
        if not isinstance(db_path, Path) or db_path.exists():  # a server database exists already
            self.open(db_path)
        else:
            self.first_start(db_path)

    def open_dialog(self) -> None:
        db = self.window.database
        path = OpenDatabaseDialog.ask(self.window, db.path.parent if db is not None else None)
        if path is not None:
            self.open(path)

    def release(self) -> None:
        """Let go of the writer lock now (at exit after the window closed its database; another
        file opened lets go of it on the writer, after the old database closed)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def open(self, path: Path) -> None:
        """Open ``path`` as the module docstring says; ``finished`` tells the outcome.

        A missing file or a folder chosen from Berkas › Buka database… is refused before the
        database in use is closed, so a mis-click does not empty the window. Everything that
        reads or writes the file runs on the task runner's writer (:mod:`.startup_open`): the
        window keeps painting, also through a long check or an upgrade (issue 16.2).
        """
        current = self.window.database
        on_file = isinstance(path, Path) and path.is_file()  # else a server database's address
        if current is not None and isinstance(path, Path) and not on_file:
            MessageBox.error(
                self.window,
                self.tr("Database tidak dapat dibuka"),
                text("db.is_folder" if path.is_dir() else "db.missing", self.lang, path=str(path)),
            )
            self.finished.emit(current)
            return
        self._opened += 1
        opened = self._opened
        if current is None:
            self._show_loading()
        if not on_file:
            self._replace_current(path, False, None, opened)
            return
        view = self.window.views.get("employees")  # never builds a view for it
        if current is None and view is not None:
            # The Pegawai list's first screenful straight from the file first
            # (services/register/preview.py), then the open: its imports and checks would
            # take the interpreter from the rows being drawn (issue 16).
            view.preview(
                path,
                lambda: opened == self._opened and self.window.database is None,
                then=lambda: self._classify(path, opened, current),
            )
            return
        self._classify(path, opened, current)

    def _classify(self, path: Path, opened: int, current: Any) -> None:
        self.runner.write(
            read_only_reason,
            path,
            on_done=lambda reason: self._classified(path, reason, opened),
            on_error=lambda error: self._refused(path, error, current),
        )

    def _classified(self, path: Path, reason: str | None, opened: int) -> None:
        if opened == self._opened:  # else a newer open took over meanwhile
            self._replace_current(path, True, reason, opened)

    def _refused(self, path: Path, error: BaseException, current: Any) -> None:
        """Not a Kinerja database (or gone): refused before the database in use is closed,
        and before any lock file is made beside it."""
        if isinstance(error, KinerjaError):
            log.warning("refused %s: %s", path, error.code)
            MessageBox.error(
                self.window, self.tr("Database tidak dapat dibuka"), describe(error, self.lang)
            )
        else:
            show_error(error, lang=self.lang, parent=self.window)
        if current is None:
            self.window.set_database(None)
        self.finished.emit(current)

    def _replace_current(self, path: Path, on_file: bool, reason: str | None, opened: int) -> None:
        closing = None
        if self.window.database is not None:
            self._show_loading()
            closing = self.window.set_database(None, close_later=True)  # off the GUI thread
        # On the writer before the open: no copy takes the lock of a file this one still closes.
        lock, self._lock = self._lock, None
        if closing is not None or lock is not None:
            self.runner.write_once(let_go, closing, lock)
        self._set_read_only(False)
        self.runner.write(
            open_for_use,
            path,
            on_file,
            reason,
            self._keep_lock,
            on_done=lambda opening: self._arrived(path, opening, opened),
            on_error=self._open_failed,
        )

    def _keep_lock(self, lock: Any) -> None:
        self._lock = lock  # on the worker, once taken: release() finds it even mid-open

    def _open_failed(self, error: BaseException) -> None:
        self.release()
        if isinstance(error, KinerjaError):
            log.warning("cannot open: %s", error.code)
            MessageBox.error(
                self.window, self.tr("Database tidak dapat dibuka"), describe(error, self.lang)
            )
        else:
            show_error(error, lang=self.lang, parent=self.window)
        self.window.set_database(None)
        self.finished.emit(None)

    def _arrived(self, path: Path, opening: Opening, opened: int) -> None:
        if opened != self._opened:  # a newer open took over: this one is not shown
            if opening.db is not None:
                opening.db.close()
            return
        if opening.outcome is Outcome.HELD:
            self._show_held(path, opening)
        elif opening.outcome is Outcome.UNWRITABLE:
            self._show_unwritable(path, opening)
        elif opening.outcome is Outcome.DAMAGED:
            self._damaged_before_use(path, opening, opened)
        else:
            self._use(path, opening)

    def _damaged_before_use(self, path: Path, opening: Opening, opened: int) -> None:
        """The check due before use failed: offer the restore (here, on the GUI thread), then
        open the restored file on the worker, or leave the window empty."""
        if not self.health.offer_restore(path):
            self.release()
            self.window.set_database(None)
            self.finished.emit(None)
            return
        self.runner.write(
            open_writable,
            path,
            opening.lock,
            True,
            on_done=lambda again: self._arrived(path, again, opened),
            on_error=self._open_failed,
        )

    def _use(self, path: Path, opening: Opening) -> None:
        self.window.set_database(opening.db, owned=True, info=opening.info)
        if opening.info_error is not None:
            self.window.statusBar().showMessage(describe(opening.info_error, self.lang))
        else:
            self.window.say_opened(path)
        if self._server_read_only():
            return
        lock, check_first = opening.lock, opening.check_first
        pending, self._pending_login = self._pending_login, None
        auto = pending or self.auto_login
        if auto is not None:  # the password is checked on the writer, not the GUI thread
            self._sign_in_on_runner(auto, lambda: self._signed_in(path, lock, check_first))
            return
        if self.ask_login:
            sign_in(self.window, lang=self.lang, anyone=opening.anyone)
        self._signed_in(path, lock, check_first)

    def _sign_in_on_runner(self, login: tuple[str, str], then: Any) -> None:
        """Sign in as ``login`` through the service on the task runner (argon2 takes about
        half a second: the rows read beside it paint meanwhile), then go on with ``then``."""
        self.window.set_actor(None)
        db = self.window.database
        if db is None:
            then()
            return

        def done(actor: Any) -> None:
            self.window.set_actor(actor)
            then()

        def failed(error: BaseException) -> None:
            show_error(error, lang=self.lang, parent=self.window)
            then()

        self.runner.write(sign_in_as, db, *login, on_done=done, on_error=failed)

    def _signed_in(self, path: Path, lock: Any, check_first: bool) -> None:
        self._say_location()
        self.finished.emit(self.window.database)
        if check_first:
            after_rows(self.window, lambda: self._auto_backup(path))
            return
        opened = self._opened
        after_rows(
            self.window,
            lambda: self.health.check_later(
                path,
                lock,
                is_current=lambda: self._opened == opened and self.window.database is not None,
                then=lambda: self._auto_backup(path),
            ),
        )

    def _show_loading(self) -> None:
        # The notice paints while the worker opens the file (the event loop keeps running).
        self.window.set_actor(None)
        self.window.show_loading()

    def _say_location(self) -> None:
        db = self.window.database
        note = db.location_note(self.lang) if db is not None else None
        if note:
            log.info("database off the local disk: %s", note)
            self.window.statusBar().showMessage(note)

    # -- a second running copy ----------------------------------------------------------------

    def _set_read_only(self, on: bool) -> None:
        self.read_only = on
        self.read_only_label.setVisible(on)

    def _show_held(self, path: Path, opening: Opening) -> None:
        holder = opening.holder
        since = fmt_datetime_long(holder.since) if holder.since else "?"
        message = text(
            "startup.read_only",
            self.lang,
            path=str(path),
            user=holder.user,
            computer=holder.computer,
            since=since,
        )
        log.info("%s is held by %s@%s: opened read-only", path, holder.user, holder.computer)
        self._show_read_only(
            opening,
            message,
            self.tr("Hanya baca: dipakai {user} di {computer}").format(
                user=holder.user, computer=holder.computer
            ),
            self.tr("Database sedang dipakai"),
        )

    def _show_unwritable(self, path: Path, opening: Opening) -> None:
        """A file this user cannot write: read-only, with the reason (reports still work)."""
        from kinerja_desktop.services.common import reason_text

        reason = opening.reason or ""
        log.info("%s cannot be written (%s): opened read-only", path, reason)
        self._show_read_only(
            opening,
            opening.db.read_only_text(self.lang) or "",
            self.tr("Hanya baca: {reason}").format(reason=reason_text(path, reason, self.lang)),
            self.tr("Database hanya baca"),
        )

    def _server_read_only(self) -> bool:
        """A server database this role may only read (an analyst's role, a standby): HANYA
        BACA as a write-protected file, and nobody signs in (no write would be accepted)."""
        db = self.window.database
        if db is None or not db.read_only:
            return False
        log.info("%s opened read-only (%s)", db.path, db.read_only_reason)
        self._show_read_only(
            Opening(Outcome.OPENED, db=db, info=self.window.info),
            db.read_only_text(self.lang) or "",
            self.tr("Hanya baca: akun database ini hanya boleh membaca"),
            self.tr("Database hanya baca"),
        )
        return True

    def switch_to_read_only(self, path: Path, status: str, tooltip: str) -> None:
        """Go on showing ``path`` read-only (HANYA BACA) while this copy keeps its writer lock,
        so neither it nor another copy writes the file (a failed background check)."""
        from kinerja_desktop.services.admin import open_read_only

        self.window.set_actor(None)
        try:
            self.window.set_database(open_read_only(path), owned=True)
        except KinerjaError as err:
            # Not even readable: show nothing rather than a file that can still be written.
            log.warning("cannot reopen %s read-only: %s", path, err.code)
            self.window.set_database(None)
        self._set_read_only(True)
        self.read_only_label.setToolTip(tooltip)
        self.window.statusBar().showMessage(status)

    def _show_read_only(self, opening: Opening, message: str, status: str, title: str) -> None:
        db = opening.db
        self._set_read_only(True)
        self.read_only_label.setToolTip(message)
        self.window.set_database(db, owned=True, info=opening.info)
        self.window.statusBar().showMessage(status)
        MessageBox.information(self.window, title, message)
        self.finished.emit(db)

    def _auto_backup(self, path: Path) -> None:
        run_auto_backup(self.window, self.runner, path, self.lang)

    def first_start(self, path: Path) -> None:
        """Ask demo or new office; on a refused office form, ask again (or cancel)."""
        result = FirstStartDialog.ask(self.window, lang=self.lang)
        if result is None:
            self.window.statusBar().showMessage(
                self.tr("Belum ada database. Pilih Berkas › Buka database… untuk membukanya.")
            )
            self.finished.emit(None)
            return
        if result.choice == StartChoice.RESTORE:
            self._restore_first(path, Path(result.backup_path))
            return
        if result.choice == StartChoice.DEMO:
            self.window.show_loading(self.tr("Membuat database demo…"))
            self.runner.run(
                build_demo_file,
                path,
                on_done=lambda _summary: self._created(path, demo=True),
                on_error=self._failed,
                title=self.tr("Membuat database demo…"),
                parent=self.window,
            )
            return
        # On the writer: hashing the new admin password (argon2) must not hold the GUI thread.
        self.window.show_loading()
        self.runner.write(
            init_office_file,
            path,
            result,
            on_done=lambda _info: self._office_ready(path, result.admin_password),
            on_error=lambda error: self._office_refused(path, error),
        )

    def _office_ready(self, path: Path, password: str) -> None:
        self._pending_login = ("admin", password)
        self._created(path, demo=False)

    def _office_refused(self, path: Path, error: BaseException) -> None:
        if not isinstance(error, KinerjaError):
            self._failed(error)
            return
        MessageBox.error(
            self.window, self.tr("Kantor tidak dapat disiapkan"), describe(error, self.lang)
        )
        self.first_start(path)

    def _restore_first(self, path: Path, backup: Path) -> None:
        """A new PC: restore the chosen backup as the database, then open it (the accounts
        are the backup's, so the login follows); on a refusal, ask again."""
        from kinerja_desktop.services.admin import restore_backup, startup_actor

        try:
            restore_backup(path, backup, startup_actor())
        except KinerjaError as err:
            MessageBox.error(
                self.window, self.tr("Cadangan tidak dapat dipulihkan"), describe(err, self.lang)
            )
            self.first_start(path)
            return
        log.info("restored %s from %s at first start", path, backup)
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
