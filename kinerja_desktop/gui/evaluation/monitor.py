"""The completion monitor: who of an office has not finished a period, and at which step.

Sorted in the model (click a header), exported to xlsx, and the place where the clerk starts
the evaluations that are "Belum dimulai" (periodic or, with the year chosen, annual).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe, text
from kinerja_desktop.gui.evaluation.asks import SaveFile
from kinerja_desktop.gui.evaluation.model import CompletionTableModel, completion_columns
from kinerja_desktop.gui.kit.dialogs import MessageBox
from kinerja_desktop.gui.kit.empty_hint import show_when_empty
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.list_view import FIT_SAMPLE_ROWS
from kinerja_desktop.gui.kit.period_combo import PeriodCombo
from kinerja_desktop.gui.kit.table_model import ROW_ROLE, SearchText, prepare_rows
from kinerja_desktop.gui.kit.tasks import TaskRunner, runner_for

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database
    from kinerja_desktop.services.common.dto import OfficeDTO, PeriodChoice
    from kinerja_desktop.services.evaluation.dto import CompletionRow

STAGES = (
    "no_skp",
    "not_started",
    "no_realisation",
    "not_submitted",
    "no_rating",
    "not_approved",
    "done",
)


class CompletionDialog(QDialog):
    """Per office and period: each employee's first missing step and days to the deadline."""

    def __init__(
        self,
        db: Database,
        actor: Actor | None,
        *,
        period: str | None = None,
        office: str | None = None,
        lang: str = "id",
        on_open: Any = None,
        on_changed: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("completion_monitor")
        self.setWindowTitle(self.tr("Monitor kelengkapan evaluasi"))
        self.db, self.actor, self.lang = db, actor, lang
        self._on_open, self._on_changed = on_open, on_changed
        self.summary: Any = None
        self.resize(1100, 600)

        self.period_combo = PeriodCombo(lang=lang)
        self.office_combo = QComboBox()
        self.office_combo.setObjectName("office")
        self.model = CompletionTableModel(self, lang=lang)
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table_empty = show_when_empty(
            self.table, self.tr("Tidak ada pegawai untuk periode dan kantor ini.")
        )
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Fit the columns on a sample: Qt measures 1,000 rows by default, every cell asked for
        # every role, which held the GUI thread over a second on a city (issue 16).
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        self.counts.setWordWrap(True)

        self.start_btn = QPushButton(self.tr("Mulai evaluasi"))
        self.start_btn.setObjectName("start")
        self.start_btn.setToolTip(self.tr("Membuat Draft untuk pegawai terpilih yang belum mulai"))
        self.start_btn.clicked.connect(self.start_selected)
        self.open_btn = QPushButton(self.tr("Buka evaluasi"))
        self.open_btn.setObjectName("open")
        self.open_btn.clicked.connect(self.open_selected)
        self.export_btn = QPushButton(self.tr("Ekspor xlsx…"))
        self.export_btn.setObjectName("export")
        self.export_btn.clicked.connect(self.export)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.accept)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Periode:")))
        top.addWidget(self.period_combo)
        top.addWidget(QLabel(self.tr("Kantor:")))
        top.addWidget(self.office_combo)
        top.addStretch(1)
        bottom = QHBoxLayout()
        for button in (self.start_btn, self.open_btn, self.export_btn):
            bottom.addWidget(button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.start_btn.setVisible(self._may_start())
        self._loading = False
        self._load_choices(period, office)

    def _may_start(self) -> bool:
        from kinerja_desktop.domain.enums import Role

        a = self.actor
        return a is not None and (a.has(Role.OPERATOR) or a.has(Role.ADMIN))

    @property
    def runner(self) -> TaskRunner:
        return runner_for(self)

    def is_loading(self) -> bool:
        """True while the choices or the summary are read on the worker."""
        return self._loading

    def _load_choices(self, period: str | None, office: str | None) -> None:
        """Read the periods and offices on the read worker, then the summary."""
        self._loading = True
        self.counts.setText(self.tr("Memuat…"))
        self.runner.read(
            _read_choices,
            self.db,
            key=f"monitor:{id(self)}",
            on_done=lambda found: self._fill_choices(found, period, office),
            on_error=self._failed,
            parent=self,
        )

    def _fill_choices(
        self, found: tuple[Sequence[PeriodChoice], Sequence[OfficeDTO]], period: str | None,
        office: str | None,
    ) -> None:  # fmt: skip
        periods, offices = found
        self.period_combo.set_choices(periods)
        if period:
            self.period_combo.select_code(period)
        self.office_combo.addItem(self.tr("Semua kantor"), None)
        for o in offices:
            self.office_combo.addItem(f"{o.code} — {o.name}", o.code)
        if office:
            self.office_combo.setCurrentIndex(max(0, self.office_combo.findData(office)))
        self.period_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.office_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Read the chosen period's summary on the read worker; the old rows stay meanwhile."""
        period = self.period_combo.current_code()
        if period is None:
            self._loading = False
            self.counts.setText("")
            self.model.set_rows([])
            return
        self._loading = True
        self.counts.setText(self.tr("Memuat…"))
        self.runner.read(
            _read_summary,
            self.db,
            period,
            self.office_combo.currentData(),
            self.lang,
            key=f"monitor:{id(self)}",
            on_done=self._show_summary,
            on_error=self._failed,
            parent=self,
        )

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        if not isinstance(error, KinerjaError):
            self.counts.setText("")
            show_error(error, lang=self.lang, parent=self)
            return
        self.counts.setText(describe(error, self.lang))
        self.model.set_rows([])

    def _show_summary(self, read: tuple[Any, SearchText]) -> None:
        self._loading = False
        self.summary, prepared = read
        self.model.set_rows(self.summary.rows, search_text=prepared)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for section in range(header.count()):  # long jabatan: the tooltip-free cut is enough
            header.resizeSection(section, min(header.sectionSize(section), 260))
        parts = [
            f"{text(f'completion.{s}', self.lang)}: {self.summary.stages[s]}"
            for s in STAGES
            if self.summary.stages.get(s)
        ]
        parts.append(
            self.tr("Belum ada rencana aksi: {count}").format(count=self.summary.unplanned)
        )
        self.counts.setText(
            self.tr("{total} pegawai — ").format(total=self.summary.total) + " · ".join(parts)
        )

    def done(self, result: int) -> None:
        self.runner.finish_for(self)
        super().done(result)

    def selected_rows(self) -> list[CompletionRow]:
        indexes = self.table.selectionModel().selectedRows()
        return [self.model.data(i, ROW_ROLE) for i in indexes]

    def start_selected(self) -> None:
        """Start a Draft for every selected employee that has not started (SKP approved)."""
        from kinerja_desktop.services.evaluation import start_evaluation

        rows = [r for r in self.selected_rows() if r.stage == "not_started"]
        if not rows or self.actor is None:
            MessageBox.information(
                self, self.windowTitle(), self.tr("Pilih pegawai yang berstatus Belum dimulai.")
            )
            return
        period = self.period_combo.current_code() or ""
        failures = []
        for row in rows:
            try:
                start_evaluation(self.db, self.actor, row.employee_uuid, period)
            except KinerjaError as err:
                failures.append(f"{row.name}: {describe(err, self.lang)}")
        self.refresh()
        if self._on_changed is not None:
            self._on_changed()
        if failures:
            MessageBox.error(self, self.tr("Sebagian evaluasi tidak dimulai"), "\n".join(failures))

    def open_selected(self) -> None:
        rows = [r for r in self.selected_rows() if r.evaluation_uuid]
        if rows and self._on_open is not None:
            self._on_open(rows[0].evaluation_uuid)

    def export(self) -> None:
        from kinerja_desktop.services.reporting import export_monitor

        if self.summary is None:
            return
        path = SaveFile.ask(self, self.tr("Ekspor monitor"), f"monitor-{self.summary.period}.xlsx")
        if path is None:
            return
        try:
            count = export_monitor(self.summary, path)  # with one line per office (issue 20)
        except KinerjaError as err:
            MessageBox.error(self, self.tr("Ekspor gagal"), describe(err, self.lang))
            return
        self.counts.setText(
            self.tr("{count} baris diekspor ke {path}").format(count=count, path=path)
        )


def _read_choices(db: Database) -> tuple[Sequence[PeriodChoice], Sequence[OfficeDTO]]:
    from kinerja_desktop.services.common import list_offices
    from kinerja_desktop.services.evaluation import list_periods

    return list_periods(db), list_offices(db)


def _read_summary(
    db: Database, period: str, office: str | None, lang: str
) -> tuple[Any, SearchText]:
    """The summary and its rows' cell texts, both made on the read worker."""
    from kinerja_desktop.services.evaluation import completion_summary

    summary = completion_summary(db, period, office_code=office)
    return summary, prepare_rows(completion_columns(lang), summary.rows)
