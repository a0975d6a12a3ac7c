"""The spreadsheet import as a wizard: choose the file, preview every row, apply.

It runs the very same checks as ``kinerja-desktop employees import`` (the preview is the
service's dry run with every row kept), so the GUI and the command line never disagree. The
preview lists each row with its planned action (baru, diubah, mutasi, tetap, kesalahan) and
its messages; the rows can be written back to Excel with a message column, fixed there and
chosen again. Nothing is written until "Terapkan"; with any error the apply page stays out of
reach, and the apply itself is all-or-nothing in one transaction, run on the task runner with
a progress bar: busy while the file is read again, then a real percentage as the rows are
checked and written (the service reports into the task's :class:`TaskState`, which the apply
page polls; the window stays responsive because the work is on the worker thread).

The preview runs on the task runner too (the file page shows how many rows were read and then
how far the checks are), and the apply uses the rows the preview read: the file is opened
once per import (the apply checks them again against the database as it is then).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.format import fmt_count, fmt_nip
from kinerja_desktop.gui.kit.table_model import HEADER_CONTEXT, Column, RowTableModel
from kinerja_desktop.gui.kit.tasks import TaskRunner, TaskState
from kinerja_desktop.gui.register.fields import ERROR_STYLE, ValueCombo
from kinerja_desktop.gui.register.sheets import SheetFileDialog, save_template

if TYPE_CHECKING:
    from kinerja_desktop.services.common.actor import Actor
    from kinerja_desktop.services.common.database import Database
    from kinerja_desktop.services.common.import_dto import ImportSummary
    from kinerja_desktop.services.common.sheet_import import SheetFile, SheetPreview
    from kinerja_desktop.services.register.import_preview import ImportRowPreview

    ImportPreview = SheetPreview[ImportRowPreview]


#: How often the apply page reads the task's progress (ms).
PROGRESS_POLL_MS = 100


def preview_task(db: Database, path: Path, state: TaskState) -> ImportPreview:
    """The preview task (worker thread): read the file once and plan every row."""
    from kinerja_desktop.services.register.import_preview import preview_employee_import

    return preview_employee_import(db, path, progress=state.set_progress, state=state)


def apply_import(db: Database, actor: Actor, file: SheetFile, state: TaskState) -> ImportSummary:
    """The apply task (worker thread): the real import of the rows the preview read,
    reporting into ``state``."""
    from kinerja_desktop.services.register.employee_import import import_employees

    return import_employees(db, actor, file, progress=state.set_progress)


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
            Column(
                QT_TRANSLATE_NOOP(HEADER_CONTEXT, "NIP"),
                lambda r: fmt_nip(r.nip),
                lambda r: r.nip,
                nip=True,
            ),
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


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Pilih berkas Excel"))
        self.setSubTitle(
            self.tr(
                "Satu baris untuk satu pegawai, dicocokkan dengan NIP. Semua baris diperiksa "
                "dahulu; belum ada yang disimpan sampai Anda menekan Terapkan."
            )
        )
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path")
        self.path_edit.setPlaceholderText(self.tr("Berkas .xlsx"))
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Pilih…"))
        browse.setObjectName("browse")
        browse.clicked.connect(self.browse)
        template = QPushButton(self.tr("Simpan templat kosong…"))
        template.setObjectName("template")
        template.clicked.connect(lambda: save_template(self, wizard.db, lang=wizard.lang))
        self.error = QLabel()
        self.error.setObjectName("file_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.progress = QProgressBar()
        self.progress.setObjectName("preview_progress")
        self.progress.setFormat("%p%")
        self.progress.hide()
        self.state: TaskState | None = None
        self.poll = QTimer(self)
        self.poll.setInterval(PROGRESS_POLL_MS)
        self.poll.timeout.connect(self.show_progress)
        self._advance = False
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        hint = QLabel(
            self.tr(
                "Belum punya berkas? Simpan templat kosong: kolom NIP sudah berformat Teks dan "
                "ada daftar pilihan untuk status, golongan dan kantor."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(template, 0, Qt.AlignmentFlag.AlignLeft)

    def browse(self) -> None:
        path = SheetFileDialog.open_path(self, self.tr("Pilih berkas pegawai"))
        if path is not None:
            self.path_edit.setText(str(path))

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    @property
    def previewing(self) -> bool:
        """True while the preview task reads and checks the file."""
        return self.state is not None

    def validatePage(self) -> bool:
        """Start reading and checking the whole file (the preview) on the task runner; the
        wizard moves on once it is back, or stays here with the reason the file is refused."""
        if self._advance:
            self._advance = False
            return True
        if self.previewing:
            return False
        path = Path(self.path_edit.text().strip())
        if not path.is_file():
            self.error.setText(self.tr("Berkas {path} tidak ditemukan.").format(path=path))
            return False
        self.error.setText(self.tr("Membaca dan memeriksa {name}…").format(name=path.name))
        self.progress.setRange(0, 0)  # busy while rows are read and the total is unknown
        self.progress.show()
        self.state = self.owner.start_preview(path, self.preview_done, self.preview_failed)
        self.poll.start()
        return False

    def show_progress(self) -> None:
        """Rows read while the total is unknown, then the checks as a percentage."""
        if self.state is None:
            return
        done, total, _text = self.state.progress()
        if total > 0:
            if self.progress.maximum() != total:
                self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        elif done:
            self.progress.setFormat(self.tr("{n} baris dibaca").format(n=fmt_count(done)))

    def _stop(self) -> None:
        self.poll.stop()
        self.state = None
        self.progress.hide()
        self.progress.setFormat("%p%")

    def preview_done(self, preview: ImportPreview) -> None:
        self._stop()
        if not preview.rows and preview.summary.errors:
            self.error.setText(preview.summary.errors[0].worded(self.owner.lang))
            return
        self.error.setText("")
        self._advance = True
        self.owner.next()

    def preview_failed(self, error: BaseException) -> None:
        self._stop()
        if isinstance(error, KinerjaError):
            self.error.setText(describe(error, self.owner.lang))
        else:
            self.error.setText(self.tr("Berkas tidak dapat diperiksa; tidak ada yang disimpan."))


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
        from kinerja_desktop.services.register.import_preview import write_import_report

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


class ApplyPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Menyimpan"))
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setFormat("%p%")
        self.state: TaskState | None = None
        self.poll = QTimer(self)
        self.poll.setInterval(PROGRESS_POLL_MS)
        self.poll.timeout.connect(self.show_progress)
        self.result_label = QLabel()
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        self.progress.setRange(0, 0)  # busy until the file is read and the total is known
        self.result_label.setText(self.tr("Menyimpan semua baris dalam satu transaksi…"))
        self.state = self.owner.start_apply()
        self.poll.start()

    def show_progress(self) -> None:
        """Copy the task's ``(done, total)`` into the bar; it turns determinate at once."""
        if self.state is None:
            return
        done, total, _text = self.state.progress()
        if total > 0:
            if self.progress.maximum() != total:
                self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def finish(self, summary: ImportSummary | None, error: BaseException | None) -> None:
        self.poll.stop()
        self.show_progress()
        if self.progress.maximum() == 0:  # refused before any step: leave the busy look
            self.progress.setRange(0, 1)
        applied = summary is not None and summary.applied
        self.progress.setValue(self.progress.maximum() if applied else self.progress.minimum())
        if error is not None:
            message = (
                describe(error, self.owner.lang)
                if isinstance(error, KinerjaError)
                else self.tr("Impor gagal; tidak ada yang disimpan.")
            )
            self.result_label.setText(message)
            self.result_label.setStyleSheet(ERROR_STYLE)
        elif summary is not None and summary.errors:
            first = summary.errors[0]
            self.result_label.setText(
                self.tr(
                    "Tidak ada yang disimpan: data berubah sejak pratinjau. Baris {row}: {msg}"
                ).format(row=first.row, msg=first.worded(self.owner.lang))
            )
            self.result_label.setStyleSheet(ERROR_STYLE)
        elif summary is not None:
            self.result_label.setText(
                self.tr("Selesai — jumlah pegawai: {c} baru, {u} diubah, {n} tetap.").format(
                    c=fmt_count(summary.created),
                    u=fmt_count(summary.updated),
                    n=fmt_count(summary.unchanged),
                )
            )
            self.result_label.setStyleSheet("")
        self.done = True
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.done


class ImportWizard(QWizard):
    """Choose, preview, apply. ``summary`` holds the apply's result (None until applied)."""

    def __init__(
        self, db: Database, actor: Actor, *, lang: str = "id", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("Impor pegawai dari Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Lanjut >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Kembali"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Selesai"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.resize(960, 560)
        self.db, self.actor, self.lang = db, actor, lang
        self.preview: ImportPreview | None = None
        self.summary: ImportSummary | None = None
        self.report_path: Path | None = None
        self.runner = TaskRunner(self)
        self._closing = False
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.apply_page = ApplyPage(self)
        for page in (self.file_page, self.preview_page, self.apply_page):
            self.addPage(page)

    def start_preview(
        self,
        path: Path,
        on_done: Callable[[ImportPreview], None],
        on_error: Callable[[BaseException], None],
    ) -> TaskState:
        """Queue the preview of ``path`` on the task runner; ``self.preview`` holds it (and
        the rows read) once it is back, before ``on_done`` runs."""
        self.preview = None

        def done(preview: ImportPreview) -> None:
            if self._closing:
                return
            self.preview = preview
            on_done(preview)

        def failed(error: BaseException) -> None:
            if not self._closing:
                on_error(error)

        task = self.runner.run(
            preview_task, self.db, path, on_done=done, on_error=failed, with_state=True
        )
        return task.state

    def start_apply(self) -> TaskState:
        """Queue the import on the task runner; returns the state its progress goes into."""
        assert self.preview is not None and self.preview.file is not None
        file = self.preview.file
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)

        def done(summary: ImportSummary) -> None:
            self.summary = summary
            self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
            self.apply_page.finish(summary, None)

        def failed(error: BaseException) -> None:
            self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
            self.apply_page.finish(None, error)

        task = self.runner.run(
            apply_import, self.db, self.actor, file, on_done=done, on_error=failed,
            with_state=True,
        )  # fmt: skip
        return task.state

    def done(self, result: int) -> None:
        self._closing = True
        self.runner.shutdown(wait=True)
        super().done(result)

    @classmethod
    def ask(
        cls, parent: QWidget | None, db: Database, actor: Actor, *, lang: str = "id"
    ) -> ImportSummary | None:
        """Run the wizard modally; the apply's summary, or None when nothing was applied."""
        wizard = cls(db, actor, lang=lang, parent=parent)
        wizard.exec()
        return wizard.summary
