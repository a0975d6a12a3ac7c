"""The two grids of the "Survei IKM" dialog: the answers by respondent and the NRR per unsur.

An answer is kept as typed, so a wrong one stays on screen (red, naming respondent and unsur)
until it is corrected; only answers 1 to 4 count, a blank is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor

from kinerja_desktop.domain.enums import AchievementCategory
from kinerja_desktop.domain.ikm import IKM_UNSUR
from kinerja_desktop.gui.kit.editable_table_model import EditableTableModel
from kinerja_desktop.gui.kit.table_model import CENTER, Column, Edit, RowTableModel
from kinerja_desktop.gui.office_eval.common import CATEGORY_COLOURS, CONTEXT, tr
from kinerja_desktop.services.office_eval import IkmReport

WEAKEST_COLOUR = CATEGORY_COLOURS[AchievementCategory.RENDAH]
ANSWERS = frozenset({"1", "2", "3", "4"})


@dataclass(frozen=True)
class Respondent:
    """One respondent's answers to U1..U9, as typed."""

    answers: tuple[str, ...] = ("",) * len(IKM_UNSUR)

    def values(self) -> list[int | None]:
        """The valid answers (a wrong or blank one counts as blank)."""
        return [int(t.strip()) if t.strip() in ANSWERS else None for t in self.answers]


def _answer_column(col: int, code: str, name: str) -> Column[Respondent]:
    def typed(row: Respondent, text: str) -> Respondent:
        answers = list(row.answers)
        answers[col] = text
        return replace(row, answers=tuple(answers))

    return Column(
        code,
        lambda r: r.answers[col],
        align=CENTER,
        searchable=False,
        header_tip=f"{code} {name}",
        edit=Edit(typed),
    )


class AnswersModel(EditableTableModel[Respondent]):
    """One row per respondent, one column per unsur."""

    def __init__(self, parent: Any = None) -> None:
        columns = [_answer_column(n, code, name) for n, (code, name) in enumerate(IKM_UNSUR)]
        super().__init__(columns, parent, header_context=CONTEXT)

    def problem(self, view_row: int, column: int) -> str:
        text = self.row_at(view_row).answers[column].strip()
        if text == "" or text in ANSWERS:
            return ""
        return tr("Responden {n}, {unsur}: jawaban harus 1 sampai 4, bukan {value}.").format(
            n=view_row + 1, unsur=IKM_UNSUR[column][0], value=text
        )

    def answers(self) -> list[list[int | None]]:
        return [row.values() for row in self.all_rows()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # The respondent's number, as the messages name it ("Responden 3, U5: ...").
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1) if 0 <= section < self.rowCount() else None
        return super().headerData(section, orientation, role)


@dataclass(frozen=True)
class NrrRow:
    code: str
    name: str
    nrr: str
    weakest: bool


def nrr_rows(report: IkmReport | None) -> list[NrrRow]:
    """One row per unsur; the NRR is blank without a report."""
    weakest = report.result.weakest_unsur if report else None
    return [
        NrrRow(code, name, str(report.nrr[n]).replace(".", ",") if report else "", code == weakest)
        for n, (code, name) in enumerate(IKM_UNSUR)
    ]


def _weakest(row: NrrRow) -> QColor | None:
    return WEAKEST_COLOUR if row.weakest else None


class NrrModel(RowTableModel[NrrRow]):
    """The NRR per unsur, the weakest one coloured."""

    def __init__(self, parent: Any = None) -> None:
        columns = [
            Column(QT_TRANSLATE_NOOP("OfficeEval", "Unsur"), lambda r: r.code, background=_weakest),
            Column(
                QT_TRANSLATE_NOOP("OfficeEval", "Nama unsur"), lambda r: r.name, background=_weakest
            ),
            Column(QT_TRANSLATE_NOOP("OfficeEval", "NRR"), lambda r: r.nrr, background=_weakest),
        ]
        super().__init__(columns, parent, header_context=CONTEXT)
