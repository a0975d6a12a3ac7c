"""The IKU catalogue editor of one office and year: indicator list, form, targets grid, and the
template library (one click adds a ready indicator to the list, then the clerk edits it).

The whole catalogue is saved at once (``save_catalogue``), so weights can be moved between
indicators and checked together (they must total 100 once used). Until "Simpan" nothing is
written; a refused save keeps every edit on screen with the reason above the buttons.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import KinerjaError, NotFoundError
from kinerja_desktop.gui.kit.empty_hint import show_when_empty
from kinerja_desktop.gui.kit.errors import show_error as show_task_error
from kinerja_desktop.gui.kit.tasks import runner_for
from kinerja_desktop.gui.plans.catalogue_form import CatalogueForm
from kinerja_desktop.gui.plans.catalogue_grids import (
    IndicatorListModel,
    TargetCell,
    fill_template_tree,
    keyed_targets,
    split_targets,
)
from kinerja_desktop.gui.plans.common import (
    BadNumber,
    error_label,
    error_text,
    notify,
    parse_decimal,
    show_decimal,
    show_error,
)
from kinerja_desktop.services.plans.dto import IndicatorInput, PeriodTarget

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database
    from kinerja_desktop.services.plans.dto import Catalogue


def can_edit_catalogue(actor: Actor | None) -> bool:
    return actor is not None and (actor.has(Role.ADMIN) or actor.has(Role.OPERATOR))


class CatalogueDialog(QDialog, CatalogueForm):
    """Edit the IKU of ``office_code`` for ``year``; window-modal, so tests can drive it."""

    def __init__(
        self, db: Database, actor: Actor | None, office_code: str | None, year: int, *,
        lang: str = "id", parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("catalogue_dialog")
        self.db, self.actor, self.lang = db, actor, lang
        self.office_code, self.year = office_code, year
        self.editable = False  # until the catalogue is read: then the actor and its owner
        self.items: list[IndicatorInput] = []
        self._opened: dict[str, int] = {}  # uuid -> version as read, for a stale save
        self.current = -1
        self._loading = False
        self._reading = True
        self._set_title()
        self._build()
        self._load_form()
        self._update_state()
        self.resize(1180, 720)
        self.reload()

    def is_loading(self) -> bool:
        """True while the catalogue is read on the read worker (the dialog is still empty)."""
        return self._reading

    def _set_title(self) -> None:
        office = self.office_code or ""
        title = self.tr("Katalog IKU {office} tahun {year}").format(office=office, year=self.year)
        self.setWindowTitle(title)

    def reload(self) -> None:
        """Read the catalogue on the read worker; the dialog says "Memuat…" until it arrives."""
        self._reading = True
        self.heading.setText(f"<b>{self.tr('Memuat…')}</b>")
        self.list_empty.set_text(self.tr("Memuat…"))
        runner_for(self).read(
            _read_catalogue, self.db, self.office_code, self.year,
            key=f"catalogue:{id(self)}", on_done=self._show_catalogue,
            on_error=self._failed_read, parent=self,
        )  # fmt: skip

    def _show_catalogue(self, catalogue: Catalogue) -> None:
        self._reading = False
        self.office_code = catalogue.office_code
        self._set_title()
        self.editable = can_edit_catalogue(self.actor) and catalogue.editable
        self.items = [d.as_input() for d in catalogue.indicators]
        self._opened = {d.uuid: d.version for d in catalogue.indicators}
        self.current = -1
        self.heading.setText(f"<b>{catalogue.office_name}</b> · {self.year}")
        self.list_empty.set_text(self.tr("Belum ada IKU untuk tahun ini."))
        self._fill_list()
        if self.items:
            self.list.selectRow(0)
        else:
            self._load_form()
        self._update_state()

    def _failed_read(self, error: BaseException) -> None:
        self._reading = False
        self.heading.setText("")
        if isinstance(error, KinerjaError):
            show_error(self.error, error_text(error, self.lang))
        else:
            show_task_error(error, lang=self.lang, parent=self)

    def done(self, result: int) -> None:
        runner_for(self).finish_for(self)
        super().done(result)

    # -- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(self._build_left())
        splitter.addWidget(self._build_right())
        splitter.setSizes([520, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        layout.addLayout(self._build_bottom())
        self.form_widgets = (
            self.code, self.name, self.definition, self.formula, self.unit, self.data_source,
            self.polarity, self.periodicity, self.split_rule, self.annual, self.annual_hi,
            self.cap, self.weight, self.auto_split, self.grid,
        )  # fmt: skip

    def _build_left(self) -> QWidget:
        self.list_model = IndicatorListModel(self)
        self.list = QTableView()
        self.list.setObjectName("indicator_list")
        self.list.setModel(self.list_model)
        self.list_empty = show_when_empty(self.list, self.tr("Belum ada IKU untuk tahun ini."))
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("catalogue_heading")
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.list, 3)
        left_layout.addLayout(self._build_list_buttons())
        left_layout.addWidget(self._build_library(), 2)
        return left

    def _build_list_buttons(self) -> QHBoxLayout:
        self.add_btn = QPushButton(self.tr("Tambah IKU"))
        self.add_btn.setObjectName("add")
        self.add_btn.clicked.connect(self.add_indicator)
        self.remove_btn = QPushButton(self.tr("Hapus"))
        self.remove_btn.setObjectName("remove")
        self.remove_btn.clicked.connect(self.remove_indicator)
        self.up_btn = QPushButton("↑")
        self.up_btn.setToolTip(self.tr("Naikkan urutan"))
        self.up_btn.clicked.connect(lambda: self._move(-1))
        self.down_btn = QPushButton("↓")
        self.down_btn.setToolTip(self.tr("Turunkan urutan"))
        self.down_btn.clicked.connect(lambda: self._move(1))
        row = QHBoxLayout()
        for w in (self.add_btn, self.remove_btn, self.up_btn, self.down_btn):
            row.addWidget(w)
        row.addStretch(1)
        return row

    def _build_library(self) -> QGroupBox:
        self.templates = QTreeWidget()
        self.templates.setObjectName("templates")
        self.templates.setHeaderLabels([self.tr("Templat indikator"), self.tr("Target")])
        self.templates.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        fill_template_tree(self.templates)
        self.templates.itemDoubleClicked.connect(lambda item, _col: self.add_template(item))
        self.template_btn = QPushButton(self.tr("Tambahkan templat terpilih"))
        self.template_btn.setObjectName("add_template")
        self.template_btn.clicked.connect(lambda: self.add_template(self.templates.currentItem()))
        library = QGroupBox(self.tr("Pustaka templat (klik ganda untuk menambah)"))
        lib_layout = QVBoxLayout(library)
        lib_layout.addWidget(self.templates)
        lib_layout.addWidget(self.template_btn)
        return library

    def _build_right(self) -> QWidget:
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(self._build_form())
        right_layout.addWidget(self._build_targets_box(), 1)
        for edit in (self.annual, self.annual_hi):
            edit.textEdited.connect(lambda _t: self._resplit())
        for combo in (self.periodicity, self.split_rule, self.polarity):
            combo.currentIndexChanged.connect(lambda _i: self._resplit())
        self.weight.textEdited.connect(lambda _t: self._update_weight())
        return right

    def _build_bottom(self) -> QHBoxLayout:
        self.weight_label = QLabel()
        self.weight_label.setObjectName("weight_total")
        self.save_btn = QPushButton(self.tr("Simpan"))
        self.save_btn.setObjectName("save")
        self.save_btn.setDefault(True)
        self.save_btn.clicked.connect(self.save)
        close = QPushButton(self.tr("Tutup"))
        close.setObjectName("close")
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.weight_label)
        bottom.addStretch(1)
        bottom.addWidget(self.save_btn)
        bottom.addWidget(close)
        return bottom

    # -- list ------------------------------------------------------------------------------------

    def _fill_list(self) -> None:
        self._loading = True
        self.list_model.set_rows(self.items)
        self._loading = False
        self._update_weight()

    def _selection_changed(self) -> None:
        if self._loading:
            return
        rows = self.list.selectionModel().selectedRows()
        target = rows[0].row() if rows else -1
        if target == self.current:
            return
        if self.current >= 0 and not self.commit_form():
            self._loading = True
            self.list.selectRow(self.current)
            self._loading = False
            return
        self.current = target
        self._load_form()

    def add_indicator(self) -> None:
        if not self.commit_form():
            return
        taken = {i.code for i in self.items}
        n = len(self.items) + 1
        while f"IKU-{n:02d}" in taken:
            n += 1
        self._append(IndicatorInput(code=f"IKU-{n:02d}", name="", annual_target=Decimal(100)))
        self.name.setFocus()

    def add_template(self, item: QTreeWidgetItem | None) -> None:
        """Add the template under ``item`` to the list and select it (one click)."""
        from kinerja_desktop.services.plans import template_input

        key = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if not key or not self.editable or not self.commit_form():
            return
        self._append(template_input(key, taken={i.code for i in self.items}))

    def _append(self, values: IndicatorInput) -> None:
        self.items.append(values)
        self._fill_list()
        self.current = -1
        self.list.selectRow(len(self.items) - 1)
        self._update_state()

    def remove_indicator(self) -> None:
        if self.current < 0:
            return
        del self.items[self.current]
        self.current = -1
        self._fill_list()
        if self.items:
            self.list.selectRow(0)
        else:
            self._load_form()
        self._update_state()

    def _move(self, step: int) -> None:
        n = self.current
        if n < 0 or not self.commit_form() or not 0 <= n + step < len(self.items):
            return
        self.items[n], self.items[n + step] = self.items[n + step], self.items[n]
        self._fill_list()
        self.current = -1
        self.list.selectRow(n + step)

    # -- form ------------------------------------------------------------------------------------

    def _load_form(self) -> None:
        self._loading = True
        has = 0 <= self.current < len(self.items)
        values = self.items[self.current] if has else None
        for w in self.form_widgets:
            w.setEnabled(has and self.editable)
        self.grid.setEnabled(has)
        if values is None:
            for edit in (self.code, self.name, self.formula, self.unit, self.data_source,
                         self.annual, self.annual_hi, self.cap, self.weight):  # fmt: skip
                edit.clear()
            self.definition.clear()
            self.targets_model.set_rows([])
            self._loading = False
            return
        self.code.setText(values.code)
        self.name.setText(values.name)
        self.definition.setPlainText(values.definition)
        self.formula.setText(values.formula)
        self.unit.setText(values.unit)
        self.data_source.setText(values.data_source)
        for combo, member in ((self.polarity, values.polarity),
                              (self.periodicity, values.periodicity),
                              (self.split_rule, values.split_rule)):  # fmt: skip
            combo.setCurrentIndex(combo.findData(member))
        self.annual.setText(show_decimal(values.annual_target))
        self.annual_hi.setText(show_decimal(values.annual_target_hi))
        self.cap.setText(show_decimal(values.cap))
        self.weight.setText(show_decimal(values.weight))
        split = split_targets(self.year, values.with_changes(targets=()))
        auto = not values.targets or split == keyed_targets(values.targets)
        self.auto_split.setChecked(auto)
        self._fill_grid(values.targets if values.targets else None)
        self._loading = False

    def _fill_grid(self, targets: tuple[PeriodTarget, ...] | None) -> None:
        """Show ``targets``, or the split of the annual target typed in the form."""
        if targets is None:
            try:
                values = self._form_values(targets=())
            except (BadNumber, KinerjaError):
                return
            split = split_targets(self.year, values)
            if split is None:
                return
            targets = tuple(PeriodTarget(p, lo, hi) for p, (lo, hi) in split.items())
        self.targets_model.set_rows([TargetCell.of(t, self.lang) for t in targets])
        self.targets_model.set_editable(self.editable and not self.auto_split.isChecked())

    def _auto_toggled(self, _checked: bool) -> None:
        if not self._loading:
            self._fill_grid(None if self.auto_split.isChecked() else self._grid_targets())

    def _resplit(self) -> None:
        if self._loading:
            return
        if self.auto_split.isChecked() or self._grid_periods_differ():
            self._fill_grid(None)

    def _grid_periods_differ(self) -> bool:
        values = split_targets(self.year, self._form_values_safe())
        return values is not None and list(values) != self.targets_model.periods()

    def _form_values_safe(self) -> IndicatorInput:
        try:
            return self._form_values(targets=())
        except (BadNumber, KinerjaError):
            return IndicatorInput(code="", name="", annual_target=Decimal(0))

    def _grid_targets(self) -> tuple[PeriodTarget, ...]:
        return self.targets_model.targets()

    def _form_values(self, *, targets: tuple[PeriodTarget, ...] | None = None) -> IndicatorInput:
        base = self.items[self.current] if 0 <= self.current < len(self.items) else None
        annual = parse_decimal(self.annual.text())
        return IndicatorInput(
            code=self.code.text(), name=self.name.text(),
            annual_target=annual if annual is not None else Decimal(0),
            annual_target_hi=parse_decimal(self.annual_hi.text()), unit=self.unit.text(),
            polarity=self.polarity.currentData(), periodicity=self.periodicity.currentData(),
            split_rule=self.split_rule.currentData(),
            definition=self.definition.toPlainText(), formula=self.formula.text(),
            data_source=self.data_source.text(), cap=parse_decimal(self.cap.text()),
            weight=parse_decimal(self.weight.text()),
            targets=self._grid_targets() if targets is None else targets,
            uuid=base.uuid if base else None,
        )  # fmt: skip

    def commit_form(self) -> bool:
        """Keep the form's values in the list; False (with the reason shown) when a number
        cannot be read."""
        if self.current < 0 or not self.editable:
            return True
        try:
            auto = self.auto_split.isChecked()
            values = self._form_values(targets=() if auto else None)
        except BadNumber as exc:
            show_error(self.error, self.tr("“{text}” bukan angka.").format(text=str(exc)))
            return False
        self.items[self.current] = values
        self._refresh_row(self.current)
        show_error(self.error, "")
        return True

    def _refresh_row(self, n: int) -> None:
        self._loading = True
        self.list_model.replace_row(n, self.items[n])
        self._loading = False
        self._update_weight()

    def _update_weight(self) -> None:
        weights = [i.weight for i in self.items if i.weight is not None]
        try:
            typed = parse_decimal(self.weight.text()) if self.current >= 0 else None
        except BadNumber:
            typed = None
        if 0 <= self.current < len(self.items):
            weights = [
                i.weight
                for n, i in enumerate(self.items)
                if n != self.current and i.weight is not None
            ] + ([typed] if typed is not None else [])
        if not weights:
            self.weight_label.setText(self.tr("Bobot tidak dipakai"))
            return
        total = sum(weights, Decimal(0))
        text = self.tr("Jumlah bobot: {total} dari 100").format(total=show_decimal(total))
        self.weight_label.setText(text)
        color = "" if total == 100 else "color: #b00020;"
        self.weight_label.setStyleSheet(color)

    def _update_state(self) -> None:
        for w in (self.add_btn, self.remove_btn, self.up_btn, self.down_btn, self.save_btn,
                  self.template_btn, self.templates):  # fmt: skip
            w.setEnabled(self.editable)
        self.remove_btn.setEnabled(self.editable and bool(self.items))
        self.save_btn.setVisible(self.editable)

    # -- save ------------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the whole catalogue; on refusal keep everything and say why."""
        from kinerja_desktop.services.plans import save_catalogue

        if not self.editable or not self.commit_form() or self.actor is None:
            return False
        try:
            saved = save_catalogue(self.db, self.actor, self.office_code, self.year, self.items,
                                   expected_versions=self._opened)  # fmt: skip
        except KinerjaError as err:
            show_error(self.error, error_text(err, self.lang))
            return False
        self.items = [d.as_input() for d in saved.catalogue.indicators]
        notify(self, "indicators")
        self.accept()
        return True


def _read_catalogue(db: Database, office_code: str | None, year: int) -> Catalogue:
    """The catalogue of ``office_code`` (the home office when ``None``); on the read worker.

    Raises:
        NotFoundError: ``office.not_found`` (also on a database without a home office).
    """
    from kinerja_desktop.services.common import home_office
    from kinerja_desktop.services.plans import get_catalogue

    if office_code is None:
        home = home_office(db)
        if home is None:
            raise NotFoundError("office.not_found", field="office", value="")
        office_code = home.code
    return get_catalogue(db, office_code, year)
