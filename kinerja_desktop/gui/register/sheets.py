"""Spreadsheet actions of the employee view: save a template, export the register.

The file dialogs sit behind :class:`SheetFileDialog` classmethods so tests can answer them.
Success is a status-bar sentence (returned); a refused write (file open in Excel, read-only
folder) is a worded message box, and an existing file is then left as it was.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.gui.kit import file_dialogs
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.format import fmt_count

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Database

_FILTER = "Excel (*.xlsx)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmployeeSheets", text)


class SheetFileDialog:
    """Where to save or which file to open (``None``: the user cancelled)."""

    @classmethod
    def save_path(cls, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        path = file_dialogs.save_file(
            parent, title, suggested, _tr("Buku kerja Excel (*.xlsx)"), kind="sheets"
        )
        if path is None:
            return None
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    @classmethod
    def open_path(cls, parent: QWidget | None, title: str) -> Path | None:
        return file_dialogs.open_file(
            parent, title, _tr("Buku kerja Excel (*.xlsx);;Semua berkas (*)"), kind="sheets"
        )


def save_template(parent: QWidget | None, db: Database, *, lang: str = "id") -> str:
    """Ask where, write the empty template; the status sentence, or "" when cancelled."""
    from kinerja_desktop.services.register import write_employee_template

    path = SheetFileDialog.save_path(parent, _tr("Simpan templat pegawai"), "templat-pegawai.xlsx")
    if path is None:
        return ""
    try:
        write_employee_template(db, path)
    except KinerjaError as err:
        show_error(err, lang=lang, parent=parent)
        return ""
    return _tr("Templat disimpan: {path}").format(path=path)


def export_register(
    parent: QWidget | None, db: Database, *, office_code: str | None = None, lang: str = "id"
) -> str:
    """Ask where, export the active register (or one office); the status sentence."""
    from kinerja_desktop.services.register import export_employees

    suffix = office_code or "semua"
    suggested = f"pegawai-{suffix}-{date.today():%Y%m%d}.xlsx"
    path = SheetFileDialog.save_path(parent, _tr("Ekspor daftar pegawai"), suggested)
    if path is None:
        return ""
    try:
        result = export_employees(db, path, office_code=office_code)
    except KinerjaError as err:
        show_error(err, lang=lang, parent=parent)
        return ""
    return _tr("{n} pegawai diekspor ke {path}").format(n=fmt_count(result.rows), path=path)
