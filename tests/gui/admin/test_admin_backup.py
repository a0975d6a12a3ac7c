"""The Cadangan dialog: make a backup, verify it, and restore it over later changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.gui.admin.backups import BackupDialog, RestoreConfirmDialog
from kinerja_desktop.gui.admin.login import LoginDialog
from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.startup import Startup
from kinerja_desktop.services.admin.accounts import create_user
from kinerja_desktop.services.admin.backups import list_backups
from kinerja_desktop.services.admin.setup import init_office
from tests.gui.conftest import wait_idle, wait_loaded

# What a restore itself changes (its audit entry and the "next export is full" marks).
RESTORE_BOOKKEEPING = {"audit_entries", "settings", "sync_partners"}


def table_rows(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
            for t in tables
            if t not in RESTORE_BOOKKEEPING
        }
    finally:
        con.close()


@pytest.fixture
def admin_window(qtbot, monkeypatch, demo_copy: Path):
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, *a, **k: None))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    runner = TaskRunner(window, progress_delay_ms=50)
    startup = Startup(window, runner, auto_login=("admin", "demo-admin"))
    startup.start(demo_copy)
    # The automatic backup is one of several tasks at start (sign-in, view reads): wait for
    # its file and for the runner to be idle, not for the first task that ends.
    from kinerja_desktop.services.admin import list_backups

    qtbot.waitUntil(lambda: bool(list_backups(demo_copy)) and not runner.is_busy(), timeout=20_000)
    yield window
    runner.shutdown()
    startup.release()
    window.close()


def open_dialog(window: MainWindow) -> BackupDialog:
    window.findChild(QAction, "action_backups").trigger()
    dialog = window.findChild(BackupDialog, "backup_dialog")
    assert dialog is not None
    return dialog


def test_backup_made_now_is_listed_with_date_and_size(qtbot, admin_window):
    dialog = open_dialog(admin_window)
    assert dialog.model.rowCount() == 1  # the automatic one at start
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog.runner)  # the write and the refresh reads it starts
    assert dialog.model.rowCount() == 2
    newest = dialog.selected()
    assert newest is not None and newest.reason == "manual"
    assert "Cadangan dibuat" in dialog.message.text()
    row = dialog.table.selectionModel().selectedRows()[0].row()
    cells = [dialog.model.index(row, c).data() for c in range(dialog.model.columnCount())]
    assert cells[1] == "Dibuat manual"
    assert cells[2].endswith(("KB", "MB")) and cells[3] == Path(newest.path).name
    qtbot.mouseClick(dialog.verify_button, Qt.MouseButton.LeftButton)
    assert "utuh dan dapat dipulihkan" in dialog.message.text()
    dialog.reject()


def test_restore_from_the_dialog_returns_exactly_the_backed_up_data(
    qtbot, monkeypatch, admin_window
):
    window = admin_window
    db_path = window.database.path
    dialog = open_dialog(window)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog.runner)  # the write and the refresh reads it starts
    chosen = dialog.selected()
    assert chosen is not None
    saved = table_rows(Path(chosen.path))
    assert saved == table_rows(db_path)

    # Work goes on after the backup: a new account.
    create_user(window.database, window.actor, username="siti", display_name="Siti",
                roles="operator", password="rahasia-siti")  # fmt: skip
    changed = table_rows(db_path)
    assert changed != saved

    questions: list[str] = []

    def confirm(cls, parent, text, **kwargs):
        questions.append(text)
        assert kwargs["confirm_code"] is None  # the same office: no code to type
        return ""

    monkeypatch.setattr(RestoreConfirmDialog, "ask", classmethod(confirm))
    old_db = window.database
    dialog.select_path(chosen.path)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert len(questions) == 1
    assert Path(chosen.path).name in questions[0] and db_path.name in questions[0]
    assert "100 pegawai" in questions[0]  # what will be replaced
    assert table_rows(db_path) == saved
    # The window reopened the file and the admin stays signed in (same account in the backup).
    assert window.database is not None and window.database is not old_db
    assert window.actor is not None and window.actor.username == "admin"
    wait_loaded(qtbot, window.views["employees"])
    assert window.views["employees"].model.rowCount() == 100
    assert "dipulihkan" in dialog.message.text()
    # The state before the restore was kept and can itself be restored.
    safety = [b for b in list_backups(db_path) if b.reason == "pre-restore"]
    assert len(safety) == 1 and table_rows(Path(safety[0].path)) == changed
    dialog.reject()


def test_declined_restore_changes_nothing(qtbot, monkeypatch, admin_window):
    window = admin_window
    dialog = open_dialog(window)
    before = table_rows(window.database.path)
    db = window.database
    monkeypatch.setattr(RestoreConfirmDialog, "ask", classmethod(lambda cls, *a, **k: None))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert window.database is db and table_rows(db.path) == before
    assert [b.reason for b in list_backups(db.path)] == ["start"]
    dialog.reject()


def test_a_file_that_is_not_a_backup_is_refused_before_asking(qtbot, monkeypatch, admin_window):
    window = admin_window
    dialog = open_dialog(window)
    chosen = dialog.selected()
    Path(chosen.path).write_bytes(b"bukan cadangan" * 100)
    asked: list[str] = []
    monkeypatch.setattr(
        RestoreConfirmDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(a))
    )
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert asked == [] and window.database is not None
    assert chosen.path in dialog.message.text()
    assert "bukan database Kinerja Desktop" in dialog.message.text()
    dialog.reject()


def test_confirmation_of_another_offices_backup_needs_its_code_typed(qtbot):
    dialog = RestoreConfirmDialog("Ganti database?", confirm_code="NGL-GRL",
                                  code_prompt="Ketik NGL-GRL untuk memulihkan.")  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.code_edit.isVisible() and not dialog.yes.isEnabled()
    assert dialog.no.isDefault()
    qtbot.keyClicks(dialog.code_edit, "NGL")
    assert not dialog.yes.isEnabled()
    qtbot.keyClicks(dialog.code_edit, "-srj")
    assert not dialog.yes.isEnabled()  # the wrong office
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, "ngl-grl")
    assert dialog.yes.isEnabled()
    qtbot.mouseClick(dialog.yes, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.typed_code() == "NGL-GRL"


def test_restoring_another_offices_backup_after_typing_its_code(
    qtbot, monkeypatch, admin_window, tmp_path: Path
):
    window = admin_window
    db_path = window.database.path
    other = tmp_path / "grl" / "office.sqlite"
    init_office(other, code="NGL-GRL", name="Kelurahan Gurun Laweh", kind=OfficeKind.KELURAHAN,
                admin_password="admin-rahasia")  # fmt: skip
    # A backup of another office, copied by hand into this database's backup folder.
    foreign = db_path.parent / "backups" / "demo-20260101-000000-manual.sqlite"
    con = sqlite3.connect(other)
    target = sqlite3.connect(foreign)
    con.backup(target)
    target.close()
    con.close()
    dialog = open_dialog(window)
    dialog.reload()
    dialog.select_path(str(foreign))
    shown: list[RestoreConfirmDialog] = []

    def type_the_code(cls, parent, question, **kwargs):
        confirm = cls(question, parent=parent, **kwargs)
        confirm.show()
        shown.append(confirm)
        assert "NGL-GRL" in confirm.code_prompt.text() and "NGL" in confirm.code_prompt.text()
        qtbot.mouseClick(confirm.yes, Qt.MouseButton.LeftButton)
        assert confirm.isVisible()  # not accepted without the code
        qtbot.keyClicks(confirm.code_edit, "ngl-grl")
        qtbot.mouseClick(confirm.yes, Qt.MouseButton.LeftButton)
        assert confirm.result() == QDialog.DialogCode.Accepted
        return confirm.typed_code()

    monkeypatch.setattr(RestoreConfirmDialog, "ask", classmethod(type_the_code))
    old_db = window.database
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, *a, **k: None))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    # The window's engine was disposed before the file was replaced, and it reopened the file.
    assert old_db.engine.pool.checkedin() == 0 and window.database is not old_db
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("SELECT code FROM offices").fetchall() == [("NGL-GRL",)]
    finally:
        con.close()
    assert "dipulihkan" in dialog.message.text()
    assert foreign.exists()
    dialog.reject()


def test_a_same_named_account_of_another_identity_must_sign_in_again(
    qtbot, monkeypatch, admin_window
):
    """ "The same account" is its uuid: a backup whose ``admin`` is another account (same name,
    same roles) does not keep the signed-in admin."""
    window = admin_window
    signed_in = window.actor
    assert signed_in is not None and signed_in.account_uuid
    db_path = window.database.path
    con = sqlite3.connect(db_path)
    with con:
        con.execute("UPDATE users SET uuid = 'ffffffff-0000-4000-8000-000000000001' "
                    "WHERE username = 'admin'")  # fmt: skip
    con.close()
    dialog = open_dialog(window)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog.runner)  # the write and the refresh reads it starts
    chosen = dialog.selected()
    assert chosen is not None
    asked: list[object] = []
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(a)))
    monkeypatch.setattr(RestoreConfirmDialog, "ask", classmethod(lambda cls, *a, **k: ""))
    dialog.select_path(chosen.path)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "dipulihkan" in dialog.message.text()
    assert len(asked) == 1  # the sign-in was asked for
    assert window.actor is None  # nobody kept the old admin's powers
    dialog.reject()


def test_a_backup_over_the_folder_budget_says_so_in_the_dialog(qtbot, admin_window):
    from dataclasses import replace

    from kinerja_desktop.services.admin.settings import load_settings, save_settings
    from kinerja_desktop.services.common.actor import SYSTEM

    db = admin_window.database
    save_settings(db, SYSTEM, replace(load_settings(db), backup_budget_mb=1))
    dialog = open_dialog(admin_window)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog.runner)  # the write and the refresh reads it starts
    said = dialog.message.text()
    assert "Cadangan dibuat" in said
    assert "Peringatan: folder cadangan memakai" in said and "melebihi batas 1 MB" in said
    # The start-up backup of today was an extra copy once this one was made: removed.
    assert dialog.model.rowCount() == 1
    dialog.reject()
