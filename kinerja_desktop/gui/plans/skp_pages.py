"""The right-hand side of the SKP editor: the tabs with the RHK or indicator page, the
ekspektasi khusus pimpinan, the lampiran and the rencana aksi (read-only), and how a page is
shown and kept.

:class:`SkpPages` is a mixin of :class:`~kinerja_desktop.gui.plans.skp_editor.SkpEditor`; its
texts keep the editor's translation context, so they are worded through :func:`_tr`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import Aspect, CoreValue, Polarity, RhkKind, SplitRule
from kinerja_desktop.gui.kit.format import enum_label, fmt_period
from kinerja_desktop.gui.plans.common import BadNumber, parse_decimal, show_decimal, show_error
from kinerja_desktop.services.plans.dto import IkiInput, RhkInput

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel as ErrorLabel

    from kinerja_desktop.services.evaluation.dto import RhkPlans

ROLE_KEY = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("SkpEditor", text)


def cascade_link(uuid: str, is_indicator: bool) -> str:
    """The cascade selector's item data: ``"rhk:<uuid>"`` or ``"iku:<uuid>"``."""
    return ("iku:" if is_indicator else "rhk:") + uuid


def _top(page: QWidget, form: QFormLayout) -> None:
    outer = QVBoxLayout(page)
    outer.addLayout(form)
    outer.addStretch(1)


def _enum_combo(name: str, members: object, lang: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for member in members:  # type: ignore[attr-defined]
        combo.addItem(enum_label(member, lang), member)
    return combo


class SkpPages:
    """Builds the detail tabs and moves values between the selected tree item and its page."""

    lang: str
    rhk: list[RhkInput]
    selected: tuple[int, int] | None
    tree: QTreeWidget
    error: ErrorLabel
    _loading: bool

    def content_editable(self) -> bool:
        raise NotImplementedError

    # -- building -------------------------------------------------------------------------------

    def _build_tabs(self) -> QTabWidget:
        self.pages = QStackedWidget()
        empty = QLabel(_tr("Pilih RHK atau indikator di sebelah kiri."))
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(empty)
        self.pages.addWidget(self._build_rhk_page())
        self.pages.addWidget(self._build_iki_page())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.pages, _tr("Rincian"))
        self.tabs.addTab(self._build_expectations_page(), _tr("Ekspektasi khusus pimpinan"))
        self.tabs.addTab(self._build_attachments_page(), _tr("Lampiran"))
        self.tabs.addTab(self._build_plans_page(), _tr("Rencana aksi"))
        return self.tabs

    def _build_plans_page(self) -> QWidget:
        self.plans = QTreeWidget()
        self.plans.setObjectName("rencana_aksi")
        self.plans.setHeaderLabels([_tr("RHK / periode / rencana aksi"), _tr("Target")])
        self.plans.header().setStretchLastSection(False)
        self.plans.header().setSectionResizeMode(0, self.plans.header().ResizeMode.Stretch)
        self.plans_hint = QLabel(
            _tr("Rencana aksi ditulis per periode di editor evaluasi; di sini hanya dibaca.")
        )
        self.plans_hint.setWordWrap(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.plans_hint)
        layout.addWidget(self.plans, 1)
        return page

    def fill_plans(self, groups: Sequence[RhkPlans]) -> None:
        """The rencana aksi of the SKP: per RHK, per period (read-only)."""
        from kinerja_desktop.gui.evaluation.rencana_aksi_panel import plan_target

        self.plans.clear()
        heads: dict[str, QTreeWidgetItem] = {}
        for group in groups:
            head = heads.get(group.rhk_uuid)
            if head is None:
                head = QTreeWidgetItem(self.plans, [f"{group.code}. {group.rhk_text}"])
                head.setFirstColumnSpanned(True)
                head.setToolTip(0, group.rhk_text)
                heads[group.rhk_uuid] = head
            period = QTreeWidgetItem(head, [fmt_period(group.period, self.lang)])
            period.setFirstColumnSpanned(True)
            for plan in group.plans:
                QTreeWidgetItem(period, [f"{plan.order}. {plan.text}", plan_target(plan)])
        if not groups:
            QTreeWidgetItem(self.plans, [_tr("Belum ada rencana aksi untuk SKP ini.")])
        self.plans.expandAll()

    def _build_rhk_page(self) -> QWidget:
        self.rhk_text = QPlainTextEdit()
        self.rhk_text.setObjectName("rhk_text")
        self.rhk_text.setFixedHeight(70)
        self.rhk_kind = _enum_combo("rhk_kind", RhkKind, self.lang)
        self.cascade = QComboBox()
        self.cascade.setObjectName("cascade")
        self.cascade.setMinimumContentsLength(40)
        self.assigned_by = QLineEdit()
        self.assigned_by.setObjectName("assigned_by")
        self.assigned_by.setPlaceholderText(
            _tr("nama pimpinan, bila RHK ini berasal dari penugasan")
        )
        rhk_page = QWidget()
        rhk_form = QFormLayout()
        _top(rhk_page, rhk_form)
        rhk_form.addRow(_tr("Rencana hasil kerja"), self.rhk_text)
        rhk_form.addRow(_tr("Jenis"), self.rhk_kind)
        rhk_form.addRow(_tr("Mengintervensi"), self.cascade)
        hint = QLabel(
            _tr(
                "Pilih RHK atasan langsung yang diintervensi; kepala kantor dapat memilih IKU "
                "kantor yang didukung."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        rhk_form.addRow("", hint)
        rhk_form.addRow(_tr("Penugasan dari"), self.assigned_by)
        return rhk_page

    def _build_iki_page(self) -> QWidget:
        self.aspect = _enum_combo("aspect", Aspect, self.lang)
        self.iki_text = QLineEdit()
        self.iki_text.setObjectName("iki_text")
        self.target = QLineEdit()
        self.target.setObjectName("target")
        self.target_hi = QLineEdit()
        self.target_hi.setObjectName("target_hi")
        self.target_hi.setPlaceholderText(_tr("hanya untuk rentang"))
        self.unit = QLineEdit()
        self.unit.setObjectName("unit")
        self.polarity = _enum_combo("polarity", Polarity, self.lang)
        self.split_rule = _enum_combo("split_rule", SplitRule, self.lang)
        iki_page = QWidget()
        iki_form = QFormLayout()
        _top(iki_page, iki_form)
        iki_form.addRow(_tr("Aspek"), self.aspect)
        iki_form.addRow(_tr("Indikator kinerja individu"), self.iki_text)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target)
        target_row.addWidget(QLabel(_tr("s.d.")))
        target_row.addWidget(self.target_hi)
        iki_form.addRow(_tr("Target"), target_row)
        iki_form.addRow(_tr("Satuan"), self.unit)
        iki_form.addRow(_tr("Polaritas"), self.polarity)
        iki_form.addRow(_tr("Pembagian target"), self.split_rule)
        return iki_page

    def _build_expectations_page(self) -> QWidget:
        self.expectations: dict[CoreValue, QLineEdit] = {}
        exp_page = QWidget()
        exp_form = QFormLayout(exp_page)
        for cv in CoreValue:
            edit = QLineEdit()
            edit.setObjectName(f"exp_{cv.value}")
            self.expectations[cv] = edit
            exp_form.addRow(enum_label(cv, self.lang), edit)
        return exp_page

    def _build_attachments_page(self) -> QWidget:
        self.resources = QPlainTextEdit()
        self.resources.setObjectName("resources")
        self.accountability = QPlainTextEdit()
        self.accountability.setObjectName("accountability")
        self.consequences = QPlainTextEdit()
        self.consequences.setObjectName("consequences")
        lamp_page = QWidget()
        lamp_form = QFormLayout(lamp_page)
        lamp_form.addRow(_tr("Dukungan sumber daya"), self.resources)
        lamp_form.addRow(_tr("Skema pertanggungjawaban"), self.accountability)
        lamp_form.addRow(_tr("Konsekuensi"), self.consequences)
        return lamp_page

    # -- showing and keeping a page -------------------------------------------------------------

    def _show_page(self) -> None:
        self._loading = True
        sel = self.selected
        if sel is None or sel[0] >= len(self.rhk):
            self.pages.setCurrentIndex(0)
        elif sel[1] < 0:
            r = self.rhk[sel[0]]
            self.rhk_text.setPlainText(r.text)
            self.rhk_kind.setCurrentIndex(self.rhk_kind.findData(r.kind))
            link = (
                cascade_link(r.parent_rhk_uuid, False) if r.parent_rhk_uuid
                else cascade_link(r.indicator_uuid, True) if r.indicator_uuid else None
            )  # fmt: skip
            index = self.cascade.findData(link) if link else 0
            if index < 0:  # a link to an older revision: keep it, shown as such
                self.cascade.addItem(_tr("RHK atasan (revisi lama)"), link)
                index = self.cascade.count() - 1
            self.cascade.setCurrentIndex(index)
            self.assigned_by.setText(r.assigned_by)
            self.pages.setCurrentIndex(1)
        else:
            i = self.rhk[sel[0]].indicators[sel[1]]
            self.aspect.setCurrentIndex(self.aspect.findData(i.aspect))
            self.iki_text.setText(i.text)
            self.target.setText(show_decimal(i.target))
            self.target_hi.setText(show_decimal(i.target_hi))
            self.unit.setText(i.unit)
            self.polarity.setCurrentIndex(self.polarity.findData(i.polarity))
            self.split_rule.setCurrentIndex(self.split_rule.findData(i.split_rule))
            self.pages.setCurrentIndex(2)
        self.tabs.setCurrentIndex(0)
        self._loading = False

    def commit_page(self) -> bool:
        """Keep the page's values; False (with the reason shown) when a number is unreadable."""
        sel = self.selected
        if sel is None or sel[0] >= len(self.rhk) or not self.content_editable():
            return True
        r = self.rhk[sel[0]]
        if sel[1] < 0:
            link = self.cascade.currentData() or ""
            parent = link[4:] if link.startswith("rhk:") else None
            iku = link[4:] if link.startswith("iku:") else None
            self.rhk[sel[0]] = RhkInput(
                self.rhk_text.toPlainText(), self.rhk_kind.currentData(), parent, iku,
                r.indicators, r.uuid, assigned_by=self.assigned_by.text(),
            )  # fmt: skip
        else:
            try:
                target = parse_decimal(self.target.text())
                hi = parse_decimal(self.target_hi.text())
            except BadNumber as exc:
                show_error(self.error, _tr("“{text}” bukan angka.").format(text=str(exc)))
                return False
            old = r.indicators[sel[1]]
            iki = IkiInput(
                self.aspect.currentData(), self.iki_text.text(),
                target if target is not None else Decimal(0), unit=self.unit.text(),
                polarity=self.polarity.currentData(), target_hi=hi, cap=old.cap,
                weight=old.weight, split_rule=self.split_rule.currentData(), uuid=old.uuid,
            )  # fmt: skip
            ikis = list(r.indicators)
            ikis[sel[1]] = iki
            self.rhk[sel[0]] = replace(r, indicators=tuple(ikis))
        self._refresh_item()
        show_error(self.error, "")
        return True

    def _refresh_item(self) -> None:
        item = self.tree.currentItem()
        sel = self.selected
        if item is None or sel is None or item.data(0, ROLE_KEY) != sel:
            return
        r = self.rhk[sel[0]]
        if sel[1] < 0:
            item.setText(0, f"{sel[0] + 1}. {r.text or _tr('(RHK baru)')}")
            item.setText(1, enum_label(r.kind, self.lang))
        else:
            i = r.indicators[sel[1]]
            item.setText(0, f"{enum_label(i.aspect, self.lang)}: {i.text}")
            target = show_decimal(i.target)
            if i.target_hi is not None:
                target += f"–{show_decimal(i.target_hi)}"
            item.setText(1, f"{target} {i.unit}")
