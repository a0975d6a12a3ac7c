"""The help window: topics on the left, the page on the right (a QTextBrowser).

Pages are HTML files in ``resources/help/<lang>/`` (Indonesian ``id``, English ``en``), one per
view plus the how-to pages; a language without a page falls back to Indonesian. Links between
pages work inside the browser; the shortcuts page is generated from the window's actions.
The dialog is modeless, so a clerk can keep it open beside the view it explains.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.config import resource_path
from kinerja_desktop.gui.help.shortcuts import shortcuts_html

SHORTCUTS = "shortcuts"
#: (topic, title) in the order of the list; the topic is the file name without ``.html``.
#: The first five are the sidebar views, named as :data:`gui.main_window.VIEW_NAMES`.
TOPICS: tuple[tuple[str, str], ...] = (
    ("index", QT_TRANSLATE_NOOP("HelpDialog", "Daftar isi")),
    ("employees", QT_TRANSLATE_NOOP("HelpDialog", "Pegawai")),
    ("indicators", QT_TRANSLATE_NOOP("HelpDialog", "Indikator dan SKP")),
    ("evaluations", QT_TRANSLATE_NOOP("HelpDialog", "Evaluasi")),
    ("reports", QT_TRANSLATE_NOOP("HelpDialog", "Laporan")),
    ("sync", QT_TRANSLATE_NOOP("HelpDialog", "Sinkronisasi")),
    ("dashboard", QT_TRANSLATE_NOOP("HelpDialog", "Dasbor")),
    ("period", QT_TRANSLATE_NOOP("HelpDialog", "Langkah satu periode")),
    ("settings", QT_TRANSLATE_NOOP("HelpDialog", "Pengaturan dan cadangan")),
    (SHORTCUTS, QT_TRANSLATE_NOOP("HelpDialog", "Pintasan keyboard")),
)
_CONTEXT = "HelpDialog"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def help_dir(lang: str) -> Path:
    """The folder of the help pages in ``lang``, Indonesian when there is none."""
    folder = resource_path("help", lang)
    return folder if folder.is_dir() else resource_path("help", "id")


class HelpDialog(QDialog):
    """Shows one topic; :meth:`show_topic` switches."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        lang: str = "id",
        topic: str = "index",
        shortcuts_from: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle(_tr("Bantuan Kinerja Desktop"))
        self.resize(860, 600)
        self._folder = help_dir(lang)
        self._shortcuts_from = shortcuts_from or parent

        self.topics = QListWidget()
        self.topics.setObjectName("help_topics")
        self.topics.setMaximumWidth(240)
        self.topics.setStyleSheet("QListWidget::item { padding: 5px 6px; }")
        for name, title in TOPICS:
            item = QListWidgetItem(_tr(title))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.topics.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_browser")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(self._folder)])
        self.browser.sourceChanged.connect(self._sync_list)
        self.topics.currentRowChanged.connect(self._on_row)

        splitter = QSplitter()
        splitter.addWidget(self.topics)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(_tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("help_close")
        buttons.rejected.connect(self.close)
        back = buttons.addButton(_tr("Kembali"), QDialogButtonBox.ButtonRole.ActionRole)
        back.setObjectName("help_back")
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        back.setEnabled(False)

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(splitter)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.show_topic(topic)

    def show_topic(self, topic: str) -> None:
        """Show ``topic`` (a name of :data:`TOPICS`; unknown names show the contents)."""
        names = [name for name, _title in TOPICS]
        if topic not in names:
            topic = "index"
        if topic == SHORTCUTS:
            self.browser.setHtml(
                shortcuts_html(self._shortcuts_from) if self._shortcuts_from else ""
            )
            self._select(SHORTCUTS)
            return
        self.browser.setSource(QUrl.fromLocalFile(str(self._folder / f"{topic}.html")))

    def current_topic(self) -> str:
        item = self.topics.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def _on_row(self, row: int) -> None:
        item = self.topics.item(row)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) != self._shown_topic():
            self.show_topic(str(item.data(Qt.ItemDataRole.UserRole)))

    def _shown_topic(self) -> str:
        source = self.browser.source()
        return Path(source.toLocalFile()).stem if source.isValid() else SHORTCUTS

    def _sync_list(self, url: QUrl) -> None:
        self._select(Path(url.toLocalFile()).stem)

    def _select(self, topic: str) -> None:
        for row in range(self.topics.count()):
            if self.topics.item(row).data(Qt.ItemDataRole.UserRole) == topic:
                blocked = self.topics.blockSignals(True)
                self.topics.setCurrentRow(row)
                self.topics.blockSignals(blocked)
                return
