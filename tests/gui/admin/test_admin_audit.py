"""The Jejak audit dialog: filters by user, record, kind and date; export to xlsx."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.gui.admin.audit import AuditDialog, SaveFileDialog
from kinerja_desktop.services.admin.accounts import create_user, set_active
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from tests.gui.conftest import wait_loaded

ADMIN = Actor("admin", frozenset({Role.ADMIN}))
PIMPINAN = Actor("pimpinan", frozenset({Role.PIMPINAN}))


@pytest.fixture
def db(demo_copy: Path):
    database = Database.open(demo_copy)
    siti = create_user(database, ADMIN, username="siti", display_name="Siti", roles="operator",
                       password="rahasia-siti")  # fmt: skip
    create_user(database, ADMIN, username="budi", display_name="Budi", roles="pimpinan",
                password="rahasia-budi")  # fmt: skip
    set_active(database, ADMIN, username="siti", active=False)
    database.siti_uuid = siti.uuid  # type: ignore[attr-defined]
    yield database
    database.close()


@pytest.fixture
def dialog(qtbot, db):
    dlg = AuditDialog(db, PIMPINAN)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    wait_loaded(qtbot, dlg)
    return dlg


def column(dlg: AuditDialog, col: int) -> list[str]:
    return [dlg.model.index(r, col).data() for r in range(dlg.model.rowCount())]


def test_lists_newest_first_and_shows_before_and_after(qtbot, dialog, db):
    assert column(dialog, 2) == ["Ubah", "Tambah", "Tambah"]
    assert column(dialog, 3) == ["Akun"] * 3
    assert dialog.count_label.text() == "3 entri"
    dialog.table.selectRow(0)
    detail = dialog.detail.toPlainText()
    assert '"active": true' in detail and '"active": false' in detail


def test_filters_by_kind_record_user_and_date(qtbot, dialog, db):
    dialog.entity_combo.setCurrentIndex(dialog.entity_combo.findData("user"))
    wait_loaded(qtbot, dialog)
    assert dialog.model.rowCount() == 3
    qtbot.keyClicks(dialog.record_edit, db.siti_uuid)
    wait_loaded(qtbot, dialog)
    assert column(dialog, 2) == ["Ubah", "Tambah"]
    dialog.record_edit.clear()
    wait_loaded(qtbot, dialog)
    dialog.user_combo.setCurrentText("pimpinan")
    wait_loaded(qtbot, dialog)
    assert dialog.model.rowCount() == 0 and dialog.count_label.text() == "0 entri"
    dialog.user_combo.setCurrentIndex(dialog.user_combo.findText("admin"))
    wait_loaded(qtbot, dialog)
    assert dialog.model.rowCount() == 3
    tomorrow = date.today() + timedelta(days=1)
    dialog.from_date.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    wait_loaded(qtbot, dialog)
    qtbot.mouseClick(dialog.from_check, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, dialog)
    assert dialog.from_check.isChecked() and dialog.model.rowCount() == 0
    qtbot.mouseClick(dialog.from_check, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, dialog)
    assert dialog.model.rowCount() == 3


def test_export_writes_what_the_filters_show(qtbot, monkeypatch, dialog, db, tmp_path):
    out = tmp_path / "audit"
    monkeypatch.setattr(
        SaveFileDialog, "ask", classmethod(lambda cls, *a: out.with_suffix(".xlsx"))
    )
    qtbot.keyClicks(dialog.record_edit, db.siti_uuid)
    wait_loaded(qtbot, dialog)
    with qtbot.waitSignal(dialog.runner.task_finished, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == f"2 entri jejak audit diekspor ke {out}.xlsx."
    rows = list(load_workbook(out.with_suffix(".xlsx"), read_only=True).active.iter_rows(
        values_only=True))  # fmt: skip
    assert [r[2] for r in rows[1:]] == ["Ubah", "Tambah"]
    assert all(r[4] == db.siti_uuid for r in rows[1:])
    assert dialog.export_button.isEnabled()


def test_an_operator_is_refused_by_the_service(qtbot, db):
    dlg = AuditDialog(db, Actor("operator", frozenset({Role.OPERATOR})))
    qtbot.addWidget(dlg)
    wait_loaded(qtbot, dlg)
    assert dlg.model.rowCount() == 0
    assert "tidak berwenang" in dlg.message.text()


def test_the_record_column_names_the_record_not_its_uuid(qtbot, dialog, db):
    dialog.record_edit.setText(db.siti_uuid)
    wait_loaded(qtbot, dialog)
    assert column(dialog, 4) == ["Akun siti (Siti)"] * 2
    index = dialog.model.index(0, 4)
    assert dialog.model.data(index, Qt.ItemDataRole.ToolTipRole) == db.siti_uuid
    dialog.table.selectRow(0)
    assert f"Rekaman: Akun siti (Siti)\nUUID: {db.siti_uuid}" in dialog.detail.toPlainText()
