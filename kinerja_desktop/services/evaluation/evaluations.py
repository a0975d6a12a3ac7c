"""Reading evaluations (latest revision per employee and period) and the periods in use.

The rows carry the mean capaian of the RHK Utama indicators (uncapped, DOMAIN.md A 3). The
whole list is six statements whatever its length (evaluations, register, assessments, one
query of the filled RHK Utama realisations for the means), never one per row, and the chosen
period's evaluations are a subquery, never a list of bound ids (issue 16).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import EvaluationRow, PeriodChoice
from kinerja_desktop.services.evaluation import core, heads
from kinerja_desktop.services.evaluation.dto import EvaluationListRow
from kinerja_desktop.services.evaluation.list_capaian import mean_capaians
from kinerja_desktop.storage.models import (
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
    """The latest revision of each evaluation, with its penilai's ratings and mean capaian
    (rows are :class:`EvaluationListRow`, an :class:`EvaluationRow` with ``mean_capaian``)."""
    with heads.paused_gc(), db.uow() as uow:
        session = uow.session
        # The evaluations of the chosen period(s) as a subquery, never as a list of bound ids:
        # a city holds more evaluations than SQLite binds in one statement (issue 16).
        chosen = _chosen(period)
        latest = _latest(session, chosen)
        register = _Register.read(session)
        assessments = heads.newest_decisions(session, chosen)
        means = mean_capaians(session, {ev.id: ev.period for ev in latest.values()})
        rows: list[EvaluationRow] = []
        for ev in latest.values():
            person = register.people[ev.employee_id]
            code = register.office_of.get(ev.employee_id, (None, None, ""))[2]
            if office_code is not None and code != office_code:
                continue
            assessment = assessments.get(ev.id)
            state = core.effective(ev, assessment)
            penilai, penilai_uuid = register.penilai(ev.employee_id, assessment)
            rows.append(
                EvaluationListRow(
                    uuid=ev.uuid,
                    employee_uuid=person.uuid,
                    employee_name=full_name(person.name, person.title_prefix, person.title_suffix),
                    nip=person.nip,
                    office_code=code,
                    period=ev.period,
                    revision=ev.revision,
                    status=state.status,
                    rating_hasil=assessment.rating_hasil if assessment else None,
                    rating_perilaku=assessment.rating_perilaku if assessment else None,
                    predikat=state.predikat,
                    penilai_name=penilai,
                    updated_at=ev.updated_at,
                    mean_capaian=means.get(ev.id),
                    penilai_uuid=penilai_uuid,
                )
            )
        rows.sort(key=lambda r: (r.period, r.office_code, r.employee_name.casefold()))
    return rows


def _chosen(period: str | None) -> Select[tuple[int]]:
    """The ids of the live evaluations of ``period`` (of every period when ``None``)."""
    chosen = select(Evaluation.id).where(Evaluation.deleted_at.is_(None))
    return chosen if period is None else chosen.where(Evaluation.period == period)


def _latest(
    session: Session, chosen: Select[tuple[int]], *, status_only: bool = False
) -> dict[tuple[int, str], Any]:
    """The latest revision per employee and period among ``chosen``, as plain rows
    (:func:`heads.evaluation_heads`)."""
    latest: dict[tuple[int, str], Any] = {}
    for ev in heads.evaluation_heads(session, chosen, status_only=status_only):
        key = (ev.employee_id, ev.period)
        if key not in latest or ev.revision > latest[key].revision:
            latest[key] = ev
    return latest


@dataclass
class _Register:
    """Names of everyone, and per employee the office and atasan of the current assignment."""

    people: dict[int, Any]
    externals: dict[int, str]
    office_of: dict[int, tuple[bool, object, str]]
    # The register's atasan of that same assignment: the penilai before an assessment exists.
    atasan_of: dict[int, tuple[int | None, int | None]]

    @classmethod
    def read(cls, session: Session) -> _Register:
        people = {
            r.id: r
            for r in heads.streamed(
                session,
                select(
                    Employee.id,
                    Employee.uuid,
                    Employee.nip,
                    Employee.name,
                    Employee.title_prefix,
                    Employee.title_suffix,
                ),
            )
        }
        externals = {
            r.id: r.name for r in session.execute(select(ExternalPenilai.id, ExternalPenilai.name))
        }
        office_of, atasan_of = _current_offices(session)
        return cls(people, externals, office_of, atasan_of)

    def penilai(self, employee_id: int, assessment: Any | None) -> tuple[str, str | None]:
        """The penilai's name and uuid (none for an external one): the assessment's, else the
        register's atasan."""
        penilai_id, external_id = self.atasan_of.get(employee_id, (None, None))
        if assessment is not None and (
            assessment.penilai_id is not None or assessment.external_penilai_id is not None
        ):
            penilai_id, external_id = assessment.penilai_id, assessment.external_penilai_id
        if penilai_id is not None and penilai_id in self.people:
            p = self.people[penilai_id]
            return full_name(p.name, p.title_prefix, p.title_suffix), p.uuid
        if external_id is not None:
            return self.externals.get(external_id, ""), None
        return "", None


def _current_offices(
    session: Session,
) -> tuple[dict[int, tuple[bool, object, str]], dict[int, tuple[int | None, int | None]]]:
    """Per employee: (open?, start, office code) of the current assignment (the open one, else
    the one that started last), and the (atasan, external penilai) of that assignment."""
    office_of: dict[int, tuple[bool, object, str]] = {}
    atasan_of: dict[int, tuple[int | None, int | None]] = {}
    for a in heads.streamed(
        session,
        select(
            Assignment.employee_id,
            Assignment.start_date,
            Assignment.end_date,
            Assignment.atasan_id,
            Assignment.external_penilai_id,
            Office.code,
        )
        .join(Office, Assignment.office_id == Office.id)
        .where(Assignment.deleted_at.is_(None)),
    ):
        key = (a.end_date is None, a.start_date)
        held = office_of.get(a.employee_id)
        if held is None or key > held[:2]:
            office_of[a.employee_id] = (*key, a.code)
            atasan_of[a.employee_id] = (a.atasan_id, a.external_penilai_id)
    return office_of, atasan_of


def status_counts(db: Database, period: str) -> dict[str, Counter[EvaluationStatus]]:
    """Per office code: how many of :func:`list_evaluations` ``(period=period)`` rows stand at
    each status, without reading names or capaian (the Laporan counts need only these)."""
    counts: dict[str, Counter[EvaluationStatus]] = defaultdict(Counter)
    with heads.paused_gc(), db.uow() as uow:
        session = uow.session
        chosen = _chosen(period)
        latest = _latest(session, chosen, status_only=True)
        # An assessment changes only a submitted evaluation's status (core.effective).
        submitted = chosen.where(Evaluation.status == EvaluationStatus.SUBMITTED)
        assessments = heads.newest_decisions(session, submitted, status_only=True)
        office_of, _atasan = _current_offices(session)
        for ev in latest.values():
            code = office_of.get(ev.employee_id, (None, None, ""))[2]
            counts[code][core.effective(ev, assessments.get(ev.id)).status] += 1
    return counts


def staff_counts(db: Database) -> Counter[str]:
    """Active employees per office code of their current assignment (the open one, else the
    one that started last; ``""`` without one): what counting ``list_employees(db,
    include_inactive=False)`` by office gives, without building the rows."""
    with db.uow() as uow:
        session = uow.session
        active = set(
            session.execute(
                select(Employee.id).where(Employee.deleted_at.is_(None), Employee.active)
            ).scalars()
        )
        current: dict[int, tuple[tuple[bool, date], str]] = {}
        for employee_id, start, end, code in session.execute(
            select(Assignment.employee_id, Assignment.start_date, Assignment.end_date, Office.code)
            .outerjoin(Office, Assignment.office_id == Office.id)
            .where(Assignment.deleted_at.is_(None))
        ):
            key = (end is None, start or date.min)
            held = current.get(employee_id)
            if held is None or key > held[0]:
                current[employee_id] = (key, code or "")
    return Counter(current[e][1] if e in current else "" for e in active)


def list_periods(db: Database) -> list[PeriodChoice]:
    """Periods that have settings or evaluations, newest first."""
    with db.uow() as uow:
        codes = set(uow.session.execute(select(PeriodSetting.period)).scalars())
        codes |= set(uow.session.execute(select(Evaluation.period).distinct()).scalars())
    periods = sorted((Period.parse(c) for c in codes), reverse=True)
    return [PeriodChoice(code=str(p), label=p.label(), start=p.start, end=p.end) for p in periods]
