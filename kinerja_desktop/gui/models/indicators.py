"""The Indikator table: one IKU per office and year, with its latest capaian."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kinerja_desktop.domain.enums import Polarity
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.gui.format import enum_label, fmt_capaian, fmt_decimal, fmt_period
from kinerja_desktop.gui.models.table_model import HEADER_CONTEXT, RIGHT, Column, RowTableModel
from kinerja_desktop.services.dto import IndicatorRow

# What a clerk checks first (target, realisation, capaian) comes before the descriptive
# columns, so it is on screen at 1280 px without scrolling sideways.
COL_OFFICE = 0
COL_CODE = 1
COL_NAME = 2
COL_UNIT = 3
COL_TARGET = 4
COL_LAST_PERIOD = 5
COL_REALISATION = 6
COL_CAPAIAN = 7
COL_WEIGHT = 8
COL_POLARITY = 9
COL_PERIODICITY = 10
COL_YEAR = 11


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
