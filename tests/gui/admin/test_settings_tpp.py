"""The TPP base per kelas jabatan on the "Tabel penilaian" page (issue 20.3): typed in,
saved, shown again, read-only for an operator."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kinerja_desktop.services.admin.settings import load_settings
from tests.gui.admin.test_settings import ADMIN, OPERATOR, _dialog, machine_settings, window

__all__ = ["machine_settings", "window"]  # the fixtures this module borrows


def test_admin_types_a_tpp_base_and_it_is_saved_and_shown_again(qtbot, window, db) -> None:
    dialog = _dialog(qtbot, window, ADMIN)
    spin = dialog.tables.base_spins[9]
    assert spin.value() == 3_800_000 and spin.prefix() == "Rp "  # the demo's invented base
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "3250000")
    spin.interpretText()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = load_settings(db)
    assert saved.tpp_base[9] == 3_250_000 and saved.tpp_base[8] == 3_450_000
    again = _dialog(qtbot, window, ADMIN)
    assert again.tables.base_spins[9].value() == 3_250_000
    assert "3.250.000" in again.tables.base_spins[9].text() or "3,250,000" in (
        again.tables.base_spins[9].text()
    )


def test_an_operator_sees_the_base_read_only(qtbot, window) -> None:
    dialog = _dialog(qtbot, window, OPERATOR)
    assert all(spin.isReadOnly() for spin in dialog.tables.base_spins.values())
