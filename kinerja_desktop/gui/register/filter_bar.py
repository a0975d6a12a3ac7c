"""The filter bar above the Pegawai table: status, golongan, jenis jabatan and active.

Choosing a status narrows the golongan list to that status (I/a–IV/e for PNS, I–XVII for
PPPK). :meth:`EmployeeFilters.criteria` joins the choices with the office tree's codes into
what the table model filters on.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout

from kinerja_desktop.domain.enums import EmploymentType, JobKind
from kinerja_desktop.gui.register.fields import EnumCombo, ValueCombo, grade_items
from kinerja_desktop.gui.register.model import EmployeeCriteria


def _tr(text: str) -> str:
    # The Pegawai view's context: these texts were first written there and are translated
    # under it.
    return QCoreApplication.translate("EmployeesView", text)


class EmployeeFilters(QObject):
    """The four combos and the row that holds them (``bar``, a layout the view places).
    Signals: ``changed()`` on any choice."""

    changed = Signal()

    def __init__(self, *, lang: str = "id", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.type_filter = EnumCombo(EmploymentType, lang=lang, none=_tr("Semua status"))
        self.type_filter.setObjectName("filter_type")
        self.grade_filter = ValueCombo()
        self.grade_filter.setObjectName("filter_grade")
        self.grade_filter.setMaxVisibleItems(20)
        self._fill_grades()
        self.kind_filter = EnumCombo(JobKind, lang=lang, none=_tr("Semua jenis jabatan"))
        self.kind_filter.setObjectName("filter_kind")
        self.active_filter = ValueCombo()
        self.active_filter.setObjectName("filter_active")
        self.active_filter.set_items(
            [
                (_tr("Aktif dan tidak aktif"), None),
                (_tr("Aktif saja"), True),
                (_tr("Tidak aktif saja"), False),
            ],
            keep=False,
        )
        self.type_filter.currentIndexChanged.connect(self._on_type)
        for combo in (self.grade_filter, self.kind_filter, self.active_filter):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.bar = QHBoxLayout()
        for combo in (self.type_filter, self.grade_filter, self.kind_filter, self.active_filter):
            # Shrinkable: long labels ("Semua jenis jabatan") must not set the window's width.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            self.bar.addWidget(combo, 1)

    def criteria(self, offices: frozenset[str] | None) -> EmployeeCriteria:
        """The bar's choices for the employees of ``offices`` (None: every office)."""
        return EmployeeCriteria(
            offices=offices,
            employment_type=self.type_filter.value(),
            grade=self.grade_filter.value(),
            job_kind=self.kind_filter.value(),
            active=self.active_filter.value(),
        )

    def _fill_grades(self) -> None:
        chosen = self.type_filter.value()
        items = [(_tr("Semua golongan"), None)] + [
            (text.split(" — ")[0], code) for text, code in grade_items(chosen)
        ]
        self.grade_filter.set_items(items)

    def _on_type(self) -> None:
        self._fill_grades()
        self.changed.emit()
