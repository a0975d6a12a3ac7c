"""The main window: sidebar, the five list views, menus and the status bar.

The window holds the open :class:`Database` and hands it to the views; it is not a god object:
views do not reach back into it, they listen to its one ``changes_made(Changes)`` signal
(DESIGN.md conv. 11). It owns the one :class:`TaskRunner`: views find it with
``runner_for(view)`` and dialogs get it passed in; its "waiting for the previous task" notice
goes to the status bar. There is no global main window either; whoever builds one passes it
where it is needed.
Services that import SQLAlchemy are imported inside the methods that call them, so that
building and painting the window does not wait for them (DESIGN.md section 8).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

import kinerja_desktop
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.gui.window_parts import app_icon, window_extensions

if TYPE_CHECKING:
    from kinerja_desktop.gui.kit.list_view import ListView
    from kinerja_desktop.gui.kit.once import Once
    from kinerja_desktop.services.common import Actor, Database
    from kinerja_desktop.services.common.dto import Changes, DatabaseInfo

# The list views' base, the dialogs and the error box are imported where they are used, after
# the first paint: each Qt class a module names builds its Python enums when first touched,
# and the frame, the sidebar and the menus need few of them (issue 16.2).
_ALL = "all"  # kit.list_view.ALL: every kind of record changed

log = logging.getLogger(__name__)

#: Sidebar order and where each view's class lives; the names are those of
#: ``kinerja-desktop snapshot VIEW``. A view's module is imported and the view built when it is
#: first shown (or asked for), not before the first paint (issue 16: the first paint loads
#: nothing it does not draw).
VIEW_PLACES: dict[str, tuple[str, str]] = {
    "employees": ("kinerja_desktop.gui.register.view", "EmployeesView"),
    "indicators": ("kinerja_desktop.gui.plans.view", "IndicatorsView"),
    "evaluations": ("kinerja_desktop.gui.evaluation.view", "EvaluationsView"),
    "reports": ("kinerja_desktop.gui.reporting.view", "ReportsView"),
    "sync": ("kinerja_desktop.gui.sync.view", "SyncView"),
    # never opened at start; listed first for a Pimpinan (_order_sidebar)
    "dashboard": ("kinerja_desktop.gui.dashboard.view", "DashboardView"),
}
VIEW_NAMES: tuple[str, ...] = tuple(VIEW_PLACES)
_DASHBOARD = "dashboard"


class _Views(dict[str, "ListView"]):
    """The views built so far, by name; asking for one not built yet builds it."""

    def __init__(self, build: Callable[[str], ListView]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, name: str) -> ListView:
        if name not in VIEW_PLACES:
            raise KeyError(name)
        view = self[name] = self._build(name)
        return view


_SIDEBAR_STYLE = """
QListWidget#sidebar { border: none; background: palette(window); font-size: 11pt; }
QListWidget#sidebar::item { padding: 9px 14px; }
QListWidget#sidebar::item:selected { background: palette(highlight);
    color: palette(highlighted-text); }
"""
_DEMO_STYLE = "background: #d9822b; color: white; font-weight: bold; padding: 1px 8px;"


class MainWindow(QMainWindow):
    """The application window.

    Signals:
        changes_made(Changes): what a write changed; the views showing those kinds reload
            (the visible one at once, the others when shown). The one way to say it.
        data_changed(str): each kind of a ``changes_made``, for listeners outside the views.
        database_changed(object): a new :class:`Database` (or ``None``) is in use.
    """

    changes_made = Signal(object)
    data_changed = Signal(str)
    database_changed = Signal(object)
    actor_changed = Signal(object)
    #: (name, view) once a view is built: extensions that wire a view wait for it, so
    #: installing them builds no view before it is needed.
    view_built = Signal(str, object)

    def __init__(
        self, *, lang: str = "id", parent: QWidget | None = None, extensions: bool = True,
        first_view: bool = True,
    ) -> None:  # fmt: skip
        """``extensions=False`` leaves the menus' extensions to :meth:`install_extensions`,
        ``first_view=False`` the first view to :meth:`show_first_view` (a "Membuka
        database…" notice until then): the app calls both after the first paint."""
        super().__init__(parent)
        self.lang = lang
        self._db: Database | None = None
        self._owns_db = False
        self._info: DatabaseInfo | None = None
        self._actor: Actor | None = None
        self._last_task_notice = ""
        self.setObjectName("main_window")
        self.setWindowTitle("Kinerja Desktop")
        self.setWindowIcon(app_icon())
        self.resize(1200, 760)
        #: The one task runner of the app (``runner_for`` finds it from any child widget).
        self.task_runner = TaskRunner(self, on_unhandled=self._unhandled)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setStyleSheet(_SIDEBAR_STYLE)
        self.sidebar.setFixedWidth(170)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget()
        self.views: dict[str, ListView] = _Views(self._build_view)
        for name in VIEW_NAMES:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setSizeHint(QSize(160, 38))
            self.sidebar.addItem(item)
        self._name_sidebar()
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row)
        self.stack.currentChanged.connect(self._on_stack_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_status_bar()
        self.task_runner.status_message.connect(self._task_notice)
        self._placeholder: QLabel | None = None
        if first_view:
            self.sidebar.setCurrentRow(0)
        else:
            self._placeholder = QLabel(self.tr("Membuka database…"))
            self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(self._placeholder)
        self._update_status()
        self._extended = False
        if extensions:
            self.install_extensions()

    def show_first_view(self) -> None:
        """Build and show the chosen (or the first) view in place of the start-up notice."""
        placeholder, self._placeholder = self._placeholder, None
        if self.sidebar.currentRow() < 0:
            self.sidebar.setCurrentRow(0)
        else:
            self._on_sidebar_row(self.sidebar.currentRow())
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()

    def build_views_later(self, pause_ms: int = 50) -> None:
        """Build the views not built yet, one per pause, while the window is idle (after
        the start): the first click on a view then shows it without importing and building
        it first."""
        missing = [name for name in VIEW_NAMES if name not in self.views]
        if not missing:
            return

        def build_next() -> None:
            if missing and not self.task_runner.closed:
                self.views[missing.pop(0)]  # builds it (_Views.__missing__)
                QTimer.singleShot(pause_ms, self, build_next)

        QTimer.singleShot(pause_ms, self, build_next)

    def install_extensions(self) -> None:
        """Add the menus and actions of :func:`window_extensions` (once)."""
        if self._extended:
            return
        self._extended = True
        for install in window_extensions():
            install(self)

    # -- construction ------------------------------------------------------------------------

    def _build_view(self, name: str) -> ListView:
        """Import and build view ``name``, in the state the window is in now."""
        import importlib

        module, class_name = VIEW_PLACES[name]
        view: ListView = getattr(importlib.import_module(module), class_name)(lang=self.lang)
        self.stack.addWidget(view)
        self.changes_made.connect(view.on_changes)
        if self._actor is not None:
            view.set_actor(self._actor)
        if self._db is not None:
            view.set_database(self._db)
        self.view_built.emit(name, view)
        return view

    def _name_sidebar(self) -> None:
        # Short words in the sidebar; the views' own titles may be longer.
        names = {
            "employees": self.tr("Pegawai"),
            "indicators": self.tr("Indikator"),
            "evaluations": self.tr("Evaluasi"),
            "reports": self.tr("Laporan"),
            "sync": self.tr("Sinkronisasi"),
            "dashboard": self.tr("Dasbor"),
        }
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            item.setText(names[item.data(Qt.ItemDataRole.UserRole)])

    def _build_menus(self) -> None:
        menu_file = self.menuBar().addMenu(self.tr("&Berkas"))
        self.action_open = QAction(self.tr("&Buka database…"), self)
        self.action_open.setShortcut(QKeySequence.StandardKey.Open)
        self.action_open.triggered.connect(self.open_database_dialog)
        menu_file.addAction(self.action_open)
        menu_file.addSeparator()
        self.action_quit = QAction(self.tr("&Keluar"), self)
        self.action_quit.setShortcut(QKeySequence(self.tr("Ctrl+Q")))
        self.action_quit.triggered.connect(self.close)
        menu_file.addAction(self.action_quit)

        self.menu_file = menu_file
        # Extensions fill these; an empty menu stays hidden (see _hide_empty_menus).
        self.menu_admin = self.menuBar().addMenu(self.tr("A&dministrasi"))
        self.menu_help = menu_help = self.menuBar().addMenu(self.tr("B&antuan"))
        self.action_about = QAction(self.tr("&Tentang Kinerja Desktop"), self)
        self.action_about.triggered.connect(self.show_about)
        menu_help.addAction(self.action_about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.db_label = QLabel()
        self.db_label.setObjectName("status_db")
        self.office_label = QLabel()
        self.office_label.setObjectName("status_office")
        self.demo_label = QLabel(self.tr("DEMO"))
        self.demo_label.setObjectName("status_demo")
        self.demo_label.setStyleSheet(_DEMO_STYLE)
        self.demo_label.setToolTip(self.tr("Database contoh: datanya bukan data sebenarnya."))
        self.user_label = QLabel()
        self.user_label.setObjectName("status_user")
        bar.addPermanentWidget(self.demo_label)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.office_label)
        bar.addPermanentWidget(self.db_label)

    # -- views -------------------------------------------------------------------------------

    def select_view(self, name: str) -> ListView:
        """Show the view called ``name`` (one of :data:`VIEW_NAMES`)."""
        self.sidebar.setCurrentRow(self._sidebar_row(name))
        return self.views[name]

    def _sidebar_row(self, name: str) -> int:
        """The sidebar row of view ``name``; ValueError for a name that is not a view."""
        rows = range(self.sidebar.count())
        return [self.sidebar.item(r).data(Qt.ItemDataRole.UserRole) for r in rows].index(name)

    def _order_sidebar(self, actor: Actor | None) -> None:
        """The Dasbor first for a Pimpinan, last for everyone else; the shown view stays."""
        from kinerja_desktop.domain.enums import Role

        # Before the first view is built (the start opens the database meanwhile) the row
        # chosen so far stays chosen.
        current = self.sidebar.currentItem()
        if self._placeholder is None:
            shown: str | None = self.current_view().NAME
        else:
            shown = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        pimpinan = actor is not None and actor.has(Role.PIMPINAN)
        self.sidebar.blockSignals(True)
        item = self.sidebar.takeItem(self._sidebar_row(_DASHBOARD))
        self.sidebar.insertItem(0 if pimpinan else self.sidebar.count(), item)
        if shown is not None:
            self.sidebar.setCurrentRow(self._sidebar_row(shown))
        self.sidebar.blockSignals(False)

    def current_view(self) -> ListView:
        from kinerja_desktop.gui.kit.list_view import ListView

        view = self.stack.currentWidget()
        assert isinstance(view, ListView)
        return view

    def _on_sidebar_row(self, row: int) -> None:
        # Until show_first_view no view is built (the sidebar takes a current row when it
        # first gets the focus, during the first show).
        if row >= 0 and self._placeholder is None:
            name = self.sidebar.item(row).data(Qt.ItemDataRole.UserRole)
            self.stack.setCurrentWidget(self.views[name])

    def _on_stack_changed(self, _index: int) -> None:
        view = self.stack.currentWidget()
        # Not the start-up notice (asked without importing the views' base before the paint).
        if view is not None and view is not self._placeholder and hasattr(view, "ensure_fresh"):
            view.ensure_fresh()

    # -- who is signed in ---------------------------------------------------------------------

    @property
    def actor(self) -> Actor | None:
        """The signed-in user, or ``None`` (nobody signed in: every view is read-only)."""
        return self._actor

    def set_actor(self, actor: Actor | None) -> None:
        """Make ``actor`` the user every view writes as, and tell the views and extensions."""
        self._actor = actor
        self._order_sidebar(actor)
        for view in self.views.values():
            view.set_actor(actor)
        self._update_status()
        self.actor_changed.emit(actor)

    # -- database ----------------------------------------------------------------------------

    @property
    def database(self) -> Database | None:
        return self._db

    @property
    def info(self) -> DatabaseInfo | None:
        return self._info

    def set_database(
        self, db: Database | None, *, owned: bool = False, info: DatabaseInfo | None = None,
        close_later: bool | None = None,
    ) -> Once | None:  # fmt: skip
        """Use ``db`` from now on and reload the visible view.

        Args:
            db: the open database, or ``None`` for none.
            owned: the window closes it when it is replaced or the window closes (True for
                databases the app opened for the window; tests keep their own).
            info: the file's facts when already read (by the start-up's worker); else they
                are read here.
            close_later: close the old owned database on the writer after its reads (0.4 s on a
                city), not here; by default when another takes its place. Returns that close.
        """
        old, old_owned = self._db, self._owns_db
        self._db, self._owns_db = db, owned and db is not None
        closing, later = None, db is not None if close_later is None else close_later
        if old is not None and old_owned and old is not db:
            if later:  # a restore empties the window, then replaces the file: not later
                closing = self.task_runner.write_once(old.close, after_reads=True)
            else:
                old.close()
        self._info = info if db is not None else None
        if db is not None and info is None:
            from kinerja_desktop.services.common import database_info  # after the first paint

            try:
                self._info = database_info(db, counts=False)  # only cheap queries here
            except KinerjaError as err:
                self.statusBar().showMessage(describe(err, self.lang))
        for view in self.views.values():
            view.set_database(db)
        self._update_status()
        self.current_view().ensure_fresh()
        self.database_changed.emit(db)
        return closing

    def open_path(self, path: Path) -> bool:
        """Open ``path`` (migrating it after a backup) and use it; False when refused."""
        # Imported here, not at the top: SQLAlchemy loads only after the window painted.
        from kinerja_desktop.services.common import Database

        try:
            db = Database.open(path, migrate=True)
        except KinerjaError as err:
            from kinerja_desktop.gui.kit.dialogs import MessageBox

            log.warning("cannot open %s: %s", path, err.code)
            MessageBox.error(self, self.tr("Database tidak dapat dibuka"), describe(err, self.lang))
            return False
        self.set_database(db, owned=True)
        self.say_opened(path)
        return True

    def say_opened(self, path: Path) -> None:
        self.statusBar().showMessage(self.tr("Database dibuka: {path}").format(path=path), 8000)

    def open_database_dialog(self) -> None:
        from kinerja_desktop.gui.kit.dialogs import OpenDatabaseDialog

        start = self._db.path.parent if self._db is not None else None
        path = OpenDatabaseDialog.ask(self, start)
        if path is not None:
            self.open_path(path)

    def show_loading(self, text: str | None = None) -> None:
        """Say that a database is being opened, before the first (slower) query."""
        message = text or self.tr("Membuka database…")
        self.statusBar().showMessage(message)
        if self._placeholder is not None:  # no view yet: the notice in its place says it
            self._placeholder.setText(message)
            return
        self.current_view().show_message(message)

    def _update_status(self) -> None:
        info = self._info
        if self._db is None:
            self.db_label.setText(self.tr("Tidak ada database"))
            self.db_label.setToolTip("")
            self.setWindowTitle("Kinerja Desktop")
        else:
            self.db_label.setText(self.tr("Database: {name}").format(name=self._db.path.name))
            self.db_label.setToolTip(str(self._db.path))
            self.setWindowTitle(f"Kinerja Desktop — {self._db.path.name}")
        office = info.home_office if info is not None else None
        if office is not None:
            self.office_label.setText(
                self.tr("Kantor: {code} — {name}").format(code=office.code, name=office.name)
            )
        elif self._db is not None:
            self.office_label.setText(self.tr("Kantor: belum ditetapkan"))
        else:
            self.office_label.setText("")
        self.office_label.setVisible(bool(self.office_label.text()))
        self.demo_label.setVisible(info is not None and info.is_demo)
        self.user_label.setText(
            self.tr("Pengguna: {name}").format(name=self._actor.username) if self._actor else ""
        )
        self.user_label.setVisible(self._actor is not None)
        self.menu_admin.menuAction().setVisible(bool(self.menu_admin.actions()))

    def status_text(self) -> str:
        """Everything the status bar shows, joined (for tests and screen readers)."""
        parts = [self.statusBar().currentMessage()]
        parts += [
            w.text()
            for w in (self.demo_label, self.user_label, self.office_label, self.db_label)
            if not w.isHidden()
        ]
        return "  ".join(part for part in parts if part)

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what shows ``changes`` (the one path every write's result goes through)."""
        if not changes:
            return
        self.changes_made.emit(changes)
        for kind in sorted(changes.kinds):
            self.data_changed.emit(kind)

    def notify_changed(self, kind: str = _ALL) -> None:
        """Shorthand for :meth:`apply_changes` with one kind and no ids."""
        from kinerja_desktop.services.common.dto import Changes

        self.apply_changes(Changes.of(kind))

    def _unhandled(self, error: BaseException) -> None:
        from kinerja_desktop.gui.kit.errors import show_error

        show_error(error, lang=self.lang, parent=self)

    def _task_notice(self, message: str) -> None:
        if message:
            self.statusBar().showMessage(message)
        elif self.statusBar().currentMessage() == self._last_task_notice:
            self.statusBar().clearMessage()
        self._last_task_notice = message

    # -- help and shutdown -------------------------------------------------------------------

    def show_about(self) -> Any:
        from kinerja_desktop.gui.kit.dialogs import about_box

        return about_box(self, kinerja_desktop.__version__)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Let a running write finish before the database closes under it (closes left to the
        # writer run in it); at exit this one closes here, before app.py releases the lock.
        self.task_runner.shutdown(wait=True)
        if self._db is not None and self._owns_db:
            self._db.close()
            self._db = None
        super().closeEvent(event)
