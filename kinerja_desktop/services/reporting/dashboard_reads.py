"""The Dasbor's counts of a period, for every office at once (issue 16, item 3).

The Dasbor used to read the whole completion monitor (a row per employee, names, penilai,
jabatan) and then each office's predikat distribution, one office after another: about seven
seconds for a city. What it draws needs only counts, so they are read here with a fixed
handful of grouped statements whatever the number of offices and employees, as Core rows one
at a time (the ORM's result converts a whole result in one call that keeps the GIL, and this
read runs beside the GUI thread):

- staff per office and completion stage: the monitor's own reads
  (:mod:`~kinerja_desktop.services.evaluation.completion_reads`, without the mean capaian)
  and the monitor's own stage rule, counted in one pass;
- predikat per office: :func:`~kinerja_desktop.services.office_eval.office_distribution`'s
  rule (the latest revision of each member's evaluation with a predikat, the office head
  left out) for every office from two statements instead of two per office.

The same counts as the monitor and the distribution report (tests/services/reporting).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import Predikat
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.admin.settings import load_settings
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation import completion_reads, core
from kinerja_desktop.storage.models import Assignment, Employee, Evaluation, Office

__all__ = ["DashboardCounts", "dashboard_counts"]


@dataclass(frozen=True)
class DashboardCounts:
    """Per office (by code) of ``period``: staff per completion stage and employees per
    predikat; ``offices`` are those with staff, by code, with their names."""

    period: str
    offices: tuple[tuple[str, str], ...]
    stages: Mapping[str, Mapping[str, int]]
    predikat: Mapping[str, Mapping[Predikat, int]]
    deadline: date
    days_left: int


def dashboard_counts(db: Database, period: str, *, today: date | None = None) -> DashboardCounts:
    """The Dasbor's counts of ``period`` for every office (see the module docstring).

    Raises:
        ValidationError: ``period.invalid``; ``evaluation.period_kind`` for a period of another
            frequency than the installation's (as the monitor).
    """
    from kinerja_desktop.services.evaluation.completion import STAGES, completion_stage

    parsed = Period.parse(period)
    code = str(parsed)
    today = today or date.today()
    core.check_period_kind(parsed, load_settings(db))
    with db.uow() as uow:
        session = uow.session
        offices = {r.id: (r.code, r.name) for r in session.connection().execute(_offices())}
        setting = core.period_setting(session, code)
        deadline = setting.deadline if setting else parsed.default_deadline()
        skps = completion_reads.skp_states(session, parsed.year)
        progress = completion_reads.period_progress(session, code, means=False)
        stages: dict[str, dict[str, int]] = {}
        for office_id, employee_id in session.connection().execute(_current_staff()):
            has_skp, _status = skps.get(employee_id, (False, None))
            ev = progress.get(employee_id)
            stage = (
                completion_stage(has_skp, ev.status, ev.filled, ev.total, ev.rated)
                if ev is not None
                else completion_stage(has_skp, None, 0, 0, False)
            )
            counts = stages.setdefault(offices[office_id][0], dict.fromkeys(STAGES, 0))
            counts[stage] += 1
        by_code = {c: office_id for office_id, (c, _n) in offices.items()}
        grades = _predikat_counts(session, parsed)
    names = dict(offices.values())
    return DashboardCounts(
        period=code,
        offices=tuple((c, names[c]) for c in sorted(stages)),
        stages=MappingProxyType({c: MappingProxyType(stages[c]) for c in sorted(stages)}),
        predikat=MappingProxyType(
            {
                c: MappingProxyType(grades.get(by_code[c], dict.fromkeys(Predikat, 0)))
                for c in sorted(stages)
            }
        ),
        deadline=deadline,
        days_left=(deadline - today).days,
    )


def _offices() -> Any:
    # Every office, as the monitor names them (a deleted office may still hold assignments).
    return select(Office.id, Office.code, Office.name)


def _current_staff() -> Any:
    """(office id, employee id) of the current assignment of every active employee, as the
    monitor lists them."""
    return (
        select(Assignment.office_id, Assignment.employee_id)
        .join(Employee, Assignment.employee_id == Employee.id)
        .where(
            Assignment.end_date.is_(None),
            Assignment.deleted_at.is_(None),
            Employee.deleted_at.is_(None),
            Employee.active.is_(True),
        )
    )


def _predikat_counts(session: Session, period: Period) -> dict[int, dict[Predikat, int]]:
    """Per office id: employees per predikat as :func:`office_distribution` counts them, for
    every office from two statements."""
    members: dict[int, dict[int, bool]] = {}  # office -> employee -> head there
    for office_id, employee_id, is_head in session.connection().execute(
        select(Assignment.office_id, Assignment.employee_id, Assignment.is_head)
        .where(
            Assignment.deleted_at.is_(None),
            Assignment.start_date <= period.end,
            (Assignment.end_date.is_(None)) | (Assignment.end_date >= period.start),
        )
        .order_by(Assignment.start_date, Assignment.id)
    ):
        members.setdefault(office_id, {})[employee_id] = bool(is_head)  # the latest decides
    latest: dict[int, tuple[int, Any]] = {}
    for employee_id, revision, predikat in session.connection().execute(
        select(Evaluation.employee_id, Evaluation.revision, Evaluation.predikat).where(
            Evaluation.period == str(period), Evaluation.deleted_at.is_(None)
        )
    ):
        held = latest.get(employee_id)
        if held is None or revision > held[0]:
            latest[employee_id] = (revision, predikat)
    out: dict[int, dict[Predikat, int]] = {}
    for office_id, people in members.items():
        counts = out[office_id] = dict.fromkeys(Predikat, 0)
        for employee_id, is_head in people.items():
            found = latest.get(employee_id)
            if is_head or found is None or found[1] is None:
                continue
            counts[Predikat(found[1])] += 1
    return out
