"""The Pegawai view on the demo database: office tree, filters, actions, permissions, undo.

Dialogs open through ``ask()`` classmethods; the tests replace them with a clerk who fills in
the real dialog and clicks its button, then check the database.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from kinerja_desktop.domain.enums import EmploymentType, JobKind, LeaveReason, Role
from kinerja_desktop.gui.kit.errors import ErrorDialog
from kinerja_desktop.gui.register.form import EmployeeFormDialog
from kinerja_desktop.gui.register.history import Confirm, LeavingDialog, MutasiDialog
from kinerja_desktop.gui.register.view import EmployeesView
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.register.employee_admin import get_employee
from kinerja_desktop.services.register.employees import list_employees
from tests.gui.conftest import wait_loaded

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
PIMPINAN = Actor("pimpinan", frozenset({Role.PIMPINAN}))


@pytest.fixture
def view(qtbot, db) -> EmployeesView:
    widget = EmployeesView()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.set_database(db)
    widget.set_actor(OPERATOR)
    widget.show()
    qtbot.waitExposed(widget)
    wait_loaded(qtbot, widget)
    return widget


@pytest.fixture
def errors(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        ErrorDialog, "present", classmethod(lambda cls, m, d="", p=None: shown.append(m))
    )
    return shown


def tree_item(view: EmployeesView, code: str):
    item = view.office_tree.item_of(code)
    assert item is not None, code
    return item


def select(view: EmployeesView, uuid: str) -> None:
    assert view.select_uuid(uuid)


def shown(view: EmployeesView) -> list:
    return view.model.rows()


def test_the_office_tree_narrows_the_table_and_counts(qtbot, view, db):
    total = len(list_employees(db))
    assert view.count_label.text() == f"Menampilkan {total} dari {total} pegawai"
    view.tree.setCurrentItem(tree_item(view, "PKM-NGL"))
    puskesmas = [r for r in list_employees(db) if r.office_code == "PKM-NGL"]
    assert {r.office_code for r in shown(view)} == {"PKM-NGL"}
    assert view.count_label.text() == f"Menampilkan {len(puskesmas)} dari {total} pegawai"
    # The kecamatan shows its sub-offices too, unless asked not to.
    view.tree.setCurrentItem(tree_item(view, "NGL"))
    assert len(shown(view)) == total
    qtbot.mouseClick(view.include_children, Qt.MouseButton.LeftButton)
    assert {r.office_code for r in shown(view)} == {"NGL"}


def test_filters_for_status_golongan_jenis_jabatan_and_active(qtbot, view, db):
    rows = list_employees(db)
    view.type_filter.setCurrentIndex(view.type_filter.findData(EmploymentType.PPPK))
    assert shown(view) and all(r.employment_type == EmploymentType.PPPK for r in shown(view))
    grades = [view.grade_filter.itemData(i) for i in range(view.grade_filter.count())]
    assert "V" in grades and "III/a" not in grades
    view.grade_filter.setCurrentIndex(view.grade_filter.findData("V"))
    assert len(shown(view)) == sum(
        1 for r in rows if r.employment_type == EmploymentType.PPPK and r.grade == "V"
    )
    view.type_filter.setCurrentIndex(0)
    view.grade_filter.setCurrentIndex(0)
    view.kind_filter.setCurrentIndex(view.kind_filter.findData(JobKind.FUNGSIONAL))
    assert len(shown(view)) == sum(1 for r in rows if r.job_kind == JobKind.FUNGSIONAL)
    view.kind_filter.setCurrentIndex(0)
    view.active_filter.setCurrentIndex(view.active_filter.findData(False))
    inactive = [r for r in rows if not r.active]
    assert inactive and len(shown(view)) == len(inactive)


def test_search_by_name_or_nip_with_or_without_spaces(qtbot, view, db):
    row = list_employees(db)[5]
    qtbot.keyClicks(view.search, row.nip_display)
    assert [r.uuid for r in shown(view)] == [row.uuid]
    view.search.clear()
    qtbot.keyClicks(view.search, row.nip[:10])
    assert row.uuid in [r.uuid for r in shown(view)]
    view.search.clear()
    qtbot.keyClicks(view.search, row.name.split()[0].upper())
    assert row.uuid in [r.uuid for r in shown(view)]


def test_only_what_the_actor_may_do_is_enabled(qtbot, view, db):
    select(view, list_employees(db)[0].uuid)
    assert view.add_button.isEnabled() and view.mutasi_button.isEnabled()
    view.set_actor(PIMPINAN)
    assert not view.add_button.isEnabled() and not view.delete_button.isEnabled()
    assert not view.mutasi_button.isEnabled() and not view.action_import.isEnabled()
    assert view.edit_button.isEnabled() and view.edit_button.text() == "Lihat"
    assert view.action_export.isEnabled()
    view.set_actor(None)
    assert not view.add_button.isEnabled()


def fill_form(qtbot, jabatan: str):
    """A clerk who changes the jabatan and saves."""

    def ask(cls, parent, db, actor, uuid=None, *, lang="id", office_code=None):
        form = cls(db, actor, uuid, lang=lang, parent=parent, office_code=office_code)
        qtbot.addWidget(form)
        form.jabatan.selectAll()
        qtbot.keyClicks(form.jabatan, jabatan)
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        return form.saved

    return classmethod(ask)


def test_an_edit_can_be_undone(qtbot, view, db, monkeypatch):
    row = next(r for r in list_employees(db) if r.office_code == "NGL" and not r.is_head)
    monkeypatch.setattr(EmployeeFormDialog, "ask", fill_form(qtbot, "Analis Data"))
    select(view, row.uuid)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, view)
    assert get_employee(db, row.uuid).current.jabatan == "Analis Data"
    assert view.undo_button.isEnabled()
    assert row.full_name in view.undo_button.toolTip()
    assert "Analis Data" in [r.jabatan for r in shown(view) if r.uuid == row.uuid]
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, view)
    assert get_employee(db, row.uuid).current.jabatan == row.jabatan
    assert not view.undo_button.isEnabled()
    assert "Diurungkan" in view.last_message


def test_an_evaluated_employee_is_not_deleted_and_says_why(qtbot, view, db, monkeypatch, errors):
    boss = next(r for r in list_employees(db) if r.office_code == "NGL" and r.is_head)
    asked: list[str] = []
    monkeypatch.setattr(
        Confirm, "ask", classmethod(lambda cls, p, title, text, yes: asked.append(text) or True)
    )
    select(view, boss.uuid)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, view)
    assert asked and boss.full_name in asked[0]
    assert len(errors) == 1
    assert "tidak dapat dihapus" in errors[0] and boss.full_name in errors[0]
    assert get_employee(db, boss.uuid).active
    assert not view.undo_button.isEnabled()


def test_a_new_employee_deleted_and_brought_back(qtbot, view, db, monkeypatch):
    def ask(cls, parent, db_, actor, uuid=None, *, lang="id", office_code=None):
        form = cls(db_, actor, uuid, lang=lang, parent=parent, office_code=office_code)
        qtbot.addWidget(form)
        qtbot.keyClicks(form.nip, "19920415 201903 2 001")
        qtbot.keyClicks(form.name, "Rina Lestari")
        form.grade.setCurrentIndex(form.grade.findData("III/a"))
        qtbot.keyClicks(form.jabatan, "Pengelola Keuangan")
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        return form.saved

    monkeypatch.setattr(EmployeeFormDialog, "ask", classmethod(ask))
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda *a: True))
    view.tree.setCurrentItem(tree_item(view, "NGL"))
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, view)
    new = next(r for r in list_employees(db) if r.nip == "199204152019032001")
    assert new.office_code == "NGL"
    assert view.selected_row().uuid == new.uuid
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, view)
    assert all(r.nip != new.nip for r in list_employees(db))
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, view)
    back = next(r for r in list_employees(db) if r.nip == new.nip)
    assert back.uuid == new.uuid


def test_leaving_makes_inactive_and_undo_reactivates(qtbot, view, db, monkeypatch):
    row = next(r for r in list_employees(db) if r.office_code == "NGL" and not r.is_head)

    def ask(cls, parent, db_, actor, uuid, *, lang="id"):
        dialog = cls(db_, actor, uuid, lang=lang, parent=parent)
        qtbot.addWidget(dialog)
        dialog.reason.setCurrentIndex(dialog.reason.findData(LeaveReason.PENSIUN))
        qtbot.keyClicks(dialog.note, "SK 800/123")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.saved

    monkeypatch.setattr(LeavingDialog, "ask", classmethod(ask))
    select(view, row.uuid)
    qtbot.mouseClick(view.leave_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, view)
    detail = get_employee(db, row.uuid)
    assert not detail.active and detail.leave_reason == LeaveReason.PENSIUN
    assert detail.leave_date == date.today()
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, view)
    assert get_employee(db, row.uuid).active


def test_mutasi_keeps_the_history_and_can_be_undone(qtbot, view, db, monkeypatch):
    row = next(r for r in list_employees(db) if r.office_code == "NGL" and not r.is_head)
    seen: list[int] = []

    def ask(cls, parent, db_, actor, uuid, *, lang="id"):
        dialog = cls(db_, actor, uuid, lang=lang, parent=parent)
        qtbot.addWidget(dialog)
        seen.append(dialog.history.rowCount())
        dialog.jabatan.selectAll()
        qtbot.keyClicks(dialog.jabatan, "Kepala Seksi Pelayanan")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.saved

    monkeypatch.setattr(MutasiDialog, "ask", classmethod(ask))
    before = len(get_employee(db, row.uuid).history)
    select(view, row.uuid)
    qtbot.mouseClick(view.mutasi_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, view)
    detail = get_employee(db, row.uuid)
    assert seen == [before]
    assert len(detail.history) == before + 1
    assert detail.current.jabatan == "Kepala Seksi Pelayanan"
    assert detail.history[-2].jabatan == row.jabatan and detail.history[-2].end_date
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, view)
    assert get_employee(db, row.uuid).current.jabatan == row.jabatan


def test_a_mutasi_dated_in_the_future_is_refused_inline(qtbot, db):
    row = next(r for r in list_employees(db) if r.office_code == "NGL" and not r.is_head)
    dialog = MutasiDialog(db, OPERATOR, row.uuid)
    qtbot.addWidget(dialog)
    dialog.jabatan.selectAll()
    qtbot.keyClicks(dialog.jabatan, "Sama")
    dialog.start_date.set_value(date(2000, 1, 1))  # before the current start
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is None and dialog.error.text()
    assert get_employee(db, row.uuid).current.jabatan == row.jabatan


# -- keyboard and right-click access (the buttons stay the truth) ------------------------------


def clicks_of(button) -> list[bool]:
    """Replace what ``button`` does with a record of its clicks."""
    button.clicked.disconnect()
    seen: list[bool] = []
    button.clicked.connect(lambda _checked=False: seen.append(True))
    return seen


@pytest.mark.parametrize(
    ("name", "key", "modifier"),
    [
        ("add_button", Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),
        ("delete_button", Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
        ("undo_button", Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
    ],
)
def test_a_shortcut_clicks_its_button_only_while_enabled(qtbot, view, db, name, key, modifier):
    select(view, next(r for r in list_employees(db) if r.active).uuid)
    button = getattr(view, name)
    button.setEnabled(True)
    clicks = clicks_of(button)
    view.table.setFocus()
    qtbot.keyClick(view.table, key, modifier)
    assert clicks == [True]
    button.setEnabled(False)
    qtbot.keyClick(view.table, key, modifier)
    assert clicks == [True]


def test_enter_on_the_table_opens_the_selected_row(qtbot, view, db, monkeypatch):
    opened: list[str | None] = []

    def ask(cls, parent, db, actor, uuid=None, **_kw):
        opened.append(uuid)

    monkeypatch.setattr(EmployeeFormDialog, "ask", classmethod(ask))
    row = next(r for r in list_employees(db) if r.active)
    select(view, row.uuid)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == [row.uuid]


def test_right_click_selects_the_row_and_mirrors_the_row_buttons(qtbot, view):
    view.set_actor(PIMPINAN)
    view.table.clearSelection()
    view.table.customContextMenuRequested.emit(
        view.table.visualRect(view.model.index(2, 1)).center()
    )
    menus = [m for m in view.findChildren(QMenu) if m.isVisible()]
    assert len(menus) == 1
    assert view.selected_row() == view.model.row_at(2)
    entries = [(a.text(), a.isEnabled()) for a in menus[0].actions()]
    buttons = (view.edit_button, view.mutasi_button, view.leave_button, view.delete_button)
    assert entries == [(b.text(), b.isEnabled()) for b in buttons]
    # A reader may look at the row but not change it.
    assert entries[0] == ("Lihat", True) and not any(on for _text, on in entries[1:])
    menus[0].close()


def test_right_click_where_no_row_is_offers_nothing(qtbot, view):
    view.search.setText("tidak ada pegawai bernama ini")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    view.table.customContextMenuRequested.emit(QPoint(5, 5))
    assert not [m for m in view.findChildren(QMenu) if m.isVisible()]
