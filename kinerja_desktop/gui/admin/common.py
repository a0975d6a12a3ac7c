"""Pieces the administration dialogs share: a yes/no question and a few formats.

The question sits behind a patchable classmethod, like ``gui.dialogs.common.MessageBox``, so
tests can answer it; Qt ships no Indonesian captions, so the buttons are named here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from kinerja_desktop.gui.kit.dialogs import Confirm


def _tr(text: str) -> str:
    return QCoreApplication.translate("Admin", text)


#: The one confirmation (``gui/kit/dialogs.py``), under the name admin code knows it by.
Question = Confirm


def fmt_size(size: int) -> str:
    """``1,8 MB`` / ``640 KB``: sizes as a clerk reads them (decimal comma)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


def form_with_save(
    dialog: QDialog, form: QFormLayout, error: QLabel, save: Callable[[], None]
) -> QPushButton:
    """Lay out ``form``, the inline ``error`` line and Simpan/Batal; returns Simpan.

    Simpan calls ``save`` (which closes the dialog only when the service accepts), Batal
    rejects the dialog.
    """
    buttons = QDialogButtonBox()
    ok = buttons.addButton(_tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName("ok")
    buttons.addButton(_tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return ok
