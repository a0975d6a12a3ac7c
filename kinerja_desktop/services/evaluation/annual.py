"""The annual evaluation (evaluasi tahunan), built from the periodic ones (DOMAIN.md A 9).

An annual evaluation is an :class:`Evaluation` whose period is the year (``2026``). It starts
with each indicator's realisation rolled up from the latest revisions of the year's periodic
evaluations by the indicator's split rule (cumulative: the sum; same: the mean, or a value
measured over the year that the clerk types instead; last: the last period's), and is then
submitted, rated, approved or returned exactly like a periodic one
(:mod:`kinerja_desktop.services.evaluation.assessments`). It can be approved only when every
periodic
evaluation of the year is approved. For jabatan fungsional the detail carries the angka kredit
of DOMAIN.md B 1.7 over the months of the approved periods (12 for a full year).
"""

from __future__ import annotations

from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation.dto import EvaluationDetail, RealisationInput
from kinerja_desktop.services.evaluation.realisations import (
    get_evaluation,
    save_realisations,
    start_evaluation,
)

__all__ = ["refresh_from_periods", "start_annual"]


def start_annual(db: Database, actor: Actor, employee_uuid: str, year: int) -> EvaluationDetail:
    """Start the annual evaluation of ``year`` with the rolled-up realisations.

    Raises:
        the errors of :func:`kinerja_desktop.services.evaluation.realisations.start_evaluation`.
    """
    uuid = start_evaluation(db, actor, employee_uuid, str(year))
    return get_evaluation(db, uuid)


def refresh_from_periods(db: Database, actor: Actor, uuid: str) -> EvaluationDetail:
    """Set every realisation of an editable annual evaluation to the roll-up of the periods
    (after a periodic evaluation was reopened and corrected, say); notes stay."""
    detail = get_evaluation(db, uuid)
    if not detail.annual:
        return detail
    entries = [
        RealisationInput(line.skp_indicator_uuid, line.rollup, line.note)
        for line in detail.lines
        if line.rollup is not None
    ]
    return save_realisations(db, actor, uuid, entries, expected_version=detail.version)
