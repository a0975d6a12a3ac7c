"""Composition root of the GUI: logging, QApplication, translators, excepthook, window, database.

Start-up order matters (DESIGN.md section 8): Qt paints a window in about 0.15 s, SQLAlchemy
alone takes 0.2 s to import and a migration longer still. So the window is built and painted
first with a loading notice (the command line reaches here without building its parser,
``cli/gui_start.py``), and only then is the database opened (writer lock, migration after a
backup; see :mod:`kinerja_desktop.gui.startup`) on the task runner's writer, followed by the
login, whose password is checked on that worker too. The
full ``quick_check`` runs before that only after an unclean exit or a week without one, and
otherwise on the task runner after the rows show, followed by the automatic backup
(:mod:`kinerja_desktop.gui.startup_health`). A normal close releases the writer lock, which
marks the lock file ``"clean"``; the next start reads it. Nothing here imports SQLAlchemy,
openpyxl or reportlab at module level. ``snapshot`` renders without a login (read-only).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

import kinerja_desktop
from kinerja_desktop.gui.i18n import catalogue_lang, install_translators, preferred_language
from kinerja_desktop.gui.kit.screen_fit import fit_window, install_screen_fit, keep_size
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.startup_collector import CollectorHold, after_first_rows, hold_collector
from kinerja_desktop.gui.window_parts import after_rows, app_icon

if TYPE_CHECKING:
    from kinerja_desktop.gui.startup import Startup

log = logging.getLogger("kinerja_desktop")

APP_NAME = "Kinerja Desktop"
#: The menus' extensions come after the first rows, or after this long at the latest.
_EXTENSIONS_LATEST_MS = 4000
ORG_NAME = "Kinerja"


def _setup_logging() -> None:
    """Log to this process's own file in the user log folder (see :mod:`logsetup`)."""
    from kinerja_desktop.logsetup import setup_logging

    setup_logging("gui")


class _StartupProbe(QObject):
    """``KINERJA_STARTUP_PROBE=1``: print ``painted`` at the first paint and ``rows`` once the
    employee table has rows, then quit (for ``tests/benchmarks/bench_startup.py``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._painted = False
        self._window = window
        window.installEventFilter(self)

    def follow(self, startup: Startup) -> None:
        startup.finished.connect(self._finished)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not getattr(self, "_painted", True) and event.type() == QEvent.Type.Paint:
            self._painted = True
            print("painted", flush=True)
        return False

    def _finished(self, _db: object) -> None:
        view = self._window.views["employees"]
        if view.is_loading():  # the rows come from the read worker after start-up ends
            self._window.task_runner.task_finished.connect(lambda _n: self._rows_arrived(view))
            return
        self._rows_arrived(view)

    def _rows_arrived(self, view: object) -> None:
        if getattr(view, "is_loading", lambda: False)() or getattr(self, "_reported", False):
            return
        self._reported = True
        if view.model.rowCount() > 0:  # type: ignore[attr-defined]
            print("rows", flush=True)
        QApplication.quit()


def _probe_login() -> tuple[str, str] | None:
    """``KINERJA_PROBE_LOGIN=user:password``: the start-up benchmark signs in through the
    service layer instead of the dialog. Read only together with ``KINERJA_STARTUP_PROBE``."""
    value = os.environ.get("KINERJA_PROBE_LOGIN", "")
    username, sep, password = value.partition(":")
    return (username, password) if sep and username else None


def _application(lang: str, *, fit_screen: bool = True) -> QApplication:
    """The running QApplication, created and named if there is none yet; ``fit_screen``
    installs the screen fit now (the window's start installs it after its first paint)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(kinerja_desktop.__version__)
    if fit_screen:
        install_screen_fit(app)
    # Dialogs opened before (or without) the main window get the icon too.
    app.setWindowIcon(app_icon())
    # Translators are parented to the app, so they live as long as it does; installing them
    # again for a second snapshot in the same process would only stack duplicates.
    if app.property("kinerja_lang") != lang:
        install_translators(app, lang)
        app.setProperty("kinerja_lang", lang)
    return app


def _preload_data_layer() -> None:
    """Import SQLAlchemy and the read services on a second core while Qt builds and paints.

    Importing them costs about 0.3 s, more than painting; Qt spends the paint in C++ without
    the GIL, so the two overlap. The later imports in the GUI then find the modules loaded (or
    wait on Python's import lock for the rest), so nothing changes but the time.
    """

    def load() -> None:
        try:
            # The rooms' move (issue 15) left this body empty: the start paid SQLAlchemy
            # after the paint, on the GUI thread, before the first row.
            # Through the front doors: naming a use case loads its module.
            from kinerja_desktop.services.admin import acquire_writer  # noqa: F401
            from kinerja_desktop.services.common import Database, database_info  # noqa: F401
            from kinerja_desktop.services.register import list_employees  # noqa: F401
        except Exception:  # the real import after the paint reports any problem properly
            log.debug("preload failed", exc_info=True)

    threading.Thread(target=load, name="preload", daemon=True).start()


def _preview_likely(db_path: object) -> bool:
    """True when the Pegawai list will likely show its first page straight from the file
    (services/register/preview.py): then nothing is imported beside it, so the GUI thread
    has the interpreter while it lays out and paints those rows; the open follows them."""
    if not isinstance(db_path, Path) or not db_path.is_file():
        return False
    from kinerja_desktop.services.admin import full_check_due_for

    return not full_check_due_for(db_path)


def _platform_problem(lang: str | None) -> str | None:
    """Why Qt could not open a window here, asked before Qt would abort the process."""
    if QApplication.instance() is not None:
        return None
    from kinerja_desktop.gui.platform_check import platform_problem

    return platform_problem(lang if lang in ("id", "en") else "id")


def _startup(window: MainWindow, probe: _StartupProbe | None) -> Startup:
    """The start-up's driver, imported after the first paint: its dialogs (first start,
    sign-in, restore) are not drawn by it. The probe never shows the login dialog: it signs in
    through the service when KINERJA_PROBE_LOGIN is set, and otherwise shows the data
    read-only like a snapshot."""
    from kinerja_desktop.gui.startup import Startup

    startup = Startup(
        window,
        window.task_runner,
        lang=window.lang,
        auto_login=_probe_login() if probe is not None else None,
        ask_login=probe is None,
    )
    if probe is not None:
        probe.follow(startup)
    return startup


def _rows_shown(window: MainWindow, collector: CollectorHold) -> None:
    """The first rows are on screen (or the start ended without them).

    Only now the menus' extensions (accounts, backups, settings, help): importing them took
    0.1-0.2 s of Python that competed with the writer's imports for the interpreter on the
    way to the first rows (issue 16). Then the collector runs again on what the start loaded,
    frozen, and the other views are built while the window waits for the clerk, not on their
    first click (gui/startup_collector.py). Both are done once; a later database's rows
    (Berkas › Buka database…) pass through here too.
    """
    window.install_extensions()
    after_first_rows(window, collector)


def run_gui(db_path: Path | None, *, lang: str | None = "id") -> int:
    """Start the GUI on ``db_path`` (the default database when ``None``); the exit code.

    The first-start dialog runs when the file does not exist yet; a file that cannot be opened
    is explained in a message box and the app keeps running without a database. ``lang``
    ``None`` means the language saved on this computer (``gui/i18n.py``).
    """
    _setup_logging()
    problem = _platform_problem(lang)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    # No full collection from here to the first rows: the start makes only what it keeps.
    collector = hold_collector()
    app = _application(preferred_language(lang), fit_screen=False)
    lang = catalogue_lang(preferred_language(lang))
    # The first paint draws the frame, the sidebar, the menus and "Membuka database…"; the
    # first view (the Pegawai table) and the menus' extensions (accounts, backups, settings,
    # help) import their modules right after it, while the writer opens the database (issue 16).
    window = MainWindow(lang=lang, extensions=False, first_view=False)
    runner = window.task_runner
    # Made before the paint, which it reports.
    probe = _StartupProbe(window) if os.environ.get("KINERJA_STARTUP_PROBE") else None
    window.statusBar().showMessage(window.tr("Membuka database…"))
    # The screen fit's filter sees every event of the application, and the first event of a
    # widget Python has not met yet makes PySide build every QtWidgets class with its enums
    # (about 170 of them, as long as the bare window's whole paint): the window is fitted
    # here and the filter, for the dialogs, comes after the paint.
    fit_window(window)
    keep_size(window)
    window.show()
    # Paint now: everything below imports what the first paint does not draw.
    app.processEvents()
    if db_path is None:
        from kinerja_desktop.config import resolve_db_path

        db_path = resolve_db_path(None)
    if not _preview_likely(db_path):
        _preload_data_layer()
    # After the paint: the error box's module names many Qt classes the frame does not draw.
    from kinerja_desktop.gui.kit.errors import install_excepthook

    uninstall = install_excepthook(lang=lang, parent=lambda: window)
    install_screen_fit(app)
    startup = _startup(window, probe)
    startup.finished.connect(lambda _db: after_rows(window, lambda: _rows_shown(window, collector)))
    log.info("Kinerja Desktop %s starting on %s", kinerja_desktop.__version__, db_path)
    target = db_path
    # The first view before the open starts: the Pegawai view then shows the first page read
    # straight from the file (services/register/preview.py), and the writer opens the file
    # (imports, lock, checks, upgrade) once those rows are drawn, or at once without a
    # preview; what it finds arrives through the event loop.
    window.show_first_view()
    if isinstance(target, Path) and not target.exists():
        # The first-start dialog waits for the window to be complete.
        QTimer.singleShot(0, window, lambda: startup.start(target))
    else:
        startup.start(target)
    if isinstance(target, Path) and not target.exists():
        window.install_extensions()
    else:
        # After the first rows (see _rows_shown), or at the latest after a while: a long
        # check or upgrade before use must not leave the menus without Bantuan.
        QTimer.singleShot(_EXTENSIONS_LATEST_MS, window, window.install_extensions)
    if window.database is None:  # still opening: the first view says so
        window.show_loading()
    try:
        return app.exec()
    finally:
        runner.shutdown(wait=True)
        collector.close()  # the pause of a start that never reached its rows, the freeze
        # Only here, after the writes ended: the lock file then says this session closed
        # cleanly, and the next start may leave the full check to the background.
        startup.release()
        uninstall()


def snapshot(
    db_path: Path,
    view: str,
    out: Path,
    size: tuple[int, int],
    *,
    lang: str = "id",
) -> Path:
    """Render ``view`` of the database at ``db_path`` to the PNG ``out`` (for the CLI).

    Raises:
        DatabaseError: the file is missing, locked, damaged or newer than the app.
        ValidationError: an unknown view name.
    """
    # A snapshot is always rendered offscreen, also on a machine with a display, and must not
    # fail on a machine without one (CI, a server): choose the platform before Qt starts.
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from kinerja_desktop.gui.main_window import VIEW_NAMES
    from kinerja_desktop.gui.snapshot import render_view
    from kinerja_desktop.services.common import Database

    if view not in VIEW_NAMES:
        # Refuse before touching the file: a typo must not migrate a database.
        return render_view(None, view, out, size, lang=lang)
    _application(lang)
    db = Database.open(db_path, migrate=True)
    try:
        return render_view(db, view, out, size, lang=lang)
    finally:
        db.close()
