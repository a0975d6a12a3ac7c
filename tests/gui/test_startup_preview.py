"""The Pegawai list's first screenful at start, read straight from the file (issue 16, item 2):
shown before the open begins, read-only, replaced by the database's own rows without a reset
when they are equal; no preview where the start-up must check the file first."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import kinerja_desktop.app as app_module
from kinerja_desktop.gui.startup import Startup
from kinerja_desktop.storage.instance_lock import InstanceLock
from tests.gui.startup_fixtures import private_settings, refusing_boxes, startup_parts  # noqa: F401

pytestmark = pytest.mark.usefixtures("private_settings")


def trusted(path: Path) -> Path:
    """As a clean session with a recent full check leaves the file."""
    lock = InstanceLock(path)
    assert lock.acquire()
    lock.record_full_check(datetime.now(UTC))
    lock.release()
    return path


def watch_open(monkeypatch, window) -> dict[str, object]:
    """Record the Pegawai view as the open begins (``Startup._classify``), and count the
    model's resets from then on."""
    seen: dict[str, object] = {"resets": 0}
    real = Startup._classify

    def classify(self, *args):
        view = window.views["employees"]
        seen.update(
            rows=view.model.rowCount(),
            previewing=view.is_previewing(),
            database=window.database,
            add_enabled=view.add_button.isEnabled(),
            empty_message=view.empty_message(),
            count=view.count_label.text(),
        )
        view.model.modelReset.connect(lambda: seen.update(resets=seen["resets"] + 1))
        return real(self, *args)

    monkeypatch.setattr(Startup, "_classify", classify)
    return seen


def start_watched(qtbot, monkeypatch, parts, path: Path) -> tuple[Any, dict[str, object]]:
    """Start on ``path`` with the Pegawai view shown, as the app does; the window and what
    :func:`watch_open` saw."""
    window, startup, _runner = parts
    window.show()
    window.show_first_view()
    seen = watch_open(monkeypatch, window)
    with qtbot.waitSignal(startup.finished, timeout=30_000):
        startup.start(path)
    return window, seen


def test_the_first_rows_show_from_the_file_before_the_open_begins(
    qtbot, monkeypatch, parts, boxes, demo_copy
):
    window, seen = start_watched(qtbot, monkeypatch, parts, trusted(demo_copy))
    view = window.views["employees"]
    # When the open began, the rows were on screen and nothing could be changed yet.
    assert seen["database"] is None
    assert seen["rows"] == 100 and seen["previewing"] is True
    assert seen["add_enabled"] is False
    assert seen["empty_message"] == ""  # the table, not "Belum ada database yang terbuka"
    assert "memuat" in str(seen["count"]) and "100" in str(seen["count"])
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=20_000)
    # The database's own first page was the same rows: kept without a reset.
    assert window.database is not None and not view.is_previewing()
    assert seen["resets"] == 0
    from kinerja_desktop.services.register import list_employees

    assert view.model.all_rows() == list_employees(window.database)
    assert view.empty_message() == ""


def test_a_file_due_for_its_full_check_is_checked_before_any_row_shows(
    qtbot, monkeypatch, parts, boxes, demo_copy
):
    # No clean session recorded beside the file.
    window, seen = start_watched(qtbot, monkeypatch, parts, demo_copy)
    assert seen["rows"] == 0 and seen["previewing"] is False
    view = window.views["employees"]
    qtbot.waitUntil(lambda: view.model.rowCount() == 100, timeout=20_000)


def test_rows_differing_from_the_preview_replace_it(qtbot, monkeypatch, parts, boxes, demo_copy):
    # Someone changed the file between the preview and the open: the open's rows win.
    window, startup, _runner = parts
    window.show()
    window.show_first_view()
    seen = watch_open(monkeypatch, window)
    real = Startup._classify

    def rename_then_open(self, *args):
        import sqlite3

        con = sqlite3.connect(demo_copy)
        con.execute("UPDATE employees SET name = 'Aaron Baru' WHERE id = 1")
        con.commit()
        con.close()
        return real(self, *args)

    monkeypatch.setattr(Startup, "_classify", rename_then_open)
    with qtbot.waitSignal(startup.finished, timeout=30_000):
        startup.start(trusted(demo_copy))
    view = window.views["employees"]
    qtbot.waitUntil(lambda: not view.is_loading(), timeout=20_000)
    assert seen["rows"] == 100  # the preview showed
    assert seen["resets"] == 1
    assert "Aaron Baru" in {r.name for r in view.model.all_rows()}


def test_the_app_imports_nothing_beside_a_likely_preview(demo_copy, tmp_path):
    assert app_module._preview_likely(trusted(demo_copy)) is True
    assert app_module._preview_likely(tmp_path / "missing.sqlite") is False
    assert app_module._preview_likely("postgresql+psycopg://kota@server/kinerja") is False
