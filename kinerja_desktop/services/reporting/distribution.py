"""POLA DISTRIBUSI of an office's predikat and the organisation's predikat (lampiran)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import (
    EvaluationStatus,
    OrgPredikat,
    Predikat,
)
from kinerja_desktop.domain.messages import label, text
from kinerja_desktop.domain.predikat import (
    DISTRIBUTION_AXIS,
    expected_distribution,
)
from kinerja_desktop.domain.scoring import format_number
from kinerja_desktop.reports.model import (
    PatternRow,
)
from kinerja_desktop.services.evaluation.core import effective, newest_assessments
from kinerja_desktop.storage.models import (
    Assignment,
    Evaluation,
    Office,
    OrgAssessment,
)


def _share_text(count: int, total: int) -> str:
    if not total:
        return "0%"
    share = Decimal(count * 100) / total
    places = 0 if share == share.to_integral_value() else 1
    return f"{format_number(share, places)}%"


def pattern_rows(
    counts: dict[Predikat, int], org: OrgPredikat | None
) -> tuple[tuple[PatternRow, ...], str]:
    """POLA DISTRIBUSI rows on the lampiran's axis (Sangat Kurang → Sangat Baik): the
    office's share of each predikat beside the band of :func:`expected_distribution`, and the
    caption naming the source of the bands (plus what no single band can say)."""
    total = sum(counts.values())
    expected = expected_distribution(org) if org is not None else None
    rows = []
    for grade in DISTRIBUTION_AXIS:
        count = counts.get(grade, 0)
        low = high = 0
        band = ""
        if expected is not None:
            share = expected.share_of(grade)
            low, high = share.minimum, share.maximum
            band = f"{low}%" if low == high else f"{low}–{high}%"
            if share.largest:
                band = f"{band}, {text('report.pattern_largest')}"
        rows.append(
            PatternRow(
                label=label(grade),
                count=count,
                share=float(Decimal(count * 100) / total) if total else 0.0,
                share_text=_share_text(count, total),
                low=low,
                high=high,
                band_text=band,
            )
        )
    if expected is None:
        return tuple(rows), text("report.pattern_no_org")
    notes = [text("report.pattern_source")]
    if expected.required:
        names = " dan/atau ".join(label(p) for p in expected.required)
        notes.append(text("report.pattern_required", predikat=names))
    for group, limit in expected.together:
        names = " dan/atau ".join(label(p) for p in group)
        notes.append(text("report.pattern_together", predikat=names, limit=limit))
    return tuple(rows), " ".join(notes)


def approved_predikat(session: Session, period: str, office_code: str) -> list[Predikat]:
    """Predikat of the latest approved evaluations of an office's employees in ``period``."""
    stmt = (
        select(Evaluation)
        .join(Assignment, Assignment.employee_id == Evaluation.employee_id)
        .join(Office, Office.id == Assignment.office_id)
        .where(
            Evaluation.period == period,
            Evaluation.deleted_at.is_(None),
            Office.code == office_code,
            Assignment.end_date.is_(None),
            Assignment.deleted_at.is_(None),
        )
    )
    rows = session.execute(stmt).scalars().all()
    # Every assessment in one query: each sheet of a batch counts the whole office's predikat,
    # so a query per employee made a batch cost the square of the office's size.
    assessments = newest_assessments(session, stmt.with_only_columns(Evaluation.id))
    latest: dict[int, Evaluation] = {}
    for ev in rows:
        if ev.employee_id not in latest or ev.revision > latest[ev.employee_id].revision:
            latest[ev.employee_id] = ev
    grades = []
    for ev in latest.values():
        state = effective(ev, assessments.get(ev.id))
        if state.status == EvaluationStatus.APPROVED and state.predikat is not None:
            grades.append(state.predikat)
    return grades


def org_value(session: Session, office: Office | None, period: str) -> OrgPredikat | None:
    if office is None:
        return None
    found = session.execute(
        select(OrgAssessment.predikat).where(
            OrgAssessment.office_id == office.id,
            OrgAssessment.period == period,
            OrgAssessment.deleted_at.is_(None),
        )
    ).scalar()
    return OrgPredikat(found) if found else None


def org_predikat_label(session: Session, office: Office | None, period: str) -> str:
    found = org_value(session, office, period)
    return label(found) if found else ""
