"""Empty tables in dialogs say they are empty (issue 14 point 4), and the hint goes away as
soon as a row arrives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTableWidget

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.gui.admin.audit import AuditDialog
from kinerja_desktop.gui.kit.empty_hint import show_when_empty
from kinerja_desktop.gui.sync.conflicts import ConflictsDialog
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from tests.gui.conftest import wait_loaded

ADMIN = Actor("admin", frozenset({Role.ADMIN}))


def test_hint_follows_the_rows_of_a_table_widget(qtbot) -> None:
    table = QTableWidget(0, 2)
    hint = show_when_empty(table, "Belum ada data.")
    qtbot.addWidget(table)
    table.resize(400, 300)
    table.show()
    qtbot.waitExposed(table)
    assert hint.text() == "Belum ada data."
    assert hint.label.geometry() == table.viewport().rect()
    table.setRowCount(1)
    assert hint.text() == "" and not hint.label.isVisible()
    table.setRowCount(0)
    assert hint.label.isVisible() and hint.text() == "Belum ada data."
    table.resize(500, 350)
    qtbot.waitUntil(lambda: hint.label.geometry() == table.viewport().rect())


def test_audit_dialog_says_when_no_entry_matches(qtbot, demo_copy: Path) -> None:
    with Database.open(demo_copy) as db:
        dialog = AuditDialog(db, ADMIN)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.keyClicks(dialog.record_edit, "no-such-record")
        assert dialog.model.rowCount() == 0
        assert dialog.table_empty.label.isVisible()
        assert dialog.table_empty.text() == "Tidak ada entri yang cocok dengan saringan ini."


def test_conflicts_dialog_without_conflicts_says_so(qtbot, demo_copy: Path) -> None:
    with Database.open(demo_copy) as db:
        dialog = ConflictsDialog(db, ADMIN)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        wait_loaded(qtbot, dialog)
        assert dialog.model.rowCount() == 0
        assert dialog.table_empty.text() == "Tidak ada konflik."
