"""The suggested rating hasil kerja of an evaluation (DOMAIN.md A 3): from the office's
organisation predikat for a head, else from the capaian of the RHK Utama indicators."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import OrgPredikat, Rating, RhkKind
from kinerja_desktop.domain.scoring import mean_capaian, suggest_rating, suggest_rating_for_head
from kinerja_desktop.services.admin.settings import AppSettings
from kinerja_desktop.storage.models import Assignment, Evaluation, OrgAssessment

__all__ = ["org_predikat", "suggestion"]


def org_predikat(session: Session, office_id: int, period: str) -> OrgPredikat | None:
    """The organisation predikat recorded for the office and period, if any."""
    return session.execute(
        select(OrgAssessment.predikat).where(
            OrgAssessment.office_id == office_id,
            OrgAssessment.period == period,
            OrgAssessment.deleted_at.is_(None),
        )
    ).scalar()


def suggestion(
    session: Session,
    ev: Evaluation,
    assignment: Assignment | None,
    scored: Sequence[tuple[RhkKind, Decimal | None, Decimal | None]],
    settings: AppSettings,
) -> tuple[Rating | None, str, Decimal | None, OrgPredikat | None]:
    """The suggested rating hasil kerja (DOMAIN.md A 3): from the office's org predikat for a
    head when one is recorded for the period, else from the mean uncapped capaian of the RHK
    Utama indicators. Returns (rating, basis, mean, org predikat)."""
    items = [(c, w) for kind, c, w in scored if kind == RhkKind.UTAMA and c is not None]
    mean = mean_capaian(items)
    org = None
    if assignment is not None:
        org = org_predikat(session, assignment.office_id, ev.period)
    if assignment is not None and assignment.is_head and org is not None:
        return suggest_rating_for_head(org), "org", mean, org
    return suggest_rating(items, settings.thresholds), "capaian", mean, org
