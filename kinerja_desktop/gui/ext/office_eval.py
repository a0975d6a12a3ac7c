"""Window extension: the "Kantor" menu (office IKU realisations, IKM surveys, organisation
predikat, periods and deadlines), placed before "Administrasi".

Each action is enabled only with a database open and a signed-in user whose roles may use it
(:mod:`kinerja_desktop.gui.office_eval.common`); the services check again on every write.
Dialogs open window-modal without blocking (``open()``), so tests can drive them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.gui.office_eval.common import (
    IKM_ROLES,
    ORG_ROLES,
    PERIOD_ROLES,
    REALISATION_ROLES,
    may_open,
)

if TYPE_CHECKING:
    from kinerja_desktop.gui.main_window import MainWindow

_CONTEXT = "OfficeEvalMenu"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _realisations(window: MainWindow) -> QDialog:
    from kinerja_desktop.gui.office_eval.realisations import OfficeRealisationsDialog

    return OfficeRealisationsDialog(window.database, window.actor, lang=window.lang, parent=window)


def _ikm(window: MainWindow) -> QDialog:
    from kinerja_desktop.gui.office_eval.ikm import IkmSurveyDialog

    return IkmSurveyDialog(window.database, window.actor, lang=window.lang, parent=window)


def _org(window: MainWindow) -> QDialog:
    from kinerja_desktop.gui.office_eval.org_predikat import OrgPredikatDialog

    return OrgPredikatDialog(window.database, window.actor, lang=window.lang, parent=window)


def _periods(window: MainWindow) -> QDialog:
    from kinerja_desktop.gui.office_eval.periods import PeriodsDialog

    return PeriodsDialog(window.database, window.actor, lang=window.lang, parent=window)


# object name, menu text, roles, dialog factory
_ENTRIES: tuple[tuple[str, str, frozenset[Role], Callable[[Any], QDialog]], ...] = (
    (
        "action_office_realisations",
        QT_TRANSLATE_NOOP("OfficeEvalMenu", "&Realisasi IKU kantor…"),
        REALISATION_ROLES,
        _realisations,
    ),
    ("action_ikm_survey", QT_TRANSLATE_NOOP("OfficeEvalMenu", "Survei &IKM…"), IKM_ROLES, _ikm),
    (
        "action_org_predikat",
        QT_TRANSLATE_NOOP("OfficeEvalMenu", "&Predikat organisasi…"),
        ORG_ROLES,
        _org,
    ),
    (
        "action_periods",
        QT_TRANSLATE_NOOP("OfficeEvalMenu", "Periode dan &batas waktu…"),
        PERIOD_ROLES,
        _periods,
    ),
)


def install(window: MainWindow) -> None:
    """Add the "Kantor" menu before "Administrasi" and keep its actions' enabled state."""
    menu = window.menuBar().addMenu(_tr("&Kantor"))
    window.menuBar().insertMenu(window.menu_admin.menuAction(), menu)
    menu.setObjectName("menu_office_eval")
    window.menu_office_eval = menu  # type: ignore[attr-defined]
    actions: list[tuple[QAction, frozenset[Role]]] = []
    for name, text, roles, factory in _ENTRIES:
        action = QAction(_tr(text), window)
        action.setObjectName(name)

        def run(_checked: bool = False, factory: Callable[[Any], QDialog] = factory) -> None:
            if window.database is None:
                return
            dialog = factory(window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

        action.triggered.connect(run)
        menu.addAction(action)
        actions.append((action, roles))

    def update(*_args: object) -> None:
        for action, roles in actions:
            allowed = window.database is not None and may_open(window.actor, roles)
            action.setEnabled(allowed)
            action.setToolTip(
                "" if allowed else _tr("Masuk dengan akun yang berwenang untuk membuka ini.")
            )

    window.actor_changed.connect(update)
    window.database_changed.connect(update)
    update()
