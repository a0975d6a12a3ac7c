"""The SKP editor: RHK tree with their indicators, the cascade selector (the atasan's RHK, or an
office IKU for a head), ekspektasi khusus pimpinan, lampiran, and the status actions.

What is enabled follows the role and the status (DESIGN.md 7b): the clerk (Admin, Operator or
the employee's own account) edits a Draft or Dikembalikan plan and submits it; the employee's
Penilai approves or returns a submitted plan and may write the ekspektasi while deciding; an
approved plan is read-only until "Buat revisi" starts revision n+1. Nobody signed in: read-only.
The whole plan is saved at once; a refused save keeps every edit and says why. A read-only tab
lists the rencana aksi written per period for each RHK (issue 19; they are written in the
evaluation editor). Opening reads on the task runner's read worker (issue 16), "Memuat…"
meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import (
    Aspect,
    EvaluationStatus,
    RhkKind,
    Role,
)
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.gui.kit.format import enum_label
from kinerja_desktop.gui.kit.tasks import runner_for
from kinerja_desktop.gui.plans.common import (
    ReasonDialog,
    error_label,
    error_text,
    notify,
    show_decimal,
    show_error,
)
from kinerja_desktop.gui.plans.skp_pages import ROLE_KEY, SkpPages, cascade_link
from kinerja_desktop.services.plans.dto import IkiInput, RhkInput, SkpDetail, SkpInput

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database
    from kinerja_desktop.services.evaluation.dto import RhkPlans
    from kinerja_desktop.services.plans.dto import ParentChoice, SkpRow

EDITABLE = {EvaluationStatus.DRAFT, EvaluationStatus.RETURNED}


@dataclass(frozen=True)
class SkpEditorData:
    """What the editor shows: the newest SKP (or none yet), the employee's row of the SKP
    list, the cascade choices and the SKP's rencana aksi."""

    detail: SkpDetail | None
    row: SkpRow | None
    choices: list[ParentChoice]
    plans: tuple[RhkPlans, ...]


def read_skp_editor(db: Database, employee_uuid: str, year: int) -> SkpEditorData:
    """Everything the SKP editor shows (the runner's read worker calls it with the reader)."""
    from kinerja_desktop.services.evaluation import list_skp_rencana_aksi
    from kinerja_desktop.services.plans import find_skp, list_skp, parent_choices

    detail = find_skp(db, employee_uuid, year)
    row = next((r for r in list_skp(db, year) if r.employee_uuid == employee_uuid), None)
    plans = list_skp_rencana_aksi(db, detail.uuid) if detail else ()
    return SkpEditorData(detail, row, parent_choices(db, employee_uuid, year), plans)


class SkpEditor(SkpPages, QDialog):
    """Edit the newest SKP of ``employee_uuid`` for ``year`` (a new Draft when there is none)."""

    def __init__(
        self, db: Database, actor: Actor | None, employee_uuid: str, year: int, *,
        lang: str = "id", parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("skp_editor")
        self.db, self.actor, self.lang = db, actor, lang
        self.employee_uuid, self.year = employee_uuid, year
        self.detail: SkpDetail | None = None
        self.rhk: list[RhkInput] = []
        self.selected: tuple[int, int] | None = None  # (rhk index, iki index or -1)
        self._loading = False  # filling the widgets: their signals change nothing
        self._reading = True  # the first read has not delivered yet
        self._build()
        self.resize(1180, 760)
        self._load()

    # -- roles -----------------------------------------------------------------------------------

    def _is_clerk(self) -> bool:
        a = self.actor
        if a is None:
            return False
        return a.has(Role.ADMIN) or a.has(Role.OPERATOR) or a.employee_uuid == self.employee_uuid

    def _is_penilai(self) -> bool:
        a = self.actor
        if a is None:
            return False
        atasan = self.detail.atasan_uuid if self.detail else self._atasan
        if atasan is None:
            return a.has(Role.ADMIN)  # an external penilai's decision, recorded by an Admin
        return a.has(Role.PENILAI) and a.employee_uuid == atasan

    def content_editable(self) -> bool:
        if not self._is_clerk():
            return False
        if self.detail is None:
            return True
        return self.detail.editable

    # -- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.header = QLabel()
        self.header.setObjectName("header")
        self.header.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)

        splitter = QSplitter()
        splitter.addWidget(self._build_tree())
        splitter.addWidget(self._build_tabs())
        splitter.setSizes([560, 600])
        self.body = splitter

        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addLayout(self._build_bottom())

    def _build_tree(self) -> QWidget:
        self.tree = QTreeWidget()
        self.tree.setObjectName("rhk_tree")
        self.tree.setHeaderLabels([self.tr("Rencana hasil kerja / indikator"), self.tr("Target")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.add_rhk_btn = QPushButton(self.tr("Tambah RHK"))
        self.add_rhk_btn.setObjectName("add_rhk")
        self.add_rhk_btn.clicked.connect(self.add_rhk)
        self.add_iki_btn = QPushButton(self.tr("Tambah indikator"))
        self.add_iki_btn.setObjectName("add_iki")
        self.add_iki_btn.clicked.connect(self.add_iki)
        self.remove_btn = QPushButton(self.tr("Hapus"))
        self.remove_btn.setObjectName("remove")
        self.remove_btn.clicked.connect(self.remove_selected)
        tree_buttons = QHBoxLayout()
        for w in (self.add_rhk_btn, self.add_iki_btn, self.remove_btn):
            tree_buttons.addWidget(w)
        tree_buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree)
        left_layout.addLayout(tree_buttons)
        return left

    def _build_bottom(self) -> QHBoxLayout:
        self.save_btn = self._button("save", self.tr("Simpan"), self.save)
        self.submit_btn = self._button("submit", self.tr("Ajukan ke penilai"), self.submit)
        self.approve_btn = self._button("approve", self.tr("Setujui"), self.approve)
        self.return_btn = self._button("return", self.tr("Kembalikan…"), self.return_plan)
        self.revise_btn = self._button("revise", self.tr("Buat revisi…"), self.revise)
        close = self._button("close", self.tr("Tutup"), self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        for w in (self.save_btn, self.submit_btn, self.approve_btn, self.return_btn,
                  self.revise_btn, close):  # fmt: skip
            bottom.addWidget(w)
        return bottom

    def _button(self, name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # -- loading ---------------------------------------------------------------------------------

    def is_loading(self) -> bool:
        """True until the first read delivered (tests wait on it)."""
        return self._reading

    def _load(self) -> None:
        """The first read, on the read worker: nothing to act on until it delivered."""
        self.header.setText(self.tr("Memuat…"))
        self.body.setEnabled(False)
        for button in (self.save_btn, self.submit_btn, self.approve_btn, self.return_btn,
                       self.revise_btn):  # fmt: skip
            button.hide()
        runner_for(self).read(
            read_skp_editor, self.db, self.employee_uuid, self.year,
            key=f"skp-editor:{id(self)}", on_done=self._loaded, on_error=self._load_failed,
            parent=self,
        )  # fmt: skip

    def _loaded(self, data: SkpEditorData) -> None:
        self._reading = False
        self.body.setEnabled(True)
        self._apply(data)

    def _load_failed(self, error: BaseException) -> None:
        self._reading = False
        self.header.setText("")
        if isinstance(error, KinerjaError):
            show_error(self.error, error_text(error, self.lang))
        else:
            from kinerja_desktop.gui.kit.errors import show_error as show_failure

            show_failure(error, lang=self.lang, parent=self)

    def done(self, result: int) -> None:
        runner_for(self).finish_for(self)
        super().done(result)

    def reload(self) -> None:
        """Read again after one of the editor's writes."""
        self._apply(read_skp_editor(self.db, self.employee_uuid, self.year))

    def _apply(self, data: SkpEditorData) -> None:
        self.detail, row = data.detail, data.row
        self._atasan = row.atasan_uuid if row else None
        self.choices = data.choices
        self.fill_plans(data.plans)
        values = self.detail.as_input() if self.detail else SkpInput(self.employee_uuid, self.year)
        self.rhk = list(values.rhk)
        name = self.detail.employee_name if self.detail else (row.name if row else "")
        jabatan = self.detail.jabatan if self.detail else (row.jabatan if row else "")
        atasan = self.detail.atasan_name if self.detail else (row.atasan_name if row else "")
        self.setWindowTitle(self.tr("SKP {name} tahun {year}").format(name=name, year=self.year))
        self.header.setText(
            self.tr("<b>{name}</b> — {jabatan}<br>Pejabat penilai: {atasan}").format(
                name=name, jabatan=jabatan, atasan=atasan or "-"
            )
        )
        self._loading = True
        for cv, edit in self.expectations.items():
            edit.setText(values.expectations.get(cv, ""))
        self.resources.setPlainText(values.resources)
        self.accountability.setPlainText(values.accountability)
        self.consequences.setPlainText(values.consequences)
        self.cascade.clear()
        self.cascade.addItem(self.tr("— tidak mengintervensi —"), None)
        for c in self.choices:
            prefix = self.tr("IKU: ") if c.is_indicator else self.tr("RHK atasan: ")
            self.cascade.addItem(prefix + c.label, cascade_link(c.uuid, c.is_indicator))
        self._loading = False
        self.selected = None
        self._fill_tree()
        self._update_state()

    def _fill_tree(self, select: tuple[int, int] | None = None) -> None:
        self._loading = True
        self.tree.clear()
        chosen = None
        for n, r in enumerate(self.rhk):
            kind = enum_label(r.kind, self.lang)
            item = QTreeWidgetItem(self.tree, [f"{n + 1}. {r.text or self.tr('(RHK baru)')}",
                                               kind])  # fmt: skip
            item.setData(0, ROLE_KEY, (n, -1))
            item.setToolTip(0, r.text)
            for m, i in enumerate(r.indicators):
                target = show_decimal(i.target)
                if i.target_hi is not None:
                    target += f"–{show_decimal(i.target_hi)}"
                child = QTreeWidgetItem(
                    item, [f"{enum_label(i.aspect, self.lang)}: {i.text}", f"{target} {i.unit}"]
                )
                child.setData(0, ROLE_KEY, (n, m))
                if select == (n, m):
                    chosen = child
            if select == (n, -1):
                chosen = item
            item.setExpanded(True)
        self._loading = False
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        else:
            self._show_page()

    def _selection_changed(self) -> None:
        if self._loading:
            return
        item = self.tree.currentItem()
        target = item.data(0, ROLE_KEY) if item is not None else None
        if target == self.selected:
            return
        if self.selected is not None and not self.commit_page():
            return
        self.selected = target
        self._show_page()

    # -- tree actions ----------------------------------------------------------------------------

    def add_rhk(self) -> None:
        if not self.commit_page():
            return
        self.rhk.append(RhkInput("", RhkKind.UTAMA))
        self.selected = None
        self._fill_tree(select=(len(self.rhk) - 1, -1))
        self.rhk_text.setFocus()

    def add_iki(self) -> None:
        if not self.commit_page() or self.selected is None:
            return
        n = self.selected[0]
        r = self.rhk[n]
        used = {i.aspect for i in r.indicators}
        aspect = next((a for a in Aspect if a not in used), Aspect.KUANTITAS)
        iki = IkiInput(aspect, "", Decimal(0), unit="")
        self.rhk[n] = replace(r, indicators=(*r.indicators, iki))
        self.selected = None
        self._fill_tree(select=(n, len(r.indicators)))
        self.iki_text.setFocus()

    def remove_selected(self) -> None:
        sel = self.selected
        if sel is None:
            return
        if sel[1] < 0:
            del self.rhk[sel[0]]
        else:
            r = self.rhk[sel[0]]
            ikis = [i for m, i in enumerate(r.indicators) if m != sel[1]]
            self.rhk[sel[0]] = replace(r, indicators=tuple(ikis))
        self.selected = None
        self._fill_tree()

    # -- saving and status -----------------------------------------------------------------------

    def values(self) -> SkpInput:
        return SkpInput(
            self.employee_uuid, self.year, tuple(self.rhk),
            {cv: e.text() for cv, e in self.expectations.items()},
            self.resources.toPlainText(), self.accountability.toPlainText(),
            self.consequences.toPlainText(),
        )  # fmt: skip

    def _run(self, action: Any) -> bool:
        try:
            action()
        except KinerjaError as err:
            show_error(self.error, error_text(err, self.lang))
            if err.code == "record.changed":  # someone else saved: show their version
                self.reload()
                show_error(self.error, error_text(err, self.lang))
            return False
        show_error(self.error, "")
        notify(self, "skp")
        self.reload()
        return True

    def save(self) -> bool:
        """Save the plan (or, for the penilai of a submitted plan, the ekspektasi)."""
        from kinerja_desktop.services.plans import save_expectations, save_skp

        if self.actor is None or not self.commit_page():
            return False
        actor = self.actor
        if self.content_editable():
            version = self.detail.version if self.detail else None
            return self._run(lambda: save_skp(self.db, actor, self.values(),
                                              expected_version=version))  # fmt: skip
        if self.detail is not None and self._is_penilai():
            wanted = {cv: e.text() for cv, e in self.expectations.items()}
            uuid, version = self.detail.uuid, self.detail.version
            return self._run(lambda: save_expectations(self.db, actor, uuid, wanted,
                                                       expected_version=version))  # fmt: skip
        return False

    def submit(self) -> bool:
        from kinerja_desktop.services.plans import submit_skp

        if not self.save() or self.detail is None or self.actor is None:
            return False
        actor, uuid = self.actor, self.detail.uuid
        return self._run(lambda: submit_skp(self.db, actor, uuid))

    def approve(self) -> bool:
        from kinerja_desktop.services.plans import approve_skp

        if self.detail is None or self.actor is None:
            return False
        actor, uuid = self.actor, self.detail.uuid
        return self._run(lambda: approve_skp(self.db, actor, uuid))

    def return_plan(self) -> bool:
        from kinerja_desktop.services.plans import return_skp

        if self.detail is None or self.actor is None:
            return False
        reason = ReasonDialog.ask(
            self, self.tr("Kembalikan SKP"), self.tr("Mengapa SKP ini dikembalikan?")
        )
        if not reason:
            return False
        actor, uuid = self.actor, self.detail.uuid
        return self._run(lambda: return_skp(self.db, actor, uuid, reason))

    def revise(self) -> bool:
        from kinerja_desktop.services.plans import start_revision

        if self.detail is None or self.actor is None:
            return False
        reason = ReasonDialog.ask(
            self, self.tr("Buat revisi SKP"),
            self.tr("SKP yang disetujui tetap disimpan. Mengapa SKP ini direvisi?"),
        )  # fmt: skip
        if not reason:
            return False
        actor, uuid = self.actor, self.detail.uuid
        return self._run(lambda: start_revision(self.db, actor, uuid, reason))

    def _update_state(self) -> None:
        d = self.detail
        editable = self.content_editable()
        penilai = self._is_penilai()
        status = d.status if d else None
        for w in (self.add_rhk_btn, self.add_iki_btn, self.remove_btn, self.rhk_text,
                  self.rhk_kind, self.cascade, self.assigned_by, self.aspect, self.iki_text,
                  self.target, self.target_hi, self.unit, self.polarity, self.split_rule,
                  self.resources, self.accountability, self.consequences):  # fmt: skip
            w.setEnabled(editable)
        exp_ok = editable or (penilai and status in (*EDITABLE, EvaluationStatus.SUBMITTED))
        for edit in self.expectations.values():
            edit.setEnabled(bool(exp_ok))
        self.save_btn.setVisible(bool(editable or exp_ok))
        self.submit_btn.setVisible(editable and self._is_clerk())
        decide = penilai and status == EvaluationStatus.SUBMITTED
        self.approve_btn.setVisible(decide)
        self.return_btn.setVisible(decide)
        self.revise_btn.setVisible(self._is_clerk() and status == EvaluationStatus.APPROVED)
        if d is None:
            text = self.tr("Belum ada SKP tahun ini; simpan untuk membuat draf.")
        else:
            text = self.tr("Status: {status} · revisi {revision}").format(
                status=enum_label(d.status, self.lang), revision=d.revision
            )
            if d.status_reason:
                text += " · " + self.tr("Alasan: {reason}").format(reason=d.status_reason)
            if not d.editable and d.status in EDITABLE:
                text += " · " + self.tr("dikelola kantor {office}, hanya dibaca").format(
                    office=d.origin_office
                )
        self.status_label.setText(text)
