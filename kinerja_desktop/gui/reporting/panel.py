"""The Laporan view's print panel: document, office, employee, paper and the actions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kinerja_desktop.gui.kit.format import fmt_nip
from kinerja_desktop.gui.reporting.jobs import EMPLOYEE_KINDS, RECAP_KINDS


def _tr(text: str) -> str:
    return QCoreApplication.translate("PrintPanel", text)


class LazyCombo(QComboBox):
    """A combo box that asks for its items the first time it is needed (opened or asked);
    they arrive later, from the read worker (:meth:`PrintPanel.set_employees`)."""

    def __init__(self, loader: Callable[[], None], parent: Any = None) -> None:
        super().__init__(parent)
        self._loader = loader

    def showPopup(self) -> None:
        self._loader()
        super().showPopup()

    def add_loading_item(self) -> None:
        """A greyed "Memuat…" line under the items, until the real ones arrive."""
        self.addItem(_tr("Memuat…"), _LOADING)
        model = self.model()
        item = model.item(self.count() - 1) if isinstance(model, QStandardItemModel) else None
        if item is not None:
            item.setEnabled(False)


#: The data of the employee combo's "Memuat…" line (never a NIP).
_LOADING = object()


class PrintPanel(QGroupBox):
    """Choices for a printed document; the view reads them and runs the work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Cetak dokumen"), parent)
        self.setObjectName("print_panel")
        self._employees_for: str | None = None
        self._employees_asked: str | None = None
        self._wanted_nip: str | None = None
        #: Starts reading the employees of an office; the answer comes to set_employees.
        self.employee_loader: Callable[[str], None] | None = None
        #: Starts reading the NOMOR kept for a nip in the chosen period ("" when none);
        #: the answer comes to set_kept_nomor and is shown as a hint.
        self.nomor_loader: Callable[[str], None] | None = None
        self._kept: dict[str, str] = {}
        self._nomor_asked: str | None = None
        self._build_choices()
        self._build_options()
        self._build_buttons()
        self._lay_out()
        self.doc_combo.currentIndexChanged.connect(self.update_state)
        self.office_combo.currentIndexChanged.connect(self._office_changed)
        self.employee_combo.currentIndexChanged.connect(self.update_state)
        self.update_state()

    def _build_choices(self) -> None:
        """Document, office, employee (filled on first use) and paper."""
        self.doc_combo = QComboBox()
        self.doc_combo.setObjectName("document")
        for key, text in (
            ("sheet", _tr("Evaluasi Kinerja Pegawai")),
            ("card", _tr("Dokumen Evaluasi Kinerja Pegawai (1 halaman)")),
            ("skp", _tr("SKP dan lampiran")),
            ("ak", _tr("Konversi Predikat Kinerja ke Angka Kredit")),
            ("office_recap", _tr("Rekap kantor")),
            ("kecamatan_recap", _tr("Rekap kecamatan")),
        ):
            self.doc_combo.addItem(text, key)
        self.office_combo = QComboBox()
        self.office_combo.setObjectName("print_office")
        self.employee_combo = LazyCombo(self.ensure_employees)
        self.employee_combo.setObjectName("employee")
        self.employee_combo.addItem(_tr("Semua pegawai kantor"), None)
        self.paper_combo = QComboBox()
        self.paper_combo.setObjectName("paper")
        self.paper_combo.addItem("A4", "a4")
        self.paper_combo.addItem(_tr("F4 (215 × 330 mm)"), "f4")

    def _build_options(self) -> None:
        """Blank form, one file per employee, and the NOMOR of a Konversi Angka Kredit."""
        self.blank_check = QCheckBox(_tr("Formulir kosong"))
        self.blank_check.setObjectName("blank")
        self.blank_check.setToolTip(_tr("Cetak formulir tanpa isian untuk ditulis tangan"))
        self.per_employee_check = QCheckBox(_tr("Satu berkas per pegawai"))
        self.per_employee_check.setObjectName("per_employee")
        self.per_employee_check.setToolTip(
            _tr("Untuk semua pegawai: satu PDF per pegawai (NIP_Nama.pdf) dalam satu folder")
        )
        self.nomor_label = QLabel(_tr("NOMOR"))
        self.nomor_edit = QLineEdit()
        self.nomor_edit.setObjectName("nomor")
        self.nomor_edit.setMaxLength(120)
        self.nomor_edit.setToolTip(
            _tr("NOMOR konversi angka kredit dari agenda kantor; disimpan bersama dokumen")
        )

    def _build_buttons(self) -> None:
        self.preview_button = QPushButton(_tr("Pratinjau"))
        self.preview_button.setObjectName("preview")
        self.save_button = QPushButton(_tr("Simpan PDF…"))
        self.save_button.setObjectName("save_pdf")
        self.xlsx_button = QPushButton(_tr("Simpan Excel…"))
        self.xlsx_button.setObjectName("save_xlsx")
        self.print_button = QPushButton(_tr("Cetak…"))
        self.print_button.setObjectName("print")

    def _lay_out(self) -> None:
        # Four short rows, so the window stays usable at 900 pixels wide.
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 4, 8, 4)
        grid.setHorizontalSpacing(6)
        cells = (
            (_tr("Dokumen"), self.doc_combo, 0, 0),
            (_tr("Kantor"), self.office_combo, 0, 2),
            (_tr("Pegawai"), self.employee_combo, 1, 0),
            (_tr("Kertas"), self.paper_combo, 1, 2),
        )
        for text, widget, row, column in cells:
            grid.addWidget(QLabel(text), row, column)
            grid.addWidget(widget, row, column + 1)
        options = QHBoxLayout()
        options.addWidget(self.blank_check)
        options.addWidget(self.per_employee_check)
        options.addStretch(1)
        options.addWidget(self.nomor_label)
        options.addWidget(self.nomor_edit, 1)
        grid.addLayout(options, 2, 0, 1, 4)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.preview_button, self.save_button, self.xlsx_button, self.print_button):
            buttons.addWidget(button)
        grid.addLayout(buttons, 3, 0, 1, 4)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        for combo in (self.doc_combo, self.office_combo, self.employee_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)

    # -- choices -------------------------------------------------------------------------------

    def kind(self) -> str:
        return str(self.doc_combo.currentData())

    def office_code(self) -> str | None:
        data = self.office_combo.currentData()
        return data if isinstance(data, str) else None

    def nip(self) -> str | None:
        data = self.employee_combo.currentData()
        return data if isinstance(data, str) else None  # not the "Memuat…" line

    def paper(self) -> str:
        return str(self.paper_combo.currentData())

    def nomor(self) -> str:
        """The NOMOR typed for a Konversi Angka Kredit of one employee ("" otherwise)."""
        return self.nomor_edit.text().strip() if self.nomor_edit.isEnabled() else ""

    def set_offices(self, offices: Sequence[tuple[str, str]]) -> None:
        current = self.office_code()
        self.office_combo.blockSignals(True)
        self.office_combo.clear()
        for code, name in offices:
            self.office_combo.addItem(f"{code} — {name}", code)
        index = self.office_combo.findData(current) if current else 0
        self.office_combo.setCurrentIndex(max(0, index))
        self.office_combo.blockSignals(False)
        self._office_changed()

    def set_paper(self, paper: str) -> None:
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(paper)))

    def select(self, *, kind: str | None = None, office: str | None = None,
               nip: str | None = None) -> None:  # fmt: skip
        """Choose by keys (the keyboard-free way tests and other views use); an employee is
        chosen once the office's employees arrived (:meth:`is_loading` meanwhile)."""
        if kind is not None:
            self.doc_combo.setCurrentIndex(self.doc_combo.findData(kind))
        if office is not None:
            self.office_combo.setCurrentIndex(self.office_combo.findData(office))
        if nip is not None:
            self._wanted_nip = nip
            self.ensure_employees()
            if self._employees_for == self.office_code():
                self._choose_wanted()

    def is_loading(self) -> bool:
        """True while the employees of the office or a kept NOMOR are read."""
        return self._employees_asked is not None or self._nomor_asked is not None

    def ensure_employees(self) -> None:
        """Ask for the employee list of the chosen office (once per office)."""
        code = self.office_code()
        if code is None or self.employee_loader is None:
            return
        if code in (self._employees_for, self._employees_asked):
            return
        self._employees_asked = code
        self.employee_combo.add_loading_item()
        self.employee_loader(code)

    def set_employees(self, code: str, people: Sequence[tuple[str, str]]) -> None:
        """The employees of ``code`` arrived (ignored when another office is chosen now)."""
        if code != self._employees_asked:
            return
        self._employees_asked = None
        if code != self.office_code():
            return
        self._employees_for = code
        combo = self.employee_combo
        shown = combo.view().isVisible()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_tr("Semua pegawai kantor"), None)
        for nip, name in people:
            combo.addItem(f"{name} ({fmt_nip(nip)})", nip)
        combo.blockSignals(False)
        if shown:  # the popup was open on "Memuat…": show it again, at its new size
            combo.hidePopup()
            QComboBox.showPopup(combo)
        self._choose_wanted()
        self.update_state()

    def _choose_wanted(self) -> None:
        nip, self._wanted_nip = self._wanted_nip, None
        if nip is not None:
            self.employee_combo.setCurrentIndex(self.employee_combo.findData(nip))

    def set_kept_nomor(self, nip: str, kept: str) -> None:
        """The NOMOR kept for ``nip`` in the chosen period arrived."""
        self._kept[nip] = kept
        if self._nomor_asked == nip:
            self._nomor_asked = None
        self.update_state()

    def forget_kept_nomor(self) -> None:
        """The period changed or a NOMOR was saved: ask again when it is shown next."""
        self._kept.clear()
        self._nomor_asked = None
        self.update_state()

    def _office_changed(self, _index: int = 0) -> None:
        self._employees_for = self._employees_asked = None
        self.employee_combo.blockSignals(True)
        self.employee_combo.clear()
        self.employee_combo.addItem(_tr("Semua pegawai kantor"), None)
        self.employee_combo.blockSignals(False)
        self.update_state()

    def update_state(self, _index: int = 0) -> None:
        kind = self.kind()
        recap = kind in RECAP_KINDS
        self.office_combo.setEnabled(kind != "kecamatan_recap")
        self.employee_combo.setEnabled(kind in EMPLOYEE_KINDS)
        single = kind in EMPLOYEE_KINDS and self.nip() is not None
        self.blank_check.setEnabled(single and kind not in ("skp", "ak"))
        self.nomor_edit.setEnabled(single and kind == "ak")
        self.nomor_label.setEnabled(self.nomor_edit.isEnabled())
        self._show_kept_nomor()
        self.per_employee_check.setEnabled(kind in EMPLOYEE_KINDS and self.nip() is None)
        self.xlsx_button.setEnabled(recap)

    def _show_kept_nomor(self) -> None:
        nip = self.nip()
        kept = self._kept.get(nip, "") if nip is not None else ""
        wanted = self.nomor_edit.isEnabled() and nip is not None and nip not in self._kept
        if wanted and self.nomor_loader is not None and self._nomor_asked != nip:
            self._nomor_asked = nip
            self.nomor_loader(nip)
        self.nomor_edit.setPlaceholderText(
            _tr("kosong: {nomor} (tersimpan)").format(nomor=kept)
            if kept
            else _tr("ketik NOMOR dari agenda kantor")
        )
