"""One UTC timestamp type on both engines, one wire format, comparisons on instants (issue 18.2)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text, update

from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.sync.rows import encoded_select, entity_map, row_encoder, same_row
from kinerja_desktop.storage.models import Office
from kinerja_desktop.storage.types import parse_utc, wire_text

WIB = timezone(timedelta(hours=7))


def test_an_aware_time_comes_back_as_the_same_instant_in_utc(db: Database) -> None:
    moment = datetime(2026, 7, 1, 9, 30, 15, 123456, tzinfo=WIB)
    with db.uow() as uow:
        office = uow.session.execute(select(Office).order_by(Office.id)).scalars().first()
        assert office is not None
        office.updated_at = moment
        uow.commit()
        office_id = office.id
    with db.uow() as uow:
        read = uow.session.get(Office, office_id)
        assert read is not None
        assert read.updated_at == moment
        assert read.updated_at.utcoffset() == timedelta(0)
        assert read.updated_at.hour == 2


def test_every_stored_time_reads_aware(db: Database) -> None:
    with db.uow() as uow:
        stamps = uow.session.execute(select(Office.updated_at)).scalars().all()
    assert stamps and all(s.tzinfo is not None and s.utcoffset() == timedelta(0) for s in stamps)


def test_sqlite_keeps_the_text_it_always_stored(demo_copy) -> None:
    """Converting to the type changes no stored value: the same offset-less UTC text."""
    moment = datetime(2026, 7, 1, 9, 30, 15, tzinfo=WIB)
    with Database.open(demo_copy) as db, db.uow() as uow:
        before = uow.session.execute(text("SELECT updated_at FROM offices ORDER BY id")).scalar()
        assert isinstance(before, str) and "+" not in before and not before.endswith("Z")
        uow.session.execute(update(Office).where(Office.id == 1).values(updated_at=moment))
        stored = uow.session.execute(text("SELECT updated_at FROM offices WHERE id = 1")).scalar()
        assert stored == "2026-07-01 02:30:15.000000"


def test_a_time_stored_without_an_offset_is_read_as_utc(demo_copy) -> None:
    with Database.open(demo_copy) as db, db.uow() as uow:
        uow.session.execute(
            text("UPDATE offices SET updated_at = '2025-01-02 03:04:05' WHERE id = 1")
        )
        read = uow.session.execute(select(Office.updated_at).where(Office.id == 1)).scalar()
    assert read == datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_the_wire_format_ends_in_z(db: Database) -> None:
    entity = entity_map()["offices"]
    with db.uow() as uow:
        row = uow.session.execute(encoded_select(entity)).first()
    encoded = row_encoder(entity)(row)
    assert encoded["updated_at"].endswith("Z") and "+" not in encoded["updated_at"]
    assert parse_utc(encoded["updated_at"]).tzinfo is not None


@pytest.mark.parametrize(
    "written",
    ["2026-07-01T02:30:15", "2026-07-01T02:30:15+00:00", "2026-07-01T09:30:15+07:00"],
)
def test_the_same_instant_written_otherwise_is_the_same_row(written: str) -> None:
    entity = entity_map()["offices"]
    stored = {"uuid": "u", "name": "Nanggalo", "updated_at": "2026-07-01T02:30:15Z"}
    assert same_row(entity, stored, {"uuid": "u", "name": "Nanggalo", "updated_at": written})
    later = {"uuid": "u", "name": "Nanggalo", "updated_at": "2026-07-01T02:30:16Z"}
    assert not same_row(entity, stored, later)
    assert not same_row(entity, stored, {"uuid": "u", "name": "Lain", "updated_at": written})


def test_wire_text_and_parse_agree() -> None:
    moment = datetime(2026, 1, 1, 23, 59, 59, 5, tzinfo=WIB)
    assert wire_text(moment) == "2026-01-01T16:59:59.000005Z"
    assert parse_utc(wire_text(moment)) == moment
    assert parse_utc("2026-01-01T16:59:59") == datetime(2026, 1, 1, 16, 59, 59, tzinfo=UTC)
