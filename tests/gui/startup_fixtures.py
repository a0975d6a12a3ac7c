"""The start-up tests' window, task runner and ``Startup``, and their recorded message boxes
(shared by tests/gui/test_app.py and tests/gui/test_startup_health.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from kinerja_desktop.gui.admin.common import Question
from kinerja_desktop.gui.admin.login import LoginDialog
from kinerja_desktop.gui.kit.dialogs import MessageBox
from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.startup import Startup


def recording_boxes(monkeypatch: pytest.MonkeyPatch, *, answer: bool) -> dict[str, object]:
    """Record every message box; questions get ``seen["answer"]`` (``answer`` at first)."""
    seen: dict[str, object] = {"error": [], "info": [], "question": [], "answer": answer}

    def question(cls, parent, title, text, **kwargs):
        seen["question"].append(text)
        return seen["answer"]

    monkeypatch.setattr(Question, "ask", classmethod(question))
    monkeypatch.setattr(
        MessageBox, "error", classmethod(lambda cls, p, t, text, **k: seen["error"].append(text))
    )
    monkeypatch.setattr(
        MessageBox, "information", classmethod(lambda cls, p, t, text: seen["info"].append(text))
    )
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, *a, **k: None))
    return seen


@pytest.fixture
def private_settings(tmp_path: Path) -> None:
    """The login remembers the last user name in QSettings: keep it out of the real profile
    (a module uses it with ``pytestmark = pytest.mark.usefixtures("private_settings")``)."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture(name="boxes")
def refusing_boxes(monkeypatch):
    """:func:`recording_boxes` that answer every question with No."""
    return recording_boxes(monkeypatch, answer=False)


@pytest.fixture(name="parts")
def startup_parts(qtbot):
    """A window, its task runner and the ``Startup`` that opens databases into it."""
    window = MainWindow()
    qtbot.addWidget(window)
    runner = TaskRunner(window, progress_delay_ms=50)
    startup = Startup(window, runner)
    yield window, startup, runner
    runner.shutdown()
    startup.release()
    window.close()


def settle(qtbot, startup: Startup, runner: TaskRunner) -> None:
    """Wait for the shown view's rows, then for ``runner`` to be idle: the background check
    and the automatic backup are queued once the rows are in (``window_parts.after_rows``)."""
    view = startup.window.current_view()
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=20_000)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=20_000)
