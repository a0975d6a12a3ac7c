"""The frame every office-evaluation dialog shares: the database, the account, the language,
"today" (tests pass a fixed day), the object name, the title and the first size."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from PySide6.QtWidgets import QDialog, QWidget

from kinerja_desktop.gui.office_eval.common import tr
from kinerja_desktop.services.common import Actor, Database
from kinerja_desktop.services.common.dto import Changes


class OfficeEvalDialog(QDialog):
    """A dialog of the office-evaluation menu; a subclass lays itself out in :meth:`_build`.

    Class attributes:
        OBJECT_NAME: the dialog's object name (tests find it by it).
        TITLE: the window title, marked ``QT_TRANSLATE_NOOP("OfficeEval", ...)``.
        SIZE: the first size in pixels (the screen-fit check may shrink it).
    """

    OBJECT_NAME: ClassVar[str]
    TITLE: ClassVar[str]
    SIZE: ClassVar[tuple[int, int]]

    def __init__(
        self,
        db: Database,
        actor: Actor | None,
        *,
        lang: str = "id",
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.actor, self.lang = db, actor, lang
        self.today = today or date.today()
        self.setObjectName(self.OBJECT_NAME)
        self.setWindowTitle(tr(self.TITLE))
        self.resize(*self.SIZE)
        self._build()

    def _build(self) -> None:
        """Lay out the widgets and show the first data."""
        raise NotImplementedError

    def publish(self, changes: Changes) -> None:
        """Hand what a write changed to the window, which refreshes the views showing it
        (the dialog reloads its own rows itself)."""
        from kinerja_desktop.gui.kit.tasks import publish_changes

        publish_changes(self, changes)
