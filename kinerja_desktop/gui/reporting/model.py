"""The Laporan table: completion and IKU achievement of every office for one period."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kinerja_desktop.domain.enums import OrgPredikat
from kinerja_desktop.gui.kit.format import enum_label, fmt_capaian, fmt_count
from kinerja_desktop.gui.kit.table_model import HEADER_CONTEXT, RIGHT, Column, RowTableModel
from kinerja_desktop.services.common.dto import OfficeRecapRow

# No "Jenis" column: office names already say it ("Kelurahan ...", "Puskesmas ...").
COL_CODE = 0
COL_NAME = 1
COL_EMPLOYEES = 2
COL_INDICATORS = 3
COL_MEAN_CAPAIAN = 4
COL_NOT_STARTED = 5
COL_DRAFT = 6
COL_SUBMITTED = 7
COL_RETURNED = 8
COL_APPROVED = 9
COL_ORG_PREDIKAT = 10

_ORG_ORDER = {predikat: n for n, predikat in enumerate(OrgPredikat)}


def _count(header: str, attr: str, tip: str | None = None) -> Column[OfficeRecapRow]:
    return Column(
        header,
        lambda r: fmt_count(getattr(r, attr)),
        lambda r: getattr(r, attr),
        align=RIGHT,
        searchable=False,
        header_tip=tip,
    )


def columns(lang: str = "id") -> tuple[Column[OfficeRecapRow], ...]:
    return (
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kode"), lambda r: r.office_code),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kantor"), lambda r: r.office_name, elastic=200),
        _count(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Pegawai"), "employees"),
        _count(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "IKU"),
            "indicators",
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Jumlah indikator kinerja utama tahun ini"),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Capaian (%)"),
            lambda r: fmt_capaian(r.mean_capaian),
            lambda r: r.mean_capaian,
            align=RIGHT,
            searchable=False,
            header_tip=QT_TRANSLATE_NOOP(
                HEADER_CONTEXT, "Rata-rata capaian IKU yang sudah ada realisasinya pada periode ini"
            ),
        ),
        _count(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Belum"),
            "not_started",
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Pegawai aktif yang evaluasinya belum dimulai"),
        ),
        _count(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Draft"), "draft"),
        _count(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Diajukan"), "submitted"),
        _count(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Dikembalikan"), "returned"),
        _count(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Disetujui"), "approved"),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Predikat kantor"),
            lambda r: enum_label(r.org_predikat, lang),
            lambda r: _ORG_ORDER.get(r.org_predikat) if r.org_predikat else None,
        ),
    )


class OfficeRecapTableModel(RowTableModel[OfficeRecapRow]):
    def __init__(self, parent: Any = None, *, lang: str = "id") -> None:
        super().__init__(columns(lang), parent)
