"""Container v2: a short signed cleartext envelope followed by an age-encrypted payload.

A v2 file (a package, a receipt or a refusal note) is three text lines and the payload::

    kinerja-envelope
    {"addressee":{"code":..,"encryption_key":..},"format":..,"format_version":"2.0","sender":{..}}
    <base64 Ed25519 signature over the first two lines and the payload's sha256>
    age-encryption.org/v1 ...                 (the payload, stock age binary format)

The signature covers the exact bytes of the first two lines followed by the 32-byte SHA-256
digest of the payload, so the sender vouches for this very ciphertext: age alone does not say
who encrypted, and a genuine header must not be re-usable over another payload.
The header names only the format, its version, the sender's office code and signing-key
fingerprint, and the addressee's office code and encryption-key fingerprint: no names, no NIPs.
The payload (today's zip, or a receipt's JSON) is encrypted to the addressee's X25519 recipient,
so in an emergency an administrator can run
``tail -n +4 FILE | age -d -i office-identity.txt > payload`` with the stock tool.

Reading goes in steps so nothing is trusted early: :func:`open_envelope` parses and bounds-checks
the header without decrypting; the receiver then checks the addressee
(:func:`check_addressee`) and the sender's signature (:func:`verify`) with the key it has
registered for that sender, and only then :func:`decrypt` (or :func:`decrypt_into`) streams the
payload out under a size cap, stopping a bomb at the first chunk past the cap.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyrage
from pyrage import x25519

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.sync import age_keys, keys

MAGIC = b"kinerja-envelope\n"
ENVELOPE_FORMAT = "kinerja-envelope"
ENVELOPE_VERSION = "2.0"
AGE_MAGIC = b"age-encryption.org/v1\n"
# The header holds two codes and two fingerprints; anything longer is not ours.
MAX_HEADER = 2048
MAX_SIGNATURE_LINE = 128
DEFAULT_MAX_FILE = 2 * 1024**3
DEFAULT_MAX_SIZE = 2 * 1024**3
# age output is never longer than its input (it adds 16 bytes a 64 KiB chunk and a header):
# a decoder yielding more plaintext than ciphertext is broken or hostile. Small payloads may
# use the floor so a tiny package is never refused for its ratio.
DEFAULT_MAX_RATIO = 1.0
RATIO_FLOOR = 1024 * 1024
_FINGERPRINT = re.compile(r"[0-9A-F]{4}( [0-9A-F]{4}){7}")


@dataclass(frozen=True)
class Envelope:
    """An opened (not yet verified, not decrypted) v2 file."""

    name: str  # the file name, for messages
    sha256: str  # of the whole file: identifies a package (replay, receipts)
    sender_code: str
    sender_signing_fingerprint: str
    addressee_code: str
    addressee_encryption_fingerprint: str
    signed_bytes: bytes  # the magic line and the header line, exactly as read
    signature: bytes
    payload_digest: bytes  # SHA-256 of ``payload``, the signature's last 32 bytes
    payload: bytes  # the age file


def _refuse(code: str, name: str, **params: Any) -> ValidationError:
    return ValidationError(code, file=name or None, package=name, **params)


def _header_bytes(
    sender_code: str, sender_fp: str, addressee_code: str, addressee_fp: str
) -> bytes:
    header = {
        "format": ENVELOPE_FORMAT,
        "format_version": ENVELOPE_VERSION,
        "sender": {"code": sender_code, "signing_key": sender_fp},
        "addressee": {"code": addressee_code, "encryption_key": addressee_fp},
    }
    text = json.dumps(header, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return text.encode("ascii") + b"\n"


def seal(
    payload: bytes,
    *,
    sender_code: str,
    signing_key: str,
    sender_signing_fingerprint: str,
    addressee_code: str,
    addressee_recipient: str,
) -> bytes:
    """The v2 bytes of ``payload`` from ``sender_code`` to ``addressee_code``.

    Args:
        signing_key: the sender's Ed25519 private key (PKCS8 PEM, as :mod:`.keys` stores it).
        addressee_recipient: the addressee's ``age1...`` public key from its key file.

    Raises:
        ValidationError: ``office.code_invalid`` for a code that is not canonical,
            ``sync.key_bad`` for a recipient that is not an X25519 age key.
    """
    for code in (sender_code, addressee_code):
        keys.partner_office_code(code, file="")
    if not _FINGERPRINT.fullmatch(sender_signing_fingerprint):
        raise ValidationError("sync.key_bad", package="")
    recipient = age_keys.parse_recipient(addressee_recipient)
    signed = MAGIC + _header_bytes(
        sender_code,
        sender_signing_fingerprint,
        addressee_code,
        age_keys.fingerprint(str(recipient)),
    )
    ciphertext = pyrage.encrypt(payload, [recipient])
    digest = hashlib.sha256(ciphertext).digest()
    signature = base64.b64encode(keys.sign(signing_key, signed + digest)) + b"\n"
    return signed + signature + ciphertext


class _HashingWriter:
    """Where ``pyrage.encrypt_io`` writes the payload: the target file, hashed on the way."""

    def __init__(self, target: IO[bytes]) -> None:
        self.target = target
        self.digest = hashlib.sha256()

    def write(self, chunk: bytes) -> int:
        self.digest.update(chunk)
        return self.target.write(chunk)

    def flush(self) -> None:
        self.target.flush()


_SIGNATURE_LINE = 89  # base64 of 64 bytes and the newline


def seal_file(
    source: Path,
    target: Path,
    *,
    sender_code: str,
    signing_key: str,
    sender_signing_fingerprint: str,
    addressee_code: str,
    addressee_recipient: str,
) -> str:
    """:func:`seal` of the file ``source`` into ``target``, streamed; returns the sha256 of
    ``target``. Written atomically (a temp file beside ``target``, then renamed): only
    ciphertext ever reaches the target's folder (a USB stick, a shared folder).

    The signature's place is reserved and filled once the payload's digest is known, so the
    payload is encrypted in one pass and never held in memory.
    """
    for code in (sender_code, addressee_code):
        keys.partner_office_code(code, file="")
    if not _FINGERPRINT.fullmatch(sender_signing_fingerprint):
        raise ValidationError("sync.key_bad", package="")
    recipient = age_keys.parse_recipient(addressee_recipient)
    signed = MAGIC + _header_bytes(
        sender_code,
        sender_signing_fingerprint,
        addressee_code,
        age_keys.fingerprint(str(recipient)),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(target.name + ".tmp")
    try:
        with temp.open("w+b") as out, source.open("rb") as plain:
            out.write(signed + b" " * (_SIGNATURE_LINE - 1) + b"\n")
            sink = _HashingWriter(out)
            pyrage.encrypt_io(plain, sink, [recipient])
            signature = base64.b64encode(keys.sign(signing_key, signed + sink.digest.digest()))
            assert len(signature) == _SIGNATURE_LINE - 1
            out.seek(len(signed))
            out.write(signature)
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    digest = hashlib.sha256()
    with target.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def is_envelope(prefix: bytes) -> bool:
    """Whether a file starting with ``prefix`` is a v2 file (a v1 package starts ``PK``)."""
    return prefix.startswith(MAGIC)


def _line(data: bytes, start: int, limit: int, name: str, reason: str) -> tuple[bytes, int]:
    end = data.find(b"\n", start, start + limit + 1)
    if end < 0:
        raise _refuse("sync.envelope_bad", name, reason=reason)
    return data[start:end], end + 1


def _party(header: dict[str, Any], role: str, key_field: str, name: str) -> tuple[str, str]:
    block = header.get(role)
    if not isinstance(block, dict):
        raise _refuse("sync.envelope_bad", name, reason=role)
    fingerprint = block.get(key_field)
    if not isinstance(fingerprint, str) or not _FINGERPRINT.fullmatch(fingerprint):
        raise _refuse("sync.envelope_bad", name, reason=role)
    # The codes later become parts of file names: refused here unless canonical.
    return keys.partner_office_code(block.get("code"), file=name), fingerprint


def _parse_header(line: bytes, name: str) -> dict[str, Any]:
    try:
        header = json.loads(line.decode("ascii"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise _refuse("sync.envelope_bad", name, reason="header") from exc
    if not isinstance(header, dict) or header.get("format") != ENVELOPE_FORMAT:
        raise _refuse("sync.envelope_bad", name, reason="format")
    version = header.get("format_version")
    if not isinstance(version, str) or version.split(".", 1)[0] != ENVELOPE_VERSION[0]:
        raise _refuse(
            "sync.envelope_version", name, version=str(version)[:20], supported=ENVELOPE_VERSION
        )
    return header


def open_envelope(data: bytes, *, name: str = "", max_file: int = DEFAULT_MAX_FILE) -> Envelope:
    """Parse and bounds-check a v2 file's envelope; nothing is decrypted or trusted yet.

    Raises:
        ValidationError: ``sync.envelope_too_large``, ``sync.not_envelope`` (a v1 zip or any
            other file), ``sync.envelope_version``, ``sync.envelope_bad``,
            ``office.code_invalid``.
    """
    if len(data) > max_file:
        raise _refuse("sync.envelope_too_large", name, limit=max_file, size=len(data))
    if not is_envelope(data):
        raise _refuse("sync.not_envelope", name)
    header_line, start = _line(data, len(MAGIC), MAX_HEADER, name, "header")
    header = _parse_header(header_line, name)
    sender_code, sender_fp = _party(header, "sender", "signing_key", name)
    addressee_code, addressee_fp = _party(header, "addressee", "encryption_key", name)
    signature_line, start = _line(data, start, MAX_SIGNATURE_LINE, name, "signature")
    try:
        signature = base64.b64decode(signature_line, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise _refuse("sync.envelope_bad", name, reason="signature") from exc
    if len(signature) != 64:
        raise _refuse("sync.envelope_bad", name, reason="signature")
    if not data.startswith(AGE_MAGIC, start):
        raise _refuse("sync.envelope_bad", name, reason="payload")
    return Envelope(
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        sender_code=sender_code,
        sender_signing_fingerprint=sender_fp,
        addressee_code=addressee_code,
        addressee_encryption_fingerprint=addressee_fp,
        signed_bytes=data[: len(MAGIC) + len(header_line) + 1],
        signature=signature,
        payload_digest=hashlib.sha256(memoryview(data)[start:]).digest(),
        payload=data[start:],
    )


def read_envelope(path: Path, *, max_file: int = DEFAULT_MAX_FILE) -> Envelope:
    """:func:`open_envelope` of a file, refusing a missing or oversized one before reading it.

    Raises:
        ValidationError: ``sync.not_found``, ``sync.not_zip`` (unreadable), and every
            refusal of :func:`open_envelope`.
    """
    try:
        if not path.is_file():
            raise _refuse("sync.not_found", path.name, path=str(path))
        size = path.stat().st_size
        if size > max_file:
            raise _refuse("sync.envelope_too_large", path.name, limit=max_file, size=size)
        data = path.read_bytes()
    except OSError as exc:
        raise _refuse("sync.not_zip", path.name) from exc
    return open_envelope(data, name=path.name, max_file=max_file)


def check_addressee(envelope: Envelope, *, home_code: str, home_recipient: str) -> None:
    """Refuse a file that is not for this office or not for its current encryption key.

    Raises:
        ValidationError: ``sync.envelope_addressee`` naming the intended office,
            ``sync.envelope_other_key`` when the code is ours but the key is not.
    """
    if envelope.addressee_code != home_code:
        raise _refuse(
            "sync.envelope_addressee",
            envelope.name,
            addressee=envelope.addressee_code,
            home=home_code,
        )
    own = age_keys.fingerprint(home_recipient)
    if envelope.addressee_encryption_fingerprint != own:
        raise _refuse(
            "sync.envelope_other_key",
            envelope.name,
            home=home_code,
            fingerprint=envelope.addressee_encryption_fingerprint,
            own=own,
        )


def verify(envelope: Envelope, sender_public_key: str) -> None:
    """Check the envelope's signature with the sender's registered Ed25519 public key (PEM).

    Raises:
        ValidationError: ``sync.envelope_signature`` naming the sender office.
    """
    ok = envelope.sender_signing_fingerprint == keys.fingerprint(sender_public_key) and (
        keys.verify(
            sender_public_key, envelope.signed_bytes + envelope.payload_digest, envelope.signature
        )
    )
    if not ok:
        raise _refuse("sync.envelope_signature", envelope.name, office=envelope.sender_code)


class _TooLarge(Exception):
    """Raised inside the age stream by :class:`_CappedWriter`; pyrage passes it through."""


class _SinkFailed(Exception):
    """The target itself failed (a full disk): re-raised as its own error, not as damage."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class _CappedWriter:
    """A sink for ``pyrage.decrypt_io`` that stops the stream once it passes ``limit``."""

    def __init__(self, target: IO[bytes], limit: int) -> None:
        self.target = target
        self.limit = limit
        self.written = 0

    def write(self, chunk: bytes) -> int:
        self.written += len(chunk)
        if self.written > self.limit:
            raise _TooLarge
        try:
            return self.target.write(chunk)
        except OSError as exc:
            raise _SinkFailed(exc) from exc

    def flush(self) -> None:
        self.target.flush()


def _identity(identity: str | x25519.Identity) -> x25519.Identity:
    if isinstance(identity, x25519.Identity):
        return identity
    return age_keys.parse_identity(identity)


def decrypt_into(
    envelope: Envelope,
    identity: str | x25519.Identity,
    target: IO[bytes],
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    max_ratio: float = DEFAULT_MAX_RATIO,
) -> int:
    """Stream the decrypted payload into ``target`` (a temp file, say); return its size.

    The cap is ``max_size``, lowered to ``max_ratio`` times the encrypted size (never below
    :data:`RATIO_FLOOR`); the stream stops at the first chunk past it, so a bomb never sits
    whole in memory or on disk. What was written before a refusal must be discarded.

    Raises:
        ValidationError: ``sync.envelope_other_key`` (not encrypted to this identity),
            ``sync.envelope_damaged`` (truncated or altered payload),
            ``sync.envelope_too_large``.
    """
    key = _identity(identity)
    own = age_keys.fingerprint(str(key.to_public()))
    if envelope.addressee_encryption_fingerprint != own:
        raise _refuse(
            "sync.envelope_other_key",
            envelope.name,
            home=envelope.addressee_code,
            fingerprint=envelope.addressee_encryption_fingerprint,
            own=own,
        )
    limit = min(max_size, max(RATIO_FLOOR, int(max_ratio * len(envelope.payload))))
    sink = _CappedWriter(target, limit)
    try:
        pyrage.decrypt_io(io.BytesIO(envelope.payload), sink, [key])
    except _TooLarge as exc:
        raise _refuse(
            "sync.envelope_too_large", envelope.name, limit=limit, size=sink.written
        ) from exc
    except _SinkFailed as exc:
        raise exc.error from exc
    except (pyrage.DecryptError, OSError) as exc:  # age reports a bad chunk as an OSError
        # The header's fingerprint is signed but says nothing of the real age stanza: a
        # sender may still have encrypted to a key other than the one it named.
        code = "sync.envelope_other_key" if "No matching keys" in str(exc) else ""
        if code:
            raise _refuse(
                code, envelope.name, home=envelope.addressee_code, fingerprint="?", own=own
            ) from exc
        raise _refuse("sync.envelope_damaged", envelope.name) from exc
    return sink.written


def decrypt(
    envelope: Envelope,
    identity: str | x25519.Identity,
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    max_ratio: float = DEFAULT_MAX_RATIO,
) -> bytes:
    """The decrypted payload in memory (see :func:`decrypt_into` for the limits and errors)."""
    buffer = io.BytesIO()
    decrypt_into(envelope, identity, buffer, max_size=max_size, max_ratio=max_ratio)
    return buffer.getvalue()
