"""The list view every screen is built from: title, search box, table, count, empty state.

A view holds the open :class:`Database` handle (or ``None``) and calls read services with it;
it never opens a session. Views do not call each other: the main window forwards its
``changes_made(Changes)`` signal and a view that cares marks itself stale (DESIGN.md conv. 11).
Only the visible view reloads at once; the others reload when they are shown, so opening a
database costs one query, not five.

Views import their read services inside :meth:`ListView.load`: the services pull in SQLAlchemy
(about 0.2 s), and the window must paint before that (DESIGN.md section 8, "Start-up").

A refresh never reads on the GUI thread (issue 16): :meth:`ListView.fetch` captures on the GUI
thread what the read needs (the chosen period, the office) and hands the task runner a function
that reads on the read worker with ``Database.reader()``; :meth:`ListView.loaded` then applies
the result on the GUI thread. While a read runs the old rows stay and the count says "Memuat…";
a newer refresh of the same view supersedes an older one, whose result is dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.format import fmt_count
from kinerja_desktop.gui.kit.table_model import RowTableModel, SearchText
from kinerja_desktop.gui.kit.tasks import TaskRunner, runner_for
from kinerja_desktop.services.common.dto import Changes

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database

#: ``Changes`` kind that every view listens to (a new database, an import...).
ALL = "all"
# Wide text columns (jabatan, indicator names) are capped; the tooltip shows the rest.
MAX_COLUMN_WIDTH = 340
COLUMN_PADDING = 6
# Above this many rows the search waits for a pause in typing instead of filtering per key.
DEBOUNCE_ROWS = 5000
DEBOUNCE_MS = 200

_PAGE_TABLE = 0
_PAGE_EMPTY = 1


def _tr(text: str) -> str:
    # PySide's self.tr() takes the context from the runtime class, so a base-class string
    # would be looked up under "EmployeesView", "IndicatorsView"... and never found.
    return QCoreApplication.translate("ListView", text)


#: Rows sampled per column when the columns are fitted to their contents.
FIT_SAMPLE_ROWS = 60


class ListView(QWidget):
    """Base of the Pegawai, Indikator, Evaluasi, Laporan and Sinkronisasi views.

    Subclasses set ``NAME`` and ``KINDS``, and implement :meth:`title`, :meth:`empty_text` and
    :meth:`load` (or :meth:`fetch` and :meth:`loaded` when the read depends on the view's
    choices). The read runs on the task runner's read worker, never on the GUI thread.
    """

    #: The view's key for the snapshot command and the sidebar.
    NAME: ClassVar[str] = ""
    #: ``Changes`` kinds that make this view reload (``"all"`` always does).
    KINDS: ClassVar[frozenset[str]] = frozenset()
    #: What a row is ("pegawai"), marked with ``QT_TRANSLATE_NOOP("ListView", ...)``; the count
    #: under the table then says what it counts ("Menampilkan 3 dari 98 pegawai").
    COUNT_NOUN: ClassVar[str] = ""

    def __init__(self, model: RowTableModel[Any], *, lang: str = "id", parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"view_{self.NAME}")
        self.lang = lang
        self._db: Database | None = None
        self.actor: Actor | None = None
        self._stale = True
        self._load_error = ""
        # Bumped by every refresh: a result that arrives for an older one is not shown.
        self._generation = 0
        self._loading = False
        #: The search text of the rows :meth:`loaded` returns, when the read made it.
        self.search_text: SearchText | None = None
        self._natural_widths: list[int] = []
        self.model = model
        model.setParent(self)

        self.title_label = QLabel(self.title())
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title_label.setFont(font)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(_tr("Cari..."))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.textChanged.connect(self._on_search_text)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_filter)

        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.title_label)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.search)

        self.info_label = QLabel()
        self.info_label.setObjectName("info")
        self.info_label.setWordWrap(True)
        self.info_label.hide()

        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(model)
        self._setup_table()

        self.empty_label = QLabel()
        self.empty_label.setObjectName("empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 11pt; padding: 24px;")

        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty_label)

        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.info_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.count_label)
        self._update_state()

    # -- what subclasses provide -------------------------------------------------------------

    def title(self) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        """Said when the database holds no rows for this view at all."""
        raise NotImplementedError

    def load(self, db: Database) -> Sequence[Any]:
        """Read the rows from the services; runs on the read worker, so it must not touch a
        widget (a view whose read depends on its choices overrides :meth:`fetch`)."""
        raise NotImplementedError

    def fetch(self) -> Callable[[Database], Any]:
        """On the GUI thread: the read to run on the worker, with the choices it needs bound.

        The returned function gets the read-only database and returns whatever
        :meth:`loaded` takes; by default it is :meth:`load`.
        """
        return self.load

    def loaded(self, data: Any) -> Sequence[Any]:
        """On the GUI thread: apply what :meth:`fetch`'s function read; return the rows."""
        return data  # type: ignore[no-any-return]

    def after_load(self, db: Database | None) -> None:
        """Hook for views with more than a table (period choices, an info line)."""

    # -- database and refresh ----------------------------------------------------------------

    @property
    def database(self) -> Database | None:
        return self._db

    def set_database(self, db: Database | None) -> None:
        """Use ``db`` from now on; the rows reload on the next :meth:`ensure_fresh`."""
        self._db = db
        self._stale = True
        self._generation += 1  # a read still running on the old database is not shown
        self._loading = False

    def set_actor(self, actor: Actor | None) -> None:
        """Remember who is signed in (``None``: nobody, so the view offers no edits)."""
        self.actor = actor
        self.on_actor_changed()

    def on_actor_changed(self) -> None:
        """Show or hide the actions the signed-in user may take; views override it."""

    def on_changes(self, changes: Changes) -> None:
        """Slot for the main window's ``changes_made``: reload now if shown, else later."""
        if not changes.touches(self.KINDS):
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def on_data_changed(self, kind: str) -> None:
        """:meth:`on_changes` for one kind."""
        self.on_changes(Changes.of(kind))

    @property
    def runner(self) -> TaskRunner:
        """The app's one task runner (the main window's; see :func:`runner_for`)."""
        return runner_for(self)

    def ensure_fresh(self) -> None:
        if self._stale:
            self.refresh()

    def is_stale(self) -> bool:
        return self._stale

    def is_loading(self) -> bool:
        """True while a refresh's read runs on the worker."""
        return self._loading

    def refresh(self) -> None:
        """Reload the rows on the read worker, keeping the sort column and the search text.

        The old rows stay until the new ones arrive. An expected error (a locked or damaged
        file) is shown in place of the table, worded from the catalogue; anything else goes to
        the one error dialog.
        """
        self._stale = False
        self._generation += 1
        db = self._db
        if db is None:
            self._loading = False
            self._show_rows(None, [])
            return
        generation = self._generation
        self._loading = True
        self._update_state()
        self.runner.read(
            self.fetch(),
            db,
            key=f"view:{self.NAME}:{id(self)}",
            on_done=lambda data: self._arrived(generation, db, data),
            on_error=lambda error: self._failed(generation, db, error),
        )

    def _current(self, generation: int, db: Database) -> bool:
        # The view (and its widgets) may have been deleted while its read ran: the Python side
        # still answers, so ask Qt whether the C++ object is alive.
        if not isValid(self):
            return False
        try:
            return generation == self._generation and db is self._db
        except RuntimeError:
            return False

    def _arrived(self, generation: int, db: Database, data: Any) -> None:
        if not self._current(generation, db):
            return
        self._loading = False
        self._load_error = ""
        self._show_rows(db, self.loaded(data))

    def _failed(self, generation: int, db: Database, error: BaseException) -> None:
        if not self._current(generation, db):
            return
        self._loading = False
        if not isinstance(error, KinerjaError):
            self._update_state()
            show_error(error, lang=self.lang, parent=self)
            return
        self._load_error = describe(error, self.lang)
        self._show_rows(db, [])

    def _show_rows(self, db: Database | None, rows: Sequence[Any]) -> None:
        # A view whose read also made the rows' search text (loaded() sets it) hands it on.
        search_text, self.search_text = self.search_text, None
        self.model.set_rows(rows, search_text=search_text)
        self.after_load(db)
        self._fit_columns()
        self._update_state()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_fresh()
        self._distribute_width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._distribute_width()

    # -- search ------------------------------------------------------------------------------

    def _on_search_text(self, _text: str) -> None:
        if self.model.total_count() > DEBOUNCE_ROWS:
            self._debounce.start()
        else:
            self._apply_filter()

    def _apply_filter(self) -> None:
        self.model.set_filter(self.search.text())
        self._update_state()

    # -- presentation ------------------------------------------------------------------------

    def _setup_table(self) -> None:
        table = self.table
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        # Office names share long prefixes ("Kelurahan Kampung …"): keep both ends visible.
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.setCornerButtonEnabled(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        # Elastic columns take the spare width instead (see _distribute_width).
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Measure a sample of rows when fitting: measuring 100,000 rows would freeze the UI.
        # 300 rows cost 0.45 s of GUI thread per reload of the city's 11,000 employees (each
        # cell asked for every role, issue 16); a few screens' worth fit as well.
        header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        header.setSortIndicatorClearable(True)
        # No indicator at first: enabling sorting would otherwise sort by column 0 at once.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)

    def _fit_columns(self) -> None:
        """Measure the columns on the new rows, then share the window's width out."""
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        # Contents-tight columns read as one run of text; a little air separates them.
        self._natural_widths = [
            min(header.sectionSize(section) + COLUMN_PADDING, MAX_COLUMN_WIDTH)
            for section in range(header.count())
        ]
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for section, width in enumerate(self._natural_widths):
            header.resizeSection(section, width)
        self._distribute_width()

    def _distribute_width(self) -> None:
        """Widen or narrow the elastic columns so the table fills the viewport exactly.

        Before the view is shown the viewport has no real width, so nothing happens; the
        show and resize events call this again.
        """
        widths = list(self._natural_widths)
        header = self.table.horizontalHeader()
        if not widths or len(widths) != header.count() or not self.table.isVisible():
            return
        shown = [i for i in range(len(widths)) if not header.isSectionHidden(i)]
        elastic = [i for i in shown if self.model.columns()[i].elastic]
        if not elastic:
            return
        spare = self.table.viewport().width() - sum(widths[i] for i in shown)
        if spare > 0:
            for n, i in enumerate(elastic):
                widths[i] += spare // len(elastic) + (1 if n < spare % len(elastic) else 0)
        elif spare < 0:
            columns = self.model.columns()
            give = {i: max(0, widths[i] - columns[i].elastic) for i in elastic}
            room = sum(give.values())
            if room:
                ratio = min(1.0, -spare / room)
                for i in elastic:
                    widths[i] -= int(give[i] * ratio)
        for i in elastic:
            header.resizeSection(i, widths[i])

    def _update_state(self) -> None:
        shown = self.model.rowCount()
        total = self.model.total_count()
        counted = _tr("Menampilkan {shown} dari {total}").format(
            shown=fmt_count(shown), total=fmt_count(total)
        )
        noun = _tr(self.COUNT_NOUN) if self.COUNT_NOUN else ""
        self.count_label.setText(f"{counted} {noun}" if noun else counted)
        message = ""
        if self._loading:
            # The old rows stay on screen; with none yet, say so instead of "no data".
            self.count_label.setText(_tr("Memuat…"))
            message = _tr("Memuat…") if total == 0 else ""
        elif self._db is None:
            message = self.no_database_text()
        elif self._load_error:
            message = self._load_error
        elif total == 0:
            message = self.empty_text()
        elif shown == 0:
            message = _tr("Tidak ada data yang cocok dengan “{text}”.").format(
                text=self.search.text().strip()
            )
        self.empty_label.setText(message)
        self.pages.setCurrentIndex(_PAGE_EMPTY if message else _PAGE_TABLE)

    def no_database_text(self) -> str:
        """What stands in place of the table while no database is open (``""``: the table,
        for a view that shows rows of a database still being opened)."""
        return _tr(
            "Belum ada database yang terbuka.\nPilih Berkas › Buka database… untuk membukanya."
        )

    def show_message(self, text: str) -> None:
        """Show ``text`` in place of the table until the next refresh (a loading notice)."""
        self.empty_label.setText(text)
        self.pages.setCurrentIndex(_PAGE_EMPTY)

    def empty_message(self) -> str:
        """The text shown instead of the table, or ``""`` while the table is shown."""
        return self.empty_label.text() if self.pages.currentIndex() == _PAGE_EMPTY else ""
