"""The Pegawai table: one row per employee with their current assignment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kinerja_desktop.gui.format import enum_label, fmt_nip
from kinerja_desktop.gui.models.table_model import CENTER, HEADER_CONTEXT, Column, RowTableModel
from kinerja_desktop.services.dto import EmployeeRow

COL_NIP = 0
COL_NAME = 1
COL_OFFICE = 2
COL_JABATAN = 3
COL_PANGKAT = 4
COL_TYPE = 5
COL_JOB_KIND = 6
COL_ATASAN = 7
COL_ACTIVE = 8


_YES = QT_TRANSLATE_NOOP("EmployeeTableModel", "Ya")
_NO = QT_TRANSLATE_NOOP("EmployeeTableModel", "Tidak")


def _yes_no(value: bool) -> str:
    return QCoreApplication.translate("EmployeeTableModel", _YES if value else _NO)


def _pangkat(row: EmployeeRow) -> str:
    # "Penata Muda, III/a": the pangkat name and the golongan, as SK and SKP forms print them.
    if row.pangkat and row.grade and row.grade not in row.pangkat:
        return f"{row.pangkat}, {row.grade}"
    return row.pangkat or row.grade


def columns(lang: str = "id") -> tuple[Column[EmployeeRow], ...]:
    return (
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "NIP"),
            lambda r: fmt_nip(r.nip),
            lambda r: r.nip,
            nip=True,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Nama"),
            lambda r: r.full_name,
            lambda r: r.name.casefold(),
            elastic=230,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kantor"),
            lambda r: r.office_code,
            tooltip=lambda r: r.office_name,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Jabatan"),
            lambda r: r.jabatan,
            tooltip=lambda r: r.jabatan,
            elastic=250,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Pangkat/Gol."),
            _pangkat,
            # Golongan codes sort in rank order as text: "II/d" < "III/a" < "III/b".
            lambda r: (r.grade, r.pangkat),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Status"),
            lambda r: enum_label(r.employment_type, lang),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Jenis jabatan"),
            lambda r: enum_label(r.job_kind, lang),
        ),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Atasan langsung"), lambda r: r.atasan_name),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Aktif"),
            lambda r: _yes_no(r.active),
            lambda r: not r.active,
            align=CENTER,
            searchable=False,
        ),
    )


class EmployeeTableModel(RowTableModel[EmployeeRow]):
    """Employees; inactive ones (pensiun, mutasi keluar) are drawn grey."""

    def __init__(self, parent: Any = None, *, lang: str = "id") -> None:
        super().__init__(columns(lang), parent, muted=lambda r: not r.active)
