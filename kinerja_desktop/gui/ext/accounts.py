"""Window extension: accounts, audit trail and backups (Administrasi menu), and switching users.

What each role sees (the services check the same rules again, DESIGN.md section 7b):

============================  =====  ========  =======  ========  =========
action                        Admin  Operator  Penilai  Pimpinan  nobody
============================  =====  ========  =======  ========  =========
Pengguna…                     yes    –         –        –         –
Ganti kata sandi…             yes    yes       yes      yes       –
Jejak audit…                  yes    –         –        yes       –
Cadangan… (list, make)        yes    yes       yes      yes       –
  Pulihkan (in the dialog)    yes    –         –        –         –
============================  =====  ========  =======  ========  =========

On a read-only database (another running copy holds the file) nobody signs in, so only the
view of the data remains. The Berkas menu gets "Masuk…" / "Keluar akun / Ganti pengguna…".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from kinerja_desktop.domain.enums import Role

if TYPE_CHECKING:
    from kinerja_desktop.gui.main_window import MainWindow
    from kinerja_desktop.services.common import Actor


def _read_only(window: MainWindow) -> bool:
    db = window.database
    if db is None:
        return True
    from kinerja_desktop.services.admin import is_read_only

    return is_read_only(db)


class AccountActions(QObject):
    """The actions of this area and the dialogs they open (one instance per window)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("account_actions")
        self.window = window
        self.lang = window.lang

        self.action_switch_user = self._action("action_switch_user", self.tr("Masuk…"))
        self.action_switch_user.triggered.connect(self.switch_user)
        window.menu_file.insertAction(window.action_quit, self.action_switch_user)
        window.menu_file.insertSeparator(window.action_quit)

        menu = window.menu_admin
        self.action_users = self._action("action_users", self.tr("&Pengguna…"))
        self.action_users.triggered.connect(self.open_users)
        self.action_password = self._action("action_password", self.tr("&Ganti kata sandi…"))
        self.action_password.triggered.connect(self.open_password)
        self.action_audit = self._action("action_audit", self.tr("&Jejak audit…"))
        self.action_audit.triggered.connect(self.open_audit)
        self.action_backups = self._action("action_backups", self.tr("&Cadangan…"))
        self.action_backups.triggered.connect(self.open_backups)
        for action in (self.action_users, self.action_password, self.action_audit):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.action_backups)

        window.actor_changed.connect(self.update_actions)
        window.database_changed.connect(self.update_actions)
        self.update_actions()

    def _action(self, name: str, title: str) -> QAction:
        action = QAction(title, self.window)
        action.setObjectName(name)
        return action

    # -- who may do what ----------------------------------------------------------------------

    def update_actions(self, *_args: object) -> None:
        window = self.window
        actor: Actor | None = window.actor
        read_only = _read_only(window)
        signed_in = actor is not None and window.database is not None
        self.action_switch_user.setText(
            self.tr("Keluar akun / Ganti pengguna…") if actor else self.tr("Masuk…")
        )
        self.action_switch_user.setEnabled(not read_only)
        self.action_users.setVisible(signed_in and actor.has(Role.ADMIN) and not read_only)
        self.action_password.setVisible(signed_in and not read_only)
        self.action_audit.setVisible(
            signed_in and (actor.has(Role.ADMIN) or actor.has(Role.PIMPINAN))
        )
        self.action_backups.setVisible(signed_in)
        menu = window.menu_admin
        menu.menuAction().setVisible(
            any(a.isVisible() and not a.isSeparator() for a in menu.actions())
        )

    # -- opening the dialogs ------------------------------------------------------------------

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def switch_user(self) -> Any:
        from kinerja_desktop.gui.admin.login import sign_in

        actor = sign_in(self.window, lang=self.lang)
        if actor is not None:
            self.window.statusBar().showMessage(
                self.tr("Masuk sebagai {name}.").format(name=actor.username), 8000
            )
        return actor

    def open_users(self) -> QDialog | None:
        from kinerja_desktop.gui.admin.users import UsersDialog

        db, actor = self.window.database, self.window.actor
        if db is None or actor is None:
            return None
        return self._show(UsersDialog(db, actor, lang=self.lang, parent=self.window))

    def open_password(self) -> QDialog | None:
        from kinerja_desktop.gui.admin.password import ChangePasswordDialog

        db, actor = self.window.database, self.window.actor
        if db is None or actor is None:
            return None
        dialog = ChangePasswordDialog(db, actor, lang=self.lang, parent=self.window)
        dialog.accepted.connect(
            lambda: self.window.statusBar().showMessage(self.tr("Kata sandi diganti."), 8000)
        )
        return self._show(dialog)

    def open_audit(self) -> QDialog | None:
        from kinerja_desktop.gui.admin.audit import AuditDialog

        db, actor = self.window.database, self.window.actor
        if db is None or actor is None:
            return None
        return self._show(AuditDialog(db, actor, lang=self.lang, parent=self.window))

    def open_backups(self) -> QDialog | None:
        from kinerja_desktop.gui.admin.backups import BackupDialog

        if self.window.database is None:
            return None
        return self._show(BackupDialog(self.window, lang=self.lang))


def install(window: MainWindow) -> AccountActions:
    """Add the Administrasi actions and the Berkas › Masuk/Ganti pengguna action."""
    return AccountActions(window)
