"""Input widgets shared by the employee, mutasi and office dialogs.

Each combo holds the stored value in its item data (an enum member, a golongan code, an office
code, a uuid) and shows the Indonesian label, so a dialog reads ``value()`` and never parses
display text. :class:`FieldMessage` is the inline error/warning line under a field (DESIGN.md
convention 6: validation is inline; modal boxes are for failed actions).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import Acting, EmploymentType, FunctionalLevel, JobKind
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.periods import INDONESIAN_MONTHS
from kinerja_desktop.domain.ranks import grades_for
from kinerja_desktop.gui.kit.format import fmt_nip
from kinerja_desktop.services.common import Actor
from kinerja_desktop.services.common.dto import OfficeDTO
from kinerja_desktop.services.register.dto import AtasanChoice

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"
INFO_STYLE = "color: palette(mid);"


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmployeeFields", text)


def can_edit_register(actor: Actor | None) -> bool:
    """Admin and Operator edit the register; Penilai and Pimpinan only read it."""
    from kinerja_desktop.domain.enums import Role

    return actor is not None and (actor.has(Role.ADMIN) or actor.has(Role.OPERATOR))


def can_edit_offices(actor: Actor | None) -> bool:
    """Offices are the Admin's (the office services refuse anyone else)."""
    from kinerja_desktop.domain.enums import Role

    return actor is not None and actor.has(Role.ADMIN)


class ValueCombo(QComboBox):
    """A combo whose items carry values; ``value()`` is the current item's data."""

    def set_items(self, items: Iterable[tuple[str, Any]], *, keep: bool = True) -> None:
        current = self.currentData() if keep else None
        self.blockSignals(True)
        self.clear()
        for text, value in items:
            self.addItem(text, value)
        self.blockSignals(False)
        if current is not None and self.findData(current) >= 0:
            self.setCurrentIndex(self.findData(current))
        self.currentIndexChanged.emit(self.currentIndex())

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> bool:
        """Select the item holding ``value``; False (and no change) when there is none."""
        index = self.findData(value)
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True


def enum_items(members: Iterable[StrEnum], lang: str = "id") -> list[tuple[str, Any]]:
    return [(label(m, lang), m) for m in members]


class EnumCombo(ValueCombo):
    def __init__(
        self, members: Iterable[StrEnum], *, lang: str = "id", none: str | None = None
    ) -> None:
        super().__init__()
        items = ([(none, None)] if none is not None else []) + enum_items(members, lang)
        self.set_items(items, keep=False)


def grade_items(employment_type: EmploymentType | None) -> list[tuple[str, str]]:
    """``"III/a — Penata Muda"`` for a PNS, ``"IX"`` for a PPPK (no pangkat title)."""
    types = [employment_type] if employment_type else list(EmploymentType)
    items = []
    for kind in types:
        for g in grades_for(kind):
            text = f"{g.code} — {g.pangkat}" if kind == EmploymentType.PNS else g.code
            items.append((text, g.code))
    return items


class GradeCombo(ValueCombo):
    """Only the golongan that fit the status: I/a–IV/e for a PNS, I–XVII for a PPPK."""

    def __init__(self, employment_type: EmploymentType = EmploymentType.PNS) -> None:
        super().__init__()
        self.setMaxVisibleItems(18)
        self.set_type(employment_type)

    def set_type(self, employment_type: EmploymentType) -> None:
        self.employment_type = employment_type
        # No golongan is preselected: a wrong default saved unnoticed is worse than a choice.
        self.set_items([(_tr("— pilih golongan —"), None), *grade_items(employment_type)])


def office_items(offices: Sequence[OfficeDTO]) -> list[tuple[str, str]]:
    return [(f"{o.code} — {o.name}", o.code) for o in offices]


class AtasanCombo(ValueCombo):
    """Active employees and external penilai; typing filters by name or NIP.

    ``value()`` is ``(uuid, external)`` or ``None`` for "no atasan yet". Items hold
    :meth:`key` strings (Qt compares tuple item data unreliably).
    """

    @staticmethod
    def key(uuid: str, external: bool = False) -> str:
        return f"{'x' if external else 'e'}:{uuid}"

    def __init__(self) -> None:
        super().__init__()
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.lineEdit().setPlaceholderText(_tr("Ketik nama atau NIP atasan…"))
        # Show the start of a long "name — jabatan (office, NIP)" item, not its end.
        self.currentIndexChanged.connect(lambda _i: self.lineEdit().setCursorPosition(0))

    def set_choices(self, choices: Sequence[AtasanChoice]) -> None:
        items: list[tuple[str, Any]] = [(_tr("— belum ada atasan —"), None)]
        for c in choices:
            if c.external:
                text = _tr("{name} — {jabatan} (penilai luar)").format(
                    name=c.name, jabatan=c.jabatan
                )
            else:
                text = f"{c.name} — {c.jabatan} ({c.office_code}, {fmt_nip(c.nip)})"
            items.append((text, self.key(c.uuid, c.external)))
        self.set_items(items)

    def value(self) -> tuple[str, bool] | None:
        # An edited text that matches no item means "not chosen": fall back to the item
        # whose text it is, else nothing.
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        data = self.itemData(index) if index >= 0 else None
        if not data:
            return None
        kind, uuid = str(data).split(":", 1)
        return uuid, kind == "x"

    def set_atasan(self, uuid: str | None, external: bool = False) -> None:
        if uuid is None or not self.set_value(self.key(uuid, external)):
            self.setCurrentIndex(0)


class ActingCombo(ValueCombo):
    def __init__(self, lang: str = "id") -> None:
        super().__init__()
        self.set_items(
            [(_tr("Definitif"), Acting.NONE), *enum_items((Acting.PLT, Acting.PLH), lang)],
            keep=False,
        )


class JobKindCombo(EnumCombo):
    def __init__(self, lang: str = "id") -> None:
        super().__init__(JobKind, lang=lang)


class LevelCombo(EnumCombo):
    """Jenjang fungsional; only meaningful (and enabled) for jabatan fungsional."""

    def __init__(self, lang: str = "id") -> None:
        super().__init__(FunctionalLevel, lang=lang, none=_tr("— tidak ada —"))


class DateField(QDateEdit):
    """A day-month-year date with a calendar pop-up; ``value()`` is a :class:`date`."""

    def __init__(self, value: date | None = None, *, maximum: date | None = None) -> None:
        super().__init__()
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd-MM-yyyy")
        if maximum is not None:
            self.setMaximumDate(QDate(maximum.year, maximum.month, maximum.day))
        self.set_value(value or date.today())

    def value(self) -> date:
        q = self.date()
        return date(q.year(), q.month(), q.day())

    def set_value(self, value: date) -> None:
        self.setDate(QDate(value.year, value.month, value.day))


class OptionalDateField(DateField):
    """A date that may stay empty (a TMT not yet recorded); ``value()`` is None then.

    Empty is the minimum date shown as a dash (Qt's special value text). The calendar opens on
    today's month, not on the sentinel year.
    """

    EMPTY = date(1900, 1, 1)

    def __init__(self, value: date | None = None, *, maximum: date | None = None) -> None:
        super().__init__(self.EMPTY, maximum=maximum)
        self.setMinimumDate(QDate(self.EMPTY.year, self.EMPTY.month, self.EMPTY.day))
        self.setSpecialValueText(_tr("— belum diisi —"))
        self.set_value(value)

    def value(self) -> date | None:  # type: ignore[override]
        day = super().value()
        return None if day == self.EMPTY else day

    def set_value(self, value: date | None) -> None:  # type: ignore[override]
        super().set_value(value or self.EMPTY)
        if value is None:
            today = date.today()
            self.calendarWidget().setCurrentPage(today.year, today.month)


class FieldMessage(QLabel):
    """The line under a field: red for an error, brown for a warning, hidden when empty."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(f"msg_{name}")
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, ERROR_STYLE)

    def show_warning(self, text: str) -> None:
        self._show(text, WARNING_STYLE)

    def show_info(self, text: str) -> None:
        self._show(text, INFO_STYLE)

    def _show(self, text: str, style: str) -> None:
        self.setText(text)
        self.setStyleSheet(style)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    def is_error(self) -> bool:
        return self.isVisibleTo(self.parentWidget()) and self.styleSheet() == ERROR_STYLE


def with_message(widget: QWidget, message: FieldMessage) -> QWidget:
    """A field with its message line under it, for a form layout row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(widget)
    layout.addWidget(message)
    return box


def month_year(day: date) -> str:
    """``Maret 2019`` (a TMT CPNS has a month, not a day)."""
    return f"{INDONESIAN_MONTHS[day.month - 1]} {day.year}"


def list_and_detail(
    dialog: QDialog, items: QWidget, detail: Sequence[QWidget | QLayout], close_text: str
) -> None:
    """Lay out a register dialog (offices, penilai luar): the list on the left; on the right the
    detail parts, a stretch and the last part (the action buttons) at the bottom; one close
    button under both."""
    right = QVBoxLayout()
    for n, part in enumerate(detail):
        if n == len(detail) - 1:
            right.addStretch(1)
        if isinstance(part, QLayout):
            right.addLayout(part)
        else:
            right.addWidget(part)
    body = QHBoxLayout()
    body.addWidget(items)
    body.addLayout(right, 1)
    close = QDialogButtonBox()
    close.addButton(close_text, QDialogButtonBox.ButtonRole.RejectRole)
    close.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(body, 1)
    layout.addWidget(close)
