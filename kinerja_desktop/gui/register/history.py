"""Changes over time: the mutasi dialog (with the assignment history) and the leaving dialog.

A mutasi is a dated new assignment (office, jabatan, golongan, atasan or head status from a
date); the history table shows every assignment, oldest first, so the clerk sees what is kept.
Leaving (pensiun, mutasi keluar, meninggal, berhenti) makes the employee inactive from a date.
Neither deletes anything; the view's "Urungkan" reverses them through
:func:`cancel_mutasi` and :func:`reactivate_employee`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import Acting, JobKind, LeaveReason
from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.messages import describe, label
from kinerja_desktop.gui.kit.dialogs import Confirm  # noqa: F401 (re-exported)
from kinerja_desktop.gui.kit.empty_hint import show_when_empty
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.format import fmt_date
from kinerja_desktop.gui.register.fields import (
    ActingCombo,
    AtasanCombo,
    DateField,
    EnumCombo,
    FieldMessage,
    GradeCombo,
    JobKindCombo,
    LevelCombo,
    ValueCombo,
    office_items,
    with_message,
)
from kinerja_desktop.services.register.dto import AssignmentDTO, EmployeeSaved, MutasiInput

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database


def history_table(history: tuple[AssignmentDTO, ...], lang: str = "id") -> QTableWidget:
    """The assignments of an employee, oldest first; the current one in bold."""
    from PySide6.QtCore import QCoreApplication

    def tr(text: str) -> str:
        return QCoreApplication.translate("EmployeeHistory", text)

    headers = [
        tr("Mulai"), tr("Sampai"), tr("Kantor"), tr("Jabatan"), tr("Gol."), tr("Atasan"),
        tr("Kepala"),
    ]  # fmt: skip
    table = QTableWidget(len(history), len(headers))
    table.setObjectName("history")
    show_when_empty(table, tr("Belum ada riwayat penugasan."))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    for row, a in enumerate(history):
        head = ""
        if a.is_head:
            head = label(a.acting, lang) if a.acting != Acting.NONE else tr("Ya")
        cells = (
            fmt_date(a.start_date),
            fmt_date(a.end_date) if a.end_date else tr("sekarang"),
            a.office_code,
            a.jabatan,
            a.grade,
            a.atasan_name,
            head,
        )
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(a.office_name if column == 2 else text)
            if a.current:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(row, column, item)
    table.resizeColumnsToContents()
    table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(min(60 + 26 * max(len(history), 2), 220))
    return table


class MutasiDialog(QDialog):
    """Record a mutasi from a date; ``saved`` holds the result."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        uuid: str,
        *,
        lang: str = "id",
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        from kinerja_desktop.services.register import get_employee

        self.setObjectName("mutasi_dialog")
        self.db, self.actor, self.uuid, self.lang = db, actor, uuid, lang
        self.today = today or date.today()
        self.saved: EmployeeSaved | None = None
        self.detail = detail = get_employee(db, uuid)
        self.setWindowTitle(self.tr("Mutasi: {name}").format(name=detail.full_name))
        self.setMinimumWidth(720)
        self._build_fields()
        self._fill_current()
        self.job_kind.currentIndexChanged.connect(self._sync)
        self.is_head.toggled.connect(self._sync)
        self._sync()

        self.error = FieldMessage("error")
        form = self._build_form()
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Riwayat jabatan</b> (disimpan, tidak diubah)")))
        self.history = history_table(detail.history, lang)
        layout.addWidget(self.history)
        layout.addWidget(
            QLabel(self.tr("<b>Jabatan baru</b>: jabatan sekarang berakhir sehari sebelumnya."))
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _build_fields(self) -> None:
        from kinerja_desktop.services.common import list_offices
        from kinerja_desktop.services.register import atasan_choices

        self.start_date = DateField(self.today, maximum=self.today)
        self.office_code = ValueCombo()
        self.office_code.set_items(office_items(list_offices(self.db)), keep=False)
        self.jabatan = QLineEdit()
        self.jabatan.setObjectName("jabatan")
        self.job_kind = JobKindCombo(self.lang)
        self.functional_level = LevelCombo(self.lang)
        self.grade = GradeCombo(self.detail.employment_type)
        # As in the employee form: 0 shows as "–", no kelas (the recap's TPP is not computed).
        self.kelas_jabatan = QSpinBox()
        self.kelas_jabatan.setObjectName("kelas_jabatan")
        self.kelas_jabatan.setRange(0, 17)
        self.kelas_jabatan.setSpecialValueText("–")
        self.kelas_jabatan.setToolTip(self.tr("Kelas jabatan 1–17, untuk perhitungan TPP"))
        self.atasan = AtasanCombo()
        self.atasan.set_choices(atasan_choices(self.db, employee_uuid=self.uuid))
        self.is_head = QCheckBox(self.tr("Kepala kantor"))
        self.acting = ActingCombo(self.lang)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("mis. nomor SK mutasi"))

    def _fill_current(self) -> None:
        """Start from the current assignment: a mutasi usually changes one or two things."""
        current = self.detail.current
        if current is None:
            return
        self.office_code.set_value(current.office_code)
        self.jabatan.setText(current.jabatan)
        self.job_kind.set_value(current.job_kind)
        self.functional_level.set_value(current.functional_level)
        self.grade.set_value(current.grade)
        self.kelas_jabatan.setValue(current.kelas_jabatan or 0)
        if current.atasan_uuid:
            self.atasan.set_atasan(current.atasan_uuid)
        else:
            self.atasan.set_atasan(current.external_penilai_uuid, True)
        self.is_head.setChecked(current.is_head)
        self.acting.set_value(current.acting)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("Berlaku mulai"), self.start_date)
        form.addRow(self.tr("Kantor"), self.office_code)
        form.addRow(self.tr("Jabatan"), self.jabatan)
        form.addRow(self.tr("Jenis jabatan"), self.job_kind)
        form.addRow(self.tr("Jenjang fungsional"), self.functional_level)
        form.addRow(self.tr("Golongan"), self.grade)
        form.addRow(self.tr("Kelas jabatan"), self.kelas_jabatan)
        form.addRow(self.tr("Atasan (penilai)"), self.atasan)
        head = QHBoxLayout()
        head.addWidget(self.is_head)
        head.addWidget(self.acting)
        head.addStretch(1)
        form.addRow(self.tr("Kepala"), head)
        form.addRow(self.tr("Catatan"), self.note)
        return form

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Catat mutasi"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        return buttons

    def _sync(self) -> None:
        fungsional = self.job_kind.value() == JobKind.FUNGSIONAL
        self.functional_level.setEnabled(fungsional)
        if not fungsional:
            self.functional_level.set_value(None)
        self.acting.setEnabled(self.is_head.isChecked())
        if not self.is_head.isChecked():
            self.acting.set_value(Acting.NONE)

    def values(self) -> MutasiInput:
        atasan = self.atasan.value()
        uuid, external = atasan if atasan is not None else (None, False)
        return MutasiInput(
            start_date=self.start_date.value(),
            office_code=self.office_code.value() or "",
            jabatan=self.jabatan.text(),
            job_kind=self.job_kind.value(),
            grade=self.grade.value() or "",
            functional_level=self.functional_level.value(),
            atasan_uuid=None if external else uuid,
            external_penilai_uuid=uuid if external else None,
            is_head=self.is_head.isChecked(),
            acting=self.acting.value(),
            note=self.note.text(),
            kelas_jabatan=self.kelas_jabatan.value() or None,
        )

    def save(self) -> None:
        from kinerja_desktop.services.register import record_mutasi

        try:
            self.saved = record_mutasi(
                self.db, self.actor, self.uuid, self.values(), today=self.today
            )
        except ValidationError as err:
            self.error.show_error(describe(err, self.lang))
            return
        except KinerjaError as err:
            show_error(err, lang=self.lang, parent=self)
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, db: Database, actor: Actor, uuid: str, *, lang: str = "id"
    ) -> EmployeeSaved | None:
        dialog = cls(db, actor, uuid, lang=lang, parent=parent)
        dialog.exec()
        return dialog.saved


class LeavingDialog(QDialog):
    """Pensiun, mutasi keluar, meninggal or berhenti from a date: the employee turns inactive."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        uuid: str,
        *,
        lang: str = "id",
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        from kinerja_desktop.services.register import get_employee

        self.setObjectName("leaving_dialog")
        self.db, self.actor, self.uuid, self.lang = db, actor, uuid, lang
        self.today = today or date.today()
        self.saved: EmployeeSaved | None = None
        detail = get_employee(db, uuid)
        self.setWindowTitle(self.tr("Pegawai keluar: {name}").format(name=detail.full_name))
        self.setMinimumWidth(460)
        self.reason = EnumCombo(LeaveReason, lang=lang)
        self.reason.setObjectName("reason")
        self.leave_date = DateField(self.today, maximum=self.today)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("mis. nomor SK pensiun"))
        self.error = FieldMessage("error")
        intro = QLabel(
            self.tr(
                "{name} ({nip}) menjadi tidak aktif sejak tanggal ini. Riwayat dan penilaiannya "
                "tetap disimpan."
            ).format(name=detail.full_name, nip=detail.nip_display)
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Alasan"), self.reason)
        form.addRow(self.tr("Tanggal"), with_message(self.leave_date, self.error))
        form.addRow(self.tr("Catatan"), self.note)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        from kinerja_desktop.services.register import record_leaving

        try:
            self.saved = record_leaving(
                self.db, self.actor, self.uuid, reason=self.reason.value(),
                leave_date=self.leave_date.value(), note=self.note.text(), today=self.today,
            )  # fmt: skip
        except ValidationError as err:
            self.error.show_error(describe(err, self.lang))
            return
        except KinerjaError as err:
            show_error(err, lang=self.lang, parent=self)
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, db: Database, actor: Actor, uuid: str, *, lang: str = "id"
    ) -> EmployeeSaved | None:
        dialog = cls(db, actor, uuid, lang=lang, parent=parent)
        dialog.exec()
        return dialog.saved
