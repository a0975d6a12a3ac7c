"""Ed25519 key pairs of offices: make, serialise, fingerprint, sign and verify.

A fingerprint is what an admin compares by phone before trusting a partner's key: the first 16
bytes of the SHA-256 of the raw public key, in hex groups of four.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.offices import validate_office_code


@dataclass(frozen=True)
class KeyPair:
    """PEM texts of a key pair and the public key's fingerprint."""

    public_pem: str
    private_pem: str
    fingerprint: str


def fingerprint(public_pem: str) -> str:
    """``AB12 CD34 ...`` (8 groups) identifying a public key."""
    key = serialization.load_pem_public_key(public_pem.encode("ascii"))
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    digest = hashlib.sha256(raw).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def generate_key_pair() -> KeyPair:
    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )
    return KeyPair(
        public_pem=public_pem, private_pem=private_pem, fingerprint=fingerprint(public_pem)
    )


def sign(private_pem: str, data: bytes) -> bytes:
    key = serialization.load_pem_private_key(private_pem.encode("ascii"), password=None)
    assert isinstance(key, Ed25519PrivateKey)
    return key.sign(data)


def verify(public_pem: str, data: bytes, signature: bytes) -> bool:
    key = serialization.load_pem_public_key(public_pem.encode("ascii"))
    assert isinstance(key, Ed25519PublicKey)
    try:
        key.verify(signature, data)
    except InvalidSignature:
        return False
    return True


def partner_office_code(value: object, *, file: str) -> str:
    """The office code a key file (or a package's sender block) names, checked as it stands.

    The code later becomes part of file names (``RECEIPT-<code>-<seq>.json``), so it is
    refused here, before anything is registered, unless it is already a canonical code: a
    lower-case or padded code is refused too rather than silently changed, because packages
    from that office must name the very same code.

    Raises:
        ValidationError: ``office.code_invalid`` (or ``office.code_required``) with ``file``.
    """
    if not isinstance(value, str):
        raise ValidationError("office.code_invalid", file=file, field="code", value=repr(value))
    try:
        cleaned = validate_office_code(value)
    except ValidationError as exc:
        raise ValidationError(exc.code, file=file, field="code", value=value) from exc
    if cleaned != value:
        raise ValidationError("office.code_invalid", file=file, field="code", value=value)
    return cleaned
