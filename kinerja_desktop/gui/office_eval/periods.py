"""The "Periode dan batas waktu" dialog: an Admin sets deadlines, locks and reopens periods.

A deadline is typed in the table (a date editor per row); "Simpan batas waktu" saves the
changed ones. "Kunci periode" locks the selected period, asking first when its deadline has not
passed; "Buka kembali…" asks for the reason, which is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.periods import Period, format_date_id
from kinerja_desktop.gui.kit.empty_hint import show_when_empty
from kinerja_desktop.gui.kit.table_model import Column, RowTableModel
from kinerja_desktop.gui.office_eval.base import OfficeEvalDialog
from kinerja_desktop.gui.office_eval.common import (
    CONTEXT,
    PERIOD_ROLES,
    READ_ONLY_COLOUR,
    AskText,
    Confirm,
    ErrorBox,
    StatusLine,
    labelled_row,
    may_open,
    tr,
    year_spin,
)
from kinerja_desktop.services.common.dto import Changes
from kinerja_desktop.services.office_eval import (
    PeriodSettingDTO,
    deadline_bounds,
    list_period_settings,
    lock_period,
    reopen_period,
    set_deadline,
)

COL_PERIOD, COL_DEADLINE, COL_STATUS, COL_REASON = range(4)


@dataclass(frozen=True)
class PeriodCell:
    """One period as the table shows it; the deadline is edited in a date box over its cell."""

    row: PeriodSettingDTO
    state: str
    reason: str


def _columns() -> list[Column[PeriodCell]]:
    return [
        Column(QT_TRANSLATE_NOOP("OfficeEval", "Periode"), lambda c: c.row.label),
        Column(QT_TRANSLATE_NOOP("OfficeEval", "Batas waktu"), lambda _c: ""),
        Column(
            QT_TRANSLATE_NOOP("OfficeEval", "Status"),
            lambda c: c.state,
            background=lambda c: READ_ONLY_COLOUR if c.row.locked else None,
        ),
        Column(QT_TRANSLATE_NOOP("OfficeEval", "Keterangan"), lambda c: c.reason),
    ]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class PeriodsDialog(OfficeEvalDialog):
    """Deadlines and locks of a year's evaluation periods."""

    OBJECT_NAME = "periods"
    TITLE = QT_TRANSLATE_NOOP("OfficeEval", "Periode dan batas waktu")
    SIZE = (820, 420)

    def _build(self) -> None:
        self.rows: list[PeriodSettingDTO] = []
        self.editors: dict[int, QDateEdit] = {}

        self.year = year_spin(self.today.year)
        top = labelled_row((tr("Tahun:"), self.year))
        hint = QLabel(
            tr("Batas waktu bawaan: 10 hari setelah periode berakhir (tahunan: 10 Januari). "
               "Periode yang terkunci tidak dapat diubah datanya sampai dibuka kembali oleh "
               "Admin dengan alasan yang dicatat.")
        )  # fmt: skip
        hint.setWordWrap(True)

        self.model: RowTableModel[PeriodCell] = RowTableModel(
            _columns(), self, header_context=CONTEXT
        )
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table_empty = show_when_empty(self.table, tr("Belum ada periode yang diatur."))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for col in (COL_PERIOD, COL_DEADLINE, COL_STATUS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.status = StatusLine()
        self.save_button = QPushButton(tr("&Simpan batas waktu"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save_deadlines)
        self.lock_button = QPushButton(tr("&Kunci periode"))
        self.lock_button.setObjectName("lock")
        self.lock_button.clicked.connect(self.lock_selected)
        self.reopen_button = QPushButton(tr("&Buka kembali…"))
        self.reopen_button.setObjectName("reopen")
        self.reopen_button.clicked.connect(self.reopen_selected)
        buttons = QDialogButtonBox()
        for button in (self.save_button, self.lock_button, self.reopen_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.reload()

    # -- showing --------------------------------------------------------------------------------

    def admin(self) -> bool:
        return may_open(self.actor, PERIOD_ROLES)

    def reload(self) -> None:
        self.rows = list_period_settings(self.db, self.year.value())
        self.editors.clear()
        # The reset drops the old rows' date boxes too.
        self.model.set_rows([self._cell(row) for row in self.rows])
        for r, row in enumerate(self.rows):
            self.editors[r] = self._deadline_editor(r, row)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(
            COL_REASON, QHeaderView.ResizeMode.Stretch
        )
        self._update_buttons()

    def _cell(self, row: PeriodSettingDTO) -> PeriodCell:
        if row.locked:
            state = tr("Terkunci")
        elif row.past_deadline(self.today):
            state = tr("Terbuka (batas waktu lewat)")
        else:
            state = tr("Terbuka")
        reason = row.lock_reason
        if not row.editable:
            reason = tr("Diatur oleh {office}. ").format(office=row.origin_office) + reason
        elif not row.stored:
            reason = tr("Bawaan (belum disimpan).")
        return PeriodCell(row, state, reason)

    def _deadline_editor(self, r: int, row: PeriodSettingDTO) -> QDateEdit:
        editor = QDateEdit(_qdate(row.deadline))
        editor.setObjectName(f"deadline_{row.period}")
        editor.setDisplayFormat("dd-MM-yyyy")
        editor.setCalendarPopup(True)
        first, last = deadline_bounds(Period.parse(row.period))
        editor.setToolTip(
            tr("Dari {first} sampai {last}.").format(
                first=format_date_id(first), last=format_date_id(last)
            )
        )
        editor.setEnabled(self.admin() and row.editable)
        self.table.setIndexWidget(self.model.index(r, COL_DEADLINE), editor)
        return editor

    def _selected(self) -> tuple[int, PeriodSettingDTO] | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        r = rows.pop()
        return r, self.rows[r]

    def _update_buttons(self) -> None:
        admin = self.admin()
        chosen = self._selected()
        self.save_button.setEnabled(admin)
        self.lock_button.setEnabled(
            admin and chosen is not None and chosen[1].editable and not chosen[1].locked
        )
        self.reopen_button.setEnabled(
            admin and chosen is not None and chosen[1].editable and chosen[1].locked
        )

    def select_period(self, period: str) -> None:
        for r, row in enumerate(self.rows):
            if row.period == period:
                self.table.selectRow(r)
                return
        raise KeyError(period)

    # -- actions --------------------------------------------------------------------------------

    def _run(self, title: str, action: object) -> object | None:
        try:
            return action()  # type: ignore[operator]
        except KinerjaError as err:
            ErrorBox.show(self, title, err, self.lang)
            return None

    def save_deadlines(self) -> int:
        """Save every deadline that was changed; a refusal stops there (earlier ones stay)."""
        if self.actor is None:
            return 0
        actor, saved = self.actor, 0
        for r, editor in self.editors.items():
            row, chosen = self.rows[r], _pydate(editor.date())
            if chosen == row.deadline:
                continue  # unchanged (an untouched default needs no row either)
            result = self._run(
                tr("Batas waktu tidak disimpan"),
                lambda row=row, chosen=chosen: set_deadline(
                    self.db, actor, row.period, chosen, expected_version=row.version
                ),
            )
            if result is None:
                break
            saved += 1
        self.reload()
        if saved:
            self.status.ok(tr("{count} batas waktu disimpan.").format(count=saved))
        return saved

    def lock_selected(self) -> bool:
        chosen = self._selected()
        if chosen is None or self.actor is None:
            return False
        _r, row = chosen
        early = not row.past_deadline(self.today)
        if early and not Confirm.ask(
            self,
            tr("Kunci sebelum batas waktu?"),
            tr(
                "Batas waktu {period} ({deadline}) belum lewat; pegawai mungkin masih mengisi. "
                "Kunci sekarang juga?"
            ).format(period=row.label, deadline=format_date_id(row.deadline)),
            tr("Kunci sekarang"),
        ):
            return False
        actor = self.actor
        result = self._run(
            tr("Periode tidak dikunci"),
            lambda: lock_period(self.db, actor, row.period, confirm_early=early, today=self.today),
        )
        if result is None:
            return False
        self.reload()
        self.status.ok(tr("{period} dikunci.").format(period=row.label))
        self._notify()
        return True

    def reopen_selected(self) -> bool:
        chosen = self._selected()
        if chosen is None or self.actor is None:
            return False
        _r, row = chosen
        reason = AskText.ask(
            self,
            tr("Buka kembali {period}").format(period=row.label),
            tr("Alasan membuka kembali (dicatat dalam riwayat):"),
        )
        if reason is None:
            return False
        actor = self.actor
        result = self._run(
            tr("Periode tidak dibuka"), lambda: reopen_period(self.db, actor, row.period, reason)
        )
        if result is None:
            return False
        self.reload()
        self.status.ok(tr("{period} dibuka kembali.").format(period=row.label))
        self._notify()
        return True

    def _notify(self) -> None:
        self.publish(Changes.of("periods", "evaluations"))
