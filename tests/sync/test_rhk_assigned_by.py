"""``rhk.assigned_by`` (the pimpinan of a penugasan) travels in sync packages with no change to
the row encoding."""

from __future__ import annotations

from pathlib import Path

from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.services.sync.rows import entity_map
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, sql

GRL_RHK = (
    "SELECT r.uuid FROM rhk r JOIN skp s ON s.id = r.skp_id WHERE r.origin_office = 'NGL-GRL' "
    "AND r.deleted_at IS NULL AND s.year = 2026 ORDER BY r.id LIMIT 1"
)


def test_the_row_encoding_carries_assigned_by() -> None:
    assert "assigned_by" in set(entity_map()["rhk"].columns)


def test_assigned_by_travels_up(pair: Pair) -> None:
    (rhk,) = sql(pair.grl, GRL_RHK)[0]
    assert sql(pair.ngl, "SELECT assigned_by FROM rhk WHERE uuid = ?", rhk) == [("",)]
    sql(pair.grl, "UPDATE rhk SET assigned_by = 'Lurah Gurun Laweh', version = version + 1 "
        "WHERE uuid = ?", rhk)  # fmt: skip
    with pair.open("grl") as db:
        result = export_package(db, SYSTEM, pair.folder / "to-ngl", to="NGL")
    with pair.open("ngl") as db:
        summary = import_package(db, SYSTEM, Path(result.path))
    assert summary.status == "applied" and summary.counts["updated"] >= 1
    assert sql(pair.ngl, "SELECT assigned_by FROM rhk WHERE uuid = ?", rhk) == [
        ("Lurah Gurun Laweh",)
    ]
