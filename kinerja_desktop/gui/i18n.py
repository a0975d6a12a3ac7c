"""Qt translators for the chosen language (DESIGN.md convention 10).

Indonesian is the source language, so ``lang="id"`` needs no translation file; a
``kinerja_<lang>.qm`` under ``resources/i18n`` is installed when one exists, and Qt's own
``qtbase_<lang>.qm`` when Qt ships it (it has none for Indonesian, which is why dialogs set
their button texts themselves). A missing file is not an error: the app then speaks Indonesian.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

_LOCALES = {
    "id": QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def translation_dirs() -> list[Path]:
    """Where ``.qm`` files may be: the installed package, the source tree, a frozen bundle."""
    package = Path(__file__).resolve().parents[1]
    dirs = [package / "resources" / "i18n", package.parent / "resources" / "i18n"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.insert(0, Path(bundle) / "resources" / "i18n")
    return dirs


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for ``lang``; returns them (keep them alive while in use)."""
    locale = _LOCALES.get(lang, _LOCALES["id"])
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"kinerja_{lang}", str(d)) for d in translation_dirs() if d.is_dir()]
    candidates.append((f"qtbase_{lang}", qt_dir))
    loaded_app = False
    for name, folder in candidates:
        if name.startswith("kinerja_") and loaded_app:
            continue
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
            loaded_app = loaded_app or name.startswith("kinerja_")
            log.info("translation %s loaded from %s", name, folder)
    return installed
