"""Pegawai: the employee register with its office tree, filters and the register's actions.

The office tree (:mod:`~kinerja_desktop.gui.register.office_tree`) and the filter bar
(:mod:`~kinerja_desktop.gui.register.filter_bar`) narrow the model's plain row list (no proxy,
DESIGN.md convention 8); the search box matches names and NIPs typed with or without spaces.
Keyboard and right-click access: :mod:`~kinerja_desktop.gui.register.view_shortcuts`. Actions
call the services through dialogs in :mod:`kinerja_desktop.gui.register`; after each write
the view offers "Urungkan", which calls the reverse service with the values the write returned
(``before``). Only what the signed-in actor may do is enabled: nobody signed in, Penilai and
Pimpinan read; Operator and Admin edit (offices: Admin).

The list arrives in pages on a first load (:mod:`~kinerja_desktop.gui.register.pages`).

Decision: choosing an office in the tree shows that office and the offices under it (see
:mod:`kinerja_desktop.gui.register.office_tree`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.list_view import ListView
from kinerja_desktop.gui.register.fields import can_edit_offices, can_edit_register
from kinerja_desktop.gui.register.filter_bar import EmployeeFilters
from kinerja_desktop.gui.register.model import EmployeeTableModel
from kinerja_desktop.gui.register.office_tree import OfficeTree
from kinerja_desktop.gui.register.pages import LaterPages, Loaded, read_all, read_first
from kinerja_desktop.gui.register.preview import PreviewRun
from kinerja_desktop.gui.register.undo import UndoList
from kinerja_desktop.gui.register.view_actions import build_actions
from kinerja_desktop.gui.register.view_shortcuts import install_shortcuts
from kinerja_desktop.services.common.dto import EmployeeRow, OfficeDTO

if TYPE_CHECKING:
    from pathlib import Path

    from kinerja_desktop.services.common import Database
    from kinerja_desktop.services.register.dto import EmployeeSaved


class EmployeesView(ListView):
    NAME = "employees"
    KINDS = frozenset({"employees", "offices"})
    COUNT_NOUN = QT_TRANSLATE_NOOP("ListView", "pegawai")
    # Rows of a file still being opened, read straight from it (preview()); a class default:
    # the base class asks for the view's state before __init__ here has run.
    _previewing = False

    def __init__(self, *, lang: str = "id", parent: Any = None) -> None:
        super().__init__(EmployeeTableModel(lang=lang), lang=lang, parent=parent)
        self.model: EmployeeTableModel
        self.offices: list[OfficeDTO] = []
        self.undo_list = UndoList()
        self._checks_dialog: Any = None
        self._select_after_load: str | None = None
        # The first page's cursor (None: nothing after it) and the database the rows are of.
        self._cursor: Any = None
        self._rows_db: Database | None = None
        self.later = LaterPages(self, self._pages_arrived)
        #: The last sentence the view reported (also in the window's status bar).
        self.last_message = ""
        build_actions(self)
        self._build_filters()
        self._build_tree()
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        install_shortcuts(self)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._update_actions()

    # -- construction ----------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.filters = EmployeeFilters(lang=self.lang, parent=self)
        self.filters.changed.connect(self.apply_criteria)
        self.type_filter, self.grade_filter = self.filters.type_filter, self.filters.grade_filter
        self.kind_filter, self.active_filter = self.filters.kind_filter, self.filters.active_filter
        self.filter_bar = self.filters.bar

    def _build_tree(self) -> None:
        self.office_tree = OfficeTree()
        self.office_tree.changed.connect(self.apply_criteria)
        self.tree = self.office_tree.tree
        self.include_children = self.office_tree.include_children
        left = self.office_tree
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(self.filter_bar)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        position = layout.indexOf(self.pages)
        layout.removeWidget(self.pages)
        right_layout.addWidget(self.pages, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 900])
        # The table's width changes with the splitter, not only with the view: share the
        # spare width out again whenever its viewport is resized.
        self.table.viewport().installEventFilter(self)
        layout.insertWidget(position, self.splitter, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self._distribute_width()
        return super().eventFilter(watched, event)

    # -- ListView ------------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Pegawai")

    def empty_text(self) -> str:
        return self.tr(
            "Belum ada data pegawai di database ini.\n"
            "Tambahkan pegawai, impor lembar kerja Excel, atau terima paket sinkronisasi."
        )

    def load(self, db: Database) -> Loaded:
        """On the read worker: the employees, the offices of the tree and the rows' search
        text (so the first keystroke after a reload filters as fast as the next ones)."""
        return read_all(self.model, db)

    def fetch(self) -> Callable[[Database], Loaded]:
        # A reload keeps the rows on screen until the whole new list is in; a first load
        # (nothing shown, or another database's rows) shows the first page at once.
        if self.model.total_count() and self._rows_db is self.database:
            return self.load
        return partial(read_first, self.model)

    def loaded(self, data: Loaded) -> Sequence[Any]:
        rows, self.offices, self.search_text, self._cursor, self.later.expected = data
        return rows

    def after_load(self, db: Database | None) -> None:
        cursor, self._cursor = self._cursor, None
        self._rows_db = db
        self.office_tree.fill(self.offices, self.model.all_rows())
        self.apply_criteria()
        if db is not None and cursor is not None:
            generation = self._generation
            current = lambda: self._current(generation, db)  # noqa: E731
            self.later.start_after_paint(self.table.viewport(), db, cursor, current)
        self._pages_arrived(last=False)

    def _pages_arrived(self, *, last: bool) -> None:
        if last:  # the tree's counts now cover everybody
            self.office_tree.fill(self.offices, self.model.all_rows())
        # The row to select after a write may be on a page still to come.
        uuid = self._select_after_load
        if uuid and (self.select_uuid(uuid) or not self.later.loading):
            self._select_after_load = None
        self._update_state()
        self._update_actions()

    def is_loading(self) -> bool:
        return super().is_loading() or self.later.loading

    # -- the first screenful while the database opens (issue 16) -----------------------------

    def preview(self, path: Path, current: Callable[[], bool], *, then: Callable[[], None]) -> None:
        """Show the first page of ``path``'s list read straight from the file, then call
        ``then`` (the open): gui/register/preview.py. Read-only: nothing is offered until the
        database is open, whose first read replaces these rows (kept on screen when equal)."""
        PreviewRun(self, current, then).start(path)

    def is_previewing(self) -> bool:
        """True while the rows shown are the preview of a database still being opened."""
        return self._previewing and self.database is None

    def show_preview(self, data: Loaded) -> bool:
        """Show the preview's rows (False: the view has rows of a database already)."""
        if self.database is not None or self.model.total_count():
            return False
        rows, self.offices, search_text, _next, self.later.expected = data
        self._previewing = True
        self.model.set_rows(rows, search_text=search_text)
        self.office_tree.fill(self.offices, self.model.all_rows())
        self.apply_criteria()
        self._fit_columns()
        return True

    def no_database_text(self) -> str:
        return "" if self.is_previewing() else super().no_database_text()

    def _show_rows(self, db: Database | None, rows: Sequence[Any]) -> None:
        previewed, self._previewing = self._previewing, False
        if previewed and db is not None and list(rows) == self.model.all_rows():
            # The preview showed these very rows (and made their search text): no reset, so
            # the selection and the scroll position the clerk may have moved stay.
            self.search_text = None
            self.after_load(db)
            self._update_state()
            return
        super()._show_rows(db, rows)

    def refresh(self) -> None:
        self.later.stop()
        super().refresh()

    def on_actor_changed(self) -> None:
        self.undo_list.clear()
        self._update_actions()

    def set_database(self, db: Database | None) -> None:
        if db is not self.database:
            self.undo_list.clear()
            self.later.stop()
        super().set_database(db)
        self._update_actions()

    # -- office tree and filters ---------------------------------------------------------

    def selected_office(self) -> str | None:
        """The office chosen in the tree (None: every office)."""
        return self.office_tree.selected()

    def select_office(self, code: str | None) -> None:
        """Choose ``code`` in the tree (None: "Semua kantor")."""
        self.office_tree.select(code)

    def apply_criteria(self) -> None:
        """Narrow the table to the tree's office and the filter bar's choices."""
        self.model.set_criteria(self.filters.criteria(self.office_tree.codes()))
        self._update_state()
        self._update_actions()

    def _update_state(self) -> None:
        super()._update_state()
        if self.model.total_count() and not self.model.rowCount() and not self.search.text():
            self.empty_label.setText(self.tr("Tidak ada pegawai yang cocok dengan pilihan ini."))
        later = getattr(self, "later", None)  # None while the base class builds the view
        if later is not None and (later.loading or self.is_previewing()):
            self.count_label.setText(later.count_text(self.count_label.text()))

    # -- selection and permissions -------------------------------------------------------

    def selected_row(self) -> EmployeeRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if len(rows) != 1:
            index = self.table.currentIndex()
            if len(rows) > 1 or not index.isValid():
                return None
            return self.model.row_at(index.row())
        return self.model.row_at(rows[0].row())

    def select_uuid(self, uuid: str) -> bool:
        row = self.model.row_of_uuid(uuid)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_actions(self, *_args: Any) -> None:
        has_db = self.database is not None
        writer = has_db and can_edit_register(self.actor)
        row = self.selected_row() if has_db else None
        self.add_button.setEnabled(writer)
        self.edit_button.setEnabled(row is not None)
        self.edit_button.setText(
            self.tr("Ubah") if writer and row is not None and row.active else self.tr("Lihat")
        )
        active = row is not None and row.active
        self.mutasi_button.setEnabled(writer and active)
        self.leave_button.setEnabled(writer and active)
        self.delete_button.setEnabled(writer and row is not None)
        top = self.undo_list.top()
        self.undo_button.setEnabled(writer and top is not None)
        self.undo_button.setToolTip(
            self.tr("Urungkan: {what}").format(what=top.text) if top else ""
        )
        self.checks_button.setEnabled(has_db)
        self.offices_button.setEnabled(has_db)
        self.offices_button.setToolTip(
            ""
            if can_edit_offices(self.actor)
            else self.tr("Hanya Admin yang dapat mengubah kantor.")
        )
        self.sheets_button.setEnabled(has_db)
        self.action_import.setEnabled(writer)

    # -- after a write -------------------------------------------------------------------

    def _changed(self, message: str, select: str | None = None) -> None:
        from kinerja_desktop.gui.kit.tasks import publish_changes
        from kinerja_desktop.services.common.dto import Changes

        window = self.window()
        changes = Changes.of("employees", uuids={"employees": [select] if select else []})
        # The window reloads this view too, when it is shown.
        published = window is not self and publish_changes(self, changes)
        if select:
            # The rows reload on the read worker: select the row again once they arrived.
            self._select_after_load = select
            self.select_uuid(select)
        if not self.isVisible() or self.is_stale() or not published:
            self.refresh()
        bar = getattr(window, "statusBar", None)
        if callable(bar) and window is not self:
            bar().showMessage(message, 8000)
        self.last_message = message
        self._update_actions()

    def _run(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except KinerjaError as err:
            show_error(err, lang=self.lang, parent=self)
            return None

    def _warnings(self, saved: EmployeeSaved) -> str:
        return " ".join(w.worded(self.lang) for w in saved.warnings)

    # -- actions ---------------------------------------------------------------------------

    def add_employee(self) -> None:
        from kinerja_desktop.gui.register.form import EmployeeFormDialog
        from kinerja_desktop.services.register import delete_employee

        db, actor = self.database, self.actor
        if db is None or not can_edit_register(actor):
            return
        assert actor is not None
        saved = EmployeeFormDialog.ask(
            self, db, actor, lang=self.lang, office_code=self.selected_office()
        )
        if saved is None:
            return
        uuid, name = saved.detail.uuid, saved.detail.full_name
        self.undo_list.push(
            self.tr("Tambah {name}").format(name=name), lambda: delete_employee(db, actor, uuid)
        )
        message = self.tr("{name} ditambahkan.").format(name=name)
        self._changed(" ".join(filter(None, (message, self._warnings(saved)))), uuid)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.edit_employee(row.uuid)

    def edit_employee(self, uuid: str) -> EmployeeSaved | None:
        """Open the form on ``uuid`` (read-only for readers); used by the register check."""
        from kinerja_desktop.gui.register.form import EmployeeFormDialog
        from kinerja_desktop.services.register import update_employee

        db, actor = self.database, self.actor
        if db is None:
            return None
        saved = self._run(lambda: EmployeeFormDialog.ask(self, db, actor, uuid, lang=self.lang))
        if saved is None or not saved.changed:
            return saved
        assert actor is not None and saved.before is not None
        before, name = saved.before, saved.detail.full_name
        self.undo_list.push(
            self.tr("Ubah data {name}").format(name=name),
            lambda: update_employee(db, actor, uuid, before),
        )
        message = self.tr("Data {name} disimpan.").format(name=name)
        self._changed(" ".join(filter(None, (message, self._warnings(saved)))), uuid)
        return saved

    def mutasi_selected(self) -> None:
        from kinerja_desktop.gui.register.history import MutasiDialog
        from kinerja_desktop.services.register import cancel_mutasi

        row, db, actor = self.selected_row(), self.database, self.actor
        if row is None or db is None or not can_edit_register(actor):
            return
        assert actor is not None
        saved = self._run(lambda: MutasiDialog.ask(self, db, actor, row.uuid, lang=self.lang))
        if saved is None:
            return
        uuid, name = row.uuid, saved.detail.full_name
        self.undo_list.push(
            self.tr("Mutasi {name}").format(name=name), lambda: cancel_mutasi(db, actor, uuid)
        )
        message = self.tr("Mutasi {name} dicatat.").format(name=name)
        self._changed(" ".join(filter(None, (message, self._warnings(saved)))), uuid)

    def leave_selected(self) -> None:
        from kinerja_desktop.gui.register.history import LeavingDialog
        from kinerja_desktop.services.register import reactivate_employee

        row, db, actor = self.selected_row(), self.database, self.actor
        if row is None or db is None or not can_edit_register(actor):
            return
        assert actor is not None
        saved = self._run(lambda: LeavingDialog.ask(self, db, actor, row.uuid, lang=self.lang))
        if saved is None:
            return
        uuid, name = row.uuid, saved.detail.full_name
        self.undo_list.push(
            self.tr("Keluar {name}").format(name=name),
            lambda: reactivate_employee(db, actor, uuid),
        )
        message = self.tr("{name} dicatat tidak aktif.").format(name=name)
        self._changed(" ".join(filter(None, (message, self._warnings(saved)))), uuid)

    def delete_selected(self) -> None:
        from kinerja_desktop.gui.register.history import Confirm
        from kinerja_desktop.services.register import create_employee, delete_employee

        row, db, actor = self.selected_row(), self.database, self.actor
        if row is None or db is None or not can_edit_register(actor):
            return
        assert actor is not None
        question = self.tr(
            "Hapus {name} ({nip}) dari daftar pegawai?\n\nHapus hanya untuk data yang salah "
            "masuk. Pegawai yang pensiun atau pindah dicatat dengan Keluar/Pensiun, sehingga "
            "riwayatnya tetap ada."
        ).format(name=row.full_name, nip=row.nip_display)
        if not Confirm.ask(self, self.tr("Hapus pegawai"), question, self.tr("Hapus")):
            return
        deleted = self._run(lambda: delete_employee(db, actor, row.uuid))
        if deleted is None:
            return
        before = deleted.before
        self.undo_list.push(
            self.tr("Hapus {name}").format(name=row.full_name),
            lambda: create_employee(db, actor, before),
        )
        self._changed(self.tr("{name} dihapus.").format(name=row.full_name))

    def undo_last(self) -> None:
        entry = self.undo_list.top()
        if entry is None or self.database is None:
            return
        if self._run(self.undo_list.undo) is None and self.undo_list.top() is entry:
            return
        self._changed(self.tr("Diurungkan: {what}.").format(what=entry.text))

    def show_checks(self) -> None:
        from kinerja_desktop.gui.register.checks import RegisterChecksDialog

        if self.database is not None:
            self._checks_dialog = RegisterChecksDialog.open_for(
                self, self.database, self.actor, shown=self._checks_dialog
            )

    def show_offices(self) -> None:
        from kinerja_desktop.gui.register.offices import OfficesDialog

        if self.database is None:
            return
        if OfficesDialog.ask(self, self.database, self.actor, lang=self.lang):
            window = self.window()
            notify = getattr(window, "notify_changed", None)
            if callable(notify) and window is not self:
                notify("offices")
            self.refresh()

    def import_sheet(self) -> None:
        from kinerja_desktop.gui.register.import_wizard import ImportWizard

        db, actor = self.database, self.actor
        if db is None or not can_edit_register(actor):
            return
        assert actor is not None
        summary = ImportWizard.ask(self, db, actor, lang=self.lang)
        if summary is not None and summary.applied:
            self.undo_list.clear()  # an import is one audited bulk change, not undone here
            self._changed(
                self.tr("Impor selesai — jumlah pegawai: {c} baru, {u} diubah, {n} tetap.").format(
                    c=summary.created, u=summary.updated, n=summary.unchanged
                )
            )

    def export_sheet(self) -> None:
        from kinerja_desktop.gui.register.sheets import export_register

        if self.database is not None:
            code = self.selected_office()
            single = code if code and len(self.office_tree.codes() or ()) == 1 else None
            message = export_register(self, self.database, office_code=single, lang=self.lang)
            if message:
                self._changed(message)

    def save_template(self) -> None:
        from kinerja_desktop.gui.register.sheets import save_template

        if self.database is not None:
            message = save_template(self, self.database, lang=self.lang)
            if message:
                self._changed(message)
