"""Read services for printed documents: SKP, Evaluasi Kinerja Pegawai and the report card.

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

import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.behaviour import CORE_VALUES
from kinerja_desktop.domain.enums import (
    Acting,
    Aspect,
    EvaluationStatus,
    FunctionalLevel,
    JobKind,
    OrgPredikat,
    Predikat,
    Rating,
    RhkKind,
    SplitRule,
)
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.messages import Worded, label, text
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.nip import format_nip, normalize_nip
from kinerja_desktop.domain.periods import Period, PeriodKind, format_date_id
from kinerja_desktop.domain.predikat import (
    DISTRIBUTION_AXIS,
    angka_kredit,
    expected_distribution,
)
from kinerja_desktop.domain.predikat import predikat as predikat_of
from kinerja_desktop.domain.ranks import pangkat_label
from kinerja_desktop.domain.scoring import format_number, round2
from kinerja_desktop.domain.targets import split_target
from kinerja_desktop.reports.model import (
    BehaviourRow,
    CardDoc,
    DocMeta,
    Letterhead,
    PatternRow,
    Person,
    ResultRow,
    SheetDoc,
    SkpDoc,
    with_hash,
)
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.queries import (
    latest_evaluation as latest_evaluation,
)
from kinerja_desktop.services.common.queries import (
    skp_of_year as skp_of_year,
)
from kinerja_desktop.storage.models import (
    Assessment,
    Assignment,
    Employee,
    Evaluation,
    ExternalPenilai,
    Office,
    OrgAssessment,
    Realisation,
    Rhk,
    Skp,
)

__all__ = [
    "Prepared",
    "card_data",
    "fmt_value",
    "letterhead_of",
    "sheet_data",
    "skp_data",
]

RATING_OPTIONS = tuple(label(r) for r in Rating)
PREDIKAT_OPTIONS = tuple(label(p) for p in Predikat)
ORG_OPTIONS = tuple(label(o) for o in OrgPredikat)
#: Lines of the kop above the address; an office field may hold several, split at " / " or a
#: line break ("KECAMATAN NANGGALO / KELURAHAN KAMPUNG LAPAI"), with no schema change.
MAX_KOP_LINES = 5
_KOP_SPLIT = re.compile(r"\s+/\s+|\n")
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


def fmt_value(value: Decimal | str | None, unit: str = "") -> str:
    """A target or realisation as printed: ``"12 dokumen"``, ``"95,50 %"``."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value))
    places = 0 if number == number.to_integral_value() else 2
    shown = format_number(number, places)
    return f"{shown} {unit}".strip()


def _pangkat(grade: str) -> str:
    try:
        return pangkat_label(grade)
    except Exception:  # an unknown grade code still prints as typed
        return grade


def _acting(value: object) -> str:
    try:
        return label(Acting(str(value)))
    except ValueError:
        return ""


def person_from_card(card: dict[str, Any] | None) -> Person | None:
    """A snapshot card (``nama``, ``nip``, ``pangkat``, ``jabatan``, ``unit``, ``acting``)."""
    if not card:
        return None
    return Person(
        name=str(card.get("nama", "")),
        nip=format_nip(str(card.get("nip", ""))),
        pangkat=str(card.get("pangkat") or _pangkat(str(card.get("golongan", "")))),
        jabatan=str(card.get("jabatan", "")),
        unit=str(card.get("unit", "")),
        acting=_acting(card.get("acting", "none")),
    )


def _assignment_on(session: Session, employee_id: int, day: date) -> Assignment | None:
    rows = (
        session.execute(
            select(Assignment)
            .where(Assignment.employee_id == employee_id, Assignment.deleted_at.is_(None))
            .order_by(Assignment.start_date)
        )
        .scalars()
        .all()
    )
    held = [a for a in rows if a.start_date <= day and (a.end_date is None or a.end_date >= day)]
    if held:
        return held[-1]
    before = [a for a in rows if a.start_date <= day]
    return (before or rows or [None])[-1]


def _employee_card(session: Session, employee: Employee, day: date) -> dict[str, Any]:
    a = _assignment_on(session, employee.id, day)
    card: dict[str, Any] = {
        "uuid": employee.uuid,
        "nama": full_name(employee.name, employee.title_prefix, employee.title_suffix),
        "nip": employee.nip,
        "golongan": a.grade if a else "",
        "pangkat": _pangkat(a.grade) if a else "",
        "jabatan": a.jabatan if a else "",
        "unit": a.office.name if a else "",
        "unit_code": a.office.code if a else "",
        "acting": a.acting.value if a else "none",
    }
    return card


def _external_card(ext: ExternalPenilai) -> dict[str, Any]:
    return {
        "uuid": ext.uuid,
        "nama": ext.name,
        "nip": ext.nip,
        "golongan": ext.grade,
        "pangkat": _pangkat(ext.grade) if ext.grade else "",
        "jabatan": ext.jabatan,
        "unit": ext.instansi,
        "unit_code": "",
        "acting": ext.acting.value,
        "external": True,
    }


def live_identity(session: Session, employee: Employee, day: date) -> dict[str, Any]:
    """Pegawai, penilai and atasan penilai cards from the assignments in force on ``day``,
    in the shape of an approval snapshot."""
    pegawai = _employee_card(session, employee, day)
    a = _assignment_on(session, employee.id, day)
    penilai = above = None
    if a is not None and a.atasan_id is not None:
        boss = session.get(Employee, a.atasan_id)
        if boss is not None:
            penilai = _employee_card(session, boss, day)
            b = _assignment_on(session, boss.id, day)
            if b is not None and b.atasan_id is not None:
                top = session.get(Employee, b.atasan_id)
                above = _employee_card(session, top, day) if top else None
            elif b is not None and b.external_penilai_id is not None:
                ext = session.get(ExternalPenilai, b.external_penilai_id)
                above = _external_card(ext) if ext else None
    elif a is not None and a.external_penilai_id is not None:
        ext = session.get(ExternalPenilai, a.external_penilai_id)
        penilai = _external_card(ext) if ext else None
    return {"pegawai": pegawai, "penilai": penilai, "atasan_penilai": above}


def logo_readable(data: bytes) -> bool:
    """True when reportlab can read the logo bytes as an image."""
    from reportlab.lib.utils import ImageReader

    try:
        ImageReader(io.BytesIO(data)).getSize()
    except Exception:
        return False
    return True


def letterhead_of(office: Office | None) -> tuple[Letterhead, list[str]]:
    """The office's kop surat, with a warning when its logo is missing or unreadable."""
    if office is None:
        return Letterhead(lines=()), []
    lines = tuple(
        part.strip()
        for field in (office.letterhead_1, office.letterhead_2)
        for part in _KOP_SPLIT.split(field or "")
        if part.strip()
    )[:MAX_KOP_LINES]
    if not lines:
        lines = (office.name.upper(),)
    address = office.letterhead_3 or ", ".join(x for x in (office.address, office.postal_code) if x)
    contact = " · ".join(x for x in (office.phone and f"Telp. {office.phone}", office.email) if x)
    if contact:
        address = f"{address} · {contact}" if address else contact
    warnings: list[str] = []
    logo = office.logo
    if not logo:
        warnings.append(Worded("report.logo_missing", office=office.name))
        logo = None
    elif not logo_readable(logo):
        warnings.append(Worded("report.logo_unreadable", office=office.name))
        logo = None
    return Letterhead(lines=lines, address=address, logo=logo), warnings


def find_employee(session: Session, nip: str) -> Employee:
    """The employee with ``nip`` (spaces and dots allowed).

    Raises:
        NotFoundError: ``report.unknown_employee``.
    """
    try:
        digits = normalize_nip(nip)
    except Exception:
        digits = str(nip).strip()
    found = session.execute(
        select(Employee).where(Employee.nip == digits, Employee.deleted_at.is_(None))
    ).scalar()
    if found is None:
        raise NotFoundError("report.unknown_employee", nip=nip)
    return found


@dataclass(frozen=True)
class _EvalState:
    status: EvaluationStatus | None
    predikat: Predikat | None
    snapshot: dict[str, Any] | None
    approved_at: datetime | None

    @property
    def approved(self) -> bool:
        return self.status == EvaluationStatus.APPROVED


def evaluation_state(session: Session, ev: Evaluation | None) -> _EvalState:
    """The effective state of an evaluation, counting a decision recorded only in the
    penilai's assessment (a penilai in another office approves through that row alone)."""
    if ev is None:
        return _EvalState(None, None, None, None)
    from kinerja_desktop.services.evaluation.core import state_of

    state = state_of(session, ev)
    snapshot = state.snapshot if state.status == EvaluationStatus.APPROVED else None
    return _EvalState(state.status, state.predikat, snapshot, state.approved_at)


def _assessment(session: Session, evaluation_id: int) -> Assessment | None:
    return session.execute(
        select(Assessment)
        .where(Assessment.evaluation_id == evaluation_id, Assessment.deleted_at.is_(None))
        .order_by(Assessment.id.desc())
        .limit(1)
    ).scalar()


def _office(session: Session, code: str | None) -> Office | None:
    if not code:
        return None
    return session.execute(select(Office).where(Office.code == code)).scalar()


def _city(session: Session, office: Office | None) -> str:
    return (office.city if office and office.city else "") or "Padang"


def _place_date(city: str, when: datetime | date | None) -> str:
    if when is None:
        return f"{city}, ............................"
    day = when.date() if isinstance(when, datetime) else when
    return f"{city}, {format_date_id(day)}"


def _period_title(period: Period) -> str:
    if period.kind == PeriodKind.YEAR:
        return f"Tahunan (Januari–Desember {period.year})"
    return period.label()


def _period_target(target: Decimal, rule: SplitRule, period: Period) -> Decimal:
    if period.kind == PeriodKind.YEAR:
        return target
    count = period.kind.count_per_year
    places = 0 if rule == SplitRule.CUMULATIVE and target == target.to_integral_value() else 2
    return split_target(target, rule, count, places=places)[period.index - 1]


def _lines(value: str) -> tuple[str, ...]:
    items = []
    for raw in (value or "").splitlines():
        item = raw.strip().lstrip("-•*").strip()
        if item:
            items.append(item)
    return tuple(items)


def _owner(card: dict[str, Any] | None) -> str:
    if not card:
        return ""
    return f"Dokumen milik {card.get('nama', '')} (NIP {format_nip(str(card.get('nip', '')))})"


def _plan_rows(
    session: Session,
    skp: Skp | None,
    period: Period | None,
    *,
    results: dict[str, dict[str, Any]] | None = None,
    realised: dict[int, Realisation] | None = None,
    feedback: dict[str, str] | None = None,
) -> tuple[ResultRow, ...]:
    """The HASIL KERJA rows of a plan; with a period, its targets and the results in it."""
    if skp is None:
        return ()
    rows: list[ResultRow] = []
    counters = {RhkKind.UTAMA: 0, RhkKind.TAMBAHAN: 0}
    plan = sorted(
        (r for r in skp.rhk if r.deleted_at is None),
        key=lambda r: (r.kind != RhkKind.UTAMA, r.sort_order, r.id),
    )
    for rhk in plan:
        counters[rhk.kind] += 1
        parent = ""
        if rhk.parent_rhk_id is not None:
            found = session.get(Rhk, rhk.parent_rhk_id)
            parent = found.text if found else ""
        elif rhk.indicator is not None:
            parent = f"IKU {rhk.indicator.code}: {rhk.indicator.name}"
        for iki in [i for i in rhk.indicators if i.deleted_at is None]:
            target: Decimal | str = iki.target
            if period is not None:
                target = _period_target(iki.target, iki.split_rule, period)
            target_text = fmt_value(target, iki.unit)
            if iki.target_hi is not None:
                target_text = f"{fmt_value(target)}–{fmt_value(iki.target_hi, iki.unit)}"
            real = cap = ""
            snap = (results or {}).get(iki.uuid)
            if snap is not None:
                target_text = fmt_value(snap.get("target"), iki.unit) or target_text
                real = fmt_value(snap.get("realisasi"), iki.unit)
                cap = format_number(Decimal(str(snap["capaian"]))) if snap.get("capaian") else ""
            elif realised and iki.id in realised and realised[iki.id].value is not None:
                value = realised[iki.id].value
                real = fmt_value(value, iki.unit)
                cap = _capaian_text(value, target, iki)
            rows.append(
                ResultRow(
                    section="A" if rhk.kind == RhkKind.UTAMA else "B",
                    number=counters[rhk.kind],
                    parent_rhk=parent,
                    rhk=rhk.text,
                    aspect=label(Aspect(iki.aspect)),
                    indicator=iki.text,
                    target=target_text,
                    realisation=real,
                    capaian=cap,
                    feedback=(feedback or {}).get(iki.uuid, ""),
                    assigned_by=rhk.assigned_by,
                )
            )
    return tuple(rows)


def _capaian_text(value: Any, target: Any, iki: Any) -> str:
    from kinerja_desktop.services.plans.indicators import safe_capaian

    result = safe_capaian(
        value, Decimal(str(target)), iki.polarity, target_hi=iki.target_hi, cap=iki.cap
    )
    return "" if result is None else format_number(round2(result))


def _behaviour(skp: Skp | None, notes: dict[str, str] | None = None) -> tuple[BehaviourRow, ...]:
    expectations: dict[str, str] = {}
    if skp is not None:
        for e in skp.expectations:
            if e.deleted_at is None:
                expectations[e.core_value.value] = e.text
    return tuple(
        BehaviourRow(
            name=info.name,
            guides=info.guides,
            expectation=expectations.get(info.value.value, ""),
            feedback=(notes or {}).get(info.value.value, ""),
        )
        for info in CORE_VALUES
    )


def _share_text(count: int, total: int) -> str:
    if not total:
        return "0%"
    share = Decimal(count * 100) / total
    places = 0 if share == share.to_integral_value() else 1
    return f"{format_number(share, places)}%"


def pattern_rows(
    counts: dict[Predikat, int], org: OrgPredikat | None
) -> tuple[tuple[PatternRow, ...], str]:
    """POLA DISTRIBUSI rows on the lampiran's axis (Sangat Kurang → Sangat Baik): the
    office's share of each predikat beside the band of :func:`expected_distribution`, and the
    caption naming the source of the bands (plus what no single band can say)."""
    total = sum(counts.values())
    expected = expected_distribution(org) if org is not None else None
    rows = []
    for grade in DISTRIBUTION_AXIS:
        count = counts.get(grade, 0)
        low = high = 0
        band = ""
        if expected is not None:
            share = expected.share_of(grade)
            low, high = share.minimum, share.maximum
            band = f"{low}%" if low == high else f"{low}–{high}%"
            if share.largest:
                band = f"{band}, {text('report.pattern_largest')}"
        rows.append(
            PatternRow(
                label=label(grade),
                count=count,
                share=float(Decimal(count * 100) / total) if total else 0.0,
                share_text=_share_text(count, total),
                low=low,
                high=high,
                band_text=band,
            )
        )
    if expected is None:
        return tuple(rows), text("report.pattern_no_org")
    notes = [text("report.pattern_source")]
    if expected.required:
        names = " dan/atau ".join(label(p) for p in expected.required)
        notes.append(text("report.pattern_required", predikat=names))
    for group, limit in expected.together:
        names = " dan/atau ".join(label(p) for p in group)
        notes.append(text("report.pattern_together", predikat=names, limit=limit))
    return tuple(rows), " ".join(notes)


def approved_predikat(session: Session, period: str, office_code: str) -> list[Predikat]:
    """Predikat of the latest approved evaluations of an office's employees in ``period``."""
    rows = (
        session.execute(
            select(Evaluation)
            .join(Assignment, Assignment.employee_id == Evaluation.employee_id)
            .join(Office, Office.id == Assignment.office_id)
            .where(
                Evaluation.period == period,
                Evaluation.deleted_at.is_(None),
                Office.code == office_code,
                Assignment.end_date.is_(None),
                Assignment.deleted_at.is_(None),
            )
        )
        .scalars()
        .all()
    )
    latest: dict[int, Evaluation] = {}
    for ev in rows:
        if ev.employee_id not in latest or ev.revision > latest[ev.employee_id].revision:
            latest[ev.employee_id] = ev
    grades = []
    for ev in latest.values():
        state = evaluation_state(session, ev)
        if state.approved and state.predikat is not None:
            grades.append(state.predikat)
    return grades


def _org_value(session: Session, office: Office | None, period: str) -> OrgPredikat | None:
    if office is None:
        return None
    found = session.execute(
        select(OrgAssessment.predikat).where(
            OrgAssessment.office_id == office.id,
            OrgAssessment.period == period,
            OrgAssessment.deleted_at.is_(None),
        )
    ).scalar()
    return OrgPredikat(found) if found else None


def _org_predikat(session: Session, office: Office | None, period: str) -> str:
    found = _org_value(session, office, period)
    return label(found) if found else ""


# -- documents -----------------------------------------------------------------------------------


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
        employee = find_employee(session, nip)
        employee_nip = employee.nip
        warnings: list[str] = []
        ev = latest_evaluation(session, employee.id, str(parsed))
        skp = (ev.skp if ev is not None and ev.skp is not None else None) or skp_of_year(
            session, employee.id, parsed.year
        )
        state = evaluation_state(session, ev)
        snapshot = state.snapshot
        identity = snapshot or live_identity(session, employee, parsed.end)
        pegawai_card = identity.get("pegawai") or {}
        office = _office(session, pegawai_card.get("unit_code"))
        head, logo_warnings = letterhead_of(office)
        warnings += logo_warnings
        if ev is None:
            warnings.append(Worded("report.no_evaluation", period=parsed))
            blank = True
        elif not state.approved:
            warnings.append(Worded("report.not_approved", period=parsed))
        if skp is None:
            warnings.append(Worded("report.no_skp", year=parsed.year))
        elif skp.status != EvaluationStatus.APPROVED:
            warnings.append(Worded("report.skp_not_approved", year=parsed.year))
        assessment = _assessment(session, ev.id) if ev is not None else None
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
        rows = _plan_rows(
            session, skp, parsed,
            results=None if blank else results_snap,
            realised=None if blank else realised,
            feedback=feedback,
        )  # fmt: skip
        hasil = perilaku = grade = ""
        org = ""
        org_enum: OrgPredikat | None = None
        if not blank:
            if snapshot is not None:
                hasil = (
                    label(Rating(snapshot["rating_hasil"])) if snapshot.get("rating_hasil") else ""
                )
                perilaku = (
                    label(Rating(snapshot["rating_perilaku"]))
                    if snapshot.get("rating_perilaku")
                    else ""
                )
                grade = label(Predikat(snapshot["predikat"])) if snapshot.get("predikat") else ""
                org_value = snapshot.get("org_predikat")
                org_enum = OrgPredikat(org_value) if org_value else None
            else:
                if assessment is not None:
                    hasil = label(assessment.rating_hasil) if assessment.rating_hasil else ""
                    perilaku = (
                        label(assessment.rating_perilaku) if assessment.rating_perilaku else ""
                    )
                    if assessment.rating_hasil and assessment.rating_perilaku:
                        grade = label(
                            predikat_of(assessment.rating_hasil, assessment.rating_perilaku)
                        )
                org_enum = _org_value(session, office, str(parsed))
            org = label(org_enum) if org_enum else ""
        # A blank form names no existing record: it carries the employee's id, never the
        # evaluation's (the footer prints neither).
        record = employee.uuid if blank or ev is None else ev.uuid
        approved = state.approved and not blank
        instansi = _instansi(office)
        counts = dict.fromkeys(Predikat, 0)
        if office is not None and not blank:
            for found in approved_predikat(session, str(parsed), office.code):
                counts[found] += 1
        pattern, pattern_note = pattern_rows(counts, org_enum)
        doc = SheetDoc(
            letterhead=head,
            meta=DocMeta(
                record_uuid=record, approved=approved, owner=_owner(pegawai_card), blank=blank
            ),
            period_title=_period_title(parsed),
            period_range=parsed.range_label(),
            instansi=instansi,
            approach=APPROACH,
            pegawai=person_from_card(pegawai_card) or Person("", "", "", ""),
            penilai=person_from_card(identity.get("penilai")),
            org_predikat=org,
            distribution=tuple((label(p), n) for p, n in counts.items()) if not blank else (),
            results=rows,
            rating_hasil=hasil,
            behaviour=_behaviour(skp, notes),
            rating_perilaku=perilaku,
            predikat=grade,
            rating_options=RATING_OPTIONS,
            predikat_options=PREDIKAT_OPTIONS,
            place_date=_place_date(_city(session, office), state.approved_at if approved else None),
            blank=blank,
            org_options=ORG_OPTIONS,
            pattern=pattern,
            pattern_note="" if blank else pattern_note,
            show_capaian=show_capaian,
        )
    return Prepared(with_hash(doc), tuple(warnings), pegawai_card.get("nama", ""), employee_nip)


def _instansi(office: Office | None) -> str:
    if office is None:
        return "INSTANSI: -"
    top = _KOP_SPLIT.split(office.letterhead_1 or "")[0].strip() or "PEMERINTAH KOTA PADANG"
    return f"INSTANSI: {top}, {office.name.upper()}"


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
        employee = find_employee(session, nip)
        employee_nip = employee.nip
        warnings: list[str] = []
        ev = latest_evaluation(session, employee.id, str(parsed))
        state = evaluation_state(session, ev)
        approved = state.approved
        snapshot = state.snapshot
        identity = snapshot or live_identity(session, employee, parsed.end)
        pegawai_card = identity.get("pegawai") or {}
        office = _office(session, pegawai_card.get("unit_code"))
        head, logo_warnings = letterhead_of(office)
        warnings += logo_warnings
        if ev is None:
            warnings.append(Worded("report.no_evaluation", period=parsed))
            blank = True
        elif not approved:
            warnings.append(Worded("report.not_approved", period=parsed))
        grade_value: Predikat | None = None
        org = ""
        assessment = _assessment(session, ev.id) if ev is not None else None
        if snapshot is not None:
            grade_value = Predikat(snapshot["predikat"]) if snapshot.get("predikat") else None
            org_value = snapshot.get("org_predikat")
            org = label(OrgPredikat(org_value)) if org_value else ""
        elif ev is not None:
            grade_value = state.predikat
            if (
                grade_value is None
                and assessment
                and assessment.rating_hasil
                and assessment.rating_perilaku
            ):
                grade_value = predikat_of(assessment.rating_hasil, assessment.rating_perilaku)
            org = _org_predikat(session, office, str(parsed))
        ak = ""
        a = _assignment_on(session, employee.id, parsed.end)
        if a is not None and a.job_kind == JobKind.FUNGSIONAL and a.functional_level is not None:
            ak = "-"
            if grade_value is not None:
                value = angka_kredit(
                    min(12, parsed.months), grade_value, FunctionalLevel(a.functional_level)
                )
                ak = format_number(value)
            if snapshot is not None and snapshot.get("angka_kredit"):
                ak = format_number(Decimal(str(snapshot["angka_kredit"])))
        notes = ""
        if assessment is not None and not blank:
            notes = assessment.rating_reason or ""
        if snapshot is not None and not blank:
            notes = str(snapshot.get("rating_reason") or notes)
        doc = CardDoc(
            letterhead=head,
            meta=DocMeta(
                record_uuid=employee.uuid if blank or ev is None else ev.uuid,
                approved=approved and not blank,
                owner=_owner(pegawai_card),
                blank=blank,
            ),
            period_title=_period_title(parsed),
            period_range=parsed.range_label(),
            pegawai=person_from_card(pegawai_card) or Person("", "", "", ""),
            penilai=person_from_card(identity.get("penilai")),
            atasan=person_from_card(identity.get("atasan_penilai")),
            org_predikat=org or "-",
            predikat=label(grade_value) if grade_value else "-",
            angka_kredit=ak,
            notes=notes,
            place_date=_place_date(
                _city(session, office), state.approved_at if approved and not blank else None
            ),
            sign_atasan=sign_atasan,
            blank=blank,
        )
    return Prepared(with_hash(doc), tuple(warnings), pegawai_card.get("nama", ""), employee_nip)


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
        office = _office(session, pegawai_card.get("unit_code"))
        head, logo_warnings = letterhead_of(office)
        warnings += logo_warnings
        doc = SkpDoc(
            letterhead=head,
            meta=DocMeta(record_uuid=skp.uuid, approved=approved, owner=_owner(pegawai_card)),
            year=parsed.year,
            period_range=parsed.range_label(),
            instansi=_instansi(office),
            approach=APPROACH,
            pegawai=person_from_card(pegawai_card) or Person("", "", "", ""),
            penilai=person_from_card(identity.get("penilai")),
            results=_plan_rows(session, skp, None),
            behaviour=_behaviour(skp),
            resources=_lines(skp.resources),
            accountability=_lines(skp.accountability),
            consequences=_lines(skp.consequences),
            place_date=_place_date(_city(session, office), skp.approved_at if approved else None),
        )
    return Prepared(with_hash(doc), tuple(warnings), pegawai_card.get("nama", ""), employee_nip)


def employees_of_office(db: Database, office_code: str) -> list[tuple[str, str]]:
    """``(nip, name)`` of the active employees whose current assignment is at the office."""
    with db.uow() as uow:
        office = _office(uow.session, office_code)
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


# Public names of the helpers above, for the other document services (report_ak).
assignment_on = _assignment_on
office_by_code = _office
city_of = _city
instansi_of = _instansi
owner_line = _owner
