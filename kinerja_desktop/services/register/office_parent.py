"""The home office's parent: ``offices set-parent CODE`` and the same in the Kantor… dialog.

A kecamatan that joins the city tier registers the kota (BKPSDM) as its parent; from then on
its packages go up to the kota, relaying those of its kelurahan and puskesmas (DESIGN.md 7).

Decisions:
- The parent is usually not held here yet: it is recorded as a placeholder owned by the parent
  itself (its code as the name, of the kind the admin names, else one level up), exactly as
  ``init --parent`` does, so the parent's first package fills in its real details. When the
  parent's key is already registered, the placeholder takes the uuid the key names (version 0,
  "never written by its owner"), so that first package updates it instead of conflicting;
  registering the key later does the same (``services/sync/partners.py``).
- Only the home office's parent is set here: an office's place in the tree is its own row, and
  the home office is the only one this database owns. Other offices' parents come in packages.
- The home office row changes (its version goes up), so the next package up carries the new
  parent to the kota, whose ownership policy then sees the kecamatan below it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import OfficeKind, Role
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.offices import validate_office_code
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.admin.setup import PARENT_KIND
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import audit, stamp_change, stamp_new
from kinerja_desktop.storage.models import Office, SyncPartner

__all__ = ["ParentSet", "set_home_parent"]


@dataclass(frozen=True)
class ParentSet:
    """What ``set_home_parent`` did: ``placeholder`` when the parent office was new here."""

    office: str
    parent: str
    parent_kind: str
    previous: str | None
    placeholder: bool
    changed: bool


def _home(session: Session) -> Office:
    code = home_office_code(session)
    row = (
        session.execute(select(Office).where(Office.code == code)).scalar()
        if code is not None
        else None
    )
    if row is None:
        raise ValidationError("sync.no_home")
    return row


def _placeholder(session: Session, actor: Actor, code: str, kind: OfficeKind) -> Office:
    row = Office(code=code, name=code, kind=kind)
    stamp_new(row, actor, office=code)
    known = session.execute(
        select(SyncPartner.office_uuid).where(SyncPartner.office_code == code)
    ).scalar()
    taken = known and session.execute(select(Office.id).where(Office.uuid == known)).first()
    if known and not taken:
        row.uuid, row.version = known, 0
    session.add(row)
    return row


def set_home_parent(
    db: Database, actor: Actor, parent_code: str, *, kind: OfficeKind | None = None
) -> ParentSet:
    """Register office ``parent_code`` as the home office's parent (Admin; one transaction,
    audited). ``kind`` is the kind of the placeholder made when the office is new here (by
    default the kind one level up: a kecamatan's parent is the kota).

    Raises:
        ValidationError: bad code, ``office.parent_self``, ``office.parent_cycle``.
        ValidationError: ``sync.no_home`` on a database not set up for an office.
    """
    require(actor, Role.ADMIN)
    code = validate_office_code(parent_code)
    with db.uow() as uow:
        session = uow.session
        home = _home(session)
        if code == home.code:
            raise ValidationError("office.parent_self", field="parent_code", value=code)
        parent = session.execute(select(Office).where(Office.code == code)).scalar()
        above = parent
        while above is not None:  # the new parent may not sit below the home office
            if above.code == home.code:
                raise ValidationError("office.parent_cycle", field="parent_code", value=code)
            above = above.parent
        previous = home.parent.code if home.parent is not None else None
        if parent is not None and previous == code:
            return ParentSet(home.code, code, parent.kind.value, previous, False, False)
        placeholder = parent is None
        if parent is None:
            above = OfficeKind(kind) if kind else PARENT_KIND.get(home.kind, OfficeKind.KOTA)
            parent = _placeholder(session, actor, code, above)
        home.parent = parent
        stamp_change(home, actor)
        session.flush()
        audit(
            session, actor, action="update", entity="office", record_uuid=home.uuid,
            before={"parent": previous},
            after={"parent": code, "parent_kind": parent.kind.value, "placeholder": placeholder},
            summary=f"{home.code} parent {code}",
        )  # fmt: skip
        result = ParentSet(home.code, code, parent.kind.value, previous, placeholder, True)
        uow.commit()
    return result
