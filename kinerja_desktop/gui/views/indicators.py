"""Indikator: the IKU of every office and year, with the latest realisation and capaian."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kinerja_desktop.gui.models.indicators import IndicatorTableModel
from kinerja_desktop.gui.views.base import ListView

if TYPE_CHECKING:
    from kinerja_desktop.services.database import Database


class IndicatorsView(ListView):
    NAME = "indicators"
    KINDS = frozenset({"indicators", "realisations", "offices"})

    def __init__(self, *, lang: str = "id", parent: Any = None) -> None:
        super().__init__(IndicatorTableModel(lang=lang), lang=lang, parent=parent)

    def title(self) -> str:
        return self.tr("Indikator Kinerja Utama")

    def empty_text(self) -> str:
        return self.tr(
            "Belum ada indikator kinerja utama (IKU) di database ini.\n"
            "Katalog IKU datang dari kecamatan lewat paket sinkronisasi atau impor."
        )

    def load(self, db: Database) -> Sequence[Any]:
        from kinerja_desktop.services.indicators import list_indicators

        return list_indicators(db)
