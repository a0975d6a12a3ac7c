"""Ganti kata sandi: the signed-in user changes their own password."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import text
from kinerja_desktop.gui.admin.common import form_with_save
from kinerja_desktop.gui.admin.users import PasswordFields, error_label

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database


class ChangePasswordDialog(QDialog):
    """Old password, new one twice; the service checks the old one."""

    def __init__(
        self, db: Database, actor: Actor, *, lang: str = "id", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("change_password")
        self.setWindowTitle(self.tr("Ganti kata sandi"))
        self.setMinimumWidth(380)
        self.db, self.actor, self.lang = db, actor, lang
        form = QFormLayout()
        form.addRow(self.tr("Pengguna:"), QLabel(f"<b>{actor.username}</b>"))
        self.old_edit = QLineEdit()
        self.old_edit.setObjectName("old_password")
        self.old_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Kata sandi sekarang:"), self.old_edit)
        self.passwords = PasswordFields(form, self.tr("Kata sandi baru:"), self.tr("Ulangi:"))
        self.error = error_label()
        self.ok_button = form_with_save(self, form, self.error, self.save)

    def save(self) -> None:
        from kinerja_desktop.services.admin import change_password

        new, problem = self.passwords.value(self.lang)
        if not problem:
            try:
                change_password(self.db, self.actor, old=self.old_edit.text(), new=new)
            except KinerjaError as err:
                if err.code == "auth.failed":
                    problem = self.tr("Kata sandi sekarang salah.")
                else:
                    problem = text(err.code, self.lang, **err.params)
            else:
                self.accept()
                return
        self.error.setText(problem)
        self.error.show()
