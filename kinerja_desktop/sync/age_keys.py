"""X25519 encryption keys of offices (age format): make, check, fingerprint, serialise.

Each office has an encryption key pair beside its Ed25519 signing key (:mod:`.keys`). Packages
and receipts are encrypted to the addressee's *recipient* (``age1...``, the public key); the
*identity* (``AGE-SECRET-KEY-1...``, the private key) stays in the office's database. Both are
the stock age text forms, so an administrator can decrypt a package with the ``age`` or
``rage`` tool and the office's identity in an emergency.

Fingerprints read like the signing key's (8 groups of four hex digits). The one read over the
phone is :func:`combined_fingerprint`: it covers both public keys, so a key file whose
encryption key was swapped in transit no longer matches what the partner reads out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from pyrage import IdentityError, RecipientError, x25519

from kinerja_desktop.domain.errors import ValidationError

# Field names of the office key file (``kinerja-key``) for the encryption key; the signing
# key keeps its ``public_key`` and ``fingerprint``.
ENCRYPTION_KEY_FIELD = "encryption_key"
ENCRYPTION_FINGERPRINT_FIELD = "encryption_fingerprint"
COMBINED_FINGERPRINT_FIELD = "combined_fingerprint"
# Domain separation: a combined digest can never equal a digest of one key alone.
_COMBINED_TAG = b"kinerja-office-keys/1\n"


@dataclass(frozen=True)
class EncryptionKeyPair:
    """The age texts of an office's encryption key pair and the recipient's fingerprint."""

    recipient: str  # age1..., shared in the key file
    identity: str  # AGE-SECRET-KEY-1..., kept in the database
    fingerprint: str


def _grouped(digest: bytes) -> str:
    text = digest.hex()[:32].upper()
    return " ".join(text[i : i + 4] for i in range(0, 32, 4))


def parse_recipient(text: object, *, file: str = "") -> x25519.Recipient:
    """The recipient an ``age1...`` text names.

    Raises:
        ValidationError: ``sync.key_bad`` for anything that is not an X25519 recipient.
    """
    if not isinstance(text, str) or not text.lower().startswith("age1") or len(text) > 200:
        raise ValidationError("sync.key_bad", file=file or None, package=file)
    try:
        return x25519.Recipient.from_str(text)
    except RecipientError as exc:
        raise ValidationError("sync.key_bad", file=file or None, package=file) from exc


def parse_identity(text: str, *, office: str = "?") -> x25519.Identity:
    """The identity of an ``AGE-SECRET-KEY-1...`` text (from this office's own database).

    Raises:
        ValidationError: ``sync.no_encryption_key`` when the stored text is not an identity.
    """
    try:
        return x25519.Identity.from_str(text.strip())
    except (IdentityError, ValueError) as exc:
        raise ValidationError("sync.no_encryption_key", office=office) from exc


def canonical_recipient(text: str) -> str:
    """The recipient in age's own spelling (bech32 is case-insensitive; age writes it lower)."""
    return str(parse_recipient(text))


def fingerprint(recipient: str) -> str:
    """``AB12 CD34 ...`` identifying an encryption public key."""
    return _grouped(hashlib.sha256(canonical_recipient(recipient).encode("ascii")).digest())


def _raw_signing_key(public_pem: str) -> bytes:
    key = serialization.load_pem_public_key(public_pem.encode("ascii"))
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def combined_fingerprint(signing_public_pem: str, recipient: str) -> str:
    """The fingerprint read over the phone: one digest over both public keys."""
    digest = hashlib.sha256(
        _COMBINED_TAG
        + _raw_signing_key(signing_public_pem)
        + b"\n"
        + canonical_recipient(recipient).encode("ascii")
    ).digest()
    return _grouped(digest)


def generate_key_pair() -> EncryptionKeyPair:
    identity = x25519.Identity.generate()
    recipient = str(identity.to_public())
    return EncryptionKeyPair(
        recipient=recipient, identity=str(identity), fingerprint=fingerprint(recipient)
    )


_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_GEN = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: list[int]) -> int:
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for i, gen in enumerate(_BECH32_GEN):
            check ^= gen if (top >> i) & 1 else 0
    return check


def identity_from_secret(secret: bytes) -> str:
    """The ``AGE-SECRET-KEY-1...`` text of a 32-byte X25519 secret (bech32, as age writes it).

    For the demo, whose keys are derived from a seed so that two builds are byte-identical;
    real offices use :func:`generate_key_pair`.
    """
    if len(secret) != 32:
        raise ValueError("an X25519 secret is 32 bytes")
    hrp = "age-secret-key-"
    bits = int.from_bytes(secret, "big") << 4  # 256 bits padded to 52 groups of five
    data = [(bits >> (5 * i)) & 31 for i in range(51, -1, -1)]
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    mod = _polymod(expanded + data + [0] * 6) ^ 1
    checksum = [(mod >> (5 * (5 - i))) & 31 for i in range(6)]
    return (hrp + "1" + "".join(_BECH32[d] for d in data + checksum)).upper()


def recipient_of(identity: str) -> str:
    """The public recipient belonging to a stored identity."""
    return str(parse_identity(identity).to_public())


def key_file_fields(signing_public_pem: str, recipient: str) -> dict[str, str]:
    """The encryption fields an office key file carries beside its signing key."""
    canonical = canonical_recipient(recipient)
    return {
        ENCRYPTION_KEY_FIELD: canonical,
        ENCRYPTION_FINGERPRINT_FIELD: fingerprint(canonical),
        COMBINED_FINGERPRINT_FIELD: combined_fingerprint(signing_public_pem, canonical),
    }


def read_key_file_fields(
    body: dict[str, Any], signing_public_pem: str, *, file: str
) -> tuple[str, str] | None:
    """``(recipient, fingerprint)`` from a key file's body, or None for an older key file.

    The fingerprints written in the file are recomputed, never trusted: a file whose stated
    fingerprints disagree with its keys is damaged or forged.

    Raises:
        ValidationError: ``sync.key_bad`` for a malformed or inconsistent encryption key.
    """
    if ENCRYPTION_KEY_FIELD not in body:
        return None
    recipient = str(parse_recipient(body[ENCRYPTION_KEY_FIELD], file=file))
    expected = key_file_fields(signing_public_pem, recipient)
    for name in (ENCRYPTION_FINGERPRINT_FIELD, COMBINED_FINGERPRINT_FIELD):
        if name in body and body[name] != expected[name]:
            raise ValidationError("sync.key_bad", file=file, package=file)
    return recipient, expected[ENCRYPTION_FINGERPRINT_FIELD]
