"""The audit trail: who reads it, and its filters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kinerja_desktop.config import DbAddress
from kinerja_desktop.domain.enums import OfficeKind, Role
from kinerja_desktop.domain.errors import PermissionDeniedError
from kinerja_desktop.services.admin.audit_log import audit_entities, list_audit
from kinerja_desktop.services.admin.setup import init_office
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.recording import audit

ADMIN = Actor("admin", frozenset({Role.ADMIN}))


@pytest.fixture
def db(new_address: DbAddress):
    path = new_address
    init_office(path, code="PKM-NGL", name="Puskesmas Nanggalo", kind=OfficeKind.PUSKESMAS,
                admin_password="admin-rahasia")  # fmt: skip
    database = Database.open(path)
    day = datetime(2026, 5, 10, 9, tzinfo=UTC)
    with database.uow() as uow:
        for i, (user, entity) in enumerate([("siti", "employee"), ("budi", "indicator")] * 3):
            audit(uow.session, Actor(user), action="update", entity=entity,
                  record_uuid=f"r-{i % 2}", before={"v": i}, after={"v": i + 1},
                  at=day + timedelta(days=i))  # fmt: skip
        uow.commit()
    yield database
    database.close()


def test_only_admin_and_pimpinan_read(db: Database) -> None:
    with pytest.raises(PermissionDeniedError):
        list_audit(db, Actor("op", frozenset({Role.OPERATOR})))
    assert list_audit(db, Actor("camat", frozenset({Role.PIMPINAN})))


def test_filters(db: Database) -> None:
    rows = list_audit(db, ADMIN, username="siti")
    assert {r.username for r in rows} == {"siti"} and len(rows) == 3
    assert [r.after for r in rows] == [{"v": 5}, {"v": 3}, {"v": 1}]  # newest first
    assert {r.entity for r in list_audit(db, ADMIN, record_uuid="r-1")} == {"indicator"}
    one_day = list_audit(db, ADMIN, date_from=datetime(2026, 5, 11).date(),
                         date_to=datetime(2026, 5, 11).date())  # fmt: skip
    assert [(r.username, r.before) for r in one_day] == [("budi", {"v": 1})]
    assert {"employee", "indicator", "office", "user"} <= set(audit_entities(db))


def test_each_record_says_what_it_is_with_one_query_per_kind(demo_address: DbAddress) -> None:
    from sqlalchemy import event, text

    database = Database.open(demo_address)
    try:
        with database.engine.connect() as con:
            people = con.execute(
                text("SELECT uuid, nip, name FROM employees ORDER BY id LIMIT 40")
            ).all()
            evaluations = con.execute(
                text(
                    "SELECT ev.uuid, ev.period, e.name FROM evaluations ev "
                    "JOIN employees e ON e.id = ev.employee_id ORDER BY ev.id LIMIT 30"
                )
            ).all()
            office = con.execute(text("SELECT uuid, code, name FROM offices ORDER BY id")).first()
        assert office is not None
        with database.uow() as uow:
            for uuid, *_ in people:
                audit(uow.session, ADMIN, action="update", entity="employee", record_uuid=uuid)
            for uuid, *_ in evaluations:
                audit(uow.session, ADMIN, action="approve", entity="evaluation", record_uuid=uuid)
            audit(uow.session, ADMIN, action="update", entity="office", record_uuid=office[0])
            audit(uow.session, ADMIN, action="delete", entity="employee", record_uuid="gone")
            uow.commit()
        statements: list[str] = []
        event.listen(database.engine, "before_cursor_execute",
                     lambda *args: statements.append(args[2]))  # fmt: skip
        rows = list_audit(database, ADMIN)
    finally:
        database.close()
    by_uuid = {r.record_uuid: r.record_text for r in rows}
    uuid, nip, name = people[0]
    formatted = f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    assert by_uuid[uuid].startswith(f"Pegawai {formatted} ") and name in by_uuid[uuid]
    uuid, period, name = evaluations[0]
    assert by_uuid[uuid].startswith(f"Evaluasi {period} ") and name in by_uuid[uuid]
    assert by_uuid[office[0]] == f"Kantor {office[1]} {office[2]}"
    assert by_uuid["gone"] == ""  # a deleted record keeps only its uuid
    # One query for the entries, one per kind of record: never one per row.
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) <= 4, selects
