"""A stale employee form: its save is refused naming who saved meanwhile, then it shows their
version (issue 18.4). The other analyst works through a second handle on the same file."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.gui.kit.errors import ErrorDialog
from kinerja_desktop.gui.register.form import EmployeeFormDialog
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.checks import load_state
from kinerja_desktop.services.register.employee_admin import get_employee, update_employee
from kinerja_desktop.services.register.employees import list_employees

OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
ADMIN = Actor("admin", frozenset({Role.ADMIN}))


def test_a_stale_form_is_refused_and_shows_the_other_save(qtbot, demo_copy, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        ErrorDialog, "present", classmethod(lambda cls, message, *_a, **_k: shown.append(message))
    )
    with Database.open(demo_copy) as a, Database.open(demo_copy) as b:
        row = next(r for r in list_employees(a) if r.office_code == "NGL" and not r.is_head)
        form = EmployeeFormDialog(a, OPERATOR, row.uuid)
        qtbot.addWidget(form)
        form.show()
        qtbot.waitExposed(form)

        theirs = get_employee(b, row.uuid)
        with b.uow() as uow:
            values = load_state(uow.session).values(row.uuid)
        assert values is not None
        update_employee(
            b, ADMIN, row.uuid, replace(values, jabatan="Analis SDM Aparatur"),
            expected_version=theirs.version,
        )  # fmt: skip

        form.jabatan.selectAll()
        qtbot.keyClicks(form.jabatan, "Analis Kebijakan")
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

        assert form.saved is None and len(shown) == 1
        assert shown[0].startswith("Data ini diubah oleh Demo Admin (admin) pada ")
        assert shown[0].endswith("; muat ulang.")
        assert get_employee(a, row.uuid).current.jabatan == "Analis SDM Aparatur"
        assert form.jabatan.text() == "Analis SDM Aparatur"  # the form now shows their version
        assert form.detail is not None and form.detail.version == theirs.version + 1
