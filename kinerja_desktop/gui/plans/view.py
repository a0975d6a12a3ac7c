"""Indikator: the office IKU catalogues with targets, the employees' SKP, and the cascade.

Three tabs share the office and year pickers of the toolbar:

- "IKU Kantor": the IKU of the chosen office(s) and year with the latest realisation and
  capaian (the view's own table); "Ubah katalog…" opens the catalogue editor with its targets
  grid and template library; "Salin ke tahun berikutnya" copies the catalogue.
- "SKP Pegawai": every active employee with the state of their SKP; the SKP editor opens on a
  double click.
- "Cascade": office IKU → the head's RHK → every RHK below, unapproved plans marked.

Only what the signed-in role may do is offered; nobody signed in reads only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QTabWidget

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.gui.kit.errors import show_error
from kinerja_desktop.gui.kit.list_view import ListView
from kinerja_desktop.gui.kit.table_model import ROW_ROLE
from kinerja_desktop.gui.plans.common import Confirm, error_text
from kinerja_desktop.gui.plans.model import IndicatorTableModel
from kinerja_desktop.gui.plans.panels import CascadePanel, SkpPanel

if TYPE_CHECKING:
    from kinerja_desktop.gui.kit.tasks import Task
    from kinerja_desktop.gui.plans.catalogue import CatalogueDialog
    from kinerja_desktop.services.common import Database
    from kinerja_desktop.services.common.dto import OfficeDTO

TAB_IKU, TAB_SKP, TAB_CASCADE = range(3)


class IndicatorsView(ListView):
    NAME = "indicators"
    KINDS = frozenset({"indicators", "realisations", "offices", "skp", "employees"})

    def __init__(self, *, lang: str = "id", parent: Any = None) -> None:
        super().__init__(IndicatorTableModel(lang=lang), lang=lang, parent=parent)
        self.office_combo = QComboBox()
        self.office_combo.setObjectName("office")
        self.office_combo.setToolTip(self.tr("Kantor"))
        self.office_combo.setMaximumWidth(260)
        self.office_combo.addItem(self.tr("Semua kantor"), None)
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("year")
        self.year_combo.setToolTip(self.tr("Tahun"))
        self.edit_btn = QPushButton(self.tr("Ubah katalog…"))
        self.edit_btn.setObjectName("edit_catalogue")
        self.edit_btn.setToolTip(self.tr("Katalog IKU, target per periode dan pustaka templat"))
        self.edit_btn.clicked.connect(self.open_catalogue)
        self.copy_btn = QPushButton(self.tr("Salin ke tahun berikutnya"))
        self.copy_btn.setObjectName("copy_catalogue")
        self.copy_btn.clicked.connect(self.copy_to_next_year)
        # A second row under the title keeps the view usable on narrow (1024 px) screens.
        filters = QHBoxLayout()
        for widget in (self.office_combo, self.year_combo, self.edit_btn, self.copy_btn):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.layout().insertLayout(1, filters)
        self.office_combo.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.year_combo.currentIndexChanged.connect(lambda _i: self._filters_changed())
        self.table.doubleClicked.connect(lambda _i: self.open_catalogue())

        # The base class's table (and its empty page) becomes the first tab.
        layout = self.layout()
        layout.removeWidget(self.pages)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self.pages, self.tr("IKU Kantor"))
        self.skp_panel = SkpPanel(lang=lang)
        self.tabs.addTab(self.skp_panel, self.tr("SKP Pegawai"))
        self.cascade_panel = CascadePanel(lang=lang)
        self.tabs.addTab(self.cascade_panel, self.tr("Cascade"))
        layout.insertWidget(2, self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.catalogue: CatalogueDialog | None = None
        self._loading_filters = False
        self._panel_task: Task | None = None
        self.on_actor_changed()

    def title(self) -> str:
        return self.tr("Indikator dan SKP")

    def empty_text(self) -> str:
        return self.tr(
            "Belum ada indikator kinerja utama (IKU) untuk pilihan ini.\n"
            "Pilih Ubah katalog… untuk menyusunnya, atau impor katalog dari kecamatan."
        )

    # -- filters -------------------------------------------------------------------------------

    def office(self) -> str | None:
        return self.office_combo.currentData()

    def year(self) -> int:
        data = self.year_combo.currentData()
        return int(data) if data else date.today().year

    def set_database(self, db: Database | None) -> None:
        super().set_database(db)
        self._loading_filters = True
        while self.office_combo.count() > 1:
            self.office_combo.removeItem(1)
        self.year_combo.clear()
        self._loading_filters = False

    def _fill_filters(self, filters: _Filters) -> None:
        if self.year_combo.count():
            return
        self._loading_filters = True
        for o in filters.offices:
            self.office_combo.addItem(f"{o.code} — {o.name}", o.code)
        for y in filters.years:
            self.year_combo.addItem(str(y), y)
        self.year_combo.setCurrentIndex(self.year_combo.findData(filters.default))
        self._loading_filters = False

    def _filters_changed(self) -> None:
        if not self._loading_filters:
            self.refresh()

    # -- loading -------------------------------------------------------------------------------

    def fetch(self) -> Callable[[Database], tuple[_Filters | None, Sequence[Any]]]:
        """Capture the office and year here; read the choices (first time) and the IKU on the
        read worker. Before the first fill the year is the default the choices give."""
        need_filters = not self.year_combo.count()
        office, year = self.office(), self.year()

        def read(db: Database) -> tuple[_Filters | None, Sequence[Any]]:
            from kinerja_desktop.services.plans import list_indicators

            filters = _read_filters(db) if need_filters else None
            chosen = filters.default if filters is not None else year
            return filters, list_indicators(db, year=chosen, office_code=office)

        return read

    def loaded(self, data: tuple[_Filters | None, Sequence[Any]]) -> Sequence[Any]:
        filters, rows = data
        if filters is not None:
            self._fill_filters(filters)
        return rows

    def after_load(self, db: Database | None) -> None:
        self.skp_panel.db = db
        self.skp_panel.actor = self.actor
        self.skp_panel.office = self.office()
        self.skp_panel.year = self.year()
        if self.tabs.currentIndex() != TAB_IKU:
            self._reload_panel()

    def _tab_changed(self, index: int) -> None:
        self.search.setVisible(index == TAB_IKU)
        self.count_label.setVisible(index == TAB_IKU)
        self._reload_panel()

    def _reload_panel(self) -> None:
        """Read the shown tab's panel on the read worker (the IKU tab is the view's table)."""
        from kinerja_desktop.gui.plans.panels import read_cascade, read_skp_rows

        index, db = self.tabs.currentIndex(), self.database
        if index == TAB_SKP:
            panel = self.skp_panel
            if db is None or not panel.year:
                panel.show_rows([])
                return
            self._panel_task = self.runner.read(
                read_skp_rows,
                db,
                panel.year,
                panel.office,
                key=f"panel:skp:{id(self)}",
                on_done=panel.show_rows,
                on_error=self._panel_failed,
            )
        elif index == TAB_CASCADE:
            if db is None:
                self.cascade_panel.show_tree(None, self.year(), None)
                return
            self._panel_task = self.runner.read(
                read_cascade,
                db,
                self.office(),
                self.year(),
                key=f"panel:cascade:{id(self)}",
                on_done=lambda found: self.cascade_panel.show_tree(*found),
                on_error=self._panel_failed,
            )

    def is_loading(self) -> bool:
        task = self._panel_task
        return super().is_loading() or (task is not None and not task.finished)

    def _panel_failed(self, error: BaseException) -> None:
        if isinstance(error, KinerjaError):
            self.cascade_panel.note.setText(error_text(error, self.lang))
        else:
            show_error(error, lang=self.lang, parent=self)

    def _home_office(self, db: Database | None) -> str | None:
        if db is None:
            return None
        try:
            from kinerja_desktop.services.common import home_office

            home = home_office(db)
        except Exception:  # a stand-in database in view tests
            return None
        return home.code if home else None

    # -- roles ---------------------------------------------------------------------------------

    def on_actor_changed(self) -> None:
        actor = self.actor
        clerk = actor is not None and (actor.has(Role.ADMIN) or actor.has(Role.OPERATOR))
        self.edit_btn.setText(self.tr("Ubah katalog…") if clerk else self.tr("Lihat katalog…"))
        self.copy_btn.setVisible(clerk)
        self.skp_panel.actor = actor
        self.skp_panel.update_actions()

    # -- actions -------------------------------------------------------------------------------

    def _target_office(self, *, home: bool = True) -> str | None:
        office = self.office()
        if office:
            return office
        index = self.table.currentIndex()
        if index.isValid():
            return self.model.data(index, ROW_ROLE).office_code
        return self._home_office(self.database) if home else None

    def open_catalogue(self) -> CatalogueDialog | None:
        """Open the catalogue editor of the chosen office and year (window-modal)."""
        from kinerja_desktop.gui.plans.catalogue import CatalogueDialog

        # No office chosen: the dialog finds the home office on the read worker.
        office = self._target_office(home=False)
        if self.database is None:
            return None
        self.catalogue = CatalogueDialog(
            self.database, self.actor, office, self.year(), lang=self.lang, parent=self
        )
        self.catalogue.open()
        return self.catalogue

    def copy_to_next_year(self) -> bool:
        from kinerja_desktop.services.plans import copy_catalogue

        office, year = self._target_office(), self.year()
        if self.database is None or self.actor is None or office is None:
            return False
        question = self.tr("Salin katalog IKU {office} tahun {year} ke tahun {next}?").format(
            office=office, year=year, next=year + 1
        )
        if not Confirm.ask(self, self.tr("Salin katalog"), question):
            return False
        try:
            result = copy_catalogue(self.database, self.actor, office, year)
        except KinerjaError as err:
            self.info_label.setText(error_text(err, self.lang))
            self.info_label.show()
            return False
        text = self.tr("{count} IKU disalin ke tahun {year}.").format(
            count=result.created, year=year + 1
        )
        if result.skipped:
            text += " " + self.tr("Sudah ada, dilewati: {codes}.").format(
                codes=", ".join(result.skipped)
            )
        self.info_label.setText(text)
        self.info_label.show()
        return True


@dataclass(frozen=True)
class _Filters:
    """The office and year choices, read once per database on the read worker."""

    offices: Sequence[OfficeDTO]
    years: list[int]
    default: int


def _read_filters(db: Database) -> _Filters:
    try:
        from kinerja_desktop.services.common import list_offices
        from kinerja_desktop.services.plans import catalogue_years

        offices, years = list_offices(db), catalogue_years(db)
    except Exception:  # a stand-in database in view tests: the defaults only
        offices, years = [], []
    this_year = date.today().year
    choices = sorted({*years, this_year, this_year + 1}, reverse=True)
    default = this_year if this_year in years or not years else years[0]
    return _Filters(offices, choices, default)
