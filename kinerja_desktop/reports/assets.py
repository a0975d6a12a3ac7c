"""Where the files shipped with the app are: one lookup for the reports' fonts and images.

Resources live in the top-level ``resources/`` folder of the source tree (``resources/fonts``,
``resources/i18n``...). The same relative path is looked up, in order:

1. inside a PyInstaller bundle (``sys._MEIPASS/resources/...``): the spec must add
   ``("resources/fonts", "resources/fonts")`` to ``datas``;
2. inside the installed package (``kinerja_desktop/resources/...``), for a wheel that copies
   the folder in;
3. beside the package (``<checkout>/resources/...``), for a source checkout or an editable
   install.
"""

from __future__ import annotations

from pathlib import Path

from kinerja_desktop.config import resource_dirs

__all__ = ["FONT_FILES", "font_dir", "resource_path"]

_PACKAGE = Path(__file__).resolve().parent.parent

#: The embedded TrueType faces: DejaVu Sans Condensed (free licence, resources/fonts/LICENSE).
FONT_FILES = {
    "regular": "DejaVuSansCondensed.ttf",
    "bold": "DejaVuSansCondensed-Bold.ttf",
    "italic": "DejaVuSansCondensed-Oblique.ttf",
}
# Last resort on a Linux machine where the bundle lost its fonts: the system copy of the same.
_SYSTEM_FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)


def _roots() -> list[Path]:
    # One lookup order for the whole app (bundle, source tree, package, installed data files).
    return resource_dirs()


def resource_path(*parts: str) -> Path | None:
    """The first existing ``resources/<parts...>``, or ``None``."""
    for root in _roots():
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    return None


def font_dir() -> Path | None:
    """The folder holding every file of :data:`FONT_FILES`, or ``None`` when none does."""
    shipped = resource_path("fonts")
    for folder in ([shipped] if shipped else []) + list(_SYSTEM_FONT_DIRS):
        if all((folder / name).exists() for name in FONT_FILES.values()):
            return folder
    return None
