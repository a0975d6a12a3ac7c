"""Identity by account, not by name (issue 13, point 4).

Tool powers come from the actor's kind; names the app writes itself are refused for new accounts;
failed sign-ins and refused actions land in the audit trail.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from kinerja_desktop.domain.enums import EvaluationStatus, Role
from kinerja_desktop.domain.errors import PermissionDeniedError, ValidationError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.admin.accounts import (
    MAX_FAILED,
    actor_for,
    authenticate,
    create_user,
    reserved_username,
    reset_password,
    set_active,
)
from kinerja_desktop.services.common.actor import SYSTEM, Actor, ActorKind
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation.dto import RealisationInput
from kinerja_desktop.services.evaluation.realisations import save_realisations
from kinerja_desktop.storage.models import AuditEntry, User
from tests.services.evaluation_helpers import find, open_db, sign_in
from tests.services.office_helpers import ADMIN_PW, office_with_one_employee

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def db(new_address):
    database = office_with_one_employee(new_address)
    yield database
    database.close()


def _admin(db: Database) -> Actor:
    return actor_for(authenticate(db, "admin", ADMIN_PW), db)


def _audit(db: Database, action: str) -> list[Any]:
    with db.uow() as uow:
        return list(
            uow.session.execute(
                select(AuditEntry.username, AuditEntry.entity, AuditEntry.after)
                .where(AuditEntry.action == action)
                .order_by(AuditEntry.id)
            ).all()
        )


@pytest.mark.parametrize(
    "name",
    ["system", "SYSTEM", " cli ", "cli.budi", "cli-budi", "cli_budi", "app", "app.pc", "sync",
     "sync-ngl", "system_admin", "system.2"],
)  # fmt: skip
def test_reserved_names_are_refused_for_new_accounts(db, name):
    assert reserved_username(name)
    with pytest.raises(ValidationError) as caught:
        create_user(db, _admin(db), username=name, display_name="X", roles="admin",
                    password="rahasia-123")  # fmt: skip
    assert caught.value.code == "account.username_reserved"
    assert name.strip().lower() in describe(caught.value)
    with db.uow() as uow:
        assert uow.session.execute(select(User.username)).scalars().all() == ["admin"]


def test_a_colon_name_is_reserved_before_it_is_invalid(db):
    with pytest.raises(ValidationError) as caught:
        create_user(db, _admin(db), username="cli:budi@pc", display_name="X", roles="admin",
                    password="rahasia-123")  # fmt: skip
    assert caught.value.code == "account.username_reserved"


@pytest.mark.parametrize("name", ["application", "clint", "systemd", "appa", "syncope", "budi"])
def test_names_that_only_look_alike_stay_free(db, name):
    assert not reserved_username(name)
    made = create_user(db, _admin(db), username=name, display_name="X", roles="operator",
                       password="rahasia-123")  # fmt: skip
    assert made.username == name


def test_an_account_gets_no_tool_powers_from_its_name(demo_address):
    """An old database may hold an account called ``system``: it is an ordinary user."""
    with open_db(demo_address) as db:
        detail = find(db, "2026-Q3", EvaluationStatus.DRAFT)
        with db.uow() as uow:  # as an old version could have created it
            uow.session.execute(User.__table__.update().where(User.username == "pimpinan")
                                .values(username="system"))  # fmt: skip
            uow.commit()
        signed_in = actor_for(authenticate(db, "system", "demo-pimpinan"), db)
        assert signed_in.kind is ActorKind.USER and not signed_in.is_tool
        entry = [RealisationInput(detail.lines[0].skp_indicator_uuid, "4")]
        with pytest.raises(PermissionDeniedError):
            save_realisations(db, signed_in, detail.uuid, entry)
        for name in ("system", "cli:budi@pc"):  # a name alone, whatever it says
            with pytest.raises(PermissionDeniedError):
                save_realisations(db, Actor(name, frozenset()), detail.uuid, entry)
        # The kind is what acts for everyone.
        tool = Actor("cli:budi@pc", frozenset(), kind=ActorKind.CLI)
        assert save_realisations(db, tool, detail.uuid, entry).lines[0].value == 4
        assert SYSTEM.is_tool and SYSTEM.kind is ActorKind.SYSTEM


def test_every_failed_sign_in_is_audited(db):
    create_user(db, _admin(db), username="op", display_name="Op", roles="operator",
                password="first-pass")  # fmt: skip
    with pytest.raises(PermissionDeniedError):
        authenticate(db, "nobody", "whatever-pw", clock=lambda: NOW)
    with pytest.raises(PermissionDeniedError):
        authenticate(db, "op", "wrong-pass", clock=lambda: NOW)
    set_active(db, _admin(db), username="op", active=False)
    with pytest.raises(PermissionDeniedError):
        authenticate(db, "op", "first-pass", clock=lambda: NOW)
    set_active(db, _admin(db), username="op", active=True)
    for _ in range(MAX_FAILED - 1):  # one wrong already counted
        with pytest.raises(PermissionDeniedError):
            authenticate(db, "op", "wrong-pass", clock=lambda: NOW)
    with pytest.raises(PermissionDeniedError) as locked:
        authenticate(db, "op", "first-pass", clock=lambda: NOW)
    assert locked.value.code == "auth.locked"
    failed = _audit(db, "login_failed")
    reasons = [(e.username, e.after["reason"]) for e in failed]
    assert reasons == [("nobody", "unknown_account"), ("op", "wrong_password"),
                       ("op", "disabled")] + [("op", "wrong_password")] * (MAX_FAILED - 1) + [
                       ("op", "locked")]  # fmt: skip
    assert [e.after["left"] for e in failed if e.after["reason"] == "wrong_password"] == [
        4, 3, 2, 1, 0]  # fmt: skip
    assert all("first-pass" not in str(e.after) and "wrong-pass" not in str(e.after)
               for e in failed)  # fmt: skip
    assert len(_audit(db, "lockout")) == 1


def test_refused_actions_are_audited_for_a_signed_in_account(db):
    op = actor_for(
        create_user(db, _admin(db), username="op", display_name="Op", roles="operator",
                    password="first-pass"),
        db,
    )  # fmt: skip
    with pytest.raises(PermissionDeniedError):
        reset_password(db, op, username="admin", new="hijacked-pw")
    with pytest.raises(PermissionDeniedError):
        create_user(db, op, username="kawan", display_name="", roles="admin",
                    password="rahasia-123")  # fmt: skip
    refused = _audit(db, "refused")
    assert [(e.username, e.entity, e.after["code"], e.after["operation"]) for e in refused] == [
        ("op", "permission", "permission.denied", "reset_password"),
        ("op", "permission", "permission.denied", "create_user"),
    ]
    assert refused[0].after["roles"] == "admin"
    assert authenticate(db, "admin", ADMIN_PW).username == "admin"  # the password stayed


def test_a_quiet_check_is_not_a_refusal(demo_address):
    from kinerja_desktop.services.evaluation.assessments import permissions

    with open_db(demo_address) as db:
        pimpinan = actor_for(authenticate(db, "pimpinan", "demo-pimpinan"), db)
        detail = find(db, "2026-Q3", EvaluationStatus.SUBMITTED)
        before = len(_audit(db, "refused"))
        shown = permissions(db, pimpinan, detail)
        assert not (shown.assess or shown.edit_realisations)
        assert len(_audit(db, "refused")) == before
        with pytest.raises(PermissionDeniedError):
            save_realisations(db, pimpinan, detail.uuid, [])
        (entry,) = _audit(db, "refused")[before:]
        assert (entry.username, entry.after["code"]) == ("pimpinan", "evaluation.not_clerk")
        assert entry.after["operation"] == "save_realisations"


def test_the_demo_accounts_still_sign_in(demo_address):
    with open_db(demo_address) as db:
        assert sign_in(db, "operator").has(Role.OPERATOR)


def test_a_password_change_goes_to_the_signed_in_account_not_a_name(db):
    from kinerja_desktop.domain.errors import NotFoundError
    from kinerja_desktop.services.admin.accounts import change_password

    signed_in = _admin(db)
    assert signed_in.account_uuid is not None
    for stranger in (
        Actor("admin", frozenset({Role.ADMIN})),
        Actor("cli:x@pc", kind=ActorKind.CLI),
    ):
        with pytest.raises(NotFoundError):
            change_password(db, stranger, old=ADMIN_PW, new="diganti-orang")
    change_password(db, signed_in, old=ADMIN_PW, new="sandi-baru-admin")
    assert authenticate(db, "admin", "sandi-baru-admin").username == "admin"


@pytest.mark.sqlite_only("opens the database file itself with mode=ro")
def test_a_failed_sign_in_on_a_read_only_file_still_says_why(db):
    from sqlalchemy import create_engine

    db.close()
    engine = create_engine(f"sqlite:///file:{db.path}?mode=ro&uri=true")
    read_only = Database(path=db.path, engine=engine, revision=db.revision)
    try:
        for name, password in (("admin", "salah-sandi"), ("nobody", "salah-sandi")):
            with pytest.raises(PermissionDeniedError) as caught:
                authenticate(read_only, name, password, clock=lambda: NOW)
            assert caught.value.code == "auth.failed"
    finally:
        read_only.close()
