"""Small standard dialogs behind patchable classmethods (DESIGN.md convention 9).

Qt ships no Indonesian translation of its own buttons, so every button text is set here
through ``tr()`` instead of relying on ``QMessageBox.StandardButton`` captions ("Cancel").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.gui.kit import file_dialogs


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


class OpenDatabaseDialog:
    """Asks for a database file to open."""

    @classmethod
    def ask(cls, parent: QWidget | None, start_dir: Path | None = None) -> Path | None:
        """The chosen file, or ``None`` when the user cancelled.

        Starts in ``start_dir`` (the open database's folder) when given, else in the last
        folder a database was opened from, else Documents.
        """
        start = start_dir if start_dir is not None and start_dir.is_dir() else None
        if start is None:
            start = file_dialogs.start_folder("database")
        filename, _filter = QFileDialog.getOpenFileName(
            parent,
            _tr("Buka database"),
            str(start),
            _tr("Database Kinerja (*.sqlite *.sqlite3 *.db);;Semua berkas (*)"),
        )
        if not filename:
            return None
        file_dialogs.remember(Path(filename), "database")
        return Path(filename)


class ReasonDialog(QDialog):
    """Asks for the reason of a return, a reopen or a revision; "Lanjutkan" stays disabled
    until something is typed, because the audit trail and the other side need the why."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(title)
        self.text = QPlainTextEdit()
        self.text.setObjectName("reason")
        self.text.setPlaceholderText(_tr("Tuliskan alasannya…"))
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(_tr("Lanjutkan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok.setEnabled(False)
        self.text.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.text.toPlainText().strip()))
        )
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(440, 220)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str) -> str | None:
        """The reason typed, or ``None`` when cancelled."""
        dialog = cls(title, prompt, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.text.toPlainText().strip() or None


class Confirm:
    """The one yes/no question of the app (tests patch :meth:`ask`).

    A question before a destructive or far-reaching action has "Batal" as its default
    button, so a reflexive Enter changes nothing; ``default_yes`` is for harmless offers
    (print on A4 instead of F4). Escape always answers no.
    """

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        text: str,
        yes: str = "",
        *,
        no: str = "",
        default_yes: bool = False,
    ) -> bool:
        """True when the user chose ``yes`` (default "Ya, lanjutkan"; ``no`` "Batal")."""
        icon = QMessageBox.Icon.Question if default_yes else QMessageBox.Icon.Warning
        box = QMessageBox(icon, title, text, parent=parent)
        box.setObjectName("confirm_box")
        accept = box.addButton(yes or _tr("Ya, lanjutkan"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(no or _tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(accept if default_yes else cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is accept


class MessageBox:
    """Modal boxes for failed actions (success goes to the status bar, convention 6)."""

    @classmethod
    def error(cls, parent: QWidget | None, title: str, text: str, *, detail: str = "") -> None:
        """A refused action in the app's one error dialog (``gui/kit/errors.py``)."""
        from kinerja_desktop.gui.kit.errors import ErrorDialog

        ErrorDialog(text, parent=parent, title=title, note=detail).exec()

    @classmethod
    def information(cls, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        box.setObjectName("info_box")
        box.addButton(_tr("Tutup"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()


def about_box(parent: QWidget | None, version: str) -> QMessageBox:
    """The "Tentang" box, opened window-modal without blocking (so tests can read it)."""
    box = QMessageBox(parent)
    box.setObjectName("about_box")
    box.setWindowTitle(_tr("Tentang Kinerja Desktop"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(
        "<h3>Kinerja Desktop</h3>"
        + "<p>"
        + _tr("Versi {version}").format(version=version)
        + "</p><p>"
        + _tr(
            "Pengelolaan kinerja ASN berbasis Indikator Kinerja Utama (IKU) untuk kantor "
            "Kecamatan Nanggalo, Kota Padang. Bekerja tanpa internet."
        )
        + "</p>"
    )
    box.addButton(_tr("Tutup"), QMessageBox.ButtonRole.AcceptRole)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
