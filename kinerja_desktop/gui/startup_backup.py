"""The automatic backup after the start (at most once every few hours, services.admin): on
the task runner once the rows show, never in the clerk's way; a failure is logged and said in
the status bar, the Cadangan dialog shows how old the newest backup is."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from kinerja_desktop.domain.messages import text

if TYPE_CHECKING:
    from kinerja_desktop.gui.kit.tasks import TaskRunner
    from kinerja_desktop.gui.main_window import MainWindow

log = logging.getLogger(__name__)


def run_auto_backup(window: MainWindow, runner: TaskRunner, path: Path, lang: str) -> None:
    """Make the automatic backup of ``path`` on ``runner`` when one is due."""
    from kinerja_desktop.services.admin import auto_backup

    def done(info: Any) -> None:
        if info is None:
            return
        log.info("automatic backup %s", info.path)
        if info.budget is not None and info.budget.over:
            used, budget = info.budget.used_mb, info.budget.budget_mb
            log.warning("backup folder over its budget: %d MB of %d MB", used, budget)
            window.statusBar().showMessage(
                text("backup.over_budget", lang, used=used, budget=budget)
            )

    def failed(error: BaseException) -> None:
        # A failed automatic backup must not interrupt the clerk.
        log.warning("automatic backup failed: %s", error)
        message = QCoreApplication.translate("Startup", "Cadangan otomatis gagal dibuat.")
        window.statusBar().showMessage(message, 8000)

    runner.run(auto_backup, path, on_done=done, on_error=failed)
