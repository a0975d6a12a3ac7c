"""The distribution check of SE MenPANRB 3/2023 for one office and period (DOMAIN.md A 7, B 1.5).

The employees' predikat of an office should follow a pattern set by the office's organisation
predikat (Istimewa: mostly Sangat Baik; Baik: mostly Baik with some Butuh Perbaikan or Kurang;
...). Breaking it is a *warning* on the office's recap, never a block; the rules themselves are
:func:`kinerja_desktop.domain.predikat.check_distribution`.

Entry point for the Evaluasi view: :func:`office_distribution` ``(db, office_code, period, *,
approved_only=False) -> DistributionReport``; show ``report.warnings`` (each has an Indonesian
``message``) and ``report.summary()``.

Decisions where DOMAIN.md is silent:

- Counted: the latest revision of each employee's evaluation of that period that has a
  predikat, for employees whose assignment at the office overlaps the period. With
  ``approved_only`` only approved evaluations count (for the final recap); by default a
  predikat still under review counts too, so the supervisor sees the warning before approving.
- The office head is left out: the head's predikat follows the organisation predikat itself
  (DOMAIN.md A 3) and is set by the leader above, not within the office's distribution.
- No organisation predikat for the period: no warnings, and ``org_predikat`` is None so the
  view can say "predikat organisasi belum ditetapkan".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from sqlalchemy import select

from kinerja_desktop.domain.enums import EvaluationStatus, OrgPredikat, Predikat
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.predikat import DistributionWarning, check_distribution
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.office_eval.realisations import office_row
from kinerja_desktop.storage.models import Assignment, Evaluation, OrgAssessment

__all__ = ["DistributionReport", "distribution_warnings", "office_distribution"]


@dataclass(frozen=True)
class DistributionReport:
    """An office's employee predikat of one period against its organisation predikat.

    Attributes:
        counts: employees per predikat (every predikat present, 0 where none).
        total: employees counted.
        warnings: the broken rules, in rule order (empty when the pattern holds, when nobody
            has a predikat yet, or when the organisation predikat is not set).
    """

    office_code: str
    office_name: str
    period: str
    org_predikat: OrgPredikat | None
    counts: Mapping[Predikat, int]
    total: int
    warnings: tuple[DistributionWarning, ...]

    def share(self, predikat: Predikat) -> float:
        """Share of ``predikat`` in percent (0 when nobody is counted)."""
        return 100 * self.counts[predikat] / self.total if self.total else 0.0

    def summary(self, lang: str = "id") -> str:
        """One line: "Sangat Baik 2, Baik 5, ..." over the counted employees."""
        return ", ".join(f"{label(p, lang)} {self.counts[p]}" for p in Predikat)


def distribution_warnings(
    org: OrgPredikat | None, counts: Mapping[Predikat, int]
) -> tuple[DistributionWarning, ...]:
    """The warnings for given counts (none without an organisation predikat)."""
    return () if org is None else check_distribution(org, counts)


def office_distribution(
    db: Database, office_code: str, period: str, *, approved_only: bool = False
) -> DistributionReport:
    """Count an office's employee predikat of ``period`` and check them (see module docstring).

    Raises:
        NotFoundError: ``office.not_found``. ValidationError: ``period.invalid``.
    """
    parsed = Period.parse(period)
    with db.uow() as uow:
        session = uow.session
        office = office_row(session, office_code)
        org = session.execute(
            select(OrgAssessment.predikat).where(
                OrgAssessment.office_id == office.id,
                OrgAssessment.period == str(parsed),
                OrgAssessment.deleted_at.is_(None),
            )
        ).scalar()
        members: dict[int, bool] = {}  # employee id -> is head at the office in the period
        at_office = select(Assignment.employee_id).where(
            Assignment.office_id == office.id,
            Assignment.deleted_at.is_(None),
            Assignment.start_date <= parsed.end,
            (Assignment.end_date.is_(None)) | (Assignment.end_date >= parsed.start),
        )
        for a in session.execute(
            at_office.add_columns(Assignment.is_head, Assignment.start_date).order_by(
                Assignment.start_date
            )
        ):
            members[a.employee_id] = bool(a.is_head)  # the latest assignment decides
        latest: dict[int, tuple[int, Predikat | None, EvaluationStatus]] = {}
        for ev in session.execute(
            select(
                Evaluation.employee_id, Evaluation.revision, Evaluation.predikat, Evaluation.status
            ).where(
                Evaluation.period == str(parsed),
                Evaluation.deleted_at.is_(None),
                # The members as a subquery: an office may hold more than SQLite binds.
                Evaluation.employee_id.in_(at_office),
            )
        ):
            held = latest.get(ev.employee_id)
            if held is None or ev.revision > held[0]:
                latest[ev.employee_id] = (ev.revision, ev.predikat, ev.status)
        code, name = office.code, office.name
    counts = dict.fromkeys(Predikat, 0)
    for employee_id, (_, predikat, status) in latest.items():
        if members.get(employee_id) or predikat is None:
            continue
        if approved_only and status != EvaluationStatus.APPROVED:
            continue
        counts[Predikat(predikat)] += 1
    return DistributionReport(
        office_code=code,
        office_name=name,
        period=str(parsed),
        org_predikat=OrgPredikat(org) if org else None,
        counts=MappingProxyType(counts),
        total=sum(counts.values()),
        warnings=distribution_warnings(OrgPredikat(org) if org else None, counts),
    )
