"""Container v2 between offices (issue 17): only the addressee can open a package or a receipt,
the envelope is checked before anything is decrypted, and the transition decides what happens
with partners that have no encryption key yet."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyrage
import pytest

from kinerja_desktop.config import DbAddress
from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.services.admin.setup import init_office
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.services.sync.partners import export_key, import_key
from kinerja_desktop.services.sync.receipts import read_receipt_file
from kinerja_desktop.sync import age_keys, envelope, keys
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, payload, sql, unchanged

TRANSITION = "sync_encryption_transition"


def _export(pair: Pair, src: str = "grl", **kwargs: object) -> Path:
    to = "NGL" if src == "grl" else "NGL-GRL"
    with pair.open(src) as db:
        return Path(export_package(db, SYSTEM, pair.folder / f"from-{src}", to=to, **kwargs).path)


def _refused(db_path: Path, path: Path, code: str) -> str:
    with unchanged(db_path), Database.open(db_path) as db, pytest.raises(KinerjaError) as caught:
        import_package(db, SYSTEM, path)
    assert caught.value.code == code, caught.value.params
    message = describe(caught.value)
    assert path.name in message
    return message


def _keys_of(path: DbAddress) -> tuple[str, str, str, str, str]:
    (row,) = sql(
        path,
        "SELECT office_code, private_key, fingerprint, encryption_identity, encryption_key"
        " FROM office_keys",
    )
    return row


def _set_transition(path: Path, on: bool) -> None:
    sql(path, "DELETE FROM settings WHERE key = ?", TRANSITION)
    sql(path, "INSERT INTO settings (key, value) VALUES (?, ?)", TRANSITION, json.dumps(on))


def _klp(pair: Pair) -> Path:
    """A third office, Kelurahan Kampung Lapai, that knows the kecamatan."""
    klp = pair.folder / "klp.sqlite"
    init_office(klp, code="NGL-KLP", name="Kelurahan Kampung Lapai", kind=OfficeKind.KELURAHAN,
                parent_code="NGL", admin_password="rahasia-kantor")  # fmt: skip
    with Database.open(klp) as db:
        import_key(db, SYSTEM, pair.folder / "ngl.key")
    return klp


def test_package_and_receipt_are_sealed_and_the_loop_closes(pair: Pair) -> None:
    path = _export(pair)
    head = path.read_bytes()[:400]
    assert envelope.is_envelope(head) and b"PK\x03\x04" not in path.read_bytes()[:4096]
    sealed = envelope.read_envelope(path)
    assert (sealed.sender_code, sealed.addressee_code) == ("NGL-GRL", "NGL")
    with Database.open(pair.ngl) as db:
        summary = import_package(db, SYSTEM, path)
    assert summary.status == "applied" and summary.warnings == ()
    # The package is known by the sha256 of the whole file it came as.
    assert sql(pair.ngl, "SELECT sha256 FROM sync_packages WHERE direction = 'in'") == [
        (hashlib.sha256(path.read_bytes()).hexdigest(),)
    ]
    receipt = path.parent / "RECEIPT-NGL-GRL-1.json"
    assert envelope.read_envelope(receipt).addressee_code == "NGL-GRL"
    with Database.open(pair.grl) as db:
        result = read_receipt_file(db, SYSTEM, receipt)
    assert result.totals_agree and result.delivered > 300 and result.warnings == ()


def test_a_package_for_grl_cannot_be_opened_at_klp_or_without_grls_key(pair: Pair) -> None:
    down = _export(pair, "ngl")
    klp = _klp(pair)
    message = _refused(klp, down, "sync.envelope_addressee")
    assert "NGL-GRL" in message
    # Also at an office that has no encryption key yet: the addressee is named first.
    sql(klp, "UPDATE office_keys SET encryption_key = NULL, encryption_identity = NULL")
    assert "NGL-GRL" in _refused(klp, down, "sync.envelope_addressee")
    fresh = age_keys.generate_key_pair()
    sql(klp, "UPDATE office_keys SET encryption_key = ?, encryption_identity = ?",
        fresh.recipient, fresh.identity)  # fmt: skip
    # Not with KLP's key, nor the kecamatan's own: only NGL-GRL's identity opens it.
    sealed = envelope.read_envelope(down)
    for other in (klp, pair.ngl):
        with pytest.raises(pyrage.DecryptError):
            pyrage.decrypt(sealed.payload, [age_keys.parse_identity(_keys_of(other)[3])])
    assert payload(down).startswith(b"PK")  # NGL-GRL's key does
    # An envelope rewritten to name KLP no longer carries the kecamatan's signature.
    klp_fp = age_keys.fingerprint(_keys_of(klp)[4])
    data = down.read_bytes()
    renamed = data.replace(b'"code":"NGL-GRL"', b'"code":"NGL-KLP"', 1).replace(
        sealed.addressee_encryption_fingerprint.encode(), klp_fp.encode(), 1
    )
    forged = down.with_name("forged.kinerja")
    forged.write_bytes(renamed)
    assert "NGL" in _refused(klp, forged, "sync.envelope_signature")


@pytest.mark.parametrize("where", ["header", "payload", "truncated"])
def test_tampered_envelope_is_refused(pair: Pair, where: str) -> None:
    path = _export(pair)
    data = bytearray(path.read_bytes())
    if where == "header":
        at = data.index(b'"format_version":"2.0"')
        data[at : at + 22] = b'"format_version":"2.1"'
    elif where == "payload":
        data[-100] ^= 0x01
    else:
        del data[len(data) // 2 :]
    bad = path.with_name(f"{where}.kinerja")
    bad.write_bytes(bytes(data))
    _refused(pair.ngl, bad, "sync.envelope_signature")


def test_unknown_sender_and_damaged_envelope(pair: Pair) -> None:
    path = _export(pair)
    bad = path.with_name("junk.kinerja")
    bad.write_bytes(envelope.MAGIC + b"{not json\n")
    _refused(pair.ngl, bad, "sync.envelope_bad")
    sql(pair.ngl, "DELETE FROM sync_partners WHERE office_code = 'NGL-GRL'")
    assert "NGL-GRL" in _refused(pair.ngl, path, "sync.unknown_office")


def test_payload_encrypted_to_another_key_is_refused(pair: Pair, tmp_path: Path) -> None:
    """A validly signed envelope naming the kecamatan's key over a payload for another key."""
    path = _export(pair)
    plain = payload(path)
    sender, private, fingerprint, _, _ = _keys_of(pair.grl)
    other = age_keys.generate_key_pair()
    # Header honest about the other key: refused before decrypting.
    bad = tmp_path / "other-named.kinerja"
    bad.write_bytes(envelope.seal(plain, sender_code=sender, signing_key=private,
                                  sender_signing_fingerprint=fingerprint, addressee_code="NGL",
                                  addressee_recipient=other.recipient))  # fmt: skip
    _refused(pair.ngl, bad, "sync.envelope_other_key")
    # Header claiming the kecamatan's key: age finds no stanza for it.
    signed = envelope.MAGIC + envelope._header_bytes(
        sender, fingerprint, "NGL", age_keys.fingerprint(_keys_of(pair.ngl)[4])
    )
    ciphertext = pyrage.encrypt(plain, [age_keys.parse_recipient(other.recipient)])
    signature = keys.sign(private, signed + hashlib.sha256(ciphertext).digest())
    lying = tmp_path / "lying.kinerja"
    lying.write_bytes(signed + __import__("base64").b64encode(signature) + b"\n" + ciphertext)
    _refused(pair.ngl, lying, "sync.envelope_other_key")


def test_no_nip_name_or_birth_date_in_a_package_or_receipt(pair: Pair) -> None:
    """Every NIP, name and birth date of both databases is searched for in the bytes of the
    packages both ways and of their receipts (one listing a conflict by its NIP)."""
    query = "SELECT nip, name, birth_date FROM employees"
    people = sql(pair.grl, query) + sql(pair.ngl, query)
    assert len(people) > 50
    first = sql(pair.grl, "SELECT uuid, nip FROM employees WHERE origin_office = 'NGL-GRL' "
                          "LIMIT 1")[0]  # fmt: skip
    path = _export(pair)
    with Database.open(pair.ngl) as db:
        import_package(db, SYSTEM, path)
    sql(pair.ngl, "UPDATE employees SET phone = 'kec', version = version + 5 WHERE uuid = ?",
        first[0])  # fmt: skip
    sql(pair.grl, "UPDATE employees SET phone = 'kel', version = version + 1 WHERE uuid = ?",
        first[0])  # fmt: skip
    second = _export(pair)
    with Database.open(pair.ngl) as db:
        assert import_package(db, SYSTEM, second).counts["conflicts"] == 1
    down = _export(pair, "ngl", full=True)
    with Database.open(pair.grl) as db:
        assert import_package(db, SYSTEM, down).status == "applied"
    receipt = second.parent / "RECEIPT-NGL-GRL-2.json"
    files = [path, second, path.parent / "RECEIPT-NGL-GRL-1.json", receipt, down,
             down.parent / "RECEIPT-NGL-1.json"]  # fmt: skip
    secrets = {str(v).encode() for row in people for v in row if v}
    for file in files:
        data = _readable(file.read_bytes())
        found = [s for s in secrets if s in data]
        assert found == [], f"{file.name} shows {found[:3]}"
    # The search would find them: they are there once decrypted.
    assert first[1].encode() in payload(receipt)
    own = [r[0].encode() for r in sql(pair.grl, "SELECT nip FROM employees WHERE "
                                                 "origin_office = 'NGL-GRL'")]  # fmt: skip
    assert len(own) > 5 and all(nip in _readable(payload(path)) for nip in own)
    assert any(s in _readable(payload(down)) for s in secrets)  # the penilai's record


def _readable(data: bytes) -> bytes:
    """What anyone holding ``data`` reads without a key: the bytes, and the members unpacked
    if the bytes are a zip (deflate hides text from a plain byte search)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return data + b"".join(zf.read(name) for name in zf.namelist())
    except zipfile.BadZipFile:
        return data


def test_transition_off_refuses_unencrypted_both_ways(pair: Pair) -> None:
    _set_transition(pair.ngl, False)  # the demo starts in the transition, like an upgrade
    sql(pair.ngl, "UPDATE sync_partners SET encryption_key = NULL, encryption_fingerprint = NULL")
    with pair.open("ngl") as db, pytest.raises(KinerjaError) as caught:
        export_package(db, SYSTEM, pair.folder / "down", to="NGL-GRL")
    assert caught.value.code == "sync.partner_no_encryption"
    assert "NGL-GRL" in describe(caught.value) and "berkas kunci" in describe(caught.value)
    assert not list((pair.folder / "down").glob("*.kinerja"))
    # An unencrypted package (an older version's, or one sent during the transition).
    sql(pair.grl, "UPDATE sync_partners SET encryption_key = NULL, encryption_fingerprint = NULL")
    _set_transition(pair.grl, True)
    plain = _export(pair)
    assert plain.read_bytes().startswith(b"PK")
    message = _refused(pair.ngl, plain, "sync.unencrypted_refused")
    assert "kunci" in message
    # A sealed package from a partner whose encryption key is not registered here: its receipt
    # could only go back unencrypted, so it is refused too, naming the partner.
    sql(pair.grl, "UPDATE sync_partners SET encryption_key = ?, encryption_fingerprint = ?",
        _keys_of(pair.ngl)[4], age_keys.fingerprint(_keys_of(pair.ngl)[4]))  # fmt: skip
    sealed = _export(pair)
    assert envelope.is_envelope(sealed.read_bytes())
    assert "NGL-GRL" in _refused(pair.ngl, sealed, "sync.partner_no_encryption")


def test_transition_on_sends_and_accepts_unencrypted_with_warnings(pair: Pair) -> None:
    for db_path in (pair.ngl, pair.grl):
        _set_transition(db_path, True)
        sql(db_path, "UPDATE sync_partners SET encryption_key = NULL, "
                     "encryption_fingerprint = NULL")  # fmt: skip
    with pair.open("grl") as db:
        result = export_package(db, SYSTEM, pair.folder / "up", to="NGL")
    assert not result.encrypted and result.warning == "sync.sent_unencrypted"
    path = Path(result.path)
    assert path.read_bytes().startswith(b"PK")
    with pair.open("ngl") as db:
        summary = import_package(db, SYSTEM, path)
    assert summary.status == "applied" and summary.warnings == ("sync.received_unencrypted",)
    assert "tidak terenkripsi" in summary.message() and "NGL-GRL" in summary.message()
    assert "warnings" in summary.as_json()
    receipt = path.parent / "RECEIPT-NGL-GRL-1.json"
    assert json.loads(receipt.read_text("utf-8"))["format"] == "kinerja-receipt"
    with pair.open("grl") as db:
        assert read_receipt_file(db, SYSTEM, receipt).warnings == ("sync.received_unencrypted",)


def test_key_file_upgrade_adds_the_encryption_key_without_replace(pair: Pair) -> None:
    """A partner registered from an older key file (no encryption key) gets one from its new
    key file with the same signing key; another signing key still needs ``replace``."""
    old = json.loads((pair.folder / "grl.key").read_text("utf-8"))
    for name in ("encryption_key", "encryption_fingerprint", "combined_fingerprint"):
        old.pop(name)
    older = pair.folder / "grl-old.key"
    older.write_text(json.dumps(old), "utf-8")
    sql(pair.ngl, "DELETE FROM sync_partners WHERE office_code = 'NGL-GRL'")
    with Database.open(pair.ngl) as db:
        assert import_key(db, SYSTEM, older).fingerprint == old["fingerprint"]
        assert sql(pair.ngl, "SELECT encryption_key FROM sync_partners") == [(None,)]
        result = import_key(db, SYSTEM, pair.folder / "grl.key")
        assert result.status == "encryption_added"
        assert import_key(db, SYSTEM, pair.folder / "grl.key").status == "unchanged"
        assert import_key(db, SYSTEM, older).status == "unchanged"  # never removes it
    new = json.loads((pair.folder / "grl.key").read_text("utf-8"))
    assert result.fingerprint == new["combined_fingerprint"] != new["fingerprint"]
    assert sql(pair.ngl, "SELECT encryption_key FROM sync_partners") == [(new["encryption_key"],)]
    # A swapped encryption key (same signing key) is a different key: replace needed.
    swapped = dict(new, encryption_key=age_keys.generate_key_pair().recipient)
    for name in ("encryption_fingerprint", "combined_fingerprint"):
        swapped.pop(name)
    other = pair.folder / "grl-swapped.key"
    other.write_text(json.dumps(swapped), "utf-8")
    with Database.open(pair.ngl) as db, pytest.raises(KinerjaError) as caught:
        import_key(db, SYSTEM, other)
    assert caught.value.code == "sync.key_different"
    # A file whose stated combined fingerprint does not match its keys is refused.
    lying = dict(new, combined_fingerprint="0000 0000 0000 0000 0000 0000 0000 0000")
    other.write_text(json.dumps(lying), "utf-8")
    with Database.open(pair.ngl) as db, pytest.raises(KinerjaError) as caught:
        import_key(db, SYSTEM, other)
    assert caught.value.code == "sync.key_bad"


def test_database_without_encryption_key_makes_one_when_needed(pair: Pair) -> None:
    sql(pair.grl, "UPDATE office_keys SET encryption_key = NULL, encryption_identity = NULL")
    with Database.open(pair.grl) as db:
        export_key(db, pair.folder / "grl-new.key")
    body = json.loads((pair.folder / "grl-new.key").read_text("utf-8"))
    stored = _keys_of(pair.grl)
    assert stored[4] == body["encryption_key"] and age_keys.recipient_of(stored[3]) == stored[4]
    with Database.open(pair.ngl) as db:
        import_key(db, SYSTEM, pair.folder / "grl-new.key", replace=True)
    down = _export(pair, "ngl")
    with Database.open(pair.grl) as db:
        assert import_package(db, SYSTEM, down).status == "applied"


def test_a_database_set_up_now_starts_without_the_transition(pair: Pair) -> None:
    klp = _klp(pair)
    assert sql(klp, "SELECT value FROM settings WHERE key = ?", TRANSITION) == [("false",)]
    stored = _keys_of(klp)
    assert stored[4].startswith("age1") and age_keys.recipient_of(stored[3]) == stored[4]


def test_stock_age_tool_opens_an_exported_package_with_the_office_identity(
    pair: Pair, tmp_path: Path
) -> None:
    """The emergency path the README gives: ``tail -n +4 PACKAGE | age -d -i identity``."""
    import shutil
    import subprocess

    binary = shutil.which("age") or shutil.which("rage")
    if binary is None:
        pytest.skip("neither age nor rage is installed here")
    path = _export(pair)
    identity = tmp_path / "identity.txt"
    identity.write_text(_keys_of(pair.ngl)[3] + "\n", "ascii")
    tail = subprocess.run(["tail", "-n", "+4", str(path)], capture_output=True, check=True)
    done = subprocess.run([binary, "-d", "-i", str(identity)], input=tail.stdout,
                          capture_output=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == payload(path) and done.stdout.startswith(b"PK")


def test_sealed_receipt_is_read_after_the_transition_without_the_receivers_encryption_key(
    pair: Pair,
) -> None:
    """Reading a receipt answers nothing, so it needs only the signing key of its sender."""
    _set_transition(pair.grl, False)
    path = _export(pair)
    with Database.open(pair.ngl) as db:
        import_package(db, SYSTEM, path)
    sql(pair.grl, "UPDATE sync_partners SET encryption_key = NULL, encryption_fingerprint = NULL")
    with Database.open(pair.grl) as db:
        result = read_receipt_file(db, SYSTEM, path.parent / "RECEIPT-NGL-GRL-1.json")
    assert result.totals_agree and result.warnings == ()


def test_seeded_demo_identity_is_a_stock_age_identity(pair: Pair) -> None:
    """The demo's encryption keys come from its seed (two builds stay identical); the text
    is age's own bech32 form: pyrage reads it back and a generated identity round-trips."""
    identity, recipient = _keys_of(pair.grl)[3:]
    assert identity.startswith("AGE-SECRET-KEY-1") and age_keys.recipient_of(identity) == recipient
    generated = age_keys.generate_key_pair().identity
    charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    bits = 0
    for char in generated.lower().split("1", 1)[1][:-6]:
        bits = bits << 5 | charset.index(char)
    assert age_keys.identity_from_secret((bits >> 4).to_bytes(32, "big")) == generated
