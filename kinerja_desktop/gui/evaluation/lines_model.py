"""The realisation grid of the evaluation editor: one editable row per indicator of the SKP.

The clerk types the realisation and a note, the penilai the feedback; a realisation stays as
typed, so a wrong one is shown red with the reason until corrected, and the capaian and its
category follow every commit of the cell (DOMAIN.md A 1, A 2). Services are imported when a
value is read, so opening the window still loads no SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe, label
from kinerja_desktop.domain.scoring import capaian, category
from kinerja_desktop.gui.kit.format import fmt_capaian, fmt_decimal
from kinerja_desktop.gui.kit.table_model import RIGHT, Column, Edit

if TYPE_CHECKING:
    from kinerja_desktop.services.evaluation.dto import RealisationLine

(COL_CODE, COL_TEXT, COL_TARGET, COL_UNIT, COL_ROLLUP, COL_VALUE, COL_NOTE, COL_CAPAIAN,
 COL_CATEGORY, COL_EVIDENCE, COL_FEEDBACK) = range(11)  # fmt: skip
# The headers keep the translation context the editor's own texts use.
EDITOR_CONTEXT = "EvaluationEditor"

BAD = QColor(255, 220, 220)
CATEGORY_COLOURS = {
    "sangat_tinggi": QColor(198, 239, 206),
    "tinggi": QColor(221, 235, 247),
    "sedang": QColor(255, 242, 204),
    "rendah": QColor(252, 228, 214),
    "sangat_rendah": QColor(255, 199, 206),
}


@dataclass(frozen=True)
class LineCell:
    """One indicator as the grid shows it.

    Attributes:
        line: the stored line.
        value, note, feedback: as typed.
        clerk: the realisation and note may be typed (the actor enters realisations).
        judge: the feedback may be typed (the actor assesses).
        capaian: the capaian of ``value`` (None when blank, unreadable or unmeasurable).
        problem: why there is no capaian, worded (the capaian cell's tooltip).
    """

    line: RealisationLine
    value: str
    note: str
    feedback: str
    clerk: bool
    judge: bool
    capaian: Decimal | None
    problem: str = ""

    @classmethod
    def of(cls, line: RealisationLine, *, clerk: bool, judge: bool) -> LineCell:
        return cls(line, fmt_decimal(line.value), line.note, line.feedback, clerk, judge,
                   line.capaian, line.problem)  # fmt: skip


class _Indicator:
    """What :func:`parse_value` needs of an indicator, from a line DTO."""

    def __init__(self, line: RealisationLine) -> None:
        self.text = line.text
        self.split_rule = line.split_rule
        self.aspect = line.aspect


def _parse(text: str, line: RealisationLine) -> Decimal | None:
    from kinerja_desktop.services.evaluation import parse_value

    return parse_value(text, _Indicator(line))


def _typed_value(lang: str) -> Callable[[LineCell, str], LineCell]:
    def typed(cell: LineCell, text: str) -> LineCell:
        line = cell.line
        try:
            value = _parse(text, line)
            if value is None:
                return replace(cell, value=text, capaian=None, problem="")
            score = capaian(
                value, line.target, line.polarity, target_hi=line.target_hi, cap=line.cap
            )
        except KinerjaError as err:
            return replace(cell, value=text, capaian=None, problem=describe(err, lang))
        return replace(cell, value=text, capaian=score, problem="")

    return typed


def _target_text(line: RealisationLine) -> str:
    if line.target_hi is not None:
        return f"{fmt_decimal(line.target)}–{fmt_decimal(line.target_hi)}"
    return fmt_decimal(line.target)


def line_columns(lang: str, bands: Callable[[], Any]) -> list[Column[LineCell]]:
    """The grid's columns in ``COL_*`` order; ``bands`` gives the category bands."""

    def value_problem(cell: LineCell, text: str) -> str:
        try:
            _parse(text, cell.line)
        except KinerjaError as err:
            return describe(err, lang)
        return ""

    def band(cell: LineCell) -> Any:
        return None if cell.capaian is None else category(cell.capaian, bands())

    def text_tip(cell: LineCell) -> str:
        line = cell.line
        return f"{label(line.rhk_kind, lang)}: {line.rhk_text}\n{line.text}"

    def clerk(cell: LineCell) -> bool:
        return cell.clerk

    return [
        Column(QT_TRANSLATE_NOOP("EvaluationEditor", "Kode"), lambda c: c.line.code),
        Column(
            QT_TRANSLATE_NOOP("EvaluationEditor", "Indikator"),
            lambda c: c.line.text,
            tooltip=text_tip,
        ),
        Column(
            QT_TRANSLATE_NOOP("EvaluationEditor", "Target"),
            lambda c: _target_text(c.line),
            align=RIGHT,
        ),
        Column(QT_TRANSLATE_NOOP("EvaluationEditor", "Satuan"), lambda c: c.line.unit),
        Column(
            QT_TRANSLATE_NOOP("EvaluationEditor", "Dari periode"),
            lambda c: fmt_decimal(c.line.rollup),
            align=RIGHT,
        ),
        Column(
            QT_TRANSLATE_NOOP("EvaluationEditor", "Realisasi"),
            lambda c: c.value,
            align=RIGHT,
            edit=Edit(_typed_value(lang), value_problem, clerk),
        ),
        Column(
            QT_TRANSLATE_NOOP("EvaluationEditor", "Catatan"),
            lambda c: c.note,
            edit=Edit(lambda c, text: replace(c, note=text), None, clerk),
        ),
        Column(
            QT_TRANSLATE_NOOP("EvaluationEditor", "Capaian (%)"),
            lambda c: fmt_capaian(c.capaian),
            align=RIGHT,
            tooltip=lambda c: c.problem,
        ),
        Column(
            QT_TRANSLATE_NOOP("EvaluationEditor", "Kategori"),
            lambda c: label(b, lang) if (b := band(c)) is not None else "",
            background=lambda c: CATEGORY_COLOURS[b.value] if (b := band(c)) is not None else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("EvaluationEditor", "Bukti"),
            lambda c: ", ".join(e.filename for e in c.line.evidence),
        ),
        Column(
            QT_TRANSLATE_NOOP("EvaluationEditor", "Umpan balik penilai"),
            lambda c: c.feedback,
            edit=Edit(lambda c, text: replace(c, feedback=text), None, lambda c: c.judge),
        ),
    ]
