"""Errors at the GUI edge: typed errors are worded, anything unexpected is logged and shown.

:func:`install_excepthook` replaces ``sys.excepthook`` (Qt calls it for an exception raised in a
slot). A :class:`KinerjaError` is shown as its catalogue sentence only, never a traceback
(DESIGN.md convention 5). Anything else is logged with its traceback and shown as a short
Indonesian sentence plus details the clerk can copy into a message to the maintainer.

The trap: the hook must survive its own failure. An exception while building or showing the
dialog (no QApplication yet, a broken display) must not re-enter the hook and loop, so a guard
flag falls back to the log and stderr.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe

log = logging.getLogger("kinerja_desktop.gui")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ErrorDialog", text)


class ErrorDialog(QDialog):
    """A short message, and for unexpected errors the details with a "Salin" button."""

    def __init__(self, message: str, details: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("error_dialog")
        self.setWindowTitle(_tr("Terjadi kesalahan") if details else _tr("Tidak dapat dilanjutkan"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.message_label = QLabel(message)
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        self.details: QPlainTextEdit | None = None
        buttons = QDialogButtonBox()
        if details:
            layout.addWidget(QLabel(_tr("Rincian teknis (untuk dikirim ke pengelola aplikasi):")))
            self.details = QPlainTextEdit(details)
            self.details.setObjectName("details")
            self.details.setReadOnly(True)
            self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            self.details.setMinimumHeight(180)
            layout.addWidget(self.details)
            self.copy_button = QPushButton(_tr("Salin"))
            self.copy_button.setObjectName("copy")
            self.copy_button.clicked.connect(self.copy_details)
            buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(_tr("Tutup"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        if self.details is not None:
            QGuiApplication.clipboard().setText(self.details.toPlainText())

    @classmethod
    def present(cls, message: str, details: str = "", parent: QWidget | None = None) -> None:
        """Show the dialog modally. Tests patch this method."""
        cls(message, details, parent).exec()


def friendly_message(exc: BaseException, lang: str = "id") -> tuple[str, str]:
    """The sentence and the details to show for ``exc`` (details empty for typed errors)."""
    if isinstance(exc, KinerjaError):
        return describe(exc, lang), ""
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    message = _tr(
        "Terjadi kesalahan yang tidak terduga. Pekerjaan yang sudah disimpan aman. "
        "Jika terjadi lagi, salin rincian di bawah dan kirimkan ke pengelola aplikasi."
    )
    return message, details


class _Hook:
    """The installed hook; a class so tests can install and uninstall it cleanly."""

    def __init__(self, lang: str, parent: Callable[[], QWidget | None] | None) -> None:
        self.lang = lang
        self.parent = parent
        self.previous: ExceptHook = sys.excepthook
        self._busy = False

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        if isinstance(exc, KinerjaError):
            log.warning("refused: %s (%s)", exc.code, exc)
        else:
            log.error("unexpected error", exc_info=(exc_type, exc, tb))
        if self._busy:
            # The dialog itself failed and Qt sent that here: do not open another one.
            return
        self._busy = True
        try:
            show_error(exc, lang=self.lang, parent=self.parent() if self.parent else None)
        except Exception:
            log.exception("the error dialog failed")
            # stderr may be gone in a windowed build; the log above is what remains.
            with contextlib.suppress(Exception):
                sys.__excepthook__(exc_type, exc, tb)
        finally:
            self._busy = False


def show_error(exc: BaseException, *, lang: str = "id", parent: QWidget | None = None) -> None:
    """Show ``exc`` the way the excepthook does (for task errors and caught exceptions)."""
    message, details = friendly_message(exc, lang)
    if QApplication.instance() is None:
        # No GUI to show it in (a CLI path): stderr is all there is.
        print(message, file=sys.stderr)
        return
    ErrorDialog.present(message, details, parent)


def install_excepthook(
    *, lang: str = "id", parent: Callable[[], QWidget | None] | None = None
) -> Callable[[], None]:
    """Install the GUI excepthook; returns a function that puts the previous one back.

    Args:
        lang: the language of typed error messages.
        parent: returns the widget to centre dialogs on (usually the main window).
    """
    hook = _Hook(lang, parent)
    sys.excepthook = hook

    def uninstall() -> None:
        if sys.excepthook is hook:
            sys.excepthook = hook.previous

    return uninstall
