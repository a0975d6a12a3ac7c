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
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.gui.kit.format import fmt_count
from kinerja_desktop.gui.kit.tasks import TaskState, runner_for
from kinerja_desktop.gui.register.fields import ERROR_STYLE
from kinerja_desktop.gui.register.import_preview_page import PreviewPage
from kinerja_desktop.gui.register.sheets import SheetFileDialog, save_template

if TYPE_CHECKING:
    from kinerja_desktop.services.common import (
        Actor,
        Database,
        ImportSummary,
        SheetFile,
        SheetPreview,
    )
    from kinerja_desktop.services.register import ImportRowPreview

    ImportPreview = SheetPreview[ImportRowPreview]


#: How often the apply page reads the task's progress (ms).
PROGRESS_POLL_MS = 100


def preview_task(db: Database, path: Path, state: TaskState) -> ImportPreview:
    """The preview task (worker thread): read the file once and plan every row."""
    from kinerja_desktop.services.register import preview_employee_import

    return preview_employee_import(db, path, progress=state.set_progress, state=state)


def apply_import(db: Database, actor: Actor, file: SheetFile, state: TaskState) -> ImportSummary:
    """The apply task (worker thread): the real import of the rows the preview read,
    reporting into ``state``."""
    from kinerja_desktop.services.register import import_employees

    return import_employees(db, actor, file, progress=state.set_progress)


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
        self.runner = runner_for(parent)
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
            preview_task, self.db, path, on_done=done, on_error=failed, with_state=True, parent=self
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
            with_state=True, parent=self,
        )  # fmt: skip
        return task.state

    def done(self, result: int) -> None:
        self._closing = True
        self.runner.finish_for(self)
        super().done(result)

    @classmethod
    def ask(
        cls, parent: QWidget | None, db: Database, actor: Actor, *, lang: str = "id"
    ) -> ImportSummary | None:
        """Run the wizard modally; the apply's summary, or None when nothing was applied."""
        wizard = cls(db, actor, lang=lang, parent=parent)
        wizard.exec()
        return wizard.summary
