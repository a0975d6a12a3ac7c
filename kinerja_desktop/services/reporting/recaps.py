"""Recaps across offices: completion of evaluations and IKU achievement per period."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

from sqlalchemy import select

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import OfficeRecapRow
from kinerja_desktop.services.common.offices import list_offices
from kinerja_desktop.services.evaluation.evaluations import staff_counts, status_counts
from kinerja_desktop.services.plans.indicators import safe_capaian
from kinerja_desktop.storage.models import (
    Indicator,
    IndicatorRealisation,
    IndicatorTarget,
    Office,
    OrgAssessment,
)


def _office_capaian(db: Database, period: Period) -> dict[str, list[Decimal]]:
    """Capaian of every IKU with a realisation in ``period``, grouped by office code."""
    by_office: dict[str, list[Decimal]] = defaultdict(list)
    with db.uow() as uow:
        stmt = (
            select(
                Office.code,
                Indicator.polarity,
                Indicator.cap,
                IndicatorTarget.target,
                IndicatorTarget.target_hi,
                IndicatorRealisation.value,
            )
            .join(Office, Indicator.office_id == Office.id)
            .join(
                IndicatorRealisation,
                (IndicatorRealisation.indicator_id == Indicator.id)
                & (IndicatorRealisation.period == str(period))
                & IndicatorRealisation.deleted_at.is_(None),
            )
            .join(
                IndicatorTarget,
                (IndicatorTarget.indicator_id == Indicator.id)
                & (IndicatorTarget.period == str(period))
                & IndicatorTarget.deleted_at.is_(None),
            )
            .where(Indicator.deleted_at.is_(None), Indicator.year == period.year)
        )
        for code, polarity, cap, target, target_hi, value in uow.session.execute(stmt):
            value_capaian = safe_capaian(value, target, polarity, target_hi=target_hi, cap=cap)
            if value_capaian is not None:
                by_office[code].append(value_capaian)
    return by_office


def office_recap(db: Database, *, period: str) -> list[OfficeRecapRow]:
    """One row per office: staff, IKU, mean capaian and evaluation completion for ``period``."""
    parsed = Period.parse(period)
    offices = list_offices(db)
    staff = staff_counts(db)  # counts, not the register's rows (issue 16)
    # The statuses alone: the Evaluasi list's rows without their names and capaian.
    evaluated = status_counts(db, str(parsed))
    capaian_by_office = _office_capaian(db, parsed)
    with db.uow() as uow:
        indicator_counts = Counter(
            uow.session.execute(
                select(Office.code)
                .join(Indicator, Indicator.office_id == Office.id)
                .where(Indicator.year == parsed.year, Indicator.deleted_at.is_(None))
            ).scalars()
        )
        org = {
            code: predikat
            for code, predikat in uow.session.execute(
                select(Office.code, OrgAssessment.predikat)
                .join(OrgAssessment, OrgAssessment.office_id == Office.id)
                .where(OrgAssessment.period == str(parsed), OrgAssessment.deleted_at.is_(None))
            )
        }
    rows = []
    for office in offices:
        counts = evaluated[office.code]
        values = capaian_by_office.get(office.code, [])
        mean = sum(values, Decimal(0)) / len(values) if values else None
        started = sum(counts.values())
        rows.append(
            OfficeRecapRow(
                office_code=office.code,
                office_name=office.name,
                kind=office.kind,
                period=str(parsed),
                employees=staff[office.code],
                indicators=indicator_counts[office.code],
                mean_capaian=mean,
                not_started=max(0, staff[office.code] - started),
                draft=counts[EvaluationStatus.DRAFT],
                submitted=counts[EvaluationStatus.SUBMITTED],
                returned=counts[EvaluationStatus.RETURNED],
                approved=counts[EvaluationStatus.APPROVED],
                org_predikat=org.get(office.code),
            )
        )
    return rows
