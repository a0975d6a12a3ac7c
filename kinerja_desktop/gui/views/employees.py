"""Pegawai: every employee with their current assignment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kinerja_desktop.gui.models.employees import EmployeeTableModel
from kinerja_desktop.gui.views.base import ListView

if TYPE_CHECKING:
    from kinerja_desktop.services.database import Database


class EmployeesView(ListView):
    NAME = "employees"
    KINDS = frozenset({"employees", "offices"})

    def __init__(self, *, lang: str = "id", parent: Any = None) -> None:
        super().__init__(EmployeeTableModel(lang=lang), lang=lang, parent=parent)

    def title(self) -> str:
        return self.tr("Pegawai")

    def empty_text(self) -> str:
        return self.tr(
            "Belum ada data pegawai di database ini.\n"
            "Data pegawai masuk lewat impor lembar kerja atau paket sinkronisasi."
        )

    def load(self, db: Database) -> Sequence[Any]:
        from kinerja_desktop.services.employees import list_employees

        return list_employees(db)
