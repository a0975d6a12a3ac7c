"""The audit trail: who reads it, and its filters."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kinerja_desktop.domain.enums import OfficeKind, Role
from kinerja_desktop.domain.errors import PermissionDeniedError
from kinerja_desktop.services.actor import Actor
from kinerja_desktop.services.audit_log import audit_entities, list_audit
from kinerja_desktop.services.database import Database
from kinerja_desktop.services.recording import audit
from kinerja_desktop.services.setup import init_office

ADMIN = Actor("admin", frozenset({Role.ADMIN}))


@pytest.fixture
def db(tmp_path: Path):
    path = tmp_path / "a.sqlite"
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
