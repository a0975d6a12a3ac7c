"""Dasbor: the period at a glance for the pimpinan (issue 20, first slice).

Two charts over the chosen period and office (or every office): the staff's predikat
distribution beside the band SE 3/2023 allows for the office's organisation predikat, and
each office's staff per completion stage; below them the same completion per office as a table.
The figures are read on the task runner (:func:`.figures.load_figures`); QtCharts is imported
(:mod:`.charts`) only when the first figures arrive, so the window's first paint never loads it.
Listed first in the sidebar for a Pimpinan, never opened at start.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe, label
from kinerja_desktop.gui.dashboard.figures import DashboardFigures, OfficeCompletion, load_figures
from kinerja_desktop.gui.kit.format import fmt_count, fmt_date
from kinerja_desktop.gui.kit.list_view import ListView
from kinerja_desktop.gui.kit.period_combo import PeriodCombo
from kinerja_desktop.gui.kit.table_model import HEADER_CONTEXT, RIGHT, Column, RowTableModel

if TYPE_CHECKING:
    from PySide6.QtCharts import QChartView

    from kinerja_desktop.services.common import Database

_REALISED = ("not_submitted", "no_rating", "not_approved", "done")
_RATED = ("not_approved", "done")


def _stages_count(stages: Sequence[str]) -> Any:
    return lambda r: sum(r.count(s) for s in stages)


def _count(header: str, key: Any) -> Column[OfficeCompletion]:
    return Column(header, lambda r: fmt_count(key(r)), key, align=RIGHT, searchable=False)


def columns() -> tuple[Column[OfficeCompletion], ...]:
    return (
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kode"), lambda r: r.office_code),
        Column(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Kantor"), lambda r: r.office_name, elastic=200),
        _count(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Pegawai"), lambda r: r.total),
        _count(
            QT_TRANSLATE_NOOP(HEADER_CONTEXT, "SKP disetujui"),
            lambda r: r.total - r.count("no_skp"),
        ),
        _count(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Realisasi lengkap"), _stages_count(_REALISED)),
        _count(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Dinilai"), _stages_count(_RATED)),
        _count(QT_TRANSLATE_NOOP(HEADER_CONTEXT, "Disetujui"), lambda r: r.done),
    )


class DashboardView(ListView):
    NAME = "dashboard"
    KINDS = frozenset({"evaluations", "employees", "offices", "periods", "skp"})
    COUNT_NOUN = QT_TRANSLATE_NOOP("ListView", "kantor")

    def __init__(self, *, lang: str = "id", parent: Any = None) -> None:
        super().__init__(RowTableModel(columns()), lang=lang, parent=parent)
        self.figures: DashboardFigures | None = None
        self.period_combo = PeriodCombo(lang=lang)
        self.period_combo.setToolTip(self.tr("Periode yang ditampilkan"))
        self.office_combo = QComboBox()
        self.office_combo.setObjectName("office")
        self.office_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.office_combo.addItem(self.tr("Semua kantor"), None)
        self.toolbar.insertWidget(2, self.period_combo)
        self.toolbar.insertWidget(3, self.office_combo)
        self.period_combo.currentIndexChanged.connect(self._choice_changed)
        self.office_combo.currentIndexChanged.connect(self._choice_changed)
        self.charts = QWidget()
        self.charts.setObjectName("charts")
        self.charts.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._charts_row = QHBoxLayout(self.charts)
        self._charts_row.setContentsMargins(0, 0, 0, 0)
        self.distribution_view: QChartView | None = None
        self.completion_view: QChartView | None = None
        layout = self.layout()
        layout.insertWidget(2, self.charts, 3)  # type: ignore[call-arg, union-attr]
        layout.setStretchFactor(self.pages, 2)  # type: ignore[union-attr]
        self.charts.hide()

    def title(self) -> str:
        return self.tr("Dasbor")

    def empty_text(self) -> str:
        return self.tr("Belum ada periode dengan evaluasi di database ini.")

    def load(self, db: Database) -> Sequence[Any]:
        """Not used: the Dasbor reads on the task runner (see :meth:`refresh`)."""
        return self.model.all_rows()

    # -- loading on the task runner ----------------------------------------------------------

    def refresh(self) -> None:
        """Read the figures on the reader; a newer refresh supersedes an unfinished one."""
        self._stale = False
        self._load_error = ""
        if self._db is None:
            self.figures = None
            self.model.set_rows([])
            self.charts.hide()
            self.info_label.hide()
            self._update_state()
            return
        self.show_message(self.tr("Memuat dasbor…"))
        self.runner.read(
            load_figures,
            self._db,
            self.period_combo.current_code(),
            self.office_combo.currentData(),
            key="dashboard",
            on_done=self._show_figures,
            on_error=self._load_failed,
        )

    def _load_failed(self, error: BaseException) -> None:
        if not isinstance(error, KinerjaError):  # a bug: the one error dialog, not a blank view
            from kinerja_desktop.gui.kit.errors import show_error

            show_error(error, lang=self.lang, parent=self)
        self._load_error = describe(error, self.lang)
        self.model.set_rows([])
        self.charts.hide()
        self._update_state()

    def _show_figures(self, figures: DashboardFigures) -> None:
        from kinerja_desktop.gui.dashboard import charts

        self.figures = figures
        with QSignalBlocker(self.period_combo):
            self.period_combo.set_choices(figures.periods)
            if figures.period is not None:
                self.period_combo.select_code(figures.period)
        self._fill_offices(figures)
        self.model.set_rows(figures.completion)
        self._fit_columns()
        self._update_state()
        if figures.period is None:
            self.charts.hide()
            self.info_label.hide()
            return
        for old in (self.distribution_view, self.completion_view):
            if old is not None:
                self._charts_row.removeWidget(old)
                old.deleteLater()
        lang = self.lang
        self.distribution_view = charts.chart_view(
            charts.distribution_chart(figures, lang), "distribution_chart"
        )
        self.completion_view = charts.chart_view(
            charts.completion_chart(figures, lang), "completion_chart"
        )
        self._charts_row.addWidget(self.distribution_view, 1)
        self._charts_row.addWidget(self.completion_view, 1)
        self.charts.show()
        self.info_label.setText(self._info(figures))
        self.info_label.show()

    def _fill_offices(self, figures: DashboardFigures) -> None:
        with QSignalBlocker(self.office_combo):
            self.office_combo.clear()
            self.office_combo.addItem(self.tr("Semua kantor"), None)
            for code, name in figures.offices:
                self.office_combo.addItem(f"{code} — {name}", code)
            index = self.office_combo.findData(figures.office_code)
            self.office_combo.setCurrentIndex(max(index, 0))

    def _info(self, figures: DashboardFigures) -> str:
        parts = []
        if figures.deadline is not None and figures.days_left is not None:
            parts.append(
                self.tr("Batas waktu {date} ({days} hari lagi).").format(
                    date=fmt_date(figures.deadline), days=figures.days_left
                )
                if figures.days_left >= 0
                else self.tr("Batas waktu {date} sudah lewat {days} hari.").format(
                    date=fmt_date(figures.deadline), days=-figures.days_left
                )
            )
        if figures.counted == 0:
            parts.append(self.tr("Belum ada pegawai dengan predikat pada periode ini."))
        if figures.office_code is None:
            parts.append(self.tr("Pilih satu kantor untuk melihat pola SE 3/2023."))
        elif figures.org_predikat is None:
            parts.append(self.tr("Predikat organisasi periode ini belum ditetapkan."))
        else:
            parts.append(
                self.tr("Predikat organisasi: {predikat}.").format(
                    predikat=label(figures.org_predikat, self.lang)
                )
            )
            parts += [f"⚠ {w}" for w in figures.warnings]
        return " ".join(parts)

    def _choice_changed(self, _index: int) -> None:
        self.refresh()
