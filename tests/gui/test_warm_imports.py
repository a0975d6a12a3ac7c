"""Once the window is idle, the rooms' use cases are imported on a background thread, so a
dialog's first opening does not import them on the GUI thread (issue 16)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import importlib, sys
from kinerja_desktop.gui.warm_imports import ROOMS, warm_services_later
before = set(sys.modules)
warm_services_later().join(60)
missing = []
for room in ROOMS:
    door = importlib.import_module(f"kinerja_desktop.services.{room}")
    for module in door.EXPORTS:
        name = f"kinerja_desktop.services.{room}{module}"
        if name not in sys.modules:
            missing.append(name)
print("missing", missing)
print("conflicts", "kinerja_desktop.services.sync.conflicts" not in before)
print("widgets", "PySide6.QtWidgets" in sys.modules)
"""


def test_every_use_case_of_the_rooms_is_loaded_without_qt_widgets() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "missing []" in lines
    assert "conflicts True" in lines  # loaded by the warm-up, not before it
    assert "widgets False" in lines  # imports of the services only
