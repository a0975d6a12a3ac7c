"""The completion monitor's rows from plain Core rows give what the ORM version gave (issue 16).

The reference below is :func:`completion_summary` as it stood before the rewrite: the current
assignments and their employees loaded as ORM objects, each row built from them, offices
filtered in Python. The rewrite (Core rows of a dozen columns, offices filtered in SQL) must
give the same summary, row for row and in the same order, for several periods, every office,
on both engines, on a demo changed to hit every filter, and with SQLite limited to a few bound
variables.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation import completion_reads, core
from kinerja_desktop.services.evaluation.completion import (
    STAGES,
    completion_stage,
    completion_summary,
)
from kinerja_desktop.services.evaluation.dto import CompletionRow, CompletionSummary
from kinerja_desktop.services.office_eval.periods import locking_period
from kinerja_desktop.storage.models import Assignment, Employee, ExternalPenilai, Office

PERIODS = ("2026-Q1", "2026-Q2", "2026-Q3", "2026", "2025-Q4")
TODAY = date(2026, 8, 17)
GONE = datetime(2026, 8, 17, tzinfo=UTC)
_RANK = {s: n for n, s in enumerate(STAGES)}


def _reference(db: Database, code: str, office_code: str | None = None) -> CompletionSummary:
    """completion_summary as it was: ORM assignments and employees, one row built from each."""
    rows: list[CompletionRow] = []
    with db.uow() as uow:
        session: Session = uow.session
        offices = {o.id: o for o in session.execute(select(Office)).scalars()}
        setting = core.period_setting(session, code)
        deadline = setting.deadline if setting else Period.parse(code).default_deadline()
        locked = locking_period(session, code) is not None
        skps = completion_reads.skp_states(session, Period.parse(code).year)
        progress = completion_reads.period_progress(session, code)
        people, externals = completion_reads.penilai_names(session)
        for a, e in session.execute(
            select(Assignment, Employee)
            .join(Employee, Assignment.employee_id == Employee.id)
            .where(
                Assignment.end_date.is_(None),
                Assignment.deleted_at.is_(None),
                Employee.deleted_at.is_(None),
                Employee.active.is_(True),
            )
        ):
            office = offices[a.office_id]
            if office_code is not None and office.code != office_code:
                continue
            if a.atasan_id is not None:
                penilai = people.get(a.atasan_id, "")
            elif a.external_penilai_id is not None:
                penilai = externals.get(a.external_penilai_id, "")
            else:
                penilai = ""
            has_skp, skp_status = skps.get(e.id, (False, None))
            ev = progress.get(e.id)
            status = ev.status if ev else None
            rows.append(
                CompletionRow(
                    employee_uuid=e.uuid,
                    nip=e.nip,
                    name=full_name(e.name, e.title_prefix, e.title_suffix),
                    jabatan=a.jabatan,
                    office_code=office.code,
                    office_name=office.name,
                    penilai_name=penilai,
                    skp_status=skp_status,
                    evaluation_uuid=ev.uuid if ev else None,
                    status=status,
                    revision=ev.revision if ev else 0,
                    filled=ev.filled if ev else 0,
                    indicators=ev.total if ev else 0,
                    rated=ev.rated if ev else False,
                    mean_capaian=ev.mean if ev else None,
                    predikat=ev.predikat if ev and status == EvaluationStatus.APPROVED else None,
                    stage=completion_stage(
                        has_skp,
                        status,
                        ev.filled if ev else 0,
                        ev.total if ev else 0,
                        ev.rated if ev else False,
                    ),
                    deadline=deadline,
                    days_left=(deadline - TODAY).days,
                    locked=locked,
                    rhks=ev.rhks if ev else 0,
                    unplanned=ev.unplanned if ev else 0,
                )
            )
        rows.sort(key=lambda r: (r.office_code, _RANK[r.stage], r.name.casefold()))
    stages = Counter(r.stage for r in rows)
    return CompletionSummary(
        period=code,
        office_code=office_code,
        total=len(rows),
        stages={s: stages.get(s, 0) for s in STAGES},
        rows=tuple(rows),
        unplanned=sum(1 for r in rows if r.evaluation_uuid and r.unplanned),
    )


def _office_codes(db: Database) -> list[str]:
    with db.uow() as uow:
        return list(uow.session.execute(select(Office.code).order_by(Office.code)).scalars())


def _shake(db: Database) -> dict[str, Any]:
    """Change the demo so every filter and every penilai source matters: one employee leaves
    (inactive), one is deleted, one assignment ends, one is deleted, one names an external
    penilai instead of an atasan, one names nobody. Returns what was changed."""
    with db.uow() as uow:
        session = uow.session
        posts = list(
            session.execute(
                select(Assignment.id, Assignment.employee_id)
                .where(Assignment.end_date.is_(None), Assignment.deleted_at.is_(None))
                .order_by(Assignment.id)
            )
        )
        external = session.execute(select(ExternalPenilai.id).order_by(ExternalPenilai.id))
        external_id = external.scalars().first()
        assert external_id is not None and len(posts) > 60
        inactive, deleted = posts[10].employee_id, posts[20].employee_id
        ended, gone, outside, nobody = posts[30].id, posts[40].id, posts[50].id, posts[60].id
        session.execute(update(Employee).where(Employee.id == inactive).values(active=False))
        session.execute(update(Employee).where(Employee.id == deleted).values(deleted_at=GONE))
        session.execute(update(Assignment).where(Assignment.id == ended).values(end_date=TODAY))
        session.execute(update(Assignment).where(Assignment.id == gone).values(deleted_at=GONE))
        session.execute(
            update(Assignment)
            .where(Assignment.id == outside)
            .values(atasan_id=None, external_penilai_id=external_id)
        )
        session.execute(
            update(Assignment)
            .where(Assignment.id == nobody)
            .values(atasan_id=None, external_penilai_id=None)
        )
        uow.commit()
    return {"employees": (inactive, deleted), "posts": (ended, gone)}


@pytest.mark.parametrize("code", PERIODS)
def test_same_summary_as_the_orm_rows(db: Database, code: str) -> None:
    expected = _reference(db, code)
    assert completion_summary(db, code, today=TODAY) == expected
    if code != "2025-Q4":  # the demo's history starts in 2026
        assert expected.total > 90
        assert len([s for s, n in expected.stages.items() if n]) >= 2
        assert any(r.mean_capaian is not None for r in expected.rows)
        assert any(r.penilai_name for r in expected.rows)


def test_same_summary_for_every_office(db: Database) -> None:
    codes = _office_codes(db)
    assert len(codes) >= 5
    for code in ("2026-Q2", "2026-Q3"):
        for office in codes:
            expected = _reference(db, code, office)
            assert completion_summary(db, code, office_code=office, today=TODAY) == expected
            assert {r.office_code for r in expected.rows} <= {office}


def test_same_summary_once_every_filter_and_penilai_source_matters(db: Database) -> None:
    before = completion_summary(db, "2026-Q2", today=TODAY)
    _shake(db)
    expected = _reference(db, "2026-Q2")
    found = completion_summary(db, "2026-Q2", today=TODAY)
    assert found == expected
    assert found.total == before.total - 4  # two employees left, two assignments ended
    assert "" in {r.penilai_name for r in found.rows}
    names = {r.penilai_name for r in found.rows} - {r.penilai_name for r in before.rows}
    assert names, "the external penilai is named"
    for office in _office_codes(db):
        expected = _reference(db, "2026-Q2", office)
        assert completion_summary(db, "2026-Q2", office_code=office, today=TODAY) == expected


@pytest.mark.sqlite_only("SQLite's bound-parameter limit (SQLITE_LIMIT_VARIABLE_NUMBER)")
def test_same_summary_with_few_bound_variables(
    demo_db: Database, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.services.common.test_bounded_parameters import LIMIT, limited

    assert LIMIT <= 100  # stricter than the 100: what passes here passes there
    expected = {code: _reference(demo_db, code) for code in PERIODS}
    by_office = {o: _reference(demo_db, "2026-Q2", o) for o in _office_codes(demo_db)}
    with limited(demo_db_path, monkeypatch) as db:
        for code in PERIODS:
            assert completion_summary(db, code, today=TODAY) == expected[code]
        for office, summary in by_office.items():
            assert completion_summary(db, "2026-Q2", office_code=office, today=TODAY) == summary
