"""The one penilai check (issue 15: one rule, one place), as SKP decisions and assessments use
it: the direct atasan's Penilai account, an Admin for an external penilai, nobody else."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.errors import PermissionDeniedError
from kinerja_desktop.services.admin.permissions import require_penilai_of
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.storage.models import Assignment, Employee
from tests.services.evaluation_helpers import sign_in


def _employee_ids(session):
    """The open assignments, and an employee rated by an external penilai."""
    rows = session.execute(
        select(Assignment.employee_id, Assignment.atasan_id, Assignment.external_penilai_id).where(
            Assignment.end_date.is_(None), Assignment.deleted_at.is_(None)
        )
    ).all()
    external = next(r.employee_id for r in rows if r.atasan_id is None and r.external_penilai_id)
    return rows, external


def _code(call) -> str:
    with pytest.raises(PermissionDeniedError) as raised:
        call()
    return raised.value.code


def test_the_direct_penilai_passes_and_another_is_refused(db):
    penilai, admin = sign_in(db, "penilai"), sign_in(db, "admin")
    with db.uow() as uow:
        session = uow.session
        own = session.execute(select(Employee.id).where(Employee.uuid == penilai.employee_uuid))
        atasan_id = own.scalar_one()
        mine = (
            session.execute(
                select(Assignment.employee_id).where(
                    Assignment.atasan_id == atasan_id, Assignment.end_date.is_(None)
                )
            )
            .scalars()
            .first()
        )
        other = (
            session.execute(
                select(Assignment.employee_id).where(
                    Assignment.atasan_id.is_not(None),
                    Assignment.atasan_id != atasan_id,
                    Assignment.end_date.is_(None),
                )
            )
            .scalars()
            .first()
        )
        require_penilai_of(session, penilai, mine)
        require_penilai_of(session, SYSTEM, other)
        assert _code(lambda: require_penilai_of(session, penilai, other)) == (
            "permission.not_subordinate"
        )
        assert _code(lambda: require_penilai_of(session, admin, mine)) == "permission.denied"
        worded = "assessment.not_penilai"
        assert _code(lambda: require_penilai_of(session, admin, mine, refusal=worded)) == worded


def test_an_admin_records_an_external_penilai_and_only_then(db):
    penilai, admin = sign_in(db, "penilai"), sign_in(db, "admin")
    with db.uow() as uow:
        session = uow.session
        _rows, external = _employee_ids(session)
        require_penilai_of(session, admin, external)
        assert _code(lambda: require_penilai_of(session, penilai, external)) == (
            "permission.not_subordinate"
        )
        # Without an external penilai an employee with no atasan has nobody to decide.
        assignment = session.execute(
            select(Assignment).where(
                Assignment.employee_id == external, Assignment.end_date.is_(None)
            )
        ).scalar_one()
        assignment.external_penilai_id = None
        session.flush()
        assert _code(lambda: require_penilai_of(session, admin, external)) == "permission.denied"
        uow.rollback()
