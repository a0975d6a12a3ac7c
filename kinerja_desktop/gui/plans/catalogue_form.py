"""The form half of the IKU catalogue editor: the indicator's fields and the targets grid.

A mixin of :class:`~kinerja_desktop.gui.plans.catalogue.CatalogueDialog`, so its ``tr()``
keeps the dialog's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
)

from kinerja_desktop.domain.enums import Periodicity, Polarity, SplitRule
from kinerja_desktop.gui.kit.format import enum_label
from kinerja_desktop.gui.plans.catalogue_grids import TargetsModel


class CatalogueForm:
    """Builds the indicator form and the targets box on the dialog it is mixed into."""

    lang: str
    if TYPE_CHECKING:  # served by the dialog this is mixed into

        def tr(self, text: str) -> str: ...

        def _auto_toggled(self, checked: bool) -> None: ...

    def _build_form(self) -> QFormLayout:
        self.code = self._line_edit("code")
        self.name = self._line_edit("name")
        self.definition = QPlainTextEdit()
        self.definition.setObjectName("definition")
        self.definition.setFixedHeight(54)
        self.formula = self._line_edit("formula")
        self.unit = self._line_edit("unit")
        self.data_source = self._line_edit("data_source")
        self.polarity = self._enum_combo("polarity", Polarity)
        self.periodicity = self._enum_combo("periodicity", Periodicity)
        self.split_rule = self._enum_combo("split_rule", SplitRule)
        self.annual = self._line_edit("annual_target")
        self.annual_hi = self._line_edit("annual_target_hi", self.tr("hanya untuk rentang"))
        self.cap = self._line_edit("cap", self.tr("kosong = tanpa batas"))
        self.weight = self._line_edit("weight", self.tr("kosong = tanpa bobot"))
        form = QFormLayout()
        form.addRow(self.tr("Kode"), self.code)
        form.addRow(self.tr("Nama indikator"), self.name)
        form.addRow(self.tr("Definisi"), self.definition)
        form.addRow(self.tr("Formula"), self.formula)
        form.addRow(self.tr("Satuan"), self.unit)
        form.addRow(self.tr("Polaritas"), self.polarity)
        form.addRow(self.tr("Sumber data"), self.data_source)
        form.addRow(self.tr("Periode ukur"), self.periodicity)
        form.addRow(self.tr("Pembagian target"), self.split_rule)
        targets_row = QHBoxLayout()
        targets_row.addWidget(self.annual)
        targets_row.addWidget(QLabel(self.tr("s.d.")))
        targets_row.addWidget(self.annual_hi)
        form.addRow(self.tr("Target tahunan"), targets_row)
        form.addRow(self.tr("Batas capaian"), self.cap)
        form.addRow(self.tr("Bobot"), self.weight)
        return form

    def _build_targets_box(self) -> QGroupBox:
        self.auto_split = QCheckBox(self.tr("Bagi otomatis dari target tahunan"))
        self.auto_split.setObjectName("auto_split")
        self.auto_split.toggled.connect(self._auto_toggled)
        self.targets_model = TargetsModel(self)
        self.grid = QTableView()
        self.grid.setObjectName("targets_grid")
        self.grid.setModel(self.targets_model)
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        grid_box = QGroupBox(self.tr("Target per periode"))
        grid_layout = QVBoxLayout(grid_box)
        grid_layout.addWidget(self.auto_split)
        grid_layout.addWidget(self.grid)
        return grid_box

    @staticmethod
    def _line_edit(name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def _enum_combo(self, name: str, enum: Any) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for member in enum:
            combo.addItem(enum_label(member, self.lang), member)
        return combo
