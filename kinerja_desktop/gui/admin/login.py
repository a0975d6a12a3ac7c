"""The sign-in dialog shown after a database opens (and by "Ganti pengguna").

Several clerks share one office PC, so the login says who makes each change; it does not
protect the file itself (that is the operating system account's job).

Messages: the service answers an unknown user and a wrong password with the same code, but
adds how many tries are left only for an existing account. The dialog words the two apart
("nama pengguna tidak dikenal" / "kata sandi salah, sisa N kali"): on a desktop app whose user
list sits in the same file anyone with the PC can open, hiding which names exist protects
nothing, while telling a clerk which field is wrong saves a lock-out. A locked account shows
the minutes left, read from the account's ``locked_until``.

The last user name is remembered in ``QSettings`` (never the password). On a demo database
only, the demo accounts and their passwords are listed; clicking one fills the form.

The password is checked on the task runner's writer (argon2 takes a noticeable moment, and a
failed try is counted in the database), so the dialog keeps painting meanwhile (issue 16.2);
the buttons wait until the answer is back.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import KinerjaError, PermissionDeniedError
from kinerja_desktop.domain.messages import describe, label, text
from kinerja_desktop.gui.kit.errors import INLINE_ERROR_STYLE, show_error
from kinerja_desktop.gui.kit.tasks import TaskRunner

if TYPE_CHECKING:
    from kinerja_desktop.gui.main_window import MainWindow
    from kinerja_desktop.services.admin import UserDTO
    from kinerja_desktop.services.common import Actor, Database

LAST_USER_KEY = "login/last_username"
_ERROR_STYLE = INLINE_ERROR_STYLE

Clock = Callable[[], datetime]


def _now() -> datetime:
    return datetime.now(UTC)


def _check_password(db: Database, username: str, password: str, clock: Clock) -> UserDTO:
    """The service call, for the runner (keyword arguments cannot be handed through it)."""
    from kinerja_desktop.gui.startup_open import gently
    from kinerja_desktop.services.admin import authenticate

    # At a lower CPU priority: argon2's own threads would take the cores from painting.
    return gently(lambda: authenticate(db, username, password, clock=clock))


class LoginDialog(QDialog):
    """User name and password; ``actor`` is set when the sign-in succeeded.

    Args:
        db: the open database to sign in to.
        is_demo: list the demo accounts (only for a demo database).
        office: the office name shown at the top (may be empty).
        settings: where the last user name is kept (the app's ``QSettings`` by default).
        clock: the time for the lock-out (tests inject one).
        runner: the window's task runner, which checks the password; the dialog makes its own
            when none is given.
    """

    def __init__(
        self,
        db: Database,
        *,
        is_demo: bool = False,
        office: str = "",
        settings: QSettings | None = None,
        clock: Clock = _now,
        lang: str = "id",
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._own_runner = runner is None
        self.runner = runner if runner is not None else TaskRunner(self)
        #: True while the password is being checked.
        self.busy = False
        self._typed = ""
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("Masuk — Kinerja Desktop"))
        self.setMinimumWidth(440)
        self.db = db
        self.lang = lang
        self.actor: Actor | None = None
        self._settings = settings if settings is not None else QSettings()
        self._clock = clock

        heading = QLabel(self.tr("<b>Masuk ke Kinerja Desktop</b>"))
        heading.setTextFormat(Qt.TextFormat.RichText)
        where = QLabel(office or db.path.name)
        where.setObjectName("login_office")
        where.setWordWrap(True)

        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("username")
        self.username_edit.setMaxLength(64)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setObjectName("login_error")
        self.error_label.setStyleSheet(_ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("Nama pengguna:"), self.username_edit)
        form.addRow(self.tr("Kata sandi:"), self.password_edit)

        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Masuk"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("ok")
        self.ok_button.setDefault(True)
        self.cancel_button = buttons.addButton(
            self.tr("Lihat saja tanpa masuk"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setToolTip(
            self.tr("Data dapat dilihat tetapi tidak dapat diubah sampai Anda masuk.")
        )
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        self.demo_box: QGroupBox | None = None
        self.demo_list: QTreeWidget | None = None
        if is_demo:
            layout.addWidget(self._demo_accounts())
        layout.addWidget(buttons)

        last = str(self._settings.value(LAST_USER_KEY, "") or "")
        self.username_edit.setText(last)
        (self.password_edit if last else self.username_edit).setFocus()

    # -- demo accounts ------------------------------------------------------------------------

    def _demo_accounts(self) -> QGroupBox:
        from kinerja_desktop.services.demo import demo_accounts

        box = QGroupBox(self.tr("Akun demo (hanya pada database demo)"))
        box.setObjectName("demo_accounts")
        tree = QTreeWidget()
        tree.setObjectName("demo_list")
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels([self.tr("Nama pengguna"), self.tr("Kata sandi"), self.tr("Peran")])
        for account in demo_accounts():
            roles = ", ".join(label(Role(r), self.lang) for r in account.roles)
            item = QTreeWidgetItem([account.username, account.password, roles])
            tree.addTopLevelItem(item)
        for column in range(3):
            tree.resizeColumnToContents(column)
        tree.setFixedHeight(tree.sizeHintForRow(0) * (tree.topLevelItemCount() + 1) + 8)
        tree.itemClicked.connect(self._fill_from_demo)
        tree.itemDoubleClicked.connect(lambda item, _col: self.try_sign_in())
        hint = QLabel(self.tr("Klik salah satu akun untuk mengisi formulir."))
        inner = QVBoxLayout(box)
        inner.addWidget(tree)
        inner.addWidget(hint)
        self.demo_box, self.demo_list = box, tree
        return box

    def _fill_from_demo(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.username_edit.setText(item.text(0))
        self.password_edit.setText(item.text(1))
        self.error_label.hide()

    # -- signing in ---------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def try_sign_in(self) -> None:
        """Check the password on the runner; :meth:`_signed_in` or :meth:`_refused` answers."""
        if self.busy:
            return
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username or not password:
            self.show_error(text("login.empty", self.lang))
            (self.password_edit if username else self.username_edit).setFocus()
            return
        self._typed = username
        self._set_busy(True)
        self.runner.write(
            _check_password,
            self.db,
            username,
            password,
            self._clock,
            on_done=self._signed_in,
            on_error=self._refused,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.ok_button, self.cancel_button, self.username_edit, self.password_edit):
            widget.setEnabled(not busy)
        if busy:
            self.error_label.setText(self.tr("Memeriksa kata sandi…"))
            self.error_label.show()
        else:
            self.error_label.hide()

    def _signed_in(self, dto: UserDTO) -> None:
        from kinerja_desktop.services.admin import actor_for

        self._set_busy(False)
        self._settings.setValue(LAST_USER_KEY, dto.username)
        self._settings.sync()
        self.actor = actor_for(dto, self.db)
        self.accept()

    def _refused(self, err: BaseException) -> None:
        from kinerja_desktop.services.admin import LOCKOUT

        self._set_busy(False)
        username = self._typed
        if not isinstance(err, KinerjaError):
            show_error(err, lang=self.lang, parent=self)
            return
        if not isinstance(err, PermissionDeniedError):
            self.show_error(describe(err, self.lang))
            return
        self.password_edit.clear()
        minutes = int(LOCKOUT.total_seconds() // 60)
        if err.code == "auth.failed" and "left" in err.params:
            message = text(
                "login.wrong_password", self.lang, left=err.params["left"], minutes=minutes
            )
            self.password_edit.setFocus()
        elif err.code == "auth.failed":
            message = text("login.unknown_user", self.lang, value=username)
            self.username_edit.selectAll()
            self.username_edit.setFocus()
        elif err.code == "auth.locked":
            message = self._locked_message(username, str(err.params.get("until", "")))
        else:
            message = describe(err, self.lang)
        self.show_error(message)

    def reject(self) -> None:
        if not self.busy:  # the answer is on its way: Esc waits for it
            super().reject()

    def done(self, result: int) -> None:
        if self._own_runner:
            self.runner.shutdown(wait=False)
        super().done(result)

    def _locked_message(self, username: str, until: str) -> str:
        from kinerja_desktop.services.admin import list_users

        locked_until = next(
            (u.locked_until for u in list_users(self.db) if u.username == username.lower()),
            None,
        )
        minutes = 0
        if locked_until is not None:
            seconds = (locked_until - self._clock()).total_seconds()
            minutes = max(1, math.ceil(seconds / 60))
            until = locked_until.astimezone().strftime("%H:%M")
        return text("login.locked", self.lang, value=username, minutes=minutes, until=until)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        db: Database,
        *,
        is_demo: bool = False,
        office: str = "",
        lang: str = "id",
        runner: TaskRunner | None = None,
    ) -> Actor | None:
        """Show the dialog modally; the signed-in actor, or ``None`` when skipped."""
        dialog = cls(db, is_demo=is_demo, office=office, lang=lang, parent=parent, runner=runner)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.actor
            return None
        finally:
            dialog.deleteLater()


def sign_in(
    window: MainWindow,
    *,
    lang: str = "id",
    auto_login: tuple[str, str] | None = None,
    anyone: bool | None = None,
) -> Actor | None:
    """Ask who works in ``window`` now and make them its actor (``None``: nobody).

    Nothing is asked on a read-only database (a second running copy: no write is possible,
    not even the sign-in's own failed-attempt counter) or on one without accounts.
    ``auto_login`` signs in through the service without a dialog (the start-up benchmark).
    ``anyone``: whether the database has accounts, when the caller read it off the GUI thread
    (start-up); else it is asked here.
    """
    from kinerja_desktop.services.admin import actor_for, authenticate, has_users, is_read_only

    db = window.database
    window.set_actor(None)
    if db is None or is_read_only(db):
        return None
    if auto_login is not None:
        actor = actor_for(authenticate(db, *auto_login), db)
        window.set_actor(actor)
        return actor
    if anyone is None:
        try:
            anyone = has_users(db)
        except KinerjaError as err:
            window.statusBar().showMessage(describe(err, lang))
            return None
    if not anyone:
        window.statusBar().showMessage(text("startup.no_users", lang))
        return None
    info = window.info
    office = ""
    if info is not None and info.home_office is not None:
        office = f"{info.home_office.code} — {info.home_office.name}"
    actor = LoginDialog.ask(
        window,
        db,
        is_demo=bool(info and info.is_demo),
        office=office,
        lang=lang,
        runner=window.task_runner,
    )
    window.set_actor(actor)
    return actor
