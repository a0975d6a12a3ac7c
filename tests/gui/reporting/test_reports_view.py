"""The Laporan view: choose a document, preview it in the app, save it, print it, batch it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kinerja_desktop.gui.reporting.preview import SaveDialog
from kinerja_desktop.gui.reporting.printing import PrintDialog
from kinerja_desktop.gui.reporting.view import ReportsView
from tests.gui.conftest import wait_loaded
from tests.reports.pdfcheck import page_sizes_mm, page_texts, pdf_text


@pytest.fixture
def view(qtbot, demo_db):
    widget = ReportsView()
    qtbot.addWidget(widget)
    widget.set_database(demo_db)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    wait_loaded(qtbot, widget)
    widget.period_combo.setCurrentIndex(widget.period_combo.findData("2026-Q1"))
    wait_loaded(qtbot, widget)
    return widget


def _approved_nip(path: Path, office: str) -> tuple[str, str]:
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "select e.nip, e.name from evaluations ev join employees e on e.id = ev.employee_id "
            "join assignments a on a.employee_id = e.id join offices o on o.id = a.office_id "
            "where o.code = ? and ev.period = '2026-Q1' and ev.status = 'approved' "
            "and a.end_date is null order by e.nip limit 1",
            (office,),
        ).fetchone()
    finally:
        con.close()


def _wait(qtbot, view) -> None:
    with qtbot.waitSignal(view.runner.task_finished, timeout=60_000):
        pass


def test_preview_shows_the_pages_inside_the_app(qtbot, view, demo_db_path, tmp_path):
    nip, _name = _approved_nip(demo_db_path, "NGL-GRL")
    view.panel.select(kind="card", office="NGL-GRL", nip=nip)
    wait_loaded(qtbot, view)  # the employees arrive from the read worker
    assert view.panel.nip() == nip
    with qtbot.waitSignal(view.runner.task_finished, timeout=60_000):
        qtbot.mouseClick(view.panel.preview_button, Qt.MouseButton.LeftButton)
    dialog = view.preview_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.page_count() == 1
    assert dialog.pages_label.text() == "1 halaman"
    dialog.grab().save(str(tmp_path / "preview.png"))
    previewed = dialog.path
    assert previewed.is_file() and previewed.parent == view.temps.folder
    dialog.close()
    # The temporary PDF does not pile up in %TEMP%: it goes when the preview closes.
    assert not previewed.exists()
    assert view.preview_dialog is None


def test_save_pdf_writes_the_chosen_document(qtbot, view, demo_db_path, tmp_path, monkeypatch):
    nip, name = _approved_nip(demo_db_path, "NGL-KLO")
    target = tmp_path / "lembar.pdf"
    monkeypatch.setattr(SaveDialog, "ask_file", classmethod(lambda cls, *a: target))
    view.panel.select(kind="sheet", office="NGL-KLO", nip=nip)
    wait_loaded(qtbot, view)
    view.panel.paper_combo.setCurrentIndex(view.panel.paper_combo.findData("f4"))
    with qtbot.waitSignal(view.runner.task_finished, timeout=60_000):
        qtbot.mouseClick(view.panel.save_button, Qt.MouseButton.LeftButton)
    text = pdf_text(target)
    assert "EVALUASI KINERJA PEGAWAI" in text and name in text
    assert "dokumen disimpan" in view.info_label.text()


def test_batch_of_cards_for_an_office_in_one_file(qtbot, view, tmp_path, monkeypatch):
    target = tmp_path / "kartu.pdf"
    monkeypatch.setattr(SaveDialog, "ask_file", classmethod(lambda cls, *a: target))
    view.panel.select(kind="card", office="NGL-GRL")
    assert view.panel.nip() is None
    with qtbot.waitSignal(view.runner.task_finished, timeout=60_000):
        qtbot.mouseClick(view.panel.save_button, Qt.MouseButton.LeftButton)
    pages = page_texts(target)
    assert len(pages) == view.last_written.documents >= 5
    # The demo offices carry a plain drawn logo: no logo warning for a newcomer.
    assert "logo" not in view.info_label.text()


def test_one_file_per_employee_into_a_folder(qtbot, view, tmp_path, monkeypatch):
    monkeypatch.setattr(SaveDialog, "ask_folder", classmethod(lambda cls, *a: tmp_path))
    view.panel.select(kind="card", office="NGL-TBG")
    qtbot.mouseClick(view.panel.per_employee_check, Qt.MouseButton.LeftButton)
    assert view.panel.per_employee_check.isChecked()
    with qtbot.waitSignal(view.runner.task_finished, timeout=60_000):
        qtbot.mouseClick(view.panel.save_button, Qt.MouseButton.LeftButton)
    files = sorted(tmp_path.glob("*.pdf"))
    assert len(files) == view.last_written.documents >= 5
    assert all(len(f.name.split("_", 1)[0]) == 18 for f in files)


def test_recap_to_excel_and_print_through_the_printer_dialog(qtbot, view, tmp_path, monkeypatch):
    target = tmp_path / "rekap.xlsx"
    monkeypatch.setattr(SaveDialog, "ask_file", classmethod(lambda cls, *a: target))
    view.panel.select(kind="kecamatan_recap")
    assert view.panel.xlsx_button.isEnabled() and not view.panel.office_combo.isEnabled()
    with qtbot.waitSignal(view.runner.task_finished, timeout=60_000):
        qtbot.mouseClick(view.panel.xlsx_button, Qt.MouseButton.LeftButton)
    assert target.exists() and target.stat().st_size > 4000
    printed = tmp_path / "printed.pdf"

    def fake_ask(cls, parent, printer):
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(PrintDialog, "ask", classmethod(fake_ask))
    view.panel.select(kind="office_recap", office="NGL-GRL")
    # Two tasks: the document is made, then its pages go to the printer.
    qtbot.mouseClick(view.panel.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "halaman dikirim ke pencetak" in view.info_label.text(), timeout=60_000)
    assert printed.exists() and printed.stat().st_size > 10_000
    # The temporary PDF made for the printer is gone once printed.
    assert list(view.temps.folder.glob("*.pdf")) == []


def test_an_unwritable_target_is_a_clear_message(qtbot, view, tmp_path, monkeypatch):
    target = tmp_path / "missing" / "x.pdf"
    monkeypatch.setattr(SaveDialog, "ask_file", classmethod(lambda cls, *a: target))
    shown: list[str] = []
    monkeypatch.setattr(
        "kinerja_desktop.gui.kit.errors.ErrorDialog.present",
        classmethod(lambda cls, message, details="", parent=None: shown.append(message)),
    )
    view.panel.select(kind="office_recap", office="NGL-GRL")
    with qtbot.waitSignal(view.runner.task_finished, timeout=60_000):
        qtbot.mouseClick(view.panel.save_button, Qt.MouseButton.LeftButton)
    assert shown and "Tidak dapat menulis" in shown[0]
    assert not target.exists()


def test_the_previews_print_button_prints_the_previewed_file_and_then_it_goes(
    qtbot, view, demo_db_path, tmp_path, monkeypatch
):
    from kinerja_desktop.gui.reporting import printing

    nip, _name = _approved_nip(demo_db_path, "NGL-GRL")
    printed = tmp_path / "printed.pdf"
    shown: list[tuple[float, float]] = []

    def fake_ask(cls, parent, printer):
        from PySide6.QtGui import QPageSize
        from PySide6.QtPrintSupport import QPrinter

        size = printer.pageLayout().pageSize().size(QPageSize.Unit.Millimeter)
        shown.append((size.width(), size.height()))
        layout = printer.pageLayout()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setPageLayout(layout)
        return True

    started: list[object] = []
    real_start = printing.start_printing
    monkeypatch.setattr(
        printing,
        "start_printing",
        lambda path, **kw: started.append(path) or real_start(path, **kw),
    )
    monkeypatch.setattr(PrintDialog, "ask", classmethod(fake_ask))
    view.panel.select(kind="sheet", office="NGL-GRL", nip=nip)
    wait_loaded(qtbot, view)
    view.panel.paper_combo.setCurrentIndex(view.panel.paper_combo.findData("f4"))
    with qtbot.waitSignal(view.runner.task_finished, timeout=60_000):
        qtbot.mouseClick(view.panel.preview_button, Qt.MouseButton.LeftButton)
    dialog = view.preview_dialog
    previewed = dialog.path
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "halaman dikirim ke pencetak" in view.info_label.text(), timeout=60_000)
    # The preview and the view print through the one path, F4 offered before the dialog.
    assert started == [previewed]
    assert shown == [(215.0, 330.0)]
    assert page_sizes_mm(printed) == [(215, 330)] * dialog.page_count()
    assert previewed.exists()  # still previewed
    dialog.close()
    assert not previewed.exists()


def test_konversi_angka_kredit_with_a_typed_nomor(qtbot, demo_copy, tmp_path, monkeypatch):
    """The Laporan view offers the Konversi Predikat Kinerja ke Angka Kredit: the NOMOR field
    opens only for one employee, the NOMOR typed is printed and kept for the next print; the
    office batch holds only the jabatan fungsional with an approved evaluation."""
    from kinerja_desktop.services.common.database import Database

    con = sqlite3.connect(demo_copy)
    try:
        nip, name = con.execute(
            "select e.nip, e.name from evaluations ev join employees e on e.id = ev.employee_id "
            "join assignments a on a.employee_id = e.id and a.end_date is null "
            "join offices o on o.id = a.office_id where o.code = 'PKM-NGL' and "
            "a.job_kind = 'fungsional' and ev.period = '2026-Q1' and ev.status = 'approved' "
            "order by e.nip limit 1"
        ).fetchone()
    finally:
        con.close()
    db = Database.open(demo_copy)
    try:
        view = ReportsView()
        qtbot.addWidget(view)
        view.set_database(db)
        view.resize(1280, 800)
        view.show()
        qtbot.waitExposed(view)
        wait_loaded(qtbot, view)
        view.period_combo.setCurrentIndex(view.period_combo.findData("2026-Q1"))
        wait_loaded(qtbot, view)
        view.panel.select(kind="ak", office="PKM-NGL")
        assert not view.panel.nomor_edit.isEnabled()  # a batch: one NOMOR cannot fit all
        view.panel.select(nip=nip)
        assert view.is_loading() and view.panel.nip() is None  # read on the worker
        wait_loaded(qtbot, view)
        assert view.panel.nomor_edit.isEnabled() and not view.panel.blank_check.isEnabled()
        qtbot.keyClicks(view.panel.nomor_edit, "800/5/AK/PKM/2026")
        target = tmp_path / "ak.pdf"
        monkeypatch.setattr(SaveDialog, "ask_file", classmethod(lambda cls, *a: target))
        with qtbot.waitSignal(view.runner.task_finished, timeout=60_000):
            qtbot.mouseClick(view.panel.save_button, Qt.MouseButton.LeftButton)
        text = pdf_text(target)
        assert "KONVERSI PREDIKAT KINERJA KE ANGKA KREDIT" in text and name in text
        assert "NOMOR: 800/5/AK/PKM/2026" in text
        view.panel.nomor_edit.clear()
        wait_loaded(qtbot, view)  # the kept NOMOR is read again after the save
        assert "800/5/AK/PKM/2026" in view.panel.nomor_edit.placeholderText()  # kept
        again = tmp_path / "lagi.pdf"
        monkeypatch.setattr(SaveDialog, "ask_file", classmethod(lambda cls, *a: again))
        with qtbot.waitSignal(view.runner.task_finished, timeout=60_000):
            qtbot.mouseClick(view.panel.save_button, Qt.MouseButton.LeftButton)
        assert "NOMOR: 800/5/AK/PKM/2026" in pdf_text(again)  # kept with the document
        wait_loaded(qtbot, view)
        view.panel.employee_combo.setCurrentIndex(0)  # every employee of the office
        batch = tmp_path / "batch.pdf"
        monkeypatch.setattr(SaveDialog, "ask_file", classmethod(lambda cls, *a: batch))
        with qtbot.waitSignal(view.runner.task_finished, timeout=60_000):
            qtbot.mouseClick(view.panel.save_button, Qt.MouseButton.LeftButton)
        con = sqlite3.connect(demo_copy)
        try:
            expected = con.execute(
                "select count(distinct e.id) from evaluations ev join employees e on e.id = "
                "ev.employee_id join assignments a on a.employee_id = e.id and a.end_date is "
                "null join offices o on o.id = a.office_id where o.code = 'PKM-NGL' and "
                "a.job_kind = 'fungsional' and e.active = 1 and ev.status = 'approved' and "
                "ev.period = '2026-Q1'"
            ).fetchone()[0]
        finally:
            con.close()
        assert view.last_written.documents == expected == len(page_texts(batch))
    finally:
        db.close()


def test_an_english_window_words_the_warnings_in_english(qtbot, demo_db, tmp_path, monkeypatch):
    widget = ReportsView(lang="en")
    qtbot.addWidget(widget)
    widget.set_database(demo_db)
    widget.show()
    wait_loaded(qtbot, widget)
    widget.period_combo.setCurrentIndex(widget.period_combo.findData("2026-Q3"))
    wait_loaded(qtbot, widget)
    target = tmp_path / "cards.pdf"
    monkeypatch.setattr(SaveDialog, "ask_file", classmethod(lambda cls, *a: target))
    widget.panel.select(kind="card", office="NGL-GRL")
    with qtbot.waitSignal(widget.runner.task_finished, timeout=60_000):
        qtbot.mouseClick(widget.panel.save_button, Qt.MouseButton.LeftButton)
    notes = widget.last_notes
    assert notes and any("not approved yet" in n or "no evaluation" in n for n in notes)
    assert not any("belum" in n.lower() or "Belum ada" in n for n in notes), notes
