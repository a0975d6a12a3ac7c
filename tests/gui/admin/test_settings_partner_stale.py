"""Pengaturan: the days after which a partner's package is overdue (issue 20 reminders)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kinerja_desktop.gui.admin.settings import SettingsDialog
from kinerja_desktop.services.admin.settings import load_settings
from tests.gui.admin.test_settings import (  # noqa: F401  (fixtures)
    ADMIN,
    OPERATOR,
    _dialog,
    _set_spin,
    machine_settings,
    window,
)


def test_admin_sets_the_partner_stale_days(qtbot, window, db) -> None:  # noqa: F811
    dialog = _dialog(qtbot, window, ADMIN)
    spin = dialog.stale_spin
    assert spin.isEnabled() and spin.value() == 14  # the default
    _set_spin(qtbot, spin, "30")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert load_settings(db).partner_stale_days == 30
    again = _dialog(qtbot, window, OPERATOR)
    assert again.stale_spin.value() == 30 and not again.stale_spin.isEnabled()
