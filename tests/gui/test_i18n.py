"""Translations: .ts and .qm agree, every visible string is translatable, English switches.

The "translatable" check builds the window under the pseudo-locale made from a fresh lupdate
run over today's sources: a string lupdate cannot see, or whose run-time context is not the one
lupdate recorded, is shown unwrapped and named in the failure.
"""

from __future__ import annotations

import ast
import filecmp
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.messages import MESSAGES
from kinerja_desktop.domain.messages.enum_labels import ENUM_LABELS
from kinerja_desktop.gui import i18n
from kinerja_desktop.gui.main_window import VIEW_NAMES, MainWindow
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import update_translations  # noqa: E402

ADMIN = Actor("admin", frozenset({Role.ADMIN}))
MARK = i18n.PSEUDO_OPEN


@pytest.fixture(autouse=True)
def machine_settings(tmp_path: Path) -> Iterator[None]:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "x"))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """(context, source) of every string lupdate extracts from the current sources."""
    ts = tmp_path_factory.mktemp("lupdate") / "kinerja_xx.ts"
    update_translations.run_lupdate(ts)
    return i18n.known_messages(ts)


def _install(qapp: QApplication, translator) -> Iterator[None]:
    qapp.installTranslator(translator)
    try:
        yield
    finally:
        qapp.removeTranslator(translator)


@pytest.fixture
def pseudo(qapp: QApplication, extracted: set[tuple[str, str]]) -> Iterator[None]:
    yield from _install(qapp, i18n.PseudoTranslator(known=extracted))


@pytest.fixture(autouse=True)
def keep_locale() -> Iterator[None]:
    """install_translators sets the default QLocale; later tests expect the one they had."""
    saved = QLocale()
    yield
    QLocale.setDefault(saved)


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    translators = i18n.install_translators(qapp, "en")
    assert translators, "resources/i18n/kinerja_en.qm did not load"
    try:
        yield
    finally:
        i18n.remove_translators(qapp, translators)


# -- the pseudo-locale -------------------------------------------------------------------------


def test_pseudo_text_is_longer_and_keeps_placeholders_and_shortcuts() -> None:
    source = "Kantor: {code} — {name}"
    text = i18n.pseudo_text(source)
    assert text.startswith(MARK) and text.endswith(i18n.PSEUDO_CLOSE)
    assert "{code}" in text and "{name}" in text
    assert text.format(code="NGL", name="Nanggalo")  # still formats
    assert len(text) >= len(source) * 1.3
    assert "&B" in i18n.pseudo_text("&Berkas")
    assert i18n.pseudo_text("Ctrl+Q") == "Ctrl+Q"


def test_pseudo_translator_leaves_unknown_strings_unwrapped(qapp: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    translator = i18n.PseudoTranslator(known={("Ctx", "Dikenal")})
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Ctx", "Dikenal").startswith(MARK)
        assert QCoreApplication.translate("Ctx", "Asing") == "Asing"
        assert QCoreApplication.translate("Lain", "Dikenal") == "Dikenal"
    finally:
        qapp.removeTranslator(translator)


# -- .ts and .qm -------------------------------------------------------------------------------


def test_ts_and_qm_in_git_agree(tmp_path: Path) -> None:
    ts = update_translations.TS_EN
    qm = update_translations.QM_EN
    assert ts.is_file() and qm.is_file()
    fresh = tmp_path / "kinerja_en.qm"
    update_translations.run_lrelease(ts, fresh)
    assert filecmp.cmp(fresh, qm, shallow=False), (
        "resources/i18n/kinerja_en.qm is not the compiled kinerja_en.ts: "
        "run python packaging/update_translations.py"
    )


# -- every visible string is translatable ------------------------------------------------------


def _has_words(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of the chrome a user reads: labels, buttons, group titles, tabs,
    placeholders and column headers of every visible widget under ``root``."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, kind: str, text: str) -> None:
        if text and _has_words(text):
            where = f"{type(widget).__name__}({widget.objectName() or '-'}).{kind}"
            found.append((where, text))

    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, QLabel) and not widget.property("i18n_data"):
            add(widget, "text", widget.text())
        elif isinstance(widget, QAbstractButton):
            add(widget, "text", widget.text())
            add(widget, "toolTip", widget.toolTip())
        elif isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget, f"tab{index}", widget.tabText(index))
        if isinstance(widget, QLineEdit) and not widget.isReadOnly():
            add(widget, "placeholder", widget.placeholderText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            header = widget.findChild(QHeaderView)
            if header is None or not header.isVisibleTo(root):
                continue
            model = widget.model()
            for column in range(model.columnCount()):
                title = model.headerData(
                    column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
                )
                add(widget, f"header{column}", str(title or ""))
    return found


def menu_texts(menu: QMenu, path: str) -> list[tuple[str, str]]:
    found = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        found.append((f"menu {path}", action.text()))
        if action.menu() is not None:
            found += menu_texts(action.menu(), f"{path} › {action.text()}")
    return found


def _catalogue_texts() -> set[str]:
    """Indonesian texts of the shared message catalogue: worded by ``label()``/``text()`` in
    the window's language (its own English), not by Qt, so they are not wrapped."""
    texts = {entry[0] for labels in ENUM_LABELS.values() for entry in labels.values()}
    return {_bare(text) for text in texts | {entry[0] for entry in MESSAGES.values()}}


def _bare(text: str) -> str:
    return re.sub(r"[\s≥:()…]+$", "", text.strip())


def _unwrapped(found: list[tuple[str, str]]) -> list[str]:
    catalogue = _catalogue_texts()
    return [
        f"{where}: {text!r}"
        for where, text in found
        if MARK not in text and _bare(text) not in catalogue
    ]


def test_every_visible_string_of_every_view_is_translatable(
    qtbot, pseudo, demo_db_path: Path
) -> None:
    db = Database.open(demo_db_path)
    window = MainWindow()
    qtbot.addWidget(window)
    try:
        window.resize(1280, 800)
        window.set_database(db)
        window.set_actor(ADMIN)
        window.show()
        found: list[tuple[str, str]] = []
        for name in VIEW_NAMES:
            view = window.select_view(name)
            qtbot.waitUntil(lambda v=view: not v.isHidden())
            found += [(f"view {name}: {w}", t) for w, t in visible_texts(view)]
        found += [(f"sidebar: {w}", t) for w, t in visible_texts(window.sidebar)]
        for row in range(window.sidebar.count()):
            found.append(("sidebar item", window.sidebar.item(row).text()))
        found += [(f"status bar: {w}", t) for w, t in visible_texts(window.statusBar())]
        for action in window.menuBar().actions():
            if action.isVisible():
                found.append(("menu bar", action.text()))
                if action.menu() is not None:
                    found += menu_texts(action.menu(), action.text())
        assert len(found) > 40
        assert not _unwrapped(found), "not translatable:\n" + "\n".join(_unwrapped(found))
    finally:
        window.set_database(None)
        db.close()


def test_settings_and_help_dialogs_are_translatable(qtbot, pseudo, demo_db_path: Path) -> None:
    from kinerja_desktop.gui.ext.help import show_help
    from kinerja_desktop.gui.ext.settings import open_settings

    db = Database.open(demo_db_path)
    window = MainWindow()
    qtbot.addWidget(window)
    try:
        window.set_database(db)
        window.set_actor(ADMIN)
        dialog = open_settings(window)
        qtbot.addWidget(dialog)
        dialog.show()
        found = [("settings title", dialog.windowTitle())]
        for index in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(index)
            found += visible_texts(dialog)
        help_dialog = show_help(window)
        qtbot.addWidget(help_dialog)
        found += visible_texts(help_dialog)
        found += [
            ("help topic", help_dialog.topics.item(row).text())
            for row in range(help_dialog.topics.count())
        ]
        # Office names and letterhead lines are data, not interface text.
        data = {dialog.office_label.text()}
        found = [(where, text) for where, text in found if text not in data]
        assert not _unwrapped(found), "not translatable:\n" + "\n".join(_unwrapped(found))
    finally:
        window.set_database(None)
        db.close()


# -- English ---------------------------------------------------------------------------------


def test_english_switches_the_window(qtbot, english) -> None:
    window = MainWindow(lang="en")
    qtbot.addWidget(window)
    sidebar = [window.sidebar.item(row).text() for row in range(window.sidebar.count())]
    assert sidebar == [
        "Employees",
        "Indicators",
        "Evaluations",
        "Reports",
        "Synchronisation",
        "Dashboard",
    ]
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&File" in menus and "&Help" in menus
    assert window.action_settings.text() == "&Settings…"


def test_language_preference_and_command_line_override(monkeypatch) -> None:
    assert i18n.preferred_language(None) == "id"
    i18n.save_preferred_language("en")
    assert i18n.preferred_language(None) == "en"
    assert i18n.preferred_language("id") == "id"
    assert i18n.preferred_language("pseudo") == "pseudo"
    with pytest.raises(ValueError):
        i18n.save_preferred_language("fr")
    assert i18n.catalogue_lang("pseudo") == "id" and i18n.catalogue_lang("en") == "en"


def test_gui_start_uses_the_saved_language_unless_lang_is_given(monkeypatch, tmp_path) -> None:
    from kinerja_desktop.cli import core

    started: list[str | None] = []
    monkeypatch.setattr(core, "start_gui", lambda path, lang: started.append(lang) or 0)
    db = str(tmp_path / "kantor.sqlite")
    assert core.main(["--db", db]) == 0
    assert core.main(["--db", db, "--lang", "en"]) == 0
    assert core.main(["--lang=pseudo", "--db", db]) == 0
    assert started == [None, "en", "pseudo"]
    i18n.save_preferred_language("en")
    assert i18n.preferred_language(started[0]) == "en"


def test_every_english_text_keeps_the_placeholders_and_mnemonics_of_its_source() -> None:
    # A wrong {field} would make str.format raise at run time in English only.
    problems = []
    for context, source, english in update_translations.read_messages(update_translations.TS_EN):
        if english is None:
            continue
        fields = sorted(re.findall(r"\{(\w*)\}", source))
        if fields != sorted(re.findall(r"\{(\w*)\}", english)):
            problems.append(f"[{context}] {source!r} -> {english!r}: fields differ")
        if ("&" in source.replace("&&", "")) != ("&" in english.replace("&&", "")):
            problems.append(f"[{context}] {source!r} -> {english!r}: mnemonic")
        if source.endswith("…") != english.endswith("…"):
            problems.append(f"[{context}] {source!r} -> {english!r}: ellipsis")
    assert not problems, "\n".join(problems)


def test_lang_pseudo_installs_the_pseudo_translator_from_the_english_catalogue(
    qapp: QApplication,
) -> None:
    from PySide6.QtCore import QCoreApplication

    translators = i18n.install_translators(qapp, "pseudo")
    try:
        assert len(translators) == 1 and isinstance(translators[0], i18n.PseudoTranslator)
        assert QCoreApplication.translate("MainWindow", "&Berkas").startswith(MARK)
        # Not in the catalogue lupdate made: shown as written, so it stands out.
        assert QCoreApplication.translate("MainWindow", "Tidak ada di katalog") == (
            "Tidak ada di katalog"
        )
    finally:
        i18n.remove_translators(qapp, translators)
    assert QCoreApplication.translate("MainWindow", "&Berkas") == "&Berkas"


# Texts that are names or data, not interface words: the product name, the default city of a
# new office, a paper size.
_NOT_WORDS = {"Kinerja Desktop", "Padang", "A4"}
_TEXT_SETTERS = {
    "setText", "setPlaceholderText", "setToolTip", "setWindowTitle", "setTitle",
    "setStatusTip", "addTab", "insertTab", "setTabText", "setHeaderLabels",
    "setHorizontalHeaderLabels", "showMessage", "addAction", "addMenu", "setLabelText",
    "setInformativeText", "setWhatsThis", "addRow", "setSuffix", "setPrefix",
    "setSpecialValueText", "addItem",
}  # fmt: skip
_TEXT_WIDGETS = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction"}


def _literal_words(node: ast.AST) -> str:
    """The literal text of a str or f-string argument without HTML tags and placeholders."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    else:
        return ""
    text = re.sub(r"<[^>]*>", "", text).strip(" —·:")
    return text if any(ch.isalpha() for ch in text) and text not in _NOT_WORDS else ""


def test_no_widget_text_in_any_dialog_is_a_plain_literal() -> None:
    """Every dialog, not only the views: a literal given straight to a widget is never
    translated (``QLabel("Simpan")`` instead of ``QLabel(self.tr("Simpan"))``)."""
    found = []
    for path in sorted((ROOT / "kinerja_desktop" / "gui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in _TEXT_SETTERS and name not in _TEXT_WIDGETS:
                continue
            # addItem(text, data): only the text is shown.
            args = node.args[:1] if name == "addItem" else node.args
            for arg in args:
                if words := _literal_words(arg):
                    where = path.relative_to(ROOT)
                    found.append(f"{where}:{node.lineno}: {name}({words!r})")
    assert not found, "untranslatable literals:\n" + "\n".join(found)
