"""The distribution check for an office and period: counts, head left out, warnings."""

from __future__ import annotations

from sqlalchemy import select

from kinerja_desktop.domain.enums import EvaluationStatus, OrgPredikat, Predikat, Role
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.office_eval.distribution import (
    distribution_warnings,
    office_distribution,
)
from kinerja_desktop.services.office_eval.org_predikat import set_org_predikat
from kinerja_desktop.storage.models import Assignment, Evaluation, Office

ADMIN = Actor("admin", frozenset({Role.ADMIN}))


def _expected(db: Database, office: str, period: str, *, approved: bool = False):
    """Count independently: latest revision per non-head employee of the office."""
    with db.uow() as uow:
        rows = uow.session.execute(
            select(
                Evaluation.employee_id,
                Evaluation.revision,
                Evaluation.predikat,
                Evaluation.status,
                Assignment.is_head,
            )
            .join(Assignment, Assignment.employee_id == Evaluation.employee_id)
            .join(Office, Office.id == Assignment.office_id)
            .where(Office.code == office, Evaluation.period == period)
        ).all()
    latest = {}
    for r in rows:
        if r.employee_id not in latest or r.revision > latest[r.employee_id].revision:
            latest[r.employee_id] = r
    counts = dict.fromkeys(Predikat, 0)
    for r in latest.values():
        if r.is_head or r.predikat is None:
            continue
        if approved and r.status != EvaluationStatus.APPROVED:
            continue
        counts[r.predikat] += 1
    return counts


def test_counts_match_an_independent_count(db):
    report = office_distribution(db, "NGL-KLO", "2026-Q1")
    assert dict(report.counts) == _expected(db, "NGL-KLO", "2026-Q1")
    assert report.total == sum(report.counts.values()) > 0
    assert report.org_predikat == OrgPredikat.BAIK
    assert "Baik" in report.summary()


def test_warnings_are_those_of_the_domain_rules(db):
    report = office_distribution(db, "NGL-KLO", "2026-Q1")
    assert [w.code for w in report.warnings] == [
        w.code for w in distribution_warnings(OrgPredikat.BAIK, report.counts)
    ]
    assert report.warnings and all("Capaian organisasi Baik" in w.message for w in report.warnings)


def test_approved_only_counts_fewer_or_equal(db):
    every = office_distribution(db, "NGL", "2026-Q1")
    approved = office_distribution(db, "NGL", "2026-Q1", approved_only=True)
    assert dict(approved.counts) == _expected(db, "NGL", "2026-Q1", approved=True)
    assert approved.total <= every.total


def test_no_org_predikat_means_no_warning_until_it_is_set(db):
    before = office_distribution(db, "NGL-SRG", "2026-Q4")
    assert before.org_predikat is None and before.warnings == ()
    set_org_predikat(db, ADMIN, "NGL-SRG", "2026-Q2", OrgPredikat.SANGAT_KURANG)
    after = office_distribution(db, "NGL-SRG", "2026-Q2")
    assert after.org_predikat == OrgPredikat.SANGAT_KURANG
    assert "distribution.min" in [w.code for w in after.warnings]


def test_no_org_predikat_gives_no_warnings_for_any_counts():
    assert distribution_warnings(None, {Predikat.SANGAT_BAIK: 10}) == ()
