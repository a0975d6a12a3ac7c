"""Reads of an IKU catalogue: the office by code, the stored indicators with their period targets,
which of them are in use, and the catalogue as the editor shows it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.plans.dto import Catalogue, IndicatorDetail, PeriodTarget
from kinerja_desktop.services.plans.iku_checks import weight_total
from kinerja_desktop.storage.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    Office,
    Rhk,
)


def office_by_code(session: Session, code: str) -> Office:
    """The live office with ``code``.

    Raises:
        NotFoundError: ``office.not_found``.
    """
    office = session.execute(
        select(Office).where(Office.code == code.strip().upper(), Office.deleted_at.is_(None))
    ).scalar()
    if office is None:
        raise NotFoundError("office.not_found", field="office", value=code)
    return office


def owned_here(home: str | None, origin: str) -> bool:
    """Whether a row from ``origin`` may be changed here (every row when no home office is set)."""
    return home is None or origin == home


def in_use_ids(session: Session, ids: list[int]) -> set[int]:
    """The indicators among ``ids`` that an RHK serves or that have realisations."""
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


def targets_of(session: Session, ids: list[int]) -> dict[int, list[IndicatorTarget]]:
    """Every stored period target (tombstones included) per indicator id."""
    out: dict[int, list[IndicatorTarget]] = {i: [] for i in ids}
    if ids:
        for t in session.execute(
            select(IndicatorTarget).where(IndicatorTarget.indicator_id.in_(ids))
        ).scalars():
            out[t.indicator_id].append(t)
    return out


def indicator_detail(
    ind: Indicator, office: str, targets: list[IndicatorTarget], in_use: bool
) -> IndicatorDetail:
    """One stored indicator as the editor shows it, with its live period targets."""
    live = sorted(
        (t for t in targets if t.deleted_at is None), key=lambda t: Period.parse(t.period)
    )
    return IndicatorDetail(
        uuid=ind.uuid, version=ind.version, office_code=office, year=ind.year, code=ind.code,
        name=ind.name, definition=ind.definition, formula=ind.formula, unit=ind.unit,
        polarity=ind.polarity, data_source=ind.data_source, cap=norm(ind.cap),
        weight=norm(ind.weight), periodicity=ind.periodicity, split_rule=ind.split_rule,
        annual_target=norm(ind.annual_target), annual_target_hi=norm(ind.annual_target_hi),
        sort_order=ind.sort_order,
        targets=tuple(PeriodTarget(t.period, norm(t.target), norm(t.target_hi)) for t in live),
        origin_office=ind.origin_office, in_use=in_use,
    )  # fmt: skip


def norm(value: Decimal | None) -> Any:
    """Stored decimals come back as ``Decimal('83.000000')``; show and compare ``83``."""
    if value is None:
        return None
    value = Decimal(value)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def read_catalogue(session: Session, office: Office, year: int) -> Catalogue:
    """The live IKU of ``office`` and ``year`` in catalogue order, with targets and in-use flags."""
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
    targets = targets_of(session, ids)
    used = in_use_ids(session, ids)
    details = tuple(indicator_detail(r, office.code, targets[r.id], r.id in used) for r in rows)
    home = home_office_code(session)
    editable = all(owned_here(home, d.origin_office) for d in details)
    total = weight_total([d.as_input() for d in details])
    return Catalogue(office.code, office.name, year, details, editable, total)
