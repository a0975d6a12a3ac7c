"""Organisation predikat: who sets it where, locked periods, ownership, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.enums import OrgPredikat, Role
from kinerja_desktop.domain.errors import ConflictError, PermissionDeniedError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.office_eval.org_predikat import (
    can_set_org_predikat,
    get_org_predikat,
    list_org_predikat,
    set_org_predikat,
)
from kinerja_desktop.services.office_eval.periods import reopen_period
from kinerja_desktop.storage.models import Assignment, AuditEntry, Employee, Office, OrgAssessment

ADMIN = Actor("admin", frozenset({Role.ADMIN}))
OPERATOR = Actor("operator", frozenset({Role.OPERATOR}))
PIMPINAN = Actor("pimpinan", frozenset({Role.PIMPINAN}))


def _camat(db: Database) -> Actor:
    """The account of the camat (head of the home office), as the demo's penilai account is."""
    with db.uow() as uow:
        uuid = uow.session.execute(
            select(Employee.uuid)
            .join(Assignment, Assignment.employee_id == Employee.id)
            .join(Office, Office.id == Assignment.office_id)
            .where(Office.code == "NGL", Assignment.is_head.is_(True))
            .where(Assignment.end_date.is_(None))
        ).scalar_one()
    return Actor("penilai", frozenset({Role.PENILAI, Role.PIMPINAN}), employee_uuid=uuid)


def test_list_shows_every_office_with_iku_guidance(db):
    rows = list_org_predikat(db, "2026-Q2", actor=ADMIN)
    assert rows[0].office_code == "NGL" and len(rows) == 8
    grl = next(r for r in rows if r.office_code == "NGL-GRL")
    assert grl.predikat == OrgPredikat.BAIK and grl.iku_capaian is not None and grl.may_set
    puskesmas = next(r for r in rows if r.office_code == "PKM-NGL")
    assert not puskesmas.may_set and puskesmas.leader == "Kepala Dinas Kesehatan"
    assert all(not r.may_set for r in list_org_predikat(db, "2026-Q1", actor=ADMIN))  # locked


def test_camat_sets_a_kelurahan_predikat(db):
    camat = _camat(db)
    row = set_org_predikat(db, camat, "NGL-GRL", "2026-Q3", OrgPredikat.ISTIMEWA, note="Rapat")
    assert row.predikat == OrgPredikat.ISTIMEWA and row.origin_office == "NGL"
    assert get_org_predikat(db, "NGL-GRL", "2026-Q3") == OrgPredikat.ISTIMEWA
    changed = set_org_predikat(db, camat, "NGL-GRL", "2026-Q3", OrgPredikat.BAIK)
    assert changed.version == 2
    with db.uow() as uow:
        entries = uow.session.execute(
            select(AuditEntry.action, AuditEntry.username).where(
                AuditEntry.entity == "org_assessment"
            )
        ).all()
    assert [tuple(e) for e in entries] == [("create", "penilai"), ("update", "penilai")]


def test_operator_records_the_home_office_but_not_a_kelurahan(db):
    assert can_set_org_predikat(db, OPERATOR, "NGL")
    set_org_predikat(db, OPERATOR, "NGL", "2026-Q3", OrgPredikat.BAIK)
    with pytest.raises(PermissionDeniedError) as caught:
        set_org_predikat(db, OPERATOR, "NGL-GRL", "2026-Q3", OrgPredikat.BAIK)
    assert "pimpinan Kecamatan Nanggalo" in describe(caught.value)
    assert get_org_predikat(db, "NGL-GRL", "2026-Q3") is None


def test_pimpinan_without_the_head_link_reads_only(db):
    assert not can_set_org_predikat(db, PIMPINAN, "NGL-GRL")
    with pytest.raises(PermissionDeniedError):
        set_org_predikat(db, PIMPINAN, "NGL-GRL", "2026-Q3", OrgPredikat.BAIK)


def test_puskesmas_is_set_by_the_dinas_not_here(db):
    with pytest.raises(PermissionDeniedError) as caught:
        set_org_predikat(db, ADMIN, "PKM-NGL", "2026-Q3", OrgPredikat.BAIK)
    assert "Kepala Dinas Kesehatan" in describe(caught.value)


def test_locked_period_is_refused_until_reopened(db):
    with pytest.raises(ConflictError) as caught:
        set_org_predikat(db, ADMIN, "NGL-GRL", "2026-Q1", OrgPredikat.ISTIMEWA)
    assert caught.value.code == "office_eval.period_locked"
    assert get_org_predikat(db, "NGL-GRL", "2026-Q1") == OrgPredikat.BUTUH_PERBAIKAN
    reopen_period(db, ADMIN, "2026-Q1", "Koreksi predikat organisasi")
    set_org_predikat(db, ADMIN, "NGL-GRL", "2026-Q1", OrgPredikat.ISTIMEWA)
    assert get_org_predikat(db, "NGL-GRL", "2026-Q1") == OrgPredikat.ISTIMEWA


def test_a_row_received_from_elsewhere_is_read_only(db):
    with db.uow() as uow:
        row = uow.session.execute(
            select(OrgAssessment)
            .join(Office, Office.id == OrgAssessment.office_id)
            .where(Office.code == "NGL-KLO", OrgAssessment.period == "2026-Q2")
        ).scalar_one()
        row.origin_office = "KOTA"
        uow.commit()
    assert not next(
        r for r in list_org_predikat(db, "2026-Q2", actor=ADMIN) if r.office_code == "NGL-KLO"
    ).may_set
    with pytest.raises(ConflictError) as caught:
        set_org_predikat(db, ADMIN, "NGL-KLO", "2026-Q2", OrgPredikat.BAIK)
    assert caught.value.code == "record.not_owned"
