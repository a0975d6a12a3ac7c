"""No view refresh, count, completion monitor or audit load calls a service on the GUI thread.

Issue 16 ("Must hold"): every function on the rooms' front doors (``EXPORTS``) is wrapped so
that it records whether it ran on the main thread; the test then opens the window on the
demo database, shows every view (and the Indikator tabs), changes a view's choice, types in a
search box, and opens the register check, the completion monitor, the audit trail, the SKP
editor and the evaluation editor, waiting each time until the read worker delivered. A call on
the main thread fails the test unless its name is in :data:`ALLOWED`, each with the reason it
is not a refresh.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import threading
from collections.abc import Callable
from typing import Any

import pytest

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.services.common import Actor
from tests.gui.conftest import wait_loaded

ROOMS = ("common", "register", "plans", "evaluation", "office_eval", "reporting", "sync", "admin")

#: Front-door functions the GUI thread may call while views load, and why.
ALLOWED: dict[str, str] = {
    "database_info": "the status bar's file facts when a database opens: start-up work "
    "(main_window.set_database, issue 16 item 2), not a view refresh",
    "action_label": "words an audit action code for a cell; a dictionary lookup, no database",
    "entity_label": "words a kind of record for a cell; a dictionary lookup, no database",
    "is_read_only": "the menus read the open handle's read-only flag; no query",
    "parse_value": "the evaluation grid checks a typed realisation number as it draws a cell; "
    "pure parsing, no database",
    "lowest_done": "the Dasbor picks the offices its chart can name from figures already read; "
    "a sort of a small mapping, no database",
    "furthest_behind": "the same cut of the Dasbor's IKU and IKM figures already read; no database",
    "period_targets": "the catalogue editor splits a typed annual target over the periods; "
    "arithmetic on the form's values, no database",
}

ADMIN = Actor("admin", frozenset({Role.ADMIN}))


def _guarded(name: str, fn: Callable[..., Any], calls: list[tuple[str, bool]]) -> Any:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append((name, threading.current_thread() is threading.main_thread()))
        return fn(*args, **kwargs)

    return wrapper


@pytest.fixture
def service_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """(name, on the main thread) of every front-door function called from now on."""
    calls: list[tuple[str, bool]] = []
    for room in ROOMS:
        door = importlib.import_module(f"kinerja_desktop.services.{room}")
        for names in door.EXPORTS.values():
            for name in names:
                target = getattr(door, name)
                if inspect.isfunction(target):
                    # Into the package's dict, so the undo removes it again: the front door
                    # serves names uncached and other tests patch the room's private modules.
                    monkeypatch.setitem(vars(door), name, _guarded(name, target, calls))
    return calls


def _on_main(calls: list[tuple[str, bool]]) -> list[str]:
    return sorted({name for name, main in calls if main and name not in ALLOWED})


def _open_every_view(qtbot: Any, window: Any) -> None:
    from kinerja_desktop.gui.main_window import VIEW_NAMES
    from kinerja_desktop.gui.plans.view import TAB_CASCADE, TAB_IKU, TAB_SKP

    for name in VIEW_NAMES:
        view = window.select_view(name)
        wait_loaded(qtbot, view)
        assert not view.is_loading()
    indicators = window.select_view("indicators")
    for tab in (TAB_SKP, TAB_CASCADE, TAB_IKU):
        indicators.tabs.setCurrentIndex(tab)
        wait_loaded(qtbot, indicators)
    evaluations = window.select_view("evaluations")
    evaluations.period_combo.setCurrentIndex(evaluations.period_combo.count() - 1)
    wait_loaded(qtbot, evaluations)
    reports = window.select_view("reports")
    reports.period_combo.setCurrentIndex(reports.period_combo.count() - 1)
    wait_loaded(qtbot, reports)
    window.notify_changed()  # every view stale again; the visible one reloads at once
    wait_loaded(qtbot, reports)


def _open_the_two_editors(qtbot: Any, window: Any) -> None:
    """The SKP editor and the evaluation editor, opened from their views as a double click
    does (issue 16: opening them read the plan, the list and the choices on the GUI thread)."""
    from kinerja_desktop.gui.plans.view import TAB_SKP

    skp = window.select_view("indicators")
    skp.tabs.setCurrentIndex(TAB_SKP)
    wait_loaded(qtbot, skp)
    panel = skp.skp_panel
    panel.table.selectRow(0)
    editor = panel.open_selected()
    assert editor is not None
    wait_loaded(qtbot, editor)
    assert editor.detail is not None
    editor.reject()
    evaluations = window.select_view("evaluations")
    assert evaluations.period_combo.select_code("2026-Q3")
    wait_loaded(qtbot, evaluations)
    evaluations.table.selectRow(0)
    editor = evaluations.open_selected()
    assert editor is not None
    wait_loaded(qtbot, editor)
    assert editor.detail.uuid == editor.uuid
    editor.reject()


def test_views_and_heavy_dialogs_read_off_the_gui_thread(qtbot, demo_db, service_calls):
    from kinerja_desktop.gui.admin.audit import AuditDialog
    from kinerja_desktop.gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_actor(ADMIN)
    window.set_database(demo_db)
    _open_every_view(qtbot, window)

    employees = window.select_view("employees")
    wait_loaded(qtbot, employees)
    before, total = len(service_calls), employees.model.total_count()
    name = employees.model.row_at(0).name
    qtbot.keyClicks(employees.search, name)  # the filter works on the model's rows
    assert len(service_calls) == before
    assert 0 < employees.model.rowCount() < total

    employees.show_checks()  # the register check reads every employee
    checks = employees._checks_dialog
    wait_loaded(qtbot, checks)
    assert checks.summary.text() != "Memuat…"
    checks.close()

    monitor = window.select_view("evaluations").open_monitor()
    wait_loaded(qtbot, monitor)
    assert monitor.model.rowCount() > 0
    monitor.office_combo.setCurrentIndex(1)
    wait_loaded(qtbot, monitor)
    monitor.reject()

    audit = AuditDialog(demo_db, ADMIN, parent=window)
    wait_loaded(qtbot, audit)
    audit.entity_combo.setCurrentIndex(1)
    wait_loaded(qtbot, audit)
    audit.reject()

    _open_the_two_editors(qtbot, window)
    _open_the_dialogs(qtbot, window, demo_db)

    on_worker = {name for name, main in service_calls if not main}
    # The wrappers are in the path the GUI takes (else this test would prove nothing).
    assert {"list_employees", "list_evaluations", "completion_summary", "list_audit"} <= on_worker
    assert "register_issues" in on_worker
    assert {"get_evaluation", "list_rencana_aksi", "find_skp", "list_skp_rencana_aksi"} <= (
        on_worker
    )
    assert {"office_recap", "sync_overview", "list_indicators", "list_skp", "cascade_tree"} <= (
        on_worker
    )
    assert {"get_catalogue", "list_offices", "get_office", "list_external_penilai"} <= on_worker
    assert {"employees_of_office", "kept_nomor"} <= on_worker
    assert {"list_org_predikat", "office_distribution", "list_conflicts"} <= on_worker
    assert _on_main(service_calls) == [], "services called on the GUI thread"


def _open_the_dialogs(qtbot: Any, window: Any, db: Any) -> None:
    """The IKU catalogue, the offices, the penilai luar, the sync conflicts, the organisation
    predikat and the Laporan panel's lookups."""
    from kinerja_desktop.gui.office_eval.org_predikat import OrgPredikatDialog
    from kinerja_desktop.gui.register.externals import ExternalPenilaiDialog
    from kinerja_desktop.gui.register.offices import OfficesDialog
    from kinerja_desktop.gui.sync.conflicts import ConflictsDialog

    indicators = window.select_view("indicators")
    wait_loaded(qtbot, indicators)
    catalogue = indicators.open_catalogue()
    wait_loaded(qtbot, catalogue)
    assert catalogue.items
    catalogue.reject()

    offices = OfficesDialog(db, ADMIN, parent=window)
    wait_loaded(qtbot, offices)
    offices.list.setCurrentRow(offices.list.count() - 1)  # another office: read again
    wait_loaded(qtbot, offices)
    assert offices.detail is not None and offices.head.count() > 1
    offices.reject()

    externals = ExternalPenilaiDialog(db, ADMIN, parent=window)
    wait_loaded(qtbot, externals)
    externals.reject()

    conflicts = ConflictsDialog(db, ADMIN, parent=window)  # a city keeps many conflicts
    wait_loaded(qtbot, conflicts)
    assert "konflik terbuka" in conflicts.status.text()
    conflicts.reject()

    org = OrgPredikatDialog(db, ADMIN, parent=window)  # a distribution per office
    wait_loaded(qtbot, org)
    assert org.rows
    org.reject()

    reports = window.select_view("reports")
    wait_loaded(qtbot, reports)
    reports.panel.select(kind="ak", office="PKM-NGL")
    reports.panel.ensure_employees()  # as when the clerk opens the employee list
    wait_loaded(qtbot, reports)
    nip = reports.panel.employee_combo.itemData(1)
    reports.panel.select(nip=nip)  # one employee: the NOMOR kept for them is read
    wait_loaded(qtbot, reports)
    assert reports.panel.nip() == nip and reports.panel.nomor_edit.isEnabled()


def test_the_guard_sees_a_main_thread_call(demo_db, service_calls):
    """The wrapper tells the threads apart: a direct call here is on the main thread."""
    from kinerja_desktop.services.register import list_employees

    list_employees(demo_db)
    assert _on_main(service_calls) == ["list_employees"]
