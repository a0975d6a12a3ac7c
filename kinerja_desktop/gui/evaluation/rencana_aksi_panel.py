"""Rencana aksi under each RHK of an evaluation (issue 19): the list, and for the clerk a
small form beside it to add, edit, move and delete plans and to copy the previous period's.

The panel only shows and asks; every write goes through the editor's ``write`` callable,
which calls the service, reports a refusal and reloads the editor (the services check the
permissions again). Plans of an approved evaluation are the ones its snapshot froze.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.gui.evaluation.asks import Confirm
from kinerja_desktop.gui.kit.format import fmt_decimal, fmt_period

if TYPE_CHECKING:
    from kinerja_desktop.services.evaluation.dto import RencanaAksiDTO, RhkPlans

#: (group index, plan index or -1 for the RHK row or its "none yet" line)
_KEY = Qt.ItemDataRole.UserRole
COL_PLAN, COL_TARGET, COL_EVIDENCE = range(3)

#: ``write(call, done_message, failure_title)``: the service's result, ``None`` when refused.
#: ``done_message`` may be a function of the result.
Writer = Callable[[Callable[[], Any], Any, str], Any]


def plan_target(plan: RencanaAksiDTO) -> str:
    """ "2,5 dokumen"; empty without a target."""
    if plan.target is None:
        return plan.unit
    return f"{fmt_decimal(plan.target)} {plan.unit}".strip()


class RencanaAksiPanel(QWidget):
    """The plans of one evaluation, per RHK; editable while the evaluation is."""

    def __init__(self, *, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rencana_aksi")
        self.lang = lang
        self.groups: tuple[RhkPlans, ...] = ()
        self.editable = False
        self.evaluation_uuid = ""
        # The values a selected plan put in the form (untouched ones are cleared when the
        # selection moves to an RHK; typed ones are kept for "Tambah").
        self._shown: tuple[str, str, str] | None = None
        self._write: Writer | None = None
        self._call: Callable[..., Any] | None = None
        self.title = QLabel()
        self.title.setObjectName("plans_title")
        self.tree = QTreeWidget()
        self.tree.setObjectName("plans")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(
            [self.tr("Rencana aksi"), self.tr("Target"), self.tr("Bukti dukung")]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_PLAN, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COL_TARGET, 120)
        header.resizeSection(COL_EVIDENCE, 160)
        self.tree.currentItemChanged.connect(lambda *_: self._selected_changed())
        self.form = self._build_form()
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.title)
        left.addWidget(self.tree, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(self.form)

    def _button(self, text: str, name: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _build_form(self) -> QWidget:
        form = QWidget()
        form.setFixedWidth(330)
        self.text_edit = QLineEdit()
        self.text_edit.setObjectName("plan_text")
        self.text_edit.setPlaceholderText(self.tr("Apa yang akan dikerjakan"))
        self.target_edit = QLineEdit()
        self.target_edit.setObjectName("plan_target")
        self.target_edit.setPlaceholderText(self.tr("boleh kosong"))
        self.unit_edit = QLineEdit()
        self.unit_edit.setObjectName("plan_unit")
        self.unit_edit.setMaxLength(50)
        fields = QFormLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addRow(self.tr("Rencana aksi"), self.text_edit)
        fields.addRow(self.tr("Target"), self.target_edit)
        fields.addRow(self.tr("Satuan"), self.unit_edit)
        self.add_btn = self._button(self.tr("Tambah"), "plan_add", self.add_plan)
        self.add_btn.setToolTip(self.tr("Tambahkan di akhir rencana aksi RHK terpilih"))
        self.save_btn = self._button(self.tr("Simpan perubahan"), "plan_save", self.save_plan)
        self.up_btn = self._button(self.tr("Naik"), "plan_up", lambda: self.move(-1))
        self.down_btn = self._button(self.tr("Turun"), "plan_down", lambda: self.move(1))
        self.delete_btn = self._button(self.tr("Hapus…"), "plan_delete", self.delete_plan)
        self.copy_btn = self._button(
            self.tr("Salin dari periode sebelumnya"), "plan_copy", self.copy_previous
        )
        self.copy_btn.setToolTip(
            self.tr("Mengisi RHK yang belum punya rencana aksi dengan rencana periode sebelumnya")
        )
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.add_btn, 0, 0)
        grid.addWidget(self.save_btn, 0, 1)
        grid.addWidget(self.up_btn, 1, 0)
        grid.addWidget(self.down_btn, 1, 1)
        grid.addWidget(self.delete_btn, 2, 0)
        grid.addWidget(self.copy_btn, 3, 0, 1, 2)
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(fields)
        column.addLayout(grid)
        column.addStretch(1)
        return form

    # -- filling ------------------------------------------------------------------------------

    def set_writer(self, write: Writer, call: Callable[..., Any]) -> None:
        """``write`` runs a service call for the editor; ``call(name, *args)`` builds one
        from a front-door name with the editor's database and actor first."""
        self._write, self._call = write, call

    def fill(
        self,
        evaluation_uuid: str,
        groups: Sequence[RhkPlans],
        evidence: Mapping[str, Sequence[str]],
        *,
        editable: bool,
        period: str,
    ) -> None:
        """Show ``groups``; ``evidence`` maps a plan's uuid to the files linked to it."""
        kept = self._current_key() if evaluation_uuid == self.evaluation_uuid else None
        self.evaluation_uuid = evaluation_uuid
        self.groups, self.editable = tuple(groups), editable
        frozen = any(g.frozen for g in self.groups)
        title = self.tr("Rencana aksi {period}").format(period=fmt_period(period, self.lang))
        if frozen:
            title += " — " + self.tr("dibekukan saat evaluasi disetujui")
        self.title.setText(f"<b>{title}</b>")
        self.tree.clear()
        several_periods = len({g.period for g in self.groups}) > 1
        for n, group in enumerate(self.groups):
            self.tree.addTopLevelItem(self._group_item(n, group, evidence, several_periods))
        self.tree.expandAll()
        self.form.setVisible(editable)
        self._restore(kept)
        self._selected_changed()

    def _group_item(
        self, n: int, group: RhkPlans, evidence: Mapping[str, Sequence[str]], periods: bool
    ) -> QTreeWidgetItem:
        text = f"{group.code}. {group.rhk_text}"
        if periods:
            text += f" — {fmt_period(group.period, self.lang)}"
        item = QTreeWidgetItem([text])
        item.setData(COL_PLAN, _KEY, (n, -1))
        item.setToolTip(COL_PLAN, text)
        font = QFont(item.font(COL_PLAN))
        font.setBold(True)
        item.setFont(COL_PLAN, font)
        item.setFirstColumnSpanned(True)
        for m, plan in enumerate(group.plans):
            files = ", ".join(evidence.get(plan.uuid, ()))
            child = QTreeWidgetItem([f"{plan.order}. {plan.text}", plan_target(plan), files])
            child.setData(COL_PLAN, _KEY, (n, m))
            child.setToolTip(COL_PLAN, plan.text)
            item.addChild(child)
        if not group.plans:
            none = QTreeWidgetItem([self.tr("(belum ada rencana aksi)")])
            none.setData(COL_PLAN, _KEY, (n, -1))
            none.setForeground(COL_PLAN, Qt.GlobalColor.gray)
            item.addChild(none)
        return item

    def _current_key(self) -> tuple[str, str] | None:
        """(RHK uuid, plan uuid or "") of the selection, to find it again after a reload."""
        group, plan = self.selected_group(), self.selected_plan()
        if group is None:
            return None
        return group.rhk_uuid, plan.uuid if plan else ""

    def _restore(self, key: tuple[str, str] | None) -> None:
        if key is None:
            return
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            group = self.groups[n]
            if group.rhk_uuid != key[0]:
                continue
            for m, plan in enumerate(group.plans):
                if plan.uuid == key[1]:
                    self.tree.setCurrentItem(item.child(m))
                    return
            self.tree.setCurrentItem(item)
            return

    def select_rhk(self, code: str) -> None:
        """Select the RHK numbered ``code`` (the realisation grid's current line's RHK)."""
        current = self.selected_group()
        if current is not None and current.code == code:
            return
        for n, group in enumerate(self.groups):
            if group.code == code:
                self.tree.setCurrentItem(self.tree.topLevelItem(n))
                return

    # -- what is selected ---------------------------------------------------------------------

    def _key(self) -> tuple[int, int] | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(COL_PLAN, _KEY)

    def selected_group(self) -> RhkPlans | None:
        key = self._key()
        return None if key is None else self.groups[key[0]]

    def selected_plan(self) -> RencanaAksiDTO | None:
        key = self._key()
        if key is None or key[1] < 0:
            return None
        return self.groups[key[0]].plans[key[1]]

    def plans_for(self, code: str) -> tuple[RencanaAksiDTO, ...]:
        """The plans of the RHK numbered ``code`` in this period (evidence may link one)."""
        return next((g.plans for g in self.groups if g.code == code), ())

    def _selected_changed(self) -> None:
        plan, group = self.selected_plan(), self.selected_group()
        if plan is not None:
            self.text_edit.setText(plan.text)
            self.target_edit.setText("" if plan.target is None else fmt_decimal(plan.target))
            self.unit_edit.setText(plan.unit)
            self._shown = self._typed()
        elif self._shown is not None:
            if self._shown == self._typed():  # a plan's values, not typed: start empty
                for edit in (self.text_edit, self.target_edit, self.unit_edit):
                    edit.clear()
            self._shown = None
        position = -1 if plan is None or group is None else group.plans.index(plan)
        self.add_btn.setEnabled(group is not None)
        for button in (self.save_btn, self.delete_btn):
            button.setEnabled(plan is not None)
        self.up_btn.setEnabled(position > 0)
        self.down_btn.setEnabled(group is not None and 0 <= position < len(group.plans) - 1)

    def _typed(self) -> tuple[str, str, str]:
        return self.text_edit.text(), self.target_edit.text(), self.unit_edit.text()

    # -- writing ------------------------------------------------------------------------------

    def _values(self) -> Any:
        from kinerja_desktop.services.evaluation.dto import RencanaAksiInput

        return RencanaAksiInput(
            self.text_edit.text(), self.target_edit.text(), self.unit_edit.text()
        )

    def _run(
        self, message: Any, title: str, use_case: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> Any:
        assert self._write is not None and self._call is not None
        call = self._call
        return self._write(lambda: call(use_case, *args, **kwargs), message, title)

    def add_plan(self) -> None:
        group = self.selected_group()
        if group is None:
            return
        from kinerja_desktop.services.evaluation import add_rencana_aksi

        if self._run(
            self.tr("Rencana aksi ditambahkan."), self.tr("Rencana aksi tidak ditambahkan"),
            add_rencana_aksi, self.evaluation_uuid, group.rhk_uuid, self._values(),
        ):  # fmt: skip
            last = self.plans_for(group.code)
            if last:  # the new plan (last of its RHK) becomes the selection
                self._restore((group.rhk_uuid, last[-1].uuid))
            for edit in (self.text_edit, self.target_edit, self.unit_edit):
                edit.clear()

    def save_plan(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        from kinerja_desktop.services.evaluation import edit_rencana_aksi

        self._run(
            self.tr("Rencana aksi disimpan."), self.tr("Rencana aksi tidak disimpan"),
            edit_rencana_aksi, plan.uuid, self._values(), expected_version=plan.version,
        )  # fmt: skip

    def move(self, step: int) -> None:
        group, plan = self.selected_group(), self.selected_plan()
        if group is None or plan is None:
            return
        uuids = [p.uuid for p in group.plans]
        here = uuids.index(plan.uuid)
        there = here + step
        if not 0 <= there < len(uuids):
            return
        uuids[here], uuids[there] = uuids[there], uuids[here]
        from kinerja_desktop.services.evaluation import reorder_rencana_aksi

        self._run(
            self.tr("Urutan rencana aksi disimpan."), self.tr("Urutan tidak disimpan"),
            reorder_rencana_aksi, self.evaluation_uuid, group.rhk_uuid, uuids,
        )  # fmt: skip

    def delete_plan(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        question = self.tr(
            "Hapus rencana aksi \u201c{text}\u201d? Bukti dukung yang tertaut tetap tersimpan."
        ).format(text=plan.text)
        if not Confirm.ask(self, self.tr("Hapus rencana aksi"), question, self.tr("Hapus")):
            return
        from kinerja_desktop.services.evaluation import delete_rencana_aksi

        self._run(
            self.tr("Rencana aksi dihapus."), self.tr("Rencana aksi tidak dihapus"),
            delete_rencana_aksi, plan.uuid,
        )  # fmt: skip

    def copy_previous(self) -> None:
        def said(changes: Any) -> str:
            if not changes:
                return self.tr("Semua RHK sudah punya rencana aksi; tidak ada yang disalin.")
            count = len(changes.uuids("rencana_aksi"))
            return self.tr("{count} rencana aksi disalin dari periode sebelumnya.").format(
                count=count
            )

        from kinerja_desktop.services.evaluation import copy_previous_rencana_aksi

        self._run(
            said, self.tr("Rencana aksi tidak disalin"),
            copy_previous_rencana_aksi, self.evaluation_uuid,
        )  # fmt: skip
