"""Reading offices and the home office."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from kinerja_desktop.services.common.database import HOME_OFFICE_KEY, Database
from kinerja_desktop.services.common.dto import OfficeDTO
from kinerja_desktop.storage.models import Office, Setting


def _office_rows(session: Session) -> list[OfficeDTO]:
    parent = aliased(Office)
    stmt = (
        select(
            Office.uuid,
            Office.code,
            Office.name,
            Office.kind,
            parent.code,
            Office.address,
            Office.postal_code,
            Office.city,
            Office.letterhead_1,
            Office.letterhead_2,
            Office.letterhead_3,
        )
        .outerjoin(parent, Office.parent_id == parent.id)
        .where(Office.deleted_at.is_(None))
        .order_by(Office.code)
    )
    return [
        OfficeDTO(
            uuid=r[0],
            code=r[1],
            name=r[2],
            kind=r[3],
            parent_code=r[4],
            address=r[5],
            postal_code=r[6],
            city=r[7],
            letterhead=tuple(line for line in r[8:11] if line),
        )
        for r in session.execute(stmt)
    ]


def list_offices(db: Database) -> list[OfficeDTO]:
    """Every live office, ordered by code."""
    with db.uow() as uow:
        return _office_rows(uow.session)


def home_office_code(session: Session) -> str | None:
    """The code of the office this database was set up for."""
    value = session.execute(select(Setting.value).where(Setting.key == HOME_OFFICE_KEY)).scalar()
    return str(value) if value else None


def home_office(db: Database) -> OfficeDTO | None:
    """The home office (DESIGN.md section 7), or None on a database not yet set up."""
    with db.uow() as uow:
        code = home_office_code(uow.session)
        if code is None:
            return None
        return next((o for o in _office_rows(uow.session) if o.code == code), None)
