"""The completion monitor dialog and the Evaluasi view's office filter."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt

from kinerja_desktop.gui.evaluation import asks, model as ev
from kinerja_desktop.gui.evaluation.model import CompletionTableModel
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation.completion import completion_summary
from kinerja_desktop.services.evaluation.realisations import find_evaluation
from tests.gui.evaluation_gui_helpers import click, make_view, wait_loaded


def test_completion_model_contract(qtmodeltester, demo_db_path):
    with Database.open(demo_db_path) as db:
        rows = completion_summary(db, "2026-Q3").rows
    model = CompletionTableModel()
    model.set_rows(list(rows))
    qtmodeltester.check(model)
    model.sort(ev.MON_STAGE, Qt.SortOrder.AscendingOrder)
    stages = [r.stage for r in model.rows()]
    assert stages[0] == "no_skp" and stages.index("not_started") < stages.index("no_rating")


def test_monitor_sorts_exports_and_starts(qtbot, db, tmp_path, monkeypatch):
    view = make_view(qtbot, db, "operator", "2026-Q3")
    monitor = view.open_monitor()
    wait_loaded(qtbot, monitor)
    assert monitor.period_combo.current_code() == "2026-Q3"
    total = monitor.model.rowCount()
    assert str(total) in monitor.counts.text() and "Belum dimulai" in monitor.counts.text()
    header = monitor.table.horizontalHeader()
    x = header.sectionViewportPosition(ev.MON_DAYS) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert monitor.model.sort_column() == ev.MON_DAYS
    # One office only.
    monitor.office_combo.setCurrentIndex(monitor.office_combo.findData("NGL"))
    wait_loaded(qtbot, monitor)
    assert {r.office_code for r in monitor.model.rows()} == {"NGL"}
    # Export.
    target = tmp_path / "monitor.xlsx"
    monkeypatch.setattr(asks.SaveFile, "ask", classmethod(lambda cls, *a: target))
    click(qtbot, monitor.export_btn)
    sheet = load_workbook(target)["Monitor"]
    assert sheet.max_row - 1 == monitor.model.rowCount()
    # Start the evaluation of someone who has not started.
    rows = monitor.model.rows()
    index = next(i for i, r in enumerate(rows) if r.stage == "not_started")
    person = rows[index]
    monitor.table.selectRow(index)
    click(qtbot, monitor.start_btn)
    wait_loaded(qtbot, monitor)
    uuid = find_evaluation(db, person.employee_uuid, "2026-Q3")
    assert uuid is not None
    row = next(r for r in monitor.model.rows() if r.employee_uuid == person.employee_uuid)
    assert row.stage == "no_realisation" and row.evaluation_uuid == uuid
    # Open it from the monitor.
    index = monitor.model.rows().index(row)
    monitor.table.selectRow(index)
    click(qtbot, monitor.open_btn)
    assert view.editor is not None and view.editor.uuid == uuid
    # The view lists it now (for that office).
    view.office_combo.setCurrentIndex(view.office_combo.findData("NGL"))
    wait_loaded(qtbot, view)
    assert uuid in {r.uuid for r in view.model.rows()}
    assert {r.office_code for r in view.model.rows()} == {"NGL"}


def test_reader_cannot_start(qtbot, db):
    view = make_view(qtbot, db, "pimpinan", "2026-Q3")
    monitor = view.open_monitor()
    wait_loaded(qtbot, monitor)
    assert not monitor.start_btn.isVisible()
    assert monitor.export_btn.isVisible()


def test_locked_period_shows_why_and_offers_nothing(qtbot, db):
    view = make_view(qtbot, db, "admin", "2026-Q1")
    view.table.selectRow(0)
    editor = view.open_selected()
    assert editor is not None
    wait_loaded(qtbot, editor)
    assert editor.detail.locked
    assert "dikunci" in editor.notice.text()
    for button in (editor.save_btn, editor.approve_btn, editor.reopen_btn):
        assert not button.isVisible()
    assert editor.plans_panel.isVisible() and not editor.plans_panel.form.isVisible()


def test_days_to_the_deadline_read_as_words(demo_db_path):
    import dataclasses

    with Database.open(demo_db_path) as db:
        rows = completion_summary(db, "2026-Q3").rows
    open_row = next(r for r in rows if r.stage != "done")
    late = dataclasses.replace(open_row, days_left=-4)
    soon = dataclasses.replace(open_row, days_left=1)
    model = CompletionTableModel()
    model.set_rows([late, soon])
    days = [model.index(row, ev.MON_DAYS).data() for row in range(2)]
    assert days == ["terlambat 4 hari", "1 hari lagi"]
    english = CompletionTableModel(lang="en")
    english.set_rows([late])
    assert english.index(0, ev.MON_DAYS).data() == "4 days late"
