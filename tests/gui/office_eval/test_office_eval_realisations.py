"""The "Realisasi IKU kantor" dialog: typing realisations, live capaian, saving, refusals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from kinerja_desktop.gui.office_eval import common
from kinerja_desktop.gui.office_eval.realisations import OfficeRealisationsDialog
from kinerja_desktop.gui.office_eval.realisations_model import (
    COL_CAPAIAN,
    COL_CATEGORY,
    COL_CODE,
    COL_NOTE,
    COL_VALUE,
)
from kinerja_desktop.services.office_eval.realisations import office_capaian
from tests.gui.office_eval_helpers import OPERATOR, PIMPINAN, cell_text, type_in_cell

TODAY = date(2026, 11, 29)


def _dialog(qtbot, db, actor=OPERATOR) -> OfficeRealisationsDialog:
    dialog = OfficeRealisationsDialog(db, actor, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _row_of(dialog: OfficeRealisationsDialog, code: str) -> int:
    rows = range(dialog.model.rowCount())
    return next(r for r in rows if cell_text(dialog.table, r, COL_CODE) == code)


def test_opens_on_the_last_ended_period_of_the_home_office(qtbot, db):
    dialog = _dialog(qtbot, db)
    assert dialog.office.code() == "NGL" and dialog.period.code() == "2026-Q3"
    assert dialog.model.rowCount() == 7
    assert dialog.overall.text() == "Capaian IKU kantor Triwulan III 2026: 83,14% (Tinggi)"
    assert dialog.save_button.isEnabled()


def test_typing_shows_capaian_live_and_saving_stores_it(qtbot, qtmodeltester, db):
    dialog = _dialog(qtbot, db)
    dialog.select("NGL", "2026-Q4")
    r = _row_of(dialog, "IKU-03")  # target 95
    type_in_cell(qtbot, dialog.table, r, COL_VALUE, "90,25")
    assert cell_text(dialog.table, r, COL_CAPAIAN) == "95,00"
    assert cell_text(dialog.table, r, COL_CATEGORY) == "Sangat Tinggi"
    qtmodeltester.check(dialog.model)
    type_in_cell(qtbot, dialog.table, r, COL_NOTE, "Register PATEN")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "1 realisasi disimpan."
    stored = office_capaian(db, "NGL", "2026-Q4").row("IKU-03")
    assert stored.value == Decimal("90.25") and stored.note == "Register PATEN"
    assert "95,00%" in dialog.overall.text()


def test_a_word_instead_of_a_number_is_marked_and_nothing_saved(qtbot, db, monkeypatch):
    shown = []
    monkeypatch.setattr(common.ErrorBox, "show", classmethod(lambda cls, *a: shown.append(a)))
    dialog = _dialog(qtbot, db)
    dialog.select("NGL", "2026-Q4")
    r = _row_of(dialog, "IKU-05")
    type_in_cell(qtbot, dialog.table, _row_of(dialog, "IKU-03"), COL_VALUE, "90")
    type_in_cell(qtbot, dialog.table, r, COL_VALUE, "sembilan")
    assert "harus berupa angka" in dialog.status.text()
    marked = dialog.model.index(r, COL_VALUE).data(Qt.ItemDataRole.BackgroundRole)
    assert marked.color() == common.INVALID_COLOUR
    assert cell_text(dialog.table, r, COL_CAPAIAN) == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Perbaiki dulu IKU-05" in dialog.status.text()
    assert office_capaian(db, "NGL", "2026-Q4").row("IKU-03").value is None
    assert shown == []


def test_a_refused_save_is_shown_in_one_sentence(qtbot, db, monkeypatch):
    shown = []
    monkeypatch.setattr(
        common.ErrorBox,
        "show",
        classmethod(lambda cls, parent, title, err, lang="id": shown.append(err.code)),
    )
    dialog = _dialog(qtbot, db)
    dialog.select("NGL", "2026-Q4")
    type_in_cell(qtbot, dialog.table, _row_of(dialog, "IKU-04"), COL_VALUE, "-3")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert shown == ["office_eval.negative_count"]
    assert dialog.status.text() == "Tidak ada yang disimpan."
    assert office_capaian(db, "NGL", "2026-Q4").row("IKU-04").value is None


def test_locked_period_other_office_and_pimpinan_are_read_only(qtbot, db):
    dialog = _dialog(qtbot, db)
    dialog.select("NGL", "2026-Q1")
    assert "terkunci" in dialog.notice.text() and not dialog.save_button.isEnabled()
    assert not dialog.model.flags(dialog.model.index(0, COL_VALUE)) & Qt.ItemFlag.ItemIsEditable
    dialog.select("NGL-GRL", "2026-Q3")
    assert "database kantor itu sendiri" in dialog.notice.text()
    viewer = _dialog(qtbot, db, PIMPINAN)
    assert not viewer.save_button.isEnabled() and "hanya dapat melihat" in viewer.notice.text()


def test_screenshot(qtbot, db, tmp_path):
    dialog = _dialog(qtbot, db)
    path = tmp_path / "realisasi.png"
    assert dialog.grab().save(str(path)) and path.stat().st_size > 0


def test_export_edit_and_import_after_confirmation(qtbot, db, monkeypatch, tmp_path):
    import openpyxl

    path = tmp_path / "realisasi.xlsx"
    asked = []
    monkeypatch.setattr(common.AskFile, "save", classmethod(lambda cls, *a: path))
    monkeypatch.setattr(common.AskFile, "open", classmethod(lambda cls, *a: path))
    monkeypatch.setattr(
        common.Confirm, "ask", classmethod(lambda cls, *a: asked.append(a[2]) or True)
    )
    dialog = _dialog(qtbot, db)
    dialog.select("NGL", "2026-Q4")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Diekspor ke" in dialog.status.text() and path.exists()
    workbook = openpyxl.load_workbook(path)
    workbook["Realisasi IKU"].cell(4, 5).value = 90.25
    workbook.save(path)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and asked[0].startswith("1 realisasi baru")
    assert dialog.status.text() == "1 realisasi diimpor."
    assert office_capaian(db, "NGL", "2026-Q4").row("IKU-03").value == Decimal("90.25")
    assert cell_text(dialog.table, _row_of(dialog, "IKU-03"), COL_CAPAIAN) == "95,00"


def test_import_with_errors_lists_them_and_saves_nothing(qtbot, db, monkeypatch, tmp_path):
    import openpyxl

    from kinerja_desktop.services.office_eval.realisation_sheets import export_office_realisations

    path = tmp_path / "salah.xlsx"
    export_office_realisations(db, path, "NGL", "2026-Q4")
    workbook = openpyxl.load_workbook(path)
    workbook["Realisasi IKU"].cell(4, 5).value = "sembilan puluh"
    workbook.save(path)
    monkeypatch.setattr(common.AskFile, "open", classmethod(lambda cls, *a: path))
    dialog = _dialog(qtbot, db)
    dialog.select("NGL", "2026-Q4")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "salah.xlsx: 1 kesalahan" in dialog.status.text()
    assert "baris 4, kolom Realisasi" in dialog.status.text()
    assert office_capaian(db, "NGL", "2026-Q4").row("IKU-03").value is None


def test_the_checked_rows_are_the_ones_saved(qtbot, db, monkeypatch, tmp_path):
    """The check and the save after the confirmation open the file once: the save uses the
    rows the check read, even if the file changed in between."""
    import openpyxl

    from kinerja_desktop.services.office_eval.realisation_sheets import export_office_realisations
    from kinerja_desktop.spreadsheet.reader import SheetReader

    path = tmp_path / "realisasi.xlsx"
    export_office_realisations(db, path, "NGL", "2026-Q4")
    workbook = openpyxl.load_workbook(path)
    workbook["Realisasi IKU"].cell(4, 5).value = 90.25
    workbook.save(path)
    opened = []
    real_enter = SheetReader.__enter__
    monkeypatch.setattr(
        SheetReader, "__enter__", lambda reader: opened.append(reader.path) or real_enter(reader)
    )

    def confirm_then_break_the_file(cls, *args):
        path.write_text("bukan lagi lembar kerja")
        return True

    monkeypatch.setattr(common.AskFile, "open", classmethod(lambda cls, *a: path))
    monkeypatch.setattr(common.Confirm, "ask", classmethod(confirm_then_break_the_file))
    dialog = _dialog(qtbot, db)
    dialog.select("NGL", "2026-Q4")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "1 realisasi diimpor."
    assert opened == [path]
    assert office_capaian(db, "NGL", "2026-Q4").row("IKU-03").value == Decimal("90.25")
