"""Pieces the office evaluation dialogs share: questions behind patchable classmethods, who may
open what, and small widgets (an office chooser, a status line, category colours)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QSpinBox,
    QWidget,
)

from kinerja_desktop.domain.enums import AchievementCategory, Role
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.gui.kit import file_dialogs
from kinerja_desktop.gui.kit.dialogs import Confirm, MessageBox  # noqa: F401 (re-exported)
from kinerja_desktop.gui.kit.errors import InlineMessage
from kinerja_desktop.gui.kit.period_combo import PeriodCombo
from kinerja_desktop.services.common import Actor
from kinerja_desktop.services.common.dto import OfficeDTO

if TYPE_CHECKING:  # importing it loads SQLAlchemy, which must wait until after the paint
    from kinerja_desktop.services.common import Database

CONTEXT = "OfficeEval"

#: Roles that may open each dialog (the services check again on every write).
REALISATION_ROLES = frozenset({Role.ADMIN, Role.OPERATOR})
IKM_ROLES = frozenset({Role.ADMIN, Role.OPERATOR})
# Admins, the leader's own account (Penilai/Pimpinan linked to the head) and operators who
# record an outside leader's decision; which rows each may change is the service's decision.
ORG_ROLES = frozenset({Role.ADMIN, Role.OPERATOR, Role.PENILAI, Role.PIMPINAN})
PERIOD_ROLES = frozenset({Role.ADMIN})

# Light backgrounds per achievement category (text stays black, readable when printed).
CATEGORY_COLOURS = {
    AchievementCategory.SANGAT_TINGGI: QColor("#c8e6c9"),
    AchievementCategory.TINGGI: QColor("#dcedc8"),
    AchievementCategory.SEDANG: QColor("#fff9c4"),
    AchievementCategory.RENDAH: QColor("#ffe0b2"),
    AchievementCategory.SANGAT_RENDAH: QColor("#ffcdd2"),
}
INVALID_COLOUR = QColor("#ef9a9a")
READ_ONLY_COLOUR = QColor("#eeeeee")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def may_open(actor: Actor | None, roles: frozenset[Role]) -> bool:
    """True when someone is signed in with one of ``roles``."""
    return actor is not None and any(actor.has(r) for r in roles)


class AskText:
    """Asks for one line of text, such as a reason (tests patch :meth:`ask`)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, prompt)
        return text if ok else None


class AskFile:
    """Asks for a spreadsheet to open or a place to save one (tests patch these)."""

    @classmethod
    def open(cls, parent: QWidget | None, title: str) -> Path | None:
        return file_dialogs.open_file(
            parent, title, tr("Lembar kerja Excel (*.xlsx)"), kind="sheets"
        )

    @classmethod
    def save(cls, parent: QWidget | None, title: str, suggested: str) -> Path | None:
        path = file_dialogs.save_file(
            parent, title, suggested, tr("Lembar kerja Excel (*.xlsx)"), kind="sheets"
        )
        if path is None:
            return None
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")


class ErrorBox:
    """A failed action in one sentence (tests patch :meth:`show`)."""

    @classmethod
    def show(cls, parent: QWidget | None, title: str, err: KinerjaError, lang: str = "id") -> None:
        MessageBox.error(parent, title, describe(err, lang))


class OfficeCombo(QComboBox):
    """The offices of the database, the home office first; hands back office codes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def fill(self, offices: list[OfficeDTO], home: str | None) -> None:
        self.blockSignals(True)
        self.clear()
        ordered = sorted(offices, key=lambda o: (o.code != home, o.code))
        for office in ordered:
            self.addItem(f"{office.code} — {office.name}", office.code)
        self.blockSignals(False)

    def code(self) -> str | None:
        data = self.currentData()
        return data if isinstance(data, str) else None

    def select(self, code: str) -> bool:
        index = self.findData(code)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0


#: The one period picker (``gui/kit/period_combo.py``) under the name the dialogs use.
PeriodCodeCombo = PeriodCombo


def year_spin(year: int) -> QSpinBox:
    """The year picker every office dialog puts in its top row."""
    spin = QSpinBox()
    spin.setObjectName("year")
    spin.setRange(2000, 2100)
    spin.setValue(year)
    return spin


def labelled_row(*pairs: tuple[str, QWidget]) -> QHBoxLayout:
    """A top row "Label: widget  Label: widget ..." pushed to the left."""
    row = QHBoxLayout()
    for text, widget in pairs:
        row.addWidget(QLabel(text))
        row.addWidget(widget)
    row.addStretch(1)
    return row


def load_offices(db: Database) -> tuple[list[OfficeDTO], str | None]:
    """Every office and the home office code."""
    from kinerja_desktop.services.common import home_office, list_offices

    home = home_office(db)
    return list_offices(db), home.code if home else None


#: The one inline message (``gui/kit/errors.py``) under the name the dialogs use.
StatusLine = InlineMessage


def run_action(
    parent: QWidget, title: str, action: Callable[[], object], lang: str = "id"
) -> object | None:
    """Run a service call; a refused action is shown in one sentence and returns None."""
    try:
        return action()
    except KinerjaError as err:
        ErrorBox.show(parent, title, err, lang)
        return None
