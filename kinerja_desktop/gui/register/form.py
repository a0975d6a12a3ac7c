"""The employee form: a new employee, or the correction of one (their current assignment).

Validation is inline and runs in two speeds. The NIP is checked on every keystroke with the
pure domain rules (:func:`check_nip`), which is also where the derived birth date, gender and
TMT CPNS come from. The rules that need the register (NIP already used, atasan cycle, one
definitive head per office, golongan against status...) come from
:func:`check_employee_form` after a short pause in typing, since that service reads the whole
register. Errors block "Simpan"; warnings (gender digit, age at TMT) are shown and never block.

A record owned by another office, or an actor who may not edit, gets the same form read-only
with a line saying why. Dated changes (mutasi, leaving) have their own dialogs.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import Acting, EmploymentType, Gender, JobKind
from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.messages import describe, label
from kinerja_desktop.domain.nip import check_nip
from kinerja_desktop.domain.periods import format_date_id
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.register.fields import (
    ActingCombo,
    AtasanCombo,
    DateField,
    EnumCombo,
    FieldMessage,
    GradeCombo,
    JobKindCombo,
    LevelCombo,
    OptionalDateField,
    ValueCombo,
    can_edit_register,
    month_year,
    office_items,
    with_message,
)
from kinerja_desktop.gui.register.form_values import fill_form, form_input
from kinerja_desktop.services.register.dto import EmployeeDetail, EmployeeInput, EmployeeSaved

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database

#: The register check waits for this pause in typing (it reads the whole register).
CHECK_DELAY_MS = 300

# Form fields in screen order; EmployeeInput names, so service issues land on the right line.
_FIELDS = (
    "nip", "employment_type", "name", "title_prefix", "title_suffix", "gender", "grade",
    "jabatan", "job_kind", "functional_level", "kelas_jabatan", "office_code", "atasan_uuid",
    "is_head", "acting", "start_date", "tmt_jabatan", "tmt_golongan", "karpeg", "birth_place",
    "education", "phone", "email",
)  # fmt: skip
_ALIASES = {"external_penilai_uuid": "atasan_uuid"}


class EmployeeFormDialog(QDialog):
    """Create (``uuid`` None) or correct an employee. ``saved`` holds the result after Simpan."""

    def __init__(
        self,
        db: Database,
        actor: Actor | None,
        uuid: str | None = None,
        *,
        lang: str = "id",
        parent: QWidget | None = None,
        office_code: str | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        from kinerja_desktop.services.common import list_offices
        from kinerja_desktop.services.register import get_employee

        self.setObjectName("employee_form")
        self.db, self.actor, self.uuid, self.lang = db, actor, uuid, lang
        self.today = today or date.today()
        self.saved: EmployeeSaved | None = None
        self.detail: EmployeeDetail | None = get_employee(db, uuid) if uuid else None
        self.offices = list_offices(db)
        self.setWindowTitle(self.tr("Ubah data pegawai") if uuid else self.tr("Pegawai baru"))
        self.setMinimumWidth(620)

        self._build_identity_fields()
        self._build_assignment_fields()
        self._build_file_fields()
        self.messages = {name: FieldMessage(name) for name in _FIELDS}
        self.messages["_other"] = FieldMessage("other")
        for name in (
            "nip", "name", "title_prefix", "title_suffix", "jabatan", "phone", "email", "karpeg",
            "birth_place", "education", "tmt_jabatan", "tmt_golongan", "kelas_jabatan",
        ):  # fmt: skip
            self.field_widget(name).setObjectName(name)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add_identity_rows(form)
        self._add_assignment_rows(form)
        self._add_file_rows(form)
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addWidget(self.messages["_other"])
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.validate_now)
        self._last_errors: tuple[Any, ...] = ()

        if self.detail is not None:
            fill_form(self, self.detail)
        elif office_code:
            self.office_code.set_value(office_code)
        self._connect_signals()
        self._sync_enabled()
        self._check_nip_now()
        self._apply_permissions()

    # -- widgets -------------------------------------------------------------------------------

    def _build_identity_fields(self) -> None:
        """Who the employee is: NIP (with the facts it gives), status, name, titles, gender."""
        self.nip = QLineEdit()
        self.nip.setPlaceholderText(self.tr("18 digit, boleh dengan spasi"))
        self.nip.setMaxLength(30)
        self.nip_info = QLabel()
        self.nip_info.setObjectName("nip_info")
        self.nip_info.setStyleSheet("color: palette(mid);")
        self.employment_type = EnumCombo(EmploymentType, lang=self.lang)
        self.name = QLineEdit()
        self.title_prefix = QLineEdit()
        self.title_prefix.setPlaceholderText(self.tr("mis. dr., Ir., drg."))
        self.title_suffix = QLineEdit()
        self.title_suffix.setPlaceholderText(self.tr("mis. S.E, M.Si"))
        self.gender = EnumCombo(Gender, lang=self.lang, none=self.tr("Sesuai NIP"))

    def _build_assignment_fields(self) -> None:
        """The current assignment: golongan, jabatan, office, atasan, head status, start."""
        from kinerja_desktop.services.register import atasan_choices

        self.grade = GradeCombo()
        self.jabatan = QLineEdit()
        self.job_kind = JobKindCombo(self.lang)
        self.job_kind.set_value(JobKind.PELAKSANA)
        self.functional_level = LevelCombo(self.lang)
        # 0 shows as "–" and means "no kelas" (the TPP of the recap is then not computed).
        self.kelas_jabatan = QSpinBox()
        self.kelas_jabatan.setRange(0, 17)
        self.kelas_jabatan.setSpecialValueText("–")
        self.kelas_jabatan.setToolTip(self.tr("Kelas jabatan 1–17, untuk perhitungan TPP"))
        self.office_code = ValueCombo()
        self.office_code.set_items(office_items(self.offices), keep=False)
        self.atasan = AtasanCombo()
        self.atasan.set_choices(atasan_choices(self.db, employee_uuid=self.uuid))
        self.is_head = QCheckBox(self.tr("Kepala kantor (lurah, camat, kepala puskesmas)"))
        self.acting = ActingCombo(self.lang)
        self.start_date = DateField(self.today, maximum=self.today)

    def _build_file_fields(self) -> None:
        """The personnel file: TMT dates, karpeg, birth place, education and contact."""
        # The Konversi Angka Kredit prints these (issue 14); TMT dates may stay empty.
        self.tmt_jabatan = OptionalDateField(maximum=self.today)
        self.tmt_golongan = OptionalDateField(maximum=self.today)
        self.karpeg = QLineEdit()
        self.karpeg.setMaxLength(30)
        self.karpeg.setPlaceholderText(self.tr("nomor seri kartu pegawai"))
        self.birth_place = QLineEdit()
        self.birth_place.setMaxLength(100)
        self.education = QLineEdit()
        self.education.setMaxLength(120)
        self.education.setPlaceholderText(self.tr("mis. S1 Kesehatan Masyarakat"))
        self.phone = QLineEdit()
        self.email = QLineEdit()

    def _add_identity_rows(self, form: QFormLayout) -> None:
        nip_box = QWidget()
        nip_layout = QVBoxLayout(nip_box)
        nip_layout.setContentsMargins(0, 0, 0, 0)
        nip_layout.setSpacing(1)
        nip_layout.addWidget(self.nip)
        nip_layout.addWidget(self.nip_info)
        nip_layout.addWidget(self.messages["nip"])
        form.addRow(self.tr("NIP / NI PPPK"), nip_box)
        rows = (
            (self.tr("Status"), "employment_type"),
            (self.tr("Nama (tanpa gelar)"), "name"),
        )
        for text, name in rows:
            form.addRow(text, with_message(self.field_widget(name), self.messages[name]))
        titles = QHBoxLayout()
        titles.addWidget(QLabel(self.tr("depan")))
        titles.addWidget(self.title_prefix)
        titles.addWidget(QLabel(self.tr("belakang")))
        titles.addWidget(self.title_suffix)
        titles_box = QWidget()
        titles_box.setLayout(titles)
        titles.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Gelar"), titles_box)
        form.addRow(self.tr("Jenis kelamin"), with_message(self.gender, self.messages["gender"]))

    def _add_assignment_rows(self, form: QFormLayout) -> None:
        rows = (
            (self.tr("Golongan"), "grade"),
            (self.tr("Jabatan"), "jabatan"),
            (self.tr("Jenis jabatan"), "job_kind"),
        )
        for text, name in rows:
            form.addRow(text, with_message(self.field_widget(name), self.messages[name]))
        form.addRow(
            self.tr("Jenjang fungsional"),
            self._pair(self.functional_level, self.tr("Kelas jabatan"), self.kelas_jabatan),
        )
        form.addRow(self.tr("Kantor"), with_message(self.office_code, self.messages["office_code"]))
        self.externals_button = QPushButton(self.tr("Penilai luar…"))
        self.externals_button.setObjectName("externals")
        self.externals_button.setToolTip(
            self.tr("Atasan dari luar kantor, mis. Sekretaris Daerah untuk camat.")
        )
        self.externals_button.clicked.connect(self.edit_externals)
        atasan_row = QHBoxLayout()
        atasan_row.setContentsMargins(0, 0, 0, 0)
        atasan_row.addWidget(self.atasan, 1)
        atasan_row.addWidget(self.externals_button)
        atasan_box = QWidget()
        atasan_box.setLayout(atasan_row)
        form.addRow(
            self.tr("Atasan (penilai)"), with_message(atasan_box, self.messages["atasan_uuid"])
        )
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.is_head)
        head.addWidget(self.acting)
        head.addStretch(1)
        head_box = QWidget()
        head_box.setLayout(head)
        form.addRow(self.tr("Kepala"), head_box)
        form.addRow("", self.messages["is_head"])
        form.addRow("", self.messages["acting"])
        form.addRow(
            self.tr("Mulai tugas"), with_message(self.start_date, self.messages["start_date"])
        )

    def _add_file_rows(self, form: QFormLayout) -> None:
        form.addRow(
            self.tr("TMT jabatan"),
            self._pair(self.tmt_jabatan, self.tr("TMT golongan"), self.tmt_golongan),
        )
        form.addRow(self.tr("No. seri karpeg"), with_message(self.karpeg, self.messages["karpeg"]))
        form.addRow(
            self.tr("Tempat lahir"),
            self._pair(self.birth_place, self.tr("Pendidikan"), self.education),
        )
        form.addRow(self.tr("Telepon"), self.phone)
        form.addRow(self.tr("Email"), self.email)

    def _build_buttons(self) -> None:
        """The read-only notice above the form and Simpan / Batal below it."""
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        self.cancel_button = self.buttons.addButton(
            self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)

    def _connect_signals(self) -> None:
        """Keep dependent fields in step and re-check the register after any edit."""
        self.employment_type.currentIndexChanged.connect(self._on_type)
        self.job_kind.currentIndexChanged.connect(self._sync_enabled)
        self.is_head.toggled.connect(self._sync_enabled)
        for line in (self.nip, self.name, self.title_prefix, self.title_suffix, self.jabatan):
            line.textChanged.connect(self._changed)
        self.nip.textChanged.connect(self._check_nip_now)
        for combo in (
            self.employment_type, self.gender, self.grade, self.job_kind, self.functional_level,
            self.office_code, self.acting,
        ):  # fmt: skip
            combo.currentIndexChanged.connect(self._changed)
        self.atasan.currentIndexChanged.connect(self._changed)
        self.atasan.editTextChanged.connect(self._changed)
        self.is_head.toggled.connect(self._changed)
        self.start_date.dateChanged.connect(self._changed)
        self.kelas_jabatan.valueChanged.connect(self._changed)
        for field in (self.tmt_jabatan, self.tmt_golongan):
            field.dateChanged.connect(self._changed)
        for line in (self.karpeg, self.birth_place, self.education):
            line.textChanged.connect(self._changed)

    def _pair(self, first: QWidget, second_label: str, second: QWidget) -> QWidget:
        """Two fields on one row (the dialog must fit a 1366×768 screen), each with its
        message line under the row."""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(first, 1)
        row.addWidget(QLabel(second_label))
        row.addWidget(second, 1)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addLayout(row)
        for widget in (first, second):
            name = next((n for n in _FIELDS if getattr(self, n, None) is widget), "")
            if name:
                layout.addWidget(self.messages[name])
        return box

    def field_widget(self, name: str) -> QWidget:
        widgets = {"atasan_uuid": self.atasan}
        return widgets.get(name) or getattr(self, name)

    def _apply_permissions(self) -> None:
        reason = ""
        if not can_edit_register(self.actor):
            reason = self.tr("Hanya dapat dilihat: akun ini tidak dapat mengubah data pegawai.")
        elif self.detail is not None and not self.detail.editable:
            reason = self.tr(
                "Hanya dapat dilihat: data ini milik kantor {office} dan diubah di sana."
            ).format(office=self.detail.origin_office)
        elif self.detail is not None and not self.detail.active:
            reason = self.tr("Pegawai ini sudah tidak aktif; datanya hanya dapat dilihat.")
        self.read_only = bool(reason)
        if reason:
            self.notice.setText(reason)
            self.notice.show()
            for name in _FIELDS:
                self.field_widget(name).setEnabled(False)
            self.externals_button.setEnabled(False)
            self.save_button.hide()
            self.cancel_button.setText(self.tr("Tutup"))

    def edit_externals(self) -> None:
        """Add or correct a penilai luar, then offer the new list (the choice is kept)."""
        from kinerja_desktop.gui.register.externals import ExternalPenilaiDialog
        from kinerja_desktop.services.register import atasan_choices

        if ExternalPenilaiDialog.ask(self, self.db, self.actor, lang=self.lang):
            self.atasan.set_choices(atasan_choices(self.db, employee_uuid=self.uuid))
            self._changed()

    def _on_type(self) -> None:
        self.grade.set_type(self.employment_type.value())
        self._check_nip_now()

    def _sync_enabled(self) -> None:
        if getattr(self, "read_only", False):
            return
        fungsional = self.job_kind.value() == JobKind.FUNGSIONAL
        self.functional_level.setEnabled(fungsional)
        if not fungsional:
            self.functional_level.set_value(None)
        self.acting.setEnabled(self.is_head.isChecked())
        if not self.is_head.isChecked():
            self.acting.set_value(Acting.NONE)

    # -- validation ------------------------------------------------------------------------

    def values(self) -> EmployeeInput:
        """The form's values as the services take them."""
        return form_input(self)

    def _changed(self) -> None:
        if not self.read_only:
            self._timer.start()

    def _check_nip_now(self) -> None:
        """The NIP line and its derived facts, on every keystroke (pure domain rules)."""
        text = self.nip.text().strip()
        message = self.messages["nip"]
        if not text:
            self.nip_info.setText("")
            message.clear_message()
            return
        check = check_nip(text, self.employment_type.value(), today=self.today)
        facts = []
        if check.birth_date is not None:
            facts.append(self.tr("Lahir {date}").format(date=format_date_id(check.birth_date)))
        if check.gender is not None:
            facts.append(label(check.gender, self.lang))
        if check.tmt is not None:
            facts.append(self.tr("TMT CPNS {month}").format(month=month_year(check.tmt)))
        elif check.appointment_year is not None and check.ok:
            facts.append(self.tr("Diangkat {year}").format(year=check.appointment_year))
        self.nip_info.setText(" · ".join(facts))
        if check.errors:
            message.show_error(check.errors[0].message)
        elif check.warnings:
            message.show_warning(check.warnings[0].message)
        else:
            message.clear_message()

    def validate_now(self) -> bool:
        """Run the register rules on the form and show every issue inline; True when none
        blocks saving."""
        from kinerja_desktop.services.register import check_employee_form

        self._timer.stop()
        result = check_employee_form(self.db, self.values(), uuid=self.uuid, today=self.today)
        for name, message in self.messages.items():
            if name != "nip":
                message.clear_message()
        shown: set[str] = set()
        for issue in (*result.errors, *result.warnings):
            name = _ALIASES.get(issue.field, issue.field)
            if name in shown:
                continue
            shown.add(name)
            target = self.messages.get(name, self.messages["_other"])
            text = issue.worded(self.lang)
            if name == "grade" and not self.grade.value():
                text = self.tr("Pilih golongan.")  # not "golongan '' tidak dikenal"
            if issue in result.errors:
                target.show_error(text)
            else:
                target.show_warning(text)
        if "nip" not in shown:
            self._check_nip_now()
        self._last_errors = result.errors
        self.adjustSize()  # a message line may have appeared: make room instead of clipping
        self.save_button.setEnabled(result.ok)
        return result.ok

    def message_text(self, name: str) -> str:
        """The message shown under field ``name`` ("" when none), for tests and screen
        readers."""
        message = self.messages[name]
        return message.text() if not message.isHidden() else ""

    # -- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        """Check, then create or correct; stays open with the issues shown when refused."""
        from kinerja_desktop.services.register import create_employee, get_employee, update_employee

        if self.read_only or self.actor is None or not self.validate_now():
            return
        try:
            if self.detail is None:
                self.saved = create_employee(self.db, self.actor, self.values(), today=self.today)
            else:
                self.saved = update_employee(
                    self.db, self.actor, self.detail.uuid, self.values(),
                    expected_version=self.detail.version, today=self.today,
                )  # fmt: skip
        except ValidationError as err:
            name = _ALIASES.get(err.field or "", err.field or "_other")
            self.messages.get(name, self.messages["_other"]).show_error(describe(err, self.lang))
            return
        except KinerjaError as err:
            show_error(err, lang=self.lang, parent=self)
            if err.code == "record.changed" and self.detail is not None:
                self.detail = get_employee(self.db, self.detail.uuid)  # show their version
                fill_form(self, self.detail)
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        db: Database,
        actor: Actor | None,
        uuid: str | None = None,
        *,
        lang: str = "id",
        office_code: str | None = None,
    ) -> EmployeeSaved | None:
        """Open the form modally; the save's result, or None when nothing was saved."""
        dialog = cls(db, actor, uuid, lang=lang, parent=parent, office_code=office_code)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        dialog.exec()
        return dialog.saved
