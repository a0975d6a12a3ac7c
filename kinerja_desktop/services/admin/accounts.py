"""Local accounts: sign-in with lock-out, roles, password changes.

Roles (an account may hold several): Admin manages accounts and reopens what is locked;
Operator (clerk) enters data; Penilai rates their direct subordinates (needs a linked employee);
Pimpinan reads only. After :data:`MAX_FAILED` wrong passwords the account waits
:data:`LOCKOUT`; the clock is injectable for tests.

Identity is the account, never its name (issue 13): the built-in system and the command line are
actors of another :class:`~kinerja_desktop.services.common.actor.ActorKind`, so no account gets
their powers by being called ``system``. The names they write in the audit trail are reserved and
refused for new accounts (:func:`reserved_username`): ``system``, ``cli``, ``app`` and ``sync``
themselves, and any name that starts with one of them followed by ``.``, ``_``, ``-`` or ``:``
(``cli:budi@pc``, ``sync-ngl``, ``system_admin``); ``application`` or ``clint`` stay free. An
old database may still hold such an account: it signs in as an ordinary user.

Every failed sign-in is audited (``login_failed`` with the reason: unknown account, wrong
password, locked, disabled; the typed name is kept, the password never), and so is every action
a service refuses to a signed-in account (``refused``, through :func:`actor_for`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from kinerja_desktop.services.admin.passwords import hash_password, needs_rehash, verify_password
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.common.actor import Actor, RefusalRecorder
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.recording import audit
from kinerja_desktop.storage.base import new_uuid
from kinerja_desktop.storage.models import Employee, User
from kinerja_desktop.storage.unit_of_work import UnitOfWork

RESERVED_NAMES = frozenset({"system", "cli", "app", "sync"})
RESERVED_SEPARATORS = ".-_:"

MAX_FAILED = 5
LOCKOUT = timedelta(minutes=5)
MIN_PASSWORD = 8

Clock = Callable[[], datetime]
log = logging.getLogger(__name__)


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class UserDTO:
    uuid: str
    username: str
    display_name: str
    roles: frozenset[Role]
    employee_uuid: str | None
    employee_name: str
    active: bool
    locked_until: datetime | None


def parse_roles(text: str | Iterable[str]) -> frozenset[Role]:
    """Roles from ``"admin,penilai"`` or an iterable; unknown names are refused."""
    items = text.split(",") if isinstance(text, str) else list(text)
    roles = set()
    for item in items:
        name = str(item).strip().lower()
        if not name:
            continue
        try:
            roles.add(Role(name))
        except ValueError as exc:
            raise ValidationError("account.role_unknown", field="roles", value=name) from exc
    if not roles:
        raise ValidationError("account.roles_required", field="roles")
    return frozenset(roles)


def _roles_text(roles: Iterable[Role]) -> str:
    return ",".join(sorted(r.value for r in roles))


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError("account.password_short", field="password", minimum=MIN_PASSWORD)


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; every stored time is UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _to_dto(session: Session, user: User) -> UserDTO:
    employee_uuid, employee_name = None, ""
    if user.employee_id is not None:
        row = session.execute(
            select(Employee.uuid, Employee.name).where(Employee.id == user.employee_id)
        ).one()
        employee_uuid, employee_name = row
    return UserDTO(
        uuid=user.uuid,
        username=user.username,
        display_name=user.display_name,
        roles=parse_roles(user.roles) if user.roles else frozenset(),
        employee_uuid=employee_uuid,
        employee_name=employee_name,
        active=user.active,
        locked_until=_aware(user.locked_until),
    )


def reserved_username(name: str) -> bool:
    """True for a name the app itself writes in the audit trail (module docstring)."""
    name = name.strip().lower()
    for reserved in RESERVED_NAMES:
        if name == reserved:
            return True
        if name.startswith(reserved) and name[len(reserved)] in RESERVED_SEPARATORS:
            return True
    return False


def actor_for(dto: UserDTO, db: Database | None = None) -> Actor:
    """The actor of a signed-in account (always of kind user, whatever its name).

    With ``db``, every action a service refuses to this actor is written to the audit trail
    (``refused``) in a transaction of its own, since the refused one is rolled back.
    """
    recorder = _refusal_recorder(db) if db is not None else None
    return Actor(
        dto.username, dto.roles, employee_uuid=dto.employee_uuid, account_uuid=dto.uuid,
        on_refused=recorder,
    )  # fmt: skip


def _refusal_recorder(db: Database) -> RefusalRecorder:
    def record(actor: Actor, code: str, details: dict[str, str]) -> None:
        try:
            with db.uow() as uow:
                audit(uow.session, actor, action="refused", entity="permission",
                      after={"code": code, **details}, summary=code)  # fmt: skip
                uow.commit()
        except SQLAlchemyError:
            # The refusal itself must still reach the user; a busy file only costs the entry.
            log.warning("could not audit a refused action (%s)", code, exc_info=True)

    return record


def _audit_failed_login(
    session: Session, typed: str, reason: str, *, user: User | None, now: datetime, **extra: object
) -> None:
    audit(
        session, Actor(user.username if user is not None else typed[:64]),
        action="login_failed", entity="user", record_uuid=user.uuid if user else None,
        after={"username": typed[:64], "reason": reason, **extra}, summary=reason, at=now,
    )  # fmt: skip


def _commit_failure(uow: UnitOfWork) -> None:
    """Keep the record of a failed sign-in; if the file cannot take it (opened read-only,
    busy), the refusal still reaches the user and only the entry is lost."""
    try:
        uow.commit()
    except SQLAlchemyError:
        log.warning("could not record a failed sign-in", exc_info=True)
        uow.rollback()


def _get_user(session: Session, username: str) -> User:
    user = session.execute(
        select(User).where(User.username == username.strip().lower())
    ).scalar_one_or_none()
    if user is None:
        raise NotFoundError("account.unknown", field="username", value=username)
    return user


def _employee_id(session: Session, employee_uuid: str | None) -> int | None:
    if employee_uuid is None:
        return None
    found = session.execute(select(Employee.id).where(Employee.uuid == employee_uuid)).scalar()
    if found is None:
        raise NotFoundError("account.employee_unknown", field="employee", value=employee_uuid)
    return found


def create_user(
    db: Database,
    actor: Actor,
    *,
    username: str,
    display_name: str,
    roles: Iterable[Role] | str,
    password: str,
    employee_uuid: str | None = None,
    allow_bootstrap: bool = False,
) -> UserDTO:
    """Create an account. Only an Admin may, except the very first one (``allow_bootstrap``).

    Raises:
        ValidationError: ``account.username_reserved`` for a name the app uses itself
            (:func:`reserved_username`), ``account.username_invalid``, a weak password, roles.
    """
    name = username.strip().lower()
    if reserved_username(name):
        raise ValidationError("account.username_reserved", field="username", value=name)
    if not name or not name.replace(".", "").replace("_", "").replace("-", "").isalnum():
        raise ValidationError("account.username_invalid", field="username", value=username)
    role_set = parse_roles(roles)
    _check_password(password)
    with db.uow() as uow:
        session = uow.session
        has_users = session.execute(select(User.id).limit(1)).first() is not None
        if has_users or not allow_bootstrap:
            require(actor, Role.ADMIN)
        if session.execute(select(User.id).where(User.username == name)).first():
            raise ConflictError("account.exists", field="username", value=name)
        employee_id = _employee_id(session, employee_uuid)
        if Role.PENILAI in role_set and employee_id is None:
            raise ValidationError("account.penilai_needs_employee", field="employee")
        user = User(
            uuid=new_uuid(),
            username=name,
            display_name=display_name.strip() or name,
            roles=_roles_text(role_set),
            employee_id=employee_id,
            password_hash=hash_password(password),
        )
        session.add(user)
        session.flush()
        audit(
            session,
            actor,
            action="create",
            entity="user",
            record_uuid=user.uuid,
            after={"username": name, "roles": user.roles, "employee": employee_uuid},
        )
        dto = _to_dto(session, user)
        uow.commit()
        return dto


def authenticate(db: Database, username: str, password: str, *, clock: Clock = _utc_now) -> UserDTO:
    """Check a password; count failures and lock the account after too many.

    Raises:
        PermissionDeniedError: ``auth.failed`` for an unknown user or a wrong password (one
            message for both, so names cannot be probed), ``auth.locked`` while locked out,
            ``auth.disabled`` for a disabled account. Each is audited (``login_failed``).
    """
    now = clock()
    typed = username.strip().lower()
    with db.uow() as uow:
        session = uow.session
        user = session.execute(select(User).where(User.username == typed)).scalar_one_or_none()
        if user is None:
            _audit_failed_login(session, typed, "unknown_account", user=None, now=now)
            _commit_failure(uow)
            raise PermissionDeniedError("auth.failed", field="password")
        locked_until = _aware(user.locked_until)
        if locked_until is not None and locked_until > now:
            _audit_failed_login(session, typed, "locked", user=user, now=now)
            _commit_failure(uow)
            raise PermissionDeniedError(
                "auth.locked", until=locked_until.astimezone().strftime("%H:%M")
            )
        if not user.active:
            _audit_failed_login(session, typed, "disabled", user=user, now=now)
            _commit_failure(uow)
            raise PermissionDeniedError("auth.disabled", value=user.username)
        if not verify_password(user.password_hash, password):
            user.failed_attempts += 1
            left = MAX_FAILED - user.failed_attempts
            _audit_failed_login(session, typed, "wrong_password", user=user, now=now,
                                left=max(left, 0))  # fmt: skip
            if left <= 0:
                user.failed_attempts = 0
                user.locked_until = now + LOCKOUT
                audit(session, Actor(user.username), action="lockout", entity="user",
                      record_uuid=user.uuid, at=now)  # fmt: skip
                _commit_failure(uow)
                raise PermissionDeniedError(
                    "auth.locked",
                    until=(now + LOCKOUT).astimezone().strftime("%H:%M"),
                )
            _commit_failure(uow)
            raise PermissionDeniedError("auth.failed", field="password", left=left)
        user.failed_attempts = 0
        user.locked_until = None
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
        audit(session, Actor(user.username), action="login", entity="user",
              record_uuid=user.uuid, at=now)  # fmt: skip
        dto = _to_dto(session, user)
        uow.commit()
        return dto


def change_password(db: Database, actor: Actor, *, old: str, new: str) -> None:
    """The signed-in user changes their own password.

    The account is the one the actor signed in as (by uuid, never by name): an actor built in
    code (the command line, the system) has no password of its own here.

    Raises:
        NotFoundError: ``account.unknown`` for an actor without an account in this database.
        PermissionDeniedError: ``auth.failed`` for a wrong current password.
    """
    _check_password(new)
    with db.uow() as uow:
        user = None
        if actor.account_uuid is not None:
            user = uow.session.execute(
                select(User).where(User.uuid == actor.account_uuid)
            ).scalar_one_or_none()
        if user is None:
            raise NotFoundError("account.unknown", field="username", value=actor.username)
        if not verify_password(user.password_hash, old):
            raise PermissionDeniedError("auth.failed", field="old_password")
        user.password_hash = hash_password(new)
        audit(uow.session, actor, action="change_password", entity="user", record_uuid=user.uuid)
        uow.commit()


def reset_password(db: Database, actor: Actor, *, username: str, new: str) -> None:
    """An Admin sets a new password for someone (and lifts a lock-out)."""
    require(actor, Role.ADMIN)
    _check_password(new)
    with db.uow() as uow:
        user = _get_user(uow.session, username)
        user.password_hash = hash_password(new)
        user.failed_attempts = 0
        user.locked_until = None
        audit(uow.session, actor, action="reset_password", entity="user", record_uuid=user.uuid)
        uow.commit()


def set_active(db: Database, actor: Actor, *, username: str, active: bool) -> None:
    """An Admin disables or re-enables an account (never the last active admin)."""
    require(actor, Role.ADMIN)
    with db.uow() as uow:
        session = uow.session
        user = _get_user(session, username)
        if not active and Role.ADMIN.value in user.roles.split(","):
            admins = [
                u
                for u in session.execute(select(User).where(User.active.is_(True))).scalars()
                if Role.ADMIN.value in u.roles.split(",")
            ]
            if len(admins) <= 1:
                raise ConflictError("account.last_admin", value=user.username)
        before = {"active": user.active}
        user.active = active
        audit(session, actor, action="update", entity="user", record_uuid=user.uuid,
              before=before, after={"active": active})  # fmt: skip
        uow.commit()


def list_users(db: Database) -> list[UserDTO]:
    with db.uow() as uow:
        users = uow.session.execute(select(User).order_by(User.username)).scalars().all()
        return [_to_dto(uow.session, u) for u in users]


def has_users(db: Database) -> bool:
    with db.uow() as uow:
        return uow.session.execute(select(User.id).limit(1)).first() is not None
