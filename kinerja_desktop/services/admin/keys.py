"""The home office's signing key: made at set-up, its fingerprint shown to admins."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.services.common.database import Database
from kinerja_desktop.storage.models import OfficeKey
from kinerja_desktop.sync.keys import generate_key_pair


def ensure_office_key(session: Session, office_code: str) -> str:
    """Make the office's key pair if it has none; return the public key's fingerprint."""
    existing = session.execute(
        select(OfficeKey).where(OfficeKey.office_code == office_code)
    ).scalar_one_or_none()
    if existing is not None:
        return existing.fingerprint
    pair = generate_key_pair()
    session.add(
        OfficeKey(
            office_code=office_code,
            public_key=pair.public_pem,
            private_key=pair.private_pem,
            fingerprint=pair.fingerprint,
        )
    )
    return pair.fingerprint


def office_fingerprint(db: Database, office_code: str) -> str | None:
    with db.uow() as uow:
        return uow.session.execute(
            select(OfficeKey.fingerprint).where(OfficeKey.office_code == office_code)
        ).scalar()
