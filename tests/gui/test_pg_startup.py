"""The window opens a database on a PostgreSQL server (issue 18): no lock file, no file
backup, not read-only, the rows shown. Skipped without a PostgreSQL server."""

from __future__ import annotations

import pytest

from kinerja_desktop.config import parse_db_address
from tests.gui.startup_fixtures import recording_boxes, startup_parts  # noqa: F401 (a fixture)


@pytest.fixture
def boxes(monkeypatch):
    return recording_boxes(monkeypatch, answer=False)


def test_the_window_opens_a_server_database(qtbot, parts, boxes, pg_demo_url, tmp_path) -> None:
    window, startup, runner = parts
    address = parse_db_address(pg_demo_url)
    with qtbot.waitSignal(startup.finished, timeout=20_000):
        startup.start(address)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=20_000)
    assert boxes["error"] == []
    assert window.database is not None and window.database.is_server
    assert not startup.read_only and startup._lock is None
    qtbot.waitUntil(lambda: window.views["employees"].model.rowCount() > 0, timeout=20_000)
