"""The "Predikat organisasi" and "Periode dan batas waktu" dialogs, and the "Kantor" menu."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor

from kinerja_desktop.domain.enums import OrgPredikat
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.office_eval import common
from kinerja_desktop.gui.office_eval.org_predikat import OrgPredikatDialog
from kinerja_desktop.gui.office_eval.org_predikat_model import COL_DISTRIBUTION
from kinerja_desktop.gui.office_eval.periods import PeriodsDialog
from kinerja_desktop.services.office_eval.org_predikat import get_org_predikat
from kinerja_desktop.services.office_eval.periods import is_locked, list_period_settings
from tests.gui.conftest import wait_loaded
from tests.gui.office_eval_helpers import ADMIN, OPERATOR, PIMPINAN, cell_text, type_in_cell

TODAY = date(2026, 11, 29)


@pytest.fixture
def errors(monkeypatch):
    codes: list[str] = []
    monkeypatch.setattr(
        common.ErrorBox,
        "show",
        classmethod(lambda cls, parent, title, err, lang="id": codes.append(err.code)),
    )
    return codes


def _show(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    if isinstance(dialog, OrgPredikatDialog):  # its rows are read on the worker
        wait_loaded(qtbot, dialog)
    return dialog


# -- organisation predikat -------------------------------------------------------------------


def test_org_dialog_sets_a_kelurahan_predikat(qtbot, qtmodeltester, db):
    dialog = _show(qtbot, OrgPredikatDialog(db, ADMIN, today=TODAY))
    assert dialog.period.code() == "2026-Q3"
    offices = [row.office_code for row in dialog.rows]
    assert offices[0] == "NGL" and "PKM-NGL" in offices
    assert "PKM-NGL" not in {dialog.rows[r].office_code for r in dialog.combos}
    combo = dialog.table.findChild(type(next(iter(dialog.combos.values()))), "predikat_NGL-GRL")
    combo.setCurrentIndex(combo.findText("Istimewa"))
    r = next(r for r, row in enumerate(dialog.rows) if row.office_code == "NGL-GRL")
    type_in_cell(qtbot, dialog.table, r, 3, "Rapat evaluasi triwulan")
    qtmodeltester.check(dialog.model)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, dialog)
    assert dialog.status.text() == "1 predikat organisasi disimpan."
    assert get_org_predikat(db, "NGL-GRL", "2026-Q3") == OrgPredikat.ISTIMEWA


def test_org_dialog_shows_distribution_warnings(qtbot, db):
    dialog = _show(qtbot, OrgPredikatDialog(db, ADMIN, today=TODAY))
    assert not dialog.is_loading()
    dialog.select_period("2026-Q1")
    assert dialog.is_loading() and dialog.status.text() == "Memuat…"  # read on the worker
    wait_loaded(qtbot, dialog)
    r = next(r for r, row in enumerate(dialog.rows) if row.office_code == "NGL-KLO")
    text = cell_text(dialog.table, r, COL_DISTRIBUTION)
    assert "paling banyak 70%" in text and "harus ada pegawai" in text
    warned = dialog.model.index(r, COL_DISTRIBUTION).data(Qt.ItemDataRole.ForegroundRole)
    assert warned.color() == QColor(Qt.GlobalColor.darkRed)
    assert not dialog.combos and not dialog.save_button.isEnabled()  # Q1 is locked
    assert "terkunci" in dialog.status.text()


def _heights_on_q1(qtbot, dialog) -> tuple[list[int], list[int]]:
    """The rows' heights on 2026-Q1 (long distribution warnings) as the rows arrive and a
    moment later."""
    _show(qtbot, dialog)
    dialog.select_period("2026-Q1")
    wait_loaded(qtbot, dialog)
    header = dialog.table.verticalHeader()
    at_once = [header.sectionSize(r) for r in range(dialog.model.rowCount())]
    qtbot.wait(300)  # the remaining chunks, a turn of the event loop each
    return at_once, [header.sectionSize(r) for r in range(dialog.model.rowCount())]


def test_org_rows_fit_their_texts_a_few_rows_per_turn(qtbot, db, monkeypatch):
    # A city's 139 offices fitted at once held the GUI thread 150 ms: a chunk per turn of the
    # event loop, ending with the heights fitting every row at once gave.
    from kinerja_desktop.gui.office_eval import org_predikat

    monkeypatch.setattr(org_predikat, "FIT_CHUNK", 2)
    first_turn, chunked = _heights_on_q1(qtbot, OrgPredikatDialog(db, ADMIN, today=TODAY))
    assert len(chunked) > 2 * org_predikat.FIT_CHUNK
    assert first_turn != chunked  # not all fitted in the first turn
    monkeypatch.setattr(
        OrgPredikatDialog, "_fit_rows", lambda self, *a: self.table.resizeRowsToContents()
    )
    _, all_at_once = _heights_on_q1(qtbot, OrgPredikatDialog(db, ADMIN, today=TODAY))
    assert chunked == all_at_once
    assert len(set(chunked)) > 1  # the warned rows are taller than one line


def test_org_dialog_for_pimpinan_is_read_only(qtbot, db):
    dialog = _show(qtbot, OrgPredikatDialog(db, PIMPINAN, today=TODAY))
    assert not dialog.combos and not dialog.save_button.isEnabled()


# -- periods ---------------------------------------------------------------------------------


def test_periods_dialog_changes_a_deadline(qtbot, db):
    dialog = _show(qtbot, PeriodsDialog(db, ADMIN, today=TODAY))
    editor = dialog.table.findChild(type(dialog.editors[0]), "deadline_2026-Q3")
    editor.setDate(QDate(2026, 10, 20))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "1 batas waktu disimpan."
    q3 = next(r for r in list_period_settings(db, 2026) if r.period == "2026-Q3")
    assert q3.deadline == date(2026, 10, 20)


def test_deadline_outside_the_year_is_refused(qtbot, db, errors):
    dialog = _show(qtbot, PeriodsDialog(db, ADMIN, today=TODAY))
    dialog.editors[1].setDate(QDate(2027, 1, 5))  # Triwulan II
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert errors == ["office_eval.deadline_year"]
    q2 = next(r for r in list_period_settings(db, 2026) if r.period == "2026-Q2")
    assert q2.deadline == date(2026, 7, 10)


def test_lock_after_deadline_without_question(qtbot, db, monkeypatch):
    asked = []
    monkeypatch.setattr(common.Confirm, "ask", classmethod(lambda cls, *a: asked.append(a) or True))
    dialog = _show(qtbot, PeriodsDialog(db, ADMIN, today=TODAY))
    dialog.select_period("2026-Q2")
    assert dialog.lock_button.isEnabled() and not dialog.reopen_button.isEnabled()
    qtbot.mouseClick(dialog.lock_button, Qt.MouseButton.LeftButton)
    assert asked == [] and is_locked(db, "2026-Q2")
    assert dialog.status.text() == "Triwulan II 2026 dikunci."


def test_lock_before_deadline_asks_and_no_keeps_it_open(qtbot, db, monkeypatch):
    answers = [False, True]
    monkeypatch.setattr(common.Confirm, "ask", classmethod(lambda cls, *a: answers.pop(0)))
    dialog = _show(qtbot, PeriodsDialog(db, ADMIN, today=TODAY))
    dialog.select_period("2026-Q4")
    qtbot.mouseClick(dialog.lock_button, Qt.MouseButton.LeftButton)
    assert not is_locked(db, "2026-Q4")
    dialog.select_period("2026-Q4")
    qtbot.mouseClick(dialog.lock_button, Qt.MouseButton.LeftButton)
    assert is_locked(db, "2026-Q4") and answers == []


def test_reopen_asks_for_the_reason(qtbot, db, monkeypatch, errors):
    replies = ["", "Koreksi realisasi IKU-02"]
    monkeypatch.setattr(common.AskText, "ask", classmethod(lambda cls, *a: replies.pop(0)))
    dialog = _show(qtbot, PeriodsDialog(db, ADMIN, today=TODAY))
    dialog.select_period("2026-Q1")
    assert dialog.reopen_button.isEnabled() and not dialog.lock_button.isEnabled()
    qtbot.mouseClick(dialog.reopen_button, Qt.MouseButton.LeftButton)
    assert errors == ["office_eval.reason_required"] and is_locked(db, "2026-Q1")
    qtbot.mouseClick(dialog.reopen_button, Qt.MouseButton.LeftButton)
    assert not is_locked(db, "2026-Q1")
    q1 = next(r for r in list_period_settings(db, 2026) if r.period == "2026-Q1")
    assert q1.lock_reason == "Dibuka kembali: Koreksi realisasi IKU-02"


def test_periods_dialog_for_operator_changes_nothing(qtbot, db):
    dialog = _show(qtbot, PeriodsDialog(db, OPERATOR, today=TODAY))
    dialog.select_period("2026-Q2")
    assert not dialog.save_button.isEnabled() and not dialog.lock_button.isEnabled()
    assert not dialog.editors[0].isEnabled()


# -- the menu --------------------------------------------------------------------------------


def test_kantor_menu_follows_the_signed_in_roles(qtbot, db):
    window = MainWindow()
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Kantor") == titles.index("A&dministrasi") - 1
    menu = window.menu_office_eval  # type: ignore[attr-defined]
    names = [a.objectName() for a in menu.actions()]
    assert names == [
        "action_office_realisations",
        "action_ikm_survey",
        "action_org_predikat",
        "action_periods",
    ]
    assert not any(a.isEnabled() for a in menu.actions())  # no database, nobody signed in
    window.set_database(db)
    window.set_actor(OPERATOR)
    enabled = {a.objectName(): a.isEnabled() for a in menu.actions()}
    assert enabled == dict.fromkeys(names[:3], True) | {"action_periods": False}
    window.set_actor(ADMIN)
    assert all(a.isEnabled() for a in menu.actions())
    window.set_actor(PIMPINAN)
    enabled = {a.objectName(): a.isEnabled() for a in menu.actions()}
    assert enabled == {n: n == "action_org_predikat" for n in names}
    window.set_actor(None)
    assert not any(a.isEnabled() for a in menu.actions())


def test_menu_action_opens_the_dialog(qtbot, db):
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_database(db)
    window.set_actor(ADMIN)
    action = next(
        a for a in window.menu_office_eval.actions() if a.objectName() == "action_periods"
    )  # type: ignore[attr-defined]
    action.trigger()
    dialog = window.findChild(PeriodsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.rows and dialog.year.value() == date.today().year
    dialog.close()
