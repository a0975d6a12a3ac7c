"""The demo database's accounts: one per role, signing in with the printed passwords."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kinerja_desktop.config import DbAddress
from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import PermissionDeniedError
from kinerja_desktop.services.admin.accounts import authenticate
from kinerja_desktop.services.admin.keys import office_fingerprint
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.demo.accounts import demo_accounts
from kinerja_desktop.services.demo.build import build_demo
from kinerja_desktop.storage.models import Assignment, Employee, Office


def test_every_demo_account_signs_in(db: Database) -> None:
    accounts = demo_accounts()
    assert {Role(r) for a in accounts for r in a.roles} == set(Role)
    for account in accounts:
        user = authenticate(db, account.username, account.password)
        assert {r.value for r in user.roles} == set(account.roles)
    with pytest.raises(PermissionDeniedError):
        authenticate(db, "admin", "demo-operator")
    penilai = authenticate(db, "penilai", "demo-penilai")
    with db.uow() as uow:
        head_uuid = uow.session.execute(
            select(Employee.uuid)
            .join(Assignment, Assignment.employee_id == Employee.id)
            .join(Office, Office.id == Assignment.office_id)
            .where(Office.code == "NGL", Assignment.is_head.is_(True))
        ).scalar_one()
    assert penilai.employee_uuid == head_uuid
    assert office_fingerprint(db, "NGL")


def test_per_office_demo_links_penilai_to_its_head(new_address: DbAddress) -> None:
    summary = build_demo(new_address, office_code="NGL-GRL")
    by_name = {a.username: a for a in summary.accounts}
    assert (
        by_name["penilai"].employee_name.startswith(("Lurah", ""))
        and by_name["penilai"].employee_name
    )
    with Database.open(new_address) as db:
        assert office_fingerprint(db, "NGL-GRL")
        assert office_fingerprint(db, "NGL") is None
