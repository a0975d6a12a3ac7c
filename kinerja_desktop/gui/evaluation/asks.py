"""Small questions the evaluation screens ask, behind classmethods that tests patch
(DESIGN.md convention 9): a written reason, a confirmation, a file to attach or save."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QWidget,
)

from kinerja_desktop.gui.dialogs.common import ReasonDialog  # noqa: F401 (re-exported)


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationAsks", text)


class Confirm:
    """A yes/no question before an action that cannot be taken back by the user."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        box.setObjectName("confirm_box")
        ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(_tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is ok


class EvidenceFile:
    """Choosing an evidence file and opening a stored one with the system's viewer."""

    @classmethod
    def choose(cls, parent: QWidget | None) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            _tr("Pilih bukti dukung"),
            str(Path.home()),
            _tr("Bukti dukung (*.pdf *.jpg *.jpeg *.png)"),
        )
        return Path(name) if name else None

    @classmethod
    def open(cls, path: Path) -> bool:
        """Open with one click in the PC's PDF or image viewer."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class SaveFile:
    """Where to write a spreadsheet."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, title, str(Path.home() / suggested), _tr("Lembar kerja Excel (*.xlsx)")
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
