"""Reading evaluations (latest revision per employee and period) and the periods in use."""

from __future__ import annotations

from sqlalchemy import select

from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.database import Database
from kinerja_desktop.services.dto import EvaluationRow, PeriodChoice
from kinerja_desktop.services.employees import full_name
from kinerja_desktop.storage.models import (
    Assessment,
    Assignment,
    Employee,
    Evaluation,
    ExternalPenilai,
    Office,
    PeriodSetting,
)


def list_evaluations(
    db: Database, *, period: str | None = None, office_code: str | None = None
) -> list[EvaluationRow]:
    """The latest revision of each evaluation, with its penilai's ratings."""
    with db.uow() as uow:
        session = uow.session
        stmt = select(Evaluation).where(Evaluation.deleted_at.is_(None))
        if period is not None:
            stmt = stmt.where(Evaluation.period == period)
        evaluations = session.execute(stmt).scalars().all()
        latest: dict[tuple[int, str], Evaluation] = {}
        for ev in evaluations:
            key = (ev.employee_id, ev.period)
            if key not in latest or ev.revision > latest[key].revision:
                latest[key] = ev
        people = {
            r.id: r
            for r in session.execute(
                select(
                    Employee.id,
                    Employee.uuid,
                    Employee.nip,
                    Employee.name,
                    Employee.title_prefix,
                    Employee.title_suffix,
                )
            )
        }
        externals = {
            r.id: r.name for r in session.execute(select(ExternalPenilai.id, ExternalPenilai.name))
        }
        office_of: dict[int, tuple[bool, object, str]] = {}
        for a in session.execute(
            select(Assignment.employee_id, Assignment.start_date, Assignment.end_date, Office.code)
            .join(Office, Assignment.office_id == Office.id)
            .where(Assignment.deleted_at.is_(None))
        ):
            key = (a.end_date is None, a.start_date)
            held = office_of.get(a.employee_id)
            if held is None or key > held[:2]:
                office_of[a.employee_id] = (*key, a.code)
        ev_ids = [ev.id for ev in latest.values()]
        assessments: dict[int, Assessment] = {}
        for assessment in session.execute(
            select(Assessment)
            .where(Assessment.evaluation_id.in_(ev_ids), Assessment.deleted_at.is_(None))
            .order_by(Assessment.id)
        ).scalars():
            assessments[assessment.evaluation_id] = assessment
        rows = []
        for ev in latest.values():
            person = people[ev.employee_id]
            code = office_of.get(ev.employee_id, (None, None, ""))[2]
            if office_code is not None and code != office_code:
                continue
            assessment = assessments.get(ev.id)
            penilai = ""
            if assessment is not None:
                if assessment.penilai_id is not None and assessment.penilai_id in people:
                    p = people[assessment.penilai_id]
                    penilai = full_name(p.name, p.title_prefix, p.title_suffix)
                elif assessment.external_penilai_id is not None:
                    penilai = externals.get(assessment.external_penilai_id, "")
            rows.append(
                EvaluationRow(
                    uuid=ev.uuid,
                    employee_uuid=person.uuid,
                    employee_name=full_name(person.name, person.title_prefix, person.title_suffix),
                    nip=person.nip,
                    office_code=code,
                    period=ev.period,
                    revision=ev.revision,
                    status=ev.status,
                    rating_hasil=assessment.rating_hasil if assessment else None,
                    rating_perilaku=assessment.rating_perilaku if assessment else None,
                    predikat=ev.predikat,
                    penilai_name=penilai,
                    updated_at=ev.updated_at,
                )
            )
    rows.sort(key=lambda r: (r.period, r.office_code, r.employee_name.casefold()))
    return rows


def list_periods(db: Database) -> list[PeriodChoice]:
    """Periods that have settings or evaluations, newest first."""
    with db.uow() as uow:
        codes = set(uow.session.execute(select(PeriodSetting.period)).scalars())
        codes |= set(uow.session.execute(select(Evaluation.period).distinct()).scalars())
    periods = sorted((Period.parse(c) for c in codes), reverse=True)
    return [PeriodChoice(code=str(p), label=p.label(), start=p.start, end=p.end) for p in periods]
