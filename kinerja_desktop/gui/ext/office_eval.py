"""Window extension: IKM surveys, office IKU realisations, organisation predikat, periods."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kinerja_desktop.gui.main_window import MainWindow


def install(window: MainWindow) -> None:
    """Add this area's menus and actions to ``window`` (none yet)."""
