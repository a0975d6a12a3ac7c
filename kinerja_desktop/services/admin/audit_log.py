"""Reading the audit trail (append-only: nothing in the app edits or deletes it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.messages import text
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.common import bounds
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.storage.models import (
    Assessment,
    AuditEntry,
    Employee,
    Evaluation,
    Evidence,
    ExternalPenilai,
    IkmSurvey,
    Indicator,
    IndicatorRealisation,
    Office,
    OrgAssessment,
    PeriodSetting,
    Skp,
    User,
)

DEFAULT_LIMIT = 5000


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    entity: str
    record_uuid: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    summary: str
    record_text: str = ""
    """What the record is ("Pegawai 19870528 201501 1 009 Budi Santoso"); "" when the uuid
    names nothing that still exists (a deleted row keeps its uuid in the trail)."""


def list_audit(
    db: Database,
    actor: Actor,
    *,
    username: str | None = None,
    record_uuid: str | None = None,
    entity: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = DEFAULT_LIMIT,
    lang: str = "id",
) -> list[AuditRow]:
    """Audit entries, newest first, filtered; only Admin and Pimpinan may read them.

    ``date_to`` is inclusive (the whole day). Each row says what its record is
    (:attr:`AuditRow.record_text`), resolved with one query per kind of record, not per row.
    """
    require(actor, Role.ADMIN, Role.PIMPINAN)
    stmt = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if username:
        stmt = stmt.where(AuditEntry.username.contains(username))
    if record_uuid:
        stmt = stmt.where(AuditEntry.record_uuid == record_uuid)
    if entity:
        stmt = stmt.where(AuditEntry.entity == entity)
    if date_from:
        stmt = stmt.where(AuditEntry.at >= datetime.combine(date_from, time.min, UTC))
    if date_to:
        stmt = stmt.where(
            AuditEntry.at < datetime.combine(date_to + timedelta(days=1), time.min, UTC)
        )
    with db.uow() as uow:
        entries = list(uow.session.execute(stmt).scalars())
        wanted: dict[str, set[str]] = {}
        for e in entries:
            if e.record_uuid:
                wanted.setdefault(e.entity, set()).add(e.record_uuid)
        names = describe_records(uow.session, wanted, lang)
        return [
            AuditRow(
                id=e.id,
                at=e.at.replace(tzinfo=UTC) if e.at.tzinfo is None else e.at,
                username=e.username,
                action=e.action,
                entity=e.entity,
                record_uuid=e.record_uuid,
                before=e.before,
                after=e.after,
                summary=e.summary,
                record_text=names.get((e.entity, e.record_uuid or ""), ""),
            )
            for e in entries
        ]


def audit_entities(db: Database) -> list[str]:
    """The kinds of record that appear in the trail, for the filter box."""
    with db.uow() as uow:
        return sorted(uow.session.execute(select(AuditEntry.entity).distinct()).scalars())


# -- what a record is ----------------------------------------------------------------------------


def _person(nip: str, name: str, prefix: str, suffix: str) -> str:
    from kinerja_desktop.domain.names import full_name

    return f"{format_nip(nip)} {full_name(name, prefix, suffix)}".strip()


_PERSON = (Employee.nip, Employee.name, Employee.title_prefix, Employee.title_suffix)


def _queries(session: Session, entity: str, uuids: list[str]) -> dict[str, str]:
    """``{uuid: description without the kind}`` for one kind of record; one query."""
    if entity == "employee":
        stmt = select(Employee.uuid, *_PERSON).where(Employee.uuid.in_(uuids))
        return {u: _person(*rest) for u, *rest in session.execute(stmt)}
    if entity in ("evaluation", "realisation"):
        stmt = (
            select(Evaluation.uuid, Evaluation.period, *_PERSON)
            .join(Employee, Employee.id == Evaluation.employee_id)
            .where(Evaluation.uuid.in_(uuids))
        )
        return {u: f"{period} {_person(*rest)}" for u, period, *rest in session.execute(stmt)}
    if entity == "assessment":
        stmt = (
            select(Assessment.uuid, Evaluation.period, *_PERSON)
            .join(Evaluation, Evaluation.id == Assessment.evaluation_id)
            .join(Employee, Employee.id == Evaluation.employee_id)
            .where(Assessment.uuid.in_(uuids))
        )
        return {u: f"{period} {_person(*rest)}" for u, period, *rest in session.execute(stmt)}
    if entity == "skp":
        stmt = (
            select(Skp.uuid, Skp.year, *_PERSON)
            .join(Employee, Employee.id == Skp.employee_id)
            .where(Skp.uuid.in_(uuids))
        )
        return {u: f"{year} {_person(*rest)}" for u, year, *rest in session.execute(stmt)}
    if entity == "office":
        stmt = select(Office.uuid, Office.code, Office.name).where(Office.uuid.in_(uuids))
        return {u: f"{code} {name}" for u, code, name in session.execute(stmt)}
    if entity == "user":
        stmt = select(User.uuid, User.username, User.display_name).where(User.uuid.in_(uuids))
        return {
            u: f"{username} ({shown})" if shown and shown != username else username
            for u, username, shown in session.execute(stmt)
        }
    if entity == "external_penilai":
        stmt = select(ExternalPenilai.uuid, ExternalPenilai.name).where(
            ExternalPenilai.uuid.in_(uuids)
        )
        return dict(session.execute(stmt).all())
    if entity in ("org_assessment", "ikm_survey"):
        model = OrgAssessment if entity == "org_assessment" else IkmSurvey
        stmt = (
            select(model.uuid, model.period, Office.code)
            .join(Office, Office.id == model.office_id)
            .where(model.uuid.in_(uuids))
        )
        return {u: f"{period} {code}" for u, period, code in session.execute(stmt)}
    if entity == "period_setting":
        stmt = select(PeriodSetting.uuid, PeriodSetting.period).where(PeriodSetting.uuid.in_(uuids))
        return dict(session.execute(stmt).all())
    if entity == "indicator_realisation":
        stmt = (
            select(IndicatorRealisation.uuid, IndicatorRealisation.period, Indicator.code)
            .join(Indicator, Indicator.id == IndicatorRealisation.indicator_id)
            .where(IndicatorRealisation.uuid.in_(uuids))
        )
        return {u: f"{code} {period}" for u, period, code in session.execute(stmt)}
    if entity == "indicator":
        stmt = select(Indicator.uuid, Indicator.code, Indicator.year).where(
            Indicator.uuid.in_(uuids)
        )
        return {u: f"{code} {year}" for u, code, year in session.execute(stmt)}
    if entity == "evidence":
        stmt = select(Evidence.uuid, Evidence.filename).where(Evidence.uuid.in_(uuids))
        return dict(session.execute(stmt).all())
    return {}


def describe_records(
    session: Session, wanted: dict[str, set[str]], lang: str = "id"
) -> dict[tuple[str, str], str]:
    """``{(entity, uuid): "Pegawai 19870528 201501 1 009 Budi Santoso"}`` for the records
    that still exist, asked with one query per kind of record (in slices of
    :data:`~kinerja_desktop.services.common.bounds.PARAMETER_CHUNK`, SQLite's limit)."""
    found: dict[tuple[str, str], str] = {}
    for entity, uuids in wanted.items():
        kind = text(f"audit.entity.{entity}", lang)
        for part in bounds.chunks(sorted(uuids)):
            for uuid, what in _queries(session, entity, list(part)).items():
                found[(entity, uuid)] = f"{kind} {what}"
    return found
