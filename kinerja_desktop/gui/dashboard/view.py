"""Dasbor: the period at a glance for the pimpinan (issue 20).

Four charts over the chosen period and office (or every office): the staff's predikat
distribution beside the band SE 3/2023 allows for the office's organisation predikat, each
office's staff per completion stage, the IKU capaian across the periods of the year and the IKM
per office per survey period; below them the completion per office as a table. A click on a
bar or a point asks (``open_requested``, a :class:`.links.Link`) for the rows behind it; the
window follows the link (:mod:`.links`), the view never reaches into it.
The figures are read on the task runner (:func:`.figures.load_figures`), which also imports
QtCharts (:mod:`.charts`) the first time, so the window's first paint never loads it and the
GUI thread only draws.
Listed first in the sidebar for a Pimpinan, never opened at start.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QSizePolicy, QWidget

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe, label
from kinerja_desktop.domain.predikat import DISTRIBUTION_AXIS
from kinerja_desktop.gui.dashboard.figures import DashboardFigures, OfficeCompletion, load_figures
from kinerja_desktop.gui.dashboard.links import Link
from kinerja_desktop.gui.kit.format import fmt_count, fmt_date
from kinerja_desktop.gui.kit.list_view import ListView
from kinerja_desktop.gui.kit.period_combo import PeriodCombo
from kinerja_desktop.gui.kit.table_model import HEADER_CONTEXT, RIGHT, Column, RowTableModel

if TYPE_CHECKING:
    from PySide6.QtCharts import QChartView

    from kinerja_desktop.services.common import Database

_REALISED = ("not_submitted", "no_rating", "not_approved", "done")
_RATED = ("not_approved", "done")
# The charts in grid order: (builder in :mod:`.charts`, object name of its view).
_CHARTS = (
    ("distribution_chart", "distribution_chart"),
    ("completion_chart", "completion_chart"),
    ("iku_chart", "iku_chart"),
    ("ikm_chart", "ikm_chart"),
)


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
    #: A chart was clicked: the :class:`Link` to the rows behind the bar or point.
    open_requested = Signal(object)

    def __init__(self, *, lang: str = "id", parent: Any = None) -> None:
        super().__init__(RowTableModel(columns()), lang=lang, parent=parent)
        self.figures: DashboardFigures | None = None
        #: What the charts draw (:meth:`DashboardFigures.charted`; a city's offices cut).
        self.chart_figures: DashboardFigures | None = None
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
        self._charts_grid = QGridLayout(self.charts)
        self._charts_grid.setContentsMargins(0, 0, 0, 0)
        self.distribution_view: QChartView | None = None
        self.completion_view: QChartView | None = None
        self.iku_view: QChartView | None = None
        self.ikm_view: QChartView | None = None
        # Bumped by each arrival of figures: a chart still queued for older ones is dropped.
        self._drawing = 0
        self._reading = False  # a read on the worker has not answered yet
        self._charting = False  # charts of the figures that arrived are still queued
        layout = self.layout()
        layout.insertWidget(2, self.charts, 5)  # type: ignore[call-arg, union-attr]
        layout.setStretchFactor(self.pages, 2)  # type: ignore[union-attr]
        self.charts.hide()

    def title(self) -> str:
        return self.tr("Dasbor")

    def empty_text(self) -> str:
        return self.tr("Belum ada periode dengan evaluasi di database ini.")

    def is_loading(self) -> bool:
        """True until the figures of the last refresh are read and every chart is drawn."""
        return super().is_loading() or self._reading or self._charting

    def load(self, db: Database) -> Sequence[Any]:
        """Not used: the Dasbor reads on the task runner (see :meth:`refresh`)."""
        return self.model.all_rows()

    # -- loading on the task runner ----------------------------------------------------------

    def refresh(self) -> None:
        """Read the figures on the reader; a newer refresh supersedes an unfinished one."""
        self._stale = False
        self._load_error = ""
        if self._db is None:
            self._drawing += 1
            self._reading = self._charting = False
            self.figures = self.chart_figures = None
            self.model.set_rows([])
            self.charts.hide()
            self.info_label.hide()
            self._update_state()
            return
        self.show_message(self.tr("Memuat dasbor…"))
        self._reading = True
        self.runner.read(
            partial(load_figures, lang=self.lang),
            self._db,
            self.period_combo.current_code(),
            self.office_combo.currentData(),
            key="dashboard",
            on_done=self._show_figures,
            on_error=self._load_failed,
        )

    def _load_failed(self, error: BaseException) -> None:
        self._drawing += 1  # a chart still waiting to be drawn is dropped
        self._reading = self._charting = False
        if not isinstance(error, KinerjaError):  # a bug: the one error dialog, not a blank view
            from kinerja_desktop.gui.kit.errors import show_error

            show_error(error, lang=self.lang, parent=self)
        self._load_error = describe(error, self.lang)
        self.model.set_rows([])
        self.charts.hide()
        self._update_state()

    def _show_figures(self, figures: DashboardFigures) -> None:
        """Show what the reader prepared: the choices and the table at once, then one chart
        per turn of the event loop. A city's table and four charts drawn in one go kept the
        GUI thread from its events for too long (issue 16, item 3); ``figures`` is set last,
        when everything it describes is on screen."""
        self._drawing += 1
        ticket = self._drawing
        self._reading = False
        shown = figures.charted()  # prepared by the reader (load_figures); a city's cut
        with QSignalBlocker(self.period_combo):
            self.period_combo.set_choices(figures.periods)
            if figures.period is not None:
                self.period_combo.select_code(figures.period)
        self._fill_offices(figures)
        self.model.set_rows(figures.completion)
        self._fit_columns()
        self._update_state()
        if figures.period is None:
            self.figures, self.chart_figures = figures, shown
            self._charting = False
            self.charts.hide()
            self.info_label.hide()
            return
        self._charting = True
        self._draw_next(ticket, figures, shown, 0)

    def _draw_next(
        self, ticket: int, figures: DashboardFigures, shown: DashboardFigures, index: int
    ) -> None:
        if ticket != self._drawing:
            return  # a newer read (or its failure) took over
        if index < len(_CHARTS):
            self._draw_chart(shown, index)
            QTimer.singleShot(0, self, partial(self._draw_next, ticket, figures, shown, index + 1))
            return
        self.figures, self.chart_figures = figures, shown
        self._charting = False
        self._connect_clicks(shown)
        self.charts.show()
        self.info_label.setText(self._info(figures))
        self.info_label.show()

    def _draw_chart(self, figures: DashboardFigures, index: int) -> None:
        """Chart ``index`` of :data:`_CHARTS`, in place of the one it replaces."""
        from kinerja_desktop.gui.dashboard import charts

        builder, name = _CHARTS[index]
        attribute = f"{name.removesuffix('_chart')}_view"
        old = getattr(self, attribute)
        if old is not None:
            self._charts_grid.removeWidget(old)
            old.deleteLater()
        made = charts.chart_view(getattr(charts, builder)(figures, self.lang), name)
        setattr(self, attribute, made)
        self._charts_grid.addWidget(made, index // 2, index % 2)

    def _connect_clicks(self, figures: DashboardFigures) -> None:
        assert self.distribution_view and self.completion_view and self.iku_view and self.ikm_view
        self.distribution_view.plot_clicked.connect(  # type: ignore[attr-defined]
            lambda value: self.open_predikat(round(value.x()))
        )
        for series in self.completion_view.chart().series():
            for bar in series.barSets():  # type: ignore[attr-defined]
                bar.clicked.connect(self.open_completion)
        for series in self.iku_view.chart().series():
            if series.objectName().startswith("iku:"):
                name = series.objectName()
                series.clicked.connect(  # type: ignore[attr-defined]
                    lambda point, name=name: self.open_iku(name, point)
                )
        for series in self.ikm_view.chart().series():
            for bar in series.barSets():  # type: ignore[attr-defined]
                period = bar.objectName().removeprefix("ikm:")
                bar.clicked.connect(lambda index, period=period: self.open_ikm(period, index))

    # -- the rows behind a chart -------------------------------------------------------------

    def open_predikat(self, index: int) -> Link | None:
        """The Evaluasi rows of the predikat at ``index`` of the distribution's axis."""
        figures = self.figures
        if figures is None or figures.period is None or not 0 <= index < len(DISTRIBUTION_AXIS):
            return None
        return self._follow(
            Link("evaluations", figures.period, figures.office_code, DISTRIBUTION_AXIS[index])
        )

    def open_completion(self, index: int) -> Link | None:
        """The completion monitor of the office of bar ``index`` (the first office on top)."""
        figures = self.chart_figures
        if figures is None or figures.period is None:
            return None
        offices = list(reversed(figures.completion))
        if not 0 <= index < len(offices):
            return None
        return self._follow(Link("monitor", figures.period, offices[index].office_code))

    def open_iku(self, series_name: str, point: QPointF) -> Link | None:
        """The office realisations of the line ``iku:<office>:<code>`` at the clicked period."""
        figures = self.chart_figures
        office = figures.office if figures is not None else None
        if office is None:
            return None
        _kind, code, indicator = series_name.split(":", 2)
        index = round(point.x())
        if not 0 <= index < len(office.periods):
            return None
        return self._follow(Link("iku", office.periods[index], code, indicator=indicator))

    def open_ikm(self, period: str, index: int) -> Link | None:
        """The IKM survey of the office of bar ``index`` in ``period``."""
        figures = self.chart_figures
        office = figures.office if figures is not None else None
        if office is None:
            return None
        offices = sorted({p.office_code for p in office.ikm})
        if not 0 <= index < len(offices):
            return None
        return self._follow(Link("ikm", period, offices[index]))

    def _follow(self, link: Link) -> Link:
        self.open_requested.emit(link)
        return link

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
            if self.chart_figures is not None and self.chart_figures is not figures:
                parts.append(self._cut_note(figures, self.chart_figures))
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

    def _cut_note(self, every: DashboardFigures, shown: DashboardFigures) -> str:
        """Say which offices the charts picked when they could not name them all."""
        return self.tr(
            "Grafik menampilkan kantor yang paling tertinggal: {shown} dari {total} kantor "
            "dengan penyelesaian terendah, {lines} garis capaian IKU terendah; tabel di bawah "
            "memuat semua kantor."
        ).format(
            shown=len(shown.completion),
            total=len(every.completion),
            lines=len(shown.office.iku) if shown.office is not None else 0,
        )

    def _choice_changed(self, _index: int) -> None:
        self.refresh()
