"""Pengguna: the Admin's account list (add, reset a password, enable or disable).

Every action goes through :mod:`kinerja_desktop.services.admin.accounts`, which checks the Admin
role itself; the dialog only hides what the signed-in user may not do. A Penilai account must be
linked to an employee (the one whose direct subordinates it rates, DESIGN.md section 7b), so
the form asks for the employee as soon as the Penilai box is ticked.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe, label, text
from kinerja_desktop.gui.admin.common import Question, form_with_save
from kinerja_desktop.gui.kit.errors import INLINE_ERROR_STYLE, inline_error_label
from kinerja_desktop.gui.kit.format import fmt_datetime_long
from kinerja_desktop.gui.kit.table_model import Column, RowTableModel

if TYPE_CHECKING:
    from kinerja_desktop.services.admin import UserDTO
    from kinerja_desktop.services.common import Actor, Database

_ERROR_STYLE = INLINE_ERROR_STYLE
ROLE_ORDER = (Role.ADMIN, Role.OPERATOR, Role.PENILAI, Role.PIMPINAN)


def _roles_text(user: UserDTO, lang: str = "id") -> str:
    return ", ".join(label(r, lang) for r in ROLE_ORDER if r in user.roles)


def _tr(source: str) -> str:
    return QCoreApplication.translate("Admin", source)


def _status(user: UserDTO) -> str:
    if not user.active:
        return _tr("Nonaktif")
    if user.locked_until is not None and user.locked_until > datetime.now(UTC):
        return _tr("Terkunci s.d. {time}").format(time=fmt_datetime_long(user.locked_until))
    return _tr("Aktif")


USER_COLUMNS: tuple[Column[Any], ...] = (
    Column(QT_TRANSLATE_NOOP("TableHeader", "Nama pengguna"), lambda u: u.username),
    Column(QT_TRANSLATE_NOOP("TableHeader", "Nama"), lambda u: u.display_name, elastic=120),
    Column(QT_TRANSLATE_NOOP("TableHeader", "Peran"), _roles_text),
    Column(QT_TRANSLATE_NOOP("TableHeader", "Pegawai"), lambda u: u.employee_name, elastic=120),
    Column(QT_TRANSLATE_NOOP("TableHeader", "Status"), _status),
)


class PasswordFields:
    """A password and its repetition with an inline error; shared by the three forms."""

    def __init__(self, form: QFormLayout, first_label: str, again_label: str) -> None:
        self.first = QLineEdit()
        self.first.setObjectName("new_password")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setPlaceholderText(_tr("paling sedikit 8 karakter"))
        self.again = QLineEdit()
        self.again.setObjectName("new_password_again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(first_label, self.first)
        form.addRow(again_label, self.again)

    def value(self, lang: str) -> tuple[str, str]:
        """The password, or an empty one and the reason it is refused."""
        if self.first.text() != self.again.text():
            return "", text("admin.passwords_differ", lang)
        return self.first.text(), ""


def error_label() -> QLabel:
    return inline_error_label("form_error")


class UserFormDialog(QDialog):
    """Add an account: user name, name, roles, linked employee, first password."""

    def __init__(
        self, db: Database, actor: Actor, *, lang: str = "id", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("user_form")
        self.setWindowTitle(self.tr("Tambah pengguna"))
        self.setMinimumWidth(460)
        self.db, self.actor, self.lang = db, actor, lang
        self.created: UserDTO | None = None

        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("username")
        self.username_edit.setPlaceholderText(self.tr("contoh: siti.rahmah"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("display_name")
        self.role_boxes: dict[Role, QCheckBox] = {}
        roles_row = QHBoxLayout()
        for role in ROLE_ORDER:
            box = QCheckBox(label(role, lang))
            box.setObjectName(f"role_{role.value}")
            box.toggled.connect(self._roles_changed)
            self.role_boxes[role] = box
            roles_row.addWidget(box)
        roles_row.addStretch(1)
        self.employee_combo = QComboBox()
        self.employee_combo.setObjectName("employee")
        self.employee_combo.setEditable(True)
        self.employee_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.employee_combo.addItem(self.tr("(tidak dihubungkan)"), None)
        from kinerja_desktop.services.register import list_employees

        for row in list_employees(db, include_inactive=False):
            self.employee_combo.addItem(f"{row.name} — {row.nip_display}", row.uuid)
        self.employee_hint = QLabel(
            self.tr("Penilai menilai bawahan langsung pegawai yang dipilih di sini.")
        )
        self.employee_hint.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Nama pengguna:"), self.username_edit)
        form.addRow(self.tr("Nama lengkap:"), self.name_edit)
        form.addRow(self.tr("Peran:"), roles_row)
        form.addRow(self.tr("Pegawai:"), self.employee_combo)
        form.addRow("", self.employee_hint)
        self.passwords = PasswordFields(form, self.tr("Kata sandi:"), self.tr("Ulangi:"))
        self.error = error_label()

        self.ok_button = form_with_save(self, form, self.error, self.save)
        self.role_boxes[Role.OPERATOR].setChecked(True)
        self._roles_changed()

    def _roles_changed(self, _checked: bool = False) -> None:
        penilai = self.role_boxes[Role.PENILAI].isChecked()
        self.employee_hint.setVisible(penilai)

    def _employee_uuid(self) -> str | None:
        index = self.employee_combo.findText(self.employee_combo.currentText())
        if index < 0:
            return None
        return self.employee_combo.itemData(index)

    def save(self) -> None:
        from kinerja_desktop.services.admin import create_user

        password, problem = self.passwords.value(self.lang)
        if problem:
            self._refuse(problem)
            return
        roles = [role for role, box in self.role_boxes.items() if box.isChecked()]
        try:
            self.created = create_user(
                self.db,
                self.actor,
                username=self.username_edit.text(),
                display_name=self.name_edit.text(),
                roles=[r.value for r in roles],
                password=password,
                employee_uuid=self._employee_uuid(),
            )
        except KinerjaError as err:
            self._refuse(text(err.code, self.lang, **err.params))
            return
        self.accept()

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class ResetPasswordDialog(QDialog):
    """An Admin sets a new password for someone (and so lifts a lock-out)."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        username: str,
        *,
        lang: str = "id",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reset_password")
        self.setWindowTitle(self.tr("Atur ulang kata sandi"))
        self.db, self.actor, self.username, self.lang = db, actor, username, lang
        form = QFormLayout()
        form.addRow(self.tr("Pengguna:"), QLabel(f"<b>{username}</b>"))
        self.passwords = PasswordFields(form, self.tr("Kata sandi baru:"), self.tr("Ulangi:"))
        self.error = error_label()
        self.ok_button = form_with_save(self, form, self.error, self.save)

    def save(self) -> None:
        from kinerja_desktop.services.admin import reset_password

        password, problem = self.passwords.value(self.lang)
        try:
            if problem:
                self.error.setText(problem)
            else:
                reset_password(self.db, self.actor, username=self.username, new=password)
                self.accept()
                return
        except KinerjaError as err:
            self.error.setText(text(err.code, self.lang, **err.params))
        self.error.show()


class UsersDialog(QDialog):
    """The account list with its actions (Admin only; the services check it again)."""

    def __init__(
        self, db: Database, actor: Actor, *, lang: str = "id", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("users_dialog")
        self.setWindowTitle(self.tr("Pengguna"))
        self.resize(820, 420)
        self.db, self.actor, self.lang = db, actor, lang
        self.model: RowTableModel[Any] = RowTableModel(USER_COLUMNS, self)
        self.table = QTableView()
        self.table.setObjectName("users_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

        self.add_button = QPushButton(self.tr("Tambah pengguna…"))
        self.add_button.setObjectName("add_user")
        self.add_button.clicked.connect(self.add_user)
        self.reset_button = QPushButton(self.tr("Atur ulang kata sandi…"))
        self.reset_button.setObjectName("reset_password")
        self.reset_button.clicked.connect(self.reset_selected)
        self.toggle_button = QPushButton(self.tr("Nonaktifkan"))
        self.toggle_button.setObjectName("toggle_active")
        self.toggle_button.clicked.connect(self.toggle_selected)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.accept)
        self.message = QLabel()
        self.message.setObjectName("users_message")
        self.message.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.toggle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        from kinerja_desktop.services.admin import list_users

        keep = self.selected()
        self.model.set_rows(list_users(self.db))
        self.table.resizeColumnsToContents()
        if keep is not None:
            self.select(keep.username)
        self._selection_changed()

    def selected(self) -> UserDTO | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, username: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).username == username:
                self.table.selectRow(row)
                return

    def _selection_changed(self, *_args: object) -> None:
        user = self.selected()
        self.reset_button.setEnabled(user is not None)
        self.toggle_button.setEnabled(user is not None)
        if user is not None:
            self.toggle_button.setText(
                self.tr("Nonaktifkan") if user.active else self.tr("Aktifkan")
            )

    # -- actions ------------------------------------------------------------------------------

    def _say(self, message: str) -> None:
        self.message.setText(message)

    def add_user(self) -> UserFormDialog:
        """Open the form (window-modal); the list reloads when it is saved."""
        form = UserFormDialog(self.db, self.actor, lang=self.lang, parent=self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def saved() -> None:
            if form.created is not None:
                self.reload()
                self.select(form.created.username)
                self._say(self.tr("Akun {name} dibuat.").format(name=form.created.username))

        form.accepted.connect(saved)
        form.open()
        return form

    def reset_selected(self) -> ResetPasswordDialog | None:
        user = self.selected()
        if user is None:
            return None
        dialog = ResetPasswordDialog(
            self.db, self.actor, user.username, lang=self.lang, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def saved() -> None:
            self.reload()
            self._say(
                self.tr("Kata sandi {name} diganti; akun tidak lagi terkunci.").format(
                    name=user.username
                )
            )

        dialog.accepted.connect(saved)
        dialog.open()
        return dialog

    def toggle_selected(self) -> None:
        from kinerja_desktop.services.admin import set_active

        user = self.selected()
        if user is None:
            return
        if user.active and not Question.ask(
            self,
            self.tr("Nonaktifkan akun"),
            self.tr(
                "Akun {name} tidak dapat masuk lagi sampai diaktifkan kembali. Catatan yang "
                "pernah dibuatnya tetap ada. Lanjutkan?"
            ).format(name=user.username),
            yes=self.tr("Nonaktifkan"),
        ):
            return
        try:
            set_active(self.db, self.actor, username=user.username, active=not user.active)
        except KinerjaError as err:
            self._say(describe(err, self.lang))
            return
        self.reload()
        self._say(
            (self.tr("Akun {name} diaktifkan.") if not user.active else
             self.tr("Akun {name} dinonaktifkan.")).format(name=user.username)
        )  # fmt: skip
