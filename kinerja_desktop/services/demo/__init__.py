"""The deterministic demo databases: Kecamatan Nanggalo, and the city of Padang (``--scale city``).

The room's front door: what the GUI and the CLI may call (services/front_door.py).
"""

from __future__ import annotations

from kinerja_desktop.services.front_door import lazy_exports

# fmt: off
EXPORTS: dict[str, tuple[str, ...]] = {
    ".accounts": ("demo_accounts",),
    ".build": ("build_demo",),
    ".city": ("TINY_CITY", "build_city",),
}
# fmt: on

__getattr__, __dir__ = lazy_exports(__name__, EXPORTS)
