"""The Pengguna dialog (Admin) and Ganti kata sandi (everyone signed in), driven by hand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import PermissionDeniedError
from kinerja_desktop.gui.admin.common import Question
from kinerja_desktop.gui.admin.password import ChangePasswordDialog
from kinerja_desktop.gui.admin.users import UserFormDialog, UsersDialog
from kinerja_desktop.services.admin.accounts import actor_for, authenticate, list_users
from kinerja_desktop.services.common.actor import Actor

ADMIN = Actor("admin", frozenset({Role.ADMIN}))


@pytest.fixture
def users_dialog(qtbot, db):
    dialog = UsersDialog(db, ADMIN)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def user(db, name):
    return next(u for u in list_users(db) if u.username == name)


def open_form(qtbot, dialog: UsersDialog) -> UserFormDialog:
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    form = dialog.findChild(UserFormDialog, "user_form")
    assert form is not None and form.isVisible()
    return form


def fill_form(qtbot, form: UserFormDialog, username: str, password: str, again: str | None = None):
    qtbot.keyClicks(form.username_edit, username)
    qtbot.keyClicks(form.name_edit, username.capitalize())
    qtbot.keyClicks(form.passwords.first, password)
    qtbot.keyClicks(form.passwords.again, password if again is None else again)


def test_lists_every_account_with_roles_and_status(users_dialog):
    rows = [
        [users_dialog.model.index(r, c).data() for c in range(5)]
        for r in range(users_dialog.model.rowCount())
    ]
    assert [r[0] for r in rows] == ["admin", "operator", "penilai", "pimpinan"]
    assert rows[2][2] == "Penilai, Pimpinan" and rows[2][3]  # linked to an employee
    assert all(r[4] == "Aktif" for r in rows)


def test_add_a_penilai_needs_an_employee(qtbot, users_dialog, db):
    form = open_form(qtbot, users_dialog)
    fill_form(qtbot, form, "rina", "rahasia-rina")
    form.role_boxes[Role.OPERATOR].setChecked(False)
    qtbot.mouseClick(form.role_boxes[Role.PENILAI], Qt.MouseButton.LeftButton)
    assert form.employee_hint.isVisible()
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert form.error.text() == "Akun dengan peran Penilai harus dihubungkan ke seorang pegawai."
    form.employee_combo.setCurrentIndex(3)
    employee_uuid = form.employee_combo.itemData(3)
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    created = user(db, "rina")
    assert created.roles == {Role.PENILAI} and created.employee_uuid == employee_uuid
    assert users_dialog.selected().username == "rina"
    assert users_dialog.message.text() == "Akun rina dibuat."
    assert authenticate(db, "rina", "rahasia-rina").username == "rina"


def test_form_refuses_different_passwords_and_a_taken_name(qtbot, users_dialog, db):
    form = open_form(qtbot, users_dialog)
    fill_form(qtbot, form, "operator", "rahasia-baru", again="rahasia-lain")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.error.text() == "Kedua kata sandi tidak sama."
    form.passwords.again.setText("rahasia-baru")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.error.text() == "Nama pengguna operator sudah dipakai."
    assert len(list_users(db)) == 4
    form.reject()


def test_reset_password_lifts_a_lock_out(qtbot, users_dialog, db):
    for _ in range(5):
        with pytest.raises(PermissionDeniedError):
            authenticate(db, "operator", "salah-terus")
    users_dialog.reload()
    users_dialog.select("operator")
    row = users_dialog.table.selectionModel().selectedRows()[0].row()
    assert users_dialog.model.index(row, 4).data().startswith("Terkunci s.d.")
    qtbot.mouseClick(users_dialog.reset_button, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert dialog.objectName() == "reset_password"
    qtbot.keyClicks(dialog.passwords.first, "sandi-baru-123")
    qtbot.keyClicks(dialog.passwords.again, "sandi-baru-123")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert authenticate(db, "operator", "sandi-baru-123").username == "operator"
    assert "tidak lagi terkunci" in users_dialog.message.text()


def test_disable_after_confirmation_and_enable_again(qtbot, monkeypatch, users_dialog, db):
    monkeypatch.setattr(Question, "ask", classmethod(lambda cls, *a, **k: True))
    users_dialog.select("pimpinan")
    assert users_dialog.toggle_button.text() == "Nonaktifkan"
    qtbot.mouseClick(users_dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert not user(db, "pimpinan").active
    with pytest.raises(PermissionDeniedError):
        authenticate(db, "pimpinan", "demo-pimpinan")
    assert users_dialog.toggle_button.text() == "Aktifkan"
    qtbot.mouseClick(users_dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert user(db, "pimpinan").active


def test_the_last_admin_cannot_be_disabled(qtbot, monkeypatch, users_dialog, db):
    monkeypatch.setattr(Question, "ask", classmethod(lambda cls, *a, **k: True))
    users_dialog.select("admin")
    qtbot.mouseClick(users_dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert user(db, "admin").active
    assert "admin aktif terakhir" in users_dialog.message.text()


def test_a_non_admin_is_refused_by_the_service_too(qtbot, db):
    operator = Actor("operator", frozenset({Role.OPERATOR}))
    form = UserFormDialog(db, operator)
    qtbot.addWidget(form)
    fill_form(qtbot, form, "budi", "rahasia-budi")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert "tidak berwenang" in form.error.text()
    assert [u.username for u in list_users(db)] == ["admin", "operator", "penilai", "pimpinan"]


def test_change_own_password(qtbot, db):
    operator = actor_for(authenticate(db, "operator", "demo-operator"), db)
    dialog = ChangePasswordDialog(db, operator)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.old_edit, "bukan-itu")
    qtbot.keyClicks(dialog.passwords.first, "sandi-baru-123")
    qtbot.keyClicks(dialog.passwords.again, "sandi-baru-123")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Kata sandi sekarang salah."
    dialog.old_edit.setText("demo-operator")
    dialog.passwords.first.setText("pendek")
    dialog.passwords.again.setText("pendek")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "paling sedikit 8 karakter" in dialog.error.text()
    dialog.passwords.first.setText("sandi-baru-123")
    dialog.passwords.again.setText("sandi-baru-123")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == ChangePasswordDialog.DialogCode.Accepted
    assert authenticate(db, "operator", "sandi-baru-123").username == "operator"


def test_a_reserved_name_is_refused_in_the_form(qtbot, users_dialog, db):
    form = open_form(qtbot, users_dialog)
    fill_form(qtbot, form, "system", "rahasia-sistem")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert form.error.text().startswith("Nama pengguna system dicadangkan untuk aplikasi")
    assert "system" not in [u.username for u in list_users(db)]
