"""Package members are streamed, never held whole (issue 16, item 5: peak memory).

The verification hashes each member as it decompresses it and keeps only its first bytes; the
rows are then read again from the file a chunk at a time, hashed once more, and parsed a block
of whole lines at a time. These tests would fail if a member were kept from the verification
(a file changed afterwards would then go unnoticed), if a line cut by a chunk boundary were
lost or split, or if line numbers restarted with each block.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.services.sync.validate import parse_rows
from kinerja_desktop.sync import container
from kinerja_desktop.sync.container import Members, inspect_package, verify_package
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, payload, private_key, rewrite_package, sql

NOW = datetime(2026, 5, 2, 8, 0, tzinfo=UTC)
SMALL_CHUNK = 97  # bytes: most lines of a package are cut by a chunk boundary


@pytest.fixture
def package(pair: Pair) -> Path:
    with pair.open("grl") as db:
        return Path(export_package(db, SYSTEM, pair.folder / "out", full=True).path)


def _synced(path: Path) -> list[tuple]:
    """Every travelling row the import wrote (evaluations, realisations, SKP...)."""
    tables = ("employees", "assignments", "skp", "rhk", "skp_indicators", "evaluations",
              "realisations", "assessments")  # fmt: skip
    return [
        (table, *row)
        for table in tables
        for row in sql(path, f"SELECT uuid, version, origin_office FROM {table} ORDER BY uuid")
    ]


@pytest.mark.sqlite_only("the receiver is copied as a file to apply the package twice")
def test_rows_read_in_small_chunks_arrive_whole(
    pair: Pair, package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same package applied with 1 MB chunks and with 97-byte chunks writes the same rows:
    every line cut by a chunk boundary was put back together."""
    with zipfile.ZipFile(_plain(package)) as zf:
        largest = max(i.file_size for i in zf.infolist() if i.filename.startswith("data/"))
    assert largest > 50 * SMALL_CHUNK, "the test needs members that span many chunks"
    # the receiver has lost the kelurahan's realisations: the package writes them again
    sql(pair.ngl, "DELETE FROM evidence WHERE origin_office = 'NGL-GRL'")
    sql(pair.ngl, "DELETE FROM realisations WHERE origin_office = 'NGL-GRL'")
    other = pair.folder / "ngl-2.sqlite"
    shutil.copy(pair.ngl, other)
    with pair.open("ngl") as db:
        whole = import_package(db, SYSTEM, package, confirm=True, now=NOW)
    monkeypatch.setattr(container, "CHUNK", SMALL_CHUNK)
    from kinerja_desktop.services.common.database import Database

    with Database.open(other) as db:
        chunked = import_package(db, SYSTEM, package, confirm=True, now=NOW)
    assert whole.counts == chunked.counts, chunked.counts
    assert whole.counts["created"] >= 20, whole.counts
    assert _synced(other) == _synced(pair.ngl)


def _plain(package: Path) -> Path:
    plain = package.with_suffix(".zip")
    plain.write_bytes(payload(package))
    return plain


def test_a_member_changed_after_verification_is_refused(package: Path) -> None:
    """The rows are read from the file again, not from a copy kept by the verification: a
    member changed in between (same size) fails its checksum when it is read."""
    plain = _plain(package)
    verified = verify_package(inspect_package(plain), lambda *_: True)
    assert isinstance(verified.members, Members)
    name = "data/employees.jsonl"
    with zipfile.ZipFile(plain) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    data = members[name]
    at = data.index(b'"name":"') + len(b'"name":"')
    members[name] = data[:at] + (b"Y" if data[at : at + 1] != b"Y" else b"Z") + data[at + 1 :]
    with zipfile.ZipFile(plain, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, content in members.items():
            zf.writestr(member, content)
    with pytest.raises(ValidationError) as caught:
        parse_rows(verified)
    assert caught.value.code == "sync.checksum"
    assert caught.value.params["member"] == name


def test_a_bad_line_past_many_chunks_is_named_by_its_number(
    pair: Pair, package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Line numbers run on across blocks: a broken line deep in a member is named."""
    monkeypatch.setattr(container, "CHUNK", SMALL_CHUNK)
    with zipfile.ZipFile(_plain(package)) as zf:
        name = max((i for i in zf.infolist() if i.filename.startswith("data/")),
                   key=lambda i: i.file_size).filename  # fmt: skip
        lines = zf.read(name).decode().split("\n")
    broken = len(lines) - 3  # 1-based number of a line near the end
    assert broken > 20
    row = json.loads(lines[broken - 1])
    lines[broken - 1] = json.dumps(row)[:-1]  # the closing brace cut off
    bad = rewrite_package(package, package.with_name("bad-line.kinerja"),
                          change={name: "\n".join(lines).encode()},
                          sign_with=private_key(pair.grl))  # fmt: skip
    with pair.open("ngl") as db, pytest.raises(ValidationError) as caught:
        import_package(db, SYSTEM, bad, now=NOW)
    assert caught.value.code == "sync.bad_row"
    assert (caught.value.params["member"], caught.value.params["line"]) == (name, broken)
