"""Two databases that are sync partners: the kecamatan (full demo, NGL) and one kelurahan.

Built once per session, registered with each other's keys, then copied per test. Import the
fixtures into a test module with ``from tests.sync.fixtures import *``.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.sync.partners import export_key, import_key

__all__ = [
    "Pair",
    "db_state",
    "know_office",
    "opened_zip",
    "pair",
    "pair_templates",
    "payload",
    "private_key",
    "read_json",
    "reseal",
    "rewrite_package",
    "sql",
    "unchanged",
]

# Office code -> database file, so tests can open (and re-seal) the v2 files offices exchange
# the way their addressee does: with the addressee's identity from its own database.
_OFFICES: dict[str, Path] = {}


def _key_row(path: Path) -> tuple[str, str, str, str, str]:
    if not isinstance(path, Path):  # a server database (issue 18): read it through the app
        from sqlalchemy import select

        from kinerja_desktop.services.common.database import Database
        from kinerja_desktop.storage.models import OfficeKey

        with Database.open(path) as db, db.uow() as uow:
            k = uow.session.execute(select(OfficeKey)).scalar_one()
            return (k.office_code, k.private_key, k.fingerprint, k.encryption_identity,
                    k.encryption_key)  # fmt: skip
    con = sqlite3.connect(path)
    try:
        return con.execute(
            "SELECT office_code, private_key, fingerprint, encryption_identity, encryption_key"
            " FROM office_keys"
        ).fetchone()
    finally:
        con.close()


def know_office(path: Path) -> str:
    """Remember the database at ``path`` under its office code; returns the code."""
    code = _key_row(path)[0]
    _OFFICES[code] = path
    return code


def payload(path: Path) -> bytes:
    """The decrypted payload of a v2 file (a zip, or a receipt's JSON), opened with its
    addressee's identity; a v1 file is returned as it is."""
    from kinerja_desktop.sync import envelope

    data = path.read_bytes()
    if not envelope.is_envelope(data):
        return data
    sealed = envelope.open_envelope(data, name=path.name)
    identity = _key_row(_OFFICES[sealed.addressee_code])[3]
    return envelope.decrypt(sealed, identity)


def opened_zip(path: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(payload(path)))


def read_json(path: Path) -> dict:
    """A receipt or refusal note as its addressee reads it."""
    return json.loads(payload(path).decode("utf-8"))


def reseal(source: Path, data: bytes, target: Path) -> Path:
    """``data`` sealed like the v2 file ``source`` (same sender and addressee, signed and
    encrypted with their real keys) into ``target``; a v1 ``source`` gives a plain file."""
    from kinerja_desktop.sync import envelope

    head = source.read_bytes()
    if not envelope.is_envelope(head):
        target.write_bytes(data)
        return target
    sealed = envelope.open_envelope(head, name=source.name)
    sender, private, fingerprint, _, _ = _key_row(_OFFICES[sealed.sender_code])
    recipient = _key_row(_OFFICES[sealed.addressee_code])[4]
    target.write_bytes(
        envelope.seal(
            data,
            sender_code=sender,
            signing_key=private,
            sender_signing_fingerprint=fingerprint,
            addressee_code=sealed.addressee_code,
            addressee_recipient=recipient,
        )
    )
    return target


@dataclass
class Pair:
    ngl: Path  # the kecamatan (regional) database
    grl: Path  # Kelurahan Gurun Laweh
    folder: Path

    def open(self, which: str) -> Database:
        return Database.open(self.ngl if which == "ngl" else self.grl)


@pytest.fixture(scope="session")
def pair_templates(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Pair:
    from kinerja_desktop.services.demo.build import build_demo

    folder = tmp_path_factory.mktemp("pair")
    ngl, grl = folder / "ngl.sqlite", folder / "grl.sqlite"
    shutil.copy(demo_db_path, ngl)
    build_demo(grl, office_code="NGL-GRL")
    with Database.open(ngl) as a, Database.open(grl) as b:
        export_key(a, folder / "ngl.key")
        export_key(b, folder / "grl.key")
        import_key(a, SYSTEM, folder / "grl.key")
        import_key(b, SYSTEM, folder / "ngl.key")
    return Pair(ngl, grl, folder)


@pytest.fixture
def pair(pair_templates: Pair, tmp_path: Path) -> Pair:
    ngl, grl = tmp_path / "ngl.sqlite", tmp_path / "grl.sqlite"
    shutil.copy(pair_templates.ngl, ngl)
    shutil.copy(pair_templates.grl, grl)
    shutil.copy(pair_templates.folder / "ngl.key", tmp_path / "ngl.key")
    shutil.copy(pair_templates.folder / "grl.key", tmp_path / "grl.key")
    know_office(ngl)
    know_office(grl)
    return Pair(ngl, grl, tmp_path)


def db_state(path: Path) -> str:
    """sha256 of the database file and its companions: equal means byte-for-byte unchanged."""
    digest = hashlib.sha256()
    for suffix in ("", "-wal", "-journal"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            digest.update(suffix.encode() + companion.read_bytes())
    return digest.hexdigest()


def _dump(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


@contextmanager
def unchanged(path: Path) -> Iterator[None]:
    """Assert that the block leaves the database unchanged (issue 13's meaning): the WAL is
    checkpointed away first; afterwards the main file's sha256 and ``iterdump()`` are equal
    and no ``-wal`` is left."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    wal = Path(f"{path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    dump = _dump(path)
    yield
    assert not wal.exists(), "a -wal file was left behind"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, "the database file changed"
    assert _dump(path) == dump, "the database content changed"


def rewrite_package(
    source: Path,
    target: Path,
    *,
    change: dict[str, bytes | None] | None = None,
    manifest: dict | None = None,
    keep_manifest_bytes: bool = False,
    sign_with: str | None = None,
) -> Path:
    """Copy a package, replacing members (``None`` drops one) and optionally the manifest.

    ``keep_manifest_bytes`` leaves manifest.json and its signature as they were (a member then
    no longer matches its checksum); otherwise sizes and sha256 are recomputed and the
    manifest is signed with ``sign_with`` (a private PEM) or left with the old signature.

    The result is sealed again like ``source`` (:func:`reseal`): the changes are made to the
    zip inside, so the receiver's checks after decryption are what is tested.
    """
    from kinerja_desktop.sync import keys

    with opened_zip(source) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    old_manifest = members.pop("manifest.json")
    signature = members.pop("manifest.sig")
    for name, data in (change or {}).items():
        if data is None:
            members.pop(name, None)
        else:
            members[name] = data
    if keep_manifest_bytes:
        body = old_manifest
    else:
        parsed = manifest if manifest is not None else json.loads(old_manifest)
        parsed["members"] = [
            {"path": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
            for n, d in members.items()
        ]
        body = json.dumps(parsed, indent=1, sort_keys=True).encode()
        if sign_with:
            signature = keys.sign(sign_with, body)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", body)
        zf.writestr("manifest.sig", signature)
        for name, data in members.items():
            zf.writestr(name, data)
    return reseal(source, buffer.getvalue(), target)


def private_key(path: Path) -> str:
    """The home office's private key PEM of the database at ``path`` (to re-sign in tests)."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT private_key FROM office_keys").fetchone()[0]
    finally:
        con.close()


def sql(path: Path, statement: str, *params: object) -> list[tuple]:
    """Run one SQL statement on a closed database file (test set-up only)."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        with con:
            rows = con.execute(statement, params).fetchall()
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return rows
    finally:
        con.close()
