"""Small shared pieces of the plans screens: questions behind patchable classmethods
(DESIGN.md convention 9), decimal input the Indonesian way, and the error line of a form."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QLabel,
    QWidget,
)

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.gui.kit.dialogs import Confirm, ReasonDialog  # noqa: F401 (re-exported)
from kinerja_desktop.gui.kit.errors import inline_error_label
from kinerja_desktop.gui.kit.format import fmt_decimal


def _tr(text: str) -> str:
    return QCoreApplication.translate("Plans", text)


class BadNumber(ValueError):
    """A cell that is not a number; carries the text for the message."""


def parse_decimal(text: str) -> Decimal | None:
    """``"95,5"`` or ``"95.5"`` or ``"1.234,5"`` → Decimal; empty → None.

    Raises:
        BadNumber: for anything else.
    """
    clean = (text or "").strip().replace(" ", "")
    if not clean:
        return None
    if "," in clean:
        clean = clean.replace(".", "").replace(",", ".")
    try:
        value = Decimal(clean)
    except InvalidOperation as exc:
        raise BadNumber(text) from exc
    if not value.is_finite():
        raise BadNumber(text)
    return value


def show_decimal(value: Decimal | None) -> str:
    """A number as a clerk types it back: ``95,5``, ``12`` (no thousands dot)."""
    if value is None:
        return ""
    return fmt_decimal(value).replace(".", "")


def error_text(err: KinerjaError, lang: str = "id") -> str:
    return describe(err, lang)


def error_label() -> QLabel:
    return inline_error_label("error")


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def notify(widget: QWidget, kind: str) -> None:
    """Tell the main window that ``kind`` changed (views reload on ``changes_made``)."""
    from kinerja_desktop.gui.kit.tasks import publish_changes
    from kinerja_desktop.services.common.dto import Changes

    publish_changes(widget, Changes.of(kind))
