"""Jejak audit: who changed what and when (Admin and Pimpinan read it; nobody edits it).

Filters by user, record (uuid), kind of record and a date range; the list reloads as soon as a
filter changes and shows at most :data:`~kinerja_desktop.services.admin.audit_log.DEFAULT_LIMIT`
entries, newest first (the export holds every match). The selected entry's values before and
after the change are shown below the table.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe, text
from kinerja_desktop.gui.kit import file_dialogs
from kinerja_desktop.gui.kit.empty_hint import show_when_empty
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.format import fmt_count, fmt_datetime
from kinerja_desktop.gui.kit.table_model import Column, RowTableModel
from kinerja_desktop.gui.kit.tasks import runner_for

if TYPE_CHECKING:
    from kinerja_desktop.services.admin import AuditRow
    from kinerja_desktop.services.common import Actor, Database


def _action(action: str) -> str:
    from kinerja_desktop.services.admin import action_label

    return action_label(action)


def _entity(entity: str) -> str:
    from kinerja_desktop.services.admin import entity_label

    return entity_label(entity)


AUDIT_COLUMNS: tuple[Column[Any], ...] = (
    Column(
        QT_TRANSLATE_NOOP("TableHeader", "Waktu"),
        lambda r: fmt_datetime(r.at),
        sort_key=lambda r: r.at,
    ),
    Column(QT_TRANSLATE_NOOP("TableHeader", "Pengguna"), lambda r: r.username),
    Column(QT_TRANSLATE_NOOP("TableHeader", "Tindakan"), lambda r: _action(r.action)),
    Column(QT_TRANSLATE_NOOP("TableHeader", "Jenis data"), lambda r: _entity(r.entity)),
    # What the record is; the uuid stays on hover and in the detail pane (the filter takes it).
    Column(
        QT_TRANSLATE_NOOP("TableHeader", "Rekaman"),
        lambda r: r.record_text or r.record_uuid or "",
        tooltip=lambda r: r.record_uuid or "",
        elastic=160,
    ),
    Column(QT_TRANSLATE_NOOP("TableHeader", "Ringkasan"), lambda r: r.summary, elastic=160),
)


class SaveFileDialog:
    """Asks where to save the export (patchable in tests)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        path = file_dialogs.save_file(parent, title, suggested, "Excel (*.xlsx)", kind="audit")
        if path is None:
            return None
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")


def _pretty(values: dict[str, Any] | None) -> str:
    if not values:
        return "—"
    return json.dumps(values, ensure_ascii=False, indent=1, sort_keys=True, default=str)


class AuditDialog(QDialog):
    """The filtered audit trail with an export to xlsx."""

    def __init__(
        self, db: Database, actor: Actor, *, lang: str = "id", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audit_dialog")
        self.setWindowTitle(self.tr("Jejak audit"))
        self.resize(980, 620)
        self.db, self.actor, self.lang = db, actor, lang
        self.runner = runner_for(parent)

        filters = self._build_filters()
        splitter = self._build_table()
        self.message = QLabel()
        self.message.setObjectName("audit_message")
        self.message.setWordWrap(True)
        bottom = self._build_bottom_row()

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        self.user_combo.currentTextChanged.connect(self.reload)
        self.entity_combo.currentIndexChanged.connect(self.reload)
        self.record_edit.textChanged.connect(self.reload)
        for widget in (self.from_check, self.to_check):
            widget.toggled.connect(self.reload)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        self.reload()

    def _build_filters(self) -> QGridLayout:
        """User, kind of record and record uuid on the first row; the date range below."""
        self.user_combo = QComboBox()
        self.user_combo.setObjectName("filter_user")
        self.user_combo.setEditable(True)
        self.entity_combo = QComboBox()
        self.entity_combo.setObjectName("filter_entity")
        self.record_edit = QLineEdit()
        self.record_edit.setObjectName("filter_record")
        self.record_edit.setPlaceholderText(self.tr("UUID rekaman"))
        self.record_edit.setClearButtonEnabled(True)
        today = QDate.currentDate()
        self.from_check = QCheckBox(self.tr("Dari"))
        self.from_check.setObjectName("filter_from_on")
        self.from_date = self._date_edit("filter_from", today.addMonths(-1))
        self.to_check = QCheckBox(self.tr("Sampai"))
        self.to_check.setObjectName("filter_to_on")
        self.to_date = self._date_edit("filter_to", today)
        self._fill_choices()

        filters = QGridLayout()
        filters.addWidget(QLabel(self.tr("Pengguna:")), 0, 0)
        filters.addWidget(self.user_combo, 0, 1)
        filters.addWidget(QLabel(self.tr("Jenis data:")), 0, 2)
        filters.addWidget(self.entity_combo, 0, 3)
        filters.addWidget(QLabel(self.tr("Rekaman:")), 0, 4)
        filters.addWidget(self.record_edit, 0, 5)
        dates = QHBoxLayout()
        for widget in (self.from_check, self.from_date, self.to_check, self.to_date):
            dates.addWidget(widget)
        dates.addStretch(1)
        filters.addLayout(dates, 1, 0, 1, 6)
        filters.setColumnStretch(5, 1)
        return filters

    def _build_table(self) -> QSplitter:
        """The entries above, the chosen entry's values before and after below."""
        self.model: RowTableModel[Any] = RowTableModel(AUDIT_COLUMNS, self)
        self.table = QTableView()
        self.table.setObjectName("audit_table")
        self.table.setModel(self.model)
        self.table_empty = show_when_empty(
            self.table, self.tr("Tidak ada entri yang cocok dengan saringan ini.")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("audit_detail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(
            self.tr("Pilih satu entri untuk melihat nilai sebelum dan sesudah.")
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([420, 140])
        return splitter

    def _build_bottom_row(self) -> QHBoxLayout:
        """The count on the left; Ekspor and Tutup on the right."""
        self.count_label = QLabel()
        self.count_label.setObjectName("audit_count")
        self.export_button = QPushButton(self.tr("Ekspor ke Excel…"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        return bottom

    def _date_edit(self, name: str, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd-MM-yyyy")
        return edit

    def _fill_choices(self) -> None:
        """ "(semua)" now; the users and the kinds of record from the read worker."""
        self.user_combo.addItem(self.tr("(semua)"), "")
        self.entity_combo.addItem(self.tr("(semua)"), "")
        self._loading = False
        self._choices_pending = True
        self.runner.read(
            _read_choices,
            self.db,
            key=f"audit:choices:{id(self)}",
            on_done=self._choices_read,
            on_error=self._failed_choices,
            parent=self,
        )

    def _failed_choices(self, error: BaseException) -> None:
        self._choices_pending = False
        self._failed_read(error)

    def _choices_read(self, found: tuple[list[str], list[str]]) -> None:
        self._choices_pending = False
        users, entities = found
        for combo in (self.user_combo, self.entity_combo):
            combo.blockSignals(True)
        for user in users:
            self.user_combo.addItem(user, user)
        for entity in entities:
            self.entity_combo.addItem(_entity(entity), entity)
        for combo in (self.user_combo, self.entity_combo):
            combo.blockSignals(False)

    # -- filters ------------------------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        """The current filters, as :func:`list_audit` and :func:`export_audit` take them."""
        user = self.user_combo.currentText().strip()
        if self.user_combo.currentIndex() == 0 and user == self.user_combo.itemText(0):
            user = ""
        return {
            "username": user or None,
            "record_uuid": self.record_edit.text().strip() or None,
            "entity": self.entity_combo.currentData() or None,
            "date_from": self._date(self.from_check, self.from_date),
            "date_to": self._date(self.to_check, self.to_date),
        }

    @staticmethod
    def _date(check: QCheckBox, edit: QDateEdit) -> date | None:
        if not check.isChecked():
            return None
        value = edit.date()
        return date(value.year(), value.month(), value.day())

    def is_loading(self) -> bool:
        """True while the entries or the filter choices are read on the worker."""
        return self._loading or self._choices_pending

    def reload(self, *_args: object) -> None:
        """Read the entries matching the filters on the read worker (a newer filter
        supersedes an unfinished read); the old entries stay until the new ones arrive."""
        self._loading = True
        self.count_label.setText(self.tr("Memuat…"))
        self.runner.read(
            _read_entries,
            self.db,
            self.actor,
            self.lang,
            self.filters(),
            key=f"audit:{id(self)}",
            on_done=self._show_entries,
            on_error=self._failed_read,
            parent=self,
        )

    def _failed_read(self, error: BaseException) -> None:
        self._loading = False
        if not isinstance(error, KinerjaError):
            show_error(error, lang=self.lang, parent=self)
            return
        self.message.setText(describe(error, self.lang))
        self._show_entries([])

    def _show_entries(self, rows: list[AuditRow]) -> None:
        from kinerja_desktop.services.admin import DEFAULT_LIMIT

        self._loading = False
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        shown = fmt_count(len(rows))
        if len(rows) >= DEFAULT_LIMIT:
            self.count_label.setText(
                self.tr("{count} entri terbaru ditampilkan; ekspor memuat semuanya.").format(
                    count=shown
                )
            )
        else:
            self.count_label.setText(self.tr("{count} entri").format(count=shown))
        self.detail.clear()

    def _show_detail(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail.clear()
            return
        entry: AuditRow = self.model.row_at(rows[0].row())
        record = (
            self.tr("Rekaman: {what}\nUUID: {uuid}").format(
                what=entry.record_text or "—", uuid=entry.record_uuid
            )
            + "\n\n"
            if entry.record_uuid
            else ""
        )
        self.detail.setPlainText(
            record
            + self.tr("Sebelum:") + "\n" + _pretty(entry.before) + "\n\n"
            + self.tr("Sesudah:") + "\n" + _pretty(entry.after)
        )  # fmt: skip

    # -- export -------------------------------------------------------------------------------

    def export(self) -> None:
        """Ask for a file name, then write the filtered trail on the task runner."""
        from kinerja_desktop.services.admin import export_audit

        suggested = f"jejak-audit-{date.today():%Y%m%d}.xlsx"
        out = SaveFileDialog.ask(self, self.tr("Ekspor jejak audit"), suggested)
        if out is None:
            return
        filters = self.filters()

        def work(state: Any) -> int:
            return export_audit(
                self.db,
                self.actor,
                out,
                progress=lambda done, total: state.set_progress(done, total),
                lang=self.lang,
                **filters,
            )

        self.export_button.setEnabled(False)
        self.runner.run(
            work,
            on_done=lambda count: self._exported(out, count),
            on_error=self._failed,
            title=self.tr("Mengekspor jejak audit…"),
            progress_delay_ms=400,
            parent=self,
            with_state=True,
        )

    def _exported(self, out: Path, count: int) -> None:
        self.export_button.setEnabled(True)
        self.message.setText(
            text("admin.audit_exported", self.lang, count=fmt_count(count), path=str(out))
        )

    def _failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        if isinstance(error, KinerjaError):
            self.message.setText(describe(error, self.lang))
        else:
            show_error(error, lang=self.lang, parent=self)

    def done(self, result: int) -> None:
        self.runner.finish_for(self)
        super().done(result)


def _read_choices(db: Database) -> tuple[list[str], list[str]]:
    from kinerja_desktop.services.admin import audit_entities, list_users

    return [user.username for user in list_users(db)], list(audit_entities(db))


def _read_entries(db: Database, actor: Actor, lang: str, filters: dict[str, Any]) -> list[AuditRow]:
    from kinerja_desktop.services.admin import list_audit

    return list(list_audit(db, actor, lang=lang, **filters))
