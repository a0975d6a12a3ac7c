"""Packages between a SQLite office and a PostgreSQL one, both ways (issue 18.6).

The demo's kecamatan (NGL) and one of its kelurahan (NGL-GRL) each hold the same rows; with one
of them on PostgreSQL, a package either way reports every row as unchanged (0 conflicts, 0
rejected), and a changed row then travels as an update. Skipped without a PostgreSQL server.
"""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from kinerja_desktop.config import parse_db_address
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.demo.build import build_demo
from kinerja_desktop.services.sync.exporter import export_package
from kinerja_desktop.services.sync.importer import import_package
from kinerja_desktop.services.sync.partners import export_key, import_key
from kinerja_desktop.storage.models import Employee, OfficeKey
from tests import pg_support
from tests.sync.fixtures import know_office, opened_zip, rewrite_package

QUIET = {"created": 0, "updated": 0, "conflicts": 0, "rejected": 0}


@pytest.fixture
def offices(
    request: pytest.FixtureRequest, pg_demo_url: str, pg_schema_template: str, tmp_path: Path
):
    """``{"ngl": address, "grl": address}`` with the engine each side runs on per the param."""
    ngl_engine, grl_engine = request.param
    with pg_support.temporary_database("kinerja_grl", template=pg_schema_template) as grl_url:
        addresses = {
            "ngl": parse_db_address(pg_demo_url) if ngl_engine == "pg" else tmp_path / "ngl.sqlite",
            "grl": parse_db_address(grl_url) if grl_engine == "pg" else tmp_path / "grl.sqlite",
        }
        if ngl_engine != "pg":
            build_demo(addresses["ngl"])
        build_demo(addresses["grl"], office_code="NGL-GRL")
        with Database.open(addresses["ngl"]) as a, Database.open(addresses["grl"]) as b:
            export_key(a, tmp_path / "ngl.key")
            export_key(b, tmp_path / "grl.key")
            import_key(a, SYSTEM, tmp_path / "grl.key")
            import_key(b, SYSTEM, tmp_path / "ngl.key")
        for address in addresses.values():
            know_office(address)  # the tests open and re-seal the packages with the real keys
        yield addresses


def _send(offices: dict, src: str, dst: str, folder: Path):
    to = "NGL" if src == "grl" else "NGL-GRL"
    with Database.open(offices[src]) as db:
        result = export_package(db, SYSTEM, folder / f"to-{dst}", to=to, full=True)
    with Database.open(offices[dst]) as db:
        return import_package(db, SYSTEM, Path(result.path), confirm=True)


@pytest.mark.parametrize(
    "offices", [("pg", "sqlite"), ("sqlite", "pg")], indirect=True, ids=["pg-ngl", "pg-grl"]
)
def test_identical_rows_are_unchanged_both_ways(offices: dict, tmp_path: Path) -> None:
    up = _send(offices, "grl", "ngl", tmp_path)
    assert up.status == "applied"
    assert up.counts["unchanged"] > 300 and up.counts | {"unchanged": 0} == QUIET | {"unchanged": 0}
    down = _send(offices, "ngl", "grl", tmp_path)
    assert down.status == "applied"
    assert down.counts["unchanged"] > 0  # what concerns the kelurahan: the parents' rows
    assert {k: down.counts[k] for k in QUIET} == QUIET


@pytest.mark.parametrize(
    "offices", [("pg", "sqlite"), ("sqlite", "pg")], indirect=True, ids=["pg-ngl", "pg-grl"]
)
def test_a_changed_row_travels_as_one_update(offices: dict, tmp_path: Path) -> None:
    with Database.open(offices["grl"]) as db, db.uow() as uow:
        employee = (
            uow.session.execute(
                select(Employee).where(Employee.origin_office == "NGL-GRL").order_by(Employee.id)
            )
            .scalars()
            .first()
        )
        assert employee is not None
        uuid = employee.uuid
        uow.session.execute(
            update(Employee)
            .where(Employee.uuid == uuid)
            .values(phone="0812-18", version=Employee.version + 1)
        )
        uow.commit()
    summary = _send(offices, "grl", "ngl", tmp_path)
    assert {k: summary.counts[k] for k in QUIET} == QUIET | {"updated": 1}
    with Database.open(offices["ngl"]) as db, db.uow() as uow:
        phone = uow.session.execute(select(Employee.phone).where(Employee.uuid == uuid)).scalar()
    assert phone == "0812-18"
    again = _send(offices, "grl", "ngl", tmp_path)
    assert {k: again.counts[k] for k in QUIET} == QUIET


STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


def _as_written_before(package: Path, offices: dict, suffix: str) -> Path:
    """The package as the previous version wrote it: timestamps without ``Z`` (SQLite's naive
    text, ``suffix=""``) or with ``+00:00`` (PostgreSQL's), re-signed by the sender."""
    with opened_zip(package) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    change: dict[str, bytes | None] = {}
    rewritten = 0
    for name, data in members.items():
        if not name.startswith("data/"):
            continue
        rows = [json.loads(line) for line in data.decode().splitlines() if line]
        for row in rows:
            for key, value in row.items():
                if isinstance(value, str) and STAMP.match(value):
                    row[key] = value[:-1] + suffix
                    rewritten += 1
        change[name] = ("\n".join(json.dumps(r) for r in rows) + "\n").encode()
    assert rewritten > 300
    with Database.open(offices["grl"]) as db, db.uow() as uow:
        pem = uow.session.execute(
            select(OfficeKey.private_key).where(OfficeKey.office_code == "NGL-GRL")
        ).scalar_one()
    return rewrite_package(package, package.with_name(f"lama{suffix}.kinerja"), change=change,
                           sign_with=pem)  # fmt: skip


@pytest.mark.parametrize("suffix", ["", "+00:00"], ids=["naive", "offset"])
@pytest.mark.parametrize(
    "offices", [("pg", "sqlite"), ("sqlite", "pg")], indirect=True, ids=["pg-ngl", "pg-grl"]
)
def test_a_package_of_the_previous_version_is_unchanged(
    offices: dict, suffix: str, tmp_path: Path
) -> None:
    with Database.open(offices["grl"]) as db:
        result = export_package(db, SYSTEM, tmp_path / "to-ngl", to="NGL", full=True)
    old = _as_written_before(Path(result.path), offices, suffix)
    with Database.open(offices["ngl"]) as db:
        summary = import_package(db, SYSTEM, old, confirm=True)
    assert summary.status == "applied", summary.message()
    assert summary.counts["unchanged"] > 300
    assert {k: summary.counts[k] for k in QUIET} == QUIET


@pytest.mark.parametrize("offices", [("pg", "sqlite")], indirect=True, ids=["pg-ngl"])
def test_two_imports_into_the_server_take_turns(offices: dict, tmp_path: Path) -> None:
    """While one session applies a package (holds the import lock), another import waits for
    it on the server instead of applying beside it."""
    with Database.open(offices["grl"]) as db:
        result = export_package(db, SYSTEM, tmp_path / "to-ngl", to="NGL", full=True)
    outcome: list[object] = []

    def second() -> None:
        with Database.open(offices["ngl"]) as db:
            outcome.append(import_package(db, SYSTEM, Path(result.path), confirm=True))

    with Database.open(offices["ngl"]) as first, first.one_at_a_time("sync_import"):
        waiter = threading.Thread(target=second)
        waiter.start()
        waiting = text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND wait_event = 'advisory'"
        )
        for _ in range(600):  # until the server shows the second import waiting
            with first.engine.connect() as conn:
                if conn.execute(waiting).scalar():
                    break
            time.sleep(0.05)
        else:
            pytest.fail("the second import never waited for the lock")
        assert waiter.is_alive() and outcome == []
    waiter.join(timeout=120)
    assert not waiter.is_alive()
    summary = outcome[0]
    assert summary.status == "applied"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "offices", [("pg", "sqlite"), ("sqlite", "pg")], indirect=True, ids=["pg-ngl", "pg-grl"]
)
def test_text_longer_than_its_column_is_refused_on_both_engines(
    offices: dict, tmp_path: Path
) -> None:
    """PostgreSQL would refuse the insert where SQLite keeps the text: both refuse the package
    first, naming the column."""
    from kinerja_desktop.domain.errors import KinerjaError
    from kinerja_desktop.domain.messages import describe

    limit = Employee.__table__.c.name.type.length
    with Database.open(offices["grl"]) as db:
        result = export_package(db, SYSTEM, tmp_path / "to-ngl", to="NGL", full=True)
    package = Path(result.path)
    with opened_zip(package) as zf:
        rows = [json.loads(x) for x in zf.read("data/employees.jsonl").decode().splitlines() if x]
    rows[0]["name"] = "N" * (limit + 1)
    rows[0]["version"] += 1
    with Database.open(offices["grl"]) as db, db.uow() as uow:
        pem = uow.session.execute(
            select(OfficeKey.private_key).where(OfficeKey.office_code == "NGL-GRL")
        ).scalar_one()
    change: dict[str, bytes | None] = {
        "data/employees.jsonl": ("\n".join(json.dumps(r) for r in rows) + "\n").encode()
    }
    long = rewrite_package(package, package.with_name("long.kinerja"), change=change, sign_with=pem)
    with Database.open(offices["ngl"]) as db, pytest.raises(KinerjaError) as caught:
        import_package(db, SYSTEM, long, confirm=True)
    assert caught.value.code == "sync.bad_value"
    assert "name" in describe(caught.value)
