"""Evaluasi: the latest revision of each evaluation for a period and office, with status, mean
capaian and predikat; the evaluation editor opens on a double click, and the completion
monitor (who has not started, who is behind) from the toolbar.

For a penilai the view is a work queue: "Yang saya nilai" (on by default) keeps their own
staff, the period where evaluations wait for them opens first, and "Setujui terpilih" approves
the selected rows whose ratings are already saved (``services/bulk_approval.py``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from kinerja_desktop.domain.enums import EvaluationStatus, Predikat, Role
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import label as enum_label
from kinerja_desktop.gui.evaluation.asks import Confirm
from kinerja_desktop.gui.evaluation.model import COL_PERIOD, EvaluationTableModel, columns
from kinerja_desktop.gui.kit.dialogs import MessageBox
from kinerja_desktop.gui.kit.list_view import ListView
from kinerja_desktop.gui.kit.period_combo import PeriodCombo
from kinerja_desktop.gui.kit.table_model import ROW_ROLE, SearchText, prepare_rows
from kinerja_desktop.services.common.dto import OfficeDTO, PeriodChoice

if TYPE_CHECKING:
    from kinerja_desktop.gui.evaluation.editor import EvaluationEditor
    from kinerja_desktop.gui.evaluation.monitor import CompletionDialog
    from kinerja_desktop.services.common import Database
    from kinerja_desktop.services.evaluation import BulkApproval


class EvaluationsView(ListView):
    """Evaluations with period and office pickers; the newest ended period is chosen first."""

    NAME = "evaluations"
    KINDS = frozenset({"evaluations", "employees", "periods", "skp"})

    def __init__(self, *, lang: str = "id", parent: Any = None) -> None:
        super().__init__(EvaluationTableModel(lang=lang), lang=lang, parent=parent)
        self.period_combo = PeriodCombo(all_text=self.tr("Semua periode"), lang=lang)
        self.period_combo.setToolTip(self.tr("Periode penilaian"))
        self.office_combo = QComboBox()
        self.office_combo.setObjectName("office")
        self.office_combo.setToolTip(self.tr("Kantor"))
        self.office_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.office_combo.addItem(self.tr("Semua kantor"), None)
        self.distribution_warnings: list[str] = []
        self._warnings: list[str] = []
        self.open_btn = QPushButton(self.tr("Buka"))
        self.open_btn.setObjectName("open")
        self.open_btn.setToolTip(self.tr("Buka evaluasi terpilih (atau klik ganda barisnya)"))
        self.open_btn.clicked.connect(self.open_selected)
        self.monitor_btn = QPushButton(self.tr("Monitor kelengkapan"))
        self.monitor_btn.setObjectName("monitor")
        self.monitor_btn.setToolTip(
            self.tr("Siapa yang belum mulai, belum mengisi, belum dinilai atau belum disetujui")
        )
        self.monitor_btn.clicked.connect(self.open_monitor)
        self.mine_check = QCheckBox(self.tr("Yang saya nilai"))
        self.mine_check.setObjectName("mine")
        self.mine_check.setToolTip(self.tr("Hanya pegawai yang Anda nilai sebagai pejabat penilai"))
        self.mine_check.setVisible(False)
        self.mine_check.toggled.connect(lambda _on: self.refresh())
        self.approve_btn = QPushButton(self.tr("Setujui terpilih"))
        self.approve_btn.setObjectName("approve_selected")
        self.approve_btn.setToolTip(
            self.tr("Setujui evaluasi terpilih yang kedua ratingnya sudah disimpan")
        )
        self.approve_btn.setVisible(False)
        self.approve_btn.clicked.connect(self.approve_selected)
        self.last_bulk: BulkApproval | None = None
        # The period with work was chosen once for this sign-in: refreshes keep the user's.
        self._period_picked = False
        #: Only this predikat is listed (a Dasbor bar's rows) until the period or office changes.
        self.predikat_filter: Predikat | None = None
        #: Only this status is listed (a reminder's rows), with the same lifetime.
        self.status_filter: EvaluationStatus | None = None
        self._focus: tuple[str | None, str | None] | None = None
        # The period sits between the title's stretch and the search box, as before; the
        # office and the actions get a second row, so the window's minimum width stays that
        # of the other views (the main window cannot be narrower than its widest view).
        self.toolbar.insertWidget(2, self.period_combo)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Kantor:")))
        actions.addWidget(self.office_combo)
        actions.addWidget(self.mine_check)
        actions.addStretch(1)
        actions.addWidget(self.approve_btn)
        actions.addWidget(self.open_btn)
        actions.addWidget(self.monitor_btn)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(1, actions)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.office_combo.currentIndexChanged.connect(self._period_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.editor: EvaluationEditor | None = None
        self.monitor: CompletionDialog | None = None

    def title(self) -> str:
        return self.tr("Evaluasi Kinerja")

    def empty_text(self) -> str:
        if self.period_combo.current_code() is not None:
            return self.tr(
                "Belum ada evaluasi untuk periode {period}.\n"
                "Buka Monitor kelengkapan untuk memulai evaluasi pegawai."
            ).format(period=self.period_combo.currentText())
        return self.tr(
            "Belum ada evaluasi kinerja di database ini.\n"
            "Evaluasi dibuat per pegawai untuk setiap periode penilaian."
        )

    def fetch(self) -> Callable[[Database], _Loaded]:
        """Capture the choices here; read the periods, the chosen period's rows and its
        distribution warnings on the read worker, in one trip."""
        choose = self.period_combo.chooser()
        office = self.office_combo.currentData()
        if self._focus is not None:  # the Dasbor asked for a period and office
            period_code, office = self._focus

            def choose(_choices: Sequence[PeriodChoice], _today: Any = None) -> str | None:
                return period_code

        need_offices = self.office_combo.count() <= 1
        awaiting_for = None
        if self._is_penilai() and not self._period_picked:
            # Once per sign-in: afterwards the period stays where the penilai puts it.
            self._period_picked = True
            assert self.actor is not None
            awaiting_for = self.actor.employee_uuid
        me = self.actor.employee_uuid if self.actor is not None else None
        mine = me if self._is_penilai() and self.mine_check.isChecked() else None
        lang = self.lang

        def read(db: Database) -> _Loaded:
            from kinerja_desktop.services.evaluation import list_evaluations, list_periods

            choices = list_periods(db)
            period = choose(choices)
            if awaiting_for:
                offered = {choice.code for choice in choices}
                period = _period_with_work(db, awaiting_for, offered) or period
            offices = _offices(db) if need_offices else None
            rows = list_evaluations(db, period=period, office_code=office)
            if mine:
                rows = [row for row in rows if getattr(row, "penilai_uuid", None) == mine]
            warnings = _distribution_warnings(db, office, period)
            # Every cell's text and the search text made here, on the worker: the GUI thread
            # only looks them up (issue 16, item 3).
            prepared = prepare_rows(columns(lang), rows)
            return _Loaded(choices, period, offices, rows, warnings, prepared)

        return read

    def loaded(self, data: _Loaded) -> Sequence[Any]:
        self.period_combo.blockSignals(True)
        self.period_combo.set_choices(data.choices)
        self.period_combo.select_code(data.period)
        self.period_combo.blockSignals(False)
        if data.offices is not None and self.office_combo.count() <= 1:
            self.office_combo.blockSignals(True)
            for o in data.offices:
                self.office_combo.addItem(f"{o.code} — {o.name}", o.code)
            self.office_combo.blockSignals(False)
        if self._focus is not None:
            with QSignalBlocker(self.office_combo):
                self.office_combo.setCurrentIndex(
                    max(self.office_combo.findData(self._focus[1]), 0)
                )
            self._focus = None
        if self.predikat_filter is not None:
            wanted = self.predikat_filter
            data = replace(data, rows=[r for r in data.rows if r.predikat == wanted])
        if self.status_filter is not None:
            status = self.status_filter
            data = replace(data, rows=[r for r in data.rows if r.status == status])
        # One period chosen: a column repeating it on every row only takes width.
        self.table.setColumnHidden(COL_PERIOD, data.period is not None)
        self._warnings = data.warnings
        # The filters above keep a subset of the same rows: their prepared texts still fit.
        self.search_text = data.prepared
        return data.rows

    def _is_penilai(self) -> bool:
        actor = self.actor
        return actor is not None and actor.has(Role.PENILAI) and bool(actor.employee_uuid)

    def after_load(self, db: Database | None) -> None:
        """Warn when the chosen office's predikat distribution departs from the pattern for its
        organisation predikat (DOMAIN.md B 1.5); a warning only, nothing is blocked."""
        self.distribution_warnings = self._warnings if db is not None else []
        if self.status_filter is not None:
            self.info_label.setText(
                self.tr("Hanya evaluasi berstatus {status} (dari pengingat); ganti periode atau "
                        "kantor untuk melihat semua.").format(status=enum_label(self.status_filter,
                                                                             self.lang))
            )  # fmt: skip
            self.info_label.setStyleSheet("")
            self.info_label.setVisible(True)
            return
        if self.predikat_filter is not None:
            self.info_label.setText(
                self.tr("Hanya predikat {predikat} (dari Dasbor); ganti periode atau kantor "
                        "untuk melihat semua.").format(predikat=enum_label(self.predikat_filter,
                                                                           self.lang))
            )  # fmt: skip
            self.info_label.setStyleSheet("")
            self.info_label.setVisible(True)
            return
        if self.distribution_warnings:
            self.info_label.setText(
                self.tr("Peringatan sebaran predikat: {items}").format(
                    items=" ".join(self.distribution_warnings)
                )
            )
            self.info_label.setStyleSheet("color: #8a5a00;")
        self.info_label.setVisible(bool(self.distribution_warnings))

    def set_database(self, db: Database | None) -> None:
        super().set_database(db)
        self.office_combo.blockSignals(True)
        while self.office_combo.count() > 1:
            self.office_combo.removeItem(1)
        self.office_combo.blockSignals(False)

    def on_actor_changed(self) -> None:
        if self.editor is not None:
            self.editor.close()
            self.editor = None
        penilai = self._is_penilai()
        self.mine_check.blockSignals(True)
        self.mine_check.setVisible(penilai)
        self.mine_check.setChecked(penilai)
        self.mine_check.blockSignals(False)
        self.approve_btn.setVisible(penilai)
        self._period_picked = False
        self._stale = True

    def _period_changed(self, _index: int) -> None:
        self.predikat_filter = None
        self.status_filter = None
        self.refresh()

    def focus(
        self,
        period: str | None,
        office: str | None,
        predikat: Predikat | None,
        *,
        status: EvaluationStatus | None = None,
    ) -> None:
        """List ``period`` and ``office`` (None: every office), only ``predikat`` when given;
        with ``status`` (a reminder: what waits for this penilai), only that status and, for a
        penilai, only the staff they rate."""
        self._focus = (period, office)
        self.predikat_filter = predikat
        self.status_filter = status
        self._period_picked = True
        if predikat is not None:  # a Dasbor bar counts every employee, not only one's own
            with QSignalBlocker(self.mine_check):
                self.mine_check.setChecked(False)
        elif status is not None and self._is_penilai():
            with QSignalBlocker(self.mine_check):
                self.mine_check.setChecked(True)
        self.refresh()

    # -- the editor and the monitor -------------------------------------------------------------

    def _changed(self) -> None:
        from kinerja_desktop.gui.kit.tasks import publish_changes
        from kinerja_desktop.services.common.dto import Changes

        if not publish_changes(self, Changes.of("evaluations")):
            self.refresh()

    def open_selected(self) -> EvaluationEditor | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row = self.model.data(index, ROW_ROLE)
        return self.open_editor(row.uuid)

    def open_editor(self, uuid: str) -> EvaluationEditor | None:
        """Open the editor of ``uuid`` (window-modal, so tests can drive it)."""
        from kinerja_desktop.gui.evaluation.editor import EvaluationEditor

        if self.database is None:
            return None
        self.editor = EvaluationEditor(
            self.database, self.actor, uuid, lang=self.lang, on_changed=self._changed, parent=self
        )
        self.editor.open()
        return self.editor

    def open_monitor(self) -> CompletionDialog | None:
        from kinerja_desktop.gui.evaluation.monitor import CompletionDialog

        if self.database is None:
            return None
        self.monitor = CompletionDialog(
            self.database, self.actor, period=self.period_combo.current_code(),
            office=self.office_combo.currentData(), lang=self.lang, on_open=self.open_editor,
            on_changed=self._changed, parent=self,
        )  # fmt: skip
        self.monitor.open()
        return self.monitor

    # -- the penilai's queue --------------------------------------------------------------------

    def selected_rows(self) -> list[Any]:
        rows = []
        for index in self.table.selectionModel().selectedRows():
            row = self.model.data(index, ROW_ROLE)
            if row is not None:
                rows.append(row)
        return rows

    def approve_selected(self) -> bool:
        """Approve the selected Diajukan rows whose ratings are saved, after a confirmation;
        the others are listed with the reason and stay as they are."""
        from kinerja_desktop.services.evaluation import approve_selected

        rows = self.selected_rows()
        if self.database is None or self.actor is None:
            return False
        if not rows:
            MessageBox.information(
                self, self.tr("Setujui terpilih"), self.tr("Pilih dulu baris yang akan disetujui.")
            )
            return False
        question = self.tr(
            "Setujui {count} evaluasi terpilih?\n\nHanya evaluasi berstatus Diajukan yang kedua "
            "ratingnya (dan alasan bila berbeda dari saran) sudah disimpan yang disetujui; "
            "rating tidak pernah diisi otomatis. Yang lain tetap seperti semula."
        ).format(count=len(rows))
        if not Confirm.ask(self, self.tr("Setujui terpilih"), question, self.tr("Setujui")):
            return False
        pairs = [(row.uuid, row.employee_name) for row in rows]
        db, actor, lang = self.database, self.actor, self.lang

        def work(state: Any) -> BulkApproval:
            return approve_selected(
                db, actor, pairs, lang=lang,
                progress=lambda done, total: state.set_progress(done, total),
                cancelled=state.is_cancel_requested,
            )  # fmt: skip

        self.runner.run(
            work,
            on_done=self._approved,
            title=self.tr("Menyetujui evaluasi terpilih…"),
            progress_delay_ms=300,
            parent=self,
            with_state=True,
        )
        return True

    def _approved(self, result: BulkApproval) -> None:
        self.last_bulk = result
        lines = [self.tr("{count} evaluasi disetujui.").format(count=len(result.approved))]
        if result.refused:
            lines.append(self.tr("Tidak disetujui (tetap seperti semula):"))
            lines += [f"• {item.name}: {item.reason}" for item in result.refused]
        if result.cancelled:
            lines.append(self.tr("Dibatalkan; sisanya tidak diproses."))
        if result.approved:
            self._changed()
        MessageBox.information(self, self.tr("Setujui terpilih"), "\n".join(lines))


@dataclass(frozen=True)
class _Loaded:
    """What one refresh read on the worker."""

    choices: Sequence[PeriodChoice]
    period: str | None
    offices: Sequence[OfficeDTO] | None
    rows: Sequence[Any]
    warnings: list[str]
    prepared: SearchText | None = None


def _period_with_work(db: Database, penilai_uuid: str, offered: set[str]) -> str | None:
    """The newest offered period where evaluations wait for this penilai, if any."""
    from kinerja_desktop.services.evaluation import periods_awaiting

    return next((p for p in periods_awaiting(db, penilai_uuid) if p in offered), None)


def _offices(db: Database) -> Sequence[OfficeDTO]:
    try:
        from kinerja_desktop.services.common import list_offices

        return list_offices(db)
    except Exception:  # a stand-in database in view tests: keep "Semua kantor"
        return []


def _distribution_warnings(db: Database, office: str | None, period: str | None) -> list[str]:
    if office is None or period is None:
        return []
    from kinerja_desktop.services.office_eval import office_distribution

    try:
        report = office_distribution(db, office, period, approved_only=True)
    except KinerjaError:
        return []  # an office or period the service does not know: nothing to warn about
    return [warning.message for warning in report.warnings]
