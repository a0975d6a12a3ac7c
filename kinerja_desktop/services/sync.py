"""Reading the sync state of each office (partners, packages). Writing packages comes later."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from kinerja_desktop.services.database import Database
from kinerja_desktop.services.dto import SyncOfficeRow
from kinerja_desktop.services.offices import home_office_code, list_offices
from kinerja_desktop.storage.models import Employee, SyncPackageLog, SyncPartner


def sync_overview(db: Database) -> list[SyncOfficeRow]:
    """Every office with its partner registration and last package, home office first."""
    offices = list_offices(db)
    with db.uow() as uow:
        session = uow.session
        home = home_office_code(session)
        partners = {p.office_code: p for p in session.execute(select(SyncPartner)).scalars()}
        last_at = dict(
            session.execute(
                select(SyncPackageLog.partner_code, func.max(SyncPackageLog.at)).group_by(
                    SyncPackageLog.partner_code
                )
            ).all()
        )
        owned = Counter(
            dict(
                session.execute(
                    select(Employee.origin_office, func.count())
                    .where(Employee.deleted_at.is_(None))
                    .group_by(Employee.origin_office)
                ).all()
            )
        )
    rows = []
    for office in offices:
        partner = partners.get(office.code)
        rows.append(
            SyncOfficeRow(
                office_code=office.code,
                office_name=office.name,
                kind=office.kind,
                is_home=office.code == home,
                is_partner=partner is not None,
                fingerprint=partner.fingerprint if partner else "",
                last_seq_received=partner.last_seq_received if partner else 0,
                last_seq_sent=partner.last_seq_sent if partner else 0,
                last_package_at=last_at.get(office.code),
                rows_owned=owned[office.code],
            )
        )
    rows.sort(key=lambda r: (not r.is_home, r.office_code))
    return rows
