"""Evaluasi: the latest revision of each evaluation, for one period or all of them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kinerja_desktop.gui.models.evaluations import COL_PERIOD, EvaluationTableModel
from kinerja_desktop.gui.views.base import ListView
from kinerja_desktop.gui.widgets.period_combo import PeriodCombo

if TYPE_CHECKING:
    from kinerja_desktop.services.database import Database


class EvaluationsView(ListView):
    """Evaluations with a period picker; the newest period is selected at first."""

    NAME = "evaluations"
    KINDS = frozenset({"evaluations", "employees", "periods"})

    def __init__(self, *, lang: str = "id", parent: Any = None) -> None:
        super().__init__(EvaluationTableModel(lang=lang), lang=lang, parent=parent)
        self.period_combo = PeriodCombo(all_text=self.tr("Semua periode"))
        self.period_combo.setToolTip(self.tr("Periode penilaian"))
        # Between the title's stretch and the search box.
        self.toolbar.insertWidget(2, self.period_combo)
        self.period_combo.currentIndexChanged.connect(self._period_changed)

    def title(self) -> str:
        return self.tr("Evaluasi Kinerja")

    def empty_text(self) -> str:
        if self.period_combo.current_code() is not None:
            return self.tr("Belum ada evaluasi untuk periode {period}.").format(
                period=self.period_combo.currentText()
            )
        return self.tr(
            "Belum ada evaluasi kinerja di database ini.\n"
            "Evaluasi dibuat per pegawai untuk setiap periode penilaian."
        )

    def load(self, db: Database) -> Sequence[Any]:
        from kinerja_desktop.services.evaluations import list_evaluations, list_periods

        # The choices first: the selected period decides which rows to read.
        self.period_combo.set_choices(list_periods(db))
        period = self.period_combo.current_code()
        # One period chosen: a column repeating it on every row only takes width.
        self.table.setColumnHidden(COL_PERIOD, period is not None)
        return list_evaluations(db, period=period)

    def _period_changed(self, _index: int) -> None:
        self.refresh()
