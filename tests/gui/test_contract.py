"""Contract: every view builds on an empty and on the demo database, and renders to a PNG.

This is the test that catches a view that only works on the data its author had in mind
(DESIGN.md convention 9).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.gui.main_window import VIEW_NAMES, MainWindow
from kinerja_desktop.gui.snapshot import render_view
from tests.gui.conftest import wait_loaded

SIZE = (1280, 800)


def _check_png(path: Path) -> QImage:
    assert path.exists()
    # A blank 1280x800 PNG compresses to a few kB; a drawn window is much larger.
    assert path.stat().st_size > 10_000
    image = QImage(str(path))
    assert (image.width(), image.height()) == SIZE
    return image


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_every_view_on_the_empty_database(qtbot, empty_db, tmp_path, name):
    out = render_view(empty_db, name, tmp_path / f"empty_{name}.png", SIZE)
    _check_png(out)
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_database(empty_db)
    view = window.select_view(name)
    view.ensure_fresh()
    wait_loaded(qtbot, view)
    assert not view.is_stale()
    if view.model.total_count() == 0:
        # An empty table is never shown bare: a sentence says why.
        assert view.empty_message()
    assert "Menampilkan" in view.count_label.text()


@pytest.mark.parametrize("name", VIEW_NAMES)
def test_every_view_on_the_demo_database(qtbot, demo_db, tmp_path, name):
    out = render_view(demo_db, name, tmp_path / f"demo_{name}.png", SIZE)
    _check_png(out)
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_database(demo_db)
    view = window.select_view(name)
    view.ensure_fresh()
    qtbot.waitUntil(lambda: not window.task_runner.is_busy(), timeout=60_000)  # the Dasbor
    wait_loaded(qtbot, view)
    assert view.model.rowCount() > 0, view.empty_message()
    assert view.empty_message() == ""
    for column in range(view.model.columnCount()):
        assert view.model.index(0, column).data() is not None
        assert "None" not in view.model.index(0, column).data()


def test_demo_models_pass_the_model_tester(qtbot, qtmodeltester, demo_db):
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_database(demo_db)
    for name in VIEW_NAMES:
        view = window.select_view(name)
        view.ensure_fresh()
        wait_loaded(qtbot, view)
        qtmodeltester.check(view.model)


def test_unknown_view_is_a_worded_error(qapp, tmp_path):
    with pytest.raises(ValidationError) as caught:
        render_view(None, "gaji", tmp_path / "x.png")
    assert "gaji" in str(caught.value)


def test_app_snapshot_for_the_cli(qapp, demo_db_path, tmp_path):
    from kinerja_desktop.app import snapshot

    out = snapshot(demo_db_path, "employees", tmp_path / "cli.png", SIZE)
    _check_png(out)
