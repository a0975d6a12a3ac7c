"""The assignment's kelas jabatan (issue 20.3) travels with its row, and a package whose
kelas is not 1..17 is refused as a bad value, changing nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.services.sync.rows import entity_map
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, db_state, opened_zip, private_key, rewrite_package, sql

GRL_ASSIGNMENT = (
    "SELECT uuid FROM assignments WHERE origin_office = 'NGL-GRL' AND end_date IS NULL "
    "ORDER BY id LIMIT 1"
)


def _export_up(pair: Pair) -> Path:
    with pair.open("grl") as db:
        return Path(export_package(db, SYSTEM, pair.folder / "to-ngl", to="NGL").path)


def test_kelas_travels_up_with_its_assignment(pair: Pair) -> None:
    assert "kelas_jabatan" in entity_map()["assignments"].columns
    (assignment,) = sql(pair.grl, GRL_ASSIGNMENT)[0]
    sql(pair.grl, "UPDATE assignments SET kelas_jabatan = 12, version = version + 1 "
        "WHERE uuid = ?", assignment)  # fmt: skip
    package = _export_up(pair)
    with pair.open("ngl") as db:
        summary = import_package(db, SYSTEM, package)
    assert summary.status == "applied" and summary.counts["updated"] >= 1
    assert sql(pair.ngl, "SELECT kelas_jabatan FROM assignments WHERE uuid = ?",
               assignment) == [(12,)]  # fmt: skip


@pytest.mark.parametrize("bad", [0, 18, "7", True])
def test_a_kelas_outside_1_to_17_refuses_the_package(pair: Pair, bad: object) -> None:
    package = _export_up(pair)
    with opened_zip(package) as zf:
        data = zf.read("data/assignments.jsonl")
    rows = [json.loads(line) for line in data.decode().splitlines() if line]
    rows[0]["kelas_jabatan"] = bad
    body = ("\n".join(json.dumps(r) for r in rows) + "\n").encode()
    wrong = rewrite_package(package, package.with_name("kelas.kinerja"),
                            change={"data/assignments.jsonl": body},
                            sign_with=private_key(pair.grl))  # fmt: skip
    before = db_state(pair.ngl)
    with pair.open("ngl") as db, pytest.raises(KinerjaError) as caught:
        import_package(db, SYSTEM, wrong)
    assert caught.value.code == "sync.bad_value"
    assert caught.value.params["column"] == "kelas_jabatan"
    assert db_state(pair.ngl) == before
