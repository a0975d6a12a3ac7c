"""The automatic backup after the start: made on the task runner; a failure does not
interrupt the clerk (no dialog) but is said in the status bar, and an over-budget folder
is said too."""

from __future__ import annotations

import threading
from pathlib import Path
from types import SimpleNamespace

import kinerja_desktop.services.admin as admin
from kinerja_desktop.gui.kit.tasks import TaskRunner
from kinerja_desktop.gui.main_window import MainWindow
from kinerja_desktop.gui.startup_backup import run_auto_backup


def window_and_runner(qtbot) -> tuple[MainWindow, TaskRunner]:
    window = MainWindow()
    qtbot.addWidget(window)
    return window, TaskRunner(window, progress_delay_ms=50)


def test_a_failed_automatic_backup_is_said_in_the_status_bar(qtbot, monkeypatch, tmp_path):
    threads: list[bool] = []

    def refuse(path: Path) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        raise OSError("disk full")

    monkeypatch.setitem(vars(admin), "auto_backup", refuse)
    window, runner = window_and_runner(qtbot)
    try:
        run_auto_backup(window, runner, tmp_path / "kantor.sqlite", "id")
        qtbot.waitUntil(lambda: "Cadangan otomatis gagal" in window.statusBar().currentMessage())
        assert threads == [False]  # made on a worker
    finally:
        runner.shutdown()


def test_a_backup_folder_over_its_budget_is_said(qtbot, monkeypatch, tmp_path):
    budget = SimpleNamespace(over=True, used_mb=900, budget_mb=500)
    made = SimpleNamespace(path=tmp_path / "b.sqlite", budget=budget)
    monkeypatch.setitem(vars(admin), "auto_backup", lambda path: made)
    window, runner = window_and_runner(qtbot)
    try:
        run_auto_backup(window, runner, tmp_path / "kantor.sqlite", "id")
        qtbot.waitUntil(lambda: "900" in window.statusBar().currentMessage())
        assert "500" in window.statusBar().currentMessage()
    finally:
        runner.shutdown()
