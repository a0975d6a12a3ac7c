"""Accounts: bootstrap admin, roles, sign-in, lock-out with an injected clock, admin actions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import (
    ConflictError,
    PermissionDeniedError,
    ValidationError,
)
from kinerja_desktop.services.admin.accounts import (
    LOCKOUT,
    MAX_FAILED,
    actor_for,
    authenticate,
    change_password,
    create_user,
    list_users,
    reset_password,
    set_active,
)
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.storage.models import AuditEntry, OfficeKey, User
from tests.services.office_helpers import ADMIN_PW, office_with_one_employee


@pytest.fixture
def db(new_address):
    database = office_with_one_employee(new_address)
    yield database
    database.close()


def admin(db: Database) -> Actor:
    return actor_for(authenticate(db, "admin", ADMIN_PW))


def test_init_made_admin_and_key(db: Database) -> None:
    users = list_users(db)
    assert [(u.username, u.roles) for u in users] == [("admin", frozenset({Role.ADMIN}))]
    with db.uow() as uow:
        code, fingerprint = uow.session.execute(
            select(OfficeKey.office_code, OfficeKey.fingerprint)
        ).one()
        stored = uow.session.execute(select(User.password_hash)).scalar_one()
    assert code == "NGL-GRL" and len(fingerprint.split()) == 8
    assert stored.startswith("$argon2") and ADMIN_PW not in stored


def test_only_admin_creates_accounts(db: Database) -> None:
    operator = create_user(
        db, admin(db), username="Operator1", display_name="Operator", roles="operator",
        password="operator-pw",
    )  # fmt: skip
    assert operator.username == "operator1"
    with pytest.raises(PermissionDeniedError):
        create_user(
            db, actor_for(operator), username="x", display_name="X", roles="admin",
            password="12345678",
        )  # fmt: skip
    with pytest.raises(ConflictError):
        create_user(db, admin(db), username="operator1", display_name="", roles="operator",
                    password="operator-pw")  # fmt: skip


def test_penilai_needs_employee_and_roles_are_validated(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        create_user(db, admin(db), username="lurah", display_name="Lurah",
                    roles="penilai,pimpinan", password="penilai-pw")  # fmt: skip
    assert caught.value.code == "account.penilai_needs_employee"
    lurah = create_user(
        db, admin(db), username="lurah", display_name="Lurah", roles="penilai,pimpinan",
        password="penilai-pw", employee_uuid="e-1",
    )  # fmt: skip
    assert lurah.roles == {Role.PENILAI, Role.PIMPINAN}
    assert lurah.employee_name == "Rina Fiktif"
    with pytest.raises(ValidationError):
        create_user(db, admin(db), username="y", display_name="", roles="boss",
                    password="12345678")  # fmt: skip
    with pytest.raises(ValidationError):
        create_user(db, admin(db), username="z", display_name="", roles="operator",
                    password="short")  # fmt: skip


def test_wrong_password_and_unknown_user_share_one_message(db: Database) -> None:
    with pytest.raises(PermissionDeniedError) as wrong:
        authenticate(db, "admin", "nope")
    with pytest.raises(PermissionDeniedError) as unknown:
        authenticate(db, "nobody", "nope")
    assert wrong.value.code == unknown.value.code == "auth.failed"


def test_lockout_after_five_failures_then_waits(db: Database) -> None:
    now = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    clock = lambda: now  # noqa: E731
    for _ in range(MAX_FAILED - 1):
        with pytest.raises(PermissionDeniedError) as caught:
            authenticate(db, "admin", "wrong", clock=clock)
        assert caught.value.code == "auth.failed"
    with pytest.raises(PermissionDeniedError) as caught:
        authenticate(db, "admin", "wrong", clock=clock)
    assert caught.value.code == "auth.locked"
    # Even the right password waits out the lock.
    with pytest.raises(PermissionDeniedError) as caught:
        authenticate(db, "admin", ADMIN_PW, clock=lambda: now + LOCKOUT - timedelta(seconds=1))
    assert caught.value.code == "auth.locked"
    user = authenticate(db, "admin", ADMIN_PW, clock=lambda: now + LOCKOUT + timedelta(seconds=1))
    assert user.username == "admin"
    with db.uow() as uow:
        actions = uow.session.execute(select(AuditEntry.action)).scalars().all()
    assert "lockout" in actions and "login" in actions


def test_change_and_reset_password(db: Database) -> None:
    op = create_user(db, admin(db), username="op", display_name="Op", roles="operator",
                     password="first-pass")  # fmt: skip
    with pytest.raises(PermissionDeniedError):
        change_password(db, actor_for(op), old="wrong-old", new="second-pass")
    change_password(db, actor_for(op), old="first-pass", new="second-pass")
    assert authenticate(db, "op", "second-pass").username == "op"
    with pytest.raises(PermissionDeniedError):
        reset_password(db, actor_for(op), username="admin", new="hijacked!")
    reset_password(db, admin(db), username="op", new="third-pass")
    assert authenticate(db, "op", "third-pass").username == "op"


def test_disable_and_last_admin(db: Database) -> None:
    create_user(db, admin(db), username="op", display_name="Op", roles="operator",
                password="first-pass")  # fmt: skip
    set_active(db, admin(db), username="op", active=False)
    with pytest.raises(PermissionDeniedError) as caught:
        authenticate(db, "op", "first-pass")
    assert caught.value.code == "auth.disabled"
    with pytest.raises(ConflictError):
        set_active(db, admin(db), username="admin", active=False)
