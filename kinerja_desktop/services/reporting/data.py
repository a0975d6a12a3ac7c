"""Read services for printed documents: SKP and Evaluasi Kinerja Pegawai (the report card,
which shares their subject, is in :mod:`kinerja_desktop.services.reporting.cards`).

They read the models and hand :mod:`kinerja_desktop.reports.model` DTOs (worded text only) to
the report layer. Signatories come from the evaluation's (or SKP's) approval snapshot, so a
later mutasi or promotion never rewrites a signed paper (DESIGN.md section 5); before approval
they come from the assignments in force at the end of the period, and the paper says "DRAF".

A document that can still be made is made: an employee without an evaluation for the period
gets the blank form, one without an approved SKP gets the plan as it stands (or an empty
hasil kerja table); what is missing goes into :attr:`Prepared.warnings` for the CLI and the GUI
to say. Only an unknown NIP, or an SKP document for someone who has no SKP at all, is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import (
    EvaluationStatus,
    OrgPredikat,
    Predikat,
    Rating,
)
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.messages import Worded, label
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.periods import Period, PeriodKind, format_date_id
from kinerja_desktop.domain.predikat import (
    predikat as predikat_of,
)
from kinerja_desktop.reports.model import (
    DocMeta,
    Letterhead,
    Person,
    ResultRow,
    SheetDoc,
    SkpDoc,
    with_hash,
)
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.queries import latest_evaluation, skp_of_year
from kinerja_desktop.services.reporting.distribution import (
    approved_predikat,
    org_value,
    pattern_rows,
)
from kinerja_desktop.services.reporting.letterhead import (
    city_of,
    instansi_of,
    letterhead_of,
    office_by_code,
)
from kinerja_desktop.services.reporting.people import (
    EvalState,
    evaluation_state,
    find_employee,
    live_identity,
    owner_line,
    person_from_card,
)
from kinerja_desktop.services.reporting.results import behaviour_rows, plan_rows
from kinerja_desktop.services.reporting.sheet_plans import with_plans
from kinerja_desktop.storage.models import (
    Assessment,
    Assignment,
    Employee,
    Evaluation,
    Office,
    Skp,
)

__all__ = [
    "Prepared",
    "sheet_data",
    "skp_data",
]

RATING_OPTIONS = tuple(label(r) for r in Rating)
PREDIKAT_OPTIONS = tuple(label(p) for p in Predikat)
ORG_OPTIONS = tuple(label(o) for o in OrgPredikat)
APPROACH = "KUANTITATIF"
BLANK_DATE = "...................., ............................"


@dataclass(frozen=True)
class Prepared:
    """A document DTO and what the clerk should be told about it (missing data, no logo)."""

    doc: Any
    warnings: tuple[str, ...] = ()
    employee_name: str = ""
    nip: str = ""


# -- small helpers -------------------------------------------------------------------------------


def card_assessment(session: Session, evaluation_id: int) -> Assessment | None:
    return session.execute(
        select(Assessment)
        .where(Assessment.evaluation_id == evaluation_id, Assessment.deleted_at.is_(None))
        .order_by(Assessment.id.desc())
        .limit(1)
    ).scalar()


def place_date_of(city: str, when: datetime | date | None) -> str:
    if when is None:
        return f"{city}, ............................"
    day = when.date() if isinstance(when, datetime) else when
    return f"{city}, {format_date_id(day)}"


def period_title_of(period: Period) -> str:
    if period.kind == PeriodKind.YEAR:
        return f"Tahunan (Januari–Desember {period.year})"
    return period.label()


def _lines(value: str) -> tuple[str, ...]:
    items = []
    for raw in (value or "").splitlines():
        item = raw.strip().lstrip("-•*").strip()
        if item:
            items.append(item)
    return tuple(items)


# -- documents -----------------------------------------------------------------------------------


@dataclass
class CardSubject:
    """The employee, evaluation and signatories one evaluation document is about."""

    employee: Employee
    evaluation: Evaluation | None
    state: EvalState
    identity: dict[str, Any]
    pegawai_card: dict[str, Any]
    office: Office | None
    head: Letterhead
    warnings: list[str]
    blank: bool

    @property
    def record_uuid(self) -> str:
        # A blank form names no existing record: it carries the employee's id, never the
        # evaluation's (the footer prints neither).
        ev = self.evaluation
        return self.employee.uuid if self.blank or ev is None else ev.uuid


def card_subject(session: Session, nip: str, period: Period, *, blank: bool) -> CardSubject:
    """Employee, latest evaluation, signatories and kop of a sheet or card; without an
    evaluation the form turns blank, and both that and a pending approval are warned about."""
    employee = find_employee(session, nip)
    ev = latest_evaluation(session, employee.id, str(period))
    state = evaluation_state(session, ev)
    identity = state.snapshot or live_identity(session, employee, period.end)
    pegawai_card = identity.get("pegawai") or {}
    office = office_by_code(session, pegawai_card.get("unit_code"))
    head, logo_warnings = letterhead_of(office)
    return subject_of(employee, ev, state, identity, office, (head, logo_warnings), period, blank)


def subject_of(
    employee: Employee,
    ev: Evaluation | None,
    state: EvalState,
    identity: dict[str, Any],
    office: Office | None,
    kop: tuple[Letterhead, list[str]],
    period: Period,
    blank: bool,
) -> CardSubject:
    """The subject from what was read; the warnings of a missing evaluation or approval."""
    head, logo_warnings = kop
    pegawai_card = identity.get("pegawai") or {}
    warnings: list[str] = list(logo_warnings)
    if ev is None:
        warnings.append(Worded("report.no_evaluation", period=period))
        blank = True
    elif not state.approved:
        warnings.append(Worded("report.not_approved", period=period))
    return CardSubject(employee, ev, state, identity, pegawai_card, office, head, warnings, blank)


def _sheet_skp(session: Session, subject: CardSubject, period: Period) -> Skp | None:
    """The plan the sheet prints: the evaluation's own, else the SKP of the year (warned)."""
    ev = subject.evaluation
    skp = (ev.skp if ev is not None and ev.skp is not None else None) or skp_of_year(
        session, subject.employee.id, period.year
    )
    if skp is None:
        subject.warnings.append(Worded("report.no_skp", year=period.year))
    elif skp.status != EvaluationStatus.APPROVED:
        subject.warnings.append(Worded("report.skp_not_approved", year=period.year))
    return skp


def _sheet_results(
    session: Session,
    subject: CardSubject,
    skp: Skp | None,
    period: Period,
    assessment: Assessment | None,
) -> tuple[tuple[ResultRow, ...], dict[str, str]]:
    """HASIL KERJA rows and the PERILAKU notes; what was frozen at approval wins."""
    ev, snapshot, blank = subject.evaluation, subject.state.snapshot, subject.blank
    realised = {}
    if ev is not None:
        realised = {r.skp_indicator_id: r for r in ev.realisations if r.deleted_at is None}
    results_snap = None
    if snapshot is not None:
        results_snap = {r["skp_indicator"]: r for r in snapshot.get("results", [])}
    feedback = dict(assessment.feedback or {}) if assessment and not blank else {}
    notes = dict(assessment.behaviour_notes or {}) if assessment and not blank else {}
    if snapshot is not None:  # what was frozen at approval wins over later edits
        for r in snapshot.get("results", []):
            if r.get("umpan_balik"):
                feedback[r["skp_indicator"]] = r["umpan_balik"]
        notes.update(snapshot.get("behaviour_notes") or {})
    rows = plan_rows(
        session, skp, period,
        results=None if blank else results_snap,
        realised=None if blank else realised,
        feedback=feedback,
    )  # fmt: skip
    return rows, notes


def _sheet_ratings(
    session: Session, subject: CardSubject, assessment: Assessment | None, period: Period
) -> tuple[str, str, str, OrgPredikat | None]:
    """Rating hasil, rating perilaku and predikat as printed, and the organisation's predikat:
    from the approval snapshot, else from the penilai's assessment as it stands."""
    hasil = perilaku = grade = ""
    org_enum: OrgPredikat | None = None
    if subject.blank:
        return hasil, perilaku, grade, org_enum
    snapshot = subject.state.snapshot
    if snapshot is not None:
        hasil = label(Rating(snapshot["rating_hasil"])) if snapshot.get("rating_hasil") else ""
        perilaku = (
            label(Rating(snapshot["rating_perilaku"])) if snapshot.get("rating_perilaku") else ""
        )
        grade = label(Predikat(snapshot["predikat"])) if snapshot.get("predikat") else ""
        stored_org = snapshot.get("org_predikat")
        org_enum = OrgPredikat(stored_org) if stored_org else None
        return hasil, perilaku, grade, org_enum
    if assessment is not None:
        hasil = label(assessment.rating_hasil) if assessment.rating_hasil else ""
        perilaku = label(assessment.rating_perilaku) if assessment.rating_perilaku else ""
        if assessment.rating_hasil and assessment.rating_perilaku:
            grade = label(predikat_of(assessment.rating_hasil, assessment.rating_perilaku))
    org_enum = org_value(session, subject.office, str(period))
    return hasil, perilaku, grade, org_enum


def _predikat_counts(session: Session, subject: CardSubject, period: Period) -> dict[Predikat, int]:
    """How many of the office's approved evaluations of the period have each predikat."""
    counts = dict.fromkeys(Predikat, 0)
    if subject.office is not None and not subject.blank:
        for found in approved_predikat(session, str(period), subject.office.code):
            counts[found] += 1
    return counts


def sheet_data(db: Database, *, nip: str, period: str, blank: bool = False) -> Prepared:
    """The Evaluasi Kinerja Pegawai of one employee and period (B 2.2).

    Without an evaluation for the period, or with ``blank``, the blank form is made.

    Raises:
        NotFoundError: ``report.unknown_employee``.
        ValidationError: ``period.invalid``.
    """
    parsed = Period.parse(period)
    from kinerja_desktop.services.admin.settings import load_settings

    show_capaian = load_settings(db).print_capaian
    with db.uow() as uow:
        session = uow.session
        subject = card_subject(session, nip, parsed, blank=blank)
        employee_nip = subject.employee.nip
        skp = _sheet_skp(session, subject, parsed)
        ev, blank = subject.evaluation, subject.blank
        assessment = card_assessment(session, ev.id) if ev is not None else None
        rows, notes = _sheet_results(session, subject, skp, parsed, assessment)
        rows = with_plans(session, rows, ev, subject.state.snapshot, blank=blank)
        hasil, perilaku, grade, org_enum = _sheet_ratings(session, subject, assessment, parsed)
        approved = subject.state.approved and not blank
        counts = _predikat_counts(session, subject, parsed)
        pattern, pattern_note = pattern_rows(counts, org_enum)
        pegawai_card, office = subject.pegawai_card, subject.office
        doc = SheetDoc(
            letterhead=subject.head,
            meta=DocMeta(
                record_uuid=subject.record_uuid,
                approved=approved,
                owner=owner_line(pegawai_card),
                blank=blank,
            ),
            period_title=period_title_of(parsed),
            period_range=parsed.range_label(),
            instansi=instansi_of(office),
            approach=APPROACH,
            pegawai=person_from_card(pegawai_card) or Person("", "", "", ""),
            penilai=person_from_card(subject.identity.get("penilai")),
            org_predikat=label(org_enum) if org_enum else "",
            distribution=tuple((label(p), n) for p, n in counts.items()) if not blank else (),
            results=rows,
            rating_hasil=hasil,
            behaviour=behaviour_rows(skp, notes),
            rating_perilaku=perilaku,
            predikat=grade,
            rating_options=RATING_OPTIONS,
            predikat_options=PREDIKAT_OPTIONS,
            place_date=place_date_of(
                city_of(session, office), subject.state.approved_at if approved else None
            ),
            blank=blank,
            org_options=ORG_OPTIONS,
            pattern=pattern,
            pattern_note="" if blank else pattern_note,
            show_capaian=show_capaian,
        )
    return Prepared(
        with_hash(doc), tuple(subject.warnings), pegawai_card.get("nama", ""), employee_nip
    )


def skp_data(db: Database, *, nip: str, year: int | str) -> Prepared:
    """The SKP of one employee and year with its lampiran (B 2.1).

    Raises:
        NotFoundError: ``report.unknown_employee``; ``report.no_skp_refused`` when the employee
            has no SKP at all for the year (there is nothing to print).
    """
    parsed = Period.parse(str(year)).year_period()
    with db.uow() as uow:
        session = uow.session
        employee = find_employee(session, nip)
        employee_nip = employee.nip
        skp = skp_of_year(session, employee.id, parsed.year)
        if skp is None:
            raise NotFoundError(
                "report.no_skp_refused", field="nip", nip=format_nip(employee.nip), year=parsed.year
            )
        warnings: list[str] = []
        approved = skp.status == EvaluationStatus.APPROVED
        if not approved:
            warnings.append(Worded("report.skp_not_approved", year=parsed.year))
        identity = (skp.snapshot if approved and skp.snapshot else None) or live_identity(
            session, employee, parsed.start if approved else min(parsed.end, date.today())
        )
        pegawai_card = identity.get("pegawai") or {}
        office = office_by_code(session, pegawai_card.get("unit_code"))
        head, logo_warnings = letterhead_of(office)
        warnings += logo_warnings
        doc = SkpDoc(
            letterhead=head,
            meta=DocMeta(record_uuid=skp.uuid, approved=approved, owner=owner_line(pegawai_card)),
            year=parsed.year,
            period_range=parsed.range_label(),
            instansi=instansi_of(office),
            approach=APPROACH,
            pegawai=person_from_card(pegawai_card) or Person("", "", "", ""),
            penilai=person_from_card(identity.get("penilai")),
            results=plan_rows(session, skp, None),
            behaviour=behaviour_rows(skp),
            resources=_lines(skp.resources),
            accountability=_lines(skp.accountability),
            consequences=_lines(skp.consequences),
            place_date=place_date_of(
                city_of(session, office), skp.approved_at if approved else None
            ),
        )
    return Prepared(with_hash(doc), tuple(warnings), pegawai_card.get("nama", ""), employee_nip)


def employees_of_office(db: Database, office_code: str) -> list[tuple[str, str]]:
    """``(nip, name)`` of the active employees whose current assignment is at the office."""
    with db.uow() as uow:
        office = office_by_code(uow.session, office_code)
        if office is None:
            raise NotFoundError("report.unknown_office", office=office_code)
        rows = uow.session.execute(
            select(Employee.nip, Employee.name, Employee.title_prefix, Employee.title_suffix)
            .join(Assignment, Assignment.employee_id == Employee.id)
            .where(
                Assignment.office_id == office.id,
                Assignment.end_date.is_(None),
                Assignment.deleted_at.is_(None),
                Employee.deleted_at.is_(None),
                Employee.active.is_(True),
            )
            .order_by(Employee.name)
        ).all()
    seen: dict[str, str] = {}
    for nip, name, prefix, suffix in rows:
        seen.setdefault(nip, full_name(name, prefix, suffix))
    return list(seen.items())
