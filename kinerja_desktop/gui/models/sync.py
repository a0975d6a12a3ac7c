"""The Sinkronisasi table: every office with its partner registration and packages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kinerja_desktop.gui.format import enum_label, fmt_count, fmt_datetime
from kinerja_desktop.gui.models.table_model import HEADER_CONTEXT, RIGHT, Column, RowTableModel
from kinerja_desktop.services.dto import SyncOfficeRow

COL_CODE = 0
COL_NAME = 1
COL_KIND = 2
COL_ROLE = 3
COL_FINGERPRINT = 4
COL_SEQ_SENT = 5
COL_SEQ_RECEIVED = 6
COL_LAST_PACKAGE = 7
COL_ROWS_OWNED = 8

_CONTEXT = "SyncTableModel"
_ROLES = (
    QT_TRANSLATE_NOOP("SyncTableModel", "Kantor ini"),
    QT_TRANSLATE_NOOP("SyncTableModel", "Mitra terdaftar"),
    QT_TRANSLATE_NOOP("SyncTableModel", "Belum terdaftar"),
)


def _role_index(row: SyncOfficeRow) -> int:
    return 0 if row.is_home else 1 if row.is_partner else 2


def _role(row: SyncOfficeRow) -> str:
    return QCoreApplication.translate(_CONTEXT, _ROLES[_role_index(row)])


def _fingerprint(row: SyncOfficeRow) -> str:
    # The full fingerprint is long; the first groups are what people compare on the phone.
    return row.fingerprint[:23] + "…" if len(row.fingerprint) > 24 else row.fingerprint


def _seq(value: int, row: SyncOfficeRow) -> str:
    # Sequence numbers mean something only between partners; elsewhere a 0 would mislead.
    return fmt_count(value) if row.is_partner else ""


def columns(lang: str = "id") -> tuple[Column[SyncOfficeRow], ...]:
    return (
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kode"), lambda r: r.office_code),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kantor"), lambda r: r.office_name, elastic=200),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Jenis"), lambda r: enum_label(r.kind, lang)),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Peran"), _role, _role_index),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Sidik jari"),
            _fingerprint,
            lambda r: r.fingerprint,
            tooltip=lambda r: r.fingerprint,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Terkirim"),
            lambda r: _seq(r.last_seq_sent, r),
            lambda r: r.last_seq_sent,
            align=RIGHT,
            searchable=False,
            header_tip=QT_TRANSLATE_NOOP(
                HEADER_CONTEXT, "Nomor urut paket terakhir yang dikirim ke kantor ini"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Diterima"),
            lambda r: _seq(r.last_seq_received, r),
            lambda r: r.last_seq_received,
            align=RIGHT,
            searchable=False,
            header_tip=QT_TRANSLATE_NOOP(
                HEADER_CONTEXT, "Nomor urut paket terakhir yang diterima dari kantor ini"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Paket terakhir"),
            lambda r: fmt_datetime(r.last_package_at),
            lambda r: r.last_package_at,
            searchable=False,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Pegawai"),
            lambda r: fmt_count(r.rows_owned),
            lambda r: r.rows_owned,
            align=RIGHT,
            searchable=False,
            header_tip=QT_TRANSLATE_NOOP(
                HEADER_CONTEXT, "Data pegawai yang berasal dari kantor ini"
            ),
        ),
    )


class SyncTableModel(RowTableModel[SyncOfficeRow]):
    def __init__(self, parent: Any = None, *, lang: str = "id") -> None:
        super().__init__(columns(lang), parent)
