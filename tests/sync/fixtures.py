"""Two databases that are sync partners: the kecamatan (full demo, NGL) and one kelurahan.

Built once per session, registered with each other's keys, then copied per test. Import the
fixtures into a test module with ``from tests.sync.fixtures import *``.

``pair`` runs on both engines (issue 18) where ``db_engine`` is parametrised: on ``sqlite`` both
offices are files; on ``postgresql`` the kecamatan (the regional tier) is a server database,
copied per test from a template with ``CREATE DATABASE … TEMPLATE``, and the kelurahan stays a
file. The helpers (:func:`sql`, :func:`unchanged`, :func:`db_state`, :func:`private_key`) take
either address.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from kinerja_desktop.config import DbAddress, parse_db_address
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.sync.partners import export_key, import_key
from tests import pg_support

__all__ = [
    "Pair",
    "db_state",
    "grl_template",
    "know_office",
    "opened_zip",
    "pair",
    "pair_templates",
    "payload",
    "pg_pair_templates",
    "private_key",
    "read_json",
    "reseal",
    "rewrite_package",
    "sql",
    "unchanged",
]

# Office code -> database file, so tests can open (and re-seal) the v2 files offices exchange
# the way their addressee does: with the addressee's identity from its own database.
_OFFICES: dict[str, DbAddress] = {}


def _key_row(path: DbAddress) -> tuple[str, str, str, str, str]:
    (row,) = sql(
        path,
        "SELECT office_code, private_key, fingerprint, encryption_identity, encryption_key"
        " FROM office_keys",
    )
    return row


def know_office(path: DbAddress) -> str:
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
    ngl: DbAddress  # the kecamatan (regional) database: a file, or a server database
    grl: Path  # Kelurahan Gurun Laweh, always a file
    folder: Path

    def open(self, which: str) -> Database:
        return Database.open(self.ngl if which == "ngl" else self.grl)


@pytest.fixture(scope="session")
def grl_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kelurahan's demo, built once, not yet knowing its kecamatan's key."""
    from kinerja_desktop.services.demo.build import build_demo

    grl = tmp_path_factory.mktemp("grl") / "grl.sqlite"
    build_demo(grl, office_code="NGL-GRL")
    return grl


def _register(ngl: DbAddress, grl_template: Path, folder: Path) -> Pair:
    """``ngl`` and a copy of the kelurahan in ``folder``, each holding the other's key."""
    grl = folder / "grl.sqlite"
    shutil.copy(grl_template, grl)
    with Database.open(ngl) as a, Database.open(grl) as b:
        export_key(a, folder / "ngl.key")
        export_key(b, folder / "grl.key")
        import_key(a, SYSTEM, folder / "grl.key")
        import_key(b, SYSTEM, folder / "ngl.key")
    return Pair(ngl, grl, folder)


@pytest.fixture(scope="session")
def pair_templates(
    demo_db_path: Path, grl_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Pair:
    folder = tmp_path_factory.mktemp("pair")
    shutil.copy(demo_db_path, folder / "ngl.sqlite")
    return _register(folder / "ngl.sqlite", grl_template, folder)


@pytest.fixture(scope="session")
def pg_pair_templates(
    pg_demo_template: str, grl_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pair]:
    """The pair with the kecamatan on the PostgreSQL server: a template database (the demo
    with the kelurahan's key registered) and the kelurahan's file that knows its key."""
    name = pg_support.new_name("kinerja_tpl_pair")
    url = pg_support.create_database(name, template=pg_demo_template)
    try:
        yield _register(parse_db_address(url), grl_template, tmp_path_factory.mktemp("pgpair"))
    finally:
        pg_support.drop_database(name)


@pytest.fixture
def pair(
    db_engine: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Pair]:
    """This test's own pair, copied from the templates of its engine (``db_engine``): on
    PostgreSQL the kecamatan is a ``CREATE DATABASE … TEMPLATE`` copy, dropped afterwards."""
    if db_engine == "postgresql":
        templates: Pair = request.getfixturevalue("pg_pair_templates")
        # A server database keeps its files (evidence) in this PC's data folder: the test's own.
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
        template = pg_support.name_of(templates.ngl.url)  # type: ignore[union-attr]
        context = pg_support.temporary_database("kinerja_pair", template=template)
    else:
        templates = request.getfixturevalue("pair_templates")
        context = _copied(templates.ngl, tmp_path / "ngl.sqlite")  # type: ignore[arg-type]
    with context as found:
        ngl = parse_db_address(found) if isinstance(found, str) else found
        grl = tmp_path / "grl.sqlite"
        shutil.copy(templates.grl, grl)
        shutil.copy(templates.folder / "ngl.key", tmp_path / "ngl.key")
        shutil.copy(templates.folder / "grl.key", tmp_path / "grl.key")
        know_office(ngl)
        know_office(grl)
        yield Pair(ngl, grl, tmp_path)


@contextmanager
def _copied(source: Path, target: Path) -> Iterator[Path]:
    shutil.copy(source, target)
    yield target


def db_state(path: DbAddress) -> str:
    """A digest of the database: equal means unchanged. For a file, sha256 of the file and its
    companions (byte for byte); for a server database, of every row of every table."""
    digest = hashlib.sha256()
    if not isinstance(path, Path):
        digest.update(repr(pg_support.dump_rows(path)).encode())
        return digest.hexdigest()
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
def unchanged(path: DbAddress) -> Iterator[None]:
    """Assert that the block leaves the database unchanged (issue 13's meaning). A file: the WAL
    is checkpointed away first; afterwards the main file's sha256 and ``iterdump()`` are equal
    and no ``-wal`` is left. A server database: every row of every table is equal."""
    if not isinstance(path, Path):
        rows = pg_support.dump_rows(path)
        yield
        assert pg_support.dump_rows(path) == rows, "the database content changed"
        return
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


def private_key(path: DbAddress) -> str:
    """The home office's private key PEM of the database at ``path`` (to re-sign in tests)."""
    return _key_row(path)[1]


# A ``?`` outside quotes; a quoted literal is matched whole so that a ``?`` in it stays text.
_PLACEHOLDER = re.compile(r"'(?:[^']|'')*'|\?")


def _as_sqlite_gives(value: object) -> object:
    """A server's value as sqlite3 hands the same column back, so one expected value serves
    both engines: dates and timestamps as SQLite's text, booleans as 0/1."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        from kinerja_desktop.storage.types import as_utc

        return as_utc(value).strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's SQLite text
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict | list):  # a JSON column: SQLite keeps its text
        return json.dumps(value)
    return value


def sql(path: DbAddress, statement: str, *params: object) -> list[tuple]:
    """Run one SQL statement on a closed database (test set-up only): a file or a server
    database. ``?`` marks the parameters, on both engines (bound by position)."""
    if isinstance(path, Path):
        con = sqlite3.connect(path)
        try:
            with con:
                rows = con.execute(statement, params).fetchall()
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return rows
        finally:
            con.close()
    names = iter(range(len(params)))
    bound = _PLACEHOLDER.sub(  # a colon in a literal is text too, not a bound name
        lambda m: m.group().replace(":", "\\:") if m.group() != "?" else f":p{next(names)}",
        statement,
    )
    engine = create_engine(path.url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(bound), {f"p{i}": v for i, v in enumerate(params)})
            if not result.returns_rows:
                return []
            return [tuple(_as_sqlite_gives(v) for v in row) for row in result]
    finally:
        engine.dispose()
