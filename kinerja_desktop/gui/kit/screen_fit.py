"""Every window fits the office screen: 1366×768 with a taskbar, still usable at 1280×720.

One application-wide event filter clamps each top-level dialog and main window, when it is
first shown, to the screen's available geometry less a title bar, and moves it inside. Dialogs
keep their preferred size where it fits; the ones that would be taller than the screen scroll
or split themselves, so clamping never hides their buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

# The window manager's title bar is not part of a window's geometry but takes screen space.
TITLE_BAR = 32
# A window border on each side (Windows 10 draws about 8 px, partly invisible).
FRAME = 8
_FITTED = "kinerja_screen_fitted"


def usable_area(widget: QWidget) -> QRect:
    """Where a window of ``widget`` may lie: its screen's available geometry, less a title bar."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().adjusted(0, TITLE_BAR, 0, 0)


def fit_window(widget: QWidget) -> None:
    """Shrink ``widget`` (with its frame) to the usable area where it is larger, then move it
    inside."""
    area = usable_area(widget)
    frame = widget.frameGeometry()
    # Before the window exists its frame is unknown: assume a border like Windows 10's.
    extra_w = max(frame.width() - widget.width(), 2 * FRAME)
    extra_h = max(frame.height() - widget.height(), 2 * FRAME)
    width = min(widget.width(), area.width() - extra_w)
    height = min(widget.height(), area.height() - extra_h)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    left = area.left() + extra_w // 2
    top = area.top() + extra_h // 2
    x = max(left, min(widget.x(), area.right() - extra_w // 2 - widget.width() + 1))
    y = max(top, min(widget.y(), area.bottom() - extra_h // 2 - widget.height() + 1))
    if (x, y) != (widget.x(), widget.y()):
        widget.move(x, y)


def keep_size(widget: QWidget) -> None:
    """Show ``widget`` at the size it was given, whatever the screen (snapshots of a chosen
    size are rendered offscreen, where the screen is only a default 800×600)."""
    widget.setProperty(_FITTED, True)


class _ScreenFit(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, (QDialog, QMainWindow))
            and watched.isWindow()
            and not watched.property(_FITTED)
        ):
            watched.setProperty(_FITTED, True)
            fit_window(watched)
        return False


def install_screen_fit(app: QApplication) -> None:
    """Fit every dialog and main window of ``app`` to its screen (once per application)."""
    if app.property(_FITTED):
        return
    app.setProperty(_FITTED, True)
    fit = _ScreenFit(app)
    app.installEventFilter(fit)
