"""The one period picker: a combo box of periods (``2026``, ``2026-S1``, ``2026-Q3``...).

Every screen that chooses a period uses :class:`PeriodCombo`: the list views fill it from the
services' ``PeriodChoice`` rows (:meth:`PeriodCombo.set_choices`, newest first, the default
being the newest period that has ended), the office dialogs from plain period codes
(:meth:`PeriodCombo.set_codes`). Either way it shows labels and hands back codes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QSizePolicy

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.common.dto import PeriodChoice


def default_period(choices: Sequence[PeriodChoice], today: date | None = None) -> str | None:
    """The period to show first: the newest one that has ended, else the newest.

    Evaluations of a period are written after it ends, so in November the running quarter is
    still empty while the previous one is being reviewed; showing it first would greet the
    clerk with an empty table. ``choices`` are newest first, as ``list_periods`` gives them.
    """
    today = today or date.today()
    for choice in choices:
        if choice.end < today:
            return choice.code
    return choices[0].code if choices else None


class PeriodCombo(QComboBox):
    """Shows period labels ("Triwulan I 2026") and hands back period codes ("2026-Q1").

    Args:
        all_text: when given, a first entry with this text stands for "every period" and
            :meth:`current_code` returns ``None`` for it.
        lang: the language of the labels (``"en"``: "Q3 2026"); the services name periods in
            Indonesian, so the combo names them again from the code.
    """

    def __init__(
        self, parent: Any = None, *, all_text: str | None = None, lang: str = "id"
    ) -> None:
        super().__init__(parent)
        self._all_text = all_text
        self._lang = lang
        # Before the first fill, an empty selection means "use the default", not "all".
        self._populated = False
        self.setObjectName("period")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_choices(self, choices: Sequence[PeriodChoice], *, today: date | None = None) -> None:
        """Replace the entries without emitting ``currentIndexChanged``.

        The selected period stays selected when it is still offered; the first fill selects
        :func:`default_period`, and a vanished period falls back to the newest one.
        """
        default = default_period(choices, today)
        if self._populated:
            wanted = self.current_code()
            wanted_all = wanted is None and self._all_text is not None
        else:
            wanted, wanted_all = default, False
        self._populated = True
        with QSignalBlocker(self):
            self.clear()
            if self._all_text is not None:
                self.addItem(self._all_text, None)
            for choice in choices:
                label = choice.label if self._lang == "id" else self._relabel(choice)
                self.addItem(label, choice.code)
            first_period = 1 if self._all_text is not None else 0
            index = 0 if wanted_all else self.findData(wanted) if wanted is not None else -1
            if index < 0:
                index = first_period if self.count() > first_period else self.count() - 1
            self.setCurrentIndex(index)

    def chooser(self) -> Callable[[Sequence[PeriodChoice]], str | None]:
        """On the GUI thread: a plain function that tells, off the GUI thread, which period
        :meth:`set_choices` will select among ``choices`` (so a read task can read that
        period's rows in the same trip). ``None``: "every period", or nothing to choose."""
        populated, wanted = self._populated, self.current_code()
        has_all = self._all_text is not None

        def choose(choices: Sequence[PeriodChoice], today: date | None = None) -> str | None:
            if not populated:
                return default_period(choices, today)
            if wanted is None and has_all:
                return None
            codes = [choice.code for choice in choices]
            if wanted in codes:
                return wanted
            return codes[0] if codes else None

        return choose

    def set_codes(self, codes: Sequence[str], selected: str | None = None) -> None:
        """Replace the entries with ``codes`` in the given order, without a signal, and
        select ``selected`` (else the first period)."""
        self._populated = True
        with QSignalBlocker(self):
            self.clear()
            if self._all_text is not None:
                self.addItem(self._all_text, None)
            for code in codes:
                self.addItem(self._label(code, code), code)
            first_period = 1 if self._all_text is not None else 0
            index = self.findData(selected) if selected else -1
            self.setCurrentIndex(index if index >= 0 else (first_period if codes else -1))

    def _relabel(self, choice: PeriodChoice) -> str:
        return self._label(choice.code, choice.label)

    def _label(self, code: str, fallback: str) -> str:
        try:
            return Period.parse(code).label(self._lang)
        except KinerjaError:  # a code the domain does not parse keeps the given label
            return fallback

    def current_code(self) -> str | None:
        data = self.currentData()
        return data if isinstance(data, str) else None

    def code(self) -> str | None:
        """The chosen period's code (``current_code``, the name the office dialogs use)."""
        return self.current_code()

    def select(self, code: str) -> bool:
        """Select ``code``; False when it is not offered."""
        return self.select_code(code)

    def select_code(self, code: str | None) -> bool:
        """Select ``code`` (``None``: the "every period" entry); False when not offered."""
        index = self.findData(code) if code is not None else (0 if self._all_text else -1)
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True
