"""Render one view of the main window to a PNG (``kinerja-desktop snapshot VIEW``).

Used by the CLI, by the GUI contract test and by people checking a layout without a display.
The window is shown with ``WA_DontShowOnScreen`` so layouts are fully resolved (a never-shown
widget grabs with its pre-layout geometry) while nothing appears on a real screen.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.gui.kit.screen_fit import keep_size
from kinerja_desktop.gui.main_window import VIEW_NAMES, MainWindow

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Database


def render_view(
    db: Database | None,
    view_name: str,
    out: Path,
    size: tuple[int, int] = (1280, 800),
    *,
    lang: str = "id",
) -> Path:
    """Build the main window on ``db``, show ``view_name`` and save it as a PNG at ``out``.

    Raises:
        ValidationError: code ``snapshot.view_unknown`` for a view name not in
            :data:`~kinerja_desktop.gui.main_window.VIEW_NAMES`.
        OSError: the image could not be written.
    """
    if view_name not in VIEW_NAMES:
        raise ValidationError(
            "snapshot.view_unknown",
            f"Tampilan '{view_name}' tidak dikenal. Pilih salah satu: {', '.join(VIEW_NAMES)}.",
            field="view",
            view=view_name,
        )
    # A failure inside a task's callback (the Dasbor drawing its charts, say) reaches only
    # sys.excepthook; caught here it fails the snapshot instead of saving a half-drawn view,
    # so the bundle's smoke test sees a Qt part missing from the bundle.
    failures: list[BaseException] = []
    previous_hook = sys.excepthook

    def record(kind: type[BaseException], error: BaseException, trace: Any) -> None:
        failures.append(error)
        previous_hook(kind, error, trace)

    sys.excepthook = record
    window = MainWindow(lang=lang)
    try:
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        window.set_database(db)
        window.select_view(view_name)
        window.resize(*size)
        keep_size(window)
        window.show()
        QApplication.processEvents()
        view = window.current_view()
        view.ensure_fresh()
        wait_until_loaded(view)
        QApplication.processEvents()
        _wait_for_reads(window)
        if failures:
            raise failures[0]
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out), "PNG"):
            raise OSError(f"cannot write {out}")
        if view_name == "reports":
            # The Laporan view previews and prints through QtPdf and QtPrintSupport, which load
            # only on first use: a snapshot of it loads them, so a bundle without them fails
            # its smoke test (packaging/build.py) rather than a clerk's first print.
            import tempfile

            from kinerja_desktop.gui.reporting.printing import print_support_check

            with tempfile.TemporaryDirectory(prefix="kinerja-print-check-") as folder:
                print_support_check(Path(folder))
        return out
    finally:
        sys.excepthook = previous_hook
        window.close()
        window.deleteLater()


def _wait_for_reads(window: MainWindow, limit_s: float = 120.0) -> None:
    """Let a view that reads on the task runner (the Dasbor) draw its figures first."""
    import time

    ends = time.monotonic() + limit_s
    while window.task_runner.is_busy() and time.monotonic() < ends:
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()


def wait_until_loaded(view: Any, timeout_s: float = 120.0) -> None:
    """Run the event loop until ``view``'s rows arrived from the read worker (the views read
    off the GUI thread, so a snapshot taken at once would show "Memuat…")."""
    import time

    deadline = time.monotonic() + timeout_s
    loading = getattr(view, "is_loading", lambda: False)
    while loading() and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)
