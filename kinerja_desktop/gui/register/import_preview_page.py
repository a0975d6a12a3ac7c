"""The import wizard's preview page: every row with its planned action and its messages.

Rows with an error are drawn red; the filter shows only the rows with a message; the selected
row's messages stand whole under the table; the rows can be written back to Excel with a
message column (:func:`write_import_report`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.format import fmt_count, fmt_nip
from kinerja_desktop.gui.kit.table_model import HEADER_CONTEXT, Column, RowTableModel, nip_column
from kinerja_desktop.gui.register.fields import ERROR_STYLE, ValueCombo
from kinerja_desktop.gui.register.sheets import SheetFileDialog

if TYPE_CHECKING:
    from kinerja_desktop.gui.register.import_wizard import ImportWizard
    from kinerja_desktop.services.register import ImportRowPreview

__all__ = ["ACTION_TEXT", "PreviewModel", "PreviewPage", "row_messages"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


ACTION_TEXT = {
    "create": "Baru",
    "update": "Diubah",
    "mutasi": "Mutasi",
    "unchanged": "Tetap",
    "error": "Kesalahan",
}
_ACTION_ORDER = {"error": 0, "create": 1, "mutasi": 2, "update": 3, "unchanged": 4}
_ERROR_COLOUR = QColor(179, 38, 30)


def row_messages(row: ImportRowPreview, lang: str = "id") -> str:
    """Every message of a row, errors first, each naming its column."""
    parts = []
    for message in (*row.errors, *row.warnings):
        text = message.worded(lang)
        parts.append(f"{message.column}: {text}" if message.column else text)
    return "; ".join(parts)


class PreviewModel(RowTableModel["ImportRowPreview"]):
    """The preview rows; rows with an error are drawn red."""

    def __init__(self, parent: Any = None, *, lang: str = "id") -> None:
        columns: tuple[Column[ImportRowPreview], ...] = (
            Column(
                QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Baris"),
                lambda r: str(r.row),
                lambda r: r.row,
            ),
            nip_column(lambda r: r.nip),
            Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Nama"), lambda r: r.name),
            Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kantor"), lambda r: r.office_code),
            Column(
                QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Status"),
                lambda r: _tr(ACTION_TEXT.get(r.action, r.action)),
                lambda r: _ACTION_ORDER.get(r.action, 9),
            ),
            Column(
                QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Pesan"),
                lambda r: row_messages(r, lang),
                tooltip=lambda r: row_messages(r, lang),
                elastic=300,
            ),
        )
        super().__init__(columns, parent)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        error_row = index.isValid() and self.row_at(index.row()).action == "error"
        if role == Qt.ItemDataRole.ForegroundRole and error_row:
            return _ERROR_COLOUR
        return super().data(index, role)


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Pratinjau"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Terapkan"))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.show_filter = ValueCombo()
        self.show_filter.setObjectName("show_filter")
        self.show_filter.set_items(
            [(self.tr("Semua baris"), "all"), (self.tr("Hanya yang bermasalah"), "problems")],
            keep=False,
        )
        self.show_filter.currentIndexChanged.connect(self._refilter)
        self.export_button = QPushButton(self.tr("Simpan baris beserta pesannya…"))
        self.export_button.setObjectName("export_rows")
        self.export_button.clicked.connect(self.export_rows)
        self.model = PreviewModel(self, lang=wizard.lang)
        self.table = QTableView()
        self.table.setObjectName("preview")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        # A message cut at the column edge cannot be acted on: the selected row's messages
        # stand whole, one per line, in a pane under the table.
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("message_detail")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Pilih satu baris untuk membaca pesannya utuh."))
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        top = QHBoxLayout()
        top.addWidget(self.show_filter)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def initializePage(self) -> None:
        preview = self.owner.preview
        assert preview is not None
        s = preview.summary
        rows_with_errors = sum(1 for r in preview.rows if r.action == "error")
        text = self.tr(
            "{rows} baris (satu pegawai per baris): {c} baru, {u} diubah, {n} tetap, "
            "{e} dengan kesalahan, {w} peringatan."
        ).format(
            rows=fmt_count(len(preview.rows)), c=fmt_count(s.created), u=fmt_count(s.updated),
            n=fmt_count(s.unchanged), e=fmt_count(rows_with_errors),
            w=fmt_count(len(s.warnings)),
        )  # fmt: skip
        if s.errors:
            text += " " + self.tr(
                "Tidak ada yang disimpan selama masih ada kesalahan: simpan baris beserta "
                "pesannya, perbaiki di Excel, lalu kembali dan pilih berkas itu lagi."
            )
            self.summary.setStyleSheet(ERROR_STYLE)
            self.show_filter.set_value("problems")
        else:
            self.summary.setStyleSheet("")
            text += " " + self.tr("Tekan Terapkan untuk menyimpan semuanya sekaligus.")
        self.summary.setText(text)
        self._refilter()

    def _refilter(self) -> None:
        preview = self.owner.preview
        if preview is None:
            return
        rows = list(preview.rows)
        if self.show_filter.value() == "problems":
            rows = [r for r in rows if r.errors or r.warnings]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(header.count() - 1):  # long names elide; the messages stretch
            header.resizeSection(column, min(header.sectionSize(column), 260))
        self.detail.clear()
        if self.show_filter.value() == "problems" and rows:
            self.table.selectRow(0)  # the first problem reads whole without a click

    def _show_detail(self, *_args: object) -> None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            self.detail.clear()
            return
        row: ImportRowPreview = self.model.row_at(selected[0].row())
        head = self.tr("Baris {row}").format(row=row.row)
        who = " ".join(part for part in (fmt_nip(row.nip), row.name) if part)
        lines = [f"{head} — {who}" if who else head]
        lang = self.owner.lang
        for kind, messages in ((self.tr("Kesalahan"), row.errors),
                               (self.tr("Peringatan"), row.warnings)):  # fmt: skip
            for message in messages:
                where = f"{message.column}: " if message.column else ""
                lines.append(f"• {kind} — {where}{message.worded(lang)}")
        if len(lines) == 1:
            lines.append(self.tr("Tidak ada pesan untuk baris ini."))
        self.detail.setPlainText("\n".join(lines))

    def isComplete(self) -> bool:
        preview = self.owner.preview
        return preview is not None and not preview.summary.errors and bool(preview.rows)

    def export_rows(self) -> None:
        from kinerja_desktop.services.register import write_import_report

        preview = self.owner.preview
        if preview is None:
            return
        source = Path(preview.summary.file)
        path = SheetFileDialog.save_path(
            self, self.tr("Simpan baris beserta pesannya"), f"{source.stem}-periksa.xlsx"
        )
        if path is None:
            return
        try:
            result = write_import_report(self.owner.db, preview, path, lang=self.owner.lang)
        except KinerjaError as err:
            show_error(err, lang=self.owner.lang, parent=self)
            return
        self.owner.report_path = Path(result.path)
        self.summary.setText(
            self.summary.text()
            + "\n"
            + self.tr("{n} baris disimpan ke {path}.").format(n=result.rows, path=result.path)
        )
