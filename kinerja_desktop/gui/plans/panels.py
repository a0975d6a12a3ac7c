"""The "SKP Pegawai" and "Cascade" tabs of the Indikator view, and the shared-RHK dialog.

The SKP tab lists every active employee of the chosen office and year with the state of their
SKP (no SKP yet is shown muted as "Belum dibuat"); a double click opens the SKP editor. The
cascade tab shows the tree office IKU → the head's RHK → every RHK below, with the employees
whose SKP is missing or not approved marked in red.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import Aspect, RhkKind, Role
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.gui.kit.format import enum_label
from kinerja_desktop.gui.kit.table_model import ROW_ROLE
from kinerja_desktop.gui.plans.common import (
    BadNumber,
    error_label,
    error_text,
    notify,
    parse_decimal,
    show_error,
)
from kinerja_desktop.gui.plans.model import SkpTableModel
from kinerja_desktop.services.plans.dto import CascadeNode, IkiInput, RhkInput, SkpRow

if TYPE_CHECKING:
    from kinerja_desktop.gui.plans.skp_editor import SkpEditor
    from kinerja_desktop.services.common import Actor, Database

FLAG_COLOR = QColor("#b00020")


class SkpPanel(QWidget):
    """The SKP list with its actions; the view sets ``db``, ``actor``, office and year."""

    def __init__(self, *, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skp_panel")
        self.lang = lang
        self.db: Database | None = None
        self.actor: Actor | None = None
        self.office: str | None = None
        self.year = 0
        self.editor: SkpEditor | None = None
        self.model = SkpTableModel(self, lang=lang)
        self.search = QLineEdit()
        self.search.setObjectName("skp_search")
        self.search.setPlaceholderText(self.tr("Cari pegawai, NIP atau jabatan..."))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.model.set_filter)
        self.open_btn = QPushButton(self.tr("Buka SKP"))
        self.open_btn.setObjectName("open_skp")
        self.open_btn.clicked.connect(self.open_selected)
        self.copy_btn = QPushButton(self.tr("Salin SKP tahun lalu"))
        self.copy_btn.setObjectName("copy_skp")
        self.copy_btn.clicked.connect(self.copy_last_year)
        self.bulk_btn = QPushButton(self.tr("RHK bersama…"))
        self.bulk_btn.setObjectName("bulk_rhk")
        self.bulk_btn.setToolTip(
            self.tr("Beri RHK yang sama kepada pegawai terpilih (satu jabatan)")
        )
        self.bulk_btn.clicked.connect(self.open_bulk)
        self.table = QTableView()
        self.table.setObjectName("skp_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.message = QLabel()
        self.message.setObjectName("skp_message")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for w in (self.open_btn, self.copy_btn, self.bulk_btn):
            top.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.update_actions()

    def reload(self) -> None:
        self.show_rows(read_skp_rows(self.db, self.year, self.office))

    def _reload_off_the_gui_thread(self) -> None:
        """The rows again after the editor closed, read on the read worker (issue 16)."""
        from kinerja_desktop.gui.kit.tasks import runner_for

        runner_for(self).read(
            read_skp_rows, self.db, self.year, self.office, key=f"skp-rows:{id(self)}",
            on_done=self.show_rows, parent=self,
        )  # fmt: skip

    def show_rows(self, rows: Sequence[SkpRow]) -> None:
        """Show ``rows`` (read by :func:`read_skp_rows`, on the read worker in the view)."""
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for col in (2, 3, 4):
            header.resizeSection(col, min(header.sectionSize(col), 260))
        missing = sum(1 for r in rows if r.status is None)
        self.message.setText(
            self.tr("{count} pegawai; {missing} belum memiliki SKP tahun {year}.").format(
                count=len(rows), missing=missing, year=self.year
            )
        )
        self.update_actions()

    def update_actions(self) -> None:
        clerk = self.actor is not None and (
            self.actor.has(Role.ADMIN) or self.actor.has(Role.OPERATOR)
        )
        self.copy_btn.setVisible(clerk)
        self.bulk_btn.setVisible(clerk)
        self.open_btn.setEnabled(self.db is not None)

    def selected_rows(self) -> list[SkpRow]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        return [self.model.data(self.model.index(r, 0), ROW_ROLE) for r in sorted(rows)]

    def open_selected(self) -> SkpEditor | None:
        rows = self.selected_rows()
        return self.open_editor(rows[0].employee_uuid) if rows else None

    def open_editor(self, employee_uuid: str) -> SkpEditor | None:
        """Open the SKP editor (window-modal, so tests can drive it)."""
        from kinerja_desktop.gui.plans.skp_editor import SkpEditor

        if self.db is None:
            return None
        self.editor = SkpEditor(self.db, self.actor, employee_uuid, self.year, lang=self.lang,
                                parent=self)  # fmt: skip
        self.editor.finished.connect(lambda _r: self._reload_off_the_gui_thread())
        self.editor.open()
        return self.editor

    def copy_last_year(self) -> bool:
        from kinerja_desktop.services.plans import copy_skp

        rows = self.selected_rows()
        if not rows or self.db is None or self.actor is None:
            return False
        done, problems = 0, []
        for row in rows:
            try:
                copy_skp(self.db, self.actor, row.employee_uuid, self.year - 1, self.year)
                done += 1
            except KinerjaError as err:
                problems.append(f"{row.name}: {error_text(err, self.lang)}")
        text = self.tr("{count} SKP disalin dari tahun {year}.").format(
            count=done, year=self.year - 1
        )
        self.message.setText("\n".join([text, *problems]))
        if done:
            notify(self, "skp")
            self.reload()
            self.message.setText("\n".join([text, *problems]))
        return done > 0

    def open_bulk(self) -> BulkRhkDialog | None:
        rows = self.selected_rows()
        if not rows or self.db is None or self.actor is None:
            return None
        dialog = BulkRhkDialog(self.db, self.actor, rows, self.year, parent=self)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog


class BulkRhkDialog(QDialog):
    """One RHK with one indicator, given to several employees of one jabatan at once."""

    def __init__(self, db: Database, actor: Actor, rows: list[SkpRow], year: int,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("bulk_rhk_dialog")
        self.setWindowTitle(self.tr("RHK bersama"))
        self.db, self.actor, self.rows, self.year = db, actor, rows, year
        names = ", ".join(r.name for r in rows)
        who = QLabel(self.tr("Untuk {count} pegawai: {names}").format(count=len(rows),
                                                                    names=names))  # fmt: skip
        who.setWordWrap(True)
        self.rhk_text = QPlainTextEdit()
        self.rhk_text.setObjectName("rhk_text")
        self.rhk_text.setFixedHeight(60)
        self.kind = QComboBox()
        self.kind.setObjectName("rhk_kind")
        for kind in RhkKind:
            self.kind.addItem(enum_label(kind), kind)
        self.aspect = QComboBox()
        self.aspect.setObjectName("aspect")
        for aspect in Aspect:
            self.aspect.addItem(enum_label(aspect), aspect)
        self.iki_text = QLineEdit()
        self.iki_text.setObjectName("iki_text")
        self.target = QLineEdit()
        self.target.setObjectName("target")
        self.unit = QLineEdit()
        self.unit.setObjectName("unit")
        form = QFormLayout()
        form.addRow(self.tr("Rencana hasil kerja"), self.rhk_text)
        form.addRow(self.tr("Jenis"), self.kind)
        form.addRow(self.tr("Aspek"), self.aspect)
        form.addRow(self.tr("Indikator"), self.iki_text)
        form.addRow(self.tr("Target"), self.target)
        form.addRow(self.tr("Satuan"), self.unit)
        self.error = error_label()
        self.ok = QPushButton(self.tr("Berikan"))
        self.ok.setObjectName("ok")
        self.ok.clicked.connect(self.apply)
        cancel = QPushButton(self.tr("Batal"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(520, 360)

    def apply(self) -> bool:
        from kinerja_desktop.services.plans import assign_rhk

        try:
            target = parse_decimal(self.target.text())
        except BadNumber as exc:
            show_error(self.error, self.tr("“{text}” bukan angka.").format(text=str(exc)))
            return False
        rhk = RhkInput(
            self.rhk_text.toPlainText(), self.kind.currentData(),
            indicators=(IkiInput(self.aspect.currentData(), self.iki_text.text(),
                                 target if target is not None else Decimal(0),
                                 unit=self.unit.text()),),
        )  # fmt: skip
        try:
            assign_rhk(self.db, self.actor, [r.employee_uuid for r in self.rows], self.year, rhk)
        except KinerjaError as err:
            show_error(self.error, error_text(err))
            return False
        notify(self, "skp")
        self.accept()
        return True


class CascadePanel(QWidget):
    """The cascade tree of one office and year."""

    def __init__(self, *, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cascade_panel")
        self.lang = lang
        self.tree = QTreeWidget()
        self.tree.setObjectName("cascade_tree")
        self.tree.setHeaderLabels(
            [self.tr("IKU kantor dan rencana hasil kerja"), self.tr("Pegawai"), self.tr("SKP")]
        )
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel()
        self.note.setObjectName("cascade_note")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)

    def reload(self, db: Database | None, office: str | None, year: int) -> None:
        from kinerja_desktop.services.plans import cascade_tree

        tree = cascade_tree(db, office, year) if db is not None and office is not None else None
        self.show_tree(office, year, tree)

    def show_tree(self, office: str | None, year: int, tree: Any) -> None:
        """Show the cascade ``tree`` of ``office`` (``None``: no office chosen)."""
        self.tree.clear()
        if tree is None or office is None:
            self.note.setText(self.tr("Pilih satu kantor untuk melihat cascading kinerjanya."))
            return
        for root in tree.roots:
            self._add(self.tree, root)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.tree.resizeColumnToContents(2)
        flagged = len(tree.flagged)
        self.note.setText(
            self.tr(
                "Kantor {office}, tahun {year}. {flagged} pegawai belum memiliki SKP yang "
                "disetujui (ditandai merah)."
            ).format(office=office, year=year, flagged=flagged)
        )

    def _group_text(self, node: CascadeNode) -> str:
        from kinerja_desktop.services.plans import GROUP_FLAGGED

        if node.uuid == GROUP_FLAGGED:
            return self.tr("Pegawai dengan SKP belum ada atau belum disetujui")
        return self.tr("RHK yang tidak terhubung ke IKU kantor (umumnya RHK Tambahan)")

    def _add(self, parent: Any, node: CascadeNode) -> QTreeWidgetItem:
        status = ""
        if node.kind in ("rhk", "employee"):
            status = enum_label(node.status, self.lang) if node.status else self.tr("Belum ada")
        text = self._group_text(node) if node.kind == "group" else node.text
        if node.flag:
            text = "⚠ " + text
        item = QTreeWidgetItem(parent, [text, node.owner, status])
        item.setToolTip(0, node.text)
        item.setData(0, Qt.ItemDataRole.UserRole, node.uuid)
        if node.kind in ("iku", "group"):
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        if node.flag:
            for col in range(3):
                item.setForeground(col, QBrush(FLAG_COLOR))
        for child in node.children:
            self._add(item, child)
        return item


def read_skp_rows(db: Database | None, year: int, office: str | None) -> list[SkpRow]:
    """The SKP panel's rows (runs on the read worker when the view asks)."""
    from kinerja_desktop.services.plans import list_skp

    if db is None or not year:
        return []
    return list(list_skp(db, year, office_code=office))


def read_cascade(db: Database, office: str | None, year: int) -> tuple[str | None, int, Any]:
    """The cascade of ``office`` (else the home office) for the panel, on the read worker."""
    from kinerja_desktop.services.plans import cascade_tree

    if office is None:
        try:
            from kinerja_desktop.services.common import home_office

            home = home_office(db)
        except Exception:  # a stand-in database in view tests
            home = None
        office = home.code if home else None
    if office is None:
        return None, year, None
    return office, year, cascade_tree(db, office, year)
