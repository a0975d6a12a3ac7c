"""The Bantuan menu: a guide per view in Indonesian and English, and the shortcuts list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton

from kinerja_desktop.gui.ext.help import show_help
from kinerja_desktop.gui.help.dialog import SHORTCUTS, TOPICS, HelpDialog, help_dir
from kinerja_desktop.gui.main_window import VIEW_NAMES, MainWindow

HELP_ROOT = Path(__file__).resolve().parents[3] / "resources" / "help"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_topic_has_a_page_and_every_link_resolves(lang: str) -> None:
    folder = help_dir(lang)
    assert folder == HELP_ROOT / lang
    for name, _title in TOPICS:
        if name == SHORTCUTS:
            continue
        page = (folder / f"{name}.html").read_text("utf-8")
        assert "<h2>" in page and len(re.sub(r"<[^>]+>", "", page)) > 300
        for target in re.findall(r'href="([^"#]+)', page):
            assert (folder / target).is_file(), f"{lang}/{name}.html links to {target}"
    assert set(VIEW_NAMES) <= {name for name, _title in TOPICS}


def test_both_languages_have_the_same_pages_and_anchors() -> None:
    pages = {
        lang: sorted(p.name for p in (HELP_ROOT / lang).glob("*.html")) for lang in ("id", "en")
    }
    assert pages["id"] == pages["en"]
    for name in pages["id"]:
        anchors = {
            lang: re.findall(r'name="([^"]+)"', (HELP_ROOT / lang / name).read_text("utf-8"))
            for lang in ("id", "en")
        }
        assert anchors["id"] == anchors["en"], name


def test_f1_opens_the_guide_of_the_current_view(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.select_view("sync")
    action = window.action_help_guide
    assert action in window.menu_help.actions()
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    action.trigger()
    dialog = window.help_dialog
    qtbot.addWidget(dialog)
    assert isinstance(dialog, HelpDialog) and dialog.isVisible()
    assert dialog.current_topic() == "sync"
    assert "Membuat dan mengirim paket" in dialog.browser.toPlainText()

    # Choosing another topic in the list shows its page; "Kembali" goes back.
    employees_row = [name for name, _t in TOPICS].index("employees")
    item = dialog.topics.item(employees_row)
    rect = dialog.topics.visualItemRect(item)
    qtbot.mouseClick(dialog.topics.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "Impor dari Excel" in dialog.browser.toPlainText()
    back = dialog.findChild(QPushButton, "help_back")
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert dialog.current_topic() == "sync"


def test_english_guide_and_shortcuts(qtbot) -> None:
    window = MainWindow(lang="en")
    qtbot.addWidget(window)
    window.select_view("evaluations")
    dialog = show_help(window)
    qtbot.addWidget(dialog)
    assert "Performance evaluations" in dialog.browser.toPlainText()
    window.action_help_shortcuts.trigger()
    assert dialog.current_topic() == SHORTCUTS
    text = dialog.browser.toPlainText()
    quit_keys = window.action_quit.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert quit_keys and quit_keys in text
    assert "F1" in text and "Esc" in text
    # Settings' shortcut is read from its action, not written by hand.
    settings_keys = window.action_settings.shortcut().toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert settings_keys in text
