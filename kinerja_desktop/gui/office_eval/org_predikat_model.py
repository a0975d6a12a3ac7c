"""The grid of the "Predikat organisasi" dialog: one row per office of the period.

The predikat itself is chosen in a combo box laid over the cell of each row the account may
set; the note is typed into the grid. The distribution check is worked out by the dialog when
it loads the rows (it asks the database), so a row carries its words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

from kinerja_desktop.domain.messages import label
from kinerja_desktop.gui.kit.format import fmt_capaian
from kinerja_desktop.gui.kit.table_model import RIGHT, Column, Edit
from kinerja_desktop.gui.office_eval.common import CATEGORY_COLOURS, READ_ONLY_COLOUR
from kinerja_desktop.services.office_eval import OrgPredikatRow

COL_OFFICE, COL_IKU, COL_PREDIKAT, COL_NOTE, COL_DISTRIBUTION, COL_BY = range(6)
WARNING_COLOUR = QColor(Qt.GlobalColor.darkRed)


@dataclass(frozen=True)
class OrgCell:
    """One office as the grid shows it.

    Attributes:
        row: the stored predikat and who sets it.
        note: the note as typed.
        distribution: the distribution check in words.
        warned: the check found the pattern broken (drawn dark red).
        distribution_tip: the counts behind a warning.
    """

    row: OrgPredikatRow
    note: str
    distribution: str
    warned: bool = False
    distribution_tip: str | None = None


def _read_only(cell: OrgCell) -> QColor | None:
    return None if cell.row.may_set else READ_ONLY_COLOUR


def _shown_predikat(cell: OrgCell, lang: str) -> str:
    if cell.row.may_set:
        return ""  # the combo box over the cell says it
    return label(cell.row.predikat, lang) if cell.row.predikat else "—"


def _set_by(row: OrgPredikatRow) -> str:
    return row.leader + (f" ({row.origin_office})" if row.origin_office else "")


def org_columns(lang: str) -> list[Column[OrgCell]]:
    """The grid's columns in ``COL_*`` order."""
    return [
        Column(
            QT_TRANSLATE_NOOP("OfficeEval", "Kantor"),
            lambda c: f"{c.row.office_code} — {c.row.office_name}",
        ),
        Column(
            QT_TRANSLATE_NOOP("OfficeEval", "Capaian IKU (%)"),
            lambda c: fmt_capaian(c.row.iku_capaian),
            align=RIGHT,
            tooltip=lambda c: label(c.row.iku_category, lang) if c.row.iku_category else None,
            background=lambda c: CATEGORY_COLOURS.get(c.row.iku_category),  # type: ignore[arg-type]
        ),
        Column(
            QT_TRANSLATE_NOOP("OfficeEval", "Predikat organisasi"),
            lambda c: _shown_predikat(c, lang),
            background=_read_only,
        ),
        Column(
            QT_TRANSLATE_NOOP("OfficeEval", "Catatan"),
            lambda c: c.note,
            background=_read_only,
            edit=Edit(lambda c, text: replace(c, note=text), None, lambda c: c.row.may_set),
        ),
        Column(
            QT_TRANSLATE_NOOP("OfficeEval", "Pola distribusi pegawai"),
            lambda c: c.distribution,
            tooltip=lambda c: c.distribution_tip,
            foreground=lambda c: WARNING_COLOUR if c.warned else None,
        ),
        Column(QT_TRANSLATE_NOOP("OfficeEval", "Ditetapkan oleh"), lambda c: _set_by(c.row)),
    ]
