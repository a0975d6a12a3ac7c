"""A short text centred over a table that has no rows ("Belum ada konflik.").

The main views swap their table for an empty page (``gui/kit/list_view.py``); the tables inside
dialogs keep their headers visible, so the hint is a label laid over the table's viewport
instead. It follows the model (rows inserted or removed, reset, a new model set by
``QTableWidget.setRowCount``) and lets mouse clicks through to the table.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

_SIGNALS = ("rowsInserted", "rowsRemoved", "modelReset", "layoutChanged")


class EmptyHint(QObject):
    """Shows ``text`` over ``view`` while its model has no rows. Keep the returned object
    (it is parented to the view, so Qt keeps it alive as long as the view)."""

    def __init__(self, view: QAbstractItemView, text: str) -> None:
        super().__init__(view)
        self.view = view
        self.label = QLabel(text, view.viewport())
        self.label.setObjectName("empty_hint")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setStyleSheet("color: palette(mid); padding: 12px;")
        view.viewport().installEventFilter(self)
        self._model = None
        self._watch()
        self.update()

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        """The hint when it shows, else "" (what a person sees over the table)."""
        return self.label.text() if self.is_shown() else ""

    def is_shown(self) -> bool:
        return not self.label.isHidden()

    def _watch(self) -> None:
        model = self.view.model()
        if model is self._model or model is None:
            return
        self._model = model
        for name in _SIGNALS:
            getattr(model, name).connect(self.update)

    def update(self, *_args: object) -> None:
        # A table being destroyed empties its model first: the signals then reach a view
        # (or label) whose C++ half is already gone.
        if not (shiboken6.isValid(self.view) and shiboken6.isValid(self.label)):
            return
        try:
            self._watch()
            model = self.view.model()
            empty = model is None or model.rowCount() == 0
            self.label.setVisible(empty)
            if empty:
                self.label.setGeometry(self.view.viewport().rect())
        except RuntimeError:  # torn down between the check and the call
            return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.update()
        return False


def show_when_empty(view: QAbstractItemView, text: str) -> EmptyHint:
    """Lay ``text`` over ``view`` whenever its model has no rows (see :class:`EmptyHint`)."""
    return EmptyHint(view, text)
