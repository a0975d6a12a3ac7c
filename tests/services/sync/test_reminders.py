"""Reminders per role on the demo database: the figures are recounted here another way (plain
SQL, the completion monitor) rather than written down."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.admin.settings import AppSettings, load_settings, save_settings
from kinerja_desktop.services.common.actor import SYSTEM, Actor
from kinerja_desktop.services.evaluation import completion_summary
from kinerja_desktop.services.sync import reminders_for
from kinerja_desktop.storage.models import SyncPackageLog, SyncPartner

TODAY = date(2026, 10, 5)  # Q4 2026 of the demo; Q3's deadline is past


def _sql(path, query, *args):
    with sqlite3.connect(path) as conn:
        return conn.execute(query, args).fetchall()


def _penilai(path) -> Actor:
    """The demo's penilai account, with the employee it is linked to."""
    (uuid,) = _sql(
        path,
        "SELECT e.uuid FROM users u JOIN employees e ON e.id = u.employee_id "
        "WHERE u.username = 'penilai'",
    )[0]
    return Actor("penilai", frozenset({Role.PENILAI}), employee_uuid=uuid)


def test_penilai_sees_the_evaluations_and_skp_submitted_by_their_staff(demo_db, demo_db_path):
    actor = _penilai(demo_db_path)
    staff = (
        "SELECT a.employee_id FROM assignments a JOIN employees p ON p.id = a.atasan_id "
        "WHERE p.uuid = ? AND a.end_date IS NULL AND a.deleted_at IS NULL"
    )
    expected = dict(
        _sql(
            demo_db_path,
            f"SELECT period, count(*) FROM evaluations WHERE status = 'submitted' "
            f"AND deleted_at IS NULL AND employee_id IN ({staff}) GROUP BY period",
            actor.employee_uuid,
        )
    )
    (skp,) = _sql(
        demo_db_path,
        f"SELECT count(*) FROM skp WHERE status = 'submitted' AND deleted_at IS NULL "
        f"AND employee_id IN ({staff})",
        actor.employee_uuid,
    )[0]
    result = reminders_for(demo_db, actor, today=TODAY)
    assert expected, "the demo should have something waiting for its penilai"
    assert {q.period: q.count for q in result.evaluations_waiting} == expected
    assert [q.period for q in result.evaluations_waiting] == sorted(expected, reverse=True)
    assert result.skp_waiting == skp
    assert result.backlog == () and result.stale_partners == ()  # not a clerk, not Admin


def test_clerk_backlog_matches_the_completion_monitor(demo_db):
    actor = Actor("operator", frozenset({Role.OPERATOR}))
    for period in ("2026-Q2", "2026-Q3"):
        result = reminders_for(demo_db, actor, today=TODAY, period=period)
        summary = completion_summary(demo_db, period, today=TODAY)
        # Behind for the clerk: not yet submitted (the monitor's first four stages).
        early = {"no_skp", "not_started", "no_realisation", "not_submitted"}
        behind = Counter(r.office_code for r in summary.rows if r.stage in early)
        staff = Counter(r.office_code for r in summary.rows)
        assert {b.office_code: b.missing for b in result.backlog} == dict(behind)
        assert all(b.total == staff[b.office_code] for b in result.backlog)
        assert result.missing_total == sum(behind.values()) > 0
        assert result.days_left == (summary.rows[0].deadline - TODAY).days
        assert result.deadline == summary.rows[0].deadline
        assert result.evaluations_waiting == ()  # no penilai role


def test_clerk_period_defaults_to_the_one_containing_today(demo_db):
    result = reminders_for(demo_db, Actor("op", frozenset({Role.OPERATOR})), today=TODAY)
    assert result.period == "2026-Q4"
    assert result.deadline == date(2027, 1, 10)  # DOMAIN.md A 9: 10 days after the period
    assert result.days_left == (date(2027, 1, 10) - TODAY).days


def _partner(session, code: str, registered: datetime) -> None:
    session.add(
        SyncPartner(
            office_code=code, office_uuid=code, public_key="k", fingerprint="f",
            registered_at=registered,
        )
    )  # fmt: skip


def _package(session, code: str, at: datetime, seq: int, direction: str = "in") -> None:
    session.add(
        SyncPackageLog(
            sha256=f"{code}{seq}{direction}".ljust(64, "0"), direction=direction,
            partner_code=code, seq=seq, kind="up", status="applied", at=at,
        )
    )  # fmt: skip


def test_admin_sees_partners_whose_package_is_overdue(db):
    admin = Actor("admin", frozenset({Role.ADMIN}))
    assert reminders_for(db, admin, today=TODAY).stale_partners == ()  # the demo has none
    noon = datetime(2026, 10, 5, 12, 0, tzinfo=UTC)
    with db.uow() as uow:
        s = uow.session
        _partner(s, "NGL-KLP", noon - timedelta(days=90))
        _package(s, "NGL-KLP", noon - timedelta(days=40), 1)
        _package(s, "NGL-KLP", noon - timedelta(days=3), 2)  # recent: not overdue
        _partner(s, "NGL-KLO", noon - timedelta(days=90))
        _package(s, "NGL-KLO", noon - timedelta(days=20), 1)
        _package(s, "NGL-KLO", noon - timedelta(days=1), 2, direction="out")  # sent, not arrived
        _partner(s, "NGL-GRL", noon - timedelta(days=30))  # never sent anything
        _partner(s, "NGL-SRG", noon - timedelta(days=14))  # exactly the limit: not yet
        uow.commit()
    result = reminders_for(db, admin, today=TODAY)
    assert result.stale_after == 14
    assert [(p.office_code, p.days) for p in result.stale_partners] == [
        ("NGL-GRL", 30),
        ("NGL-KLO", 20),
    ]
    assert result.stale_partners[0].last_package is None
    assert result.stale_partners[1].last_package == TODAY - timedelta(days=20)
    save_settings(db, SYSTEM, replace(load_settings(db), partner_stale_days=25))
    assert [p.office_code for p in reminders_for(db, admin, today=TODAY).stale_partners] == [
        "NGL-GRL"
    ]


def test_stale_days_setting_defaults_and_is_checked(db):
    assert load_settings(db).partner_stale_days == 14
    with pytest.raises(ValidationError):
        AppSettings(partner_stale_days=0)


def test_nothing_is_due_for_an_account_without_those_roles(demo_db):
    result = reminders_for(demo_db, Actor("pimpinan", frozenset({Role.PIMPINAN})), today=TODAY)
    assert result.empty
