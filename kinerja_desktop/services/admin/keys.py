"""The home office's key pairs: the Ed25519 signing key and the X25519 encryption key (issue
17), made at set-up; their fingerprints shown to admins.

A database set up before issue 17 has a signing key only: :func:`ensure_encryption_key` makes
its encryption pair the first time one is needed (exporting the key file, a package, a
receipt), so an upgrade needs no step of its own and the migration generates no secret.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.services.common.database import Database
from kinerja_desktop.storage.models import OfficeKey, Setting
from kinerja_desktop.sync import age_keys
from kinerja_desktop.sync.keys import generate_key_pair

#: While true, packages and receipts may travel unencrypted to and from partners whose key
#: file has no encryption key yet (issue 17.5). Absent means true: a database upgraded from an
#: older version starts in the transition; one set up now starts without it.
TRANSITION_KEY = "sync_encryption_transition"


def ensure_office_key(session: Session, office_code: str) -> str:
    """Make the office's key pairs if it has none; return the signing key's fingerprint.

    A database set up here (no key yet) starts with the transition off: its partners get its
    key file with the encryption key from the start.
    """
    existing = session.execute(
        select(OfficeKey).where(OfficeKey.office_code == office_code)
    ).scalar_one_or_none()
    if existing is not None:
        ensure_encryption_key(existing)
        return existing.fingerprint
    pair = generate_key_pair()
    secret = age_keys.generate_key_pair()
    session.add(
        OfficeKey(
            office_code=office_code,
            public_key=pair.public_pem,
            private_key=pair.private_pem,
            fingerprint=pair.fingerprint,
            encryption_key=secret.recipient,
            encryption_identity=secret.identity,
        )
    )
    if session.get(Setting, TRANSITION_KEY) is None:
        session.add(Setting(key=TRANSITION_KEY, value=False))
    return pair.fingerprint


def ensure_encryption_key(key: OfficeKey) -> str:
    """Give ``key`` (a loaded row, in the caller's transaction) its X25519 pair if it has none
    (a database set up before issue 17); return the recipient (``age1...``)."""
    if key.encryption_identity and key.encryption_key:
        return key.encryption_key
    secret = age_keys.generate_key_pair()
    key.encryption_identity = secret.identity
    key.encryption_key = secret.recipient
    return secret.recipient


def transition_on(session: Session) -> bool:
    """Whether unencrypted packages may still travel (see :data:`TRANSITION_KEY`)."""
    row = session.get(Setting, TRANSITION_KEY)
    return True if row is None else bool(row.value)


def office_fingerprint(db: Database, office_code: str) -> str | None:
    with db.uow() as uow:
        return uow.session.execute(
            select(OfficeKey.fingerprint).where(OfficeKey.office_code == office_code)
        ).scalar()
