"""The Pegawai view's buttons and its Lembar kerja menu, made for :class:`EmployeesView`.

The texts keep the view's translation context ("EmployeesView"), so they read as before in
every catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QToolButton

if TYPE_CHECKING:
    from kinerja_desktop.gui.register.view import EmployeesView


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmployeesView", text)


def _button(text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def build_actions(view: EmployeesView) -> None:
    """The action row under the title and the register-wide buttons in the title row."""
    view.add_button = _button(_tr("Tambah"), "add", view.add_employee)
    view.edit_button = _button(_tr("Ubah"), "edit", view.edit_selected)
    view.mutasi_button = _button(_tr("Mutasi…"), "mutasi", view.mutasi_selected)
    view.leave_button = _button(_tr("Keluar/Pensiun…"), "leave", view.leave_selected)
    view.delete_button = _button(_tr("Hapus"), "delete", view.delete_selected)
    view.undo_button = _button(_tr("Urungkan"), "undo", view.undo_last)
    view.checks_button = _button(_tr("Periksa data"), "checks", view.show_checks)
    view.offices_button = _button(_tr("Kantor…"), "offices", view.show_offices)
    view.sheets_button = QToolButton()
    view.sheets_button.setObjectName("sheets")
    view.sheets_button.setText(_tr("Lembar kerja"))
    view.sheets_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(view.sheets_button)
    view.action_import = menu.addAction(_tr("Impor dari Excel…"))
    view.action_import.triggered.connect(view.import_sheet)
    view.action_export = menu.addAction(_tr("Ekspor ke Excel…"))
    view.action_export.triggered.connect(view.export_sheet)
    view.action_template = menu.addAction(_tr("Simpan templat kosong…"))
    view.action_template.triggered.connect(view.save_template)
    view.sheets_button.setMenu(menu)
    row = QHBoxLayout()
    for button in (
        view.add_button, view.edit_button, view.mutasi_button, view.leave_button,
        view.delete_button, view.undo_button,
    ):  # fmt: skip
        row.addWidget(button)
    row.addStretch(1)
    view.layout().insertLayout(1, row)
    # The register-wide actions sit in the title row, so the view still fits a 900 px
    # window (the snapshot command's smallest size) without widening it.
    position = view.toolbar.indexOf(view.search)
    for widget in (view.checks_button, view.offices_button, view.sheets_button):
        view.toolbar.insertWidget(position, widget)
        position += 1
