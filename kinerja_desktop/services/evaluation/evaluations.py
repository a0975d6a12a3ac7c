"""Reading evaluations (latest revision per employee and period) and the periods in use.

The rows carry the mean capaian of the RHK Utama indicators (uncapped, DOMAIN.md A 3). The
whole list is six statements whatever its length (evaluations, register, assessments, one
query of the filled RHK Utama realisations for the means), never one per row, and the chosen
period's evaluations are selected by their conditions, never by a list of bound ids (issue
16). The list reads its enum and timestamp columns as stored and converts each distinct value
once (``stored.py``): same values, a fraction of the per-row work.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EvaluationStatus, Predikat
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import EvaluationRow, PeriodChoice
from kinerja_desktop.services.evaluation import core, heads
from kinerja_desktop.services.evaluation.dto import EvaluationListRow
from kinerja_desktop.services.evaluation.list_capaian import mean_capaians
from kinerja_desktop.services.evaluation.stored import as_stored, converter, rows_of
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
    """The latest revision of each evaluation, with its penilai's ratings and mean capaian
    (rows are :class:`EvaluationListRow`, an :class:`EvaluationRow` with ``mean_capaian``)."""
    with heads.paused_gc(), db.uow() as uow:
        session = uow.session
        # The evaluations of the chosen period(s) by their conditions, never as a list of
        # bound ids: a city holds more than SQLite binds in one statement (issue 16).
        chosen = _chosen(period).whereclause
        latest = _list_heads(session, chosen)
        register = _Register.read(session)
        assessments = _list_decisions(session, chosen)
        means = mean_capaians(session, {ev[0]: ev[2] for ev in latest.values()})
        rows = _Rows(session, register, assessments, means).made(latest.values(), office_code)
    rows.sort(key=lambda r: (r.period, r.office_code, r.employee_name.casefold()))
    return rows


def _chosen(period: str | None) -> Select[tuple[int]]:
    """The ids of the live evaluations of ``period`` (of every period when ``None``)."""
    chosen = select(Evaluation.id).where(Evaluation.deleted_at.is_(None))
    return chosen if period is None else chosen.where(Evaluation.period == period)


# What the list reads of an evaluation and of its newest assessment, in this order; the
# converted columns (enums, timestamps) as stored, converted once per distinct value (stored.py).
_HEAD = (
    Evaluation.id,
    Evaluation.employee_id,
    Evaluation.period,
    Evaluation.revision,
    as_stored(Evaluation.status),
    as_stored(Evaluation.submitted_at),
    Evaluation.uuid,
    as_stored(Evaluation.predikat),
    as_stored(Evaluation.updated_at),
)
_DECISION = (
    Assessment.evaluation_id,
    as_stored(Assessment.decision),
    as_stored(Assessment.decided_at),
    Assessment.penilai_id,
    Assessment.external_penilai_id,
    as_stored(Assessment.rating_hasil),
    as_stored(Assessment.rating_perilaku),
    as_stored(Assessment.predikat),
)


def _list_heads(
    session: Session, chosen: Any, columns: tuple[Any, ...] = _HEAD
) -> dict[tuple[int, str], Any]:
    """Per employee and period, the latest revision's :data:`_HEAD` (or its first
    ``columns``) as stored, of the evaluations meeting ``chosen``
    (:func:`_chosen`'s conditions: read directly, the period's index once, not as a subquery
    of ids)."""
    latest: dict[tuple[int, str], Any] = {}
    for row in rows_of(session, select(*columns).where(chosen).order_by(Evaluation.id)):
        key = (row[1], row[2])
        held = latest.get(key)
        if held is None or row[3] > held[3]:
            latest[key] = row
    return latest


def _list_decisions(session: Session, chosen: Any) -> dict[int, Any]:
    """:func:`heads.newest_decisions` for the list: per evaluation meeting ``chosen``, the
    newest live assessment's :data:`_DECISION` as stored (a join: a quarter faster on a
    city than the evaluations' ids as an ``IN`` subquery)."""
    stmt = (
        select(*_DECISION)
        .join_from(Evaluation, Assessment, Assessment.evaluation_id == Evaluation.id)
        .where(chosen, Assessment.deleted_at.is_(None))
        .order_by(Assessment.id)
    )
    return {row[0]: row for row in rows_of(session, stmt)}


class _Head(NamedTuple):
    """What :func:`core.effective` reads of an evaluation (the list keeps only the status
    and the predikat of the state: the reason and the approval time are not read)."""

    status: EvaluationStatus
    submitted_at: datetime | None
    predikat: Predikat | None
    status_reason: str = ""
    snapshot: None = None
    approved_at: None = None


class _Decision(NamedTuple):
    """What :func:`core.effective` reads of an assessment."""

    decision: EvaluationStatus | None
    decided_at: datetime | None
    predikat: Predikat | None
    decision_reason: str = ""
    snapshot: None = None


class _Rows:
    """The list's rows from the rows as stored: each column's values converted once per
    distinct value, each person's printed name made once."""

    def __init__(
        self,
        session: Session,
        register: _Register,
        assessments: dict[int, Any],
        means: dict[int, Decimal | None],
    ) -> None:
        self.register, self.assessments, self.means = register, assessments, means
        self.status = converter(session, Evaluation.status)
        self.predikat = converter(session, Evaluation.predikat)
        self.moment = converter(session, Evaluation.updated_at)  # every timestamp's type
        self.decision = converter(session, Assessment.decision)
        self.rating = converter(session, Assessment.rating_hasil)  # both ratings' type
        self.decided_predikat = converter(session, Assessment.predikat)

    def made(self, latest: Iterable[Any], office_code: str | None) -> list[EvaluationRow]:
        register, assessments, means = self.register, self.assessments, self.means
        status_of, predikat_of = self.status, self.predikat
        moment, rating = self.moment, self.rating
        office_of, people, penilai_of = register.office_of, register.people, register.penilai
        rows: list[EvaluationRow] = []
        for ev_id, employee_id, period, revision, status, submitted, uuid, predikat, at in latest:
            code = office_of.get(employee_id, _NO_OFFICE)[2]
            if office_code is not None and code != office_code:
                continue
            person = people[employee_id]
            a = assessments.get(ev_id)
            status, predikat = status_of[status], predikat_of[predikat]
            if a is not None and status == EvaluationStatus.SUBMITTED:
                # Only a submitted evaluation's state can come from its assessment.
                state = core.effective(
                    _Head(status, moment[submitted], predikat),
                    _Decision(self.decision[a[1]], moment[a[2]], self.decided_predikat[a[7]]),
                )
                status, predikat = state.status, state.predikat
            penilai, penilai_uuid = penilai_of(employee_id, a)
            rows.append(
                EvaluationListRow.from_values(
                    uuid,
                    person[0],
                    person[2],
                    person[1],
                    code,
                    period,
                    revision,
                    status,
                    rating[a[5]] if a is not None else None,
                    rating[a[6]] if a is not None else None,
                    predikat,
                    penilai,
                    moment[at],
                    means.get(ev_id),
                    penilai_uuid,
                )
            )
        return rows


_NO_OFFICE = (None, None, "")


@dataclass
class _Register:
    """Names of everyone, and per employee the office and atasan of the current assignment."""

    # Per employee id: uuid, NIP and the name as printed (with gelar).
    people: dict[int, tuple[str, str, str]]
    externals: dict[int, str]
    office_of: dict[int, tuple[bool, object, str]]
    # The register's atasan of that same assignment: the penilai before an assessment exists.
    atasan_of: dict[int, tuple[int | None, int | None]]

    @classmethod
    def read(cls, session: Session) -> _Register:
        people = {
            r[0]: (r[1], r[2], full_name(r[3], r[4], r[5]))
            for r in rows_of(
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
        register's atasan. ``assessment`` is a row of :data:`_DECISION`."""
        penilai_id, external_id = self.atasan_of.get(employee_id, (None, None))
        if assessment is not None and (assessment[3] is not None or assessment[4] is not None):
            penilai_id, external_id = assessment[3], assessment[4]
        if penilai_id is not None and penilai_id in self.people:
            uuid, _nip, name = self.people[penilai_id]
            return name, uuid
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
    start_of = converter(session, Assignment.start_date)
    for employee_id, start, end, atasan_id, external_id, code in rows_of(
        session,
        select(
            Assignment.employee_id,
            as_stored(Assignment.start_date),
            as_stored(Assignment.end_date),  # only whether it is NULL is read
            Assignment.atasan_id,
            Assignment.external_penilai_id,
            Office.code,
        )
        .join(Office, Assignment.office_id == Office.id)
        .where(Assignment.deleted_at.is_(None)),
    ):
        key = (end is None, start_of[start])
        held = office_of.get(employee_id)
        if held is None or key > held[:2]:
            office_of[employee_id] = (*key, code)
            atasan_of[employee_id] = (atasan_id, external_id)
    return office_of, atasan_of


def status_counts(db: Database, period: str) -> dict[str, Counter[EvaluationStatus]]:
    """Per office code: how many of :func:`list_evaluations` ``(period=period)`` rows stand at
    each status, without reading names or capaian (the Laporan counts need only these)."""
    counts: dict[str, Counter[EvaluationStatus]] = defaultdict(Counter)
    with heads.paused_gc(), db.uow() as uow:
        session = uow.session
        chosen = _chosen(period)
        # Id, employee, period, revision, status and submission time, as stored (stored.py).
        latest = _list_heads(session, chosen.whereclause, _HEAD[:6])
        # An assessment changes only a submitted evaluation's status (core.effective).
        submitted = chosen.where(Evaluation.status == EvaluationStatus.SUBMITTED)
        assessments = heads.newest_decisions(session, submitted, status_only=True)
        office_of, _atasan = _current_offices(session)
        status_of = converter(session, Evaluation.status)
        moment = converter(session, Evaluation.submitted_at)
        for ev_id, employee_id, _period, _revision, status, submitted_at in latest.values():
            code = office_of.get(employee_id, _NO_OFFICE)[2]
            state = status_of[status]
            decided = assessments.get(ev_id)
            if decided is not None and state == EvaluationStatus.SUBMITTED:
                state = core.effective(_Head(state, moment[submitted_at], None), decided).status
            counts[code][state] += 1
    return counts


def staff_counts(db: Database) -> Counter[str]:
    """Active employees per office code of their current assignment (the open one, else the
    one that started last; ``""`` without one): what counting ``list_employees(db,
    include_inactive=False)`` by office gives, without building the rows."""
    with db.uow() as uow:
        session = uow.session
        active = set(
            rows_of(
                session, select(Employee.id).where(Employee.deleted_at.is_(None), Employee.active)
            ).scalars()
        )
        current: dict[int, tuple[tuple[bool, date], str]] = {}
        start_of = converter(session, Assignment.start_date)
        for employee_id, start, end, code in rows_of(
            session,
            select(
                Assignment.employee_id,
                as_stored(Assignment.start_date),
                as_stored(Assignment.end_date),  # only whether it is NULL is read
                Office.code,
            )
            .outerjoin(Office, Assignment.office_id == Office.id)
            .where(Assignment.deleted_at.is_(None)),
        ):
            key = (end is None, start_of[start] or date.min)
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
