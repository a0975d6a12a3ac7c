"""The grid of the "Realisasi IKU kantor" dialog: one editable row per IKU of the period.

A row keeps the realisation and note as typed, so a wrong number stays on screen (red, with the
reason) until it is corrected; the capaian and its category follow every commit of a cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from kinerja_desktop.domain.enums import Polarity
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe, label
from kinerja_desktop.domain.scoring import capaian, category
from kinerja_desktop.gui.kit.format import fmt_capaian, fmt_decimal
from kinerja_desktop.gui.kit.table_model import RIGHT, Column, Edit
from kinerja_desktop.gui.office_eval.common import (
    CATEGORY_COLOURS,
    READ_ONLY_COLOUR,
    tr,
)
from kinerja_desktop.services.office_eval import IndicatorCapaian, parse_value

COL_CODE, COL_NAME, COL_UNIT, COL_TARGET, COL_VALUE, COL_CAPAIAN, COL_CATEGORY, COL_NOTE = range(8)


@dataclass(frozen=True)
class RealisationCell:
    """One IKU as the grid shows it.

    Attributes:
        line: the stored realisation and capaian.
        value: the realisation as typed (Indonesian decimal comma).
        note: the note as typed.
        editable: this row may be typed into (the period is open, the office is home, the
            account may enter, and the value is not rolled up from the periods).
        capaian: the capaian of ``value`` (None when blank, unreadable or unmeasurable).
        problem: the message code when the capaian cannot be measured.
    """

    line: IndicatorCapaian
    value: str
    note: str
    editable: bool
    capaian: Decimal | None
    problem: str = ""

    @classmethod
    def of(cls, line: IndicatorCapaian, *, editable: bool) -> RealisationCell:
        value = fmt_decimal(line.value) if line.value is not None else ""
        return cls(
            line, value, line.note, editable and not line.derived, line.capaian, line.problem
        )


def typed_value(cell: RealisationCell, text: str) -> RealisationCell:
    """``cell`` with ``text`` as its realisation and the capaian it gives."""
    try:
        value = parse_value(text)
    except KinerjaError:
        return replace(cell, value=text, capaian=None, problem="")
    if value is None:
        return replace(cell, value=text, capaian=None, problem="")
    line = cell.line
    try:
        hi = line.target_hi if line.polarity == Polarity.RANGE else None
        live = capaian(value, line.target, line.polarity, target_hi=hi, cap=line.cap)
    except KinerjaError as err:
        return replace(cell, value=text, capaian=None, problem=err.code)
    return replace(cell, value=text, capaian=live, problem="")


def target_text(line: IndicatorCapaian) -> str:
    if line.polarity == Polarity.RANGE and line.target_hi is not None:
        return f"{fmt_decimal(line.target)}–{fmt_decimal(line.target_hi)}"
    return fmt_decimal(line.target)


def realisation_columns(lang: str, bands: Callable[[], object]) -> list[Column[RealisationCell]]:
    """The grid's columns in ``COL_*`` order; ``bands`` gives the category bands when needed."""

    def value_problem(_cell: RealisationCell, text: str) -> str:
        try:
            parse_value(text)
        except KinerjaError as err:
            return describe(err, lang)
        return ""

    def band(cell: RealisationCell) -> object | None:
        return None if cell.capaian is None else category(cell.capaian, bands())

    def read_only(cell: RealisationCell) -> QColor | None:
        return None if cell.editable else READ_ONLY_COLOUR

    def derived_tip(cell: RealisationCell) -> str | None:
        if not cell.line.derived:
            return None
        return tr("Dihitung dari realisasi periode-periodenya (aturan pembagian target).")

    editable = Edit[RealisationCell]
    return [
        Column(QT_TRANSLATE_NOOP("OfficeEval", "Kode"), lambda c: c.line.code),
        Column(
            QT_TRANSLATE_NOOP("OfficeEval", "Indikator"),
            lambda c: c.line.name,
            tooltip=lambda c: c.line.name,
        ),
        Column(QT_TRANSLATE_NOOP("OfficeEval", "Satuan"), lambda c: c.line.unit),
        Column(
            QT_TRANSLATE_NOOP("OfficeEval", "Target"), lambda c: target_text(c.line), align=RIGHT
        ),
        Column(
            QT_TRANSLATE_NOOP("OfficeEval", "Realisasi"),
            lambda c: c.value,
            align=RIGHT,
            tooltip=derived_tip,
            background=read_only,
            edit=editable(typed_value, value_problem, lambda c: c.editable),
        ),
        Column(
            QT_TRANSLATE_NOOP("OfficeEval", "Capaian (%)"),
            lambda c: fmt_capaian(c.capaian),
            align=RIGHT,
            tooltip=lambda c: describe(KinerjaError(c.problem), lang) if c.problem else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("OfficeEval", "Kategori"),
            lambda c: label(b, lang) if (b := band(c)) is not None else "",
            background=lambda c: CATEGORY_COLOURS[b] if (b := band(c)) is not None else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("OfficeEval", "Catatan"),
            lambda c: c.note,
            background=read_only,
            edit=editable(lambda c, text: replace(c, note=text), None, lambda c: c.editable),
        ),
    ]
