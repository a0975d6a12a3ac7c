"""The import wizard, clicked through like a clerk: choose, preview, export messages, apply."""

from __future__ import annotations

import threading
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.gui.register.import_wizard import ImportWizard
from kinerja_desktop.gui.register.sheets import SheetFileDialog
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.employee_sheets import export_employees
from kinerja_desktop.services.register.employees import list_employees

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
NEW_ROW = [
    "19920415 201903 2 001", "Rina Lestari", None, "S.E", None, "PNS", "III/a",
    "Pengelola Keuangan", "Pelaksana", None, "NGL", "Tidak", None, None, None, None,
]  # fmt: skip


def edited_export(db: Database, tmp_path: Path, *, break_row: bool) -> Path:
    """The demo export with one new employee, one changed jabatan and maybe a broken NIP."""
    source = tmp_path / "ekspor.xlsx"
    export_employees(db, source, office_code="NGL")
    book = openpyxl.load_workbook(source)
    sheet = book["Pegawai"]
    sheet["H3"] = "Analis Kebijakan"
    sheet.append(NEW_ROW)
    if break_row:
        sheet["A4"] = 1.98e17  # a NIP Excel turned into a number
    target = tmp_path / "pegawai.xlsx"
    book.save(target)
    return target


def open_wizard(qtbot, db: Database) -> ImportWizard:
    wizard = ImportWizard(db, OPERATOR)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def click(qtbot, wizard: ImportWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)
    if which == QWizard.WizardButton.NextButton:  # the preview runs on the task runner
        qtbot.waitUntil(lambda: not wizard.file_page.previewing, timeout=10000)


def test_a_clean_file_is_previewed_then_applied(qtbot, db, tmp_path):
    path = edited_export(db, tmp_path, break_row=False)
    changed_nip = openpyxl.load_workbook(path)["Pegawai"]["A3"].value
    wizard = open_wizard(qtbot, db)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.preview_page
    statuses = {r.nip: r.action for r in wizard.preview.rows}
    assert statuses["19920415 201903 2 001"] == "create"
    assert statuses[changed_nip] == "update"
    assert "1 baru, 1 diubah" in wizard.preview_page.summary.text()
    model = wizard.preview_page.model
    assert model.rowCount() == len(wizard.preview.rows)
    assert "Baru" in [model.index(r, 4).data() for r in range(model.rowCount())]
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.isEnabled() and commit.text() == "Terapkan"
    assert all(r.nip != "199204152019032001" for r in list_employees(db))  # nothing yet
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.apply_page.done, timeout=10000)
    assert wizard.summary is not None and wizard.summary.applied
    bar = wizard.apply_page.progress
    # Determinate, with the service's own step count (three per row), and full.
    assert bar.minimum() == 0 and bar.maximum() == 3 * len(wizard.preview.rows)
    assert bar.value() == bar.maximum() and bar.text() == "100%"
    assert "1 baru, 1 diubah" in wizard.apply_page.result_label.text()
    rows = {r.nip: r for r in list_employees(db)}
    assert rows["199204152019032001"].full_name == "Rina Lestari, S.E"
    assert rows[changed_nip.replace(" ", "")].jabatan == "Analis Kebijakan"
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)


def test_errors_block_the_apply_and_export_with_their_messages(qtbot, db, tmp_path, monkeypatch):
    path = edited_export(db, tmp_path, break_row=True)
    before = list_employees(db)
    report = tmp_path / "periksa.xlsx"
    monkeypatch.setattr(SheetFileDialog, "save_path", classmethod(lambda cls, *a: report))
    wizard = open_wizard(qtbot, db)
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.preview_page
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert "Tidak ada yang disimpan" in page.summary.text()
    # Only the problem rows are listed at first, the broken one in red with its message.
    assert page.model.rowCount() == 1
    message = page.model.index(0, 5).data()
    assert "format kolom nip" in message.lower()
    assert page.model.index(0, 0).data() == "4"
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    sheet = openpyxl.load_workbook(report)["Pegawai"]
    headers = [c.value for c in sheet[1]]
    assert headers[-2:] == ["Status Impor", "Pesan Impor"]
    assert sheet.cell(4, len(headers) - 1).value == "KESALAHAN"
    assert "Teks" in sheet.cell(4, len(headers)).value
    assert sheet.max_row == len(wizard.preview.rows) + 1
    assert list_employees(db) == before


def test_a_file_that_is_not_a_workbook_stays_on_the_first_page(qtbot, db, tmp_path):
    bad = tmp_path / "bukan.xlsx"
    bad.write_text("ini bukan excel")
    wizard = open_wizard(qtbot, db)
    qtbot.keyClicks(wizard.file_page.path_edit, str(bad))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.file_page
    assert "bukan.xlsx" in wizard.file_page.error.text()
    wizard.file_page.path_edit.clear()
    qtbot.keyClicks(wizard.file_page.path_edit, str(tmp_path / "tidak-ada.xlsx"))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert "tidak ditemukan" in wizard.file_page.error.text()


def test_the_view_offers_template_and_export(qtbot, db, tmp_path, monkeypatch):
    from kinerja_desktop.gui.register.view import EmployeesView

    targets = iter([tmp_path / "templat.xlsx", tmp_path / "semua.xlsx"])
    monkeypatch.setattr(SheetFileDialog, "save_path", classmethod(lambda cls, *a: next(targets)))
    view = EmployeesView()
    qtbot.addWidget(view)
    view.set_database(db)
    view.set_actor(None)  # reading needs no account
    view.refresh()
    view.action_template.trigger()
    assert openpyxl.load_workbook(tmp_path / "templat.xlsx")["Pegawai"].max_row == 1
    view.action_export.trigger()
    active = [r for r in list_employees(db) if r.active]
    assert openpyxl.load_workbook(tmp_path / "semua.xlsx")["Pegawai"].max_row == len(active) + 1
    assert "diekspor" in view.last_message


def test_the_apply_bar_follows_the_task_progress(qtbot, db, tmp_path):
    """While the import runs the bar shows the service's (done, total) as a percentage."""
    path = edited_export(db, tmp_path, break_row=False)
    wizard = open_wizard(qtbot, db)
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    seen: list[tuple[int, int]] = []
    bar = wizard.apply_page.progress
    bar.valueChanged.connect(lambda value: seen.append((value, bar.maximum())))
    # Hold the single worker thread so the page is still polling when the import starts.
    gate = threading.Event()
    wizard.runner.run(gate.wait)
    try:
        click(qtbot, wizard, QWizard.WizardButton.CommitButton)
        assert bar.maximum() == 0  # busy while nothing is known yet
        state = wizard.apply_page.state
        assert state is not None
        state.set_progress(1, 4)  # a report as the service makes it, before the import runs
        qtbot.waitUntil(lambda: bar.maximum() == 4, timeout=5000)
        assert bar.value() == 1 and bar.text() == "25%"
    finally:
        gate.set()
    qtbot.waitUntil(lambda: wizard.apply_page.done, timeout=10000)
    total = 3 * len(wizard.preview.rows)
    assert wizard.summary is not None and wizard.summary.applied
    assert (bar.value(), bar.maximum()) == (total, total)
    assert seen[0] == (1, 4) and seen[-1] == (total, total)
    assert any(maximum == total for _value, maximum in seen)


def test_the_selected_rows_messages_stand_whole_under_the_table(qtbot, db, tmp_path):
    path = edited_export(db, tmp_path, break_row=True)
    wizard = open_wizard(qtbot, db)
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.preview_page
    row = wizard.preview.rows[[r.row for r in wizard.preview.rows].index(4)]
    full = row.errors[0].worded("id")
    # The first problem row is selected at once and its message reads whole, not elided.
    detail = page.detail.toPlainText()
    assert detail.startswith("Baris 4")
    assert f"• Kesalahan — {row.errors[0].column}: {full}" in detail
    assert page.detail.isVisible() and page.detail.isReadOnly()
    # Another row, clicked like a clerk: its own messages (or that it has none).
    page.show_filter.set_value("all")
    rect = page.table.visualRect(page.model.index(0, 2))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    clicked = page.model.row_at(0)
    assert page.detail.toPlainText().startswith(f"Baris {clicked.row}")
    if not clicked.errors and not clicked.warnings:
        assert "Tidak ada pesan untuk baris ini." in page.detail.toPlainText()


def test_the_file_is_read_once_on_the_worker_thread(qtbot, db, tmp_path, monkeypatch):
    """Preview then apply open the workbook once, off the GUI thread; the apply uses the rows
    the preview read (an edit to the file after the preview changes nothing)."""
    from kinerja_desktop.spreadsheet.reader import SheetReader

    path = edited_export(db, tmp_path, break_row=False)
    opened: list[tuple[Path, threading.Thread]] = []
    real_enter = SheetReader.__enter__

    def spy(reader: SheetReader) -> SheetReader:
        opened.append((reader.path, threading.current_thread()))
        return real_enter(reader)

    monkeypatch.setattr(SheetReader, "__enter__", spy)
    wizard = open_wizard(qtbot, db)
    qtbot.keyClicks(wizard.file_page.path_edit, str(path))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.file_page.previewing  # the click returned before the file was read
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=10000)
    assert [p for p, _ in opened] == [path]
    assert opened[0][1] is not threading.main_thread()
    path.write_text("diganti setelah pratinjau")  # a second read would now be refused
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.apply_page.done, timeout=10000)
    assert wizard.summary is not None and wizard.summary.applied
    assert wizard.summary.created == 1 and wizard.summary.updated == 1
    assert len(opened) == 1
    assert "199204152019032001" in {r.nip for r in list_employees(db)}
