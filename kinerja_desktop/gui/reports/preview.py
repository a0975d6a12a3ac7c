"""Preview a made PDF inside the app (QtPdf), and print it through the system dialog.

Printing renders each PDF page with QtPdf at the printer's resolution and paints it on the
page, so what comes out is exactly the previewed file (fonts embedded, DRAF watermark and QR
code included).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportPreview", text)


class SaveDialog:
    """Asks where to save (patched in tests)."""

    @classmethod
    def ask_file(cls, parent: QWidget | None, suggested: Path, pattern: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, _tr("Simpan sebagai"), str(suggested), pattern
        )
        return Path(name) if name else None

    @classmethod
    def ask_folder(cls, parent: QWidget | None, start: Path) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, _tr("Pilih folder tujuan"), str(start))
        return Path(name) if name else None


class PrintDialog:
    """The system's printer dialog (patched in tests)."""

    @classmethod
    def ask(cls, parent: QWidget | None, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_tr("Cetak"))
        return dialog.exec() == QDialog.DialogCode.Accepted


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Paint every page of the PDF at ``path`` on ``printer``; returns the pages printed."""
    document = QPdfDocument()
    document.load(str(path))
    count = document.pageCount()
    if count == 0:
        return 0
    printer.setFullPage(True)
    first = document.pagePointSize(0)
    printer.setPageSize(QPageSize(first, QPageSize.Unit.Point))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page in range(count):
            if page:
                printer.newPage()
            target = painter.viewport()
            size = document.pagePointSize(page)
            dpi = printer.resolution()
            pixels = QSize(int(size.width() / 72 * dpi), int(size.height() / 72 * dpi))
            image = document.render(page, pixels)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return count


class PreviewDialog(QDialog):
    """The pages of a made PDF, scrollable and zoomable, with Save and Print buttons."""

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

    def page_count(self) -> int:
        return self.document.pageCount()
