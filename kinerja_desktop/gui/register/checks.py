"""The register check: employees without atasan, with an inactive atasan, with an atasan in an
unrelated office, or with a NIP warning, each with a "Perbaiki" button opening the form.

A missing or wrong atasan blocks the whole SKP chain (the top complaint about e-Kinerja), so
the panel is one click from the employee view and refreshes itself after every fix. It stays
open beside the view (not modal) so the clerk can work down the list.

A city's register may hold thousands of findings, so nothing per finding is made on the GUI
thread (issue 16, item 3): the read worker checks the register and words every cell
(:func:`read_findings`); the GUI thread hands the ready rows to a table model. The
"Perbaiki" buttons are painted by a delegate, not one ``QPushButton`` widget per row, and the
rows keep one line each (the full text is the cell's tooltip) instead of measuring every row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.gui.kit.empty_hint import show_when_empty
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.format import fmt_count, fmt_nip
from kinerja_desktop.gui.kit.table_model import Column, RowTableModel
from kinerja_desktop.gui.kit.tasks import DialogReads, runner_for
from kinerja_desktop.gui.register.fields import can_edit_register
from kinerja_desktop.services.register.dto import RegisterIssue, RegisterIssueKind

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database

COL_NAME, COL_NIP, COL_OFFICE, COL_KIND, COL_MESSAGE, COL_FIX = range(6)
_CONTEXT = "RegisterChecksDialog"
#: Rows measured when the columns are fitted (all of them would freeze a city's list).
FIT_SAMPLE_ROWS = 60


def _tr(text: str) -> str:
    return QCoreApplication.translate("RegisterChecksDialog", text)


def kind_text(kind: RegisterIssueKind) -> str:
    """The "Masalah" cell of a finding (QCoreApplication.translate is thread-safe)."""
    return {
        RegisterIssueKind.NO_ASSIGNMENT: _tr("Tanpa jabatan"),
        RegisterIssueKind.NO_ATASAN: _tr("Tanpa atasan"),
        RegisterIssueKind.ATASAN_INACTIVE: _tr("Atasan tidak aktif"),
        RegisterIssueKind.ATASAN_UNRELATED_OFFICE: _tr("Atasan di kantor lain"),
        RegisterIssueKind.NIP_WARNING: _tr("Peringatan NIP"),
        RegisterIssueKind.NIP_INVALID: _tr("NIP salah"),
    }.get(kind, str(kind))


@dataclass(frozen=True)
class Finding:
    """One row of the panel, every cell worded (on the read worker)."""

    issue: RegisterIssue
    name: str
    nip: str
    office: str
    kind: str
    message: str


def read_findings(db: Database, lang: str) -> list[Finding]:
    """On the read worker: check the register and word every cell of its findings."""
    from kinerja_desktop.services.register import register_issues

    return [
        Finding(i, i.name, fmt_nip(i.nip), i.office_code, kind_text(i.kind), i.worded(lang))
        for i in register_issues(db)
    ]


def _columns(fix_tip: Any) -> tuple[Column[Finding], ...]:
    def text(header: str, cell: Any) -> Column[Finding]:
        return Column(header, cell, tooltip=cell)

    return (
        text(QT_TRANSLATE_NOOP(_CONTEXT, "Pegawai"), lambda f: f.name),
        text(QT_TRANSLATE_NOOP(_CONTEXT, "NIP"), lambda f: f.nip),
        text(QT_TRANSLATE_NOOP(_CONTEXT, "Kantor"), lambda f: f.office),
        text(QT_TRANSLATE_NOOP(_CONTEXT, "Masalah"), lambda f: f.kind),
        text(QT_TRANSLATE_NOOP(_CONTEXT, "Keterangan"), lambda f: f.message),
        Column("", lambda _f: "", searchable=False, tooltip=lambda _f: fix_tip()),
    )


class FixButtons(QStyledItemDelegate):
    """Paints a "Perbaiki" push button in each cell of its column (enabled or not)."""

    def __init__(self, parent: QWidget, enabled: Any) -> None:
        super().__init__(parent)
        self._enabled = enabled

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        button = QStyleOptionButton()
        button.rect = option.rect.adjusted(2, 2, -2, -2)  # type: ignore[attr-defined]
        button.text = _tr("Perbaiki")
        button.state = QStyle.StateFlag.State_Raised
        palette = QPalette(option.palette)  # type: ignore[attr-defined]
        if self._enabled():
            button.state |= QStyle.StateFlag.State_Enabled
        else:  # the style greys the text by the palette's group, not by the state alone
            palette.setCurrentColorGroup(QPalette.ColorGroup.Disabled)
        button.palette = palette
        QApplication.style().drawControl(QStyle.ControlElement.CE_PushButton, button, painter)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> Any:
        hint = super().sizeHint(option, index)
        hint.setWidth(option.fontMetrics.horizontalAdvance(_tr("Perbaiki")) + 28)
        return hint


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
        self._reads = DialogReads(self)
        self.resize(980, 460)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.model: RowTableModel[Finding] = RowTableModel(
            _columns(self._fix_tip), self, header_context=_CONTEXT
        )
        self.table = QTableView()
        self.table.setObjectName("issues")
        self.table.setModel(self.model)
        self.table_empty = show_when_empty(self.table, self.tr("Tidak ada masalah ditemukan."))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        self.table.setItemDelegateForColumn(COL_FIX, FixButtons(self.table, self.can_fix))
        self.table.clicked.connect(self._clicked)
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
        return kind_text(kind)

    def can_fix(self) -> bool:
        """Only a clerk may fix (the buttons are drawn disabled for the others)."""
        return can_edit_register(self.actor)

    def _fix_tip(self) -> str:
        if self.can_fix():
            return ""
        return self.tr("Masuk sebagai Operator atau Admin untuk memperbaiki.")

    def is_loading(self) -> bool:
        """True while the register is checked on the read worker."""
        return self._loading

    def reload(self) -> None:
        """Check the whole register on the read worker (it reads every employee)."""
        self._loading = True
        self.summary.setText(self.tr("Memuat…"))
        # Through DialogReads: a panel deleted with its view before the read ended is not
        # filled afterwards.
        self._reads.read(
            "register_checks",
            read_findings,
            self.db,
            self.lang,
            on_done=self._show_issues,
            on_error=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.summary.setText("")
        show_error(error, lang=self.lang, parent=self)

    def done(self, result: int) -> None:
        runner_for(self).finish_for(self)
        super().done(result)

    def _show_issues(self, findings: list[Finding]) -> None:
        self._loading = False
        self.issues = [f.issue for f in findings]
        self.model.set_rows(findings)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
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

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == COL_FIX and self.can_fix():
            self.fix(self.model.row_at(index.row()).issue.employee_uuid)

    def fix(self, uuid: str) -> None:
        """Open the form on the employee, then check again (the fix may solve several)."""
        self.fixer(uuid)
        self.reload()

    def fix_index(self, row: int) -> QModelIndex:
        """The "Perbaiki" cell of ``row`` (tests click its rectangle)."""
        return self.model.index(row, COL_FIX)

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
