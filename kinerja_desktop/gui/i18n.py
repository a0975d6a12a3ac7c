"""Qt translators for the chosen language (DESIGN.md convention 10), and the language choice.

Indonesian is the source language, so ``lang="id"`` needs no translation file; the English
``kinerja_en.qm`` lives in ``resources/i18n`` (made by ``packaging/update_translations.py``)
and Qt's own ``qtbase_<lang>.qm`` is installed when Qt ships it (it has none for Indonesian,
which is why dialogs set their button texts themselves). A missing file is not an error: the
app then speaks Indonesian.

Which language: ``--lang`` on the command line wins; otherwise the choice saved on this
computer (the Settings dialog writes it, :func:`save_preferred_language`); otherwise Indonesian.
The language is per computer, not per database: two clerks sharing one database file on a
network drive may read it in different languages. A change takes effect at the next start.

``lang="pseudo"`` installs :class:`PseudoTranslator`, made at run time: every string that the
translation tools extract is wrapped in ``⟦…⟧`` and lengthened by about 40 %, so a string that
does not go through Qt's translation (or that lupdate cannot see) shows up unwrapped, and a
layout that cannot take longer (English or other) texts shows where it breaks. The shared
message catalogue treats ``pseudo`` as Indonesian.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from xml.etree import ElementTree

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)

from kinerja_desktop.config import APP_AUTHOR, APP_NAME, resource_dirs

log = logging.getLogger(__name__)

#: Languages a user can choose; ``pseudo`` is for developers and not offered in the dialog.
LANGUAGES: tuple[str, ...] = ("id", "en")
PSEUDO = "pseudo"
DEFAULT_LANGUAGE = "id"
_SETTINGS_KEY = "ui/language"
PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"

_LOCALES = {
    "id": QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
    PSEUDO: QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia),
}


def translation_dirs() -> list[Path]:
    """Where ``.qm`` files may be: a frozen bundle, the source tree, the installed package."""
    return [folder / "i18n" for folder in resource_dirs()]


def catalogue_lang(lang: str) -> str:
    """The language code for :mod:`kinerja_desktop.domain.messages` (``pseudo`` -> ``id``)."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


# -- the choice saved on this computer -----------------------------------------------------------


def settings_store() -> QSettings:
    """This computer's per-user settings (an INI file, also on Windows, so it is easy to find
    and tests can redirect it with ``QSettings.setPath``)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_AUTHOR, APP_NAME)


def saved_language() -> str | None:
    """The language saved on this computer, or ``None`` when none (or an unknown one) is."""
    value = settings_store().value(_SETTINGS_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else None


def save_preferred_language(lang: str) -> None:
    """Remember ``lang`` (``id`` or ``en``) for the next start on this computer."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    store = settings_store()
    store.setValue(_SETTINGS_KEY, lang)
    store.sync()


def preferred_language(explicit: str | None = None) -> str:
    """``explicit`` (from ``--lang``) when given, else the saved choice, else Indonesian."""
    if explicit in (*LANGUAGES, PSEUDO):
        return explicit
    return saved_language() or DEFAULT_LANGUAGE


# -- translators ------------------------------------------------------------------------------

# Placeholders ({name}), mnemonics (&) and HTML tags survive pseudo-translation unchanged.
_PROTECTED = re.compile(r"\{[^{}]*\}|&.|<[^<>]*>|%n|%\d")
_KEY_SEQUENCE = re.compile(r"^((Ctrl|Alt|Shift|Meta)\+)+\S+$|^F\d{1,2}$")
_ACCENTS = str.maketrans("aeiouAEIOUcnsyCNSY", "áéíöüÅÉÎÖÜçñšýÇÑŠÝ")


def pseudo_text(source: str) -> str:
    """``source`` with accented letters, about 40 % longer, wrapped in ``⟦…⟧``.

    Shortcut texts (``Ctrl+Q``) are returned unchanged: a pseudo shortcut would not parse.
    """
    if not source or _KEY_SEQUENCE.match(source):
        return source
    pieces: list[str] = []
    last = 0
    for match in _PROTECTED.finditer(source):
        pieces.append(source[last : match.start()].translate(_ACCENTS))
        pieces.append(match.group())
        last = match.end()
    pieces.append(source[last:].translate(_ACCENTS))
    padding = "·" * max(2, round(len(source) * 0.4))
    return f"{PSEUDO_OPEN}{''.join(pieces)}{padding}{PSEUDO_CLOSE}"


class PseudoTranslator(QTranslator):
    """Translates strings into their :func:`pseudo_text`; needs no ``.qm`` file.

    Args:
        known: the (context, source) pairs lupdate extracts (:func:`known_messages`). A string
            outside it is returned unchanged, so it shows unwrapped: lupdate cannot see it, or
            its context at run time is not the one lupdate recorded. ``None`` wraps everything.
    """

    def __init__(
        self, parent: QObject | None = None, *, known: set[tuple[str, str]] | None = None
    ) -> None:
        super().__init__(parent)
        self._known = known

    def translate(  # type: ignore[override]
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        # Returning the source (never "") lets PySide try the base classes' contexts next, as
        # it does with a real .qm file.
        if source_text == "QT_LAYOUT_DIRECTION":
            return source_text
        if self._known is not None and (context, source_text) not in self._known:
            return source_text
        return pseudo_text(source_text)

    def isEmpty(self) -> bool:
        return False


def known_messages(ts_path: Path) -> set[tuple[str, str]]:
    """The (context, source) pairs of a Qt ``.ts`` file."""
    root = ElementTree.parse(ts_path).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for ``lang``; returns them (parented to ``app``)."""
    locale = _LOCALES.get(lang, _LOCALES[DEFAULT_LANGUAGE])
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    if lang == PSEUDO:
        # In a source checkout the English .ts lists what lupdate extracts; a bundle has none.
        ts_files = [
            d / "kinerja_en.ts" for d in translation_dirs() if (d / "kinerja_en.ts").is_file()
        ]
        known = known_messages(ts_files[0]) if ts_files else None
        translator = PseudoTranslator(app, known=known)
        app.installTranslator(translator)
        return [translator]
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


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo :func:`install_translators` (tests switch languages within one process)."""
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
