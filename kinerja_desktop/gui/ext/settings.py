"""Window extension: Berkas > Pengaturan… opens the Settings dialog (:mod:`gui.settings`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from kinerja_desktop.gui.admin.settings import SettingsDialog, SettingsOutcome
from kinerja_desktop.gui.kit.dialogs import MessageBox
from kinerja_desktop.gui.kit.list_view import ALL

if TYPE_CHECKING:
    from kinerja_desktop.gui.main_window import MainWindow

_CONTEXT = "SettingsMenu"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def open_settings(window: MainWindow) -> SettingsDialog:
    """Build the dialog for the window's database and user (tests drive it directly)."""
    info = window.info
    office = info.home_office.code if info is not None and info.home_office else None
    return SettingsDialog(
        window, db=window.database, actor=window.actor, home_office=office, lang=window.lang
    )


def report(window: MainWindow, outcome: SettingsOutcome | None) -> None:
    """Tell the user what was saved: the status bar, and a box when a restart is needed."""
    if outcome is None:
        return
    if outcome.settings_saved or outcome.letterhead_saved:
        # Bands, thresholds and the evaluation frequency change what every view shows.
        window.notify_changed(ALL)
        window.statusBar().showMessage(_tr("Pengaturan disimpan."), 8000)
    if outcome.language_changed:
        MessageBox.information(
            window,
            _tr("Bahasa tampilan"),
            _tr("Bahasa baru dipakai setelah Kinerja Desktop ditutup dan dibuka kembali."),
        )


def install(window: MainWindow) -> None:
    """Add Berkas > Pengaturan… (Ctrl+,) above Keluar."""
    action = QAction(_tr("&Pengaturan…"), window)
    action.setObjectName("action_settings")
    action.setShortcut(QKeySequence("Ctrl+,"))
    action.setMenuRole(QAction.MenuRole.PreferencesRole)

    def run() -> None:
        dialog = open_settings(window)
        dialog.exec()
        report(window, dialog.outcome)

    action.triggered.connect(run)
    window.menu_file.insertAction(window.action_quit, action)
    window.menu_file.insertSeparator(window.action_quit)
    window.action_settings = action  # type: ignore[attr-defined]
