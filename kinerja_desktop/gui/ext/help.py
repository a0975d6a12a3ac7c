"""Window extension: the Bantuan (help) menu: the guide (F1) and the keyboard shortcuts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from kinerja_desktop.gui.help.dialog import SHORTCUTS, HelpDialog

if TYPE_CHECKING:
    from kinerja_desktop.gui.main_window import MainWindow

_CONTEXT = "HelpMenu"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def show_help(window: MainWindow, topic: str | None = None) -> HelpDialog:
    """Open (or raise) the help window on ``topic``, by default the current view's guide."""
    dialog = getattr(window, "help_dialog", None)
    if dialog is None:
        dialog = HelpDialog(window, lang=window.lang, shortcuts_from=window)
        window.help_dialog = dialog  # type: ignore[attr-defined]
    dialog.show_topic(topic or window.current_view().NAME)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def install(window: MainWindow) -> None:
    """Add Bantuan › Panduan (F1) and Pintasan keyboard above "Tentang"."""
    guide = QAction(_tr("&Panduan"), window)
    guide.setObjectName("action_help_guide")
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    guide.triggered.connect(lambda: show_help(window))
    keys = QAction(_tr("Pintasan &keyboard"), window)
    keys.setObjectName("action_help_shortcuts")
    keys.triggered.connect(lambda: show_help(window, SHORTCUTS))
    window.menu_help.insertAction(window.action_about, guide)
    window.menu_help.insertAction(window.action_about, keys)
    window.menu_help.insertSeparator(window.action_about)
    window.action_help_guide = guide  # type: ignore[attr-defined]
    window.action_help_shortcuts = keys  # type: ignore[attr-defined]
