"""The demo database's accounts (one per role) and signing key, made deterministically.

The passwords are public by design: ``demo`` prints them and the login dialog of a demo
database shows them. Salts and the Ed25519 key come from fixed seeds so that two demo builds
are byte-for-byte the same content; a real office never uses these code paths.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.services.admin.passwords import hash_password
from kinerja_desktop.services.common.dto import DemoAccount
from kinerja_desktop.storage.models import Assignment, Employee, Office, OfficeKey, User
from kinerja_desktop.sync import age_keys
from kinerja_desktop.sync.keys import fingerprint

CREATED = datetime(2026, 1, 2, 1, 0, tzinfo=UTC)

# username, password, roles, whose employee record the account is linked to
_ACCOUNTS: tuple[tuple[str, str, tuple[Role, ...], str | None], ...] = (
    ("admin", "demo-admin", (Role.ADMIN,), None),
    ("operator", "demo-operator", (Role.OPERATOR,), None),
    ("penilai", "demo-penilai", (Role.PENILAI, Role.PIMPINAN), "head"),
    ("pimpinan", "demo-pimpinan", (Role.PIMPINAN,), None),
)


def _seeded(text: str) -> bytes:
    return hashlib.sha256(f"kinerja-demo:{text}".encode()).digest()


def _head_of(session: Session, office_code: str) -> tuple[int, str] | None:
    row = session.execute(
        select(Employee.id, Employee.name)
        .join(Assignment, Assignment.employee_id == Employee.id)
        .join(Office, Assignment.office_id == Office.id)
        .where(
            Office.code == office_code,
            Assignment.is_head.is_(True),
            Assignment.end_date.is_(None),
        )
    ).first()
    return (row[0], row[1]) if row else None


def add_demo_accounts(session: Session, home_code: str) -> tuple[DemoAccount, ...]:
    """Insert the four demo accounts and the home office's key; return the sign-ins."""
    head = _head_of(session, home_code)
    rows, accounts = [], []
    for username, password, roles, link in _ACCOUNTS:
        employee_id, employee_name = head if link == "head" and head else (None, "")
        rows.append(
            {
                "uuid": str(uuid.UUID(bytes=_seeded(f"user:{username}")[:16])),
                "username": username,
                "display_name": f"Demo {username.capitalize()}",
                "employee_id": employee_id,
                "roles": ",".join(sorted(r.value for r in roles)),
                "password_hash": hash_password(password, salt=_seeded(username)[:16]),
                "active": True,
                "failed_attempts": 0,
                "created_at": CREATED,
            }
        )
        accounts.append(
            DemoAccount(username, password, tuple(r.value for r in roles), employee_name)
        )
    session.execute(insert(User), rows)
    private = Ed25519PrivateKey.from_private_bytes(_seeded(f"key:{home_code}"))
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")
    identity = age_keys.identity_from_secret(_seeded(f"age:{home_code}"))
    session.execute(
        insert(OfficeKey),
        [
            {
                "office_code": home_code,
                "public_key": public_pem,
                "private_key": private_pem,
                "fingerprint": fingerprint(public_pem),
                "created_at": CREATED,
                # seeded like the signing key, so two demo builds stay byte-identical
                "encryption_identity": identity,
                "encryption_key": age_keys.recipient_of(identity),
            }
        ],
    )
    return tuple(accounts)


def demo_accounts() -> tuple[DemoAccount, ...]:
    """The demo sign-ins without a database (for the login dialog of a demo database)."""
    return tuple(DemoAccount(u, p, tuple(r.value for r in roles)) for u, p, roles, _ in _ACCOUNTS)
