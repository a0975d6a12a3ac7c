"""Sync binds no unbounded list of parameters (issue 16, "must hold").

Every connection, sending and receiving, is limited to 100 bound variables, and a full package
of the demo goes up and down, with more new rows than that, and its receipt comes back: an
``IN`` over every row a package names would fail here long before a city database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.services.sync.receipts import read_receipt_file
from tests.sync.fixtures import *  # noqa: F403
from tests.sync.fixtures import Pair, sql

LIMIT = 100
NEW = "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"  # noqa: E501


@pytest.fixture
def limited() -> Iterator[None]:
    def limit(dbapi_connection: object, _record: object) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, LIMIT)

    event.listen(Engine, "connect", limit)
    try:
        yield
    finally:
        event.remove(Engine, "connect", limit)


def _add_new_work(grl: Path) -> int:
    """Five more revisions of every evaluation of the kelurahan, with their realisations."""
    for step in range(60, 360, 60):
        sql(grl, "INSERT INTO evaluations (employee_id, period, revision, status, status_reason, "
            "rules_version, uuid, version, updated_at, updated_by, origin_office) SELECT "
            f"employee_id, period, revision + {step}, 'draft', '', rules_version, {NEW}, 1, "
            "updated_at, updated_by, origin_office FROM evaluations "
            "WHERE origin_office = 'NGL-GRL' AND revision < 60")  # fmt: skip
        sql(grl, "INSERT INTO realisations (evaluation_id, skp_indicator_id, value, note, uuid, "
            f"version, updated_at, updated_by, origin_office) SELECT e2.id, r.skp_indicator_id, "
            f"r.value, r.note, {NEW}, 1, r.updated_at, r.updated_by, r.origin_office "
            "FROM realisations r JOIN evaluations e ON e.id = r.evaluation_id JOIN evaluations e2 "
            "ON e2.employee_id = e.employee_id AND e2.period = e.period "
            f"AND e2.revision = e.revision + {step} WHERE r.origin_office = 'NGL-GRL' "
            "AND e.revision < 60")  # fmt: skip
    return sql(grl, "SELECT count(*) FROM evaluations WHERE revision >= 60")[0][0]


def _exchange(pair: Pair, src: str, dst: str, to: str, name: str) -> tuple[dict, bool]:
    with pair.open(src) as db:
        sent = export_package(db, SYSTEM, pair.folder / name, to=to, full=True)
    with pair.open(dst) as db:
        summary = import_package(db, SYSTEM, Path(sent.path), confirm=True)
    assert summary.status == "applied", summary.message()
    with pair.open(src) as db:
        receipt = read_receipt_file(db, SYSTEM, Path(summary.receipt_path))
    return summary.counts, receipt.totals_agree


def test_full_packages_both_ways_within_100_variables(pair: Pair, limited: None) -> None:
    added = _add_new_work(pair.grl)
    assert added > LIMIT
    # The limit bites on the kelurahan's file (the kecamatan may be on a server: no limit there).
    with pair.open("grl") as db, db.uow() as uow, pytest.raises(Exception, match="too many"):
        uow.session.connection().exec_driver_sql(
            "SELECT 1 WHERE 1 IN (" + ",".join("?" * (LIMIT + 1)) + ")", tuple(range(LIMIT + 1))
        )
    up, agree = _exchange(pair, "grl", "ngl", "NGL", "up")
    assert up["created"] > LIMIT and up["unchanged"] > LIMIT and agree
    down, agree = _exchange(pair, "ngl", "grl", "NGL-GRL", "down")
    assert down["unchanged"] > 0 and agree


def test_export_writes_each_member_in_batches(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows go into the zip as they are read, a batch at a time, not as one member in memory."""
    from kinerja_desktop.services.sync import exporter
    from kinerja_desktop.sync.container import MemberWriter

    writes: dict[str, list[int]] = {}
    original = MemberWriter.write

    def counting(self: MemberWriter, data: bytes) -> None:
        writes.setdefault(self.name, []).append(data.count(b"\n"))
        original(self, data)

    monkeypatch.setattr(exporter, "_BATCH", 7)
    monkeypatch.setattr(MemberWriter, "write", counting)
    with pair.open("grl") as db:
        sent = export_package(db, SYSTEM, pair.folder / "batches", to="NGL", full=True)
    realisations = writes["data/realisations.jsonl"]
    assert len(realisations) > 1 and max(realisations) == 7
    assert sum(realisations) == sent.counts["realisations"]
    with pair.open("ngl") as db:
        assert import_package(db, SYSTEM, Path(sent.path)).status == "applied"


@pytest.mark.sqlite_only("the bound-variable limit is set on the kecamatan's SQLite connections")
def test_slice_totals_count_in_bounded_parts(pair: Pair, limited: None) -> None:
    """The totals of a down slice (a set of uuids) are counted in parts that fit the limit."""
    from kinerja_desktop.services.sync.scope import totals

    uuids = {u for (u,) in sql(pair.ngl, "SELECT uuid FROM realisations "
                               "WHERE origin_office = 'NGL-GRL'")}  # fmt: skip
    assert len(uuids) > LIMIT
    with pair.open("ngl") as db, db.uow() as uow:
        whole = totals(uow.session, "NGL-GRL")["realisations"]
        sliced = totals(uow.session, "NGL-GRL", only={"realisations": uuids})
    assert sliced == {"realisations": whole}
