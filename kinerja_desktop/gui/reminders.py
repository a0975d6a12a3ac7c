"""Reminders: what is due for the signed-in user, at sign-in and on the status bar (issue 20).

One read on the task runner (``services.sync.reminders_for``) after each sign-in, database
change and write; the result becomes a list of :class:`Reminder` lines, each with the
:class:`~kinerja_desktop.gui.dashboard.links.Link` to the filtered list behind it. At sign-in a
small window lists them (never modal, closed with one click); the status bar keeps a button
with their count that opens the same window again. Nothing here needs a network.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
)

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.gui.dashboard.links import Link, follow
from kinerja_desktop.gui.kit.format import fmt_date, fmt_period

if TYPE_CHECKING:
    from kinerja_desktop.gui.main_window import MainWindow
    from kinerja_desktop.services.sync import Reminders

_CONTEXT = "Reminders"


def _tr(words: str) -> str:
    return QCoreApplication.translate(_CONTEXT, words)


def read_reminders(db: Any, actor: Any, *, today: Any) -> Any:
    """On the read worker: the reminders of ``actor``. The sync room is imported here: its
    modules took 0.1 s of the GUI thread right after the sign-in (PySide inspects the source
    of every module imported while Qt runs)."""
    from kinerja_desktop.services.sync import reminders_for

    return reminders_for(db, actor, today=today)


@dataclass(frozen=True)
class Reminder:
    """One line of the reminders: its text and where a click leads."""

    text: str
    link: Link


def reminder_lines(found: Reminders, lang: str = "id") -> list[Reminder]:
    """The lines of ``found``, in the order of urgency of each role's work."""
    lines = [
        Reminder(
            _tr("{count} evaluasi Diajukan menunggu penilaian Anda ({period})").format(
                count=queue.count, period=fmt_period(queue.period, lang)
            ),
            Link("evaluations", queue.period, status=EvaluationStatus.SUBMITTED),
        )
        for queue in found.evaluations_waiting
    ]
    if found.skp_waiting:
        lines.append(
            Reminder(
                _tr("{count} SKP menunggu persetujuan Anda").format(count=found.skp_waiting),
                Link("skp"),
            )
        )
    for office in found.backlog:
        lines.append(
            Reminder(
                _tr("{office}: {missing} dari {total} pegawai belum mengajukan realisasi {period}")
                .format(
                    office=office.office_code, missing=office.missing, total=office.total,
                    period=fmt_period(found.period, lang),
                ),
                Link("monitor", found.period, office.office_code),
            )
        )  # fmt: skip
    if found.backlog and found.deadline is not None and found.days_left is not None:
        lines.append(
            Reminder(
                _deadline_text(found.deadline, found.days_left),
                Link("monitor", found.period),
            )
        )
    for partner in found.stale_partners:
        lines.append(
            Reminder(
                (
                    _tr("Paket dari {office} belum datang sejak {date} ({days} hari)")
                    if partner.last_package is not None
                    else _tr(
                        "Paket dari {office} belum pernah datang ({days} hari sejak didaftarkan)"
                    )
                ).format(
                    office=partner.office_code,
                    date=fmt_date(partner.last_package),
                    days=partner.days,
                ),
                Link("sync", office=partner.office_code),
            )
        )
    return lines


def _deadline_text(deadline: Any, days_left: int) -> str:
    if days_left >= 0:
        return _tr("Batas waktu periode: {date} ({days} hari lagi)").format(
            date=fmt_date(deadline), days=days_left
        )
    return _tr("Batas waktu periode {date} sudah lewat {days} hari").format(
        date=fmt_date(deadline), days=-days_left
    )


class RemindersDialog(QDialog):
    """The reminders as buttons; a click opens the list behind it and closes the window."""

    def __init__(self, window: MainWindow, lines: list[Reminder]) -> None:
        super().__init__(window)
        self.setObjectName("reminders_dialog")
        self.setWindowTitle(_tr("Pengingat"))
        self._window = window
        layout = QVBoxLayout(self)
        heading = QLabel(_tr("Yang perlu Anda kerjakan:"))
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        self.buttons: list[QPushButton] = []
        for n, line in enumerate(lines):
            button = QPushButton(line.text)
            button.setObjectName(f"reminder_{n}")
            button.setFlat(True)
            button.setStyleSheet("text-align: left; padding: 4px 6px;")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _c=False, link=line.link: self.follow(link))
            layout.addWidget(button)
            self.buttons.append(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(_tr("Tutup"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def follow(self, link: Link) -> Any:
        self.close()
        return follow(self._window, link)


class RemindersPanel:
    """The status bar's button and the sign-in window of one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.lines: list[Reminder] = []
        self.dialog: RemindersDialog | None = None
        #: The day the reminders are counted for (None: today; tests fix it).
        self.today: date | None = None
        self._announce = False
        self.button = QToolButton()
        self.button.setObjectName("status_reminders")
        self.button.setAutoRaise(True)
        # The style's own icon: an emoji bell has no glyph in many Windows and Linux fonts.
        self.button.setIcon(
            window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        )
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setToolTip(_tr("Yang perlu Anda kerjakan"))
        self.button.clicked.connect(self.show_dialog)
        self.button.hide()
        window.statusBar().insertPermanentWidget(0, self.button)
        window.actor_changed.connect(self._signed_in)
        window.database_changed.connect(lambda _db: self.refresh())
        window.changes_made.connect(lambda _changes: self.refresh())

    def _signed_in(self, actor: Any) -> None:
        self._announce = actor is not None
        self.refresh()

    def refresh(self) -> None:
        """Read the reminders again on the read worker (none without a user or database)."""
        window = self.window
        if window.database is None or window.actor is None:
            if self.dialog is not None:  # signed out: another user's work is not shown
                self.dialog.close()
            self._show([])
            return
        window.task_runner.read(
            partial(read_reminders, today=self.today), window.database, window.actor,
            key="reminders",
            on_done=lambda found: self._show(reminder_lines(found, window.lang)),
            on_error=lambda _error: self._show([]),
        )  # fmt: skip

    def _show(self, lines: list[Reminder]) -> None:
        self.lines = lines
        self.button.setText(_tr("{count} pengingat").format(count=len(lines)))
        self.button.setVisible(bool(lines))
        if self._announce and lines:
            self.show_dialog()
        self._announce = False

    def show_dialog(self) -> RemindersDialog | None:
        """The reminders' window, not modal: work goes on beside it."""
        if not self.lines:
            return None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = RemindersDialog(self.window, self.lines)
        self.dialog.show()
        return self.dialog


def install(window: MainWindow) -> None:
    """Give ``window`` its reminders (``window.reminders``)."""
    window.reminders = RemindersPanel(window)  # type: ignore[attr-defined]


__all__ = ["Reminder", "RemindersDialog", "RemindersPanel", "install", "reminder_lines"]
