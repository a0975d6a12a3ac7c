"""Organisation predikat (capaian kinerja organisasi) per office and period (DOMAIN.md A 11).

The *predikat organisasi* (Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang) of an office
is set each period by the leader of the organisation above (SE MenPANRB 3/2023), with the
office's IKU capaian shown beside it as guidance. It drives the head's rating suggestion, the
distribution check (:mod:`kinerja_desktop.services.office_eval.distribution`) and the printed forms.

Who may set it, and where (the decision of issue 6, following DESIGN.md sections 5 and 7b):

- The row is owned by the database where the leader above works (the kecamatan's database for
  its kelurahan; it travels down to them). So this database may set the predikat of:
  (a) a child office of the home office (the camat sets a kelurahan's), except a puskesmas;
  (b) the home office itself when its leader works outside this hierarchy: an office with no
  parent here (the kantor camat, whose leader is the Wali Kota's administration) or a puskesmas
  (its leader is the Kepala Dinas Kesehatan). The decision is then recorded at home on the
  external leader's behalf.
- Who: an Admin; the account linked to the current head of the home office (the camat, with
  the Penilai or Pimpinan role: setting this predikat is exactly the leader's act, the one write
  a Pimpinan account may do); and for (b) an Operator too, who records the external decision.
- A row received from another office is read-only (``record.not_owned``); a locked period is
  refused (``office_eval.period_locked``). A change is stamped and audited like any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import AchievementCategory, OfficeKind, OrgPredikat, Role
from kinerja_desktop.domain.errors import ConflictError
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.admin.permissions import refuse
from kinerja_desktop.services.admin.settings import load_settings
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.conflicts import check_version
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import audit, row_values, stamp_change, stamp_new
from kinerja_desktop.services.office_eval.periods import locking_period, require_unlocked
from kinerja_desktop.services.office_eval.realisations import build_capaian, office_row
from kinerja_desktop.storage.models import Assignment, Employee, Office, OrgAssessment

__all__ = [
    "OrgPredikatRow",
    "can_set_org_predikat",
    "get_org_predikat",
    "list_org_predikat",
    "set_org_predikat",
]


@dataclass(frozen=True)
class OrgPredikatRow:
    """One office's organisation predikat in one period, with its IKU guidance.

    Attributes:
        predikat: the stored predikat, or None when not set yet.
        iku_capaian: the office's overall IKU capaian of the period (guidance), if any.
        may_set: this database and the actor may set it (see the module docstring).
        leader: who sets it, in words ("Camat/pimpinan Kecamatan Nanggalo").
    """

    office_code: str
    office_name: str
    office_kind: OfficeKind
    period: str
    predikat: OrgPredikat | None
    note: str
    iku_capaian: Decimal | None
    iku_category: AchievementCategory | None
    may_set: bool
    leader: str
    locked: bool
    origin_office: str = ""
    uuid: str | None = None
    version: int | None = None


def _is_system(actor: Actor) -> bool:
    return actor.is_tool


def _is_home_head(session: Session, actor: Actor, home: Office | None) -> bool:
    if home is None or actor.employee_uuid is None:
        return False
    found = session.execute(
        select(Assignment.id)
        .join(Employee, Employee.id == Assignment.employee_id)
        .where(
            Employee.uuid == actor.employee_uuid,
            Assignment.office_id == home.id,
            Assignment.is_head.is_(True),
            Assignment.end_date.is_(None),
            Assignment.deleted_at.is_(None),
        )
    ).first()
    return found is not None


def _home(session: Session) -> Office | None:
    code = home_office_code(session)
    if code is None:
        return None
    return session.execute(select(Office).where(Office.code == code)).scalar()


def _scope(session: Session, office: Office, home: Office | None) -> str | None:
    """``"child"`` or ``"self"`` when this database sets ``office``'s predikat, else None."""
    if home is None:
        return "self"
    if office.kind == OfficeKind.PUSKESMAS:
        return "self" if office.id == home.id else None
    if office.id == home.id:
        return "self" if office.parent_id is None else None
    return "child" if office.parent_id == home.id else None


def _leader(office: Office) -> str:
    if office.kind == OfficeKind.PUSKESMAS:
        return "Kepala Dinas Kesehatan"
    if office.parent is not None:
        return f"pimpinan {office.parent.name}"
    return "pimpinan di atas kantor ini"


def _may_set(session: Session, actor: Actor | None, office: Office, home: Office | None) -> bool:
    scope = _scope(session, office, home)
    if scope is None or actor is None:
        return False
    if _is_system(actor) or actor.has(Role.ADMIN):
        return True
    if scope == "self" and actor.has(Role.OPERATOR):
        return True
    leader_role = actor.has(Role.PENILAI) or actor.has(Role.PIMPINAN)
    return leader_role and _is_home_head(session, actor, home)


def can_set_org_predikat(db: Database, actor: Actor | None, office_code: str) -> bool:
    """True when ``actor`` may set ``office_code``'s predikat in this database."""
    with db.uow() as uow:
        session = uow.session
        return _may_set(session, actor, office_row(session, office_code), _home(session))


def list_org_predikat(
    db: Database, period: str, *, actor: Actor | None = None
) -> list[OrgPredikatRow]:
    """Every office with its predikat of ``period`` (home office first, then by code)."""
    parsed = Period.parse(period)
    bands = load_settings(db).bands
    with db.uow() as uow:
        session = uow.session
        home = _home(session)
        offices = list(
            session.execute(
                select(Office).where(Office.deleted_at.is_(None)).order_by(Office.code)
            ).scalars()
        )
        stored = {
            r.office_id: r
            for r in session.execute(
                select(OrgAssessment).where(
                    OrgAssessment.period == str(parsed), OrgAssessment.deleted_at.is_(None)
                )
            ).scalars()
        }
        locked = locking_period(session, str(parsed)) is not None
        home_code = home.code if home else None
        rows = []
        for office in offices:
            row = stored.get(office.id)
            guidance = build_capaian(session, office, parsed, bands)
            owned = row is None or home_code is None or row.origin_office == home_code
            rows.append(
                OrgPredikatRow(
                    office_code=office.code,
                    office_name=office.name,
                    office_kind=office.kind,
                    period=str(parsed),
                    predikat=row.predikat if row else None,
                    note=row.note if row else "",
                    iku_capaian=guidance.overall,
                    iku_category=guidance.overall_category,
                    may_set=owned and not locked and _may_set(session, actor, office, home),
                    leader=_leader(office),
                    locked=locked,
                    origin_office=row.origin_office if row else "",
                    uuid=row.uuid if row else None,
                    version=row.version if row else None,
                )
            )
    rows.sort(key=lambda r: (r.office_code != home_code, r.office_code))
    return rows


def get_org_predikat(db: Database, office_code: str, period: str) -> OrgPredikat | None:
    """The stored predikat of an office and period (None when not set)."""
    parsed = Period.parse(period)
    with db.uow() as uow:
        office = office_row(uow.session, office_code)
        return uow.session.execute(
            select(OrgAssessment.predikat).where(
                OrgAssessment.office_id == office.id,
                OrgAssessment.period == str(parsed),
                OrgAssessment.deleted_at.is_(None),
            )
        ).scalar()


def set_org_predikat(
    db: Database,
    actor: Actor,
    office_code: str,
    period: str,
    predikat: OrgPredikat,
    *,
    note: str = "",
    expected_version: int | None = None,
) -> OrgPredikatRow:
    """Set (or change) the organisation predikat of an office and period.

    Raises:
        PermissionDeniedError: ``office_eval.org_not_allowed`` (wrong database or account).
        ConflictError: ``record.not_owned``, ``record.changed``, ``office_eval.period_locked``.
        NotFoundError: ``office.not_found``. ValidationError: ``period.invalid``.
    """
    parsed = Period.parse(period)
    value = OrgPredikat(predikat)
    with db.uow() as uow:
        session = uow.session
        office = office_row(session, office_code)
        home = _home(session)
        if not _may_set(session, actor, office, home):
            refuse(actor, "office_eval.org_not_allowed", field="predikat", office=office.name,
                   leader=_leader(office))  # fmt: skip
        require_unlocked(session, str(parsed))
        row = session.execute(
            select(OrgAssessment).where(
                OrgAssessment.office_id == office.id, OrgAssessment.period == str(parsed)
            )
        ).scalar()
        summary = f"{office.code} {parsed}: {label(value)}"
        if row is None:
            row = OrgAssessment(office_id=office.id, period=str(parsed), predikat=value)
            row.note = note.strip()
            stamp_new(row, actor, office=home.code if home else office.code)
            session.add(row)
            session.flush()
            audit(
                session, actor, action="create", entity="org_assessment", record_uuid=row.uuid,
                after=row_values(row), summary=summary,
            )  # fmt: skip
        else:
            if home is not None and row.origin_office != home.code:
                raise ConflictError("record.not_owned", name=summary, office=row.origin_office)
            check_version(row, expected_version, name=summary)
            if row.predikat != value or row.note != note.strip() or row.deleted_at is not None:
                before = row_values(row)
                row.predikat, row.note, row.deleted_at = value, note.strip(), None
                stamp_change(row, actor)
                session.flush()
                audit(
                    session, actor, action="update", entity="org_assessment",
                    record_uuid=row.uuid, before=before, after=row_values(row), summary=summary,
                )  # fmt: skip
        uow.commit()
    return next(
        r for r in list_org_predikat(db, str(parsed), actor=actor) if r.office_code == office.code
    )
