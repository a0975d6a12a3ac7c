"""After the demo wrote its rows with fixed ids, a plain insert gets a fresh id on both engines
(on PostgreSQL the sequences are moved past the demo's ids; issue 18.3)."""

from __future__ import annotations

from sqlalchemy import func, select

from kinerja_desktop.domain.enums import OfficeKind
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.storage.models import Office
from kinerja_desktop.storage.server import advance_sequences


def test_the_first_insert_after_the_demo_gets_a_new_id(db: Database) -> None:
    with db.uow() as uow:
        highest = uow.session.execute(select(func.max(Office.id))).scalar()
        office = Office(
            code="KOTA-UJI", name="Uji", kind=OfficeKind.KECAMATAN, origin_office="KOTA-UJI"
        )
        uow.session.add(office)
        uow.session.flush()
        assert office.id > highest
        uow.commit()


def test_advancing_twice_changes_nothing_more(db: Database) -> None:
    with db.uow() as uow:
        first = advance_sequences(uow.session)
        second = advance_sequences(uow.session)
        uow.commit()
    assert first == second  # as many sequences each time; 0 on SQLite, which has none
    assert (first > 20) == (db.engine.dialect.name == "postgresql")
