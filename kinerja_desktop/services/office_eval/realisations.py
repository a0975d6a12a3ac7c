"""Office IKU realisations per period, and the office's capaian per indicator and overall.

An office's IKU (indikator kinerja utama, its key performance indicators for a year) gets one
*realisasi* per period. The capaian of each indicator follows DOMAIN.md A 1
(:func:`kinerja_desktop.domain.scoring.capaian`), its category the installation's bands
(``load_settings(db).bands``); the office's overall capaian is the mean of the indicators'
capaian, weighted where every indicator has a weight (:func:`scoring.mean_capaian`). It is shown
beside the organisation predikat as guidance (DOMAIN.md A 11) and feeds a head's rating
suggestion.

Decisions where DOMAIN.md is silent:

- The period target is the stored :class:`IndicatorTarget` of that period; without one, the
  annual target split by the indicator's split rule (:func:`targets.split_target`); for the year
  itself, the annual target.
- The annual realisation is the value stored for the year where one is entered (a value
  measured over the year), else the roll-up of the period values by the split rule
  (:func:`targets.annual_realisation`); the row says which (``derived``).
- An indicator's cap applies to its capaian (A 1: only where the indicator sets one) and the
  overall mean uses those capaian.
- A negative realisation is refused for cumulative (counted) indicators; other indicators may be
  negative (a growth rate), as A 1 allows.
- Realisations are written only in the office's own database (DESIGN.md section 5: an office
  owns its realisations) and never in a locked period; Admin and Operator write.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import AchievementCategory, Polarity, Role, SplitRule
from kinerja_desktop.domain.errors import (
    ConflictError,
    KinerjaError,
    NotFoundError,
    ValidationError,
)
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.domain.scoring import (
    CategoryBands,
    capaian,
    category,
    mean_capaian,
    to_decimal,
)
from kinerja_desktop.domain.targets import annual_realisation, split_target
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.admin.settings import load_settings
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import NO_CHANGES, Changes
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import (
    audit,
    now_utc,
    row_values,
    stamp_change,
    stamp_new,
)
from kinerja_desktop.services.office_eval.periods import locking_period, require_unlocked
from kinerja_desktop.storage.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    Office,
)

__all__ = [
    "IndicatorCapaian",
    "OfficeCapaian",
    "RealisationEntry",
    "office_capaian",
    "office_periods",
    "parse_value",
    "save_realisations",
    "set_realisation",
    "write_entries",
]

EDITORS = (Role.ADMIN, Role.OPERATOR)


@dataclass(frozen=True)
class RealisationEntry:
    """One indicator's value as a form or a sheet gives it (``None`` clears the realisation)."""

    indicator_code: str
    value: Decimal | int | str | None
    note: str = ""


@dataclass(frozen=True)
class IndicatorCapaian:
    """One IKU in one period: target, realisation and capaian.

    Attributes:
        capaian: the capaian in percent, unrounded, after the indicator's cap (None when there
            is no realisation or it cannot be measured).
        problem: the message code when the capaian cannot be measured (``target.zero``...).
        derived: the realisation was rolled up from the periods, not entered for the year.
    """

    uuid: str
    code: str
    name: str
    unit: str
    polarity: Polarity
    split_rule: SplitRule
    weight: Decimal | None
    cap: Decimal | None
    target: Decimal
    target_hi: Decimal | None
    value: Decimal | None
    note: str
    capaian: Decimal | None
    category: AchievementCategory | None
    problem: str = ""
    derived: bool = False
    realisation_uuid: str | None = None
    version: int | None = None


@dataclass(frozen=True)
class OfficeCapaian:
    """An office's IKU for one period.

    Attributes:
        overall: the mean capaian of the indicators that have one (None when none has).
        editable: this database owns the office's realisations (it is the home office).
        locked_by: the locked period that covers this one ("" when open).
    """

    office_code: str
    office_name: str
    period: str
    period_label: str
    rows: tuple[IndicatorCapaian, ...]
    overall: Decimal | None
    overall_category: AchievementCategory | None
    editable: bool
    locked_by: str = ""
    #: What the write that returned this changed (empty for a plain read).
    changes: Changes = field(default=NO_CHANGES, compare=False)

    def row(self, code: str) -> IndicatorCapaian:
        """The row of indicator ``code`` (KeyError when absent)."""
        for item in self.rows:
            if item.code == code:
                return item
        raise KeyError(code)


def office_row(session: Session, code: str) -> Office:
    row = session.execute(
        select(Office).where(Office.code == code.strip().upper(), Office.deleted_at.is_(None))
    ).scalar()
    if row is None:
        raise NotFoundError("office.not_found", field="office", value=code)
    return row


def is_home_office(session: Session, office: Office) -> bool:
    home = home_office_code(session)
    return home is None or home == office.code


def _indicators(session: Session, office: Office, year: int) -> list[Indicator]:
    return list(
        session.execute(
            select(Indicator)
            .where(
                Indicator.office_id == office.id,
                Indicator.year == year,
                Indicator.deleted_at.is_(None),
            )
            .order_by(Indicator.sort_order, Indicator.code)
        ).scalars()
    )


def _period_target(
    ind: Indicator, stored: dict[str, IndicatorTarget], period: Period
) -> tuple[Decimal, Decimal | None]:
    row = stored.get(str(period))
    if row is not None:
        return row.target, row.target_hi
    if period.kind == PeriodKind.YEAR:
        return ind.annual_target, ind.annual_target_hi
    shares = split_target(ind.annual_target, ind.split_rule, period.kind.count_per_year)
    return shares[period.index - 1], ind.annual_target_hi


def _measure(
    ind: Indicator, value: Decimal | None, target: Decimal, target_hi: Decimal | None
) -> tuple[Decimal | None, str]:
    if value is None:
        return None, ""
    hi = target_hi if ind.polarity == Polarity.RANGE else None
    try:
        return capaian(value, target, ind.polarity, target_hi=hi, cap=ind.cap), ""
    except KinerjaError as err:
        return None, err.code


def build_capaian(
    session: Session, office: Office, period: Period, bands: CategoryBands
) -> OfficeCapaian:
    indicators = _indicators(session, office, period.year)
    ids = [i.id for i in indicators]
    targets: dict[int, dict[str, IndicatorTarget]] = {i: {} for i in ids}
    for t in session.execute(
        select(IndicatorTarget).where(
            IndicatorTarget.indicator_id.in_(ids), IndicatorTarget.deleted_at.is_(None)
        )
    ).scalars():
        targets[t.indicator_id][t.period] = t
    reals: dict[int, dict[str, IndicatorRealisation]] = {i: {} for i in ids}
    for r in session.execute(
        select(IndicatorRealisation).where(
            IndicatorRealisation.indicator_id.in_(ids), IndicatorRealisation.deleted_at.is_(None)
        )
    ).scalars():
        reals[r.indicator_id][r.period] = r
    rows = []
    for ind in indicators:
        target, target_hi = _period_target(ind, targets[ind.id], period)
        stored = reals[ind.id].get(str(period))
        value = stored.value if stored is not None else None
        derived = False
        if stored is None and period.kind == PeriodKind.YEAR:
            kind = PeriodKind.from_frequency(ind.periodicity)
            parts = [reals[ind.id].get(str(p)) for p in period.subperiods(kind)]
            value = annual_realisation([p.value if p else None for p in parts], ind.split_rule)
            derived = value is not None
        result, problem = _measure(ind, value, target, target_hi)
        rows.append(
            IndicatorCapaian(
                uuid=ind.uuid,
                code=ind.code,
                name=ind.name,
                unit=ind.unit,
                polarity=ind.polarity,
                split_rule=ind.split_rule,
                weight=ind.weight,
                cap=ind.cap,
                target=target,
                target_hi=target_hi if ind.polarity == Polarity.RANGE else None,
                value=value,
                note=stored.note if stored is not None else "",
                capaian=result,
                category=category(result, bands) if result is not None else None,
                problem=problem,
                derived=derived,
                realisation_uuid=stored.uuid if stored is not None else None,
                version=stored.version if stored is not None else None,
            )
        )
    measured = [(r.capaian, r.weight) for r in rows if r.capaian is not None]
    overall = mean_capaian(measured)
    return OfficeCapaian(
        office_code=office.code,
        office_name=office.name,
        period=str(period),
        period_label=period.label(),
        rows=tuple(rows),
        overall=overall,
        overall_category=category(overall, bands) if overall is not None else None,
        editable=is_home_office(session, office),
        locked_by=locking_period(session, str(period)) or "",
    )


def office_capaian(db: Database, office_code: str, period: str) -> OfficeCapaian:
    """The office's IKU of ``period``'s year with target, realisation and capaian for ``period``.

    Raises:
        NotFoundError: ``office.not_found``. ValidationError: ``period.invalid``.
    """
    parsed = Period.parse(period)
    bands = load_settings(db).bands
    with db.uow() as uow:
        return build_capaian(uow.session, office_row(uow.session, office_code), parsed, bands)


def office_periods(db: Database, office_code: str, year: int) -> list[str]:
    """The periods to offer for an office's IKU in ``year``: the periods of the indicators'
    periodicities (quarters by default) followed by the year itself."""
    with db.uow() as uow:
        office = office_row(uow.session, office_code)
        kinds = {
            PeriodKind.from_frequency(i.periodicity) for i in _indicators(uow.session, office, year)
        }
    kinds = kinds or {PeriodKind.QUARTER}
    periods: set[Period] = set()
    for kind in kinds:
        periods.update(Period(PeriodKind.YEAR, year).subperiods(kind))
    ordered = sorted(periods) + (
        [] if PeriodKind.YEAR in kinds else [Period(PeriodKind.YEAR, year)]
    )
    return [str(p) for p in ordered]


def parse_value(value: Decimal | int | float | str | None) -> Decimal | None:
    """Read a realisation typed by a clerk: empty is ``None``; ``"12,5"`` and ``"1.234,5"``
    (Indonesian decimal comma) are accepted.

    Raises:
        ValidationError: ``office_eval.not_number``.
    """
    if value is None:
        return None
    if isinstance(value, (Decimal, int, float)) and not isinstance(value, bool):
        try:
            return to_decimal(value, "realisasi")
        except ValidationError as exc:
            raise ValidationError("office_eval.not_number", field="realisasi", value=value) from exc
    text = str(value).strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        return to_decimal(text, "realisasi")
    except ValidationError as exc:
        raise ValidationError("office_eval.not_number", field="realisasi", value=value) from exc


def upsert_realisation(
    session: Session,
    actor: Actor,
    indicator: Indicator,
    period: Period,
    value: Decimal | None,
    note: str,
) -> tuple[str, dict[str, Any] | None, dict[str, Any] | None, str | None]:
    """Write one realisation in the caller's transaction (checks done by the caller).

    Returns:
        ``(action, before, after, uuid)`` with action ``"create"``, ``"update"``, ``"delete"``
        or ``"unchanged"``.
    """
    row = session.execute(
        select(IndicatorRealisation).where(
            IndicatorRealisation.indicator_id == indicator.id,
            IndicatorRealisation.period == str(period),
        )
    ).scalar()
    note = note.strip()
    if value is None:
        if row is None or row.deleted_at is not None:
            return "unchanged", None, None, None
        before = row_values(row)
        row.deleted_at = now_utc()
        stamp_change(row, actor)
        return "delete", before, row_values(row), row.uuid
    if row is None:
        row = IndicatorRealisation(indicator_id=indicator.id, period=str(period), value=value)
        row.note = note
        stamp_new(row, actor, office=home_office_code(session) or indicator.office.code)
        session.add(row)
        session.flush()
        return "create", None, row_values(row), row.uuid
    if row.deleted_at is None and row.value == value and row.note == note:
        return "unchanged", None, None, row.uuid
    before = row_values(row)
    row.value, row.note, row.deleted_at = value, note, None
    stamp_change(row, actor)
    session.flush()
    return "update", before, row_values(row), row.uuid


def check_value(indicator: Indicator, value: Decimal | None) -> None:
    """Refuse a negative realisation of a counted (cumulative) indicator."""
    if value is not None and value < 0 and indicator.split_rule == SplitRule.CUMULATIVE:
        raise ValidationError("office_eval.negative_count", field=indicator.code, value=value)


def writable_office(session: Session, actor: Actor, office_code: str, period: Period) -> Office:
    """The office, after checking role, ownership and lock for a write of ``period``."""
    require(actor, *EDITORS)
    office = office_row(session, office_code)
    if not is_home_office(session, office):
        raise ConflictError("office_eval.not_home_office", field="office", office=office.code)
    require_unlocked(session, str(period))
    return office


def find_indicator(session: Session, office: Office, year: int, code: str) -> Indicator:
    found = session.execute(
        select(Indicator).where(
            Indicator.office_id == office.id,
            Indicator.year == year,
            Indicator.code == code.strip(),
            Indicator.deleted_at.is_(None),
        )
    ).scalar()
    if found is None:
        raise NotFoundError(
            "office_eval.indicator_not_found", field="indicator", value=code, year=year,
            office=office.code,
        )  # fmt: skip
    return found


def save_realisations(
    db: Database,
    actor: Actor,
    office_code: str,
    period: str,
    entries: Sequence[RealisationEntry],
) -> OfficeCapaian:
    """Save several realisations of one office and period in one transaction.

    All entries are checked before anything is written: with one bad value nothing is saved.
    One audit entry per changed realisation holds its before and after values.

    Raises:
        PermissionDeniedError: not Admin or Operator.
        ConflictError: ``office_eval.not_home_office``, ``office_eval.period_locked``.
        NotFoundError: ``office.not_found``, ``office_eval.indicator_not_found``.
        ValidationError: ``office_eval.not_number``, ``office_eval.negative_count``.
    """
    parsed = Period.parse(period)
    bands = load_settings(db).bands
    with db.uow() as uow:
        session = uow.session
        office = writable_office(session, actor, office_code, parsed)
        write_entries(session, actor, office, parsed, entries)
        session.flush()
        result = build_capaian(session, office, parsed, bands)
        uow.commit()
    # The Indikator view shows the office's IKU and their realisations.
    return replace(result, changes=Changes.of("indicators", "realisations"))


def write_entries(
    session: Session,
    actor: Actor,
    office: Office,
    parsed: Period,
    entries: Sequence[RealisationEntry],
) -> None:
    """The body of :func:`save_realisations` inside the caller's transaction (the sheet import
    uses it too): check every entry, then write and audit each changed one."""
    checked = []
    for entry in entries:
        indicator = find_indicator(session, office, parsed.year, entry.indicator_code)
        value = parse_value(entry.value)
        check_value(indicator, value)
        checked.append((indicator, value, entry.note))
    for indicator, value, note in checked:
        action, before, after, uuid = upsert_realisation(
            session, actor, indicator, parsed, value, note
        )
        if action != "unchanged":
            audit(
                session, actor, action=action, entity="indicator_realisation",
                record_uuid=uuid, before=before, after=after,
                summary=f"{office.code} {indicator.code} {parsed}",
            )  # fmt: skip


def set_realisation(
    db: Database,
    actor: Actor,
    office_code: str,
    period: str,
    indicator_code: str,
    value: Decimal | int | str | None,
    note: str = "",
) -> IndicatorCapaian:
    """Save one realisation (see :func:`save_realisations`); returns the indicator's row."""
    result = save_realisations(
        db, actor, office_code, period, [RealisationEntry(indicator_code, value, note)]
    )
    return result.row(indicator_code)
