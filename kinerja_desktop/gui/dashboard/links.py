"""Following a Dasbor click to the rows behind it (issue 20).

The Dasbor only says what was clicked (a :class:`Link`); :func:`install` connects it to the
window, which opens the filtered list in the right place:

- a predikat bar: Evaluasi, for the period and office (or every office), only that predikat;
- a completion bar: the completion monitor of that office and period;
- an IKU point: the office realisations of that period, the indicator selected;
- an IKM bar: the office's IKM survey of that period.

Reminders (gui/reminders.py) follow the same links.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from kinerja_desktop.domain.enums import EvaluationStatus, Predikat

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from kinerja_desktop.gui.main_window import MainWindow


@dataclass(frozen=True)
class Link:
    """Where a click leads: ``kind`` is ``evaluations``, ``monitor``, ``iku``, ``ikm``, ``skp``
    or ``sync``; the other fields narrow the list (None: not narrowed)."""

    kind: str
    period: str | None = None
    office: str | None = None
    predikat: Predikat | None = None
    indicator: str | None = None
    #: Evaluasi only: list this status, the signed-in penilai's own staff (a reminder's rows).
    status: EvaluationStatus | None = None


def install(window: MainWindow) -> None:
    """Follow the Dasbor's clicks in ``window`` once the Dasbor is built (not before: the
    views are built when first needed)."""

    def wire(name: str, view: Any) -> None:
        if name == "dashboard":
            view.open_requested.connect(lambda link: follow(window, link))

    if "dashboard" in window.views:
        wire("dashboard", window.views["dashboard"])
    window.view_built.connect(wire)


def follow(window: MainWindow, link: Link) -> Any:
    """Open what ``link`` points at; returns the view or dialog shown (None without a db)."""
    if window.database is None:
        return None
    if link.kind == "evaluations":
        view = window.select_view("evaluations")
        view.focus(  # type: ignore[attr-defined]
            link.period, link.office, link.predikat, status=link.status
        )
        return view
    if link.kind == "skp":
        return window.select_view("indicators")
    if link.kind == "sync":
        return window.select_view("sync")
    dialog = _dialog(window, link)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def _dialog(window: MainWindow, link: Link) -> QDialog:
    db, actor, lang = window.database, window.actor, window.lang
    assert db is not None
    if link.kind == "monitor":
        from kinerja_desktop.gui.evaluation.monitor import CompletionDialog

        evaluations = window.views["evaluations"]
        return CompletionDialog(
            db, actor, period=link.period, office=link.office, lang=lang,
            on_open=evaluations.open_editor,  # type: ignore[attr-defined]
            on_changed=lambda: window.notify_changed("evaluations"), parent=window,
        )  # fmt: skip
    if link.kind == "iku":
        from kinerja_desktop.gui.office_eval.realisations import OfficeRealisationsDialog

        dialog: Any = OfficeRealisationsDialog(db, actor, lang=lang, parent=window)
        if link.office and link.period:
            dialog.select(link.office, link.period)
            _select_indicator(dialog, link.indicator)
        return dialog  # type: ignore[no-any-return]
    if link.kind == "ikm":
        from kinerja_desktop.gui.office_eval.ikm import IkmSurveyDialog

        dialog = IkmSurveyDialog(db, actor, lang=lang, parent=window)
        if link.office and link.period:
            dialog.select(link.office, link.period)
        return dialog  # type: ignore[no-any-return]
    raise ValueError(f"unknown link {link.kind!r}")


def _select_indicator(dialog: Any, code: str | None) -> None:
    """Put the current row of the realisations table on indicator ``code``."""
    if not code:
        return
    model = dialog.table.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == code:
            dialog.table.selectRow(row)
            dialog.table.scrollTo(model.index(row, 0))
            return
