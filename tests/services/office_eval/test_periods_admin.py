"""Period deadlines and locks: Admin only, deadlines inside the period's year, recorded reopen."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.recording import row_values
from kinerja_desktop.services.office_eval.periods import (
    is_locked,
    list_period_settings,
    lock_period,
    reopen_period,
    require_unlocked,
    set_deadline,
)
from kinerja_desktop.storage.models import AuditEntry, PeriodSetting

ADMIN = Actor("admin", frozenset({Role.ADMIN}))
OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))


def _row(db: Database, period: str) -> Any:
    """The stored row's values (a plain namespace: ORM rows expire when the session closes)."""
    with db.uow() as uow:
        row = uow.session.execute(
            select(PeriodSetting).where(PeriodSetting.period == period)
        ).scalar_one()
        keys = ("period", "deadline", "locked", "lock_reason", "version", "uuid", "origin_office")
        keys += ("updated_by",)
        return SimpleNamespace(**{k: getattr(row, k) for k in keys})


def _audit(db: Database, where: Any) -> Any:
    with db.uow() as uow:
        entry = uow.session.execute(select(AuditEntry).where(where)).scalar_one()
        return SimpleNamespace(**row_values(entry))


def test_list_shows_quarters_then_the_year_with_demo_lock(db):
    rows = list_period_settings(db, 2026)
    assert [r.period for r in rows] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026"]
    q1 = rows[0]
    assert q1.locked and q1.stored and q1.label == "Triwulan I 2026"
    assert rows[1].deadline == date(2026, 7, 10)
    assert rows[-1].deadline == date(2027, 1, 10)


def test_list_of_an_empty_year_gives_defaults(db):
    rows = list_period_settings(db, 2030)
    assert len(rows) == 5 and not any(r.stored for r in rows)
    assert rows[0].deadline == date(2030, 4, 10)


def test_set_deadline_updates_stamps_and_audits(db):
    before = _row(db, "2026-Q3")
    dto = set_deadline(db, ADMIN, "2026-Q3", date(2026, 10, 20))
    after = _row(db, "2026-Q3")
    assert dto.deadline == date(2026, 10, 20) == after.deadline
    assert after.version == before.version + 1 and after.updated_by == "admin"
    entry = _audit(db, AuditEntry.record_uuid == after.uuid)
    assert entry.before["deadline"] == "2026-10-10" and entry.after["deadline"] == "2026-10-20"


def test_q4_and_annual_deadline_may_fall_in_january(db):
    assert set_deadline(db, ADMIN, "2026-Q4", date(2027, 1, 15)).deadline == date(2027, 1, 15)
    new = set_deadline(db, ADMIN, "2030-Q2", date(2030, 7, 1))
    assert new.stored and _row(db, "2030-Q2").origin_office == "NGL"


@pytest.mark.parametrize(
    ("period", "deadline"),
    [("2026-Q2", date(2027, 1, 5)), ("2026-Q4", date(2027, 2, 1)), ("2026-Q2", date(2025, 12, 1))],
)
def test_deadline_outside_the_year_is_refused_and_nothing_saved(db, period, deadline):
    before = _row(db, period)
    with pytest.raises(ValidationError) as caught:
        set_deadline(db, ADMIN, period, deadline)
    assert caught.value.code == "office_eval.deadline_year"
    assert "di luar tahun periode" in describe(caught.value)
    after = _row(db, period)
    assert (after.deadline, after.version) == (before.deadline, before.version)


def test_only_admin_sets_deadlines(db):
    with pytest.raises(PermissionDeniedError):
        set_deadline(db, OPERATOR, "2026-Q3", date(2026, 10, 20))
    with pytest.raises(PermissionDeniedError):
        lock_period(db, OPERATOR, "2026-Q2")


def test_lock_after_deadline_needs_no_confirmation(db):
    dto = lock_period(db, ADMIN, "2026-Q2", today=date(2026, 7, 11))
    assert dto.locked and "setelah batas waktu" in dto.lock_reason
    assert is_locked(db, "2026-Q2") and is_locked(db, "2026-05")
    assert not is_locked(db, "2026-Q3")


def test_lock_before_deadline_without_confirmation_is_refused(db):
    before = _row(db, "2026-Q4")
    with pytest.raises(ValidationError) as caught:
        lock_period(db, ADMIN, "2026-Q4", today=date(2026, 11, 29))
    assert caught.value.code == "office_eval.lock_before_deadline"
    assert "10 Januari 2027" in describe(caught.value)
    assert _row(db, "2026-Q4").version == before.version and not _row(db, "2026-Q4").locked
    dto = lock_period(db, ADMIN, "2026-Q4", today=date(2026, 11, 29), confirm_early=True)
    assert dto.locked and "sebelum batas waktu" in dto.lock_reason


def test_locking_twice_is_refused(db):
    with pytest.raises(ConflictError) as caught:
        lock_period(db, ADMIN, "2026-Q1", today=date(2026, 12, 1))
    assert caught.value.code == "office_eval.already_locked"


def test_reopen_needs_a_reason_and_is_recorded(db):
    before = _row(db, "2026-Q1")
    with pytest.raises(ValidationError) as caught:
        reopen_period(db, ADMIN, "2026-Q1", "   ")
    assert caught.value.code == "office_eval.reason_required"
    assert _row(db, "2026-Q1").locked
    dto = reopen_period(db, ADMIN, "2026-Q1", "Koreksi realisasi IKU-02")
    after = _row(db, "2026-Q1")
    assert not dto.locked and not after.locked
    assert after.version == before.version + 1 and after.lock_reason.endswith("IKU-02")
    entry = _audit(db, AuditEntry.action == "reopen")
    assert entry.before["locked"] is True and entry.after["locked"] is False
    assert "Koreksi realisasi" in entry.summary
    with pytest.raises(ConflictError):
        reopen_period(db, ADMIN, "2026-Q1", "lagi")


def test_require_unlocked_names_the_locked_period(db):
    with db.uow() as uow, pytest.raises(ConflictError) as caught:
        require_unlocked(uow.session, "2026-02")
    assert "Triwulan I 2026" in describe(caught.value)


def test_settings_from_another_office_are_read_only(db):
    with db.uow() as uow:
        row = uow.session.execute(
            select(PeriodSetting).where(PeriodSetting.period == "2026-Q3")
        ).scalar_one()
        row.origin_office = "NGL-GRL"
        uow.commit()
    assert not next(r for r in list_period_settings(db, 2026) if r.period == "2026-Q3").editable
    with pytest.raises(ConflictError) as caught:
        set_deadline(db, ADMIN, "2026-Q3", date(2026, 10, 20))
    assert caught.value.code == "record.not_owned"
