"""Printing a made PDF: exact F4, paper chosen before the dialog, A4 scaled to fit, off the GUI
thread in bands. The "printer" is a PDF-format QPrinter writing a file that pdfinfo reads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.gui.kit.tasks import TaskRunner, TaskState
from kinerja_desktop.gui.reporting import printing
from kinerja_desktop.gui.reporting.printing import (
    BAND_HEIGHT_PX,
    F4_NAME,
    FallbackQuestion,
    f4_page_size,
    fit_rect,
    paper_of,
    render_to_printer,
    start_printing,
)
from tests.reports.pdfcheck import page_sizes_mm

MM = 72 / 25.4


def _pdf(path: Path, *, width_mm: float = 215, height_mm: float = 330, pages: int = 2) -> Path:
    """A PDF whose every page has a black bar along its bottom 10 mm (the signature block)."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(width_mm * MM, height_mm * MM))
    for page in range(pages):
        canvas.drawString(20 * MM, (height_mm - 20) * MM, f"Halaman {page + 1}")
        canvas.rect(0, 0, width_mm * MM, 10 * MM, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return path


@pytest.fixture
def f4_pdf(tmp_path: Path) -> Path:
    return _pdf(tmp_path / "lembar-f4.pdf")


class _Dialog:
    """Stands in for the clerk at QPrintDialog: records the layout it was shown, then
    sends the job to a PDF file (optionally choosing another paper, as a clerk may)."""

    def __init__(self, out: Path, choose: QPageSize | None = None) -> None:
        self.out = out
        self.choose = choose
        self.seen: list[QPageLayout] = []

    def exec(self, dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        self.seen.append(QPageLayout(printer.pageLayout()))
        layout = printer.pageLayout()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.out))
        # Switching the output format must not lose what was set before the dialog.
        printer.setPageLayout(layout)
        if self.choose is not None:
            printer.setPageSize(self.choose)
        return int(QDialog.DialogCode.Accepted.value)


def _print(qtbot, monkeypatch, path: Path, clerk: _Dialog) -> tuple[bool, list[object]]:
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: clerk.exec(self))
    runner = TaskRunner(progress_delay_ms=60_000)
    results: list[object] = []
    with qtbot.waitSignal(runner.task_finished, timeout=60_000):
        started = start_printing(
            path, runner=runner, parent=None, on_done=results.append, on_error=results.append
        )
        assert started
    runner.shutdown()
    return started, results


def _page_image(path: Path, page: int = 0) -> QImage:
    document = QPdfDocument()
    document.load(str(path))
    size = document.pagePointSize(page).toSize()
    image = document.render(page, size)
    document.close()
    return image


def _dark(color: QColor) -> bool:
    # Unpainted paper renders transparent: only an opaque dark pixel is ink.
    return color.alpha() > 128 and color.lightness() < 80


def test_f4_is_an_exact_custom_page_size_not_a_fuzzy_match() -> None:
    f4 = f4_page_size()
    assert f4.id() == QPageSize.PageSizeId.Custom
    assert f4.name() == F4_NAME == "F4 (215 × 330 mm)"
    assert f4.size(QPageSize.Unit.Millimeter) == QSizeF(215, 330)
    # The trap: without ExactMatch Qt calls it a US fan-fold size 0.9 mm wider.
    fuzzy = QPageSize(QSizeF(215, 330), QPageSize.Unit.Millimeter)
    assert fuzzy.id() == QPageSize.PageSizeId.FanFoldGermanLegal
    assert paper_of(QSizeF(215 * MM, 330 * MM)).page_size.id() == QPageSize.PageSizeId.Custom
    assert paper_of(QSizeF(330 * MM, 215 * MM)).orientation == QPageLayout.Orientation.Landscape
    assert paper_of(QSizeF(595.3, 841.9)).page_size.id() == QPageSize.PageSizeId.A4


def test_paper_is_set_before_the_dialog_and_f4_comes_out_f4(
    qtbot, monkeypatch, f4_pdf: Path, tmp_path: Path
) -> None:
    clerk = _Dialog(tmp_path / "printed.pdf")
    _started, results = _print(qtbot, monkeypatch, f4_pdf, clerk)
    assert results == [2]
    shown = clerk.seen[0]
    assert shown.pageSize().id() == QPageSize.PageSizeId.Custom
    assert shown.pageSize().size(QPageSize.Unit.Millimeter) == QSizeF(215, 330)
    assert shown.orientation() == QPageLayout.Orientation.Portrait
    assert page_sizes_mm(clerk.out) == [(215, 330), (215, 330)]


def test_a_landscape_pdf_is_offered_landscape(qtbot, monkeypatch, tmp_path: Path) -> None:
    source = _pdf(tmp_path / "rekap.pdf", width_mm=297, height_mm=210, pages=1)
    clerk = _Dialog(tmp_path / "printed.pdf")
    _print(qtbot, monkeypatch, source, clerk)
    assert clerk.seen[0].orientation() == QPageLayout.Orientation.Landscape
    assert clerk.seen[0].pageSize().id() == QPageSize.PageSizeId.A4
    assert page_sizes_mm(clerk.out) == [(297, 210)]


def test_the_clerks_choice_in_the_dialog_wins_and_nothing_is_cut(
    qtbot, monkeypatch, f4_pdf: Path, tmp_path: Path
) -> None:
    clerk = _Dialog(tmp_path / "printed.pdf", choose=QPageSize(QPageSize.PageSizeId.A4))
    asked: list[str] = []
    monkeypatch.setattr(FallbackQuestion, "ask", classmethod(lambda cls, *a: asked.append("x")))
    _print(qtbot, monkeypatch, f4_pdf, clerk)
    assert asked == []  # a PDF "printer" takes F4: the clerk chose A4, nobody asks
    assert page_sizes_mm(clerk.out) == [(210, 297), (210, 297)]
    image = _page_image(clerk.out)
    # The bottom bar (the signature block) is on the A4 page, whole: dark across the
    # scaled page's width just above the paper's bottom edge, paper white at the sides.
    row = image.height() - 3
    middle = image.width() // 2
    assert _dark(image.pixelColor(middle, row))
    assert not _dark(image.pixelColor(1, row))
    assert not _dark(image.pixelColor(image.width() - 2, row))


def test_a_printer_without_f4_is_said_and_a4_scaled_to_fit_is_offered(
    qtbot, monkeypatch, f4_pdf: Path, tmp_path: Path
) -> None:
    monkeypatch.setattr(printing, "printer_takes", lambda printer, size: False)
    asked: list[str] = []

    def accept(cls, parent, name):
        asked.append(name)
        return True

    monkeypatch.setattr(FallbackQuestion, "ask", classmethod(accept))
    clerk = _Dialog(tmp_path / "printed.pdf")
    _started, results = _print(qtbot, monkeypatch, f4_pdf, clerk)
    assert len(asked) == 1 and results == [2]
    assert page_sizes_mm(clerk.out) == [(210, 297), (210, 297)]
    image = _page_image(clerk.out, page=1)
    assert _dark(image.pixelColor(image.width() // 2, image.height() - 3))


def test_a_printer_that_refuses_f4_before_the_dialog_gets_the_a4_offer(
    qtbot, monkeypatch, f4_pdf: Path, tmp_path: Path
) -> None:
    real_prepare = printing.prepare_printer

    def refusing(printer, paper):
        real_prepare(printer, paper)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))  # the driver's fallback
        return False

    monkeypatch.setattr(printing, "prepare_printer", refusing)
    # The clerk keeps the printer that refused (this machine may have none at all).
    monkeypatch.setattr(QPrinter, "printerName", lambda self: "Pencetak Kantor")
    asked: list[str] = []
    monkeypatch.setattr(
        FallbackQuestion, "ask", classmethod(lambda cls, parent, name: asked.append(name) or True)
    )
    clerk = _Dialog(tmp_path / "printed.pdf")
    _started, results = _print(qtbot, monkeypatch, f4_pdf, clerk)
    assert asked == ["Pencetak Kantor"] and results == [2]
    assert page_sizes_mm(clerk.out) == [(210, 297), (210, 297)]


def test_declining_the_a4_offer_prints_nothing(
    qtbot, monkeypatch, f4_pdf: Path, tmp_path: Path
) -> None:
    monkeypatch.setattr(printing, "printer_takes", lambda printer, size: False)
    monkeypatch.setattr(FallbackQuestion, "ask", classmethod(lambda cls, *a: False))
    clerk = _Dialog(tmp_path / "printed.pdf")
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: clerk.exec(self))
    runner = TaskRunner()
    started = start_printing(f4_pdf, runner=runner, parent=None, on_done=print, on_error=print)
    runner.shutdown()
    assert started is False and not runner.is_busy()
    assert not clerk.out.exists() or clerk.out.stat().st_size == 0


def test_the_fitted_page_lies_wholly_on_a4() -> None:
    a4 = QPageSize(QPageSize.PageSizeId.A4).rectPoints()
    page = QRectF(0, 0, a4.width(), a4.height())
    f4 = QSizeF(215 * MM, 330 * MM)
    target = fit_rect(f4, page)
    assert page.contains(target)
    assert target.height() == pytest.approx(page.height())  # F4 is taller: height decides
    assert target.width() / target.height() == pytest.approx(215 / 330)
    assert target.left() == pytest.approx(page.width() - target.right())  # centred
    # A page that already fits exactly is drawn as it is.
    assert fit_rect(QSizeF(page.width(), page.height()), page) == page


def test_pages_render_off_the_gui_thread_in_300_dpi_bands_with_progress(
    qtbot, monkeypatch, f4_pdf: Path, tmp_path: Path
) -> None:
    renders: list[tuple[bool, int, int]] = []
    original_render = QPdfDocument.render

    def render(self, page, size, options=None):
        on_main = threading.current_thread() is threading.main_thread()
        renders.append((on_main, size.width(), size.height()))
        return original_render(self, page, size, options)

    progress: list[tuple[bool, int, int]] = []
    original_progress = TaskState.set_progress

    def set_progress(self, done, total=0, text=""):
        progress.append((threading.current_thread() is threading.main_thread(), done, total))
        original_progress(self, done, total, text)

    monkeypatch.setattr(QPdfDocument, "render", render)
    monkeypatch.setattr(TaskState, "set_progress", set_progress)
    clerk = _Dialog(tmp_path / "printed.pdf")
    _started, results = _print(qtbot, monkeypatch, f4_pdf, clerk)
    assert results == [2]
    assert renders and not any(on_main for on_main, _w, _h in renders)
    # 215 mm at 300 dpi is 2539 pixels; the printer itself runs at 1200 dpi (10157).
    assert {width for _m, width, _h in renders} == {round(215 * MM / 72 * 300)}
    assert max(height for _m, _w, height in renders) <= BAND_HEIGHT_PX
    assert sum(height for _m, _w, height in renders) == 2 * round(330 * MM / 72 * 300)
    assert not any(on_main for on_main, _d, _t in progress)
    assert [(d, t) for _m, d, t in progress] == [(0, 2), (1, 2), (2, 2)]


def test_cancel_stops_between_bands_and_aborts_the_job(f4_pdf: Path, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    state = TaskState()
    state.request_cancel()
    with pytest.raises(KinerjaError) as caught:
        render_to_printer(f4_pdf, printer, state)
    assert caught.value.code == "report.cancelled"


def test_an_unreadable_pdf_is_a_worded_error(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.pdf"
    broken.write_bytes(b"not a pdf")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with pytest.raises(KinerjaError) as caught:
        render_to_printer(broken, printer)
    assert caught.value.code == "report.print_failed"


def test_bands_put_every_line_where_a_whole_page_render_does(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    from kinerja_desktop.gui.reporting.printing import render_band

    width, height = 215 * MM, 330 * MM
    canvas = Canvas(str(tmp_path / "lines.pdf"), pagesize=(width, height))
    for y in range(0, 930, 50):  # 2-point lines every 50 points from the top
        canvas.rect(0, height - y - 2, width, 2, stroke=0, fill=1)
    canvas.save()
    document = QPdfDocument()
    document.load(str(tmp_path / "lines.pdf"))
    full = QSize(round(width / 72 * 300), round(height / 72 * 300))
    whole = document.render(0, full)

    def line_starts(image: QImage, offset: int = 0) -> list[int]:
        rows = [image.pixelColor(40, y).alpha() > 128 for y in range(image.height())]
        return [y + offset for y in range(1, len(rows)) if rows[y] and not rows[y - 1]]

    expected = line_starts(whole)
    assert len(expected) == 18
    banded: list[int] = []
    for top in range(0, full.height(), BAND_HEIGHT_PX):
        rows = min(BAND_HEIGHT_PX, full.height() - top)
        band = render_band(document, 0, full, top, rows)
        assert (band.width(), band.height()) == (full.width(), rows)
        banded += line_starts(band, top)
    document.close()
    # A line that starts exactly at a band's first row is not seen as a "start" there.
    assert [y for y in expected if y % BAND_HEIGHT_PX] == [y for y in banded if y % BAND_HEIGHT_PX]


def test_the_print_support_check_prints_and_reads_back_one_f4_page(qtbot, tmp_path: Path) -> None:
    from kinerja_desktop.gui.reporting.printing import print_support_check

    assert print_support_check(tmp_path) == 1
    assert page_sizes_mm(tmp_path / "print-support-check.pdf") == [(215, 330)]


def test_a_snapshot_of_the_reports_view_runs_the_print_support_check(
    qtbot, empty_db, tmp_path: Path, monkeypatch
) -> None:
    from kinerja_desktop.gui.snapshot import render_view

    checked: list[int] = []
    real = printing.print_support_check
    monkeypatch.setattr(
        printing, "print_support_check", lambda folder: checked.append(real(folder)) or 1
    )
    render_view(empty_db, "reports", tmp_path / "reports.png")
    render_view(empty_db, "employees", tmp_path / "employees.png")
    assert checked == [1]


def test_the_a4_offer_names_the_printer_and_says_nothing_is_cut(qapp, monkeypatch) -> None:
    from kinerja_desktop.gui.kit.dialogs import Confirm

    shown: list[tuple[str, str]] = []

    def question(cls, parent, title, text, yes="", *, no="", default_yes=False):
        shown.append((title, text))
        # Offered with "Ya" as the default: pressing Enter prints on A4; then Batal.
        return default_yes and yes == "Ya" and len(shown) == 1

    monkeypatch.setattr(Confirm, "ask", classmethod(question))
    assert FallbackQuestion.ask(None, "HP LaserJet Kantor") is True
    assert FallbackQuestion.ask(None, "") is False
    (title, named), (_t, unnamed) = shown
    assert title == "Kertas F4 tidak tersedia"
    assert "Pencetak HP LaserJet Kantor tidak dapat memakai kertas F4 (215 × 330 mm)." in named
    assert "Cetak pada kertas A4?" in named and "tanpa ada bagian yang terpotong" in named
    assert unnamed.startswith("Pencetak yang dipilih tidak dapat")
