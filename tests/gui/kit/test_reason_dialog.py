"""The shared reason dialog: nothing goes on until a reason is typed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kinerja_desktop.gui.kit.dialogs import ReasonDialog


def test_continue_needs_a_reason_and_returns_it_trimmed(qtbot) -> None:
    dialog = ReasonDialog("Kembalikan", "Mengapa dikembalikan?")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.text, "   ")
    assert not dialog.ok.isEnabled()  # blanks are not a reason
    qtbot.keyClicks(dialog.text, "Bukti belum lengkap. ")
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == ReasonDialog.DialogCode.Accepted
    assert dialog.text.toPlainText().strip() == "Bukti belum lengkap."
