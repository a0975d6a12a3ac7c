"""Preview a made PDF inside the app (QtPdf); saving asks through :class:`SaveDialog`.

Printing goes through :mod:`kinerja_desktop.gui.reporting.printing`, the same path as printing
straight from the view. The previewed file is a temporary one: the dialog lets go of it when
it closes (:attr:`PreviewDialog.released`), so the view can delete it; on Windows a file that
QtPdf still holds open could not be deleted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.gui.kit import file_dialogs


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportPreview", text)


class SaveDialog:
    """Asks where to save (patched in tests); starts in the last report folder or Documents."""

    @classmethod
    def ask_file(cls, parent: QWidget | None, suggested: str, pattern: str) -> Path | None:
        return file_dialogs.save_file(
            parent, _tr("Simpan sebagai"), suggested, pattern, kind="reports"
        )

    @classmethod
    def ask_folder(cls, parent: QWidget | None) -> Path | None:
        return file_dialogs.choose_folder(parent, _tr("Pilih folder tujuan"), kind="reports")


class PreviewDialog(QDialog):
    """The pages of a made PDF, scrollable and zoomable, with Save and Print buttons.

    Signals:
        released(Path): the dialog closed and no longer holds the file.
    """

    released = Signal(object)

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_preview")
        self.setWindowTitle(_tr("Pratinjau: {title}").format(title=title))
        self.resize(820, 900)
        self.path = path
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.pages_label = QLabel(_tr("{count} halaman").format(count=self.document.pageCount()))
        self.pages_label.setObjectName("pages")
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            _tr("Simpan PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button = buttons.addButton(_tr("Cetak…"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(_tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        row = QVBoxLayout()
        row.addWidget(self.pages_label)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.finished.connect(self._let_go)

    def _let_go(self, _result: int = 0) -> None:
        self.view.setDocument(None)
        self.document.close()
        self.released.emit(self.path)

    def page_count(self) -> int:
        return self.document.pageCount()
