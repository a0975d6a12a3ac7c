"""The Evaluasi view and the completion monitor show the service's rows, with every cell's
text made on the read worker (issue 16, item 3): the GUI thread only looks texts up.

The capaian formatter of the Evaluasi tables is wrapped to note the thread it runs on: after
a load and a paint of the table, it must have run (on the worker) and never on the GUI
thread, and every shown cell must read as the column's own formatter writes it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kinerja_desktop.gui.evaluation import model as ev
from kinerja_desktop.gui.kit.table_model import (
    Column,
    RowTableModel,
    SearchText,
    prepare_rows,
    search_text_of,
)
from kinerja_desktop.services.evaluation.completion import completion_summary
from kinerja_desktop.services.evaluation.evaluations import list_evaluations
from tests.gui.conftest import wait_loaded
from tests.gui.evaluation_gui_helpers import make_view

PERIOD = "2026-Q2"


@pytest.fixture
def formatter_threads(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each call of the tables' capaian formatter ran on the GUI thread."""
    calls: list[bool] = []
    original: Callable[[Any], str] = ev.fmt_capaian

    def noting(value: Any) -> str:
        calls.append(threading.current_thread() is threading.main_thread())
        return original(value)

    monkeypatch.setattr(ev, "fmt_capaian", noting)
    return calls


def _shown(model: RowTableModel[Any]) -> list[list[str]]:
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _written(columns: tuple[Column[Any], ...], rows: list[Any]) -> list[list[str]]:
    return [[c.display(row) for c in columns] for row in rows]


def test_the_view_shows_the_rows_with_texts_made_on_the_worker(
    qtbot: Any, db: Any, formatter_threads: list[bool]
) -> None:
    view = make_view(qtbot, db, "admin", PERIOD)
    formatter_threads.clear()
    view.refresh()
    wait_loaded(qtbot, view)
    view.table.viewport().repaint()
    expected = list_evaluations(db, period=PERIOD)
    assert len(expected) > 50
    assert [r.uuid for r in view.model.rows()] == [r.uuid for r in expected]
    assert formatter_threads and not any(formatter_threads)
    assert _shown(view.model) == _written(ev.columns("id"), view.model.rows())
    formatter_threads.clear()  # _written formatted here, on purpose
    # The first keystroke searches the prepared text: a NIP typed as printed, with spaces.
    row = expected[len(expected) // 2]
    qtbot.keyClicks(view.search, f"{row.nip[:8]} {row.nip[8:14]}")
    view._apply_filter()  # the debounce timer's slot, without waiting for it
    assert row.uuid in {r.uuid for r in view.model.rows()}
    assert all(r.nip.startswith(row.nip[:14]) for r in view.model.rows())
    view.table.viewport().repaint()
    assert not any(formatter_threads)


def test_the_monitor_shows_the_rows_with_texts_made_on_the_worker(
    qtbot: Any, db: Any, formatter_threads: list[bool]
) -> None:
    view = make_view(qtbot, db, "operator", PERIOD)
    formatter_threads.clear()
    monitor = view.open_monitor()
    assert monitor is not None
    qtbot.addWidget(monitor)
    wait_loaded(qtbot, monitor)
    monitor.table.viewport().repaint()
    expected = completion_summary(db, PERIOD).rows
    assert len(expected) > 50 and any(r.mean_capaian is not None for r in expected)
    assert [r.employee_uuid for r in monitor.model.rows()] == [r.employee_uuid for r in expected]
    assert formatter_threads and not any(formatter_threads)
    assert _shown(monitor.model) == _written(ev.completion_columns("id"), monitor.model.rows())
    # Sorting by a header keeps each row's own texts.
    monitor.model.sort(ev.MON_CAPAIAN, Qt.SortOrder.DescendingOrder)
    assert _shown(monitor.model) == _written(ev.completion_columns("id"), monitor.model.rows())


@pytest.mark.parametrize("prepared", [True, False])
def test_a_replaced_row_never_shows_the_text_prepared_for_another(
    qtmodeltester: Any, prepared: bool
) -> None:
    columns = (Column("Nama", lambda r: r["name"]), Column("Nilai", lambda r: str(r["n"])))
    rows = [{"name": f"Pegawai {n}", "n": n} for n in range(5)]
    model: RowTableModel[dict[str, Any]] = RowTableModel(columns)
    text: SearchText = prepare_rows(columns, rows) if prepared else search_text_of(columns, rows)
    model.set_rows(rows, search_text=text)
    qtmodeltester.check(model)
    assert _shown(model) == _written(columns, rows)
    # New row objects (an edit, a reload without prepared text) read from the row itself.
    fresh = [{"name": r["name"].upper(), "n": r["n"] * 10} for r in rows]
    model.set_rows(fresh)
    assert _shown(model) == _written(columns, fresh)
    model.set_rows(rows, search_text=text)
    model.set_filter("pegawai 3")
    assert [r["n"] for r in model.rows()] == [3]
