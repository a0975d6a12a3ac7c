"""The report card (Dokumen Evaluasi Kinerja Pegawai, DOMAIN.md B 2.3): one, or a batch.

:func:`card_data` reads one employee's card. :func:`card_batch` reads the cards of many people
with a few set-based reads per slice of :data:`CARD_SLICE` people, fewer when
:data:`bounds.PARAMETER_CHUNK` is lower (employees, evaluations, assessments, assignments,
offices), and the kop surat, logo check, city and organisation predikat once per office for
the whole batch: the same documents as :func:`card_data` gives one by one
(tests/reports/test_card_batch.py), without eight queries and a logo decoding per card. Only a
card without an approved snapshot still reads its signatories person by person
(:func:`live_identity`), as an unapproved card always did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import (
    EvaluationStatus,
    FunctionalLevel,
    JobKind,
    OrgPredikat,
    Predikat,
)
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.predikat import angka_kredit, predikat as predikat_of
from kinerja_desktop.domain.scoring import format_number
from kinerja_desktop.reports.model import CardDoc, DocMeta, Letterhead, Person, with_hash
from kinerja_desktop.services.common import bounds
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation.core import effective, newest_assessments
from kinerja_desktop.services.reporting.data import (
    CardSubject,
    Prepared,
    card_assessment,
    card_subject,
    period_title_of,
    place_date_of,
    subject_of,
)
from kinerja_desktop.services.reporting.distribution import org_predikat_label
from kinerja_desktop.services.reporting.letterhead import city_of, letterhead_of, office_by_code
from kinerja_desktop.services.reporting.people import (
    EvalState,
    assignment_on,
    held_on,
    live_identity,
    nip_digits,
    owner_line,
    person_from_card,
)
from kinerja_desktop.storage.models import Assessment, Assignment, Employee, Evaluation, Office

__all__ = ["CARD_SLICE", "card_batch", "card_data"]


def _card_predikat(
    subject: CardSubject, assessment: Assessment | None, office_org: Callable[[], str]
) -> tuple[Predikat | None, str]:
    """The predikat and the organisation's predikat label of a card (``office_org`` is read
    only for an evaluation without an approval snapshot)."""
    snapshot, ev = subject.state.snapshot, subject.evaluation
    grade_value: Predikat | None = None
    org = ""
    if snapshot is not None:
        grade_value = Predikat(snapshot["predikat"]) if snapshot.get("predikat") else None
        stored_org = snapshot.get("org_predikat")
        org = label(OrgPredikat(stored_org)) if stored_org else ""
    elif ev is not None:
        grade_value = subject.state.predikat
        if (
            grade_value is None
            and assessment
            and assessment.rating_hasil
            and (assessment.rating_perilaku)
        ):
            grade_value = predikat_of(assessment.rating_hasil, assessment.rating_perilaku)
        org = office_org()
    return grade_value, org


def _card_angka_kredit(
    subject: CardSubject, a: Assignment | None, period: Period, grade_value: Predikat | None
) -> str:
    """The angka kredit a pejabat fungsional earns for the period (``a``: the assignment on
    the period's last day); empty for anyone else."""
    if a is None or a.job_kind != JobKind.FUNGSIONAL or a.functional_level is None:
        return ""
    ak = "-"
    if grade_value is not None:
        value = angka_kredit(
            min(12, period.months), grade_value, FunctionalLevel(a.functional_level)
        )
        ak = format_number(value)
    snapshot = subject.state.snapshot
    if snapshot is not None and snapshot.get("angka_kredit"):
        ak = format_number(Decimal(str(snapshot["angka_kredit"])))
    return ak


def _card_notes(subject: CardSubject, assessment: Assessment | None) -> str:
    notes = ""
    if assessment is not None and not subject.blank:
        notes = assessment.rating_reason or ""
    snapshot = subject.state.snapshot
    if snapshot is not None and not subject.blank:
        notes = str(snapshot.get("rating_reason") or notes)
    return notes


@dataclass(frozen=True)
class _Read:
    """What a card needs beyond its subject, however it was read."""

    assessment: Assessment | None
    assignment: Assignment | None
    office_org: Callable[[], str]
    city: str


def _card(subject: CardSubject, read: _Read, parsed: Period, sign_atasan: bool) -> Prepared:
    state, blank = subject.state, subject.blank
    grade_value, org = _card_predikat(subject, read.assessment, read.office_org)
    pegawai_card, identity = subject.pegawai_card, subject.identity
    doc = CardDoc(
        letterhead=subject.head,
        meta=DocMeta(
            record_uuid=subject.record_uuid,
            approved=state.approved and not blank,
            owner=owner_line(pegawai_card),
            blank=blank,
        ),
        period_title=period_title_of(parsed),
        period_range=parsed.range_label(),
        pegawai=person_from_card(pegawai_card) or Person("", "", "", ""),
        penilai=person_from_card(identity.get("penilai")),
        atasan=person_from_card(identity.get("atasan_penilai")),
        org_predikat=org or "-",
        predikat=label(grade_value) if grade_value else "-",
        angka_kredit=_card_angka_kredit(subject, read.assignment, parsed, grade_value),
        notes=_card_notes(subject, read.assessment),
        place_date=place_date_of(
            read.city, state.approved_at if state.approved and not blank else None
        ),
        sign_atasan=sign_atasan,
        blank=blank,
    )
    return Prepared(
        with_hash(doc), tuple(subject.warnings), pegawai_card.get("nama", ""),
        subject.employee.nip,
    )  # fmt: skip


def card_data(
    db: Database, *, nip: str, period: str, blank: bool = False, sign_atasan: bool = False
) -> Prepared:
    """The Dokumen Evaluasi Kinerja Pegawai of one employee (B 2.3), for the year or a period.

    Raises:
        NotFoundError: ``report.unknown_employee``.
    """
    parsed = Period.parse(period)
    with db.uow() as uow:
        session = uow.session
        subject = card_subject(session, nip, parsed, blank=blank)
        ev = subject.evaluation
        read = _Read(
            assessment=card_assessment(session, ev.id) if ev is not None else None,
            assignment=assignment_on(session, subject.employee.id, parsed.end),
            office_org=lambda: org_predikat_label(session, subject.office, str(parsed)),
            city=city_of(session, subject.office),
        )
        return _card(subject, read, parsed, sign_atasan)


# -- the batch ---------------------------------------------------------------------------------


#: People read per slice: few statements per slice, and no more cards waiting in memory for
#: the renderer than this (the batch's memory stays flat in its length).
CARD_SLICE = 100


@dataclass
class _OfficeFacts:
    """What every card of one office prints alike: read once per batch."""

    kop: tuple[Letterhead, list[str]]
    city: str
    org: str | None = None  # read on first need


def card_batch(
    db: Database, nips: Sequence[str], period: str
) -> Iterator[Prepared | NotFoundError]:
    """The card of each of ``nips`` in order, as :func:`card_data` makes it, read a slice of
    people at a time; an unknown NIP gives its ``report.unknown_employee`` error in its place.
    """
    parsed = Period.parse(period)
    offices: dict[str, _OfficeFacts] = {}
    people = list(nips)
    size = min(CARD_SLICE, bounds.PARAMETER_CHUNK)
    for start in range(0, len(people), size):
        part = people[start : start + size]
        with db.uow() as uow:
            made = _slice(uow.session, part, parsed, offices)
        yield from made


def _slice(
    session: Session, nips: Sequence[str], parsed: Period, offices: dict[str, _OfficeFacts]
) -> list[Prepared | NotFoundError]:
    digits = [nip_digits(n) for n in nips]
    employees: dict[str, Employee] = {}
    for e in session.execute(
        select(Employee)
        .where(Employee.nip.in_(sorted(set(digits))), Employee.deleted_at.is_(None))
        .order_by(Employee.id)
    ).scalars():
        employees.setdefault(e.nip, e)  # find_employee's first live match
    ids = sorted({e.id for e in employees.values()})
    latest = _latest_evaluations(session, ids, str(parsed))
    assessments = newest_assessments(
        session, select(Evaluation.id).where(Evaluation.id.in_([ev.id for ev in latest.values()]))
    )
    held = _assignments(session, ids)
    here: dict[str, Office | None] = {}  # the slice's offices, each read once
    out: list[Prepared | NotFoundError] = []
    for typed, nip in zip(nips, digits, strict=True):
        employee = employees.get(nip)
        if employee is None:
            out.append(NotFoundError("report.unknown_employee", nip=typed))
            continue
        ev = latest.get(employee.id)
        assessment = assessments.get(ev.id) if ev is not None else None
        state = _state(ev, assessment)
        identity = state.snapshot or live_identity(session, employee, parsed.end)
        code = (identity.get("pegawai") or {}).get("unit_code") or ""
        if code not in here:
            here[code] = office_by_code(session, code)
        office = here[code]
        facts = _facts(session, office, code, offices)
        subject = subject_of(employee, ev, state, identity, office, facts.kop, parsed, False)
        read = _Read(
            assessment=assessment,
            assignment=held_on(held.get(employee.id, []), parsed.end),
            office_org=lambda f=facts, o=office: _office_org(session, f, o, parsed),
            city=facts.city,
        )
        out.append(_card(subject, read, parsed, False))
    return out


def _state(ev: Evaluation | None, assessment: Assessment | None) -> EvalState:
    """:func:`evaluation_state` from an assessment already read."""
    if ev is None:
        return EvalState(None, None, None, None)
    s = effective(ev, assessment)
    snapshot = s.snapshot if s.status == EvaluationStatus.APPROVED else None
    return EvalState(s.status, s.predikat, snapshot, s.approved_at)


def _facts(
    session: Session, office: Office | None, code: str, offices: dict[str, _OfficeFacts]
) -> _OfficeFacts:
    if code not in offices:
        offices[code] = _OfficeFacts(kop=letterhead_of(office), city=city_of(session, office))
    return offices[code]


def _office_org(
    session: Session, facts: _OfficeFacts, office: Office | None, parsed: Period
) -> str:
    if facts.org is None:
        facts.org = org_predikat_label(session, office, str(parsed))
    return facts.org


def _latest_evaluations(session: Session, ids: Sequence[int], period: str) -> dict[int, Evaluation]:
    """:func:`latest_evaluation` of each employee of ``ids``: the newest revision."""
    latest: dict[int, Evaluation] = {}
    for ev in session.execute(
        select(Evaluation)
        .where(
            Evaluation.employee_id.in_(ids),
            Evaluation.period == period,
            Evaluation.deleted_at.is_(None),
        )
        .order_by(Evaluation.revision, Evaluation.id)
    ).scalars():
        latest[ev.employee_id] = ev
    return latest


def _assignments(session: Session, ids: Sequence[int]) -> dict[int, list[Assignment]]:
    """Each employee's live assignments in start order, as :func:`assignment_on` reads them."""
    held: dict[int, list[Assignment]] = {}
    for a in session.execute(
        select(Assignment)
        .where(Assignment.employee_id.in_(ids), Assignment.deleted_at.is_(None))
        .order_by(Assignment.employee_id, Assignment.start_date, Assignment.id)
    ).scalars():
        held.setdefault(a.employee_id, []).append(a)
    return held
