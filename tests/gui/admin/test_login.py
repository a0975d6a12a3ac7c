"""The login dialog: typed sign-ins, clear refusals, the lock-out, the remembered user name,
and the demo accounts shown on a demo database only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.gui.admin.login import LAST_USER_KEY, LoginDialog


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "kinerja.ini"), QSettings.Format.IniFormat)


def make_dialog(qtbot, db, settings, **kwargs) -> LoginDialog:
    dialog = LoginDialog(db, settings=settings, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_and_submit(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username_edit.clear()
    qtbot.keyClicks(dialog.username_edit, username)
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, password)
    submit(qtbot, dialog)


def submit(qtbot, dialog: LoginDialog) -> None:
    """Click Masuk and wait for the runner's answer (the password is checked off the GUI)."""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)


@pytest.mark.parametrize(
    ("username", "password", "roles"),
    [
        ("admin", "demo-admin", {Role.ADMIN}),
        ("operator", "demo-operator", {Role.OPERATOR}),
        ("penilai", "demo-penilai", {Role.PENILAI, Role.PIMPINAN}),
        ("pimpinan", "demo-pimpinan", {Role.PIMPINAN}),
    ],
)
def test_each_demo_account_signs_in(qtbot, db, settings, username, password, roles):
    dialog = make_dialog(qtbot, db, settings, is_demo=True)
    type_and_submit(qtbot, dialog, username, password)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.actor is not None
    assert dialog.actor.username == username and dialog.actor.roles == roles
    assert settings.value(LAST_USER_KEY) == username
    # The next dialog starts with the same user name and the cursor in the password field.
    again = make_dialog(qtbot, db, settings)
    assert again.username_edit.text() == username
    assert again.focusWidget() is again.password_edit


def test_penilai_account_carries_its_employee(qtbot, db, settings):
    dialog = make_dialog(qtbot, db, settings)
    type_and_submit(qtbot, dialog, "penilai", "demo-penilai")
    assert dialog.actor is not None and dialog.actor.employee_uuid


def test_demo_accounts_listed_on_a_demo_database_and_fill_the_form(qtbot, db, settings):
    dialog = make_dialog(qtbot, db, settings, is_demo=True)
    assert dialog.demo_list is not None and dialog.demo_box is not None
    assert dialog.demo_box.isVisible()
    shown = [
        (dialog.demo_list.topLevelItem(i).text(0), dialog.demo_list.topLevelItem(i).text(1))
        for i in range(dialog.demo_list.topLevelItemCount())
    ]
    assert shown == [
        ("admin", "demo-admin"),
        ("operator", "demo-operator"),
        ("penilai", "demo-penilai"),
        ("pimpinan", "demo-pimpinan"),
    ]
    item = dialog.demo_list.topLevelItem(3)
    rect = dialog.demo_list.visualItemRect(item)
    qtbot.mouseClick(dialog.demo_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.username_edit.text() == "pimpinan"
    submit(qtbot, dialog)
    assert dialog.actor is not None and dialog.actor.roles == {Role.PIMPINAN}


def test_a_real_office_shows_no_demo_accounts(qtbot, empty_db, settings):
    dialog = make_dialog(qtbot, empty_db, settings, is_demo=False)
    assert dialog.demo_box is None
    assert dialog.findChild(object, "demo_accounts") is None
    type_and_submit(qtbot, dialog, "admin", "rahasia-kantor")
    assert dialog.actor is not None and dialog.actor.has(Role.ADMIN)


def test_wrong_password_says_how_many_tries_are_left(qtbot, db, settings):
    dialog = make_dialog(qtbot, db, settings)
    type_and_submit(qtbot, dialog, "operator", "bukan-sandinya")
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == (
        "Kata sandi salah. Sisa 4 kali percobaan sebelum akun dikunci 5 menit."
    )
    assert dialog.password_edit.text() == ""  # cleared for the next try
    assert settings.value(LAST_USER_KEY) is None


def test_unknown_user_is_named(qtbot, db, settings):
    dialog = make_dialog(qtbot, db, settings)
    type_and_submit(qtbot, dialog, "siti", "apa-saja-123")
    assert dialog.actor is None
    assert dialog.error_label.text() == "Nama pengguna siti tidak dikenal di database ini."


def test_empty_fields_are_refused_before_asking_the_service(qtbot, db, settings):
    dialog = make_dialog(qtbot, db, settings)
    dialog.username_edit.clear()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Isi nama pengguna dan kata sandi."
    assert dialog.focusWidget() is dialog.username_edit


def test_five_wrong_passwords_lock_the_account_with_minutes_left(qtbot, db, settings):
    clock = FakeClock()
    dialog = make_dialog(qtbot, db, settings, clock=clock)
    for _ in range(5):
        type_and_submit(qtbot, dialog, "operator", "salah-terus")
    assert "dikunci sementara" in dialog.error_label.text()
    assert "5 menit lagi" in dialog.error_label.text()
    # Even the right password waits; two minutes later three are left.
    clock.now += timedelta(minutes=2)
    type_and_submit(qtbot, dialog, "operator", "demo-operator")
    assert dialog.actor is None
    assert "3 menit lagi" in dialog.error_label.text()
    clock.now += timedelta(minutes=3, seconds=1)
    type_and_submit(qtbot, dialog, "operator", "demo-operator")
    assert dialog.actor is not None and dialog.actor.username == "operator"


def test_skipping_the_login_leaves_nobody_signed_in(qtbot, db, settings):
    dialog = make_dialog(qtbot, db, settings)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == LoginDialog.DialogCode.Rejected and dialog.actor is None


def test_the_password_is_checked_off_the_gui_thread_while_the_dialog_waits(
    qtbot, db, settings, monkeypatch
):
    import threading

    from kinerja_desktop.services.admin import accounts

    real = accounts.authenticate
    seen: list[bool] = []
    release = threading.Event()

    def slow(*args, **kwargs):
        seen.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(accounts, "authenticate", slow)
    dialog = make_dialog(qtbot, db, settings)
    dialog.username_edit.setText("operator")
    dialog.password_edit.setText("demo-operator")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # The GUI thread is free: the dialog says it is checking, and its buttons wait.
    qtbot.waitUntil(lambda: seen == [False], timeout=10_000)
    assert dialog.busy and dialog.error_label.text() == "Memeriksa kata sandi…"
    assert not dialog.ok_button.isEnabled() and not dialog.cancel_button.isEnabled()
    dialog.reject()  # Esc while checking waits for the answer
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.username == "operator"
