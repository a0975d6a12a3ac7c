"""No statement binds an unbounded list of parameters (issue 16, "must hold").

A city database holds more evaluations, realisations and employees than SQLite binds in one
statement (32,766 by default; 999 in older builds), so an ``IN (?, ?, …)`` over every row of a
screen fails there long before it is slow. Here every connection is limited to ``LIMIT`` bound
variables and the reads behind each screen run on the demo, so an unbounded ``IN`` fails in
the normal suite without a city database. The issue asks for 100; 20 is stricter (what passes
here passes at 100) and is what makes it bite on the demo: an office's staff (up to 21), the
SKPs of a year (97) and the IKU are each under 100 there, and an ``IN`` over them was no less
unbounded. Reads that must ask by a list of keys slice it by ``bounds.PARAMETER_CHUNK``, lowered
here with the limit.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import Engine

from kinerja_desktop.services.common import bounds
from kinerja_desktop.services.common.database import Database
from tests.sync.fixtures import *  # noqa: F403  (the partner pair fixtures)
from tests.sync.fixtures import Pair

pytestmark = pytest.mark.sqlite_only(
    "SQLite's bound-parameter limit (SQLITE_LIMIT_VARIABLE_NUMBER)"
)

LIMIT = 20


@contextmanager
def limited(path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """``path`` opened with every connection limited to ``LIMIT`` bound variables."""

    def limit(dbapi_connection: object, _record: object) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, LIMIT)

    monkeypatch.setattr(bounds, "PARAMETER_CHUNK", LIMIT // 2)
    event.listen(Engine, "connect", limit)
    try:
        with Database.open(path) as db:
            yield db
    finally:
        event.remove(Engine, "connect", limit)


@pytest.fixture
def limited_db(demo_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    with limited(demo_db_path, monkeypatch) as db:
        yield db


def _quarters(db: Database) -> list[str]:
    from kinerja_desktop.services.evaluation.evaluations import list_periods

    return [c.code for c in list_periods(db) if c.code[5:6] == "Q"]


def test_the_limit_bites(limited_db: Database) -> None:
    """The fixture really limits: a statement binding more than 100 values is refused."""
    from kinerja_desktop.storage.models import Employee

    with limited_db.uow() as uow, pytest.raises(Exception, match="too many SQL variables"):
        uow.session.execute(select(Employee.id).where(Employee.id.in_(list(range(LIMIT + 1)))))


def test_evaluasi_for_every_period_and_all_periods(limited_db: Database) -> None:
    from kinerja_desktop.services.common.offices import list_offices
    from kinerja_desktop.services.evaluation.evaluations import list_evaluations, list_periods

    everything = list_evaluations(limited_db)
    assert len(everything) > 100
    total = 0
    for choice in list_periods(limited_db):
        rows = list_evaluations(limited_db, period=choice.code)
        assert all(row.period == choice.code for row in rows)
        total += len(rows)
    assert total == len(everything)
    offices = [o.code for o in list_offices(limited_db)]
    by_office = sum(len(list_evaluations(limited_db, office_code=code)) for code in offices)
    assert by_office == len(everything)


def test_the_monitor_for_every_period_and_office(limited_db: Database) -> None:
    from kinerja_desktop.services.common.offices import list_offices
    from kinerja_desktop.services.evaluation.completion import completion_summary

    offices = [o.code for o in list_offices(limited_db)]
    for period in _quarters(limited_db):
        whole = completion_summary(limited_db, period)
        assert whole.total > 90
        parts = [completion_summary(limited_db, period, office_code=o).total for o in offices]
        assert sum(parts) == whole.total


def test_laporan_counts_and_recaps_for_every_period(limited_db: Database) -> None:
    from kinerja_desktop.services.common.offices import list_offices
    from kinerja_desktop.services.reporting.recap import kecamatan_recap_data, office_recap_data
    from kinerja_desktop.services.reporting.recaps import office_recap

    offices = [o.code for o in list_offices(limited_db)]
    for period in _quarters(limited_db):
        assert sum(row.employees for row in office_recap(limited_db, period=period)) > 90
        kecamatan = kecamatan_recap_data(limited_db, period=period).doc
        assert len(kecamatan.offices) == len(offices)
        for code in offices:
            assert office_recap_data(limited_db, office_code=code, period=period).doc.employees


def test_the_register_and_plan_lists(limited_db: Database) -> None:
    from kinerja_desktop.services.common.offices import list_offices
    from kinerja_desktop.services.office_eval.distribution import office_distribution
    from kinerja_desktop.services.plans.cascade import cascade_tree
    from kinerja_desktop.services.plans.indicators import list_indicators
    from kinerja_desktop.services.plans.skp_status import list_skp
    from kinerja_desktop.services.register.employees import list_employees

    assert len(list_employees(limited_db)) >= 100
    assert list_skp(limited_db, 2026)
    assert list_indicators(limited_db)
    for office in list_offices(limited_db):
        assert list_employees(limited_db, office_code=office.code)
        assert cascade_tree(limited_db, office.code, 2026) is not None
        assert office_distribution(limited_db, office.code, "2026-Q1") is not None


def test_report_data_for_a_batch(limited_db: Database) -> None:
    """Every document of the largest office's batch, as the batch prepares them."""
    from kinerja_desktop.services.reporting.ak import ak_batch_people
    from kinerja_desktop.services.reporting.data import employees_of_office
    from kinerja_desktop.services.reporting.output import prepare

    people = employees_of_office(limited_db, "PKM-NGL")
    assert len(people) > 20
    for kind in ("skp", "sheet", "card"):
        for nip, _name in people:
            assert prepare(limited_db, kind, nip=nip, period="2026-Q1").doc is not None
    fungsional, _warnings = ak_batch_people(limited_db, "PKM-NGL", "2026-Q1")
    for nip, _name in fungsional:
        assert prepare(limited_db, "ak", nip=nip, period="2026-Q1").doc is not None


def test_the_audit_list_names_more_records_than_one_statement_binds(
    demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.domain.enums import Role
    from kinerja_desktop.services.admin.audit_log import list_audit
    from kinerja_desktop.services.common.actor import Actor
    from kinerja_desktop.storage.models import AuditEntry, Evaluation

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_db_path, path)
    with Database.open(path) as db, db.uow() as uow:
        uuids = list(uow.session.execute(select(Evaluation.uuid)).scalars())
        uow.session.add_all(
            AuditEntry(username="admin", action="update", entity="evaluation", record_uuid=u)
            for u in uuids
        )
        uow.commit()
    assert len(uuids) > 100
    with limited(path, monkeypatch) as db:
        rows = list_audit(db, Actor(username="admin", roles=frozenset({Role.ADMIN})))
    named = [r for r in rows if r.entity == "evaluation"]
    assert len(named) == len(uuids)
    assert all(r.record_text.startswith("Evaluasi ") for r in named), named[0].record_text


def test_the_chunks_follow_the_constant(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bounds, "PARAMETER_CHUNK", 3)
    assert [list(c) for c in bounds.chunks(list(range(7)))] == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(bounds.chunks([])) == []


def test_the_sync_export_both_ways(pair: Pair, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full and an incremental package up (kelurahan to kecamatan) and down."""
    from kinerja_desktop.services.common.actor import SYSTEM
    from kinerja_desktop.services.sync.exporter import export_package

    for name, to in (("grl", "NGL"), ("ngl", "NGL-GRL")):
        with limited(getattr(pair, name), monkeypatch) as db:
            for full in (True, False):
                out = pair.folder / f"{name}-{full}"
                assert Path(export_package(db, SYSTEM, out, to=to, full=full).path).exists()
