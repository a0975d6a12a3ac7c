"""The IKU catalogue of an office and year: indicators, their period targets, weights, copying.

IKU (indikator kinerja utama) are an office's key performance indicators (DOMAIN.md B 3). Each
has an annual target and one target per measurement period (its periodicity: monthly,
quarterly, semester or yearly, DOMAIN.md A 9), entered either as the annual target split by the
indicator's rule (:func:`kinerja_desktop.domain.targets.split_target`) or typed per period.

Contract: writes take an Admin or Operator :class:`Actor`, run in one transaction with one
audit entry, stamp every row they change, and check the catalogue *as it will be after the
write*; a refused write saves nothing. Rules:

- a code is unique within an office and year; a deleted code that comes back revives its row
  (same uuid), so sync identity survives an undo;
- targets are checked by polarity (a higher-is-better target of 0 cannot be measured, a range
  needs ``lo <= hi``), every typed period must lie in the catalogue's year and have the kind of
  the indicator's periodicity;
- weights are optional, but once any indicator of the office and year has one, every indicator
  needs one and they must total exactly 100 (the message names the current total);
- an indicator that an RHK serves or that has realisations cannot be deleted;
- rows owned by another office are read-only here (DESIGN.md section 5); new rows belong to the
  home office, which is how the kecamatan's catalogue for a kelurahan travels down.

Decision (DOMAIN.md is silent): a cumulative split of a whole-number annual target that is at
least the number of periods gives whole shares (16 over 4 → 4 each; 10 over 3 → 3, 3, 4);
anything else splits to two decimals.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Periodicity, Polarity, Role, SplitRule
from kinerja_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from kinerja_desktop.domain.messages import text, validation_error
from kinerja_desktop.domain.periods import Period, PeriodKind, periods_of_year
from kinerja_desktop.domain.scoring import capaian, to_decimal
from kinerja_desktop.domain.targets import split_target
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import audit, now_utc, stamp_change, stamp_new
from kinerja_desktop.services.plans.dto import (
    Catalogue,
    CatalogueSaved,
    CopyResult,
    IndicatorDetail,
    IndicatorInput,
    PeriodTarget,
)
from kinerja_desktop.storage.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    Office,
    Rhk,
)

__all__ = [
    "EDITORS",
    "check_indicator",
    "copy_catalogue",
    "create_indicator",
    "delete_indicator",
    "get_catalogue",
    "period_targets",
    "save_catalogue",
    "update_indicator",
    "weight_total",
]

EDITORS = (Role.ADMIN, Role.OPERATOR)
HUNDRED = Decimal(100)
_FIELDS = (
    "name", "definition", "formula", "unit", "polarity", "data_source", "cap", "weight",
    "periodicity", "split_rule", "annual_target", "annual_target_hi",
)  # fmt: skip


# -- pure checks -------------------------------------------------------------------------------


def _dec(value: Any, what: str) -> Decimal | None:
    return None if value is None else to_decimal(value, what)


def _check_target(code: str, where: str, polarity: Polarity, lo: Decimal, hi: Decimal | None):
    """Refuse a target that cannot be measured for ``polarity`` (by asking the capaian rule)."""
    try:
        capaian(lo, lo, polarity, target_hi=hi)
    except ValidationError as exc:
        raise validation_error(
            "iku.target_bad",
            field="target",
            iku=code,
            where=where,
            reason=exc.message or text(exc.code, **exc.params),
        ) from exc


def _split(
    annual: Decimal, hi: Decimal | None, rule: SplitRule, count: int
) -> list[tuple[Decimal, Decimal | None]]:
    whole = annual == annual.to_integral_value() and annual >= count
    places = 0 if rule == SplitRule.CUMULATIVE and whole else 2
    lows = split_target(annual, rule, count, places=places)
    if hi is None:
        return [(lo, None) for lo in lows]
    his = split_target(hi, rule, count, places=2 if rule == SplitRule.CUMULATIVE else places)
    return list(zip(lows, his, strict=True))


def period_targets(values: IndicatorInput, year: int) -> tuple[PeriodTarget, ...]:
    """Every period target of ``values`` in ``year``: the typed ones, the rest split.

    Raises:
        ValidationError: ``period.invalid``, ``iku.period_outside_year``, ``iku.period_kind``,
            ``iku.period_duplicate``.
    """
    kind = PeriodKind.from_frequency(Periodicity(values.periodicity))
    periods = periods_of_year(year, kind)
    annual = to_decimal(values.annual_target, "target")
    hi = _dec(values.annual_target_hi, "target")
    split = dict(
        zip(
            (str(p) for p in periods),
            _split(annual, hi, values.split_rule, len(periods)),
            strict=True,
        )
    )
    typed: dict[str, PeriodTarget] = {}
    for target in values.targets:
        period = Period.parse(target.period)
        if period.year != year:
            raise validation_error(
                "iku.period_outside_year", field="periode", iku=values.code,
                period=target.period, year=year,
            )  # fmt: skip
        if period.kind != kind:
            raise validation_error(
                "iku.period_kind", field="periode", iku=values.code, period=target.period,
                periodicity=values.periodicity.value,
            )  # fmt: skip
        if str(period) in typed:
            raise validation_error(
                "iku.period_duplicate", field="periode", iku=values.code, period=str(period)
            )
        typed[str(period)] = PeriodTarget(
            str(period), to_decimal(target.target, "target"), _dec(target.target_hi, "target")
        )
    out = []
    for key, (lo, high) in split.items():
        out.append(typed.get(key) or PeriodTarget(key, lo, high))
    return tuple(out)


def check_indicator(values: IndicatorInput, year: int) -> IndicatorInput:
    """Normalise and check one indicator; return it with every period target filled.

    Raises:
        ValidationError: the first broken rule, naming the indicator.
    """
    code = (values.code or "").strip().upper()
    if not code:
        raise validation_error("iku.code_required", field="kode")
    name = (values.name or "").strip()
    if not name:
        raise validation_error("iku.name_required", field="nama", iku=code)
    polarity = Polarity(values.polarity)
    annual = to_decimal(values.annual_target, "target")
    hi = _dec(values.annual_target_hi, "target")
    if polarity != Polarity.RANGE:
        hi = None if hi is None or hi == annual else hi
    _check_target(code, "tahunan", polarity, annual, hi)
    cap = _dec(values.cap, "cap")
    if cap is not None and cap <= 0:
        raise validation_error("capaian.cap_invalid", field="cap", value=cap)
    weight = _dec(values.weight, "bobot")
    if weight is not None and weight < 0:
        raise validation_error("weight.negative", field="bobot", value=weight)
    clean = values.with_changes(
        code=code, name=name, polarity=polarity, annual_target=annual, annual_target_hi=hi,
        cap=cap, weight=weight, periodicity=Periodicity(values.periodicity),
        split_rule=SplitRule(values.split_rule), unit=(values.unit or "").strip(),
        definition=(values.definition or "").strip(), formula=(values.formula or "").strip(),
        data_source=(values.data_source or "").strip(), targets=(),
    )  # fmt: skip
    targets = period_targets(
        values.with_changes(code=code, annual_target=annual, annual_target_hi=hi), year
    )
    for target in targets:
        where = Period.parse(target.period).label()
        _check_target(
            code,
            where,
            polarity,
            target.target,
            None if target.target_hi == target.target and polarity != Polarity.RANGE
            else target.target_hi,
        )  # fmt: skip
    if polarity != Polarity.RANGE:
        targets = tuple(PeriodTarget(t.period, t.target, None) for t in targets)
    return clean.with_changes(targets=targets)


def weight_total(items: list[IndicatorInput]) -> Decimal | None:
    """The total of the weights, or None when no indicator has one."""
    weights = [i.weight for i in items if i.weight is not None]
    return sum(weights, Decimal(0)) if weights else None


def check_weights(items: list[IndicatorInput]) -> None:
    """Once weights are used, every indicator has one and they total exactly 100.

    Raises:
        ValidationError: ``iku.weight_missing`` naming the first indicator without one,
            ``iku.weight_total`` naming the current total.
    """
    total = weight_total(items)
    if total is None:
        return
    missing = [i.code for i in items if i.weight is None]
    if missing:
        raise validation_error(
            "iku.weight_missing", field="bobot", iku=missing[0], total=_num(total)
        )
    if total != HUNDRED:
        raise validation_error("iku.weight_total", field="bobot", total=_num(total))


def _num(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


# -- reads ---------------------------------------------------------------------------------------


def _office(session: Session, code: str) -> Office:
    office = session.execute(
        select(Office).where(Office.code == code.strip().upper(), Office.deleted_at.is_(None))
    ).scalar()
    if office is None:
        raise NotFoundError("office.not_found", field="office", value=code)
    return office


def _owned(home: str | None, origin: str) -> bool:
    return home is None or origin == home


def _in_use_ids(session: Session, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    used = set(
        session.execute(
            select(Rhk.indicator_id).where(Rhk.indicator_id.in_(ids), Rhk.deleted_at.is_(None))
        ).scalars()
    )
    used |= set(
        session.execute(
            select(IndicatorRealisation.indicator_id).where(
                IndicatorRealisation.indicator_id.in_(ids),
                IndicatorRealisation.deleted_at.is_(None),
            )
        ).scalars()
    )
    return used


def _targets_of(session: Session, ids: list[int]) -> dict[int, list[IndicatorTarget]]:
    out: dict[int, list[IndicatorTarget]] = {i: [] for i in ids}
    if ids:
        for t in session.execute(
            select(IndicatorTarget).where(IndicatorTarget.indicator_id.in_(ids))
        ).scalars():
            out[t.indicator_id].append(t)
    return out


def _detail(
    ind: Indicator, office: str, targets: list[IndicatorTarget], in_use: bool
) -> IndicatorDetail:
    live = sorted(
        (t for t in targets if t.deleted_at is None), key=lambda t: Period.parse(t.period)
    )
    return IndicatorDetail(
        uuid=ind.uuid, version=ind.version, office_code=office, year=ind.year, code=ind.code,
        name=ind.name, definition=ind.definition, formula=ind.formula, unit=ind.unit,
        polarity=ind.polarity, data_source=ind.data_source, cap=_norm(ind.cap),
        weight=_norm(ind.weight), periodicity=ind.periodicity, split_rule=ind.split_rule,
        annual_target=_norm(ind.annual_target), annual_target_hi=_norm(ind.annual_target_hi),
        sort_order=ind.sort_order,
        targets=tuple(PeriodTarget(t.period, _norm(t.target), _norm(t.target_hi)) for t in live),
        origin_office=ind.origin_office, in_use=in_use,
    )  # fmt: skip


def _norm(value: Decimal | None) -> Any:
    """Stored decimals come back as ``Decimal('83.000000')``; show and compare ``83``."""
    if value is None:
        return None
    value = Decimal(value)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _catalogue(session: Session, office: Office, year: int) -> Catalogue:
    rows = list(
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
    ids = [r.id for r in rows]
    targets = _targets_of(session, ids)
    used = _in_use_ids(session, ids)
    details = tuple(_detail(r, office.code, targets[r.id], r.id in used) for r in rows)
    home = home_office_code(session)
    editable = all(_owned(home, d.origin_office) for d in details)
    total = weight_total([d.as_input() for d in details])
    return Catalogue(office.code, office.name, year, details, editable, total)


def get_catalogue(db: Database, office_code: str, year: int) -> Catalogue:
    """The IKU of one office and year, in catalogue order, with their period targets.

    Raises:
        NotFoundError: ``office.not_found``.
    """
    with db.uow() as uow:
        return _catalogue(uow.session, _office(uow.session, office_code), year)


def catalogue_years(db: Database) -> list[int]:
    """The years that have a catalogue in some office, newest first."""
    with db.uow() as uow:
        years = uow.session.execute(
            select(Indicator.year).where(Indicator.deleted_at.is_(None)).distinct()
        ).scalars()
        return sorted(set(years), reverse=True)


# -- writes --------------------------------------------------------------------------------------


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


def _values(ind: Indicator | IndicatorInput) -> dict[str, Any]:
    return {k: getattr(ind, k) for k in _FIELDS}


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
    by_code = {r.code: r for r in stored}
    by_uuid = {r.uuid: r for r in stored}
    live = {r.code: r for r in stored if r.deleted_at is None}
    checked: list[IndicatorInput] = []
    seen: set[str] = set()
    for values in inputs:
        clean = check_indicator(values, year)
        if clean.code in seen:
            raise validation_error("iku.code_duplicate", field="kode", iku=clean.code)
        seen.add(clean.code)
        checked.append(clean)
    # What the catalogue will hold: the inputs, plus the live ones kept.
    matched: dict[int, Indicator] = {}
    for clean in checked:
        row = by_uuid.get(clean.uuid or "") or by_code.get(clean.code)
        if row is not None and row.uuid == clean.uuid and row.code != clean.code:
            other = by_code.get(clean.code)
            if other is not None and other is not row and other.deleted_at is None:
                raise validation_error("iku.code_taken", field="kode", iku=clean.code)
        if row is not None:
            matched[id(clean)] = row
    kept_rows = (
        [r for r in live.values() if r not in matched.values()] if not delete_missing else []
    )
    final = checked + [_as_input(session, r, year) for r in kept_rows]
    check_weights(final)
    removed = [r for r in live.values() if r not in matched.values()] if delete_missing else []
    used = _in_use_ids(session, [r.id for r in removed])
    for row in removed:
        if row.id in used:
            raise ConflictError("iku.in_use", field="kode", iku=row.code)
        if not _owned(home, row.origin_office):
            raise ConflictError("record.not_owned", name=row.code, office=row.origin_office)
    change = CatalogueChange([], [], [], [], [], {}, {})
    targets_by_id = _targets_of(session, [r.id for r in stored])
    stamp = now_utc()
    next_order = max((r.sort_order for r in live.values()), default=0)
    for order, clean in enumerate(checked, start=1):
        row = matched.get(id(clean))
        if row is None:
            row = Indicator(office_id=office.id, year=year, code=clean.code)
            stamp_new(row, actor, office=home or office.code, at=stamp)
            _set(row, clean)
            row.sort_order = next_order + order if not delete_missing else order
            session.add(row)
            session.flush()
            _write_targets(session, actor, row, [], clean.targets, home or office.code, stamp)
            change.created.append(clean.code)
            change.uuids.append(row.uuid)
            change.after[clean.code] = _json(_values(clean), clean.targets)
            continue
        was_live = row.deleted_at is None
        old_targets = targets_by_id.get(row.id, [])
        old_live = tuple(
            PeriodTarget(t.period, _norm(t.target), _norm(t.target_hi))
            for t in old_targets if t.deleted_at is None
        )  # fmt: skip
        order_value = (
            order if delete_missing else row.sort_order if was_live else next_order + order
        )
        same = (
            was_live
            and row.code == clean.code
            and all(_same(getattr(row, k), getattr(clean, k)) for k in _FIELDS)
            and _target_key(old_live) == _target_key(clean.targets)
            and row.sort_order == order_value
        )
        if same:
            change.unchanged.append(clean.code)
            continue
        if not _owned(home, row.origin_office):
            raise ConflictError("record.not_owned", name=row.code, office=row.origin_office)
        change.before[row.code] = _json(_values(row), old_live) if was_live else None
        row.code = clean.code
        _set(row, clean)
        row.sort_order = order_value
        row.deleted_at = None
        stamp_change(row, actor, at=stamp)
        _write_targets(session, actor, row, old_targets, clean.targets, home or office.code, stamp)
        (change.updated if was_live else change.created).append(clean.code)
        change.uuids.append(row.uuid)
        change.after[clean.code] = _json(_values(clean), clean.targets)
    for row in removed:
        change.before[row.code] = _json(_values(row), ())
        row.deleted_at = stamp
        stamp_change(row, actor, at=stamp)
        for t in targets_by_id.get(row.id, []):
            if t.deleted_at is None:
                t.deleted_at = stamp
                stamp_change(t, actor, at=stamp)
        change.deleted.append(row.code)
        change.uuids.append(row.uuid)
    session.flush()
    return change


def _as_input(session: Session, row: Indicator, year: int) -> IndicatorInput:
    targets = _targets_of(session, [row.id])[row.id]
    return _detail(row, "", targets, False).as_input()


def _target_key(targets: tuple[PeriodTarget, ...]) -> list[tuple[str, Decimal, Decimal | None]]:
    return sorted(
        (t.period, Decimal(t.target), None if t.target_hi is None else Decimal(t.target_hi))
        for t in targets
    )


def _set(row: Indicator, clean: IndicatorInput) -> None:
    for key in _FIELDS:
        setattr(row, key, getattr(clean, key))


def _write_targets(
    session: Session,
    actor: Actor,
    row: Indicator,
    old: list[IndicatorTarget],
    new: tuple[PeriodTarget, ...],
    origin: str,
    stamp: Any,
) -> None:
    by_period = {t.period: t for t in old}
    wanted = {t.period: t for t in new}
    for period, target in wanted.items():
        stored = by_period.get(period)
        if stored is None:
            fresh = IndicatorTarget(
                indicator_id=row.id, period=period, target=target.target,
                target_hi=target.target_hi,
            )  # fmt: skip
            stamp_new(fresh, actor, office=origin, at=stamp)
            session.add(fresh)
            continue
        if (
            stored.deleted_at is None
            and _same(stored.target, target.target)
            and _same(stored.target_hi, target.target_hi)
        ):
            continue
        stored.target, stored.target_hi, stored.deleted_at = target.target, target.target_hi, None
        stamp_change(stored, actor, at=stamp)
    for period, stored in by_period.items():
        if period not in wanted and stored.deleted_at is None:
            stored.deleted_at = stamp
            stamp_change(stored, actor, at=stamp)


def _finish(
    session: Session, actor: Actor, office: Office, year: int, change: CatalogueChange, action: str
) -> CatalogueSaved:
    if change.uuids:
        audit(
            session, actor, action=action, entity="indicator_catalogue",
            record_uuid=change.uuids[0] if len(change.uuids) == 1 else None,
            before=change.before or None,
            after={"office": office.code, "year": year, **change.after,
                   "deleted": change.deleted, "records": change.uuids},
            summary=f"IKU {office.code} {year}: {len(change.created)} baru, "
            f"{len(change.updated)} diubah, {len(change.deleted)} dihapus",
        )  # fmt: skip
    session.flush()
    return CatalogueSaved(
        _catalogue(session, office, year), tuple(change.created), tuple(change.updated),
        tuple(change.deleted), tuple(change.unchanged),
    )  # fmt: skip


def save_catalogue(
    db: Database, actor: Actor, office_code: str, year: int, inputs: list[IndicatorInput]
) -> CatalogueSaved:
    """Replace the catalogue of an office and year with ``inputs`` (the editor's save).

    Indicators left out are deleted (refused when in use); order follows ``inputs``.

    Raises:
        PermissionDeniedError, NotFoundError, ValidationError, ConflictError.
    """
    require(actor, *EDITORS)
    with db.uow() as uow:
        office = _office(uow.session, office_code)
        change = apply_catalogue(uow.session, actor, office, year, inputs, delete_missing=True)
        saved = _finish(uow.session, actor, office, year, change, "update")
        uow.commit()
    return saved


def create_indicator(
    db: Database, actor: Actor, office_code: str, year: int, values: IndicatorInput
) -> CatalogueSaved:
    """Add one indicator to a catalogue (refused when the code exists or weights break)."""
    require(actor, *EDITORS)
    with db.uow() as uow:
        office = _office(uow.session, office_code)
        code = (values.code or "").strip().upper()
        exists = uow.session.execute(
            select(func.count()).select_from(Indicator).where(
                Indicator.office_id == office.id, Indicator.year == year,
                Indicator.code == code, Indicator.deleted_at.is_(None),
            )
        ).scalar_one()  # fmt: skip
        if exists:
            raise validation_error("iku.code_taken", field="kode", iku=code)
        values = values.with_changes(uuid=None)
        change = apply_catalogue(uow.session, actor, office, year, [values], delete_missing=False)
        saved = _finish(uow.session, actor, office, year, change, "create")
        uow.commit()
    return saved


def _locate(session: Session, uuid: str) -> tuple[Indicator, Office]:
    row = session.execute(select(Indicator).where(Indicator.uuid == uuid)).scalar()
    if row is None or row.deleted_at is not None:
        raise NotFoundError("iku.not_found", value=uuid)
    return row, session.get_one(Office, row.office_id)


def update_indicator(
    db: Database,
    actor: Actor,
    uuid: str,
    values: IndicatorInput,
    *,
    expected_version: int | None = None,
) -> CatalogueSaved:
    """Change one indicator (its targets included); the rest of the catalogue stays."""
    require(actor, *EDITORS)
    with db.uow() as uow:
        row, office = _locate(uow.session, uuid)
        if expected_version is not None and row.version != expected_version:
            raise ConflictError(
                "record.changed", name=row.code, expected=expected_version, actual=row.version
            )
        change = apply_catalogue(
            uow.session, actor, office, row.year, [values.with_changes(uuid=uuid)],
            delete_missing=False,
        )  # fmt: skip
        saved = _finish(uow.session, actor, office, row.year, change, "update")
        uow.commit()
    return saved


def delete_indicator(db: Database, actor: Actor, uuid: str) -> CatalogueSaved:
    """Delete one indicator (a tombstone). Refused when in use or when weights would break."""
    require(actor, *EDITORS)
    with db.uow() as uow:
        row, office = _locate(uow.session, uuid)
        current = _catalogue(uow.session, office, row.year)
        rest = [d.as_input() for d in current.indicators if d.uuid != uuid]
        change = apply_catalogue(uow.session, actor, office, row.year, rest, delete_missing=True)
        saved = _finish(uow.session, actor, office, row.year, change, "delete")
        uow.commit()
    return saved


def copy_catalogue(
    db: Database, actor: Actor, office_code: str, from_year: int, to_year: int | None = None
) -> CopyResult:
    """Copy a year's catalogue to another year (default the next one).

    Codes already in the target year are skipped and named; period targets keep their
    pattern (``2026-Q2`` → ``2027-Q2``).

    Raises:
        ValidationError: ``iku.copy_empty`` when the source year has no indicator;
            ``iku.copy_same_year``.
    """
    require(actor, *EDITORS)
    to_year = from_year + 1 if to_year is None else to_year
    if to_year == from_year:
        raise validation_error("iku.copy_same_year", field="tahun", year=to_year)
    with db.uow() as uow:
        session = uow.session
        office = _office(session, office_code)
        source = _catalogue(session, office, from_year)
        if not source.indicators:
            raise validation_error(
                "iku.copy_empty", field="tahun", office=office.code, year=from_year
            )
        existing = {d.code for d in _catalogue(session, office, to_year).indicators}
        inputs, skipped = [], []
        for d in source.indicators:
            if d.code in existing:
                skipped.append(d.code)
                continue
            shifted = tuple(
                PeriodTarget(str(to_year) + t.period[4:], t.target, t.target_hi) for t in d.targets
            )
            inputs.append(d.as_input().with_changes(uuid=None, targets=shifted))
        change = apply_catalogue(session, actor, office, to_year, inputs, delete_missing=False)
        _finish(session, actor, office, to_year, change, "copy")
        uow.commit()
    return CopyResult(len(change.created), tuple(skipped))
