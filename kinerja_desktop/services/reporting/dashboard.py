"""The Dasbor's office figures of a year: IKU capaian per period and IKM per office (issue 20).

Read with a fixed number of statements whatever the number of offices and indicators: the
indicators of the year, their period targets and their realisations are read by joins on the
year (never a list of ids bound as parameters, services/common/bounds.py), the IKM surveys by
their period's year. The screen (gui/dashboard) and the recap page (reports/dashboard_page.py)
draw the same figures.

Decisions where the issue is silent:

- The periods of the year are those of the indicators' periodicities (quarters when an office
  has none), as the office realisations dialog offers them; the year itself is not a point.
- A point's capaian follows the office realisations (DOMAIN.md A 1): the period's stored
  target, else the annual target split by the indicator's rule; a point without a realisation
  or whose capaian cannot be measured (a zero target) is left out of the line, not drawn as 0.
- For the whole kecamatan the lines would be one per indicator per office (dozens); the chart
  then shows one line per office, its mean capaian over its indicators (weighted where every
  indicator has a weight, :func:`scoring.mean_capaian`). One office chosen: a line per IKU.
- The target of every line is a capaian of 100%: the realisation equals the period's target.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Polarity
from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.ikm import compute_ikm_from_totals
from kinerja_desktop.domain.messages import label, text
from kinerja_desktop.domain.periods import Period, PeriodKind, short_period
from kinerja_desktop.domain.predikat import DISTRIBUTION_AXIS
from kinerja_desktop.domain.scoring import capaian, mean_capaian
from kinerja_desktop.domain.targets import split_target
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.storage.models import (
    IkmSurvey,
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    Office,
)

if TYPE_CHECKING:  # reportlab's charts load only when a page is printed, not for the screen
    from kinerja_desktop.reports.dashboard_page import DashboardPage

__all__ = [
    "PAGE_LINES",
    "PAGE_OFFICES",
    "IkmPoint",
    "IkuLine",
    "IkuPoint",
    "OfficeFigures",
    "furthest_behind",
    "lowest_done",
    "office_figures",
    "recap_page",
]

#: The capaian every line aims at (percent).
TARGET_CAPAIAN = Decimal(100)


@dataclass(frozen=True)
class IkuPoint:
    """One measured period of a line: ``capaian`` in percent (after the indicator's cap)."""

    period: str
    capaian: Decimal


@dataclass(frozen=True)
class IkuLine:
    """One line of the IKU chart: an indicator of one office, or (``indicator_code`` empty)
    the office's mean capaian."""

    office_code: str
    indicator_code: str
    name: str
    points: tuple[IkuPoint, ...]


@dataclass(frozen=True)
class IkmPoint:
    """The IKM of one office in one survey period: the converted value (25–100) and mutu."""

    office_code: str
    office_name: str
    period: str
    converted: Decimal
    mutu: str


@dataclass(frozen=True)
class OfficeFigures:
    """The year's IKU lines over ``periods`` and its IKM surveys (by office, then period)."""

    year: int
    office_code: str | None
    periods: tuple[str, ...]
    iku: tuple[IkuLine, ...]
    ikm: tuple[IkmPoint, ...]
    ikm_periods: tuple[str, ...]
    target: Decimal = TARGET_CAPAIAN


def office_figures(db: Database, year: int, office_code: str | None = None) -> OfficeFigures:
    """The IKU lines and IKM points of ``year`` for one office (None: every office).

    Raises:
        ValidationError: ``period.invalid`` for a year outside 2000–2100.
    """
    if not 2000 <= int(year) <= 2100:
        raise ValidationError("period.invalid", field="tahun", value=str(year))
    code = office_code.strip().upper() if office_code else None
    with db.uow() as uow:
        session = uow.session
        indicators = _indicators(session, year, code)
        # Plain rows of what a point needs (a city's year holds thousands of each).
        targets = _by_indicator(
            session,
            _of_year(
                select(
                    IndicatorTarget.indicator_id,
                    IndicatorTarget.period,
                    IndicatorTarget.target,
                    IndicatorTarget.target_hi,
                ),
                year,
                code,
            ),
        )
        reals = _by_indicator(
            session,
            _of_year(
                select(
                    IndicatorRealisation.indicator_id,
                    IndicatorRealisation.period,
                    IndicatorRealisation.value,
                ),
                year,
                code,
            ),
        )
        periods = _periods(year, indicators)
        lines = [_line(office, ind, periods, targets, reals) for office, ind in indicators]
        if code is None:
            weights = {(office, ind.code): ind.weight for office, ind in indicators}
            lines = _office_means(lines, weights)
        ikm = _ikm(session, year, code)
    return OfficeFigures(
        year=year,
        office_code=code,
        periods=periods,
        iku=tuple(lines),
        ikm=ikm,
        ikm_periods=tuple(sorted({p.period for p in ikm}, key=Period.parse)),
    )


def _indicators(session: Session, year: int, code: str | None) -> list[tuple[str, Any]]:
    """(office code, indicator as a plain row with what a line reads), in the chart's order."""
    stmt = (
        select(
            Office.code.label("office_code"),
            Indicator.id,
            Indicator.code,
            Indicator.name,
            Indicator.polarity,
            Indicator.cap,
            Indicator.weight,
            Indicator.periodicity,
            Indicator.split_rule,
            Indicator.annual_target,
            Indicator.annual_target_hi,
        )
        .join(Office, Office.id == Indicator.office_id)
        .where(Indicator.year == year, Indicator.deleted_at.is_(None), Office.deleted_at.is_(None))
        .order_by(Office.code, Indicator.sort_order, Indicator.code)
    )
    if code is not None:
        stmt = stmt.where(Office.code == code)
    return [(row.office_code, row) for row in _stream(session, stmt)]


def _stream(session: Session, stmt: Select) -> Any:  # type: ignore[type-arg]
    """Core rows one at a time: the ORM's result turns a whole result into rows in one call
    that keeps the GIL, and the Dasbor's read runs beside the GUI thread (issue 16)."""
    return session.connection().execute(stmt)


def _of_year(stmt: Select, year: int, code: str | None) -> Select:  # type: ignore[type-arg]
    """``stmt`` over a table with ``indicator_id``, kept to the live indicators of the year."""
    entity = stmt.column_descriptions[0]["entity"]
    stmt = (
        stmt.join(Indicator, Indicator.id == entity.indicator_id)
        .join(Office, Office.id == Indicator.office_id)
        .where(Indicator.year == year, Indicator.deleted_at.is_(None), entity.deleted_at.is_(None))
    )
    return stmt.where(Office.code == code) if code is not None else stmt


def _by_indicator(session: Session, stmt: Select) -> defaultdict[int, dict[str, object]]:  # type: ignore[type-arg]
    found: defaultdict[int, dict[str, object]] = defaultdict(dict)
    for row in _stream(session, stmt):
        found[row.indicator_id][row.period] = row
    return found


def _line(
    office: str,
    ind: Any,
    periods: tuple[str, ...],
    targets: defaultdict[int, dict[str, object]],
    reals: defaultdict[int, dict[str, object]],
) -> IkuLine:
    points = []
    for period in periods:
        value = reals[ind.id].get(period)
        if value is None:
            continue
        stored = targets[ind.id].get(period)
        measured = _capaian(ind, value.value, stored, Period.parse(period))  # type: ignore[attr-defined]
        if measured is not None:
            points.append(IkuPoint(period, measured))
    return IkuLine(office, ind.code, ind.name, tuple(points))


def _periods(year: int, indicators: list[tuple[str, Any]]) -> tuple[str, ...]:
    kinds = {PeriodKind.from_frequency(ind.periodicity) for _office, ind in indicators}
    kinds.discard(PeriodKind.YEAR)
    found: set[Period] = set()
    for kind in kinds or {PeriodKind.QUARTER}:
        found.update(Period(PeriodKind.YEAR, year).subperiods(kind))
    return tuple(str(p) for p in sorted(found))


def _capaian(ind: Any, value: Decimal, stored: object, period: Period) -> Decimal | None:
    if stored is not None:
        target, target_hi = stored.target, stored.target_hi  # type: ignore[attr-defined]
    else:
        kind = PeriodKind.from_frequency(ind.periodicity)
        if period.kind != kind:
            return None  # a period of another periodicity than the indicator's
        shares = split_target(ind.annual_target, ind.split_rule, kind.count_per_year)
        target, target_hi = shares[period.index - 1], ind.annual_target_hi
    hi = target_hi if ind.polarity == Polarity.RANGE else None
    try:
        return capaian(value, target, ind.polarity, target_hi=hi, cap=ind.cap)
    except KinerjaError:
        return None


def _office_means(
    lines: list[IkuLine], weights: dict[tuple[str, str], Decimal | None]
) -> list[IkuLine]:
    per_office: dict[str, dict[str, list[tuple[Decimal, Decimal | None]]]] = {}
    for line in lines:
        periods = per_office.setdefault(line.office_code, {})
        for point in line.points:
            periods.setdefault(point.period, []).append(
                (point.capaian, weights.get((line.office_code, line.indicator_code)))
            )
    means = []
    for office, periods in per_office.items():
        points = []
        for period in sorted(periods, key=Period.parse):
            mean = mean_capaian(periods[period])
            if mean is not None:
                points.append(IkuPoint(period, mean))
        means.append(IkuLine(office, "", office, tuple(points)))
    return means


def _ikm(session: Session, year: int, code: str | None) -> tuple[IkmPoint, ...]:
    stmt = (
        select(IkmSurvey.period, IkmSurvey.totals, IkmSurvey.answered, Office.code, Office.name)
        .join(Office, Office.id == IkmSurvey.office_id)
        .where(IkmSurvey.deleted_at.is_(None), IkmSurvey.period.like(f"{int(year)}%"))
    )
    if code is not None:
        stmt = stmt.where(Office.code == code)
    points = []
    for survey in _stream(session, stmt):
        office, name = survey.code, survey.name
        try:
            period = Period.parse(survey.period)
            result = compute_ikm_from_totals(survey.totals, survey.answered)
        except KinerjaError:
            continue  # an unreadable survey is the survey dialog's to report, not the chart's
        if period.year != year:
            continue
        points.append(IkmPoint(office, name, str(period), result.converted, result.mutu.value))
    return tuple(sorted(points, key=lambda p: (p.office_code, Period.parse(p.period))))


#: Offices one chart of the printed page can name legibly (a city has a hundred and more).
PAGE_OFFICES = 16
#: IKU lines one chart of the page can tell apart (its palette's length).
PAGE_LINES = 10


def recap_page(db: Database, period: str, *, today: date | None = None) -> DashboardPage:
    """The Dasbor of every office for ``period``, as the kecamatan recap prints it: the same
    services and the same sums as the screen's "Semua kantor".

    Decision: with more offices than a chart can name (:data:`PAGE_OFFICES`, a city), the
    page shows those furthest behind: the lowest share of staff done, the lowest mean IKU
    capaian of the year (:data:`PAGE_LINES` lines), the lowest IKM; the note says so.
    """
    from kinerja_desktop.reports.dashboard_page import DashboardPage
    from kinerja_desktop.services.evaluation import STAGES
    from kinerja_desktop.services.reporting.dashboard_reads import dashboard_counts

    parsed = Period.parse(period)
    read = dashboard_counts(db, str(parsed), today=today)
    stages = read.stages
    offices = sorted(stages)
    counts = dict.fromkeys(DISTRIBUTION_AXIS, 0)
    for code in offices:
        for grade, n in read.predikat[code].items():
            if grade in counts:
                counts[grade] += n
    counted = sum(counts.values())
    figures = office_figures(db, parsed.year)
    shown = lowest_done(
        {c: (stages[c]["done"], sum(stages[c].values())) for c in offices}, PAGE_OFFICES
    )
    lines = _lowest_lines(figures.iku, PAGE_LINES)
    ikm = _ikm_rows(figures)
    notes = [
        "Gambar yang sama dengan Dasbor aplikasi untuk semua kantor. Capaian IKU per kantor "
        "adalah rata-rata capaian indikatornya; garis putus-putus: target (100%)."
    ]
    every = set(offices) | {line.office_code for line in figures.iku} | {r[0] for r in ikm}
    if len(offices) > len(shown) or len(figures.iku) > len(lines) or len(ikm) > PAGE_OFFICES:
        notes.append(
            f"Dari {len(every)} kantor, grafik menampilkan kantor yang paling tertinggal: "
            f"{PAGE_OFFICES} kantor dengan penyelesaian dan IKM terendah, {PAGE_LINES} kantor "
            "dengan rata-rata capaian IKU terendah."
        )
        ikm = tuple(sorted(sorted(ikm, key=_lowest_ikm)[:PAGE_OFFICES]))
    return DashboardPage(
        title=f"DASBOR KECAMATAN: {parsed.label().upper()}",
        predikat=tuple(
            (label(g), 100 * counts[g] / counted if counted else 0.0) for g in DISTRIBUTION_AXIS
        ),
        counted=counted,
        stages=tuple(text(f"completion.{stage}") for stage in STAGES),
        completion=tuple((code, tuple(stages[code][stage] for stage in STAGES)) for code in shown),
        periods=tuple(short_period(p) for p in figures.periods),
        iku=tuple(
            (
                line.office_code,
                tuple(
                    next((float(pt.capaian) for pt in line.points if pt.period == p), None)
                    for p in figures.periods
                ),
            )
            for line in lines
        ),
        ikm_periods=tuple(short_period(p) for p in figures.ikm_periods),
        ikm=ikm,
        note=" ".join(notes),
    )


def lowest_done(done: Mapping[str, tuple[int, int]], limit: int = PAGE_OFFICES) -> tuple[str, ...]:
    """The ``limit`` offices of ``done`` (code -> staff done, staff) with the lowest share done,
    by code: the offices a chart names when it cannot name them all."""

    def share(code: str) -> tuple[float, str]:
        finished, total = done[code]
        return (finished / total if total else 0.0, code)

    return tuple(sorted(sorted(done, key=share)[:limit]))


def furthest_behind(
    figures: OfficeFigures, *, lines: int = PAGE_LINES, offices: int = PAGE_OFFICES
) -> OfficeFigures:
    """``figures`` cut to what one chart can show legibly, as the recap page does: the
    ``lines`` offices with the lowest mean IKU capaian, the ``offices`` with the lowest IKM."""
    rows = _ikm_rows(figures)
    if len(figures.iku) <= lines and len(rows) <= offices:
        return figures
    kept = {code for code, _values in sorted(rows, key=_lowest_ikm)[:offices]}
    ikm = tuple(p for p in figures.ikm if p.office_code in kept)
    return replace(
        figures,
        iku=_lowest_lines(figures.iku, lines),
        ikm=ikm,
        ikm_periods=tuple(sorted({p.period for p in ikm}, key=Period.parse)),
    )


def _lowest_lines(lines: tuple[IkuLine, ...], limit: int) -> tuple[IkuLine, ...]:
    if len(lines) <= limit:
        return lines

    def mean(line: IkuLine) -> Decimal:
        values = [p.capaian for p in line.points]
        return sum(values, Decimal(0)) / len(values) if values else Decimal("Infinity")

    kept = {id(line) for line in sorted(lines, key=mean)[:limit]}
    return tuple(line for line in lines if id(line) in kept)


def _lowest_ikm(row: tuple[str, tuple[float | None, ...]]) -> tuple[float, str]:
    values = [v for v in row[1] if v is not None]
    return (min(values) if values else 101.0, row[0])


def _ikm_rows(figures: OfficeFigures) -> tuple[tuple[str, tuple[float | None, ...]], ...]:
    rows: dict[str, dict[str, float]] = {}
    for point in figures.ikm:
        rows.setdefault(point.office_code, {})[point.period] = float(point.converted)
    return tuple(
        (code, tuple(rows[code].get(p) for p in figures.ikm_periods)) for code in sorted(rows)
    )
