"""Partner offices: their public keys, exchanged as key files or (GUI) from a first package.

A key file is JSON ``{"format": "kinerja-key", "version": 1, "office": {code, name, kind,
uuid, parent}, "public_key": PEM, "fingerprint": ..., "encryption_key": "age1...",
"encryption_fingerprint": ..., "combined_fingerprint": ...}`` (the encryption fields since
issue 17; an older app ignores them, so the file stays readable during the transition). The
fingerprint read over the phone is the combined one, covering both public keys; a file of an
older version has only the signing key's. Registering a partner whose office
exists here only as the placeholder made by ``init --parent`` gives that placeholder the
partner's real uuid, so the partner's later packages match it instead of raising a
"duplicate" conflict (placeholders are owned by the partner and never sent from here).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import ConflictError, ValidationError
from kinerja_desktop.services.admin.keys import ensure_encryption_key
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import audit
from kinerja_desktop.storage.models import Office, OfficeKey, SyncPartner
from kinerja_desktop.sync import age_keys, keys

KEY_FORMAT = "kinerja-key"
MAX_KEY_FILE = 64 * 1024


@dataclass(frozen=True)
class PartnerKey:
    """A partner's key as read from a key file or a package manifest."""

    code: str
    name: str
    kind: str
    uuid: str
    public_key: str
    signing_fingerprint: str
    encryption_key: str | None = None  # age1...; None for a key file of an older version

    @property
    def fingerprint(self) -> str:
        """What is read over the phone: over both public keys when there are two."""
        if self.encryption_key is None:
            return self.signing_fingerprint
        return age_keys.combined_fingerprint(self.public_key, self.encryption_key)

    @property
    def can_encrypt(self) -> bool:
        return self.encryption_key is not None


@dataclass(frozen=True)
class KeyImportResult:
    office: str
    fingerprint: str
    status: str  # "registered", "replaced", "encryption_added", "unchanged"
    can_encrypt: bool = False  # whether packages to the partner are now encrypted


def home_key(session: Session) -> OfficeKey:
    """The home office's key pair.

    Raises:
        ValidationError: ``sync.no_home`` / ``sync.no_key`` on a database not set up.
    """
    home = home_office_code(session)
    if home is None:
        raise ValidationError("sync.no_home")
    key = session.execute(select(OfficeKey).where(OfficeKey.office_code == home)).scalar()
    if key is None:
        raise ValidationError("sync.no_key", office=home)
    return key


def export_key(db: Database, out: Path) -> PartnerKey:
    """Write the home office's public key file (both public keys) to ``out``."""
    with db.uow() as uow:
        session = uow.session
        key = home_key(session)
        recipient = ensure_encryption_key(key)
        office = session.execute(select(Office).where(Office.code == key.office_code)).scalar()
        body = {
            "format": KEY_FORMAT,
            "version": 1,
            "office": {
                "code": key.office_code,
                "name": office.name if office else key.office_code,
                "kind": office.kind.value if office else "",
                "uuid": office.uuid if office else "",
                "parent": office.parent.code if office and office.parent else None,
            },
            "public_key": key.public_key,
            "fingerprint": key.fingerprint,
        } | age_keys.key_file_fields(key.public_key, recipient)
        uow.commit()  # the encryption pair made now for a database set up before issue 17
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(body, ensure_ascii=False, indent=1), "utf-8")
    return _partner_from(body, out.name)


def _partner_from(body: Any, name: str) -> PartnerKey:
    try:
        office = body["office"]
        pem = str(body["public_key"])
        found = keys.fingerprint(pem)
        ok = body.get("format") == KEY_FORMAT and isinstance(office.get("code"), str)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ValidationError("sync.key_bad", file=name, package=name) from exc
    if not ok:
        raise ValidationError("sync.key_bad", file=name, package=name)
    code = keys.partner_office_code(office["code"], file=name)
    encryption = age_keys.read_key_file_fields(body, pem, file=name)
    return PartnerKey(
        code=code,
        name=str(office.get("name") or office["code"]),
        kind=str(office.get("kind") or ""),
        uuid=str(office.get("uuid") or ""),
        public_key=pem,
        signing_fingerprint=found,
        encryption_key=encryption[0] if encryption else None,
    )


def read_key_file(path: Path) -> PartnerKey:
    """Parse a key file. Raises ValidationError ``sync.key_bad``."""
    try:
        if path.stat().st_size > MAX_KEY_FILE:
            raise ValidationError("sync.key_bad", file=path.name, package=path.name)
        body = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ValidationError("sync.key_bad", file=path.name, package=path.name) from exc
    return _partner_from(body, path.name)


def partner_from_manifest(manifest: dict[str, Any], name: str) -> PartnerKey:
    """The sender's key as a package carries it (for trust on first use in the GUI)."""
    sender = manifest.get("sender", {})
    body = {
        "format": KEY_FORMAT,
        "office": sender,
        "public_key": sender.get("public_key", ""),
    }
    if isinstance(sender, dict) and sender.get(age_keys.ENCRYPTION_KEY_FIELD):
        body[age_keys.ENCRYPTION_KEY_FIELD] = sender[age_keys.ENCRYPTION_KEY_FIELD]
    return _partner_from(body, name)


def register_partner(
    db: Database, actor: Actor, key: PartnerKey, *, replace: bool = False
) -> KeyImportResult:
    """Register (or, with ``replace``, re-key) a partner office. Admin only.

    Raises:
        ValidationError: ``sync.key_self`` for the home office's own key.
        ConflictError: ``sync.key_different`` for another key of a known partner.
    """
    require(actor, Role.ADMIN)
    with db.uow() as uow:
        session = uow.session
        if key.code == home_office_code(session):
            raise ValidationError("sync.key_self", office=key.code)
        partner = session.execute(
            select(SyncPartner).where(SyncPartner.office_code == key.code)
        ).scalar()
        before = None
        if partner is not None:
            before = {"fingerprint": partner.fingerprint,
                      "encryption_fingerprint": partner.encryption_fingerprint}  # fmt: skip
            status = _update_partner(partner, key, replace=replace)
            if status == "unchanged":
                return KeyImportResult(key.code, registered_fingerprint(partner), status,
                                       partner.encryption_key is not None)  # fmt: skip
        else:
            partner = SyncPartner(
                office_code=key.code,
                office_uuid=key.uuid,
                public_key=key.public_key,
                fingerprint=key.signing_fingerprint,
            )
            _set_encryption(partner, key.encryption_key)
            session.add(partner)
            status = "registered"
        _adopt_placeholder(session, key)
        audit(
            session,
            actor,
            action="sync_key",
            entity="sync_partner",
            before=before,
            after={"office": key.code, "fingerprint": key.signing_fingerprint,
                   "encryption_fingerprint": partner.encryption_fingerprint},
            summary=f"{status} {key.code}",
        )  # fmt: skip
        uow.commit()
    return KeyImportResult(key.code, key.fingerprint, status, key.can_encrypt)


def _set_encryption(partner: SyncPartner, recipient: str | None) -> None:
    partner.encryption_key = recipient
    partner.encryption_fingerprint = age_keys.fingerprint(recipient) if recipient else None


def registered_fingerprint(partner: SyncPartner | OfficeKey) -> str:
    """The fingerprint read over the phone of a registered partner (or of this office's own
    keys): over both public keys once there is an encryption key."""
    if partner.encryption_key:
        return age_keys.combined_fingerprint(partner.public_key, partner.encryption_key)
    return partner.fingerprint


def _update_partner(partner: SyncPartner, key: PartnerKey, *, replace: bool) -> str:
    """A key file of a registered partner. The same signing key may add an encryption key
    (the partner upgraded) without ``replace``; another signing key, or another encryption
    key than the one registered, needs ``replace`` (the file itself is not signed, so a
    swapped key must be confirmed like a new partner). A file without an encryption key
    never removes the registered one."""
    same_signing = partner.public_key.strip() == key.public_key.strip()
    incoming = key.encryption_key
    if same_signing and (incoming is None or incoming == partner.encryption_key):
        return "unchanged"
    if same_signing and partner.encryption_key is None:
        _set_encryption(partner, incoming)
        return "encryption_added"
    if not replace:
        raise ConflictError(
            "sync.key_different",
            office=key.code,
            old=registered_fingerprint(partner),
            new=key.fingerprint,
        )
    partner.public_key = key.public_key
    partner.fingerprint = key.signing_fingerprint
    _set_encryption(partner, incoming)
    if key.uuid:
        partner.office_uuid = key.uuid
    return "replaced"


def _adopt_placeholder(session: Session, key: PartnerKey) -> None:
    """Give the ``init --parent`` placeholder of the partner's office the real uuid, and
    version 0 ("never written by its owner"), so the partner's first package updates it."""
    if not key.uuid:
        return
    office = session.execute(select(Office).where(Office.code == key.code)).scalar()
    taken = session.execute(select(Office.id).where(Office.uuid == key.uuid)).scalar()
    if office is None or office.uuid == key.uuid or taken is not None:
        return
    if office.origin_office != key.code or office.name != key.code:
        return
    session.execute(update(Office).where(Office.id == office.id).values(uuid=key.uuid, version=0))


def import_key(db: Database, actor: Actor, path: Path, *, replace: bool = False) -> KeyImportResult:
    """``sync keys import FILE [--replace]``."""
    return register_partner(db, actor, read_key_file(path), replace=replace)


def package_sender(path: Path) -> PartnerKey:
    """The sender's key as the package at ``path`` carries it (not yet trusted).

    Used by the GUI to show the fingerprint an admin must confirm (trust on first use), which
    is offered for an unencrypted first package only (issue 17.5): an encrypted package can only
    come from an office that already has this office's key file, so keys go by file first.

    Raises:
        ValidationError: ``sync.first_use_encrypted`` for an encrypted package.
    """
    from kinerja_desktop.sync.container import inspect_package
    from kinerja_desktop.sync.envelope import is_envelope

    with path.open("rb") as handle:
        if is_envelope(handle.read(64)):
            raise ValidationError("sync.first_use_encrypted", file=path.name, package=path.name)
    package = inspect_package(path)
    return partner_from_manifest(package.manifest, path.name)
