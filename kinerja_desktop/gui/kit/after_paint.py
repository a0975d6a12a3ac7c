"""Run something once a widget has drawn itself, or at once when it will not draw.

Work that takes the interpreter (a read on a worker, the open's imports) waits until the rows
it follows are on screen: beside a paint it took the GUI thread the interpreter at every cell
drawn (issue 16). A hidden or minimised window never paints, so a timer ends the wait.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _Once(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], object] | None = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self.go)  # after this paint has ended
        return False

    def go(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._widget.removeEventFilter(self)
            self.deleteLater()
            then()


def after_next_paint(widget: QWidget, then: Callable[[], object], wait_ms: int) -> None:
    """Call ``then`` once: after ``widget``'s next paint, after ``wait_ms`` at the latest, or at
    once when the widget is hidden. Nothing is called if the widget is deleted first."""
    if not widget.isVisible():
        then()
        return
    once = _Once(widget, then)
    QTimer.singleShot(wait_ms, once, once.go)
