"""An analyst signed in with a read-only database role gets the HANYA BACA window (issue 18.4).

Needs the tests' PostgreSQL server (``KINERJA_TEST_PG_URL``); skipped with the reason without.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from kinerja_desktop.config import parse_db_address
from kinerja_desktop.gui.admin.login import LoginDialog
from kinerja_desktop.gui.kit.dialogs import MessageBox
from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.startup import Startup
from tests.gui.conftest import wait_loaded


@pytest.fixture
def analyst_url(pg_demo_url: str) -> Iterator[str]:
    """The demo copy's address for a new role granted ``SELECT`` only (README, Kantor kota)."""
    role = f"analis_{uuid.uuid4().hex[:8]}"
    database = make_url(pg_demo_url).database
    owner = create_engine(pg_demo_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with owner.connect() as conn:
        conn.execute(text(f"CREATE ROLE {role} LOGIN"))
        conn.execute(text(f'GRANT CONNECT ON DATABASE "{database}" TO {role}'))
        conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {role}"))
        conn.execute(text(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}"))
    try:
        yield make_url(pg_demo_url).set(username=role).render_as_string(hide_password=False)
    finally:
        with owner.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = :r"),
                {"r": role},
            )
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f'REVOKE ALL ON DATABASE "{database}" FROM {role}'))
            conn.execute(text(f"DROP ROLE {role}"))
        owner.dispose()


def test_a_read_only_role_opens_the_window_in_hanya_baca(qtbot, monkeypatch, analyst_url):
    seen: dict[str, list[object]] = {"info": [], "error": [], "login": []}
    monkeypatch.setattr(
        MessageBox, "information", classmethod(lambda cls, p, t, text: seen["info"].append(text))
    )
    monkeypatch.setattr(
        MessageBox, "error", classmethod(lambda cls, p, t, text, **k: seen["error"].append(text))
    )
    monkeypatch.setattr(
        LoginDialog, "ask", classmethod(lambda cls, *a, **k: seen["login"].append(a))
    )
    window = MainWindow()
    qtbot.addWidget(window)
    runner = TaskRunner(window, progress_delay_ms=50)
    startup = Startup(window, runner)
    try:
        with qtbot.waitSignal(startup.finished, timeout=30_000):
            startup.start(parse_db_address(analyst_url))
        db = window.database
        assert seen["error"] == []
        assert db is not None and db.is_server and db.read_only and startup.read_only
        assert not startup.read_only_label.isHidden()
        assert startup.read_only_label.text() == "HANYA BACA"
        assert "hanya diberi hak membaca" in startup.read_only_label.toolTip()
        assert "Hanya baca: akun database" in window.status_text()
        assert len(seen["info"]) == 1 and "dibuka hanya baca" in seen["info"][0]
        assert seen["login"] == [] and window.actor is None
        wait_loaded(qtbot, window.views["employees"])
        assert window.views["employees"].model.rowCount() > 0
    finally:
        runner.shutdown()
        startup.release()
        window.set_database(None)
        window.close()
