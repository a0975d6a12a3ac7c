"""Laporan: the recap of every office for one period (completion and IKU achievement)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from kinerja_desktop.domain.periods import Period
from kinerja_desktop.gui.models.recap import OfficeRecapTableModel
from kinerja_desktop.gui.views.base import ListView
from kinerja_desktop.gui.widgets.period_combo import PeriodCombo
from kinerja_desktop.services.dto import PeriodChoice

if TYPE_CHECKING:
    from kinerja_desktop.services.database import Database


def _with_current_year(choices: list[PeriodChoice], today: date) -> list[PeriodChoice]:
    # A new database has no period yet, but the recap of the running year is still useful
    # (who has staff and IKU), so the current year is always offered.
    year = Period.parse(str(today.year))
    if any(choice.code == str(year) for choice in choices):
        return choices
    extra = PeriodChoice(code=str(year), label=year.label(), start=year.start, end=year.end)
    return sorted([*choices, extra], key=lambda c: Period.parse(c.code), reverse=True)


class ReportsView(ListView):
    NAME = "reports"
    KINDS = frozenset(
        {"employees", "indicators", "realisations", "evaluations", "offices", "periods"}
    )

    def __init__(self, *, lang: str = "id", parent: Any = None) -> None:
        super().__init__(OfficeRecapTableModel(lang=lang), lang=lang, parent=parent)
        self.period_combo = PeriodCombo()
        self.period_combo.setToolTip(self.tr("Periode rekap"))
        self.toolbar.insertWidget(2, self.period_combo)
        self.period_combo.currentIndexChanged.connect(self._period_changed)

    def title(self) -> str:
        return self.tr("Rekap Kantor")

    def empty_text(self) -> str:
        return self.tr("Belum ada kantor di database ini.")

    def load(self, db: Database) -> Sequence[Any]:
        from kinerja_desktop.services.evaluations import list_periods
        from kinerja_desktop.services.reports import office_recap

        today = date.today()
        self.period_combo.set_choices(_with_current_year(list_periods(db), today), today=today)
        period = self.period_combo.current_code()
        return [] if period is None else office_recap(db, period=period)

    def _period_changed(self, _index: int) -> None:
        self.refresh()
