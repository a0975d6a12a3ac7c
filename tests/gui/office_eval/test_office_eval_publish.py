"""The office-evaluation dialogs hand what a save changed to the window (one signal), which
refreshes the views that show those kinds; nothing is reloaded by hand in the parent."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kinerja_desktop.gui.office_eval import common
from kinerja_desktop.gui.office_eval.periods import PeriodsDialog
from kinerja_desktop.gui.office_eval.realisations import OfficeRealisationsDialog
from kinerja_desktop.gui.office_eval.realisations_model import COL_CODE, COL_VALUE
from tests.gui.office_eval_helpers import ADMIN, OPERATOR, cell_text, type_in_cell

TODAY = date(2026, 11, 29)


class Window(QWidget):
    """Stands in for the main window: records every ``apply_changes``."""

    def __init__(self) -> None:
        super().__init__()
        self.received = []

    def apply_changes(self, changes) -> None:
        self.received.append(changes)


def _open(qtbot, dialog_class, db, actor):
    window = Window()
    qtbot.addWidget(window)
    dialog = dialog_class(db, actor, parent=window, today=TODAY)
    dialog.show()
    qtbot.waitExposed(dialog)
    return window, dialog


def test_saved_realisations_reach_the_window_as_changes(qtbot, db):
    window, dialog = _open(qtbot, OfficeRealisationsDialog, db, OPERATOR)
    dialog.select("NGL", "2026-Q4")
    rows = range(dialog.model.rowCount())
    r = next(r for r in rows if cell_text(dialog.table, r, COL_CODE) == "IKU-03")
    type_in_cell(qtbot, dialog.table, r, COL_VALUE, "90,25")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "1 realisasi disimpan."
    assert len(window.received) == 1
    assert window.received[0].touches({"indicators"}) and window.received[0].touches(
        {"realisations"}
    )


def test_a_locked_period_reaches_the_window_as_changes(qtbot, db, monkeypatch):
    monkeypatch.setattr(common.Confirm, "ask", classmethod(lambda cls, *a: True))
    window, dialog = _open(qtbot, PeriodsDialog, db, ADMIN)
    dialog.select_period("2026-Q2")
    qtbot.mouseClick(dialog.lock_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Triwulan II 2026 dikunci."
    assert [sorted(c.kinds) for c in window.received] == [["evaluations", "periods"]]
