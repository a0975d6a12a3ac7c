"""Regression guard for the PySide6 6.12.0 bug on Python 3.11 (DESIGN.md section 8).

6.12.0 decrements ``None``'s reference count on every Qt call that returns nothing; after a
few thousand calls ``None`` is freed and the process dies in ``none_dealloc``. If this test
fails, the installed PySide6 is one of the broken builds: pin ``PySide6>=6.11,<6.12``.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_eat_none_references(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for n in range(10_000):
        label.setText("x" if n % 2 else "y")
    after = sys.getrefcount(None)
    # Other code may drop a few references meanwhile; the bug drops one per call.
    assert after >= before - 100, f"None lost {before - after} references in 10,000 calls"
