"""Can Qt open a window here? Asked before the QApplication exists.

When Qt's platform plugin cannot load (a Debian or Ubuntu desktop without the X11 client
libraries Qt 6 needs), Qt prints a paragraph in English and aborts the process. A clerk
deserves one sentence that names what to install, so on Linux the app first loads the ``xcb``
plugin itself and, only when that fails, asks ``ldd`` what is missing. Nothing here imports
Qt: finding the plugin only needs PySide6's folder.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from kinerja_desktop.domain.messages import text

# The Debian/Ubuntu packages that hold what PySide6 6.11's libqxcb.so links to, beyond a minimal
# system (derived with ``ldd libqxcb.so`` and ``dpkg -S`` on each library; README names them).
XCB_PACKAGES = (
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
)


def xcb_plugin() -> Path | None:
    """PySide6's ``libqxcb.so``, or ``None`` where PySide6 ships none (Windows, macOS)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_libraries(library: Path) -> list[str]:
    """The shared libraries ``ldd`` reports as "not found" for ``library``, in order, once each.

    An empty list when ``ldd`` is not installed or fails: then Qt's own message is the best
    there is, and guessing would only stop a window that might well open.
    """
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        done = subprocess.run(
            [ldd, str(library)], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    missing: list[str] = []
    for line in done.stdout.splitlines():
        name, arrow, where = line.strip().partition("=>")
        if arrow and where.strip() == "not found" and name.strip() not in missing:
            missing.append(name.strip())
    return missing


def _loads(library: Path) -> bool:
    """Whether the dynamic loader can load ``library`` with everything it links.

    About 8 ms, nearly all of it loading Qt's own libraries, which Qt loads next anyway; ``ldd``
    (a process of its own, about 20 ms) runs only when this fails, to name what is missing.
    """
    try:
        ctypes.CDLL(str(library))
    except OSError:
        return False
    return True


def wants_xcb(env: Mapping[str, str]) -> bool:
    """Whether Qt would use the X11 (``xcb``) platform plugin with this environment."""
    chosen = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].split(";", 1)[0].strip()
    if chosen:
        return chosen == "xcb"
    # Qt 6 prefers Wayland when a compositor is announced and falls back to xcb otherwise.
    return not env.get("WAYLAND_DISPLAY")


def platform_problem(
    lang: str = "id",
    *,
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    plugin: Path | None = None,
) -> str | None:
    """One sentence explaining why no window can open here, or ``None`` when nothing is known
    to be wrong. Only Linux with the ``xcb`` plugin is checked."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or not wants_xcb(env):
        return None
    plugin = xcb_plugin() if plugin is None else plugin
    if plugin is None:
        return None
    missing = [] if _loads(plugin) else missing_libraries(plugin)
    if missing:
        return text(
            "gui.platform_libraries",
            lang,
            libraries=", ".join(missing),
            packages=" ".join(XCB_PACKAGES),
        )
    if not env.get("DISPLAY"):
        return text("gui.no_display", lang)
    return None
