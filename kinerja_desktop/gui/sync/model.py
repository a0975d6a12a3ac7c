"""The Sinkronisasi table: every office with its partner registration and packages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kinerja_desktop.gui.kit.format import enum_label, fmt_count, fmt_datetime
from kinerja_desktop.gui.kit.table_model import HEADER_CONTEXT, RIGHT, Column, RowTableModel
from kinerja_desktop.services.common.dto import SyncOfficeRow

COL_CODE = 0
COL_NAME = 1
COL_KIND = 2
COL_ROLE = 3
COL_FINGERPRINT = 4
COL_ENCRYPTION = 5
COL_SEQ_SENT = 6
COL_SEQ_RECEIVED = 7
COL_LAST_PACKAGE = 8
COL_ROWS_OWNED = 9
COL_LAST_RECEIPT = 10
COL_CONFLICTS = 11
COL_TOTALS = 12

_CONTEXT = "SyncTableModel"
_TOTALS = (
    QT_TRANSLATE_NOOP("SyncTableModel", "Cocok"),
    QT_TRANSLATE_NOOP("SyncTableModel", "TIDAK cocok"),
)
_ROLES = (
    QT_TRANSLATE_NOOP("SyncTableModel", "Kantor ini"),
    QT_TRANSLATE_NOOP("SyncTableModel", "Mitra terdaftar"),
    QT_TRANSLATE_NOOP("SyncTableModel", "Belum terdaftar"),
)


def _role_index(row: SyncOfficeRow) -> int:
    return 0 if row.is_home else 1 if row.is_partner else 2


def _role(row: SyncOfficeRow) -> str:
    return QCoreApplication.translate(_CONTEXT, _ROLES[_role_index(row)])


_ENCRYPTION = (
    QT_TRANSLATE_NOOP("SyncTableModel", "Terenkripsi"),
    QT_TRANSLATE_NOOP("SyncTableModel", "Belum (minta berkas kunci baru)"),
    # this office itself, set up before issue 17: its pair is made with its next key file
    QT_TRANSLATE_NOOP("SyncTableModel", "Belum (tulis berkas kunci kantor ini)"),
)


def _encryption_key(row: SyncOfficeRow) -> int:
    """1: packages to it are encrypted; 0: not yet; -1: not a partner (nothing to say)."""
    if not (row.is_partner or row.is_home):
        return -1
    return int(bool(getattr(row, "can_encrypt", False)))


def _encryption(row: SyncOfficeRow) -> str:
    key = _encryption_key(row)
    if key < 0:
        return ""
    index = 0 if key else 2 if row.is_home else 1
    return QCoreApplication.translate(_CONTEXT, _ENCRYPTION[index])


def _seq(value: int, row: SyncOfficeRow) -> str:
    # Sequence numbers mean something only between partners; elsewhere a 0 would mislead.
    return fmt_count(value) if row.is_partner else ""


def _receipt_at(row: SyncOfficeRow) -> Any:
    # Plain SyncOfficeRow (older callers, tests) has no exchange state: show nothing.
    return getattr(row, "last_receipt_at", None)


def _conflicts(row: SyncOfficeRow) -> int:
    return int(getattr(row, "open_conflicts", 0))


def _totals(row: SyncOfficeRow) -> str:
    agree = getattr(row, "totals_agree", None)
    if agree is None:
        return ""
    return QCoreApplication.translate(_CONTEXT, _TOTALS[0 if agree else 1])


def _totals_key(row: SyncOfficeRow) -> int:
    agree = getattr(row, "totals_agree", None)
    return -1 if agree is None else int(agree)


def _key_columns() -> tuple[Column[SyncOfficeRow], ...]:
    return (
        Column(
            # In full: it is read out over the phone, group by group (issue 17).
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Sidik jari"),
            lambda r: r.fingerprint,
            tooltip=lambda r: r.fingerprint,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Enkripsi"),
            _encryption,
            _encryption_key,
            searchable=False,
            header_tip=QT_TRANSLATE_NOOP(
                HEADER_CONTEXT,
                "Apakah paket ke kantor ini dienkripsi (berkas kuncinya memuat kunci enkripsi)",
            ),
        ),
    )


def columns(lang: str = "id") -> tuple[Column[SyncOfficeRow], ...]:
    return (
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kode"), lambda r: r.office_code),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kantor"), lambda r: r.office_name, elastic=150),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Jenis"), lambda r: enum_label(r.kind, lang)),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Peran"), _role, _role_index),
        *_key_columns(),
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
            tooltip=lambda r: getattr(r, "last_package", ""),
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
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Tanda terima"),
            lambda r: fmt_datetime(_receipt_at(r)),
            _receipt_at,
            searchable=False,
            header_tip=QT_TRANSLATE_NOOP(
                HEADER_CONTEXT, "Tanda terima terakhir yang ditulis atau dibaca untuk kantor ini"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Konflik"),
            lambda r: fmt_count(_conflicts(r)) if _conflicts(r) else "",
            _conflicts,
            align=RIGHT,
            searchable=False,
            header_tip=QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Konflik yang belum diselesaikan"),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Jumlah data"),
            _totals,
            _totals_key,
            searchable=False,
            header_tip=QT_TRANSLATE_NOOP(
                HEADER_CONTEXT, "Apakah jumlah data pada tanda terima terakhir cocok"
            ),
        ),
    )


class SyncTableModel(RowTableModel[SyncOfficeRow]):
    def __init__(self, parent: Any = None, *, lang: str = "id") -> None:
        super().__init__(columns(lang), parent)


# -- conflicts --------------------------------------------------------------------------------

CONFLICT_KINDS = {
    "duplicate": QT_TRANSLATE_NOOP("SyncTableModel", "Ganda"),
    "diverged": QT_TRANSLATE_NOOP("SyncTableModel", "Berbeda"),
    "older": QT_TRANSLATE_NOOP("SyncTableModel", "Versi lama"),
    "owner": QT_TRANSLATE_NOOP("SyncTableModel", "Milik kantor lain"),
    "locked_period": QT_TRANSLATE_NOOP("SyncTableModel", "Periode terkunci"),
    "overlap": QT_TRANSLATE_NOOP("SyncTableModel", "Penugasan bertumpuk"),
    "evaluation_state": QT_TRANSLATE_NOOP("SyncTableModel", "Sudah disetujui"),
}
CONFLICT_STATUS = {
    "open": QT_TRANSLATE_NOOP("SyncTableModel", "Terbuka"),
    "accepted": QT_TRANSLATE_NOOP("SyncTableModel", "Data masuk diterima"),
    "kept": QT_TRANSLATE_NOOP("SyncTableModel", "Data tersimpan dipertahankan"),
    "rejected": QT_TRANSLATE_NOOP("SyncTableModel", "Ditolak"),
}


def _word(table: dict[str, str], key: str) -> str:
    source = table.get(key)
    return QCoreApplication.translate(_CONTEXT, source) if source else key


def conflict_columns() -> tuple[Column[Any], ...]:
    return (
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Jenis"), lambda c: _word(CONFLICT_KINDS, c.kind)),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kantor"), lambda c: c.office),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Data"), lambda c: c.entity),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Baris"),
            lambda c: fmt_count(c.line),
            lambda c: c.line,
            align=RIGHT,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kunci"),
            lambda c: c.natural_key or c.row_uuid,
            elastic=160,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Status"), lambda c: _word(CONFLICT_STATUS, c.status)
        ),
    )


class ConflictTableModel(RowTableModel[Any]):
    """Rows are :class:`kinerja_desktop.services.sync.conflicts.ConflictDTO`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(conflict_columns(), parent)
