"""The read-only reader beside the writer (WAL): read tasks use it while a write is open."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.storage.models import Employee, Setting


def test_the_reader_reads_a_snapshot_while_a_write_is_open(db):
    reader = db.reader()
    assert reader.read_only and reader is db.reader()  # made once, kept
    with reader.uow() as uow:
        before = uow.session.execute(select(func.count()).select_from(Employee)).scalar_one()
    with db.uow() as writing:
        writing.session.execute(update(Employee).values(phone="0812"))
        writing.session.flush()  # the writer holds its lock and uncommitted rows
        with reader.uow() as uow:
            phones = uow.session.execute(select(Employee.phone).where(Employee.phone == "0812"))
            assert phones.all() == []  # not the writer's uncommitted rows
            count = uow.session.execute(select(func.count()).select_from(Employee)).scalar_one()
        assert count == before
        writing.commit()
    with reader.uow() as uow:
        changed = uow.session.execute(select(func.count()).where(Employee.phone == "0812"))
        assert changed.scalar_one() == before


def test_the_reader_refuses_to_write(db):
    with pytest.raises(DatabaseError) as caught, db.reader().uow() as uow:
        uow.session.add(Setting(key="x", value=1))
        uow.session.flush()
    expected = "db.read_only_write_server" if db.is_server else "db.read_only_write"
    assert caught.value.code == expected
