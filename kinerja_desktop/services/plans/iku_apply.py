"""Writing an IKU catalogue: check the inputs against the catalogue as it will be, then create,
update and delete indicators and their period targets (no commit; the caller owns the unit of
work). See :mod:`kinerja_desktop.services.plans.iku_catalogue` for the contract."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import ConflictError
from kinerja_desktop.domain.messages import validation_error
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import now_utc, stamp_change, stamp_new
from kinerja_desktop.services.plans.dto import IndicatorInput, PeriodTarget
from kinerja_desktop.services.plans.iku_checks import check_indicator, check_weights
from kinerja_desktop.services.plans.iku_reads import (
    in_use_ids,
    indicator_detail,
    norm,
    owned_here,
    targets_of,
)
from kinerja_desktop.storage.models import Indicator, IndicatorTarget, Office

__all__ = ["CatalogueChange", "apply_catalogue"]

_FIELDS = (
    "name", "definition", "formula", "unit", "polarity", "data_source", "cap", "weight",
    "periodicity", "split_rule", "annual_target", "annual_target_hi",
)  # fmt: skip


@dataclass
class CatalogueChange:
    """What applying inputs to one office and year did (codes) and the changed uuids."""

    created: list[str]
    updated: list[str]
    deleted: list[str]
    unchanged: list[str]
    uuids: list[str]
    before: dict[str, Any]
    after: dict[str, Any]


def apply_catalogue(
    session: Session,
    actor: Actor,
    office: Office,
    year: int,
    inputs: list[IndicatorInput],
    *,
    delete_missing: bool,
) -> CatalogueChange:
    """Check ``inputs`` against the catalogue as it will be, then write them (no commit).

    Inputs match stored indicators by uuid, else by code. With ``delete_missing`` the stored
    indicators not among the inputs are deleted (tombstones); without it they stay.

    Raises:
        ValidationError, ConflictError: the first broken rule; the caller rolls back.
    """
    home = home_office_code(session)
    stored = list(
        session.execute(
            select(Indicator).where(Indicator.office_id == office.id, Indicator.year == year)
        ).scalars()
    )
    live = {r.code: r for r in stored if r.deleted_at is None}
    checked = _checked_inputs(inputs, year)
    matched = _match(checked, stored)
    removed = _removals(session, home, year, live, checked, matched, delete_missing)
    writer = _Writer(
        session, actor, office, year, home, now_utc(),
        targets_of(session, [r.id for r in stored]), CatalogueChange([], [], [], [], [], {}, {}),
    )  # fmt: skip
    next_order = max((r.sort_order for r in live.values()), default=0)
    for order, clean in enumerate(checked, start=1):
        row = matched.get(id(clean))
        if row is None:
            writer.create(clean, order if delete_missing else next_order + order)
        elif delete_missing:
            writer.update(row, clean, order)
        else:
            writer.update(
                row, clean, row.sort_order if row.deleted_at is None else next_order + order
            )
    for row in removed:
        writer.delete(row)
    session.flush()
    return writer.change


def _checked_inputs(inputs: list[IndicatorInput], year: int) -> list[IndicatorInput]:
    """Every input checked and normalised; a code may appear once."""
    checked: list[IndicatorInput] = []
    seen: set[str] = set()
    for values in inputs:
        clean = check_indicator(values, year)
        if clean.code in seen:
            raise validation_error("iku.code_duplicate", field="kode", iku=clean.code)
        seen.add(clean.code)
        checked.append(clean)
    return checked


def _match(checked: list[IndicatorInput], stored: list[Indicator]) -> dict[int, Indicator]:
    """The stored row each input updates (by uuid, else by code), keyed by ``id(input)``.

    Renaming a row to a code that another live row holds is refused.
    """
    by_code = {r.code: r for r in stored}
    by_uuid = {r.uuid: r for r in stored}
    matched: dict[int, Indicator] = {}
    for clean in checked:
        row = by_uuid.get(clean.uuid or "") or by_code.get(clean.code)
        if row is not None and row.uuid == clean.uuid and row.code != clean.code:
            other = by_code.get(clean.code)
            if other is not None and other is not row and other.deleted_at is None:
                raise validation_error("iku.code_taken", field="kode", iku=clean.code)
        if row is not None:
            matched[id(clean)] = row
    return matched


def _removals(
    session: Session,
    home: str | None,
    year: int,
    live: dict[str, Indicator],
    checked: list[IndicatorInput],
    matched: dict[int, Indicator],
    delete_missing: bool,
) -> list[Indicator]:
    """Check the weights of the catalogue as it will be; return the live rows to delete.

    Raises:
        ValidationError: the weights break; ConflictError: a row to delete is in use or
            belongs to another office.
    """
    unmatched = [r for r in live.values() if r not in matched.values()]
    kept_rows = unmatched if not delete_missing else []
    check_weights(checked + [_as_input(session, r, year) for r in kept_rows])
    removed = unmatched if delete_missing else []
    used = in_use_ids(session, [r.id for r in removed])
    for row in removed:
        if row.id in used:
            raise ConflictError("iku.in_use", field="kode", iku=row.code)
        if not owned_here(home, row.origin_office):
            raise ConflictError("record.not_owned", name=row.code, office=row.origin_office)
    return removed


@dataclass
class _Writer:
    """The writes of one :func:`apply_catalogue` call, recorded in ``change``."""

    session: Session
    actor: Actor
    office: Office
    year: int
    home: str | None
    stamp: datetime
    targets_by_id: dict[int, list[IndicatorTarget]]
    change: CatalogueChange

    @property
    def origin(self) -> str:
        return self.home or self.office.code

    def create(self, clean: IndicatorInput, sort_order: int) -> None:
        row = Indicator(office_id=self.office.id, year=self.year, code=clean.code)
        stamp_new(row, self.actor, office=self.origin, at=self.stamp)
        _set(row, clean)
        row.sort_order = sort_order
        self.session.add(row)
        self.session.flush()
        self.write_targets(row, [], clean.targets)
        self.change.created.append(clean.code)
        self.change.uuids.append(row.uuid)
        self.change.after[clean.code] = _json(_values(clean), clean.targets)

    def update(self, row: Indicator, clean: IndicatorInput, sort_order: int) -> None:
        """Update (or revive) ``row`` unless nothing changes; a foreign row is refused."""
        was_live = row.deleted_at is None
        old_targets = self.targets_by_id.get(row.id, [])
        old_live = tuple(
            PeriodTarget(t.period, norm(t.target), norm(t.target_hi))
            for t in old_targets if t.deleted_at is None
        )  # fmt: skip
        same = (
            was_live
            and row.code == clean.code
            and all(_same(getattr(row, k), getattr(clean, k)) for k in _FIELDS)
            and _target_key(old_live) == _target_key(clean.targets)
            and row.sort_order == sort_order
        )
        if same:
            self.change.unchanged.append(clean.code)
            return
        if not owned_here(self.home, row.origin_office):
            raise ConflictError("record.not_owned", name=row.code, office=row.origin_office)
        self.change.before[row.code] = _json(_values(row), old_live) if was_live else None
        row.code = clean.code
        _set(row, clean)
        row.sort_order = sort_order
        row.deleted_at = None
        stamp_change(row, self.actor, at=self.stamp)
        self.write_targets(row, old_targets, clean.targets)
        (self.change.updated if was_live else self.change.created).append(clean.code)
        self.change.uuids.append(row.uuid)
        self.change.after[clean.code] = _json(_values(clean), clean.targets)

    def delete(self, row: Indicator) -> None:
        """Tombstone ``row`` and its live period targets."""
        self.change.before[row.code] = _json(_values(row), ())
        row.deleted_at = self.stamp
        stamp_change(row, self.actor, at=self.stamp)
        for t in self.targets_by_id.get(row.id, []):
            if t.deleted_at is None:
                t.deleted_at = self.stamp
                stamp_change(t, self.actor, at=self.stamp)
        self.change.deleted.append(row.code)
        self.change.uuids.append(row.uuid)

    def write_targets(
        self, row: Indicator, old: list[IndicatorTarget], new: tuple[PeriodTarget, ...]
    ) -> None:
        """Make the stored period targets of ``row`` those of ``new``; others are tombstoned."""
        by_period = {t.period: t for t in old}
        wanted = {t.period: t for t in new}
        for period, target in wanted.items():
            stored = by_period.get(period)
            if stored is None:
                fresh = IndicatorTarget(
                    indicator_id=row.id, period=period, target=target.target,
                    target_hi=target.target_hi,
                )  # fmt: skip
                stamp_new(fresh, self.actor, office=self.origin, at=self.stamp)
                self.session.add(fresh)
                continue
            if (
                stored.deleted_at is None
                and _same(stored.target, target.target)
                and _same(stored.target_hi, target.target_hi)
            ):
                continue
            stored.target, stored.target_hi = target.target, target.target_hi
            stored.deleted_at = None
            stamp_change(stored, self.actor, at=self.stamp)
        for period, stored in by_period.items():
            if period not in wanted and stored.deleted_at is None:
                stored.deleted_at = self.stamp
                stamp_change(stored, self.actor, at=self.stamp)


def _as_input(session: Session, row: Indicator, year: int) -> IndicatorInput:
    targets = targets_of(session, [row.id])[row.id]
    return indicator_detail(row, "", targets, False).as_input()


def _values(ind: Indicator | IndicatorInput) -> dict[str, Any]:
    return {k: getattr(ind, k) for k in _FIELDS}


def _set(row: Indicator, clean: IndicatorInput) -> None:
    for key in _FIELDS:
        setattr(row, key, getattr(clean, key))


def _json(values: dict[str, Any], targets: tuple[PeriodTarget, ...]) -> dict[str, Any]:
    out = {
        k: (str(v) if isinstance(v, Decimal) else getattr(v, "value", v)) for k, v in values.items()
    }
    out["targets"] = {
        t.period: str(t.target) + (f"-{t.target_hi}" if t.target_hi is not None else "")
        for t in targets
    }
    return out


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return Decimal(a) == Decimal(b)
    return bool(a == b)


def _target_key(targets: tuple[PeriodTarget, ...]) -> list[tuple[str, Decimal, Decimal | None]]:
    return sorted(
        (t.period, Decimal(t.target), None if t.target_hi is None else Decimal(t.target_hi))
        for t in targets
    )
