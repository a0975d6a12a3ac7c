"""Konflik sinkronisasi: both sides of each kept conflict, and the decision on it.

A clerk picks a conflict, sees the stored and the incoming values side by side (differing
fields in bold), and accepts the incoming row or keeps the stored one. Each decision is one
audited service call; "Terbitkan ulang tanda terima" then writes the package's receipt again
so the decisions travel back to the sender.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.gui.kit.dialogs import MessageBox
from kinerja_desktop.gui.kit.empty_hint import show_when_empty
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.table_model import ROW_ROLE
from kinerja_desktop.gui.kit.tasks import DialogReads
from kinerja_desktop.gui.sync.dialogs import PackageFileDialog, tr
from kinerja_desktop.gui.sync.model import ConflictTableModel

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database

_HIDDEN = {"id"}


class ConflictsDialog(QDialog):
    """The open (and, on request, resolved) conflicts of this database."""

    def __init__(
        self, db: Database, actor: Actor | None, *, lang: str = "id", parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sync_conflicts_dialog")
        self.setWindowTitle(tr("Konflik sinkronisasi"))
        self.resize(900, 560)
        self.db, self.actor, self.lang = db, actor, lang
        self.changed = False
        self.reads = DialogReads(self)
        self.model = ConflictTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("conflicts")
        self.table.setModel(self.model)
        self.table_empty = show_when_empty(self.table, tr("Tidak ada konflik."))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.detail = QTableWidget(0, 3)
        self.detail.setObjectName("detail")
        self.detail.setHorizontalHeaderLabels([tr("Kolom"), tr("Tersimpan"), tr("Masuk")])
        self.detail.verticalHeader().hide()
        self.detail.horizontalHeader().setStretchLastSection(True)
        self.detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        self.accept_button = QPushButton(tr("Terima data masuk"))
        self.accept_button.setObjectName("accept")
        self.accept_button.clicked.connect(lambda: self._resolve(accept=True))
        self.keep_button = QPushButton(tr("Pertahankan data tersimpan"))
        self.keep_button.setObjectName("keep")
        self.keep_button.clicked.connect(lambda: self._resolve(accept=False))
        self.receipt_button = QPushButton(tr("Terbitkan ulang tanda terima…"))
        self.receipt_button.setObjectName("reissue")
        self.receipt_button.setToolTip(
            tr("Tulis lagi tanda terima paket konflik ini, berisi keputusan yang sudah diambil")
        )
        self.receipt_button.clicked.connect(self._reissue)
        close = QPushButton(tr("Tutup"))
        close.clicked.connect(self.accept)
        self.status = QLabel()
        self.status.setObjectName("status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.receipt_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr(
                    "Data yang bertentangan tidak diterapkan; kedua versi disimpan sampai Anda "
                    "memutuskan. Keputusan dicatat di jejak audit dan dikirim kembali lewat "
                    "tanda terima."
                )
            )
        )
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.reload()

    def is_loading(self) -> bool:
        """True while the conflicts are read on the read worker."""
        return self.reads.is_loading()

    def reload(self) -> None:
        """Read the conflicts on the read worker (issue 16: a city's kept conflicts and their
        stored and incoming rows are too many to read on the GUI thread)."""
        from kinerja_desktop.services.sync import list_conflicts

        self.accept_button.setEnabled(False)
        self.keep_button.setEnabled(False)
        self.status.setText(tr("Memuat…"))
        self.reads.read(
            "conflicts", lambda db: list_conflicts(db, open_only=False), self.db,
            on_done=self._show_rows, on_error=self._failed,
        )  # fmt: skip

    def _show_rows(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        open_rows = [r for r in self.model.all_rows() if r.status == "open"]
        self.status.setText(tr("{n} konflik terbuka").format(n=len(open_rows)))
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, KinerjaError):
            self.status.setText(describe(error, self.lang))
        else:
            show_error(error, lang=self.lang, parent=self)

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.data(rows[0], ROW_ROLE)

    def _update_buttons(self) -> None:
        item = self.selected()
        can = self.actor is not None and item is not None and item.status == "open"
        self.accept_button.setEnabled(can)
        self.keep_button.setEnabled(can)
        self.receipt_button.setEnabled(item is not None)

    def _show_selected(self, *_args: Any) -> None:
        item = self.selected()
        self.detail.setRowCount(0)
        self._update_buttons()
        if item is None:
            return
        stored = item.stored or {}
        incoming = item.incoming or {}
        names = [n for n in incoming if n not in _HIDDEN]
        names += [n for n in stored if n not in incoming and n not in _HIDDEN]
        # The fields that differ first: they are what the decision is about.
        names.sort(key=lambda n: stored.get(n) == incoming.get(n))
        self.detail.setRowCount(len(names))
        bold = QFont(self.detail.font())
        bold.setBold(True)
        for row, name in enumerate(names):
            left, right = stored.get(name), incoming.get(name)
            cells = [name, "" if left is None else str(left), "" if right is None else str(right)]
            for col, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                if left != right:
                    cell.setFont(bold)
                self.detail.setItem(row, col, cell)
        self.detail.resizeColumnsToContents()

    def _resolve(self, *, accept: bool) -> None:
        from kinerja_desktop.services.sync import resolve_conflict

        item = self.selected()
        if item is None or self.actor is None:
            return
        try:
            resolve_conflict(self.db, self.actor, item.id, accept=accept)
        except KinerjaError as err:
            MessageBox.error(self, tr("Konflik tidak dapat diselesaikan"), describe(err, self.lang))
            return
        self.changed = True
        self.reload()

    def _reissue(self) -> None:
        from kinerja_desktop.services.sync import issue_receipt

        item = self.selected()
        if item is None:
            return
        folder = PackageFileDialog.folder(self, tr("Folder untuk tanda terima"))
        if folder is None:
            return
        try:
            path = issue_receipt(self.db, item.package_sha256, out_dir=Path(folder))
        except (KinerjaError, OSError) as err:
            text = describe(err, self.lang) if isinstance(err, KinerjaError) else str(err)
            MessageBox.error(self, tr("Tanda terima tidak dapat ditulis"), text)
            return
        self.status.setText(tr("Tanda terima ditulis: {path}").format(path=str(path)))

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, actor: Actor | None, lang: str) -> bool:
        """Show the dialog; True when a conflict was resolved."""
        dialog = cls(db, actor, lang=lang, parent=parent)
        dialog.exec()
        return dialog.changed
