"""Signing in through the real start-up flow as each role, and what each one is offered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.gui.admin.login import LoginDialog
from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.startup import Startup

ACTIONS = ("action_users", "action_password", "action_audit", "action_backups")


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path):
    # The login remembers the last user name in QSettings: keep it out of the real profile.
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))


def answer_login(qtbot, username: str | None, password: str = "") -> None:
    """When the login dialog comes up, type into it and press Masuk (or skip it)."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(20, fill)  # not shown yet
            return
        if username is None:
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
            return
        dialog.username_edit.clear()
        qtbot.keyClicks(dialog.username_edit, username)
        qtbot.keyClicks(dialog.password_edit, password)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)


@pytest.fixture
def started(qtbot, demo_copy: Path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    runner = TaskRunner(window, progress_delay_ms=50)
    startup = Startup(window, runner)
    yield window, startup, runner
    runner.shutdown()
    startup.release()
    window.close()


def visible_actions(window: MainWindow) -> dict[str, bool]:
    return {name: window.findChild(QAction, name).isVisible() for name in ACTIONS}


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("admin", (True, True, True, True)),
        ("operator", (False, True, False, True)),
        ("penilai", (False, True, True, True)),  # the demo penilai is also Pimpinan
        ("pimpinan", (False, True, True, True)),
    ],
)
def test_each_role_is_offered_what_it_may_do(qtbot, started, demo_copy, username, expected):
    window, startup, _runner = started
    answer_login(qtbot, username, f"demo-{username}")
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.start(demo_copy)
    assert window.actor is not None and window.actor.username == username
    assert all(view.actor == window.actor for view in window.views.values())
    assert f"Pengguna: {username}" in window.status_text()
    assert visible_actions(window) == dict(zip(ACTIONS, expected, strict=True))
    assert window.menu_admin.menuAction().isVisible()
    switch = window.findChild(QAction, "action_switch_user")
    assert switch.text() == "Keluar akun / Ganti pengguna…" and switch.isEnabled()
    # The backup dialog offers the restore to the Admin only.
    dialog = window.findChild(QAction, "action_backups")
    dialog.trigger()
    backups = window.findChild(object, "backup_dialog")
    assert backups.make_button.isVisible()
    assert backups.restore_button.isVisible() == (username == "admin")
    backups.reject()


def test_nobody_signed_in_sees_no_administration(qtbot, started, demo_copy):
    window, startup, _runner = started
    answer_login(qtbot, None)
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.start(demo_copy)
    assert window.database is not None and window.actor is None
    assert not any(visible_actions(window).values())
    assert not window.menu_admin.menuAction().isVisible()
    assert window.findChild(QAction, "action_switch_user").text() == "Masuk…"


def test_switching_user_from_the_file_menu(qtbot, started, demo_copy):
    window, startup, _runner = started
    answer_login(qtbot, "operator", "demo-operator")
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.start(demo_copy)
    assert window.actor is not None and window.actor.roles == {Role.OPERATOR}
    answer_login(qtbot, "admin", "demo-admin")
    window.findChild(QAction, "action_switch_user").trigger()
    assert window.actor is not None and window.actor.username == "admin"
    assert visible_actions(window)["action_users"]
    # Signing out without signing in again leaves the window read-only.
    answer_login(qtbot, None)
    window.findChild(QAction, "action_switch_user").trigger()
    assert window.actor is None
    assert all(view.actor is None for view in window.views.values())
