"""Errors at the GUI edge: typed errors are worded, anything unexpected is logged and shown.

:func:`install_excepthook` replaces ``sys.excepthook`` (Qt calls it for an exception raised in a
slot). A :class:`KinerjaError` is shown as its catalogue sentence only, never a traceback
(DESIGN.md convention 5). Anything else is logged with its traceback and shown as a short
Indonesian sentence plus a reference the clerk can copy to the maintainer: the kind of error,
the time and the log file that holds the details. The traceback and the exception's own text
stay in the log only: they may carry names, NIPs or birth dates, and mean nothing to a clerk.

This module is the one error funnel of the GUI: every failed action shows an
:class:`ErrorDialog` (``show_error`` for exceptions, ``MessageBox.error`` for a worded refusal
with its own title), and every inline message (a form's refusal, a dialog's status line) uses
:class:`InlineMessage` or :func:`inline_error_label`, so they look the same on every screen.

The trap: the hook must survive its own failure. An exception while building or showing the
dialog (no QApplication yet, a broken display) must not re-enter the hook and loop, so a guard
flag falls back to the log and stderr.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from datetime import datetime
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
from kinerja_desktop.domain.messages import describe, text
from kinerja_desktop.logsetup import current_log_file

log = logging.getLogger("kinerja_desktop.gui")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ErrorDialog", text)


#: The one style of an inline refusal or problem, and of an inline success.
INLINE_ERROR_STYLE = "color: #b3261e;"
INLINE_OK_STYLE = "color: #1b5e20;"


class InlineMessage(QLabel):
    """A line under a form or table for what just happened (success) or what is wrong."""

    def __init__(self, parent: QWidget | None = None, *, name: str = "status") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)

    def ok(self, text: str) -> None:
        self.setStyleSheet(INLINE_OK_STYLE)
        self.setText(text)

    def problem(self, text: str) -> None:
        self.setStyleSheet(INLINE_ERROR_STYLE)
        self.setText(text)


def inline_error_label(name: str = "error") -> QLabel:
    """A hidden label in the inline error style; show it with the refusal's sentence."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(INLINE_ERROR_STYLE)
    label.hide()
    return label


class ErrorDialog(QDialog):
    """The one error dialog: a short message, an optional note, and for unexpected errors
    the details with a "Salin" button."""

    def __init__(
        self,
        message: str,
        details: str = "",
        parent: QWidget | None = None,
        *,
        title: str = "",
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("error_dialog")
        fallback = _tr("Terjadi kesalahan") if details else _tr("Tidak dapat dilanjutkan")
        self.setWindowTitle(title or fallback)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.message_label = QLabel(message)
        self.message_label.setObjectName("message")
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        if note:
            note_label = QLabel(note)
            note_label.setObjectName("note")
            note_label.setWordWrap(True)
            layout.addWidget(note_label)
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


def _collision(exc: BaseException) -> bool:
    """A unique key another writer took a moment ago (two copies saving the same row)."""
    return any(cls.__name__ == "IntegrityError" for cls in type(exc).__mro__)


def friendly_message(exc: BaseException, lang: str = "id") -> tuple[str, str]:
    """The sentence and the copyable reference to show for ``exc`` (empty for typed errors).

    Never the traceback nor ``str(exc)``: those are in the log (:func:`show_error` writes
    them there).
    """
    if isinstance(exc, KinerjaError):
        return describe(exc, lang), ""
    if _collision(exc):
        return text("db.write_collision", lang), ""
    where = current_log_file()
    reference = text(
        "gui.error_reference",
        lang,
        kind=type(exc).__name__,
        time=datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
        log=str(where) if where else "-",
    )
    message = text("gui.unexpected", lang)
    return message, reference


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
        if self._busy:
            # The dialog itself failed and Qt sent that here: log it, open no other one.
            log.error("unexpected error", exc_info=(exc_type, exc, tb))
            return
        self._busy = True
        try:
            show_error(exc, lang=self.lang, parent=self.parent() if self.parent else None)
        except Exception:
            # The log holds both tracebacks; stderr gets no traceback (it may carry personal
            # data and a windowed build has no console anyway).
            log.exception("the error dialog failed")
            with contextlib.suppress(Exception):
                print(friendly_message(exc, self.lang)[0], file=sys.stderr)
        finally:
            self._busy = False


def show_error(exc: BaseException, *, lang: str = "id", parent: QWidget | None = None) -> None:
    """Log ``exc`` and show it the way the excepthook does (task errors, caught exceptions).

    Typed errors are logged by their code only; anything else with its traceback.
    """
    if isinstance(exc, KinerjaError):
        log.warning("refused: %s", exc.code)
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
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
