"""Printing a made PDF: one path for the preview's "Cetak" and for printing from the view.

The trap this module exists for: Qt's fuzzy page-size match turns 215 × 330 mm into
"Fan-fold German Legal", a size set *after* the print dialog overrides the clerk's choice, a
driver that falls back to A4 cuts the signature block off an F4 page, and a page rasterised
at the printer's full resolution on the GUI thread costs about 151 MiB and freezes the window.
So:

* F4 is an exact custom page size (:func:`f4_page_size`), and the paper and orientation of the
  PDF are set on the printer *before* the dialog (:func:`prepare_printer`): whatever the clerk
  then picks in the dialog wins;
* when the chosen printer cannot take F4, the clerk is told and offered A4 with each page
  scaled to fit (:class:`FallbackQuestion`); every page is always scaled to fit the printer's
  paper (:func:`fit_rect`), so nothing is ever cut;
* the pages are rendered from the PDF with QtPdf in horizontal bands at no more than 300 dpi
  (:func:`render_to_printer`) on the task runner, with progress and cancel.

QPainter on a QPrinter is allowed off the GUI thread (Qt's threading rules name QImage,
QPrinter and QPicture); the worker opens its own :class:`QPdfDocument`, since the preview's
document belongs to the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.gui.kit.dialogs import Confirm

F4_NAME = "F4 (215 × 330 mm)"
F4_MM = QSizeF(215, 330)
#: Rendering resolution: sharp on paper, about 5 MiB a band instead of 151 MiB a page.
RENDER_DPI = 300
BAND_HEIGHT_PX = 512
#: Two paper sizes within this many millimetres are the same paper (8.5 × 13 in is F4).
SAME_PAPER_MM = 1.5
_POINTS_PER_MM = 72 / 25.4


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportPrinting", text)


def f4_page_size() -> QPageSize:
    """F4 exactly: a custom size, never matched to a near standard one."""
    return QPageSize(
        F4_MM, QPageSize.Unit.Millimeter, F4_NAME, QPageSize.SizeMatchPolicy.ExactMatch
    )


def _same_paper(a: QSizeF, b: QSizeF) -> bool:
    return abs(a.width() - b.width()) <= SAME_PAPER_MM and (
        abs(a.height() - b.height()) <= SAME_PAPER_MM
    )


def is_f4(size: QPageSize) -> bool:
    return _same_paper(size.size(QPageSize.Unit.Millimeter), F4_MM)


@dataclass(frozen=True)
class PaperOfPdf:
    """The paper a PDF was made for: a page size (portrait) and an orientation."""

    page_size: QPageSize
    orientation: QPageLayout.Orientation

    @property
    def is_f4(self) -> bool:
        return is_f4(self.page_size)


def paper_of(points: QSizeF) -> PaperOfPdf:
    """The paper for a PDF page of ``points`` (width, height in points): F4, A4 or exact."""
    landscape = points.width() > points.height()
    short, long = sorted((points.width(), points.height()))
    mm = QSizeF(short / _POINTS_PER_MM, long / _POINTS_PER_MM)
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    if _same_paper(mm, F4_MM):
        return PaperOfPdf(f4_page_size(), orientation)
    a4 = QPageSize(QPageSize.PageSizeId.A4)
    if _same_paper(mm, a4.size(QPageSize.Unit.Millimeter)):
        return PaperOfPdf(a4, orientation)
    exact = QPageSize(mm, QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch)
    return PaperOfPdf(exact, orientation)


def printer_takes(printer: QPrinter, size: QPageSize) -> bool:
    """Whether the printer can print on ``size`` (a PDF file always can)."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return True
    info = QPrinterInfo.printerInfo(printer.printerName())
    if info.isNull():
        return True  # nothing known about it: let the driver decide, pages still fit
    if _printer_own_size(printer, size) is not None:
        return True
    return bool(info.supportsCustomPageSizes())


def _printer_own_size(printer: QPrinter, size: QPageSize) -> QPageSize | None:
    """The printer's own entry for ``size`` (a driver's "F4" or "8.5 x 13"), if it has one."""
    info = QPrinterInfo.printerInfo(printer.printerName())
    if info.isNull():
        return None
    wanted = size.size(QPageSize.Unit.Millimeter)
    for own in info.supportedPageSizes():
        if _same_paper(own.size(QPageSize.Unit.Millimeter), wanted):
            return own
    return None


def prepare_printer(printer: QPrinter, paper: PaperOfPdf) -> bool:
    """Set paper and orientation *before* the print dialog; ``False`` when refused.

    The exact size is tried first; a driver that refuses custom sizes gets its own entry of
    the same paper (within 1.5 mm), if it lists one.
    """
    printer.setFullPage(True)
    printer.setPageOrientation(paper.orientation)
    if printer.setPageSize(paper.page_size) and _same_paper(
        printer.pageLayout().pageSize().size(QPageSize.Unit.Millimeter),
        paper.page_size.size(QPageSize.Unit.Millimeter),
    ):
        return True
    own = _printer_own_size(printer, paper.page_size)
    return own is not None and printer.setPageSize(own)


def fit_rect(source: QSizeF, page: QRectF) -> QRectF:
    """Where a page of ``source`` size goes on ``page``: scaled to fit whole, centred.

    Never larger than ``page`` in either direction, so nothing is cut; the aspect ratio is
    kept. A page that already fits exactly is drawn at ``page`` itself.
    """
    if source.width() <= 0 or source.height() <= 0:
        return QRectF(page)
    scale = min(page.width() / source.width(), page.height() / source.height())
    width, height = source.width() * scale, source.height() * scale
    left = page.left() + (page.width() - width) / 2
    top = page.top() + (page.height() - height) / 2
    return QRectF(left, top, width, height)


class Progress(Protocol):
    def set_progress(self, done: int, total: int = 0, text: str = "") -> None: ...

    def is_cancel_requested(self) -> bool: ...


def render_to_printer(
    path: Path, printer: QPrinter, state: Progress | None = None, *, dpi: int = RENDER_DPI
) -> int:
    """Paint every page of the PDF at ``path`` on ``printer``; returns the pages printed.

    Runs on the task runner's worker. Each page is rendered by QtPdf in bands of at most
    :data:`BAND_HEIGHT_PX` rows at ``min(dpi, printer resolution)`` and drawn scaled to fit
    the printer's paper. Progress is counted in pages.

    Raises:
        KinerjaError: ``report.cancelled`` when the clerk cancelled (the job is aborted);
            ``report.print_failed`` when the file cannot be read or the printer not opened.
    """
    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() == 0:
            raise KinerjaError("report.print_failed", file=path.name, path=str(path))
        count = document.pageCount()
        painter = QPainter()
        if not painter.begin(printer):
            raise KinerjaError("report.print_failed", file=path.name, path=str(path))
        try:
            for page in range(count):
                if state is not None:
                    state.set_progress(page, count, _tr("Mencetak halaman {page} dari {count}…")
                                       .format(page=page + 1, count=count))  # fmt: skip
                if page and not printer.newPage():
                    raise KinerjaError("report.print_failed", file=path.name, path=str(path))
                _paint_page(document, page, painter, printer, state, dpi=dpi)
        except BaseException:
            printer.abort()
            raise
        finally:
            painter.end()
        if state is not None:
            state.set_progress(count, count)
        return count
    finally:
        document.close()


def _paint_page(
    document: QPdfDocument,
    page: int,
    painter: QPainter,
    printer: QPrinter,
    state: Progress | None,
    *,
    dpi: int,
) -> None:
    points = document.pagePointSize(page)
    paper = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
    # The painter's origin is the paper's corner with a full-page printer.
    target = fit_rect(points, QRectF(0, 0, paper.width(), paper.height()))
    scale_dpi = min(dpi, printer.resolution())
    full = QSize(
        max(1, round(points.width() / 72 * scale_dpi)),
        max(1, round(points.height() / 72 * scale_dpi)),
    )
    per_pixel = target.height() / full.height()
    top = 0
    while top < full.height():
        if state is not None and state.is_cancel_requested():
            raise KinerjaError("report.cancelled")
        rows = min(BAND_HEIGHT_PX, full.height() - top)
        band = _on_white(render_band(document, page, full, top, rows))
        # Whole device pixels, so that neighbouring bands meet without a hairline seam.
        y0 = round(target.top() + top * per_pixel)
        y1 = round(target.top() + (top + rows) * per_pixel)
        painter.drawImage(QRectF(target.left(), y0, target.width(), y1 - y0), band)
        top += rows


def render_band(document: QPdfDocument, page: int, full: QSize, top: int, rows: int) -> QImage:
    """Rows ``top`` to ``top + rows`` of the page rendered at ``full`` size.

    QtPdf scales a clipped render by ``(clip.right() - clip.left()) / width``, and
    ``QRect.right()`` is one less than left + width: a clip of exactly the band shrinks it by
    one pixel in ``rows`` (6 pixels at the foot of an F4 page in 512-row bands, so bands
    would overlap and the signature line would move). A clip one pixel larger than the image
    gives the exact scale; the test compares bands with a whole-page render.
    """
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(full)
    options.setScaledClipRect(QRect(0, top, full.width() + 1, rows + 1))
    return document.render(page, QSize(full.width(), rows), options)


def _on_white(band: QImage) -> QImage:
    """QtPdf renders on a transparent background; printers want opaque paper-white pixels
    (an alpha channel makes the spool file larger and some drivers print it black)."""
    opaque = QImage(band.size(), QImage.Format.Format_RGB32)
    opaque.fill(QColor("white"))
    painter = QPainter(opaque)
    painter.drawImage(0, 0, band)
    painter.end()
    return opaque


# -- the GUI side (main thread) ---------------------------------------------------------------


class PrintDialog:
    """The system's printer dialog (patched in tests)."""

    @classmethod
    def ask(cls, parent: QWidget | None, printer: QPrinter) -> bool:
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_tr("Cetak"))
        return dialog.exec() == QDialog.DialogCode.Accepted


class FallbackQuestion:
    """Asks whether to print an F4 document on A4, scaled to fit (patched in tests)."""

    @classmethod
    def ask(cls, parent: QWidget | None, printer_name: str) -> bool:
        said = (
            _tr("Pencetak {printer} tidak dapat memakai kertas F4 (215 × 330 mm).").format(
                printer=printer_name
            )
            if printer_name
            else _tr("Pencetak yang dipilih tidak dapat memakai kertas F4 (215 × 330 mm).")
        )
        offer = _tr(
            "Cetak pada kertas A4? Setiap halaman diperkecil agar muat utuh, tanpa ada bagian "
            "yang terpotong."
        )
        # Not destructive (nothing is lost; the clerk asked to print): "Ya" is the default.
        return Confirm.ask(
            parent, _tr("Kertas F4 tidak tersedia"), f"{said}\n\n{offer}", _tr("Ya"),
            default_yes=True,
        )  # fmt: skip


def pdf_paper(path: Path) -> PaperOfPdf:
    """The paper of the PDF's first page (A4 portrait when it cannot be read)."""
    document = QPdfDocument()
    try:
        document.load(str(path))
        if document.pageCount() == 0:
            return PaperOfPdf(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait)
        return paper_of(document.pagePointSize(0))
    finally:
        document.close()


def start_printing(
    path: Path,
    *,
    runner: Any,
    parent: QWidget | None,
    on_done: Callable[[int], None],
    on_error: Callable[[BaseException], None],
) -> bool:
    """Ask for the printer and queue the pages on ``runner``; ``False`` if the clerk cancelled.

    ``runner`` is the view's :class:`~kinerja_desktop.gui.kit.tasks.TaskRunner`; ``on_done``
    gets the number of pages printed, on the main thread.
    """
    paper = pdf_paper(path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(path.stem)
    accepted = prepare_printer(printer, paper)
    chosen_before = printer.printerName()
    if not PrintDialog.ask(parent, printer):
        return False
    # Refused before the dialog by the printer still chosen, or not among the sizes of the
    # printer chosen in it: either way the paper is not F4, so say so before printing.
    refused = not accepted and printer.printerName() == chosen_before
    if paper.is_f4 and (refused or not printer_takes(printer, paper.page_size)):
        if not FallbackQuestion.ask(parent, printer.printerName()):
            return False
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    runner.run(
        render_to_printer, path, printer, on_done=on_done, on_error=on_error,
        title=_tr("Mengirim halaman ke pencetak…"), parent=parent, with_state=True,
    )  # fmt: skip
    return True


def print_support_check(folder: Path) -> int:
    """Print one F4 page to a PDF in ``folder`` and read it back through QtPdf.

    Loads QtPrintSupport, QtPdf and QtPdfWidgets the way a clerk's first print and preview
    do, so a bundle that lacks one of them (or a plugin they need) fails in the build's smoke
    test instead of at the office. Returns the pages read back (1).

    Raises:
        RuntimeError: naming the part that did not work.
    """
    from PySide6.QtPdfWidgets import QPdfView

    path = folder / "print-support-check.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    if not prepare_printer(printer, PaperOfPdf(f4_page_size(), QPageLayout.Orientation.Portrait)):
        raise RuntimeError("QtPrintSupport: the F4 page size was refused")
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("QtPrintSupport: cannot open a PDF printer")
    painter.drawText(printer.paperRect(QPrinter.Unit.DevicePixel).adjusted(300, 300, 0, 0), 0, "F4")
    painter.end()
    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_:
            raise RuntimeError(f"QtPdf: cannot read {path.name}")
        points = document.pagePointSize(0)
        if not is_f4(paper_of(points).page_size):
            raise RuntimeError(f"QtPrintSupport: the page came out {points}, not F4")
        full = QSize(round(points.width() / 72 * 30), round(points.height() / 72 * 30))
        if render_band(document, 0, full, 0, full.height()).isNull():
            raise RuntimeError("QtPdf: cannot render a page")
        view = QPdfView()
        view.setDocument(document)
        view.setDocument(None)
        view.deleteLater()
        return document.pageCount()
    finally:
        document.close()
