"""Reading the sync state of each office: partners, packages, receipts, conflicts, totals.

:class:`SyncOfficeStatus` extends the :class:`SyncOfficeRow` the Sinkronisasi table shows with
the last package in either direction, the last receipt, the open conflicts and whether the
last receipt's totals agreed (``None`` while no receipt exists).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import SyncOfficeRow
from kinerja_desktop.services.common.offices import home_office_code, list_offices
from kinerja_desktop.services.sync.partners import registered_fingerprint
from kinerja_desktop.storage.models import (
    Employee,
    OfficeKey,
    SyncConflict,
    SyncPackageLog,
    SyncPartner,
)


@dataclass(frozen=True)
class SyncOfficeStatus(SyncOfficeRow):
    """One office in the Sinkronisasi view, with its exchange state."""

    last_package: str = ""
    last_receipt_at: datetime | None = None
    open_conflicts: int = 0
    totals_agree: bool | None = None
    direction: str = ""
    #: Whether packages to this office are encrypted (its key file carried an encryption key;
    #: for the home office, whether it has its own pair yet). ``fingerprint`` is then the one
    #: read over the phone, covering both keys (issue 17).
    can_encrypt: bool = False


@dataclass(frozen=True)
class PackageLogRow:
    """One package written or applied, newest first in :func:`package_history`."""

    at: datetime
    direction: str
    office: str
    seq: int
    kind: str
    status: str
    file_name: str
    sha256: str
    counts: dict[str, Any]
    totals_agree: bool | None


def _utc(value: datetime) -> datetime:
    # SQLite hands datetimes back without a zone; they are UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _parse(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return _utc(datetime.fromisoformat(str(value)))
    except ValueError:
        return None


def _agree(details: dict[str, Any] | None) -> bool | None:
    receipt = (details or {}).get("receipt")
    if not receipt:
        return None
    return bool((receipt.get("totals") or {}).get("agree"))


def sync_overview(db: Database) -> list[SyncOfficeStatus]:
    """Every office with its partner registration and exchange state, home office first."""
    offices = list_offices(db)
    with db.uow() as uow:
        session = uow.session
        home = home_office_code(session)
        home_key = session.execute(select(OfficeKey).where(OfficeKey.office_code == home)).scalar()
        home_fp = registered_fingerprint(home_key) if home_key else ""
        partners = {p.office_code: p for p in session.execute(select(SyncPartner)).scalars()}
        logs: dict[str, list[SyncPackageLog]] = {}
        for log in session.execute(select(SyncPackageLog).order_by(SyncPackageLog.at)).scalars():
            logs.setdefault(log.partner_code, []).append(log)
        conflicts = dict(
            session.execute(
                select(SyncConflict.partner_code, func.count())
                .where(SyncConflict.status == "open")
                .group_by(SyncConflict.partner_code)
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
        parent_of = {o.code: o.parent_code for o in offices}
        rows = []
        for office in offices:
            partner = partners.get(office.code)
            history = logs.get(office.code, [])
            last = history[-1] if history else None
            receipts = [
                (log, _parse((log.details or {}).get("acknowledged_at")) or _utc(log.at))
                for log in history
                if (log.details or {}).get("receipt")
            ]
            last_receipt = max(receipts, key=lambda item: item[1]) if receipts else None
            direction = ""
            if parent_of.get(home or "") == office.code:
                direction = "up"
            elif office.parent_code == home and office.code != home:
                direction = "down"
            rows.append(
                SyncOfficeStatus(
                    office_code=office.code,
                    office_name=office.name,
                    kind=office.kind,
                    is_home=office.code == home,
                    is_partner=partner is not None,
                    fingerprint=(registered_fingerprint(partner) if partner else "")
                    or (home_fp if office.code == home else ""),
                    last_seq_received=partner.last_seq_received if partner else 0,
                    last_seq_sent=partner.last_seq_sent if partner else 0,
                    last_package_at=last.at if last else None,
                    rows_owned=owned[office.code],
                    last_package=last.file_name or "" if last else "",
                    last_receipt_at=last_receipt[1] if last_receipt else None,
                    open_conflicts=int(conflicts.get(office.code, 0)),
                    totals_agree=_agree(last_receipt[0].details) if last_receipt else None,
                    direction=direction,
                    can_encrypt=_can_encrypt(partner if office.code != home else home_key),
                )
            )
    rows.sort(key=lambda r: (not r.is_home, r.office_code))
    return rows


def _can_encrypt(key: SyncPartner | OfficeKey | None) -> bool:
    return key is not None and bool(key.encryption_key)


def package_history(db: Database, office: str | None = None) -> list[PackageLogRow]:
    """Packages written and applied (optionally of one partner), newest first."""
    with db.uow() as uow:
        stmt = select(SyncPackageLog).order_by(SyncPackageLog.at.desc(), SyncPackageLog.id.desc())
        if office:
            stmt = stmt.where(SyncPackageLog.partner_code == office)
        return [
            PackageLogRow(
                at=log.at,
                direction=log.direction,
                office=log.partner_code,
                seq=log.seq,
                kind=log.kind,
                status=log.status,
                file_name=log.file_name or "",
                sha256=log.sha256,
                counts=dict(log.counts or {}),
                totals_agree=_agree(log.details),
            )
            for log in uow.session.execute(stmt).scalars()
        ]


def home_fingerprint(db: Database) -> tuple[str, str]:
    """``(office code, fingerprint)`` of this database's keys (empty when not set up): the one
    read over the phone, over both public keys once the office has its encryption pair (a
    database set up before issue 17 gets it when its key file is first written)."""
    with db.uow() as uow:
        home = home_office_code(uow.session) or ""
        key = uow.session.execute(select(OfficeKey).where(OfficeKey.office_code == home)).scalar()
        return home, registered_fingerprint(key) if key else ""


def export_targets(db: Database) -> list[tuple[str, str, str]]:
    """``(code, name, "up"|"down")`` of the registered partners a package can go to."""
    return [
        (row.office_code, row.office_name, row.direction)
        for row in sync_overview(db)
        if row.is_partner and row.direction
    ]
