"""The main window: sidebar, status bar, menus, opening a database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import kinerja_desktop
from kinerja_desktop.gui.kit.dialogs import MessageBox, OpenDatabaseDialog
from kinerja_desktop.gui.main_window import VIEW_NAMES, MainWindow
from tests.gui.conftest import wait_loaded
from tests.gui.register.employee_reads import patch_employee_reads


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _click_sidebar(qtbot, window, row: int) -> None:
    item = window.sidebar.item(row)
    rect = window.sidebar.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_sidebar_lists_the_six_views_in_indonesian(window):
    texts = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert texts == ["Pegawai", "Indikator", "Evaluasi", "Laporan", "Sinkronisasi", "Dasbor"]
    menus = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert menus[0] == "&Berkas" and menus[-1] == "B&antuan"
    # A menu that no extension filled is not shown at all.
    assert all(a.menu().actions() for a in window.menuBar().actions() if a.isVisible())


def test_clicking_the_sidebar_switches_views(qtbot, window):
    for row, name in enumerate(VIEW_NAMES):
        _click_sidebar(qtbot, window, row)
        assert window.stack.currentWidget() is window.views[name]
        assert window.current_view().isVisible()
    assert window.current_view().title_label.text() == "Dasbor"


def test_without_a_database_the_window_says_so(window):
    assert "Tidak ada database" in window.status_text()
    assert "Belum ada database" in window.current_view().empty_message()
    assert window.demo_label.isHidden()


def test_status_bar_shows_file_office_and_demo(qtbot, window, demo_db):
    window.set_database(demo_db)
    text = window.status_text()
    assert f"Database: {demo_db.path.name}" in text
    assert "Kantor: NGL — Kecamatan Nanggalo" in text
    assert not window.demo_label.isHidden() and window.demo_label.text() == "DEMO"
    assert window.db_label.toolTip() == str(demo_db.path)
    wait_loaded(qtbot, window.views["employees"])
    assert window.views["employees"].model.rowCount() > 0


def test_status_bar_of_a_real_office_has_no_demo_mark(window, empty_db):
    window.set_database(empty_db)
    assert "Kantor: NGL-SRJ — Kelurahan Surau Gadang" in window.status_text()
    assert window.demo_label.isHidden()


def test_other_views_load_only_when_shown(qtbot, window, demo_db):
    window.set_database(demo_db)
    assert window.views["sync"].is_stale()
    _click_sidebar(qtbot, window, VIEW_NAMES.index("sync"))
    assert not window.views["sync"].is_stale()
    wait_loaded(qtbot, window.views["sync"])
    assert window.views["sync"].model.rowCount() >= 1


def test_about_box_shows_the_version(qtbot, window):
    window.action_about.trigger()
    box = window.findChild(QMessageBox, "about_box")
    assert box is not None and box.isVisible()
    assert f"Versi {kinerja_desktop.__version__}" in box.text()
    assert "Kinerja Desktop" in box.text()
    box.close()


def test_open_database_through_the_menu(qtbot, monkeypatch, window, empty_db_path):
    monkeypatch.setattr(OpenDatabaseDialog, "ask", classmethod(lambda cls, *a: empty_db_path))
    window.action_open.trigger()
    assert window.database is not None and window.database.path == empty_db_path
    assert "Kelurahan Surau Gadang" in window.status_text()
    window.close()  # the window opened it, so it closes it


def test_a_damaged_file_is_explained_and_the_app_goes_on(qtbot, monkeypatch, window, tmp_path):
    bad = tmp_path / "rusak.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(OpenDatabaseDialog, "ask", classmethod(lambda cls, *a: bad))
    monkeypatch.setattr(
        MessageBox,
        "error",
        classmethod(lambda cls, parent, title, text, **kw: shown.append((title, text))),
    )
    window.action_open.trigger()
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Database tidak dapat dibuka"
    assert "Traceback" not in text and "db." not in text
    assert window.database is None


def test_cancelling_the_file_dialog_changes_nothing(monkeypatch, window):
    monkeypatch.setattr(OpenDatabaseDialog, "ask", classmethod(lambda cls, *a: None))
    window.action_open.trigger()
    assert window.database is None


def test_data_changed_reaches_the_visible_view(qtbot, window, demo_db, monkeypatch):
    window.set_database(demo_db)
    wait_loaded(qtbot, window.views["employees"])
    before = window.views["employees"].model.rowCount()
    patch_employee_reads(monkeypatch, lambda db, **kw: [])
    window.notify_changed("employees")
    wait_loaded(qtbot, window.views["employees"])
    assert before > 0 and window.views["employees"].model.rowCount() == 0
    assert window.views["indicators"].is_stale()


def test_unknown_view_name_is_refused(window):
    with pytest.raises(ValueError):
        window.select_view("nope")


def test_building_the_window_loads_no_data_layer() -> None:
    """The window paints before SQLAlchemy, openpyxl or reportlab load (DESIGN.md section 8);
    a module-level service import in any view or extension would silently cost ~0.3 s."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from kinerja_desktop.gui.main_window import MainWindow\n"
        "window = MainWindow()\n"
        "heavy = ('sqlalchemy', 'openpyxl', 'reportlab', 'argon2', 'cryptography',\n"
        "    'PySide6.QtCharts')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def test_views_are_built_when_first_needed_or_while_idle(qtbot, demo_db):
    """Only the first view is built with the window (issue 16: the first paint loads nothing
    it does not draw); the app builds the rest while idle, each in the window's state."""
    from kinerja_desktop.domain.enums import Role
    from kinerja_desktop.services.common import Actor

    window = MainWindow(first_view=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert dict(window.views) == {}  # the "Membuka database…" notice only
    window.show_first_view()
    assert list(window.views) == ["employees"]
    actor = Actor("operator", frozenset({Role.OPERATOR}))
    window.set_actor(actor)
    window.set_database(demo_db)
    window.build_views_later(pause_ms=0)
    qtbot.waitUntil(lambda: len(window.views) == len(VIEW_NAMES), timeout=10_000)
    reports = window.views["reports"]
    assert reports.actor is actor and reports.database is demo_db
    assert reports.is_stale() and not reports.is_loading()  # read when first shown
    assert window.select_view("reports") is reports
    wait_loaded(qtbot, reports)
    assert reports.model.rowCount() > 0
