"""The first start without a database: try the demo, set up a real office, or restore a
backup brought from another PC ("Pulihkan dari cadangan…").

The dialog only asks (and checks a chosen backup file, read-only); it creates nothing.
:mod:`kinerja_desktop.gui.startup` carries the choice out (the demo build runs on the task
runner). Validation is inline, under each field (DESIGN.md convention 6): a bad code, or a
backup file that fails the check, keeps the dialog open with the reason beside the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.messages import describe, label
from kinerja_desktop.gui.kit.dialogs import OpenDatabaseDialog
from kinerja_desktop.gui.kit.errors import INLINE_ERROR_STYLE

# The kinds a clerk most often sets up come first.
KIND_ORDER = (OfficeKind.KELURAHAN, OfficeKind.PUSKESMAS, OfficeKind.KECAMATAN)
_ERROR_STYLE = INLINE_ERROR_STYLE


class StartChoice(StrEnum):
    DEMO = "demo"
    OFFICE = "office"
    RESTORE = "restore"


@dataclass(frozen=True)
class FirstStartResult:
    """What the user chose; the office fields are filled only for ``StartChoice.OFFICE``,
    ``backup_path`` (a file that passed the backup check) only for ``StartChoice.RESTORE``."""

    choice: StartChoice
    code: str = ""
    name: str = ""
    kind: OfficeKind = OfficeKind.KELURAHAN
    parent_code: str | None = None
    # Never printed: a dataclass repr would otherwise put it in logs and tracebacks.
    admin_password: str = field(default="", repr=False)
    backup_path: str = ""


class FirstStartDialog(QDialog):
    """ "Buat database demo", "Mulai kantor baru" with the office form, or "Pulihkan dari
    cadangan…" with a file chooser."""

    def __init__(self, parent: QWidget | None = None, *, lang: str = "id") -> None:
        super().__init__(parent)
        self.lang = lang
        self._backup: Path | None = None
        self.setObjectName("first_start")
        self.setWindowTitle(self.tr("Selamat datang di Kinerja Desktop"))
        self.setMinimumWidth(520)
        self._result: FirstStartResult | None = None

        intro = QLabel(
            self.tr(
                "Belum ada database di komputer ini. Anda dapat mencoba aplikasi dengan data "
                "contoh, langsung menyiapkan database untuk kantor Anda, atau memulihkan "
                "cadangan yang dibawa dari komputer lain."
            )
        )
        intro.setWordWrap(True)

        demo_hint = self._build_choices()
        self.restore_form = self._restore_form()
        self.form = self._office_form()
        buttons = self._build_buttons()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addWidget(self.demo_radio)
        layout.addWidget(demo_hint)
        layout.addSpacing(4)
        layout.addWidget(self.office_radio)
        layout.addWidget(self.form)
        layout.addSpacing(4)
        layout.addWidget(self.restore_radio)
        layout.addWidget(self.restore_form)
        layout.addStretch(1)
        layout.addWidget(buttons)

        self.office_radio.toggled.connect(self._choice_changed)
        self.restore_radio.toggled.connect(self._restore_toggled)
        self._choice_changed(False)
        self._restore_toggled(False)

    def _build_choices(self) -> QLabel:
        """The three radio buttons (demo chosen); returns the demo's hint line."""
        self.demo_radio = QRadioButton(self.tr("Buat database demo"))
        self.demo_radio.setObjectName("choice_demo")
        demo_hint = QLabel(
            self.tr("Berisi kantor, pegawai, IKU dan evaluasi contoh Kecamatan Nanggalo.")
        )
        demo_hint.setIndent(24)
        demo_hint.setWordWrap(True)
        self.office_radio = QRadioButton(self.tr("Mulai kantor baru"))
        self.office_radio.setObjectName("choice_office")
        self.restore_radio = QRadioButton(self.tr("Pulihkan dari cadangan…"))
        self.restore_radio.setObjectName("choice_restore")
        group = QButtonGroup(self)
        group.addButton(self.demo_radio)
        group.addButton(self.office_radio)
        group.addButton(self.restore_radio)
        self.demo_radio.setChecked(True)
        return demo_hint

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Lanjutkan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("ok")
        self.ok_button.setDefault(True)
        cancel = buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    # -- a new office -------------------------------------------------------------------------

    def _office_form(self) -> QWidget:
        """Code, name, kind and parent of the new office, and the first admin's password."""
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code")
        self.code_edit.setPlaceholderText(self.tr("contoh: NGL-SRJ"))
        self.code_edit.setMaxLength(32)
        self.code_edit.textEdited.connect(self._upper_case_code)
        self.code_error = self._error_label("code_error")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.name_edit.setPlaceholderText(self.tr("contoh: Kelurahan Surau Gadang"))
        self.name_error = self._error_label("name_error")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind")
        for kind in KIND_ORDER:
            self.kind_combo.addItem(label(kind, self.lang), kind)
        self.parent_edit = QLineEdit()
        self.parent_edit.setObjectName("parent_code")
        self.parent_edit.setPlaceholderText(self.tr("boleh kosong, contoh: NGL"))
        self.parent_edit.setMaxLength(32)
        self.parent_edit.textEdited.connect(self._upper_case_parent)
        self.parent_error = self._error_label("parent_error")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("paling sedikit 8 karakter"))
        self.password_again = QLineEdit()
        self.password_again.setObjectName("password_again")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_error = self._error_label("password_error")

        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(24, 0, 0, 0)
        form.addRow(self.tr("Kode kantor:"), self.code_edit)
        form.addRow("", self.code_error)
        form.addRow(self.tr("Nama kantor:"), self.name_edit)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Jenis kantor:"), self.kind_combo)
        form.addRow(self.tr("Kode kantor induk:"), self.parent_edit)
        form.addRow("", self.parent_error)
        admin_hint = QLabel(self.tr("Akun admin pertama bernama <b>admin</b>."))
        form.addRow("", admin_hint)
        form.addRow(self.tr("Kata sandi admin:"), self.password_edit)
        form.addRow(self.tr("Ulangi kata sandi:"), self.password_again)
        form.addRow("", self.password_error)
        return box

    # -- restore from a backup ----------------------------------------------------------------

    def _restore_form(self) -> QWidget:
        box = QWidget()
        rows = QVBoxLayout(box)
        rows.setContentsMargins(24, 0, 0, 0)
        hint = QLabel(
            self.tr(
                "Untuk komputer baru: pilih berkas cadangan (.sqlite) dari komputer lama. "
                "Berkas diperiksa dulu, lalu dipulihkan sebagai database di komputer ini."
            )
        )
        hint.setWordWrap(True)
        self.backup_edit = QLineEdit()
        self.backup_edit.setObjectName("backup_path")
        self.backup_edit.setReadOnly(True)
        self.backup_edit.setPlaceholderText(self.tr("belum ada berkas dipilih"))
        self.backup_button = QPushButton(self.tr("Pilih berkas…"))
        self.backup_button.setObjectName("choose_backup")
        self.backup_button.clicked.connect(self.choose_backup)
        row = QHBoxLayout()
        row.addWidget(self.backup_edit, 1)
        row.addWidget(self.backup_button)
        self.backup_info = QLabel()
        self.backup_info.setObjectName("backup_info")
        self.backup_info.setWordWrap(True)
        self.backup_error = self._error_label("backup_error")
        rows.addWidget(hint)
        rows.addLayout(row)
        rows.addWidget(self.backup_info)
        rows.addWidget(self.backup_error)
        return box

    def _restore_toggled(self, on: bool) -> None:
        self.restore_form.setEnabled(on)
        if not on:
            self.backup_error.hide()

    def choose_backup(self) -> None:
        """Ask for the file (``OpenDatabaseDialog.ask``, patched in tests) and check it."""
        path = OpenDatabaseDialog.ask(self, None)
        if path is None:
            return
        self.backup_edit.setText(str(path))
        self._check_backup(path)

    def _check_backup(self, path: Path) -> bool:
        # Imported here: the check loads SQLAlchemy, which the first paint must not wait for.
        from kinerja_desktop.services.admin import check_backup

        self._backup = None
        self.backup_info.clear()
        try:
            checked = check_backup(path)
        except KinerjaError as err:
            self.backup_error.setText(describe(err, self.lang))
            self.backup_error.show()
            return False
        self.backup_error.hide()
        self._backup = path
        self.backup_info.setText(
            self.tr("Cadangan kantor {code} ({name}), utuh dan dapat dipulihkan.").format(
                code=checked.office_code or "?", name=checked.office_name or "?"
            )
        )
        return True

    def _validate_restore(self) -> bool:
        if not self.backup_edit.text():
            self.backup_error.setText(self.tr("Pilih berkas cadangan dulu."))
            self.backup_error.show()
            self.backup_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        # Checked again: the file may have changed since it was chosen.
        return self._check_backup(Path(self.backup_edit.text()))

    def _error_label(self, name: str) -> QLabel:
        error = QLabel()
        error.setObjectName(name)
        error.setStyleSheet(_ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        return error

    def _upper_case_code(self, text: str) -> None:
        self._upper_case(self.code_edit, text)

    def _upper_case_parent(self, text: str) -> None:
        self._upper_case(self.parent_edit, text)

    @staticmethod
    def _upper_case(edit: QLineEdit, text: str) -> None:
        # Codes are upper case; typing "ngl" should just work, keeping the cursor in place.
        if text != text.upper():
            position = edit.cursorPosition()
            edit.setText(text.upper())
            edit.setCursorPosition(position)

    def _choice_changed(self, office: bool) -> None:
        self.form.setEnabled(office)
        if office:
            self.code_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            for error in (
                self.code_error,
                self.name_error,
                self.parent_error,
                self.password_error,
            ):
                error.hide()

    # -- validation --------------------------------------------------------------------------

    def _code_message(self, code: str, *, required: bool) -> str:
        if not code.strip():
            return self.tr("Kode kantor wajib diisi.") if required else ""
        # The service's own rule, so the form and ``init`` never disagree; imported here
        # because the services module loads SQLAlchemy, which the first paint must not wait for.
        from kinerja_desktop.domain.offices import validate_office_code

        try:
            validate_office_code(code)
        except ValidationError:
            return self.tr(
                "Kode hanya boleh berisi huruf besar, angka dan tanda hubung, misalnya NGL-SRJ."
            )
        if code.strip() != code.strip().upper():
            return self.tr("Kode kantor harus ditulis dengan huruf besar.")
        return ""

    def _password_message(self) -> str:
        from kinerja_desktop.services.admin import MIN_PASSWORD  # see _code_message

        password = self.password_edit.text()
        if len(password) < MIN_PASSWORD:
            return self.tr("Kata sandi admin paling sedikit {n} karakter.").format(n=MIN_PASSWORD)
        if password != self.password_again.text():
            return self.tr("Kedua kata sandi tidak sama.")
        return ""

    def validate(self) -> bool:
        """Check the office form or the chosen backup, show the reasons under the fields; True
        when all is well."""
        if self.restore_radio.isChecked():
            return self._validate_restore()
        if not self.office_radio.isChecked():
            return True
        code = self.code_edit.text()
        parent = self.parent_edit.text()
        errors = {
            self.code_error: self._code_message(code, required=True),
            self.name_error: ""
            if self.name_edit.text().strip()
            else self.tr("Nama kantor wajib diisi."),
            self.parent_error: self._code_message(parent, required=False),
        }
        errors[self.password_error] = self._password_message()
        if not errors[self.parent_error] and parent.strip() and parent.strip() == code.strip():
            errors[self.parent_error] = self.tr("Kantor induk tidak boleh kantor itu sendiri.")
        first_bad: QLineEdit | None = None
        for error_label, message in errors.items():
            error_label.setText(message)
            error_label.setVisible(bool(message))
        for edit, error_label in (
            (self.code_edit, self.code_error),
            (self.name_edit, self.name_error),
            (self.parent_edit, self.parent_error),
            (self.password_edit, self.password_error),
        ):
            if errors[error_label] and first_bad is None:
                first_bad = edit
        if first_bad is not None:
            first_bad.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        return True

    def accept(self) -> None:
        if not self.validate():
            return
        if self.office_radio.isChecked():
            self._result = FirstStartResult(
                StartChoice.OFFICE,
                code=self.code_edit.text().strip(),
                name=self.name_edit.text().strip(),
                kind=self.kind_combo.currentData(),
                parent_code=self.parent_edit.text().strip() or None,
                admin_password=self.password_edit.text(),
            )
        elif self.restore_radio.isChecked() and self._backup is not None:
            self._result = FirstStartResult(StartChoice.RESTORE, backup_path=str(self._backup))
        else:
            self._result = FirstStartResult(StartChoice.DEMO)
        super().accept()

    def result_choice(self) -> FirstStartResult | None:
        return self._result

    @classmethod
    def ask(cls, parent: QWidget | None = None, *, lang: str = "id") -> FirstStartResult | None:
        """Run the dialog; the choice, or ``None`` when the user cancelled. Tests patch this."""
        dialog = cls(parent, lang=lang)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.result_choice() if accepted else None
