"""The grids of the IKU catalogue editor: the indicator list, the targets per period (with the
automatic split they start from) and the template library.

The list shows the catalogue as edited so far (nothing is stored before "Simpan"); the targets
grid is typed into only when the split is not automatic. The headers keep the translation
context of the dialog's own texts.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.gui.kit.editable_table_model import EditableTableModel
from kinerja_desktop.gui.kit.table_model import Column, Edit
from kinerja_desktop.gui.plans.common import parse_decimal, show_decimal
from kinerja_desktop.services.plans.dto import IndicatorInput, PeriodTarget

CATALOGUE_CONTEXT = "CatalogueDialog"
LIST_CODE, LIST_NAME, LIST_TARGET, LIST_WEIGHT = range(4)
GRID_PERIOD, GRID_TARGET, GRID_HI = range(3)


def annual_target_text(target: Decimal, target_hi: Decimal | None, unit: str) -> str:
    """``"95 %"``, or ``"80–90 %"`` for a range."""
    text = show_decimal(target)
    if target_hi is not None:
        text += f"–{show_decimal(target_hi)}"
    return f"{text} {unit}"


def _target_text(item: IndicatorInput) -> str:
    return annual_target_text(item.annual_target, item.annual_target_hi, item.unit).strip()


class IndicatorListModel(EditableTableModel[IndicatorInput]):
    """The indicators being edited, in catalogue order (rows change by ``replace_row``)."""

    def __init__(self, parent: Any = None) -> None:
        columns = [
            Column(QT_TRANSLATE_NOOP("CatalogueDialog", "Kode"), lambda i: i.code),
            Column(QT_TRANSLATE_NOOP("CatalogueDialog", "Nama indikator"), lambda i: i.name),
            Column(QT_TRANSLATE_NOOP("CatalogueDialog", "Target"), _target_text),
            Column(QT_TRANSLATE_NOOP("CatalogueDialog", "Bobot"), lambda i: show_decimal(i.weight)),
        ]
        super().__init__(columns, parent, header_context=CATALOGUE_CONTEXT)


@dataclass(frozen=True)
class TargetCell:
    """One period's target as typed (``period`` is the ISO code, ``label`` what is shown)."""

    period: str
    label: str
    target: str
    target_hi: str

    @classmethod
    def of(cls, target: PeriodTarget, lang: str) -> TargetCell:
        label = Period.parse(target.period).label(lang)
        return cls(target.period, label, show_decimal(target.target),
                   show_decimal(target.target_hi))  # fmt: skip

    def read(self) -> PeriodTarget | None:
        """The target typed; ``None`` when the target is blank.

        Raises:
            BadNumber: a cell holds something that is not a number.
        """
        low, high = parse_decimal(self.target), parse_decimal(self.target_hi)
        return None if low is None else PeriodTarget(self.period, low, high)


class TargetsModel(EditableTableModel[TargetCell]):
    """The targets per period; :meth:`set_editable` follows the automatic split."""

    def __init__(self, parent: Any = None) -> None:
        columns = [
            Column(QT_TRANSLATE_NOOP("CatalogueDialog", "Periode"), lambda c: c.label),
            Column(
                QT_TRANSLATE_NOOP("CatalogueDialog", "Target"),
                lambda c: c.target,
                edit=Edit(lambda c, text: replace(c, target=text)),
            ),
            Column(
                QT_TRANSLATE_NOOP("CatalogueDialog", "Batas atas"),
                lambda c: c.target_hi,
                edit=Edit(lambda c, text: replace(c, target_hi=text)),
            ),
        ]
        super().__init__(columns, parent, header_context=CATALOGUE_CONTEXT)

    def targets(self) -> tuple[PeriodTarget, ...]:
        """The typed targets, periods with a blank target left out (raises ``BadNumber``)."""
        return tuple(t for cell in self.all_rows() if (t := cell.read()) is not None)

    def periods(self) -> list[str]:
        return [cell.period for cell in self.all_rows()]


# Targets by period code: (target, upper bound of a range).
Keyed = dict[str, tuple[Decimal, Decimal | None]]


def split_targets(year: int, values: IndicatorInput) -> Keyed | None:
    """The automatic split of ``values``' annual target by period, or ``None`` when the form
    does not allow one yet."""
    from kinerja_desktop.services.plans import period_targets

    try:
        return keyed_targets(period_targets(values, year))
    except (KinerjaError, ValueError, TypeError):
        return None


def keyed_targets(targets: tuple[PeriodTarget, ...]) -> Keyed:
    return {
        t.period: (Decimal(t.target), None if t.target_hi is None else Decimal(t.target_hi))
        for t in targets
    }


def fill_template_tree(tree: QTreeWidget) -> None:
    """The template library by group (the SPM group folded); item data: the template key."""
    from kinerja_desktop.services.plans import GROUPS, TEMPLATES

    groups: dict[str, QTreeWidgetItem] = {}
    for key, title in GROUPS.items():
        groups[key] = QTreeWidgetItem(tree, [title])
        groups[key].setExpanded(key != "spm")
    for t in TEMPLATES:
        target = annual_target_text(t.annual_target, t.annual_target_hi, t.unit)
        item = QTreeWidgetItem(groups[t.group], [t.name, target])
        item.setData(0, Qt.ItemDataRole.UserRole, t.key)
        item.setToolTip(0, t.definition)
