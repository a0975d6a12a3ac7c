"""Reading office IKU with their latest realisation and capaian."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.scoring import capaian
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import IndicatorRow
from kinerja_desktop.storage.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    Office,
)


def safe_capaian(
    realisation: Decimal | None,
    target: Decimal | None,
    indicator_polarity: object,
    *,
    target_hi: Decimal | None = None,
    cap: Decimal | None = None,
) -> Decimal | None:
    """Capaian, or None when it cannot be measured (no value, or a refused target)."""
    if realisation is None or target is None:
        return None
    try:
        return capaian(realisation, target, indicator_polarity, target_hi=target_hi, cap=cap)  # type: ignore[arg-type]
    except ValidationError:
        return None


def list_indicators(
    db: Database, *, year: int | None = None, office_code: str | None = None
) -> list[IndicatorRow]:
    """IKU of every office (or one office) and year, ordered by office, year and code."""
    with db.uow() as uow:
        session = uow.session
        stmt = (
            select(Indicator, Office.code, Office.name)
            .join(Office, Indicator.office_id == Office.id)
            .where(Indicator.deleted_at.is_(None))
        )
        if year is not None:
            stmt = stmt.where(Indicator.year == year)
        if office_code is not None:
            stmt = stmt.where(Office.code == office_code)
        found = session.execute(stmt).all()
        # The chosen IKU as a subquery: every office's IKU of every year is an unbounded list.
        ids = stmt.with_only_columns(Indicator.id)
        targets = {
            (t.indicator_id, t.period): (t.target, t.target_hi)
            for t in session.execute(
                select(
                    IndicatorTarget.indicator_id,
                    IndicatorTarget.period,
                    IndicatorTarget.target,
                    IndicatorTarget.target_hi,
                ).where(IndicatorTarget.indicator_id.in_(ids), IndicatorTarget.deleted_at.is_(None))
            )
        }
        latest: dict[int, tuple[Period, Decimal]] = {}
        for r in session.execute(
            select(
                IndicatorRealisation.indicator_id,
                IndicatorRealisation.period,
                IndicatorRealisation.value,
            ).where(
                IndicatorRealisation.indicator_id.in_(ids),
                IndicatorRealisation.deleted_at.is_(None),
            )
        ):
            period = Period.parse(r.period)
            held = latest.get(r.indicator_id)
            if held is None or period > held[0]:
                latest[r.indicator_id] = (period, r.value)
        rows = []
        for ind, code, name in found:
            last = latest.get(ind.id)
            last_capaian = None
            if last is not None:
                target, target_hi = targets.get(
                    (ind.id, str(last[0])), (ind.annual_target, ind.annual_target_hi)
                )
                last_capaian = safe_capaian(
                    last[1], target, ind.polarity, target_hi=target_hi, cap=ind.cap
                )
            rows.append(
                IndicatorRow(
                    uuid=ind.uuid,
                    office_code=code,
                    office_name=name,
                    year=ind.year,
                    code=ind.code,
                    name=ind.name,
                    unit=ind.unit,
                    polarity=ind.polarity,
                    periodicity=ind.periodicity,
                    split_rule=ind.split_rule,
                    annual_target=ind.annual_target,
                    annual_target_hi=ind.annual_target_hi,
                    weight=ind.weight,
                    cap=ind.cap,
                    last_period=str(last[0]) if last else None,
                    last_realisation=last[1] if last else None,
                    last_capaian=last_capaian,
                )
            )
    rows.sort(key=lambda r: (r.office_code, r.year, r.code))
    return rows
