"""Kantor…: an Admin registers the kota as the parent of the home office (issue 18)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.gui.register.offices import OfficesDialog, ParentCodeDialog
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.office_admin import get_office
from tests.gui.conftest import wait_loaded
from tests.gui.register.test_office_dialog import ADMIN, OPERATOR, open_offices


def test_an_admin_registers_the_kota_as_parent_of_the_home_office(
    qtbot, db: Database, monkeypatch
) -> None:
    monkeypatch.setattr(ParentCodeDialog, "ask", classmethod(lambda cls, parent: "bkpsdm-pdg"))
    dialog = open_offices(qtbot, db, ADMIN)
    dialog.select("NGL")
    wait_loaded(qtbot, dialog)
    assert dialog.parent_button.isVisible() and dialog.parent_button.isEnabled()
    qtbot.mouseClick(dialog.parent_button, Qt.MouseButton.LeftButton)
    wait_loaded(qtbot, dialog)  # the list is read again on the worker
    assert dialog.changed
    assert get_office(db, "NGL").values.parent_code == "BKPSDM-PDG"
    assert get_office(db, "BKPSDM-PDG").values.kind == OfficeKind.KOTA
    assert dialog.current_code() == "NGL" and dialog.parent_code.value() == "BKPSDM-PDG"
    # Another office than the home office has no such button.
    dialog.select("NGL-GRL")
    wait_loaded(qtbot, dialog)
    assert dialog.current_code() == "NGL-GRL" and not dialog.parent_button.isVisible()


def test_an_operator_cannot_register_a_parent(qtbot, db: Database) -> None:
    dialog: OfficesDialog = open_offices(qtbot, db, OPERATOR)
    dialog.select("NGL")
    wait_loaded(qtbot, dialog)
    assert not dialog.parent_button.isEnabled()
