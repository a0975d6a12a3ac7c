"""The "Realisasi IKU kantor" dialog: an office's IKU realisations of one period.

The clerk picks office, year and period, types realisations (and notes) into the table and
sees each capaian and category change as they type; "Simpan" saves every changed row in one
transaction. Offices other than the home office, and locked periods, are shown read-only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe, label
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.gui.kit.editable_table_model import EditableTableModel
from kinerja_desktop.gui.kit.empty_hint import show_when_empty
from kinerja_desktop.gui.kit.format import fmt_capaian
from kinerja_desktop.gui.office_eval.base import OfficeEvalDialog
from kinerja_desktop.gui.office_eval.common import (
    CONTEXT,
    REALISATION_ROLES,
    AskFile,
    Confirm,
    OfficeCombo,
    PeriodCodeCombo,
    StatusLine,
    labelled_row,
    load_offices,
    may_open,
    run_action,
    tr,
    year_spin,
)
from kinerja_desktop.gui.office_eval.realisations_model import (
    COL_CAPAIAN,
    COL_CATEGORY,
    COL_CODE,
    COL_NAME,
    COL_NOTE,
    COL_TARGET,
    COL_UNIT,
    COL_VALUE,
    RealisationCell,
    realisation_columns,
)
from kinerja_desktop.services.common.dto import Changes
from kinerja_desktop.services.office_eval import (
    OfficeCapaian,
    RealisationEntry,
    office_capaian,
    office_periods,
    parse_value,
    save_realisations,
)


class OfficeRealisationsDialog(OfficeEvalDialog):
    """Enter an office's IKU realisations per period and see the office's capaian."""

    OBJECT_NAME = "office_realisations"
    TITLE = QT_TRANSLATE_NOOP("OfficeEval", "Realisasi IKU kantor")
    SIZE = (1100, 560)

    def _build(self) -> None:
        self.result: OfficeCapaian | None = None
        self.saved_count = 0

        top = self._build_choosers()
        self._build_table()
        self.overall = QLabel()
        self.overall.setObjectName("overall")
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.status = StatusLine()
        buttons = self._build_buttons()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.overall)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        offices, home = load_offices(self.db)
        self.office.fill(offices, home)
        self.year.setValue(self.today.year)
        self._fill_periods()
        self.office.currentIndexChanged.connect(self._on_office_or_year)
        self.year.valueChanged.connect(self._on_office_or_year)
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.reload()

    # -- building -------------------------------------------------------------------------------

    def _build_choosers(self) -> QHBoxLayout:
        self.office = OfficeCombo()
        self.year = year_spin(self.today.year)
        self.period = PeriodCodeCombo()
        return labelled_row(
            (tr("Kantor:"), self.office), (tr("Tahun:"), self.year), (tr("Periode:"), self.period)
        )

    def _build_table(self) -> None:
        self.model: EditableTableModel[RealisationCell] = EditableTableModel(
            realisation_columns(self.lang, self._bands), self, header_context=CONTEXT
        )
        self.model.edited.connect(self._on_edited)
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.model)
        self.table_empty = show_when_empty(
            self.table, tr("Belum ada IKU untuk kantor dan tahun ini.")
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (COL_CODE, COL_UNIT, COL_TARGET, COL_VALUE, COL_CAPAIAN, COL_CATEGORY):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(COL_NOTE, 200)

    def _build_buttons(self) -> QDialogButtonBox:
        self.save_button = QPushButton(tr("&Simpan"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.export_button = QPushButton(tr("&Ekspor ke Excel…"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export_sheet)
        self.import_button = QPushButton(tr("&Impor dari Excel…"))
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(self.import_sheet)
        buttons = QDialogButtonBox()
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        return buttons

    # -- choosing -------------------------------------------------------------------------------

    def _fill_periods(self) -> None:
        code = self.office.code()
        codes = office_periods(self.db, code, self.year.value()) if code else []
        ended = [c for c in codes if Period.parse(c).end < self.today]
        self.period.set_codes(codes, ended[-1] if ended else (codes[0] if codes else None))

    def _on_office_or_year(self, *_args: object) -> None:
        self._fill_periods()
        self.reload()

    def select(self, office: str, period: str) -> None:
        """Show ``office`` and ``period`` (for tests and callers that know what they want)."""
        self.office.blockSignals(True)
        self.office.select(office)
        self.office.blockSignals(False)
        self.year.blockSignals(True)
        self.year.setValue(Period.parse(period).year)
        self.year.blockSignals(False)
        self._fill_periods()
        self.period.select(period)
        self.reload()

    # -- showing --------------------------------------------------------------------------------

    def editable(self) -> bool:
        return (
            self.result is not None
            and self.result.editable
            and not self.result.locked_by
            and may_open(self.actor, REALISATION_ROLES)
        )

    def reload(self) -> None:
        office, period = self.office.code(), self.period.code()
        self.status.setText("")
        if office is None or period is None:
            self.result = None
            self.model.set_rows([])
            return
        self.result = office_capaian(self.db, office, period)
        self._show(self.result)
        self._update_overall()

    def _show(self, result: OfficeCapaian) -> None:
        editable = self.editable()
        self.model.set_rows([RealisationCell.of(row, editable=editable) for row in result.rows])
        if not result.editable:
            self.notice.setText(
                tr("Realisasi kantor ini diisi di database kantor itu sendiri; di sini hanya "
                   "dapat dilihat.")
            )  # fmt: skip
        elif result.locked_by:
            self.notice.setText(
                tr("Periode {period} terkunci; minta Admin membukanya kembali untuk mengubah.")
                .format(period=Period.parse(result.locked_by).label())
            )  # fmt: skip
        elif not may_open(self.actor, REALISATION_ROLES):
            self.notice.setText(tr("Akun ini hanya dapat melihat realisasi."))
        else:
            self.notice.setText(
                tr(
                    "Ketik realisasi pada kolom Realisasi (koma sebagai tanda desimal), "
                    "lalu Simpan."
                )
            )
        self.save_button.setEnabled(editable)
        self.import_button.setEnabled(editable)

    def _bands(self) -> Any:
        from kinerja_desktop.services.admin import load_settings

        if not hasattr(self, "_cached_bands"):
            self._cached_bands = load_settings(self.db).bands
        return self._cached_bands

    def _update_overall(self) -> None:
        result = self.result
        if result is None or result.overall is None:
            self.overall.setText(tr("Capaian kantor: belum ada realisasi."))
            return
        self.overall.setText(
            tr("Capaian IKU kantor {period}: {value}% ({category})").format(
                period=result.period_label,
                value=fmt_capaian(result.overall),
                category=label(result.overall_category, self.lang)
                if result.overall_category
                else "",
            )
        )

    # -- editing --------------------------------------------------------------------------------

    def _on_edited(self, row: int, column: int) -> None:
        if column != COL_VALUE:
            return
        problem = self.model.problem(row, column)
        if problem:
            self.status.problem(problem)
        else:
            self.status.setText("")

    def changed_entries(self) -> list[RealisationEntry]:
        """The rows whose realisation or note differs from what is stored."""
        entries = []
        for _stored, cell in self.model.edited_rows():
            text, note, row = cell.value.strip(), cell.note.strip(), cell.line
            if row.derived:
                continue
            stored = RealisationCell.of(row, editable=False).value
            if text != stored or note != row.note:
                entries.append(RealisationEntry(row.code, text or None, note))
        return entries

    def save(self) -> bool:
        """Save every changed row in one transaction; False when refused or nothing changed."""
        if self.result is None or self.actor is None:
            return False
        entries = self.changed_entries()
        if not entries:
            self.status.ok(tr("Tidak ada perubahan untuk disimpan."))
            return False
        for entry in entries:
            try:
                parse_value(entry.value)
            except KinerjaError as err:
                self.status.problem(
                    tr("Perbaiki dulu {code}: {message}").format(
                        code=entry.indicator_code, message=describe(err, self.lang)
                    )
                )
                return False
        office, period = self.result.office_code, self.result.period
        actor = self.actor
        saved = run_action(
            self,
            tr("Realisasi tidak disimpan"),
            lambda: save_realisations(self.db, actor, office, period, entries),
            self.lang,
        )
        if saved is None:
            self.status.problem(tr("Tidak ada yang disimpan."))
            return False
        self.saved_count += len(entries)
        self.reload()
        self.status.ok(tr("{count} realisasi disimpan.").format(count=len(entries)))
        self.publish(saved.changes)
        return True

    # -- spreadsheets ---------------------------------------------------------------------------

    def export_sheet(self) -> bool:
        """Write the shown office and period to a spreadsheet (also the import template)."""
        if self.result is None:
            return False
        result = self.result
        suggested = f"realisasi-{result.office_code}-{result.period}.xlsx"
        path = AskFile.save(self, tr("Ekspor realisasi IKU"), suggested)
        if path is None:
            return False
        from kinerja_desktop.services.office_eval import export_office_realisations

        written = run_action(
            self,
            tr("Ekspor gagal"),
            lambda: export_office_realisations(self.db, path, result.office_code, result.period),
            self.lang,
        )
        if written is None:
            return False
        self.status.ok(tr("Diekspor ke {path}").format(path=path))
        return True

    def import_sheet(self) -> bool:
        """Check a sheet first, list its errors, and save it only after a confirmation."""
        if self.result is None or self.actor is None:
            return False
        path = AskFile.open(self, tr("Impor realisasi IKU"))
        if path is None:
            return False
        from kinerja_desktop.services.office_eval import (
            import_office_realisations,
            preview_office_realisations,
        )

        office, period, actor = self.result.office_code, self.result.period, self.actor
        preview = run_action(
            self,
            tr("Impor ditolak"),
            lambda: preview_office_realisations(self.db, actor, path, office, period),
            self.lang,
        )
        if preview is None:
            return False
        checked = preview.summary  # type: ignore[attr-defined]
        if checked.errors:  # type: ignore[attr-defined]
            lines = [
                tr("baris {row}, kolom {column}: {message}").format(
                    row=e.row, column=e.column, message=e.worded(self.lang)
                )
                for e in checked.errors[:3]  # type: ignore[attr-defined]
            ]
            self.status.problem(
                tr("{file}: {count} kesalahan, tidak ada yang disimpan. ").format(
                    file=path.name,
                    count=len(checked.errors),  # type: ignore[attr-defined]
                )
                + "; ".join(lines)
            )
            return False
        changes = checked.created + checked.updated  # type: ignore[attr-defined]
        if not changes:
            self.status.ok(tr("Berkas sama dengan data tersimpan; tidak ada yang diubah."))
            return False
        if not Confirm.ask(
            self,
            tr("Simpan hasil impor?"),
            tr(
                "{created} realisasi baru dan {updated} perubahan untuk {office} {period}. Simpan?"
            ).format(
                created=checked.created,
                updated=checked.updated,  # type: ignore[attr-defined]
                office=office,
                period=self.result.period_label,
            ),
            tr("Simpan"),
        ):
            return False
        done = run_action(
            self,
            tr("Impor ditolak"),
            # The rows the check read: the file is not read again.
            lambda: import_office_realisations(
                self.db,
                actor,
                preview.file,
                office,
                period,  # type: ignore[attr-defined]
            ),
            self.lang,
        )
        if done is None:
            return False
        self.reload()
        self.status.ok(tr("{count} realisasi diimpor.").format(count=changes))
        self.publish(Changes.of("indicators", "realisations"))
        return True
