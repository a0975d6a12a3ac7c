"""A package's rows are held compactly while they are decided (issue 16, item 5: peak memory):
JSON objects packed as text, repeated values shared between rows. Nothing may be lost: every
row unpacks to exactly the line the sender wrote, and the JSON the import writes is the
sender's."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.services.sync.packed import Packed, packer, unpacker
from kinerja_desktop.services.sync.rows import entity_map
from kinerja_desktop.services.sync.validate import parse_rows
from kinerja_desktop.sync.container import inspect_package, verify_package
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, payload, sql

NOW = datetime(2026, 5, 2, 8, 0, tzinfo=UTC)


def _full_package(pair: Pair) -> Path:
    with pair.open("grl") as db:
        return Path(export_package(db, SYSTEM, pair.folder / "out", full=True).path)


def test_parsed_rows_unpack_to_the_lines_of_the_package(pair: Pair) -> None:
    plain = _full_package(pair).with_suffix(".zip")
    plain.write_bytes(payload(_full_package(pair)))
    rows = parse_rows(verify_package(inspect_package(plain), lambda *_: True))
    entities = entity_map()
    packed = 0
    with zipfile.ZipFile(plain) as zf:
        for name, items in rows.items():
            entity = entities[name]
            lines = zf.read(entity.member).decode("utf-8").split("\n")
            unpack = unpacker(entity)
            for line, row in items:
                packed += sum(type(v) is Packed for v in row.values())
                assert unpack(row) == json.loads(lines[line - 1]), (name, line)
    assert packed > 10, "the package must hold JSON objects for the test to mean anything"


def test_packing_keeps_every_value_and_type() -> None:
    entity = entity_map()["assessments"]
    pack = packer(entity)
    assert pack is not None
    original = {
        "uuid": "u",
        "feedback": {"ü": "teks ✓", "n": 1.5, "i": 2**62, "z": 0.1, "t": True, "o": None},
        "behaviour_notes": {},
        "snapshot": {"rows": [{"v": "1e3", "x": [None, False, "", 0, -0.0]}]},
    }
    row = json.loads(json.dumps(original))
    pack(row)
    assert all(type(row[c]) is Packed for c in ("feedback", "behaviour_notes", "snapshot"))
    full = unpacker(entity)(row)
    assert full == original and full is not row
    assert json.dumps(full) == json.dumps(original)  # the same types and order, not just ==
    # a value that fails its column's check stays as parsed, for the value check to refuse
    deep = {"uuid": "u", "feedback": {"a": {"b": "c"}}}
    pack(deep)
    assert deep["feedback"] == {"a": {"b": "c"}}


def _json_columns(path: Path, table: str, columns: str) -> dict[str, tuple]:
    query = f"SELECT uuid, {columns} FROM {table} WHERE origin_office = 'NGL-GRL'"
    return {
        uuid: tuple(json.loads(v) if isinstance(v, str) else v for v in values)
        for uuid, *values in sql(path, query)
    }


def test_json_written_by_the_import_is_the_senders(pair: Pair) -> None:
    package = _full_package(pair)
    # the receiver has lost the kelurahan's evaluations (but those another office assessed):
    # the package writes them again
    for table in ("evidence", "realisations", "assessments"):
        sql(pair.ngl, f"DELETE FROM {table} WHERE origin_office = 'NGL-GRL'")
    sql(pair.ngl, "DELETE FROM evaluations WHERE origin_office = 'NGL-GRL' "
        "AND id NOT IN (SELECT evaluation_id FROM assessments)")  # fmt: skip
    with pair.open("ngl") as db:
        summary = import_package(db, SYSTEM, package, confirm=True, now=NOW)
    assert summary.counts["created"] >= 20, summary.counts
    for table, columns in (("evaluations", "snapshot"),
                           ("assessments", "feedback, behaviour_notes")):  # fmt: skip
        written = _json_columns(pair.ngl, table, columns)
        sent = _json_columns(pair.grl, table, columns)
        assert len(written) >= 3, table
        assert any(isinstance(v, dict) and v for vs in written.values() for v in vs), table
        assert written == {u: sent[u] for u in written}, table
