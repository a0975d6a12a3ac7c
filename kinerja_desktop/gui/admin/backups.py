"""Cadangan: make a backup now, see the list with dates and sizes, verify one, restore one.

Anyone signed in may make and verify a backup (it changes no data); only an Admin restores,
and only on a database this copy of the app may write. A restore checks the file completely
and compares its office with this database's before it asks (:class:`RestoreConfirmDialog`,
where a backup of another office needs its code typed), then: the window lets go of the
database and disposes its engine (the file is replaced underneath every connection), the
service builds the restored copy and puts it in place in one step, and the window reopens the
file, also after a failure, whose message says what was and was not changed.
The signed-in user stays signed in when the restored file still has that account with the same
roles; otherwise the login is asked again (the accounts are part of what was restored).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe, text
from kinerja_desktop.gui.admin.common import fmt_size
from kinerja_desktop.gui.kit.empty_hint import show_when_empty
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.format import fmt_count, fmt_datetime, fmt_datetime_long
from kinerja_desktop.gui.kit.table_model import RIGHT, Column, RowTableModel

if TYPE_CHECKING:
    from kinerja_desktop.gui.main_window import MainWindow
    from kinerja_desktop.services.admin import BackupInfo


def _tr(source: str) -> str:
    return QCoreApplication.translate("Admin", source)


_REASONS = {
    "start": QT_TRANSLATE_NOOP("Admin", "Otomatis saat mulai"),
    "manual": QT_TRANSLATE_NOOP("Admin", "Dibuat manual"),
    "migrate": QT_TRANSLATE_NOOP("Admin", "Sebelum pembaruan skema"),
    "pre-restore": QT_TRANSLATE_NOOP("Admin", "Sebelum pemulihan"),
    "import": QT_TRANSLATE_NOOP("Admin", "Sebelum impor"),
    "sync-import": QT_TRANSLATE_NOOP("Admin", "Sebelum impor sinkronisasi"),
}


def reason_text(reason: str) -> str:
    source = _REASONS.get(reason)
    return _tr(source) if source else reason


BACKUP_COLUMNS: tuple[Column[Any], ...] = (
    Column(
        QT_TRANSLATE_NOOP("TableHeader", "Waktu"),
        lambda b: fmt_datetime(b.created_at),
        sort_key=lambda b: b.created_at,
    ),
    Column(QT_TRANSLATE_NOOP("TableHeader", "Keterangan"), lambda b: reason_text(b.reason)),
    Column(
        QT_TRANSLATE_NOOP("TableHeader", "Ukuran"),
        lambda b: fmt_size(b.size),
        sort_key=lambda b: b.size,
        align=RIGHT,
    ),
    Column(QT_TRANSLATE_NOOP("TableHeader", "Berkas"), lambda b: Path(b.path).name, elastic=200),
)


class RestoreConfirmDialog(QDialog):
    """The restore question; for another office's backup, "Pulihkan" stays disabled until that
    office's code is typed, so a wrong file from a shared stick cannot be restored by a click.
    "Batal" is the default button."""

    def __init__(
        self,
        question: str,
        *,
        confirm_code: str | None = None,
        code_prompt: str = "",
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restore_confirm")
        self.setWindowTitle(self.tr("Pulihkan cadangan"))
        self.confirm_code = confirm_code
        layout = QVBoxLayout(self)
        self.question = QLabel(question)
        self.question.setObjectName("restore_question")
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        self.note = QLabel(note)
        self.note.setObjectName("restore_note")
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        layout.addWidget(self.note)
        self.code_prompt = QLabel(code_prompt)
        self.code_prompt.setObjectName("restore_code_prompt")
        self.code_prompt.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("restore_office_code")
        self.code_edit.setPlaceholderText(self.tr("kode kantor cadangan"))
        self.code_edit.setMaxLength(32)
        for widget in (self.code_prompt, self.code_edit):
            widget.setVisible(confirm_code is not None)
            layout.addWidget(widget)
        # A plain row, not a QDialogButtonBox: the box makes "Pulihkan" the default when shown,
        # and Enter must never restore.
        self.yes = QPushButton(self.tr("Pulihkan"))
        self.yes.setObjectName("restore_yes")
        self.yes.setAutoDefault(False)
        self.yes.clicked.connect(self.accept)
        self.no = QPushButton(self.tr("Batal"))
        self.no.setObjectName("restore_no")
        self.no.setDefault(True)
        self.no.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.yes)
        buttons.addWidget(self.no)
        layout.addLayout(buttons)
        self.code_edit.textChanged.connect(self._code_changed)
        self._code_changed()

    def typed_code(self) -> str:
        return self.code_edit.text().strip().upper()

    def _code_changed(self, *_args: object) -> None:
        self.yes.setEnabled(self.confirm_code is None or self.typed_code() == self.confirm_code)

    def accept(self) -> None:
        if self.yes.isEnabled():
            super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        question: str,
        *,
        confirm_code: str | None = None,
        code_prompt: str = "",
        note: str = "",
    ) -> str | None:
        """The typed office code ("" when none was asked for), or None when cancelled."""
        dialog = cls(question, confirm_code=confirm_code, code_prompt=code_prompt, note=note,
                     parent=parent)  # fmt: skip
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.typed_code() if confirm_code is not None else ""


class BackupDialog(QDialog):
    """The backups of the window's database file."""

    def __init__(self, window: MainWindow, *, lang: str = "id", parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setObjectName("backup_dialog")
        self.setWindowTitle(self.tr("Cadangan"))
        self.resize(820, 460)
        self.window_ = window
        self.lang = lang
        db = window.database
        assert db is not None
        # A file, or a server database's address (its dumps, made with pg_dump).
        self.db_path: Any = db.path
        self.on_server = db.is_server
        self.runner = window.task_runner

        from kinerja_desktop.services.admin import backup_folder_for

        where = QLabel(
            self.tr("Database: {path}<br>Folder cadangan: {folder}").format(
                path=self.db_path, folder=backup_folder_for(self.db_path)
            )
        )
        where.setObjectName("backup_where")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)

        self.model: RowTableModel[Any] = RowTableModel(BACKUP_COLUMNS, self)
        self.table = QTableView()
        self.table.setObjectName("backup_table")
        self.table.setModel(self.model)
        self.table_empty = show_when_empty(self.table, self.tr("Belum ada cadangan."))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)

        self.make_button = QPushButton(self.tr("Buat cadangan sekarang"))
        self.make_button.setObjectName("make_backup")
        self.make_button.clicked.connect(self.make_now)
        self.verify_button = QPushButton(self.tr("Periksa"))
        self.verify_button.setObjectName("verify_backup")
        self.verify_button.clicked.connect(self.verify_selected)
        self.restore_button = QPushButton(self.tr("Pulihkan…"))
        self.restore_button.setObjectName("restore_backup")
        self.restore_button.clicked.connect(self.restore_selected)
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.accept)
        self.message = QLabel()
        self.message.setObjectName("backup_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        for button in (self.make_button, self.verify_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        actor = window.actor
        from kinerja_desktop.services.admin import is_read_only

        writable = not is_read_only(db)
        self.make_button.setVisible(actor is not None)
        self.restore_button.setVisible(actor is not None and actor.has(Role.ADMIN) and writable)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.reload()

    # -- list ---------------------------------------------------------------------------------

    def reload(self) -> None:
        from kinerja_desktop.services.admin import list_backups

        self.model.set_rows(list_backups(self.db_path))
        self.table.resizeColumnsToContents()
        if self.model.rowCount():
            self.table.selectRow(0)
        self._selection_changed()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_path(self, path: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).path == path:
                self.table.selectRow(row)

    def _selection_changed(self, *_args: object) -> None:
        chosen = self.selected() is not None
        self.verify_button.setEnabled(chosen)
        self.restore_button.setEnabled(chosen)

    def _busy(self, busy: bool) -> None:
        for button in (self.make_button, self.verify_button, self.restore_button):
            button.setEnabled(not busy)
        if not busy:
            self._selection_changed()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, KinerjaError):
            self.message.setText(describe(error, self.lang))
        else:
            show_error(error, lang=self.lang, parent=self)

    # -- actions ------------------------------------------------------------------------------

    def make_now(self) -> None:
        from kinerja_desktop.services.admin import make_backup

        def done(info: BackupInfo) -> None:
            self._busy(False)
            self.reload()
            self.select_path(info.path)
            said = text("admin.backup_made", self.lang, name=Path(info.path).name,
                        size=fmt_size(info.size))  # fmt: skip
            if info.budget is not None and info.budget.over:
                said += "\n" + text("backup.over_budget", self.lang, used=info.budget.used_mb,
                                     budget=info.budget.budget_mb)  # fmt: skip
            self.message.setText(said)

        self._busy(True)
        self.runner.run(
            make_backup,
            self.db_path,
            on_done=done,
            on_error=self._failed,
            title=self.tr("Membuat cadangan…"),
            progress_delay_ms=400,
            parent=self,
        )

    def verify_selected(self) -> None:
        from kinerja_desktop.services.admin import verify_backup, verify_server_backup

        chosen = self.selected()
        if chosen is None:
            return
        try:
            # A dump is read back by pg_restore --list; a file by its full check.
            (verify_server_backup if self.on_server else verify_backup)(Path(chosen.path))
        except KinerjaError as err:
            self.message.setText(describe(err, self.lang))
            return
        self.message.setText(text("admin.backup_ok", self.lang, name=Path(chosen.path).name))

    def _counts_text(self) -> str:
        # Counted only now, for the restore question: the window's status bar info skips the
        # counts, which read every row of the largest tables.
        from kinerja_desktop.services.common import database_info

        db = self.window_.database
        if db is None:
            return ""
        try:
            counts = database_info(db).counts
        except KinerjaError:
            return ""
        return self.tr(
            "{employees} pegawai, {indicators} indikator, {evaluations} evaluasi"
        ).format(
            employees=fmt_count(counts.get("employees", 0)),
            indicators=fmt_count(counts.get("indicators", 0)),
            evaluations=fmt_count(counts.get("evaluations", 0)),
        )

    def restore_selected(self) -> bool:
        """Check, ask, then restore the selected backup; True when the database was replaced."""
        from kinerja_desktop.services.admin import plan_restore, restore_backup

        chosen = self.selected()
        actor = self.window_.actor
        if chosen is None or actor is None:
            return False
        if self.on_server:
            from kinerja_desktop.gui.admin.pg_restore import restore_on_server

            return restore_on_server(self, chosen, actor)
        backup = Path(chosen.path)
        try:
            plan = plan_restore(self.db_path, backup)  # a bad file is refused before asking
        except KinerjaError as err:
            self.message.setText(describe(err, self.lang))
            return False
        question = text(
            "admin.restore_question",
            self.lang,
            path=self.db_path.name,
            counts=self._counts_text(),
            when=fmt_datetime_long(chosen.created_at) if chosen.created_at else "?",
            name=backup.name,
        )
        prompt = ""
        if plan.confirm_code is not None:
            prompt = text(
                "restore.office_question",
                self.lang,
                backup_code=plan.confirm_code,
                backup_name=plan.backup.office_name or "?",
                live_code=plan.live_code or "?",
            )
        note = text(plan.note, self.lang) if plan.note else ""
        typed = RestoreConfirmDialog.ask(
            self, question, confirm_code=plan.confirm_code, code_prompt=prompt, note=note
        )
        if typed is None:
            return False
        # Let go of the file and dispose the engine: the restore replaces the file underneath
        # every connection, and on Windows an open handle would block the replace.
        db = self.window_.database
        self.window_.set_database(None)
        if db is not None:
            db.close()
        try:
            result = restore_backup(self.db_path, backup, actor, office_code=typed or None)
        except KinerjaError as err:
            self.window_.open_path(self.db_path)
            self._keep_or_ask_actor(actor)
            self.message.setText(describe(err, self.lang))
            return False
        self.window_.open_path(self.db_path)
        self._keep_or_ask_actor(actor)
        self.window_.apply_changes(result.changes)
        self.reload()
        done = text("admin.restored", self.lang, name=backup.name,
                    safety=Path(result.safety_backup).name or "-")  # fmt: skip
        self.message.setText(f"{note} {done}".strip() if note else done)
        return True

    def _keep_or_ask_actor(self, actor: Any) -> None:
        """Keep the user signed in only when the restored file holds the very same account
        (its uuid, not a name: a backup may hold another account called ``admin``), still
        active and with the same roles; otherwise ask who works now."""
        from kinerja_desktop.gui.admin.login import sign_in
        from kinerja_desktop.services.admin import actor_for, list_users

        db = self.window_.database
        if db is None:
            return
        uuid = getattr(actor, "account_uuid", None)
        same = next(
            (
                u
                for u in list_users(db)
                if uuid is not None and u.uuid == uuid and u.active and u.roles == actor.roles
            ),
            None,
        )
        if same is not None:
            # Rebuilt from the restored account so refusals are audited in the reopened file.
            self.window_.set_actor(actor_for(same, db))
        else:
            sign_in(self.window_, lang=self.lang)

    def done(self, result: int) -> None:
        self.runner.finish_for(self)
        super().done(result)
