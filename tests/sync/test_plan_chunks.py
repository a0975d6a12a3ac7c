"""The import plan decides a table's rows a chunk at a time (issue 16, item 5: peak memory),
reading the stored twins of one chunk at a time; the decisions must not depend on where the
chunks fall, and a natural key taken by a stored row is found whatever the chunk."""

from __future__ import annotations

from pathlib import Path

import pytest

from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.sync import plan
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, sql

COLUMNS = ("nip, name, title_prefix, title_suffix, gender, employment_type, active, phone, "
           "email, uuid, version, updated_at, updated_by, origin_office")  # fmt: skip
NIP = "197809162003121999"


def _new_employee(path: Path, name: str, uuid: str, origin: str) -> None:
    sql(path, f"INSERT INTO employees ({COLUMNS}) VALUES (?, ?, '', '', 'L', 'PNS', TRUE, '', '', "
        "?, 1, '2026-05-01 00:00:00', 'x', ?)", NIP, name, uuid, origin)  # fmt: skip


def test_decisions_are_the_same_one_row_per_chunk(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a stored employee holds the NIP a new employee of the package brings: a duplicate
    _new_employee(pair.ngl, "Dicatat di kecamatan", "dddddddd-2222-4333-8444-555555555555", "NGL")
    _new_employee(pair.grl, "Pegawai baru", "eeeeeeee-2222-4333-8444-555555555555", "NGL-GRL")
    sql(pair.grl, "UPDATE realisations SET note = 'diubah', version = version + 1 "
        "WHERE id IN (SELECT id FROM realisations ORDER BY id LIMIT 5)")  # fmt: skip
    sql(pair.ngl, "DELETE FROM evidence WHERE origin_office = 'NGL-GRL'")
    with pair.open("grl") as db:
        package = Path(export_package(db, SYSTEM, pair.folder / "out", full=True).path)
    with pair.open("ngl") as db:
        whole = import_package(db, SYSTEM, package, dry_run=True)
    monkeypatch.setattr(plan, "PLAN_CHUNK", 1)
    with pair.open("ngl") as db:
        chunked = import_package(db, SYSTEM, package, dry_run=True)
    assert chunked.counts == whole.counts
    assert [(c["kind"], c["uuid"]) for c in chunked.conflicts] == [
        (c["kind"], c["uuid"]) for c in whole.conflicts
    ]
    duplicates = [c for c in chunked.conflicts if c["kind"] == "duplicate"]
    assert [(c["entity"], c["natural_key"]) for c in duplicates] == [("employees", NIP)]
    assert whole.counts["updated"] + whole.counts["rejected"] + whole.counts["conflicts"] > 5
