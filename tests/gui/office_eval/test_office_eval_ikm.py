"""The "Survei IKM" dialog: typing the worked example, a wrong answer, saving, posting, import."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from kinerja_desktop.gui.office_eval import common
from kinerja_desktop.gui.office_eval.ikm import IkmSurveyDialog
from kinerja_desktop.gui.office_eval.ikm_model import WEAKEST_COLOUR
from kinerja_desktop.services.office_eval.ikm_sheets import write_ikm_template
from kinerja_desktop.services.office_eval.ikm_survey import get_survey
from kinerja_desktop.services.office_eval.realisations import office_capaian
from tests.cli.test_ikm_cli import example_answers, fill
from tests.gui.office_eval_helpers import OPERATOR, PIMPINAN, cell_text, type_in_cell

BACKGROUND = Qt.ItemDataRole.BackgroundRole
TODAY = date(2026, 11, 29)


def _dialog(qtbot, db, actor=OPERATOR) -> IkmSurveyDialog:
    dialog = IkmSurveyDialog(db, actor, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type_example(qtbot, dialog: IkmSurveyDialog) -> None:
    for r, answers in enumerate(example_answers()):
        for c, value in enumerate(answers):
            type_in_cell(qtbot, dialog.grid, r, c, str(value))


def test_typing_the_worked_example_shows_its_numbers(qtbot, db):
    dialog = _dialog(qtbot, db)
    dialog.select("NGL", "2026-Q4")
    assert not dialog.save_button.isEnabled()
    _type_example(qtbot, dialog)
    assert dialog.answers_model.rowCount() == 11  # a fresh empty row follows the last respondent
    assert dialog.respondents_label.text() == "10"
    assert dialog.ikm_label.text() == "3,30"
    assert dialog.converted_label.text() == "82,50"
    assert dialog.mutu_label.text() == "B — Baik"
    assert dialog.weakest_label.text().startswith("U9 Penanganan Pengaduan")
    nrr = [cell_text(dialog.nrr_table, r, 2) for r in range(9)]
    assert nrr == ["3,50", "3,10", "3,00", "4,00", "3,20", "3,50", "3,70", "3,00", "2,70"]
    assert dialog.nrr_model.index(8, 1).data(BACKGROUND).color() == WEAKEST_COLOUR  # U9
    assert dialog.nrr_model.index(0, 1).data(BACKGROUND) is None
    assert dialog.save_button.isEnabled()


def test_an_answer_outside_1_to_4_is_marked_and_blocks_saving(qtbot, qtmodeltester, db):
    dialog = _dialog(qtbot, db)
    dialog.select("NGL", "2026-Q4")
    dialog.set_answers(example_answers())
    type_in_cell(qtbot, dialog.grid, 2, 4, "7")
    assert dialog.status.text() == "Responden 3, U5: jawaban harus 1 sampai 4, bukan 7."
    assert dialog.answers_model.index(2, 4).data(BACKGROUND).color() == common.INVALID_COLOUR
    assert not dialog.save_button.isEnabled() and dialog.converted_label.text() == "–"
    type_in_cell(qtbot, dialog.grid, 2, 4, "3")
    assert dialog.status.text() == "" and dialog.save_button.isEnabled()
    qtmodeltester.check(dialog.answers_model)
    qtmodeltester.check(dialog.nrr_model)


def test_save_replace_after_question_and_post(qtbot, db, monkeypatch):
    asked = []
    monkeypatch.setattr(
        common.Confirm, "ask", classmethod(lambda cls, *a: asked.append(a[1]) or True)
    )
    dialog = _dialog(qtbot, db)
    dialog.select("NGL", "2026-Q4")
    dialog.set_answers(example_answers())
    qtbot.keyClicks(dialog.note, "Loket PATEN")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    stored = get_survey(db, "NGL", "2026-Q4")
    assert stored is not None and stored.respondents == 10 and stored.note == "Loket PATEN"
    assert stored.report.as_json()["converted"] == "82.50" and asked == []
    assert "Tersimpan: 10 responden" in dialog.stored_label.text()
    assert dialog.post_button.isEnabled() and dialog.indicator.currentData() == "IKU-01"
    qtbot.mouseClick(dialog.post_button, Qt.MouseButton.LeftButton)
    assert "dicatat sebagai realisasi IKU-01" in dialog.status.text()
    assert office_capaian(db, "NGL", "2026-Q4").row("IKU-01").value == Decimal("82.50")
    dialog.set_answers([[4] * 9, [4] * 9])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert asked == ["Ganti survei tersimpan?"]
    assert get_survey(db, "NGL", "2026-Q4").respondents == 2


def test_import_from_a_sheet_fills_the_grid(qtbot, db, monkeypatch, tmp_path):
    template = tmp_path / "t.xlsx"
    write_ikm_template(template)
    sheet = fill(template, tmp_path / "survei.xlsx", example_answers())
    monkeypatch.setattr(common.AskFile, "open", classmethod(lambda cls, *a: sheet))
    dialog = _dialog(qtbot, db)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "10 responden dibaca" in dialog.status.text()
    assert cell_text(dialog.grid, 0, 0) == "4" and dialog.converted_label.text() == "82,50"
    assert get_survey(db, "NGL", dialog.period.code()) is None  # nothing saved yet


def test_a_bad_sheet_names_row_and_column(qtbot, db, monkeypatch, tmp_path):
    template = tmp_path / "t.xlsx"
    write_ikm_template(template)
    rows = example_answers()
    rows[4][8] = 9
    sheet = fill(template, tmp_path / "salah.xlsx", rows)
    monkeypatch.setattr(common.AskFile, "open", classmethod(lambda cls, *a: sheet))
    dialog = _dialog(qtbot, db)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "salah.xlsx: 1 kesalahan; baris 6, kolom U9" in dialog.status.text()


def test_locked_period_and_pimpinan_cannot_save(qtbot, db, monkeypatch):
    codes = []
    monkeypatch.setattr(
        common.ErrorBox,
        "show",
        classmethod(lambda cls, p, t, err, lang="id": codes.append(err.code)),
    )
    dialog = _dialog(qtbot, db)
    dialog.select("NGL", "2026-Q1")
    dialog.set_answers(example_answers())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert codes == ["office_eval.period_locked"] and get_survey(db, "NGL", "2026-Q1") is None
    viewer = _dialog(qtbot, db, PIMPINAN)
    viewer.set_answers(example_answers())
    assert not viewer.save_button.isEnabled() and not viewer.grid.isEnabled()
