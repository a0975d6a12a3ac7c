"""The one confirmation: Indonesian buttons, "Batal" the default before destructive actions."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from kinerja_desktop.gui.kit.dialogs import Confirm


def _answer_with(qtbot, key=None, button_text=None, seen=None):
    """Act on the box once it is open: press ``key`` or click the button named ``button_text``."""

    def act():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        if seen is not None:
            seen.append((box.objectName(), [b.text() for b in box.findChildren(QPushButton)]))
            seen.append(box.defaultButton().text())
        if key is not None:
            qtbot.keyClick(box, key)
        else:
            button = next(b for b in box.findChildren(QPushButton) if b.text() == button_text)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)


def test_enter_on_a_destructive_question_answers_no(qtbot):
    seen: list = []
    _answer_with(qtbot, key=Qt.Key.Key_Return, seen=seen)
    assert Confirm.ask(None, "Hapus pegawai", "Hapus Budi?", "Hapus") is False
    assert seen[0][0] == "confirm_box" and sorted(seen[0][1]) == ["Batal", "Hapus"]
    assert seen[1] == "Batal"


def test_clicking_yes_answers_yes_and_the_default_text_is_indonesian(qtbot):
    seen: list = []
    _answer_with(qtbot, button_text="Ya, lanjutkan", seen=seen)
    assert Confirm.ask(None, "Salin katalog", "Salin?") is True
    assert sorted(seen[0][1]) == ["Batal", "Ya, lanjutkan"]


def test_a_harmless_offer_defaults_to_yes(qtbot):
    seen: list = []
    _answer_with(qtbot, key=Qt.Key.Key_Return, seen=seen)
    assert Confirm.ask(None, "Kertas F4 tidak tersedia", "Cetak pada A4?", "Ya", default_yes=True)
    assert seen[1] == "Ya"


def test_the_one_period_picker_takes_codes_too(qtbot):
    from kinerja_desktop.gui.kit.period_combo import PeriodCombo
    from kinerja_desktop.gui.office_eval.common import PeriodCodeCombo

    assert PeriodCodeCombo is PeriodCombo
    combo = PeriodCombo()
    qtbot.addWidget(combo)
    changes: list[int] = []
    combo.currentIndexChanged.connect(changes.append)
    combo.set_codes(["2026-Q1", "2026-Q2", "2026"], "2026-Q2")
    assert changes == []  # filling never signals
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Triwulan I 2026",
        "Triwulan II 2026",
        "Tahun 2026",
    ]
    assert combo.code() == "2026-Q2"
    assert combo.select("2026") and combo.code() == "2026" and changes == [2]
    assert not combo.select("2030-Q1")
    combo.set_codes(["2026-Q1"], "2030")
    assert combo.code() == "2026-Q1"


def test_a_refused_action_shows_the_one_error_dialog(qtbot):
    from kinerja_desktop.gui.kit.dialogs import MessageBox
    from kinerja_desktop.gui.kit.errors import ErrorDialog

    seen: list = []

    def act():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, act)
            return
        seen.append(box)
        seen.append((box.windowTitle(), box.message_label.text(), box.details))
        box.accept()

    QTimer.singleShot(0, act)
    MessageBox.error(None, "Paket ditolak", "Tanda tangan tidak cocok.", detail="Minta paket baru.")
    assert isinstance(seen[0], ErrorDialog) and seen[0].objectName() == "error_dialog"
    assert seen[1] == ("Paket ditolak", "Tanda tangan tidak cocok.", None)


def test_inline_messages_share_one_style(qtbot):
    from kinerja_desktop.gui.admin.users import error_label as admin_label
    from kinerja_desktop.gui.kit.errors import INLINE_ERROR_STYLE
    from kinerja_desktop.gui.office_eval.common import StatusLine
    from kinerja_desktop.gui.plans.common import error_label as plans_label

    line = StatusLine()
    qtbot.addWidget(line)
    line.problem("Periode dikunci.")
    styles = {line.styleSheet(), admin_label().styleSheet(), plans_label().styleSheet()}
    assert styles == {INLINE_ERROR_STYLE}
