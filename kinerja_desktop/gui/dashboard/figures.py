"""The Dasbor's figures, read on the task runner's reader (never on the GUI thread).

One call gathers what the charts and the table show for a period and an office (or every
office): the employees' predikat counts and, for one office, its organisation predikat and the
SE 3/2023 warnings (``office_distribution``); and per office the completion stages
(``completion_summary``). The charts themselves are drawn by :mod:`.charts`.

Decision: for the whole kecamatan the predikat counts are the sum of every office's counts; no
band is expected of the sum, since the SE 3/2023 pattern follows each office's own
organisation predikat.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import import_module
from types import MappingProxyType
from typing import TYPE_CHECKING

from kinerja_desktop.domain.enums import OrgPredikat, Predikat
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.predikat import check_distribution
from kinerja_desktop.services.common.dto import PeriodChoice

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Database
    from kinerja_desktop.services.reporting import OfficeFigures

#: Completion stages in the order the stacked bar draws them (the monitor's STAGES).
STAGES = (
    "no_skp",
    "not_started",
    "no_realisation",
    "not_submitted",
    "no_rating",
    "not_approved",
    "done",
)


#: Offices one screen chart names legibly at 1366x728 (a quarter of the view each); the printed
#: page, larger, names PAGE_OFFICES.
SCREEN_OFFICES = 8
#: IKU lines whose legend fits beside one screen chart.
SCREEN_LINES = 8


@dataclass(frozen=True)
class OfficeCompletion:
    """One office's staff per completion stage of the period."""

    office_code: str
    office_name: str
    stages: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.stages.values())

    @property
    def done(self) -> int:
        return self.stages.get("done", 0)

    def count(self, stage: str) -> int:
        return self.stages.get(stage, 0)


@dataclass(frozen=True)
class DashboardFigures:
    """What the Dasbor shows for ``period`` and ``office_code`` (None: every office)."""

    period: str | None
    office_code: str | None
    periods: tuple[PeriodChoice, ...] = ()
    offices: tuple[tuple[str, str], ...] = ()
    counts: Mapping[Predikat, int] = field(
        default_factory=lambda: MappingProxyType(dict.fromkeys(Predikat, 0))
    )
    org_predikat: OrgPredikat | None = None
    warnings: tuple[str, ...] = ()
    completion: tuple[OfficeCompletion, ...] = ()
    deadline: date | None = None
    days_left: int | None = None
    #: The year's IKU capaian lines and IKM surveys (services/reporting/dashboard.py).
    office: OfficeFigures | None = None
    #: What the charts draw when a city's offices are cut, worked out by the reader
    #: (:func:`load_figures`) so the GUI thread only draws; None: worked out on demand.
    cut: DashboardFigures | None = field(default=None, repr=False, compare=False)

    @property
    def counted(self) -> int:
        return sum(self.counts.values())

    def charted(self) -> DashboardFigures:
        """What the charts draw. Every office up to what a chart names legibly; beyond (a
        city's hundred and more) those furthest behind, by the recap page's rule: the lowest
        share of staff done, the lowest mean IKU capaian, the lowest IKM. The table keeps all."""
        from kinerja_desktop.services.reporting import furthest_behind, lowest_done

        if self.cut is not None:
            return self.cut
        if self.office_code is not None:
            return self
        done = {o.office_code: (o.done, o.total) for o in self.completion}
        shown = set(lowest_done(done, SCREEN_OFFICES))
        office = self.office
        if office is not None:
            office = furthest_behind(office, lines=SCREEN_LINES, offices=SCREEN_OFFICES)
        if len(shown) == len(done) and office is self.office:
            return self  # everything fits: the charts draw the figures themselves
        return replace(
            self,
            completion=tuple(o for o in self.completion if o.office_code in shown),
            office=office,
        )


def load_figures(
    db: Database,
    period: str | None,
    office_code: str | None,
    *,
    today: date | None = None,
    lang: str = "id",
) -> DashboardFigures:
    """Read the figures (``period`` None: the default period of the period picker); the
    SE 3/2023 warnings are worded in ``lang``."""
    from kinerja_desktop.gui.kit.period_combo import default_period
    from kinerja_desktop.services.evaluation import list_periods
    from kinerja_desktop.services.office_eval import office_distribution
    from kinerja_desktop.services.reporting import dashboard_counts, office_figures

    # QtCharts loads here, on the reader, the first time: loaded on the GUI thread when the
    # figures arrive it froze the window 100-140 ms (a module import creates no widget).
    import_module("kinerja_desktop.gui.dashboard.charts")
    today = today or date.today()
    periods = tuple(list_periods(db))
    if period is None or all(p.code != period for p in periods):
        period = default_period(periods, today)
    if period is None:
        return DashboardFigures(None, office_code)
    read = dashboard_counts(db, period, today=today)
    names = dict(read.offices)
    if office_code is not None and office_code not in names:
        office_code = None
    chosen = [office_code] if office_code is not None else [code for code, _ in read.offices]
    counts = dict.fromkeys(Predikat, 0)
    for code in chosen:
        for grade, n in read.predikat[code].items():
            counts[grade] += n
    org, warnings = None, ()
    if office_code is not None:  # the office's own organisation predikat and its SE 3/2023 check
        org = office_distribution(db, office_code, period).org_predikat
        if org is not None:
            found = check_distribution(org, read.predikat[office_code], lang=lang)
            warnings = tuple(w.message for w in found)
    staffed = bool(read.offices)
    figures = DashboardFigures(
        period=period,
        office_code=office_code,
        periods=periods,
        offices=read.offices,
        counts=MappingProxyType(counts),
        org_predikat=org,
        warnings=warnings,
        completion=tuple(OfficeCompletion(code, names[code], read.stages[code]) for code in chosen),
        deadline=read.deadline if staffed else None,
        days_left=read.days_left if staffed else None,
        office=office_figures(db, Period.parse(period).year, office_code),
    )
    return prepared(figures)


def prepared(figures: DashboardFigures) -> DashboardFigures:
    """``figures`` with the charts' cut worked out (on the reader: the GUI thread only draws)."""
    shown = figures.charted()
    return figures if shown is figures else replace(figures, cut=shown)
