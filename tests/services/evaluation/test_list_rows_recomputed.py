"""Every field of the Evaluasi list equals a straightforward recomputation (issue 16).

The list reads its columns as stored and converts each distinct value once, decides the
state only of submitted evaluations through :func:`core.effective`, names each person once
and builds its rows without the dataclass constructor (``services/evaluation/stored.py``,
``evaluations.py``). Here the same rows are worked out the plain way, evaluation by
evaluation through the ORM (typed columns, ``core.assessment_of``, ``core.effective`` on every
row, the register's current assignment), on a demo varied first where the demo is uniform: a
submitted evaluation decided later through its assessment alone, one whose decision predates
the submission, a newer assessment deleted, a revision 2 beside its revision 1, an assessment
naming an external penilai, gelar on both sides of a name, an employee without an
assignment. Any field or the order differing fails. Both engines.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EvaluationStatus, Predikat, Rating
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation import core
from kinerja_desktop.services.evaluation.dto import EvaluationListRow
from kinerja_desktop.services.evaluation.evaluations import list_evaluations
from kinerja_desktop.storage.models import (
    Assessment,
    Assignment,
    Employee,
    Evaluation,
    ExternalPenilai,
    Office,
)

PERIOD = "2026-Q2"
NOW = datetime(2026, 7, 20, 8, 30, tzinfo=UTC)


def _vary(db: Database) -> dict[str, str]:
    """Make the demo's rare cases; returns the evaluation uuid of each, by name."""
    made: dict[str, str] = {}
    with db.uow() as uow:
        s = uow.session
        evs = list(
            s.execute(
                select(Evaluation)
                .where(Evaluation.period == PERIOD, Evaluation.deleted_at.is_(None))
                .order_by(Evaluation.id)
            ).scalars()
        )
        with_decision = {a.evaluation_id for a in s.execute(select(Assessment)).scalars()}
        approved = [e for e in evs if e.status == EvaluationStatus.APPROVED]
        plain = [e for e in evs if e.id not in with_decision and e.revision == 1]
        external = s.execute(select(ExternalPenilai).order_by(ExternalPenilai.id)).scalar()
        assert len(approved) >= 3 and len(plain) >= 3 and external is not None

        # Submitted, then approved through the assessment row alone (a penilai elsewhere).
        late = plain[0]
        late.status, late.submitted_at = EvaluationStatus.SUBMITTED, NOW - timedelta(days=3)
        s.add(_assessment(late, EvaluationStatus.APPROVED, NOW, Predikat.SANGAT_BAIK))
        made["decided later"] = late.uuid
        # Submitted again after a return: the old decision no longer counts.
        again = plain[1]
        again.status, again.submitted_at = EvaluationStatus.SUBMITTED, NOW
        s.add(_assessment(again, EvaluationStatus.RETURNED, NOW - timedelta(days=1), None))
        made["decided before"] = again.uuid
        # A newer assessment, deleted, naming an external penilai: the older one counts.
        kept = approved[0]
        gone = _assessment(kept, EvaluationStatus.RETURNED, NOW, None)
        gone.external_penilai_id, gone.deleted_at = external.id, NOW
        s.add(gone)
        made["deleted newer"] = kept.uuid
        # An external penilai on the newest live assessment.
        outside = _assessment(approved[1], EvaluationStatus.APPROVED, NOW, Predikat.BAIK)
        outside.penilai_id, outside.external_penilai_id = None, external.id
        s.add(outside)
        made["external"] = approved[1].uuid
        # Gelar on both sides.
        person = s.get_one(Employee, approved[2].employee_id)
        person.title_prefix, person.title_suffix = "dr.", "M.Kes"
        made["gelar"] = approved[2].uuid
        # Revision 2 of an evaluation, its revision 1 still there.
        first = plain[2]
        second = Evaluation(
            employee_id=first.employee_id,
            period=first.period,
            revision=2,
            status=EvaluationStatus.DRAFT,
            skp_id=first.skp_id,
            origin_office=first.origin_office,
            updated_at=NOW,
        )
        s.add(second)
        s.flush()
        made["revision 2"] = second.uuid
        # No assignment left for someone (an office of "", the penilai from nowhere).
        lost = plain[3] if len(plain) > 3 else approved[-1]
        for a in s.execute(
            select(Assignment).where(Assignment.employee_id == lost.employee_id)
        ).scalars():
            a.deleted_at = NOW
        made["no assignment"] = lost.uuid
        uow.commit()
    return made


def _assessment(
    ev: Evaluation, decision: EvaluationStatus, at: datetime, predikat: Predikat | None
) -> Assessment:
    return Assessment(
        evaluation_id=ev.id,
        rating_hasil=Rating.AS_EXPECTED,
        rating_perilaku=Rating.ABOVE,
        decision=decision,
        decided_at=at,
        predikat=predikat,
        origin_office=ev.origin_office,
    )


def _recomputed(session: Session, period: str | None) -> dict[str, dict[str, Any]]:
    """The list's fields (all but the mean capaian, tests/.../test_list_capaian.py) the slow
    way: per evaluation uuid."""
    chosen = select(Evaluation).where(Evaluation.deleted_at.is_(None)).order_by(Evaluation.id)
    if period is not None:
        chosen = chosen.where(Evaluation.period == period)
    latest: dict[tuple[int, str], Evaluation] = {}
    for ev in session.execute(chosen).scalars():
        key = (ev.employee_id, ev.period)
        if key not in latest or ev.revision > latest[key].revision:
            latest[key] = ev
    rows = {}
    for ev in latest.values():
        person = session.get_one(Employee, ev.employee_id)
        assignment = _current(session, ev.employee_id)
        assessment = core.assessment_of(session, ev.id)
        state = core.effective(ev, assessment)
        penilai_id = assignment.atasan_id if assignment else None
        external_id = assignment.external_penilai_id if assignment else None
        if assessment is not None and (
            assessment.penilai_id is not None or assessment.external_penilai_id is not None
        ):
            penilai_id, external_id = assessment.penilai_id, assessment.external_penilai_id
        penilai, penilai_uuid = "", None
        if penilai_id is not None:
            p = session.get_one(Employee, penilai_id)
            penilai, penilai_uuid = full_name(p.name, p.title_prefix, p.title_suffix), p.uuid
        elif external_id is not None:
            penilai = session.get_one(ExternalPenilai, external_id).name
        rows[ev.uuid] = {
            "uuid": ev.uuid,
            "employee_uuid": person.uuid,
            "employee_name": full_name(person.name, person.title_prefix, person.title_suffix),
            "nip": person.nip,
            "office_code": session.get_one(Office, assignment.office_id).code if assignment else "",
            "period": ev.period,
            "revision": ev.revision,
            "status": state.status,
            "rating_hasil": assessment.rating_hasil if assessment else None,
            "rating_perilaku": assessment.rating_perilaku if assessment else None,
            "predikat": state.predikat,
            "penilai_name": penilai,
            "updated_at": ev.updated_at,
            "penilai_uuid": penilai_uuid,
        }
    return rows


def _current(session: Session, employee_id: int) -> Assignment | None:
    """The open assignment, else the one that started last (the first such in id order)."""
    held = list(
        session.execute(
            select(Assignment)
            .where(Assignment.employee_id == employee_id, Assignment.deleted_at.is_(None))
            .order_by(Assignment.id)
        ).scalars()
    )
    return max(held, key=lambda a: (a.end_date is None, a.start_date), default=None)


def _as_listed(row: Any) -> dict[str, Any]:
    fields_ = asdict(row)
    fields_.pop("mean_capaian")
    return fields_


def _typed(value: Any) -> tuple[type, Any, Any]:
    # An enum member, not its text; an aware UTC moment, not a naive one.
    return type(value), value, getattr(value, "tzinfo", None)


def test_every_field_equals_the_recomputation(db: Database) -> None:
    made = _vary(db)
    for period in (PERIOD, "2026-Q1", None):
        rows = list_evaluations(db, period=period)
        with db.uow() as uow:
            expected = _recomputed(uow.session, period)
        assert all(type(r) is EvaluationListRow for r in rows)
        assert sorted(r.uuid for r in rows) == sorted(expected), period
        for row in rows:
            got, want = _as_listed(row), expected[row.uuid]
            assert got == want, (period, row.uuid)
            assert {k: _typed(v) for k, v in got.items()} == {k: _typed(v) for k, v in want.items()}
        keys = [(r.period, r.office_code, r.employee_name.casefold()) for r in rows]
        assert keys == sorted(keys)
    shown = {r.uuid: r for r in list_evaluations(db, period=PERIOD)}
    assert shown[made["decided later"]].status == EvaluationStatus.APPROVED
    assert shown[made["decided later"]].predikat == Predikat.SANGAT_BAIK
    assert shown[made["decided before"]].status == EvaluationStatus.SUBMITTED
    assert shown[made["external"]].penilai_uuid is None and shown[made["external"]].penilai_name
    assert shown[made["gelar"]].employee_name.startswith("dr. ")
    assert shown[made["revision 2"]].revision == 2
    assert shown[made["no assignment"]].office_code == ""


def test_an_office_keeps_the_same_rows(db: Database) -> None:
    _vary(db)
    every = list_evaluations(db, period=PERIOD)
    code = every[len(every) // 2].office_code
    one = list_evaluations(db, period=PERIOD, office_code=code)
    assert one == [r for r in every if r.office_code == code] and one


def test_a_row_from_values_is_the_constructed_row() -> None:
    values = {f.name: f"v{n}" for n, f in enumerate(fields(EvaluationListRow))}
    made = EvaluationListRow.from_values(*values.values())
    built = EvaluationListRow(**values)
    assert made == built and repr(made) == repr(built) and hash(made) == hash(built)
    assert asdict(made) == values


def test_the_laporan_counts_are_the_lists_statuses_by_office(db: Database) -> None:
    """``status_counts`` reads the statuses as stored: they count what the list shows,
    a submitted evaluation decided through its assessment included."""
    from collections import Counter

    from kinerja_desktop.services.evaluation.evaluations import status_counts

    _vary(db)
    for period in (PERIOD, "2026-Q1"):
        expected: dict[str, Counter[EvaluationStatus]] = {}
        for row in list_evaluations(db, period=period):
            expected.setdefault(row.office_code, Counter())[row.status] += 1
        got = status_counts(db, period)
        assert got == expected, period
        assert all(type(s) is EvaluationStatus for c in got.values() for s in c)


def test_the_staff_counts_are_the_active_employees_by_office(db: Database) -> None:
    from collections import Counter

    from kinerja_desktop.services.evaluation.evaluations import staff_counts
    from kinerja_desktop.services.register.employees import list_employees

    _vary(db)  # someone without an assignment: counted under ""
    expected = Counter(e.office_code for e in list_employees(db, include_inactive=False))
    assert staff_counts(db) == expected and "" in expected
