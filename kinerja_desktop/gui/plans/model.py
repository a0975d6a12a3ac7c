"""The Indikator tables: one IKU per office and year with its latest capaian, and the SKP list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kinerja_desktop.domain.enums import EvaluationStatus, Polarity
from kinerja_desktop.domain.messages import text
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.gui.kit.format import enum_label, fmt_capaian, fmt_decimal, fmt_period
from kinerja_desktop.gui.kit.table_model import (
    HEADER_CONTEXT,
    RIGHT,
    Column,
    RowTableModel,
    nip_column,
)
from kinerja_desktop.services.common.dto import IndicatorRow
from kinerja_desktop.services.plans.dto import SkpRow

# What a clerk checks first (target, realisation, capaian) comes before the descriptive
# columns, so it is on screen at 1280 px without scrolling sideways.
COL_OFFICE, COL_CODE, COL_NAME, COL_UNIT, COL_TARGET, COL_LAST_PERIOD, COL_REALISATION = range(7)
COL_CAPAIAN, COL_WEIGHT, COL_POLARITY, COL_PERIODICITY, COL_YEAR = range(7, 12)


def _target(row: IndicatorRow) -> str:
    # A range target reads "80–90"; the en dash keeps it from looking like a negative number.
    if row.polarity == Polarity.RANGE and row.annual_target_hi is not None:
        return f"{fmt_decimal(row.annual_target)}–{fmt_decimal(row.annual_target_hi)}"
    return fmt_decimal(row.annual_target)


def _period_key(row: IndicatorRow) -> Any:
    if row.last_period is None:
        return None
    try:
        return Period.parse(row.last_period)
    except Exception:  # an unreadable code sorts last instead of breaking the sort
        return None


def columns(lang: str = "id") -> tuple[Column[IndicatorRow], ...]:
    return (
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kantor"),
            lambda r: r.office_code,
            tooltip=lambda r: r.office_name,
        ),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kode"), lambda r: r.code),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Indikator kinerja utama"),
            lambda r: r.name,
            tooltip=lambda r: r.name,
            elastic=200,
        ),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Satuan"), lambda r: r.unit),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Target tahunan"),
            _target,
            lambda r: r.annual_target,
            align=RIGHT,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Periode terakhir"),
            lambda r: fmt_period(r.last_period, lang),
            _period_key,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Realisasi"),
            lambda r: fmt_decimal(r.last_realisation),
            lambda r: r.last_realisation,
            align=RIGHT,
            searchable=False,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Capaian (%)"),
            lambda r: fmt_capaian(r.last_capaian),
            lambda r: r.last_capaian,
            align=RIGHT,
            searchable=False,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Bobot"),
            lambda r: fmt_decimal(r.weight),
            lambda r: r.weight,
            align=RIGHT,
            searchable=False,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Polaritas"),
            lambda r: enum_label(r.polarity, lang),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Periode ukur"),
            lambda r: enum_label(r.periodicity, lang),
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Tahun"),
            lambda r: str(r.year),
            lambda r: r.year,
            align=RIGHT,
        ),
    )


class IndicatorTableModel(RowTableModel[IndicatorRow]):
    def __init__(self, parent: Any = None, *, lang: str = "id") -> None:
        super().__init__(columns(lang), parent)


# -- the SKP list (Indikator view, tab "SKP Pegawai") -----------------------------------------

SKP_COL_OFFICE, SKP_COL_NIP, SKP_COL_NAME, SKP_COL_JABATAN, SKP_COL_ATASAN = range(5)
SKP_COL_STATUS, SKP_COL_REVISION, SKP_COL_RHK = range(5, 8)

_SKP_STATUS_ORDER = {None: -1, **{status: n for n, status in enumerate(EvaluationStatus)}}


def _skp_status(row: SkpRow, lang: str) -> str:
    if row.status is None:
        return text("plans.no_skp", lang)
    return enum_label(row.status, lang)


def skp_columns(lang: str = "id") -> tuple[Column[SkpRow], ...]:
    return (
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kantor"), lambda r: r.office_code),
        nip_column(lambda r: r.nip),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Nama"), lambda r: r.name, elastic=160),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Jabatan"),
            lambda r: r.jabatan,
            elastic=160,
            tooltip=lambda r: r.jabatan,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Pejabat penilai"),
            lambda r: r.atasan_name,
            elastic=120,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Status SKP"),
            lambda r: _skp_status(r, lang),
            lambda r: _SKP_STATUS_ORDER[r.status],
            tooltip=lambda r: r.status_reason,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Revisi"),
            lambda r: "" if r.revision is None else str(r.revision),
            lambda r: r.revision,
            align=RIGHT,
            searchable=False,
        ),
        Column(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "RHK"),
            lambda r: str(r.rhk_count),
            lambda r: r.rhk_count,
            align=RIGHT,
            searchable=False,
        ),
    )


class SkpTableModel(RowTableModel[SkpRow]):
    """Every active employee of the year with the state of their SKP; no SKP is muted."""

    def __init__(self, parent: Any = None, *, lang: str = "id") -> None:
        super().__init__(skp_columns(lang), parent, muted=lambda r: r.status is None)
