"""after_next_paint: once, after the widget's next paint; at once when it is hidden."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel

from kinerja_desktop.gui.kit.after_paint import after_next_paint


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_hidden_widget_calls_at_once(qtbot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    called: list[int] = []
    after_next_paint(label, lambda: called.append(1), 5000)
    assert called == [1]


def test_a_shown_widget_calls_once_after_it_painted(qtbot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    paints = Paints()
    label.installEventFilter(paints)
    label.show()
    seen: list[int] = []
    after_next_paint(label, lambda: seen.append(paints.count), 5000)
    assert seen == []  # not before the paint
    label.update()
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen[0] >= 1
    label.update()
    qtbot.wait(100)
    assert len(seen) == 1  # once
