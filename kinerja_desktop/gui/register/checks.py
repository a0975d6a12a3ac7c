"""The register check: employees without atasan, with an inactive atasan, with an atasan in an
unrelated office, or with a NIP warning, each with a "Perbaiki" button opening the form.

A missing or wrong atasan blocks the whole SKP chain (the top complaint about e-Kinerja), so
the panel is one click from the employee view and refreshes itself after every fix. It stays
open beside the view (not modal) so the clerk can work down the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.gui.kit.empty_hint import show_when_empty
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.format import fmt_count, fmt_nip
from kinerja_desktop.gui.kit.tasks import runner_for
from kinerja_desktop.gui.register.fields import can_edit_register
from kinerja_desktop.services.register.dto import RegisterIssue, RegisterIssueKind

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database

COL_NAME, COL_NIP, COL_OFFICE, COL_KIND, COL_MESSAGE, COL_FIX = range(6)


class RegisterChecksDialog(QDialog):
    """The findings of :func:`register_issues`; ``fixer(uuid)`` opens the employee form."""

    def __init__(
        self,
        db: Database,
        actor: Actor | None,
        fixer: Any,
        *,
        lang: str = "id",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("register_checks")
        self.setWindowTitle(self.tr("Pemeriksaan data pegawai"))
        self.db, self.actor, self.fixer, self.lang = db, actor, fixer, lang
        self.issues: list[RegisterIssue] = []
        self._loading = False
        self.resize(980, 460)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        headers = [
            self.tr("Pegawai"), self.tr("NIP"), self.tr("Kantor"), self.tr("Masalah"),
            self.tr("Keterangan"), "",
        ]  # fmt: skip
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("issues")
        self.table_empty = show_when_empty(self.table, self.tr("Tidak ada masalah ditemukan."))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        buttons = QDialogButtonBox()
        refresh = buttons.addButton(
            self.tr("Periksa ulang"), QDialogButtonBox.ButtonRole.ActionRole
        )
        refresh.setObjectName("recheck")
        refresh.clicked.connect(self.reload)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.reload()

    def kind_text(self, kind: RegisterIssueKind) -> str:
        return {
            RegisterIssueKind.NO_ASSIGNMENT: self.tr("Tanpa jabatan"),
            RegisterIssueKind.NO_ATASAN: self.tr("Tanpa atasan"),
            RegisterIssueKind.ATASAN_INACTIVE: self.tr("Atasan tidak aktif"),
            RegisterIssueKind.ATASAN_UNRELATED_OFFICE: self.tr("Atasan di kantor lain"),
            RegisterIssueKind.NIP_WARNING: self.tr("Peringatan NIP"),
            RegisterIssueKind.NIP_INVALID: self.tr("NIP salah"),
        }.get(kind, str(kind))

    def is_loading(self) -> bool:
        """True while the register is checked on the read worker."""
        return self._loading

    def reload(self) -> None:
        """Check the whole register on the read worker (it reads every employee)."""
        from kinerja_desktop.services.register import register_issues

        self._loading = True
        self.summary.setText(self.tr("Memuat…"))
        runner_for(self).read(
            register_issues,
            self.db,
            key=f"register_checks:{id(self)}",
            on_done=self._show_issues,
            on_error=self._failed,
            parent=self,
        )

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.summary.setText("")
        show_error(error, lang=self.lang, parent=self)

    def done(self, result: int) -> None:
        runner_for(self).finish_for(self)
        super().done(result)

    def _show_issues(self, issues: list[RegisterIssue]) -> None:
        self._loading = False
        self.issues = list(issues)
        table = self.table
        table.setRowCount(len(self.issues))
        writer = can_edit_register(self.actor)
        for row, issue in enumerate(self.issues):
            cells = (
                issue.name, fmt_nip(issue.nip), issue.office_code, self.kind_text(issue.kind),
                issue.worded(self.lang),
            )  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, column, item)
            button = QPushButton(self.tr("Perbaiki"))
            button.setObjectName(f"fix_{row}")
            button.setEnabled(writer)
            if not writer:
                button.setToolTip(self.tr("Masuk sebagai Operator atau Admin untuk memperbaiki."))
            button.clicked.connect(lambda _c=False, uuid=issue.employee_uuid: self.fix(uuid))
            table.setCellWidget(row, COL_FIX, button)
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        if self.issues:
            people = len({i.employee_uuid for i in self.issues})
            self.summary.setText(
                self.tr(
                    "{n} temuan pada {p} pegawai. Atasan yang kosong atau salah menghambat SKP "
                    "dan penilaian; perbaiki dengan tombol Perbaiki."
                ).format(n=fmt_count(len(self.issues)), p=fmt_count(people))
            )
        else:
            self.summary.setText(self.tr("Tidak ada masalah: data pegawai aktif sudah lengkap."))

    def fix(self, uuid: str) -> None:
        """Open the form on the employee, then check again (the fix may solve several)."""
        self.fixer(uuid)
        self.reload()

    def fix_button(self, row: int) -> QPushButton:
        widget = self.table.cellWidget(row, COL_FIX)
        assert isinstance(widget, QPushButton)
        return widget

    @classmethod
    def open_for(
        cls, view: Any, db: Database, actor: Actor | None, *, shown: Any = None
    ) -> RegisterChecksDialog:
        """Open the panel beside ``view`` (non-modal); "Perbaiki" uses the view's form.

        ``shown``: the panel opened before; while it is still open it is brought back up to
        date instead (one panel per view).
        """
        if shown is not None:
            try:
                if shown.isVisible():
                    shown.reload()
                    shown.raise_()
                    return shown  # type: ignore[no-any-return]
            except RuntimeError:  # closed and deleted (WA_DeleteOnClose)
                pass
        dialog = cls(db, actor, view.edit_employee, lang=view.lang, parent=view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
