"""Sinkronisasi: the home office, the registered partners and the last packages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kinerja_desktop.gui.models.sync import SyncTableModel
from kinerja_desktop.gui.views.base import ListView
from kinerja_desktop.services.dto import SyncOfficeRow

if TYPE_CHECKING:
    from kinerja_desktop.services.database import Database


class SyncView(ListView):
    NAME = "sync"
    KINDS = frozenset({"sync", "offices"})

    def __init__(self, *, lang: str = "id", parent: Any = None) -> None:
        super().__init__(SyncTableModel(lang=lang), lang=lang, parent=parent)

    def title(self) -> str:
        return self.tr("Sinkronisasi")

    def empty_text(self) -> str:
        return self.tr("Belum ada kantor di database ini.")

    def load(self, db: Database) -> Sequence[Any]:
        from kinerja_desktop.services.sync import sync_overview

        return sync_overview(db)

    def after_load(self, db: Database | None) -> None:
        rows: list[SyncOfficeRow] = self.model.all_rows()
        if db is None:
            self.info_label.hide()
            return
        home = next((row for row in rows if row.is_home), None)
        partners = sum(1 for row in rows if row.is_partner)
        if home is None:
            office = self.tr("Kantor ini: belum ditetapkan")
        else:
            office = self.tr("Kantor ini: {code} — {name}").format(
                code=home.office_code, name=home.office_name
            )
        if partners:
            partner_text = self.tr("Mitra terdaftar: {count} kantor").format(count=partners)
        else:
            partner_text = self.tr("Belum ada mitra terdaftar")
        self.info_label.setText(f"{office}  ·  {partner_text}")
        self.info_label.show()
