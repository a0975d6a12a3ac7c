"""The list views, driven like a clerk: typing in the search box, clicking headers.

The read services are replaced by hand-made rows (views import them at call time, so
patching the service module is enough); the real services are exercised by the contract test.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.gui.evaluation import model as ev
from kinerja_desktop.gui.evaluation.view import EvaluationsView
from kinerja_desktop.gui.register import model as emp
from kinerja_desktop.gui.register.view import EmployeesView
from kinerja_desktop.gui.reporting.view import ReportsView
from kinerja_desktop.gui.sync.view import SyncView
from tests.gui.conftest import wait_loaded
from tests.gui.register.employee_reads import patch_employee_reads

FAKE_DB = object()  # views only pass it on to the (patched) services


@pytest.fixture
def employees_view(qtbot, monkeypatch, employee_rows):
    patch_employee_reads(monkeypatch, lambda db, **kw: employee_rows)
    # The view also reads the offices for its tree.
    monkeypatch.setattr("kinerja_desktop.services.common.offices.list_offices", lambda db: [])
    view = EmployeesView()
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.set_database(FAKE_DB)  # type: ignore[arg-type]
    view.show()
    qtbot.waitExposed(view)
    wait_loaded(qtbot, view)
    return view


def _click_header(qtbot, view, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_view_shows_rows_and_count(employees_view):
    assert employees_view.model.rowCount() == 3
    assert employees_view.count_label.text() == "Menampilkan 3 dari 3 pegawai"
    assert employees_view.search.placeholderText() == "Cari..."
    assert employees_view.empty_message() == ""
    assert employees_view.table.alternatingRowColors()


def test_typing_filters_and_updates_the_count(qtbot, employees_view):
    qtbot.keyClicks(employees_view.search, "santoso")
    assert employees_view.count_label.text() == "Menampilkan 1 dari 3 pegawai"
    assert employees_view.model.index(0, emp.COL_NAME).data() == "Budi Santoso"
    employees_view.search.clear()
    assert employees_view.count_label.text() == "Menampilkan 3 dari 3 pegawai"


def test_nip_typed_with_spaces_is_found(qtbot, employees_view):
    qtbot.keyClicks(employees_view.search, "19920415 2019")
    assert [r.name for r in employees_view.model.rows()] == ["Siti Rahmah"]
    assert employees_view.count_label.text() == "Menampilkan 1 dari 3 pegawai"


def test_no_match_says_so_instead_of_an_empty_table(qtbot, employees_view):
    qtbot.keyClicks(employees_view.search, "zzz")
    assert "Tidak ada data yang cocok" in employees_view.empty_message()
    assert "zzz" in employees_view.empty_message()
    assert employees_view.count_label.text() == "Menampilkan 0 dari 3 pegawai"


def test_clicking_a_header_sorts_the_model_list(qtbot, employees_view):
    _click_header(qtbot, employees_view, emp.COL_NAME)
    names = [r.name for r in employees_view.model.rows()]
    assert names == sorted(names)
    _click_header(qtbot, employees_view, emp.COL_NAME)
    assert [r.name for r in employees_view.model.rows()] == sorted(names, reverse=True)


def test_refresh_keeps_search_and_sort(qtbot, employees_view):
    _click_header(qtbot, employees_view, emp.COL_NAME)
    qtbot.keyClicks(employees_view.search, "a")
    employees_view.refresh()
    wait_loaded(qtbot, employees_view)
    names = [r.name for r in employees_view.model.rows()]
    assert names == sorted(names) and len(names) == 3
    assert employees_view.search.text() == "a"


def test_empty_states(qtbot, monkeypatch):
    view = EmployeesView()
    qtbot.addWidget(view)
    view.refresh()
    wait_loaded(qtbot, view)
    assert "Belum ada database" in view.empty_message()
    patch_employee_reads(monkeypatch, lambda db, **kw: [])
    monkeypatch.setattr("kinerja_desktop.services.common.offices.list_offices", lambda db: [])
    view.set_database(FAKE_DB)  # type: ignore[arg-type]
    view.refresh()
    wait_loaded(qtbot, view)
    assert "Belum ada data pegawai" in view.empty_message()
    assert view.count_label.text() == "Menampilkan 0 dari 0 pegawai"


def test_a_refused_read_is_worded_in_place_of_the_table(qtbot, monkeypatch):
    def locked(db, **kw):
        raise DatabaseError("db.locked", path="x.sqlite")

    patch_employee_reads(monkeypatch, locked)
    view = EmployeesView()
    qtbot.addWidget(view)
    view.set_database(FAKE_DB)  # type: ignore[arg-type]
    view.refresh()
    wait_loaded(qtbot, view)
    message = view.empty_message()
    assert message and "db.locked" not in message and "Traceback" not in message


def test_evaluation_period_combo_reloads_for_the_chosen_period(
    qtbot, monkeypatch, evaluation_rows, period_choices
):
    asked: list[str | None] = []

    def fake_list(db, *, period=None, office_code=None):
        asked.append(period)
        return [r for r in evaluation_rows if period is None or r.period == period]

    monkeypatch.setattr(
        "kinerja_desktop.services.evaluation.evaluations.list_evaluations", fake_list
    )
    monkeypatch.setattr(
        "kinerja_desktop.services.evaluation.evaluations.list_periods", lambda db: period_choices
    )
    view = EvaluationsView()
    qtbot.addWidget(view)
    view.set_database(FAKE_DB)  # type: ignore[arg-type]
    view.refresh()
    wait_loaded(qtbot, view)
    # 2026-Q1 ended before today: it is the default, and its column is hidden as redundant.
    assert asked[-1] == "2026-Q1"
    assert view.period_combo.currentText() == "Triwulan I 2026"
    assert view.table.isColumnHidden(ev.COL_PERIOD)
    assert view.model.rowCount() == 2
    view.period_combo.setCurrentIndex(view.period_combo.findData("2025"))
    wait_loaded(qtbot, view)
    assert asked[-1] == "2025"
    assert "Tahun 2025" in view.empty_message()
    view.period_combo.setCurrentIndex(0)  # Semua periode
    wait_loaded(qtbot, view)
    assert asked[-1] is None
    assert view.period_combo.currentText() == "Semua periode"
    assert not view.table.isColumnHidden(ev.COL_PERIOD)


def test_reports_offer_the_current_year_even_without_periods(qtbot, monkeypatch, recap_rows):
    periods: list[str] = []

    def fake_recap(db, *, period):
        periods.append(period)
        return recap_rows

    monkeypatch.setattr(
        "kinerja_desktop.services.evaluation.evaluations.list_periods", lambda db: []
    )
    monkeypatch.setattr("kinerja_desktop.services.reporting.recaps.office_recap", fake_recap)
    view = ReportsView()
    qtbot.addWidget(view)
    view.set_database(FAKE_DB)  # type: ignore[arg-type]
    view.refresh()
    wait_loaded(qtbot, view)
    assert view.period_combo.count() == 1
    assert periods and periods[-1].isdigit()
    assert view.count_label.text() == "Menampilkan 3 dari 3"


def test_sync_view_names_the_home_office_and_partners(qtbot, monkeypatch, sync_rows):
    monkeypatch.setattr(
        "kinerja_desktop.services.sync.overview.sync_overview", lambda db: sync_rows
    )
    view = SyncView()
    qtbot.addWidget(view)
    view.set_database(FAKE_DB)  # type: ignore[arg-type]
    view.refresh()
    wait_loaded(qtbot, view)
    assert "Kantor ini: NGL — Kecamatan Nanggalo" in view.info_label.text()
    assert "Mitra terdaftar: 1 kantor" in view.info_label.text()


def test_data_changed_reloads_only_concerned_visible_views(qtbot, employees_view, monkeypatch):
    calls = []
    patch_employee_reads(
        monkeypatch,
        lambda db, **kw: calls.append(1) or [],
    )
    employees_view.on_data_changed("sync")
    assert calls == []
    employees_view.on_data_changed("employees")
    wait_loaded(qtbot, employees_view)
    assert calls == [1]
    employees_view.hide()
    employees_view.on_data_changed("all")
    assert calls == [1] and employees_view.is_stale()
    employees_view.show()
    wait_loaded(qtbot, employees_view)
    assert calls == [1, 1]


def test_period_combo_names_periods_in_english_for_an_english_view(
    qtbot, monkeypatch, evaluation_rows, period_choices
):
    monkeypatch.setattr(
        "kinerja_desktop.services.evaluation.evaluations.list_evaluations",
        lambda db, *, period=None, office_code=None: evaluation_rows,
    )
    monkeypatch.setattr(
        "kinerja_desktop.services.evaluation.evaluations.list_periods", lambda db: period_choices
    )
    view = EvaluationsView(lang="en")
    qtbot.addWidget(view)
    view.set_database(FAKE_DB)  # type: ignore[arg-type]
    view.refresh()
    wait_loaded(qtbot, view)
    texts = [view.period_combo.itemText(i) for i in range(1, view.period_combo.count())]
    assert "Q1 2026" in texts and "Year 2025" in texts
    assert not any("Triwulan" in t or "Tahun" in t for t in texts)


def test_a_reload_keeps_the_old_rows_and_says_memuat_until_the_new_arrive(
    qtbot, monkeypatch, employees_view, employee_rows
):
    import threading

    release = threading.Event()
    readers: list[bool] = []

    def slow(db, **kw):
        readers.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        return employee_rows[:1]

    patch_employee_reads(monkeypatch, slow)
    employees_view.refresh()
    # The read runs on the worker: the GUI thread is free, the old rows stay on screen.
    qtbot.waitUntil(lambda: readers == [False])
    assert employees_view.is_loading() and employees_view.model.rowCount() == 3
    assert employees_view.count_label.text() == "Memuat…"
    assert employees_view.empty_message() == ""
    release.set()
    wait_loaded(qtbot, employees_view)
    assert employees_view.model.rowCount() == 1
    assert employees_view.count_label.text() == "Menampilkan 1 dari 1 pegawai"


def test_a_first_load_says_memuat_instead_of_no_data(qtbot, monkeypatch, employee_rows):
    import threading

    release = threading.Event()
    patch_employee_reads(
        monkeypatch,
        lambda db, **kw: release.wait(10) and employee_rows,
    )
    monkeypatch.setattr("kinerja_desktop.services.common.offices.list_offices", lambda db: [])
    view = EmployeesView()
    qtbot.addWidget(view)
    view.set_database(FAKE_DB)  # type: ignore[arg-type]
    view.refresh()
    assert view.empty_message() == "Memuat…"
    release.set()
    wait_loaded(qtbot, view)
    assert view.empty_message() == "" and view.model.rowCount() == 3


def test_an_unexpected_read_error_goes_to_the_error_dialog(qtbot, monkeypatch):
    from kinerja_desktop.gui.kit.errors import ErrorDialog

    shown: list[str] = []
    monkeypatch.setattr(
        ErrorDialog, "present", classmethod(lambda cls, m, d="", p=None: shown.append(m))
    )

    def broken(db, **kw):
        raise RuntimeError("disk on fire")

    patch_employee_reads(monkeypatch, broken)
    view = EmployeesView()
    qtbot.addWidget(view)
    view.set_database(FAKE_DB)  # type: ignore[arg-type]
    view.refresh()
    wait_loaded(qtbot, view)
    assert len(shown) == 1 and "Traceback" not in shown[0]
    assert view.count_label.text() != "Memuat…"
