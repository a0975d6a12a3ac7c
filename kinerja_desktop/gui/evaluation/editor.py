"""The evaluation editor: realisations and evidence for the clerk, ratings and the decision for
the penilai, reopen for the Admin; each role sees only the actions it may take.

Every action calls a service (:mod:`kinerja_desktop.services.evaluation.realisations`, ``evidence``,
``assessments``); the services check permissions again, so the buttons shown are a courtesy,
not the guard. Capaian and category update live while the clerk types (DOMAIN.md A 1, A 2);
the predikat follows the two ratings through the matrix and is never typed (A 5). Under the
grid, the rencana aksi of each RHK (issue 19, :mod:`rencana_aksi_panel`). Opening reads on the
task runner's read worker (issue 16) and shows "Memuat…" meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe, label
from kinerja_desktop.gui.evaluation.asks import Confirm  # noqa: F401 (tests patch ed.Confirm)
from kinerja_desktop.gui.evaluation.assessment_panel import AssessmentPanel
from kinerja_desktop.gui.evaluation.decisions import DecisionActions
from kinerja_desktop.gui.evaluation.editor_data import EditorData, evidence_by_plan, read_editor
from kinerja_desktop.gui.evaluation.evidence_actions import EvidenceActions
from kinerja_desktop.gui.evaluation.lines_model import (
    BAD,
    COL_ROLLUP,
    COL_TEXT,
    EDITOR_CONTEXT,
    LineCell,
    line_columns,
)
from kinerja_desktop.gui.evaluation.rencana_aksi_panel import RencanaAksiPanel
from kinerja_desktop.gui.kit.dialogs import MessageBox
from kinerja_desktop.gui.kit.editable_table_model import EditableTableModel
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.format import fmt_date_long, fmt_datetime_long, fmt_nip
from kinerja_desktop.gui.kit.tasks import runner_for

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database
    from kinerja_desktop.services.evaluation.dto import EvaluationDetail, Permissions


class EvaluationEditor(EvidenceActions, DecisionActions, QDialog):
    """One evaluation, opened from the Evaluasi view or the completion monitor.

    Args:
        db: the open database.
        actor: the signed-in user (``None``: read only).
        uuid: the evaluation to show.
        on_changed: called after every successful write (the view reloads).
    """

    def __init__(
        self,
        db: Database,
        actor: Actor | None,
        uuid: str,
        *,
        lang: str = "id",
        on_changed: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evaluation_editor")
        self.db, self.actor, self.uuid, self.lang = db, actor, uuid, lang
        self._on_changed = on_changed
        self.detail: EvaluationDetail
        self.perms: Permissions
        self._loading = True
        self._filling = False
        self.resize(1100, 680)

        self.header = QLabel()
        self.header.setObjectName("header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a4b00;")
        self.status = QLabel()
        self.status.setObjectName("status")

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_lines_tab(), self.tr("Realisasi dan bukti dukung"))
        self.panel = AssessmentPanel(lang=lang)
        self.panel.save_assessment_btn.clicked.connect(self.save_assessment)
        self.tabs.addTab(self.panel, self.tr("Penilaian"))
        # Shortcuts to the panel's inputs (tests and the actions read them here).
        self.rating_hasil, self.rating_perilaku = (
            self.panel.rating_hasil,
            self.panel.rating_perilaku,
        )
        self.rating_reason, self.notes = self.panel.rating_reason, self.panel.notes
        self.predikat_label, self.ak_label = self.panel.predikat_label, self.panel.ak_label
        self.save_assessment_btn = self.panel.save_assessment_btn
        self.return_btn = QPushButton(self.tr("Kembalikan…"))
        self.return_btn.setObjectName("return")
        self.return_btn.clicked.connect(self.return_evaluation)
        self.approve_btn = QPushButton(self.tr("Setujui"))
        self.approve_btn.setObjectName("approve")
        self.approve_btn.clicked.connect(self.approve)

        self.reopen_btn = QPushButton(self.tr("Buka kembali…"))
        self.reopen_btn.setObjectName("reopen")
        self.reopen_btn.setToolTip(self.tr("Hanya admin: membuat revisi baru berstatus Draft"))
        self.reopen_btn.clicked.connect(self.reopen)
        close = QPushButton(self.tr("Tutup"))
        close.setObjectName("close")
        close.clicked.connect(self.accept)
        # The decisions sit below the tabs, visible whichever tab is open.
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        for button in (self.submit_btn, self.return_btn, self.approve_btn, self.reopen_btn):
            bottom.addWidget(button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self._load()

    # -- building -----------------------------------------------------------------------------

    def _build_lines_tab(self) -> QWidget:
        page = QWidget()
        self.periods_label = QLabel()
        self.periods_label.setObjectName("periods")
        self.periods_label.setWordWrap(True)
        self.lines_model: EditableTableModel[LineCell] = EditableTableModel(
            line_columns(self.lang, self._bands),
            self,
            header_context=EDITOR_CONTEXT,
            invalid_colour=BAD,
        )
        self.lines = QTableView()
        self.lines.setObjectName("lines")
        self.lines.setModel(self.lines_model)
        self.lines.verticalHeader().hide()
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines.setWordWrap(True)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)

        self.save_btn = QPushButton(self.tr("Simpan realisasi"))
        self.save_btn.setObjectName("save")
        self.save_btn.clicked.connect(self.save_realisations)
        self.add_evidence_btn = QPushButton(self.tr("Tambah bukti…"))
        self.add_evidence_btn.setObjectName("add_evidence")
        self.add_evidence_btn.setToolTip(self.tr("PDF, JPG atau PNG, paling besar 10 MB"))
        self.add_evidence_btn.clicked.connect(self.add_evidence)
        self.open_evidence_btn = QPushButton(self.tr("Buka bukti"))
        self.open_evidence_btn.setObjectName("open_evidence")
        self.open_evidence_btn.clicked.connect(self.open_evidence)
        self.remove_evidence_btn = QPushButton(self.tr("Hapus bukti"))
        self.remove_evidence_btn.setObjectName("remove_evidence")
        self.remove_evidence_btn.clicked.connect(self.remove_evidence)
        self.rollup_btn = QPushButton(self.tr("Ambil dari periode"))
        self.rollup_btn.setObjectName("rollup")
        self.rollup_btn.setToolTip(
            self.tr("Isi ulang realisasi tahunan dari evaluasi periodik (catatan tetap)")
        )
        self.rollup_btn.clicked.connect(self.refresh_rollup)
        self.submit_btn = QPushButton(self.tr("Ajukan ke penilai"))
        self.submit_btn.setObjectName("submit")
        self.submit_btn.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        for button in (
            self.save_btn,
            self.add_evidence_btn,
            self.open_evidence_btn,
            self.remove_evidence_btn,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.rollup_btn)

        upper = QWidget()
        top = QVBoxLayout(upper)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.periods_label)
        top.addWidget(self.lines, 1)
        top.addLayout(buttons)
        self.plans_panel = RencanaAksiPanel(lang=self.lang)
        self.plans_panel.set_writer(self._write, self._call)
        self.lines.selectionModel().currentRowChanged.connect(self._line_changed)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("lines_and_plans")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.plans_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(page)
        layout.addWidget(self.splitter)
        return page

    # -- filling ------------------------------------------------------------------------------

    def is_loading(self) -> bool:
        """True until the first read delivered (tests wait on it)."""
        return self._loading

    def _load(self) -> None:
        """The first read, on the read worker: nothing to act on until it delivered."""
        self.header.setText(self.tr("Memuat…"))
        self.notice.hide()
        self.tabs.setEnabled(False)
        for button in (self.submit_btn, self.return_btn, self.approve_btn, self.reopen_btn):
            button.hide()
        runner_for(self).read(
            read_editor, self.db, self.actor, self.uuid, key=f"evaluation-editor:{id(self)}",
            on_done=self._loaded, on_error=self._load_failed, parent=self,
        )  # fmt: skip

    def _loaded(self, data: EditorData) -> None:
        self._loading = False
        self.tabs.setEnabled(True)
        self._apply(data)

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        if isinstance(error, KinerjaError):
            self.header.setText(describe(error, self.lang))
        else:
            self.header.setText("")
            show_error(error, lang=self.lang, parent=self)

    def done(self, result: int) -> None:
        runner_for(self).finish_for(self)
        super().done(result)

    def reload(self, uuid: str | None = None) -> None:
        """Read again after one of the editor's writes (``uuid``: another revision)."""
        self.uuid = uuid or self.uuid
        self._apply(read_editor(self.db, self.actor, self.uuid))

    def _apply(self, data: EditorData) -> None:
        self.detail, self.perms, self._bands_now = data.detail, data.perms, data.bands
        self._plans = data.plans
        self._fill()

    def _fill(self) -> None:
        d, p = self.detail, self.perms
        self.setWindowTitle(
            self.tr("Evaluasi {period} — {name}").format(
                period=d.period_label, name=d.employee_name
            )
        )
        penilai = d.penilai_name or self.tr("(belum ada)")
        self.header.setText(
            f"<b>{d.employee_name}</b> &nbsp; NIP {fmt_nip(d.nip)}<br>"
            f"{d.jabatan} — {d.office_name}<br>"
            + self.tr(
                "Periode: {period} · Status: <b>{status}</b> · Revisi {rev} · Penilai: {p}"
            ).format(
                period=d.period_label, status=label(d.status, self.lang), rev=d.revision, p=penilai
            )
        )
        notes = []
        if d.status_reason:
            notes.append(self.tr("Catatan status: {reason}").format(reason=d.status_reason))
        if p.why_not:
            notes.append(p.why_not)
        if d.deadline and not d.locked and d.status != EvaluationStatus.APPROVED:
            notes.append(self.tr("Batas pengisian: {date}").format(date=fmt_date_long(d.deadline)))
        if d.status == EvaluationStatus.APPROVED and d.approved_at:
            notes.append(
                self.tr("Disetujui {when}; nilai dan identitas dibekukan.").format(
                    when=fmt_datetime_long(d.approved_at)
                )
            )
        self.notice.setText("\n".join(notes))
        self.notice.setVisible(bool(notes))
        # Refilling the grid restores its current row; the plans keep their own selection.
        self._filling = True
        try:
            self._fill_lines()
        finally:
            self._filling = False
        self.plans_panel.fill(
            d.uuid, self._plans, evidence_by_plan(d),
            editable=p.edit_realisations and not d.annual, period=d.period,
        )  # fmt: skip
        self.panel.fill(self.detail, self.perms)
        clerk, judge = p.edit_realisations, p.assess
        for button in (self.save_btn, self.add_evidence_btn, self.submit_btn):
            button.setVisible(clerk)
        self.remove_evidence_btn.setVisible(clerk)
        self.rollup_btn.setVisible(clerk and d.annual)
        for button in (self.save_assessment_btn, self.approve_btn, self.return_btn):
            button.setVisible(judge)
        self.reopen_btn.setVisible(p.reopen)
        if judge and not clerk:
            self.tabs.setCurrentIndex(1)

    def _fill_lines(self) -> None:
        d, p = self.detail, self.perms
        current = self.lines.currentIndex()
        self.lines_model.set_rows(
            [LineCell.of(line, clerk=p.edit_realisations, judge=p.assess) for line in d.lines]
        )
        if current.isValid() and current.row() < self.lines_model.rowCount():
            # A reset forgets the current row; the evidence buttons act on it after a save.
            self.lines.setCurrentIndex(self.lines_model.index(current.row(), current.column()))
        self.lines.setColumnHidden(COL_ROLLUP, not d.annual)
        self.periods_label.setVisible(d.annual)
        if d.annual:
            states = ", ".join(
                f"{code}: {label(status, self.lang) if status else self.tr('belum ada')}"
                for code, status in d.periods
            )
            self.periods_label.setText(
                self.tr("Evaluasi tahunan dari periode: {states}").format(states=states or "-")
            )
        self.lines.resizeColumnsToContents()
        self.lines.setColumnWidth(COL_TEXT, 300)

    def _bands(self) -> Any:
        return self._bands_now

    def _line_changed(self, *_: Any) -> None:
        """The plans follow the grid: its current line's RHK is the one a new plan goes to."""
        line = None if self._filling else self._selected_line()
        if line is not None:
            self.plans_panel.select_rhk(line.code.split(".")[0])

    # -- actions ------------------------------------------------------------------------------

    def _fail(self, err: KinerjaError, title: str) -> None:
        MessageBox.error(self, title, describe(err, self.lang))
        if err.code == "record.changed":  # someone else saved: show their version
            self.reload()

    def _done(self, message: str, uuid: str | None = None, *, saved: Any = None) -> None:
        if saved is None:
            self.reload(uuid)
        else:  # the service returned the new detail; what the actor may do has not changed
            self.detail = saved
            self._fill()
        self.status.setText(message)
        if self._on_changed is not None:
            self._on_changed()

    def _call(self, use_case: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``use_case`` (a front-door function) with this database and actor."""
        return use_case(self.db, self.actor, *args, **kwargs)

    def _write(self, call: Any, message: Any, title: str) -> Any:
        """Run a write for a panel; report a refusal, else reload and say ``message`` (or
        ``message(result)``). Returns the result, ``None`` when refused."""
        if self.actor is None:
            return None
        try:
            result = call()
        except KinerjaError as err:
            self._fail(err, title)
            return None
        self._done(message(result) if callable(message) else message)
        return result

    def _entries(self) -> list[Any]:
        from kinerja_desktop.services.evaluation.dto import RealisationInput

        return [
            RealisationInput(cell.line.skp_indicator_uuid, cell.value, cell.note)
            for cell in self.lines_model.all_rows()
        ]

    def save_realisations(self) -> bool:
        """Save every typed value and note; a bad value saves nothing and says which."""
        from kinerja_desktop.services.evaluation import save_realisations

        assert self.actor is not None
        try:
            save_realisations(
                self.db, self.actor, self.uuid, self._entries(),
                expected_version=self.detail.version,
            )  # fmt: skip
        except KinerjaError as err:
            self._fail(err, self.tr("Realisasi tidak disimpan"))
            return False
        self._done(self.tr("Realisasi disimpan."))
        return True

    def refresh_rollup(self) -> None:
        from kinerja_desktop.services.evaluation import refresh_from_periods

        if self.actor is None:
            return
        try:
            refresh_from_periods(self.db, self.actor, self.uuid)
        except KinerjaError as err:
            self._fail(err, self.tr("Realisasi tahunan tidak diperbarui"))
            return
        self._done(self.tr("Realisasi tahunan diambil dari evaluasi periodik."))

    def submit(self) -> None:
        from kinerja_desktop.services.evaluation import submit

        if self.actor is None or not self.save_realisations():
            return
        try:
            submit(self.db, self.actor, self.uuid, expected_version=self.detail.version)
        except KinerjaError as err:
            self._fail(err, self.tr("Evaluasi belum bisa diajukan"))
            return
        self._done(self.tr("Evaluasi diajukan ke penilai."))

    def _assessment_input(self) -> Any:
        from kinerja_desktop.services.evaluation.dto import AssessmentInput

        feedback = {
            cell.line.skp_indicator_uuid: cell.feedback for cell in self.lines_model.all_rows()
        }
        notes = {key: edit.text() for key, edit in self.notes.items()}
        return AssessmentInput(
            self.panel.rating(self.rating_hasil), self.panel.rating(self.rating_perilaku),
            self.rating_reason.text(), feedback, notes,  # type: ignore[arg-type]
        )  # fmt: skip

    def save_assessment(self) -> bool:
        from kinerja_desktop.services.evaluation import save_assessment

        assert self.actor is not None
        try:
            saved = save_assessment(self.db, self.actor, self.uuid, self._assessment_input())
        except KinerjaError as err:
            self._fail(err, self.tr("Penilaian tidak disimpan"))
            return False
        self._done(self.tr("Penilaian disimpan."), saved=saved)
        return True
