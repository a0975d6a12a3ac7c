"""Container v2 (issue 17): the signed envelope and the age-encrypted payload, as an adapter.

No database: three offices' keys are made here. NGL-KLP sends to NGL-GRL; NGL-KLP's own
encryption identity stands for "anyone else's key".
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage
import pytest
from pyrage import x25519

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.sync import age_keys, envelope, keys

NIP = "199001012015031001"
NAME = "Siti Rahmawati"
BIRTH = "1990-01-01"


@dataclass(frozen=True)
class Office:
    code: str
    signing: keys.KeyPair
    encryption: age_keys.EncryptionKeyPair


@pytest.fixture(scope="module")
def klp() -> Office:
    return Office("NGL-KLP", keys.generate_key_pair(), age_keys.generate_key_pair())


@pytest.fixture(scope="module")
def grl() -> Office:
    return Office("NGL-GRL", keys.generate_key_pair(), age_keys.generate_key_pair())


def payload_zip() -> bytes:
    """A v1-like package zip whose members hold a NIP, a name and a birth date in clear."""
    row = {"nip": NIP, "nama": NAME, "tanggal_lahir": BIRTH}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("manifest.json", json.dumps({"sender": {"code": "NGL-KLP"}}))
        zf.writestr("employees.jsonl", json.dumps(row) + "\n")
    return buffer.getvalue()


def seal(payload: bytes, sender: Office, addressee: Office, recipient: str = "") -> bytes:
    return envelope.seal(
        payload,
        sender_code=sender.code,
        signing_key=sender.signing.private_pem,
        sender_signing_fingerprint=sender.signing.fingerprint,
        addressee_code=addressee.code,
        addressee_recipient=recipient or addressee.encryption.recipient,
    )


def refused(code: str, call: Callable[..., object], *args: Any, **kwargs: Any) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code, describe(caught.value)
    return caught.value


def test_round_trip(klp: Office, grl: Office) -> None:
    payload = payload_zip()
    data = seal(payload, klp, grl)
    opened = envelope.open_envelope(data, name="KINERJA-NGL-KLP-20260101-1.kinerja")
    assert opened.sender_code == "NGL-KLP"
    assert opened.sender_signing_fingerprint == klp.signing.fingerprint
    assert opened.addressee_code == "NGL-GRL"
    assert opened.addressee_encryption_fingerprint == grl.encryption.fingerprint
    assert opened.sha256 == hashlib.sha256(data).hexdigest()
    envelope.check_addressee(opened, home_code="NGL-GRL", home_recipient=grl.encryption.recipient)
    envelope.verify(opened, klp.signing.public_pem)
    assert envelope.decrypt(opened, grl.encryption.identity) == payload
    target = io.BytesIO()
    size = envelope.decrypt_into(opened, x25519.Identity.from_str(grl.encryption.identity), target)
    assert (size, target.getvalue()) == (len(payload), payload)


def test_the_file_holds_no_personal_data_and_the_header_only_its_fields(
    klp: Office, grl: Office
) -> None:
    payload = payload_zip()
    assert NIP.encode() in payload and NAME.encode() in payload  # the zip itself is clear text
    data = seal(payload, klp, grl)
    for secret in (NIP, NAME, BIRTH, NIP[:8], "Siti", "tanggal_lahir", "employees"):
        assert secret.encode() not in data, secret
        assert secret.encode("utf-16-le") not in data, secret
    lines = data.split(b"\n", 3)
    assert lines[0] == b"kinerja-envelope"
    header = json.loads(lines[1])
    assert header == {
        "format": "kinerja-envelope",
        "format_version": "2.0",
        "sender": {"code": "NGL-KLP", "signing_key": klp.signing.fingerprint},
        "addressee": {"code": "NGL-GRL", "encryption_key": grl.encryption.fingerprint},
    }


def test_a_package_for_ngl_grl_cannot_be_opened_at_ngl_klp(klp: Office, grl: Office) -> None:
    data = seal(payload_zip(), klp, grl)
    opened = envelope.open_envelope(data, name="p.kinerja")
    error = refused(
        "sync.envelope_addressee",
        envelope.check_addressee,
        opened,
        home_code="NGL-KLP",
        home_recipient=klp.encryption.recipient,
    )
    assert "untuk kantor NGL-GRL" in describe(error)
    assert "NGL-KLP" in describe(error)
    # Past the check, KLP's identity still cannot decrypt: refused with a clear message...
    error = refused("sync.envelope_other_key", envelope.decrypt, opened, klp.encryption.identity)
    assert grl.encryption.fingerprint in describe(error)
    # ...and the cryptography agrees, without the adapter's fingerprint check in the way.
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(opened.payload, [x25519.Identity.from_str(klp.encryption.identity)])


def test_the_right_office_with_a_replaced_key_is_told_so(klp: Office, grl: Office) -> None:
    opened = envelope.open_envelope(seal(b"x", klp, grl), name="p.kinerja")
    renewed = age_keys.generate_key_pair()
    refused(
        "sync.envelope_other_key",
        envelope.check_addressee,
        opened,
        home_code="NGL-GRL",
        home_recipient=renewed.recipient,
    )


def test_every_changed_byte_of_the_envelope_is_refused(klp: Office, grl: Office) -> None:
    data = seal(b"payload", klp, grl)
    signed = len(envelope.open_envelope(data).signed_bytes)
    signature_end = data.index(b"\n", signed) + 1
    for position in range(signature_end):  # every byte of magic, header and signature
        tampered = bytearray(data)
        tampered[position] ^= 0x01
        with pytest.raises(ValidationError):
            envelope.verify(envelope.open_envelope(bytes(tampered)), klp.signing.public_pem)
    # A changed payload byte fails the signature before anything is decrypted.
    tampered = bytearray(data)
    tampered[-3] ^= 0x01
    opened = envelope.open_envelope(bytes(tampered))
    refused("sync.envelope_signature", envelope.verify, opened, klp.signing.public_pem)


def test_a_readable_header_changed_by_one_byte_fails_the_signature(
    klp: Office, grl: Office
) -> None:
    data = seal(b"payload", klp, grl)
    tampered = data.replace(b'"NGL-GRL"', b'"NGL-GRK"', 1)
    assert len(tampered) == len(data) and tampered != data
    opened = envelope.open_envelope(tampered, name="p.kinerja")
    assert opened.addressee_code == "NGL-GRK"
    error = refused("sync.envelope_signature", envelope.verify, opened, klp.signing.public_pem)
    assert "NGL-KLP" in describe(error)
    # Signed by KLP, checked against GRL's key: the same refusal.
    genuine = envelope.open_envelope(data)
    refused("sync.envelope_signature", envelope.verify, genuine, grl.signing.public_pem)


def test_a_genuine_envelope_over_another_payload_fails_the_signature(
    klp: Office, grl: Office
) -> None:
    """Anyone can encrypt to GRL's public key; only KLP can vouch for what it sent."""
    genuine = seal(b"rows KLP sent", klp, grl)
    stranger = seal(b"rows KLP never sent", grl, grl)  # same addressee, another sender
    envelope_part = genuine[: len(genuine) - len(payload_part(genuine))]
    swapped = envelope_part + payload_part(stranger)
    opened = envelope.open_envelope(swapped, name="p.kinerja")
    assert opened.signed_bytes == envelope.open_envelope(genuine).signed_bytes
    assert envelope.decrypt(opened, grl.encryption.identity) == b"rows KLP never sent"
    refused("sync.envelope_signature", envelope.verify, opened, klp.signing.public_pem)


def test_a_payload_encrypted_to_another_key_than_the_header_names(klp: Office, grl: Office) -> None:
    """A signed header naming GRL's key over a payload a sender encrypted to KLP's key."""
    data = seal(b"secret rows", klp, grl, recipient=klp.encryption.recipient)
    lines = data.split(b"\n", 3)
    header = lines[1].replace(
        klp.encryption.fingerprint.encode(), grl.encryption.fingerprint.encode()
    )
    signed = lines[0] + b"\n" + header + b"\n"
    digest = hashlib.sha256(lines[3]).digest()
    signature = base64.b64encode(keys.sign(klp.signing.private_pem, signed + digest))
    forged = signed + signature + b"\n" + lines[3]
    opened = envelope.open_envelope(forged, name="p.kinerja")
    envelope.check_addressee(opened, home_code="NGL-GRL", home_recipient=grl.encryption.recipient)
    envelope.verify(opened, klp.signing.public_pem)
    refused("sync.envelope_other_key", envelope.decrypt, opened, grl.encryption.identity)


def test_an_oversized_payload_is_stopped_before_it_is_all_out(klp: Office, grl: Office) -> None:
    payload = bytes(8 * 1024 * 1024)
    opened = envelope.open_envelope(seal(payload, klp, grl), name="big.kinerja")
    target = io.BytesIO()
    limit = 1024 * 1024
    error = refused(
        "sync.envelope_too_large",
        envelope.decrypt_into,
        opened,
        grl.encryption.identity,
        target,
        max_size=limit,
    )
    assert error.params["limit"] == limit
    # The stream stopped at the first chunk past the cap: the sink never held more than it.
    assert len(target.getvalue()) <= limit
    assert error.params["size"] < 2 * limit < len(payload)
    refused(
        "sync.envelope_too_large", envelope.decrypt, opened, grl.encryption.identity, max_size=limit
    )


def test_the_ratio_cap_stops_the_stream_too(klp: Office, grl: Office) -> None:
    """age never inflates, so the ratio cap is a backstop; it must still stop the stream."""
    payload = bytes(8 * 1024 * 1024)
    opened = envelope.open_envelope(seal(payload, klp, grl))
    target = io.BytesIO()
    error = refused(
        "sync.envelope_too_large",
        envelope.decrypt_into,
        opened,
        grl.encryption.identity,
        target,
        max_ratio=0.25,
    )
    assert error.params["limit"] == len(opened.payload) // 4
    assert len(target.getvalue()) <= error.params["limit"]
    # Small payloads are never refused for their ratio (the floor).
    small = envelope.open_envelope(seal(b"tiny", klp, grl))
    assert envelope.decrypt(small, grl.encryption.identity, max_ratio=0.01) == b"tiny"


def test_an_oversized_file_is_refused_before_its_envelope_is_read(klp: Office, grl: Office) -> None:
    data = seal(bytes(4096), klp, grl)
    refused("sync.envelope_too_large", envelope.open_envelope, data, max_file=len(data) - 1)


def test_what_is_not_an_envelope(klp: Office, grl: Office) -> None:
    v1 = payload_zip()
    assert not envelope.is_envelope(v1[:64])
    refused("sync.not_envelope", envelope.open_envelope, v1, name="old.kinerja")
    refused("sync.not_envelope", envelope.open_envelope, b"")
    data = seal(b"x", klp, grl)
    assert envelope.is_envelope(data[:64])
    newer = data.replace(b'"format_version":"2.0"', b'"format_version":"3.0"')
    error = refused("sync.envelope_version", envelope.open_envelope, newer, name="new.kinerja")
    assert "3.0" in describe(error) and "2.0" in describe(error)
    minor = data.replace(b'"format_version":"2.0"', b'"format_version":"2.1"')
    assert envelope.open_envelope(minor).addressee_code == "NGL-GRL"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ((b'{"addressee"', b'["addressee"'), "sync.envelope_bad"),
        ((b'"format":"kinerja-envelope"', b'"format":"kinerja-elsewise"'), "sync.envelope_bad"),
        ((b'"NGL-GRL"', b'"../GRL"'), "office.code_invalid"),
        ((b'"NGL-GRL"', b'"ngl-grl"'), "office.code_invalid"),
        ((b"age-encryption.org/v1", b"zip-encryption.org/v1"), "sync.envelope_bad"),
        ((b"==\nage", b"=!\nage"), "sync.envelope_bad"),
    ],
)
def test_a_malformed_envelope_is_refused_without_decrypting(
    klp: Office, grl: Office, change: tuple[bytes, bytes], code: str
) -> None:
    data = seal(b"x", klp, grl)
    assert change[0] in data
    refused(code, envelope.open_envelope, data.replace(change[0], change[1], 1), name="p")


def test_an_endless_header_line_is_refused(klp: Office, grl: Office) -> None:
    padded = envelope.MAGIC + b'{"format":"' + b"a" * 100_000
    refused("sync.envelope_bad", envelope.open_envelope, padded)


def test_a_truncated_or_altered_payload_is_damaged(klp: Office, grl: Office) -> None:
    data = seal(bytes(300_000), klp, grl)
    opened = envelope.open_envelope(data[:-1000])
    refused("sync.envelope_damaged", envelope.decrypt, opened, grl.encryption.identity)
    altered = bytearray(data)
    altered[-5] ^= 0xFF
    opened = envelope.open_envelope(bytes(altered))
    refused("sync.envelope_damaged", envelope.decrypt, opened, grl.encryption.identity)


def test_sealing_checks_its_inputs(klp: Office, grl: Office) -> None:
    refused("sync.key_bad", seal, b"x", klp, grl, recipient="age1notakey")
    refused("sync.key_bad", seal, b"x", klp, grl, recipient=klp.signing.public_pem)
    lower = Office("ngl-grl", grl.signing, grl.encryption)
    refused("office.code_invalid", seal, b"x", klp, lower)


def payload_part(data: bytes) -> bytes:
    """What ``tail -n +4 FILE`` gives an administrator: the payload, a stock age file."""
    return data.split(b"\n", 3)[3]


def test_the_payload_is_a_stock_age_file(klp: Office, grl: Office) -> None:
    payload = payload_zip()
    data = seal(payload, klp, grl)
    part = payload_part(data)
    assert part.startswith(b"age-encryption.org/v1\n-> X25519 ")
    identity = x25519.Identity.from_str(grl.encryption.identity)
    assert pyrage.decrypt(part, [identity]) == payload


@pytest.mark.parametrize("tool", ["age", "rage"])
def test_the_stock_tool_decrypts_the_payload(
    klp: Office, grl: Office, tool: str, tmp_path: Path
) -> None:
    binary = shutil.which(tool)
    if binary is None:
        pytest.skip(f"the {tool} command is not installed here; pyrage's check above stands")
    payload = payload_zip()
    package = tmp_path / "KINERJA-NGL-KLP-20260101-1.kinerja"
    package.write_bytes(seal(payload, klp, grl))
    identity_file = tmp_path / "ngl-grl-identity.txt"
    identity_file.write_text(grl.encryption.identity + "\n", "ascii")
    tail = subprocess.run(["tail", "-n", "+4", str(package)], capture_output=True, check=True)
    done = subprocess.run(
        [binary, "-d", "-i", str(identity_file)], input=tail.stdout, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == payload


def test_encryption_keys_and_fingerprints(klp: Office, grl: Office) -> None:
    pair = grl.encryption
    assert pair.recipient.startswith("age1") and pair.identity.startswith("AGE-SECRET-KEY-1")
    assert age_keys.recipient_of(pair.identity) == pair.recipient
    assert age_keys.fingerprint(pair.recipient.upper()) == pair.fingerprint
    assert len(pair.fingerprint) == len(klp.signing.fingerprint) == 39
    combined = age_keys.combined_fingerprint(grl.signing.public_pem, pair.recipient)
    assert combined not in (pair.fingerprint, grl.signing.fingerprint)
    # It covers both keys: a change of either changes what is read over the phone.
    assert age_keys.combined_fingerprint(klp.signing.public_pem, pair.recipient) != combined
    assert (
        age_keys.combined_fingerprint(grl.signing.public_pem, klp.encryption.recipient) != combined
    )
    refused("sync.no_encryption_key", age_keys.parse_identity, "AGE-SECRET-KEY-1nope")


def test_key_file_fields_round_trip_and_are_checked(klp: Office, grl: Office) -> None:
    pem = grl.signing.public_pem
    fields = age_keys.key_file_fields(pem, grl.encryption.recipient)
    assert fields == {
        "encryption_key": grl.encryption.recipient,
        "encryption_fingerprint": grl.encryption.fingerprint,
        "combined_fingerprint": age_keys.combined_fingerprint(pem, grl.encryption.recipient),
    }
    body = {"format": "kinerja-key", "public_key": pem, **fields}
    found = age_keys.read_key_file_fields(body, pem, file="NGL-GRL.key")
    assert found == (grl.encryption.recipient, grl.encryption.fingerprint)
    assert age_keys.read_key_file_fields({"public_key": pem}, pem, file="old.key") is None
    swapped = body | {"encryption_key": klp.encryption.recipient}
    refused("sync.key_bad", age_keys.read_key_file_fields, swapped, pem, file="NGL-GRL.key")
    other_signer = klp.signing.public_pem
    refused("sync.key_bad", age_keys.read_key_file_fields, body, other_signer, file="x.key")
    broken = body | {"encryption_key": "age1broken"}
    refused("sync.key_bad", age_keys.read_key_file_fields, broken, pem, file="x.key")
