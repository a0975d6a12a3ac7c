"""Container v2 at the edges of sync (issue 17): which key a package, receipt or refusal note
is encrypted to, and opening one that arrives, before any of today's checks.

Sending: to a partner whose key file carried an encryption key, the file is sealed
(:mod:`kinerja_desktop.sync.envelope`); to one without, only during the transition
(:data:`~kinerja_desktop.services.admin.keys.TRANSITION_KEY`), unencrypted with a warning
naming the partner; otherwise refused, saying to exchange key files again.

Receiving: the envelope is read first (addressee, then the sender's registration and the
envelope's signature), then the payload is decrypted under the size and ratio limits into a
temp file outside the package's folder, deleted afterwards; an unencrypted file is accepted
only during the transition, with a warning.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.admin.keys import transition_on
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.sync.partners import home_key
from kinerja_desktop.storage.models import SyncPartner
from kinerja_desktop.sync import envelope
from kinerja_desktop.sync.container import Limits, Package, inspect_package
from kinerja_desktop.sync.receipt import MAX_RECEIPT, write_atomic

#: Warning codes (domain/messages/sync.py), with ``office`` as their parameter.
SENT_PLAIN = "sync.sent_unencrypted"
RECEIVED_PLAIN = "sync.received_unencrypted"


@dataclass(frozen=True)
class Outgoing:
    """How a file goes to ``addressee``: sealed to ``recipient``, or plain (None)."""

    sender: str
    signing_key: str
    signing_fingerprint: str
    addressee: str
    recipient: str | None

    @property
    def warning(self) -> str:
        return SENT_PLAIN if self.recipient is None else ""

    def seal_file(self, plain: Path, target: Path) -> str:
        """Seal the file ``plain`` into ``target``; its sha256."""
        assert self.recipient is not None
        return envelope.seal_file(plain, target, **self._parties())

    def write_bytes(self, data: bytes, target: Path) -> Path:
        """``data`` written to ``target``, sealed unless the transition lets it go plain."""
        if self.recipient is not None:
            data = envelope.seal(data, **self._parties())
        write_atomic(target, data)
        return target

    def _parties(self) -> dict[str, str]:
        assert self.recipient is not None
        return {
            "sender_code": self.sender,
            "signing_key": self.signing_key,
            "sender_signing_fingerprint": self.signing_fingerprint,
            "addressee_code": self.addressee,
            "addressee_recipient": self.recipient,
        }


def _partner(session: Session, code: str) -> SyncPartner | None:
    return session.execute(select(SyncPartner).where(SyncPartner.office_code == code)).scalar()


def outgoing(session: Session, addressee: str) -> Outgoing:
    """How to write a file for the registered partner ``addressee``.

    Raises:
        ValidationError: ``sync.partner_no_encryption`` when the partner has no encryption
            key and the transition is over; ``sync.unknown_partner``.
    """
    key = home_key(session)
    partner = _partner(session, addressee)
    if partner is None:
        raise ValidationError("sync.unknown_partner", office=addressee)
    recipient = partner.encryption_key
    if recipient is None and not transition_on(session):
        raise ValidationError("sync.partner_no_encryption", office=addressee)
    return Outgoing(key.office_code, key.private_key, key.fingerprint, addressee, recipient)


@dataclass(frozen=True)
class Opened:
    package: Package
    warnings: tuple[str, ...] = ()


def _refuse(code: str, name: str, **params: object) -> ValidationError:
    return ValidationError(code, file=name, package=name, **params)


def _plain_allowed(db: Database, name: str) -> None:
    with db.uow() as uow:
        if not transition_on(uow.session):
            raise _refuse("sync.unencrypted_refused", name)


def _unsealing_key(db: Database, sealed: envelope.Envelope, *, answered: bool) -> str:
    """This office's identity, once the envelope is for it and signed by a registered
    partner; refuses otherwise, naming the intended addressee or the sender. ``answered``:
    a receipt goes back to the sender (a package), so its encryption key must be known."""
    with db.uow() as uow:
        session = uow.session
        key = home_key(session)
        mine = sealed.addressee_code == key.office_code
        if mine and not (key.encryption_identity and key.encryption_key):
            raise _refuse("sync.no_encryption_key", sealed.name, office=key.office_code)
        # another addressee is named before this office's key is looked at
        envelope.check_addressee(sealed, home_code=key.office_code,
                                 home_recipient=key.encryption_key or "")  # fmt: skip
        if sealed.sender_code == key.office_code:
            raise _refuse("sync.own_package", sealed.name, office=sealed.sender_code)
        partner = _partner(session, sealed.sender_code)
        if partner is None:
            raise _refuse("sync.unknown_office", sealed.name, office=sealed.sender_code,
                          fingerprint=sealed.sender_signing_fingerprint)  # fmt: skip
        envelope.verify(sealed, partner.public_key)
        if answered and partner.encryption_key is None and not transition_on(session):
            # its receipt could only go back unencrypted
            raise _refuse("sync.partner_no_encryption", sealed.name, office=partner.office_code)
        return key.encryption_identity


def _is_sealed(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return envelope.is_envelope(handle.read(len(envelope.MAGIC)))
    except OSError:
        return False  # the container's own checks name a missing or unreadable file


@contextmanager
def opened_package(db: Database, path: Path, *, limits: Limits) -> Iterator[Opened]:
    """The package in ``path`` inspected (manifest read, not yet verified), decrypted first
    when sealed; the temp file holding the decrypted zip is removed when the block ends."""
    if not _is_sealed(path):
        if path.is_file():
            _plain_allowed(db, path.name)
        yield Opened(inspect_package(path, limits=limits), (RECEIVED_PLAIN,))
        return
    sealed = envelope.read_envelope(path, max_file=limits.max_file)
    identity = _unsealing_key(db, sealed, answered=True)
    handle, temp = tempfile.mkstemp(prefix="kinerja-", suffix=".zip")
    try:
        with os.fdopen(handle, "wb") as out:
            envelope.decrypt_into(sealed, identity, out, max_size=limits.max_file)
        sender_code, sha256 = sealed.sender_code, sealed.sha256
        del sealed  # the encrypted payload, held whole, is not kept through the import
        package = inspect_package(Path(temp), limits=limits, label=path.name, sha256=sha256)
        # The envelope's signer vouches for the package; the manifest's addressee is checked
        # against this office like today's (so it equals the envelope's).
        if package.manifest["sender"]["code"] != sender_code:
            raise _refuse("sync.envelope_bad", path.name, reason="sender")
        yield Opened(package)
    finally:
        Path(temp).unlink(missing_ok=True)


def read_sealed_receipt(db: Database, path: Path) -> tuple[bytes, str, tuple[str, ...]]:
    """``(document bytes, sealing sender or "", warnings)`` of a receipt or refusal note."""
    if not _is_sealed(path):
        _plain_allowed(db, path.name)
        try:
            if path.stat().st_size > MAX_RECEIPT:
                raise _refuse("sync.receipt_bad", path.name)
            return path.read_bytes(), "", (RECEIVED_PLAIN,)
        except OSError as exc:
            raise _refuse("sync.receipt_bad", path.name) from exc
    sealed = envelope.read_envelope(path, max_file=MAX_RECEIPT)
    identity = _unsealing_key(db, sealed, answered=False)
    data = envelope.decrypt(sealed, identity, max_size=MAX_RECEIPT)
    return data, sealed.sender_code, ()
