"""Reminders at sign-in and on the status bar, per role (issue 20): the lines shown are the
service's figures, read off the GUI thread, and a click opens the filtered list behind each."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, date, datetime, timedelta

import pytest

from kinerja_desktop.domain.enums import EvaluationStatus, Role
from kinerja_desktop.gui import reminders as reminders_module
from kinerja_desktop.gui.evaluation.monitor import CompletionDialog
from kinerja_desktop.gui.kit.table_model import ROW_ROLE
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.services.common import Actor
from kinerja_desktop.services.evaluation import list_evaluations
from kinerja_desktop.services.sync import reminders_for
from tests.services.sync.test_reminders import TODAY, _package, _partner, _penilai


@pytest.fixture
def window(qtbot, db):
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1366, 728)
    win.set_database(db)
    win.reminders.today = TODAY
    win.show()
    qtbot.waitExposed(win)
    return win


def _sign_in(qtbot, window, actor):
    window.set_actor(actor)
    qtbot.waitUntil(lambda: not window.task_runner.is_busy(), timeout=30_000)
    return window.reminders


def _texts(panel) -> list[str]:
    assert panel.dialog is not None and panel.dialog.isVisible()
    return [button.text() for button in panel.dialog.buttons]


def test_a_penilai_sees_what_waits_for_them_and_opens_it(qtbot, window, db, demo_copy, monkeypatch):
    threads = []
    real = reminders_module.reminder_lines

    def spy(found, lang="id"):
        threads.append(threading.current_thread())
        return real(found, lang)

    monkeypatch.setattr(reminders_module, "reminder_lines", spy)
    import kinerja_desktop.services.sync as sync_room

    readers = []

    def read_spy(*args, **kwargs):
        readers.append(threading.current_thread())
        return reminders_for(*args, **kwargs)

    monkeypatch.setattr(sync_room, "reminders_for", read_spy)
    actor = _penilai(demo_copy)
    with sqlite3.connect(demo_copy) as conn:  # one SKP of their staff submitted for approval
        conn.execute(
            "UPDATE skp SET status = 'submitted' WHERE id = (SELECT s.id FROM skp s "
            "JOIN assignments a ON a.employee_id = s.employee_id JOIN employees p "
            "ON p.id = a.atasan_id WHERE p.uuid = ? AND a.end_date IS NULL LIMIT 1)",
            (actor.employee_uuid,),
        )
    panel = _sign_in(qtbot, window, actor)
    expected = reminders_for(db, actor, today=TODAY)
    texts = _texts(panel)
    assert len(texts) == len(expected.evaluations_waiting) + (expected.skp_waiting > 0)
    first = expected.evaluations_waiting[0]
    assert texts[0].startswith(f"{first.count} evaluasi Diajukan menunggu penilaian Anda")
    assert expected.skp_waiting == 1
    assert "1 SKP menunggu persetujuan Anda" in texts
    assert panel.button.isVisible()
    assert panel.button.text() == f"{len(texts)} pengingat"
    assert window.statusBar().isAncestorOf(panel.button)
    # Computed by the service on the read worker; worded on the GUI thread.
    assert threads == [threading.main_thread()]
    assert readers and threading.main_thread() not in readers
    # A click opens Evaluasi on that period, only the Diajukan ones of the penilai's own staff
    # (even when the penilai had unticked "Yang saya nilai"), and closes the window.
    evaluations = window.views["evaluations"]
    evaluations.mine_check.setChecked(False)
    qtbot.mouseClick(panel.dialog.buttons[0], reminders_module.Qt.MouseButton.LeftButton)
    assert window.current_view() is evaluations
    qtbot.waitUntil(lambda: evaluations.period_combo.current_code() == first.period, timeout=30_000)
    qtbot.waitUntil(lambda: not evaluations.is_loading(), timeout=30_000)
    assert evaluations.mine_check.isChecked()
    assert panel.dialog is None or not panel.dialog.isVisible()
    listed = _rows(evaluations)
    assert len(listed) == first.count
    assert {row.status for row in listed} == {EvaluationStatus.SUBMITTED}
    assert {row.penilai_uuid for row in listed} == {actor.employee_uuid}
    everything = list_evaluations(db, period=first.period)
    assert len(everything) > len(listed)  # the filter is what narrowed the list
    assert "Diajukan" in evaluations.info_label.text()
    # Another period lists every status again.
    evaluations.period_combo.setCurrentIndex((evaluations.period_combo.currentIndex() + 1)
                                             % evaluations.period_combo.count())  # fmt: skip
    qtbot.waitUntil(lambda: not evaluations.is_loading(), timeout=30_000)
    assert evaluations.status_filter is None


def _rows(view) -> list:
    model = view.table.model()
    return [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]


def test_a_clerk_sees_each_office_behind_and_the_deadline(qtbot, window, db):
    actor = Actor("operator", frozenset({Role.OPERATOR}))
    panel = _sign_in(qtbot, window, actor)
    expected = reminders_for(db, actor, today=TODAY)
    assert expected.backlog
    texts = _texts(panel)
    for line, office in zip(texts, expected.backlog, strict=False):
        assert line.startswith(
            f"{office.office_code}: {office.missing} dari {office.total} pegawai"
        )
        assert "Triwulan IV 2026" in line
    assert texts[len(expected.backlog)] == (
        f"Batas waktu periode: 10-01-2027 ({expected.days_left} hari lagi)"
    )
    # Clicking an office opens the completion monitor of that office and period.
    row = 1 if len(expected.backlog) > 1 else 0
    panel.dialog.buttons[row].click()
    dialog = window.findChild(CompletionDialog)
    assert dialog is not None and dialog.isVisible()
    office = expected.backlog[row].office_code
    qtbot.waitUntil(lambda: dialog.office_combo.currentData() == office, timeout=30_000)
    assert dialog.period_combo.current_code() == "2026-Q4"


def test_admin_sees_overdue_partners_and_opens_sync(qtbot, window, db):
    noon = datetime(2026, 10, 5, 12, 0, tzinfo=UTC)
    with db.uow() as uow:
        _partner(uow.session, "NGL-KLO", noon - timedelta(days=90))
        _package(uow.session, "NGL-KLO", noon - timedelta(days=20), 1)
        _partner(uow.session, "NGL-GRL", noon - timedelta(days=30))
        uow.commit()
    panel = _sign_in(qtbot, window, Actor("admin", frozenset({Role.ADMIN})))
    texts = _texts(panel)
    assert texts == [
        "Paket dari NGL-GRL belum pernah datang (30 hari sejak didaftarkan)",
        f"Paket dari NGL-KLO belum datang sejak {date(2026, 9, 15):%d-%m-%Y} (20 hari)",
    ]
    panel.dialog.buttons[1].click()
    assert window.current_view() is window.views["sync"]


def test_the_window_is_dismissed_and_the_status_bar_opens_it_again(qtbot, window):
    panel = _sign_in(qtbot, window, Actor("operator", frozenset({Role.OPERATOR})))
    count = len(_texts(panel))
    panel.dialog.reject()
    assert not panel.dialog.isVisible()
    assert panel.button.text().endswith(f"{count} pengingat")
    qtbot.mouseClick(panel.button, reminders_module.Qt.MouseButton.LeftButton)
    assert len(_texts(panel)) == count
    window.set_actor(None)  # signing out closes it and empties the status bar
    assert not panel.dialog.isVisible() and not panel.button.isVisible()


def test_nothing_due_shows_nothing(qtbot, window):
    panel = _sign_in(qtbot, window, Actor("camat", frozenset({Role.PIMPINAN})))
    assert panel.lines == [] and panel.dialog is None
    assert not panel.button.isVisible()
    window.set_actor(None)
    assert not panel.button.isVisible()
