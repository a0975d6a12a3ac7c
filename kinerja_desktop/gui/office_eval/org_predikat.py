"""The "Predikat organisasi" dialog: the leader above sets each office's predikat per period.

Every office is listed with its IKU capaian of the period as guidance (DOMAIN.md A 11) and,
after saving, the distribution check of its employees' predikat (SE 3/2023, a warning only).
Rows this database or account may not set are shown read-only with who sets them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from kinerja_desktop.domain.enums import OrgPredikat
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe, label
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.gui.kit.editable_table_model import EditableTableModel
from kinerja_desktop.gui.kit.empty_hint import show_when_empty
from kinerja_desktop.gui.kit.list_view import FIT_SAMPLE_ROWS
from kinerja_desktop.gui.kit.tasks import DialogReads
from kinerja_desktop.gui.office_eval.base import OfficeEvalDialog
from kinerja_desktop.gui.office_eval.common import (
    CONTEXT,
    ErrorBox,
    PeriodCodeCombo,
    StatusLine,
    labelled_row,
    tr,
    year_spin,
)
from kinerja_desktop.gui.office_eval.org_predikat_model import (
    COL_BY,
    COL_DISTRIBUTION,
    COL_IKU,
    COL_NOTE,
    COL_OFFICE,
    COL_PREDIKAT,
    OrgCell,
    org_columns,
)
from kinerja_desktop.services.common.dto import Changes
from kinerja_desktop.services.office_eval import OrgPredikatRow, set_org_predikat

#: Rows whose height is fitted per turn of the event loop (about 20 ms on an office PC).
FIT_CHUNK = 30

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database


def _read_rows(
    db: Database, period: str, actor: Actor | None, lang: str
) -> tuple[list[OrgPredikatRow], list[OrgCell]]:
    """On the read worker: the period's rows and each office's distribution cell."""
    from kinerja_desktop.services.office_eval import list_org_predikat

    rows = list_org_predikat(db, period, actor=actor)
    return rows, [_cell(db, row, lang) for row in rows]


def _cell(db: Database, row: OrgPredikatRow, lang: str) -> OrgCell:
    from kinerja_desktop.services.office_eval import office_distribution

    try:
        report = office_distribution(db, row.office_code, row.period)
    except KinerjaError as err:
        return OrgCell(row, row.note, describe(err, lang))
    if report.total == 0:
        return OrgCell(row, row.note, tr("Belum ada predikat pegawai."))
    if report.org_predikat is None:
        return OrgCell(row, row.note, report.summary(lang))
    if not report.warnings:
        fits = tr("Sesuai pola ({summary})").format(summary=report.summary(lang))
        return OrgCell(row, row.note, fits)
    warnings = "\n".join(w.message for w in report.warnings)
    return OrgCell(row, row.note, warnings, True, report.summary(lang))


def _periods(year: int) -> list[str]:
    quarters = Period(PeriodKind.YEAR, year).subperiods(PeriodKind.QUARTER)
    return [str(p) for p in quarters] + [str(year)]


class OrgPredikatDialog(OfficeEvalDialog):
    """Set the capaian kinerja organisasi of each office for a period."""

    OBJECT_NAME = "org_predikat"
    TITLE = QT_TRANSLATE_NOOP("OfficeEval", "Predikat organisasi")
    SIZE = (1150, 600)

    def _build(self) -> None:
        self.reads = DialogReads(self)
        self._saved = ""  # the message of the last save, shown after the rows are read again
        self.rows: list[OrgPredikatRow] = []
        self.combos: dict[int, QComboBox] = {}

        self.year = year_spin(self.today.year)
        self.period = PeriodCodeCombo()
        top = labelled_row((tr("Tahun:"), self.year), (tr("Periode:"), self.period))
        hint = QLabel(
            tr("Predikat organisasi ditetapkan oleh pimpinan di atas kantor (camat untuk "
               "kelurahan; Kepala Dinas Kesehatan untuk puskesmas). Capaian IKU kantor ditampilkan "
               "sebagai bahan pertimbangan; pola distribusi hanya peringatan.")
        )  # fmt: skip
        hint.setWordWrap(True)

        self.model: EditableTableModel[OrgCell] = EditableTableModel(
            org_columns(self.lang), self, header_context=CONTEXT
        )
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table_empty = show_when_empty(self.table, tr("Belum ada kantor yang dinilai."))
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_OFFICE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_IKU, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_PREDIKAT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_DISTRIBUTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_BY, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        # The columns sized to their contents measure a sample, not all of a city's offices
        # at every layout (issue 16: the GUI thread may stay away 100 ms at most).
        header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        self._fitting = 0  # counts the fits begun: a reload's fit replaces the last one

        self.status = StatusLine()
        self.save_button = QPushButton(tr("&Simpan"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self._fill_periods()
        self.year.valueChanged.connect(lambda _v: (self._fill_periods(), self.reload()))
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.reload()

    def _fill_periods(self) -> None:
        codes = _periods(self.year.value())
        ended = [c for c in codes if Period.parse(c).end < self.today]
        self.period.set_codes(codes, ended[-1] if ended else codes[0])

    def select_period(self, period: str) -> None:
        self.year.blockSignals(True)
        self.year.setValue(Period.parse(period).year)
        self.year.blockSignals(False)
        self._fill_periods()
        self.period.select(period)
        self.reload()

    def is_loading(self) -> bool:
        """True while the rows (and each office's distribution) are read on the worker."""
        return self.reads.is_loading()

    def reload(self) -> None:
        """Read the period's rows on the read worker (at a city: a distribution per office)."""
        period = self.period.code()
        if not period:
            self._show_rows(([], []))
            return
        self.status.setText(tr("Memuat…"))
        self.save_button.setEnabled(False)
        self.reads.read(
            "rows", _read_rows, self.db, period, self.actor, self.lang,
            on_done=self._show_rows, on_error=self._failed,
        )  # fmt: skip

    def _failed(self, error: BaseException) -> None:
        self.status.setText("")
        if isinstance(error, KinerjaError):
            ErrorBox.show(self, tr("Predikat organisasi tidak dapat dibaca"), error, self.lang)
        else:
            raise error

    def _show_rows(self, read: tuple[list[OrgPredikatRow], list[OrgCell]]) -> None:
        self.rows, cells = read
        self.combos.clear()
        # The reset drops the old rows' combo boxes too.
        self.model.set_rows(cells)
        for r, row in enumerate(self.rows):
            if row.may_set:
                self.combos[r] = self._predikat_combo(r, row)
        self._fit_rows()
        self.save_button.setEnabled(any(row.may_set for row in self.rows))
        saved, self._saved = self._saved, ""
        if self.rows and self.rows[0].locked:
            self.status.problem(tr("Periode ini terkunci; predikat tidak dapat diubah."))
        elif saved:
            self.status.ok(saved)
        else:
            self.status.setText("")

    def _fit_rows(self, start: int = 0, generation: int | None = None) -> None:
        """Fit the rows' heights to their wrapped texts :data:`FIT_CHUNK` rows per turn of the
        event loop, the visible ones first: fitting all of a city's 139 offices at once held
        the GUI thread 150 ms (issue 16). A reload meanwhile starts over."""
        if generation is None:
            self._fitting += 1
            generation = self._fitting
        elif generation != self._fitting:
            return
        end = min(start + FIT_CHUNK, self.model.rowCount())
        for r in range(start, end):
            self.table.resizeRowToContents(r)
        if end < self.model.rowCount():
            QTimer.singleShot(0, self, lambda: self._fit_rows(end, generation))

    def _predikat_combo(self, r: int, row: OrgPredikatRow) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"predikat_{row.office_code}")
        combo.addItem(tr("— belum ditetapkan —"), None)
        for value in OrgPredikat:
            combo.addItem(label(value, self.lang), value.value)
        combo.setCurrentIndex(combo.findData(row.predikat.value) if row.predikat else 0)
        self.table.setIndexWidget(self.model.index(r, COL_PREDIKAT), combo)
        return combo

    def set_choice(self, office_code: str, predikat: OrgPredikat | None) -> None:
        """Choose ``predikat`` in ``office_code``'s combo (as a clerk would)."""
        for r, combo in self.combos.items():
            if self.rows[r].office_code == office_code:
                combo.setCurrentIndex(combo.findData(predikat.value) if predikat else 0)
                return
        raise KeyError(office_code)

    def save(self) -> int:
        """Save every changed row; returns how many were saved (a refusal stops there)."""
        if self.actor is None:
            return 0
        saved = 0
        for r, combo in self.combos.items():
            row = self.rows[r]
            data = combo.currentData()
            note = self.model.row_at(r).note.strip()
            if data is None or (row.predikat is not None and data == row.predikat.value
                                and note == row.note):  # fmt: skip
                continue
            try:
                set_org_predikat(
                    self.db, self.actor, row.office_code, row.period, OrgPredikat(data),
                    note=note, expected_version=row.version,
                )  # fmt: skip
            except KinerjaError as err:
                ErrorBox.show(self, tr("Predikat tidak disimpan"), err, self.lang)
                break
            saved += 1
        if saved:  # said once the rows are read again (the reload would clear it)
            self._saved = tr("{count} predikat organisasi disimpan.").format(count=saved)
            self.publish(Changes.of("evaluations"))
        self.reload()
        return saved
