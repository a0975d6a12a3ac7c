"""The Pegawai list in pages (issue 16, item 2), on the demo with tiny pages so it takes many:
the list completes, a search and a header sort set while it loads apply to the whole list,
and the selection and scroll position survive the later pages."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kinerja_desktop.gui.register import pages
from kinerja_desktop.gui.register.model import COL_OFFICE
from kinerja_desktop.gui.register.view import EmployeesView
from kinerja_desktop.services.register.employees import list_employees
from tests.gui.conftest import wait_loaded

FIRST, LATER = 30, 7


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Tiny pages; the later ones wait on the worker until the test opens the gate."""
    opened = threading.Event()
    read_page = pages.read_page

    def held(*args: Any) -> Any:
        assert opened.wait(20), "the test never opened the gate"
        return read_page(*args)

    monkeypatch.setattr(pages, "FIRST_PAGE", FIRST)
    monkeypatch.setattr(pages, "PAGE", LATER)
    monkeypatch.setattr(pages, "read_page", held)
    yield opened
    opened.set()  # never leave the read worker waiting


def first_page_shown(qtbot: Any, db: Any) -> EmployeesView:
    view = EmployeesView()
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.set_database(db)
    view.show()
    qtbot.waitUntil(lambda: view.model.total_count() == FIRST, timeout=15000)
    assert view.is_loading() and view.later.loading
    return view


def test_the_list_completes_with_every_employee(qtbot, db, gate) -> None:
    view = first_page_shown(qtbot, db)
    whole = list_employees(db)
    assert view.model.all_rows() == whole[:FIRST]
    assert "memuat" in view.count_label.text() and f"dari {len(whole)})" in view.count_label.text()
    gate.set()
    wait_loaded(qtbot, view)
    assert view.model.all_rows() == whole  # same rows, same order, none twice
    assert view.model.rows() == whole
    assert view.count_label.text() == f"Menampilkan {len(whole)} dari {len(whole)} pegawai"
    root = view.office_tree.tree.topLevelItem(0)
    assert root.text(0) == f"Semua kantor ({len(whole)})"


@pytest.mark.parametrize("sort", [False, True], ids=["service order", "sorted by office"])
def test_a_search_and_a_sort_set_while_loading_apply_to_the_whole_list(
    qtbot, db, gate, sort: bool
) -> None:
    view = first_page_shown(qtbot, db)
    whole = list_employees(db)
    needle = whole[-1].name.split()[-1].lower()  # a family name found on a later page
    if sort:
        view.table.horizontalHeader().setSortIndicator(COL_OFFICE, Qt.SortOrder.AscendingOrder)
    view.search.setText(needle)
    shown_early = view.model.rowCount()
    assert "memuat" in view.count_label.text()
    gate.set()
    wait_loaded(qtbot, view)
    haystacks = view.model.search_text(whole).haystacks
    matching = [r for r in whole if needle in haystacks[id(r)][0]]
    expected = sorted(matching, key=lambda r: r.office_code.casefold()) if sort else matching
    assert 0 < len(expected) < len(whole) and whole[-1] in expected
    assert view.model.rows() == expected
    assert len(expected) > shown_early
    assert view.count_label.text() == f"Menampilkan {len(expected)} dari {len(whole)} pegawai"
    view.search.setText("")
    assert len(view.model.rows()) == len(whole)


def test_the_selection_and_scroll_survive_the_later_pages(qtbot, db, gate) -> None:
    view = first_page_shown(qtbot, db)
    chosen = view.model.row_at(FIRST - 5)
    assert view.select_uuid(chosen.uuid)
    bar = view.table.verticalScrollBar()
    assert bar.maximum() > 0, "the first page must overflow the table for this test"
    bar.setValue(bar.maximum())
    scrolled = bar.value()
    gate.set()
    wait_loaded(qtbot, view)
    assert view.model.total_count() == len(list_employees(db))
    assert view.selected_row() == chosen
    assert bar.value() == scrolled


def test_the_selection_follows_its_row_under_a_sort(qtbot, db, gate) -> None:
    view = first_page_shown(qtbot, db)
    view.table.horizontalHeader().setSortIndicator(COL_OFFICE, Qt.SortOrder.DescendingOrder)
    chosen = view.model.row_at(3)
    assert view.select_uuid(chosen.uuid)
    gate.set()
    wait_loaded(qtbot, view)
    assert view.selected_row() == chosen
    rows = view.model.rows()
    assert len(rows) == len(list_employees(db))
    assert rows.index(chosen) == view.table.selectionModel().selectedRows()[0].row()


def test_a_reload_reads_the_whole_list_in_one_piece(qtbot, db, gate) -> None:
    view = first_page_shown(qtbot, db)
    gate.set()
    wait_loaded(qtbot, view)
    view.refresh()
    assert view.model.total_count() == len(list_employees(db))  # the old rows stay meanwhile
    wait_loaded(qtbot, view)
    assert not view.later.loading
    assert view.model.all_rows() == list_employees(db)


def test_names_the_database_orders_apart_end_in_the_list_order(qtbot, db, gate) -> None:
    """Pages come in the database's order; once all are in, the list is in the register's
    order even where the two differ (SQLite's ``lower()`` leaves "É" as it is)."""
    from sqlalchemy import select

    from kinerja_desktop.storage.models import Employee

    with db.uow() as uow:
        live = select(Employee).where(Employee.deleted_at.is_(None)).order_by(Employee.id)
        first, second = uow.session.execute(live.limit(2)).scalars()
        first.name, second.name = "Éva Ulfa", "élise Zahra"
        uow.commit()
    view = first_page_shown(qtbot, db)
    gate.set()
    wait_loaded(qtbot, view)
    assert view.model.all_rows() == list_employees(db)
    names = [r.name for r in view.model.rows()]
    assert names.index("élise Zahra") < names.index("Éva Ulfa")


def test_the_later_pages_are_read_only_after_the_first_page_is_drawn(
    qtbot, db, gate, monkeypatch
) -> None:
    # A read beside the first paint would take the interpreter from the GUI thread at every
    # cell it draws: the second page's read starts after the viewport painted the first.
    painted: list[int] = []
    asked: list[int] = []
    start = pages.LaterPages.start

    def started(self, *args: Any) -> None:
        asked.append(len(painted))
        start(self, *args)

    monkeypatch.setattr(pages.LaterPages, "start", started)
    view = EmployeesView()
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()

    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint and view.model.total_count():
                painted.append(1)
            return False

    paints = Paints(view)
    view.table.viewport().installEventFilter(paints)
    view.set_database(db)
    view.refresh()
    qtbot.waitUntil(lambda: bool(asked), timeout=15000)
    assert asked[0] >= 1  # the first page was on screen before the second was asked for
    gate.set()
    wait_loaded(qtbot, view)
    assert view.model.all_rows() == list_employees(db)
