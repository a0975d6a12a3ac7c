"""Shared reads of the evaluation services: the approved SKP, its lines, period targets, locks,
the penilai, the snapshot and the detail DTO. Internal to the ``services`` package.

Decisions (DOMAIN.md and DESIGN.md are silent on these):

- The period target of an individual indicator comes from its annual target and split rule
  (:func:`kinerja_desktop.domain.targets.split_target`) over the periods of the evaluated
  period's kind; a cumulative target with a whole annual value splits into whole numbers.
- The SKP of an evaluation is the latest approved revision of the employee's SKP for the year.
- The ``code`` of a line is ``"<RHK position>.<indicator position>"`` in the SKP, as the
  realisation sheets and the printed SKP number them.
- An employee's penilai is the atasan of the current assignment; when that is an external
  penilai (DOMAIN.md A 12, a person without an account here), an Admin records the judgement.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import (
    EvaluationStatus,
    JobKind,
    Predikat,
    RhkKind,
    SplitRule,
)
from kinerja_desktop.domain.errors import KinerjaError, NotFoundError
from kinerja_desktop.domain.messages import describe, validation_error
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.periods import Period, PeriodKind
from kinerja_desktop.domain.predikat import angka_kredit, predikat as predikat_of
from kinerja_desktop.domain.scoring import (
    capaian,
    category,
)
from kinerja_desktop.domain.targets import annual_realisation, split_target
from kinerja_desktop.services.admin.settings import AppSettings
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.queries import (
    approved_skp as approved_skp,
    current_assignment as current_assignment,
    latest_evaluation as latest_evaluation,
)
from kinerja_desktop.services.evaluation.cards import penilai_card, person_card, shown_identity
from kinerja_desktop.services.evaluation.dto import (
    AssessmentDTO,
    EvaluationDetail,
    EvidenceDTO,
    RealisationLine,
)
from kinerja_desktop.services.evaluation.suggestion import suggestion
from kinerja_desktop.services.office_eval.periods import locking_period
from kinerja_desktop.storage.models import (
    Assessment,
    Assignment,
    Employee,
    Evaluation,
    Evidence,
    Office,
    PeriodSetting,
    Realisation,
    Rhk,
    Skp,
    SkpIndicator,
)

RULES_VERSION = "2026.1"
"""Version of the scoring rules frozen into an approved evaluation (DESIGN.md section 5)."""

EDITABLE = (EvaluationStatus.DRAFT, EvaluationStatus.RETURNED)
_MICRO = Decimal("0.000001")


def parse_period(text: str) -> Period:
    return Period.parse(text)


def check_period_kind(period: Period, settings: AppSettings) -> None:
    """A periodic evaluation uses the installation's frequency; the year is the annual one."""
    if period.kind == PeriodKind.YEAR:
        return
    expected = PeriodKind.from_frequency(settings.evaluation_frequency)
    if period.kind != expected:
        sample = str(Period(expected, period.year, 1))
        raise validation_error(
            "evaluation.period_kind", field="periode", period=str(period), expected=sample
        )


def period_setting(session: Session, period: str) -> PeriodSetting | None:
    return session.execute(
        select(PeriodSetting).where(
            PeriodSetting.period == period, PeriodSetting.deleted_at.is_(None)
        )
    ).scalar()


def get_evaluation_row(session: Session, uuid: str) -> Evaluation:
    ev = session.execute(
        select(Evaluation).where(Evaluation.uuid == uuid, Evaluation.deleted_at.is_(None))
    ).scalar()
    if ev is None:
        raise NotFoundError("evaluation.not_found", value=uuid)
    return ev


@dataclass(frozen=True)
class SkpLine:
    code: str
    rhk: Rhk
    indicator: SkpIndicator


def skp_lines(session: Session, skp_id: int | None) -> list[SkpLine]:
    """The individual indicators of an SKP in printed order, with their position code."""
    if skp_id is None:
        return []
    rhks = session.execute(
        select(Rhk)
        .where(Rhk.skp_id == skp_id, Rhk.deleted_at.is_(None))
        .order_by(Rhk.kind != RhkKind.UTAMA, Rhk.sort_order, Rhk.id)
    ).scalars()
    lines: list[SkpLine] = []
    for n, rhk in enumerate(rhks, start=1):
        indicators = session.execute(
            select(SkpIndicator)
            .where(SkpIndicator.rhk_id == rhk.id, SkpIndicator.deleted_at.is_(None))
            .order_by(SkpIndicator.sort_order, SkpIndicator.id)
        ).scalars()
        for m, indicator in enumerate(indicators, start=1):
            lines.append(SkpLine(f"{n}.{m}", rhk, indicator))
    return lines


def period_target(indicator: SkpIndicator, period: Period) -> Decimal:
    """The target of ``indicator`` for ``period`` (the annual target for the year)."""
    if period.kind == PeriodKind.YEAR:
        return indicator.target
    annual = Decimal(indicator.target)
    whole = annual == annual.to_integral_value()
    places = 0 if whole and indicator.split_rule == SplitRule.CUMULATIVE else 2
    count = period.kind.count_per_year
    return split_target(annual, indicator.split_rule, count, places=places)[period.index - 1]


def is_count(indicator: SkpIndicator) -> bool:
    """A counted quantity (documents, people): a negative realisation makes no sense."""
    return indicator.split_rule == SplitRule.CUMULATIVE or indicator.aspect.value == "kuantitas"


def line_capaian(
    indicator: SkpIndicator, target: Decimal, value: Decimal | None
) -> tuple[Decimal | None, str]:
    """Capaian of one line (uncapped is not needed here: the cap applies where set)."""
    if value is None:
        return None, ""
    try:
        return (
            capaian(
                value,
                target,
                indicator.polarity,
                target_hi=indicator.target_hi,
                cap=indicator.cap,
            ),
            "",
        )
    except KinerjaError as exc:
        return None, describe(exc)


def uncapped(indicator: SkpIndicator, target: Decimal, value: Decimal) -> Decimal | None:
    try:
        return capaian(value, target, indicator.polarity, target_hi=indicator.target_hi)
    except KinerjaError:
        return None


def assessment_of(session: Session, evaluation_id: int) -> Assessment | None:
    return session.execute(
        select(Assessment)
        .where(Assessment.evaluation_id == evaluation_id, Assessment.deleted_at.is_(None))
        .order_by(Assessment.id.desc())
        .limit(1)
    ).scalar()


def newest_assessments(session: Session, chosen: Select[tuple[int]]) -> dict[int, Assessment]:
    """:func:`assessment_of` for every evaluation ``chosen`` selects (a subquery of ids), in one
    query: evaluation id -> its newest live assessment."""
    newest: dict[int, Assessment] = {}
    for assessment in session.execute(
        select(Assessment)
        .where(Assessment.evaluation_id.in_(chosen), Assessment.deleted_at.is_(None))
        .order_by(Assessment.id)
    ).scalars():
        newest[assessment.evaluation_id] = assessment
    return newest


@dataclass(frozen=True)
class State:
    """Where an evaluation stands, counting a decision recorded only in its assessment."""

    status: EvaluationStatus
    predikat: Predikat | None
    snapshot: dict[str, Any] | None
    approved_at: datetime | None
    reason: str


def _utc(value: datetime | None) -> datetime | None:
    # SQLite hands timestamps back without a zone; they were written in UTC.
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def effective(ev: Evaluation | Any, assessment: Assessment | Any | None) -> State:
    """The evaluation's state: its own status, unless the penilai's assessment decided after
    the last submission. A penilai in another office approves or returns through the
    assessment row alone (the evaluation row belongs to the employee's office, DESIGN.md 5),
    so a synced decision counts here without anyone changing the evaluation row.

    ``ev`` and ``assessment`` may be plain rows with the same names
    (:mod:`kinerja_desktop.services.evaluation.heads`)."""
    status, reason = ev.status, ev.status_reason
    predikat, snapshot, approved_at = ev.predikat, ev.snapshot, ev.approved_at
    a = assessment
    if (
        ev.status == EvaluationStatus.SUBMITTED
        and a is not None
        and a.decision in (EvaluationStatus.APPROVED, EvaluationStatus.RETURNED)
        and a.decided_at is not None
        and (ev.submitted_at is None or _utc(a.decided_at) >= _utc(ev.submitted_at))
    ):
        status = a.decision
        reason = a.decision_reason
        if status == EvaluationStatus.APPROVED:
            predikat, snapshot, approved_at = a.predikat, a.snapshot, a.decided_at
    return State(status, predikat, snapshot, approved_at, reason)


def state_of(session: Session, ev: Evaluation) -> State:
    return effective(ev, assessment_of(session, ev.id))


def owned_here(session: Session, ev: Evaluation) -> bool:
    home = home_office_code(session)
    return home is None or ev.origin_office == home


def identity(session: Session, employee_id: int) -> dict[str, Any]:
    """The employee, penilai and atasan penilai as printed on the signed form."""
    a = current_assignment(session, employee_id)
    penilai = penilai_card(session, a)
    above = None
    if a is not None and a.atasan_id is not None:
        above = penilai_card(session, current_assignment(session, a.atasan_id))
    return {
        "pegawai": person_card(session, employee_id),
        "penilai": penilai,
        "atasan_penilai": above,
    }


def _evidence(session: Session, realisation_id: int) -> tuple[EvidenceDTO, ...]:
    rows = session.execute(
        select(Evidence)
        .where(Evidence.realisation_id == realisation_id, Evidence.deleted_at.is_(None))
        .order_by(Evidence.id)
    ).scalars()
    return tuple(
        EvidenceDTO(r.uuid, r.filename, r.sha256, r.size, r.media_type, _plan_uuid(r)) for r in rows
    )


def _plan_uuid(row: Evidence) -> str | None:
    return row.rencana_aksi.uuid if row.rencana_aksi is not None else None


def realisations_by_indicator(session: Session, evaluation_id: int) -> dict[int, Realisation]:
    rows = session.execute(
        select(Realisation).where(
            Realisation.evaluation_id == evaluation_id, Realisation.deleted_at.is_(None)
        )
    ).scalars()
    return {r.skp_indicator_id: r for r in rows}


def year_periods(
    session: Session, employee_id: int, year: int
) -> list[tuple[str, Evaluation | None]]:
    """The periodic evaluations (latest revision) of a year, in order, with missing ones."""
    found: dict[str, Evaluation] = {}
    for ev in session.execute(
        select(Evaluation).where(
            Evaluation.employee_id == employee_id,
            Evaluation.period.like(f"{year}-%"),
            Evaluation.deleted_at.is_(None),
        )
    ).scalars():
        held = found.get(ev.period)
        if held is None or ev.revision > held.revision:
            found[ev.period] = ev
    return sorted(found.items(), key=lambda item: Period.parse(item[0]))


def expected_periods(
    session: Session, employee_id: int, year: int, settings: AppSettings
) -> list[str]:
    """The periodic evaluations an annual one needs: every period of the installation's
    frequency in ``year`` that ends on or after the employee's first assignment started (one
    who arrived in August has no Triwulan I or II)."""
    first = session.execute(
        select(Assignment.start_date)
        .where(Assignment.employee_id == employee_id, Assignment.deleted_at.is_(None))
        .order_by(Assignment.start_date)
        .limit(1)
    ).scalar()
    kind = PeriodKind.from_frequency(settings.evaluation_frequency)
    periods = Period(PeriodKind.YEAR, year, 0).subperiods(kind)
    return [str(p) for p in periods if first is None or p.end >= first]


def rollups(session: Session, employee_id: int, year: int) -> dict[int, Decimal | None]:
    """The annual realisation of each individual indicator rolled up from the periods."""
    values: dict[int, list[Decimal | None]] = {}
    rules: dict[int, SplitRule] = {}
    for _, ev in year_periods(session, employee_id, year):
        if ev is None:
            continue
        for ind_id, r in realisations_by_indicator(session, ev.id).items():
            values.setdefault(ind_id, []).append(r.value)
            if ind_id not in rules:
                rules[ind_id] = session.get_one(SkpIndicator, ind_id).split_rule
    # Stored scores have six decimals (storage.models.columns.Score): round the mean to that.
    out: dict[int, Decimal | None] = {}
    for i, v in values.items():
        total = annual_realisation(v, rules[i])
        out[i] = None if total is None else total.quantize(_MICRO, rounding=ROUND_HALF_UP)
    return out


def build_detail(session: Session, ev: Evaluation, settings: AppSettings) -> EvaluationDetail:
    """The editor's view of one evaluation (see :class:`EvaluationDetail`)."""
    period = Period.parse(ev.period)
    annual = period.kind == PeriodKind.YEAR
    employee = session.get_one(Employee, ev.employee_id)
    a = current_assignment(session, ev.employee_id)
    office = session.get(Office, a.office_id) if a else None
    assessment = assessment_of(session, ev.id)
    lines, scored = _detail_lines(session, ev, period, assessment, settings)
    rating, basis, mean, org = suggestion(session, ev, a, scored, settings)
    state = effective(ev, assessment)
    grade = state.predikat
    if grade is None and assessment and assessment.rating_hasil and assessment.rating_perilaku:
        grade = predikat_of(assessment.rating_hasil, assessment.rating_perilaku)
    credit = None
    if a is not None and a.job_kind == JobKind.FUNGSIONAL and a.functional_level and grade:
        months = annual_months(session, ev) if annual else period.months
        credit = angka_kredit(months, grade, a.functional_level)
    frozen = state.snapshot if state.status == EvaluationStatus.APPROVED else None
    shown = shown_identity(session, a, office, frozen)
    setting = period_setting(session, ev.period)
    home = home_office_code(session)
    return EvaluationDetail(
        uuid=ev.uuid,
        version=ev.version,
        employee_uuid=employee.uuid,
        employee_name=full_name(employee.name, employee.title_prefix, employee.title_suffix),
        nip=employee.nip,
        jabatan=shown.jabatan,
        office_code=office.code if office else "",
        office_name=shown.office_name,
        is_head=bool(a and a.is_head),
        functional_level=a.functional_level if a else None,
        penilai_name=shown.penilai_name,
        penilai_uuid=shown.penilai_uuid,
        penilai_external=shown.external,
        period=ev.period,
        period_label=period.label(),
        annual=annual,
        revision=ev.revision,
        status=state.status,
        status_reason=state.reason,
        origin_office=ev.origin_office,
        editable_here=home is None or ev.origin_office == home,
        # A lock of a longer period (the year) covers this one: the same rule as every write.
        locked=locking_period(session, ev.period) is not None,
        deadline=setting.deadline if setting else period.default_deadline(),
        skp_uuid=session.get_one(Skp, ev.skp_id).uuid if ev.skp_id else None,
        lines=tuple(lines),
        assessment=_assessment_dto(assessment),
        mean_capaian=mean,
        suggestion=rating,
        suggestion_basis=basis,
        org_predikat=org,
        predikat=grade,
        angka_kredit=credit,
        approved_at=state.approved_at,
        snapshot=state.snapshot,
        periods=tuple(
            (p, state_of(session, e).status if e else None)
            for p, e in year_periods(session, ev.employee_id, period.year)
        )
        if annual
        else (),
    )


def _detail_lines(
    session: Session,
    ev: Evaluation,
    period: Period,
    assessment: Assessment | None,
    settings: AppSettings,
) -> tuple[list[RealisationLine], list[tuple[RhkKind, Decimal | None, Decimal | None]]]:
    """One line per SKP indicator with its realisation and capaian, and what the suggestion
    scores: (RHK kind, uncapped capaian, weight) per line."""
    stored = realisations_by_indicator(session, ev.id)
    feedback = dict(assessment.feedback or {}) if assessment else {}
    annual = period.kind == PeriodKind.YEAR
    rolled = rollups(session, ev.employee_id, period.year) if annual else {}
    lines: list[RealisationLine] = []
    scored: list[tuple[RhkKind, Decimal | None, Decimal | None]] = []
    for item in skp_lines(session, ev.skp_id):
        ind = item.indicator
        target = period_target(ind, period)
        r = stored.get(ind.id)
        value = r.value if r else None
        score, problem = line_capaian(ind, target, value)
        raw = uncapped(ind, target, value) if value is not None else None
        scored.append((item.rhk.kind, raw, ind.weight))
        lines.append(
            RealisationLine(
                skp_indicator_uuid=ind.uuid,
                code=item.code,
                rhk_text=item.rhk.text,
                rhk_kind=item.rhk.kind,
                aspect=ind.aspect,
                text=ind.text,
                unit=ind.unit,
                polarity=ind.polarity,
                split_rule=ind.split_rule,
                target=target,
                target_hi=ind.target_hi,
                cap=ind.cap,
                weight=ind.weight,
                value=value,
                note=r.note if r else "",
                capaian=score,
                category=category(score, settings.bands) if score is not None else None,
                feedback=str(feedback.get(ind.uuid, "")),
                evidence=_evidence(session, r.id) if r else (),
                rollup=rolled.get(ind.id),
                problem=problem,
            )
        )
    return lines, scored


def annual_months(session: Session, ev: Evaluation) -> int:
    """Months covered by the approved periodic evaluations of the year (1–12) for the angka
    kredit of an annual evaluation (DOMAIN.md B 1.7: months in the period)."""
    year = Period.parse(ev.period).year
    months = sum(
        Period.parse(p).months
        for p, e in year_periods(session, ev.employee_id, year)
        if e is not None and state_of(session, e).status == EvaluationStatus.APPROVED
    )
    return min(max(months, 1), 12)


def _assessment_dto(a: Assessment | None) -> AssessmentDTO | None:
    if a is None:
        return None
    return AssessmentDTO(
        uuid=a.uuid,
        origin_office=a.origin_office,
        rating_hasil=a.rating_hasil,
        rating_hasil_suggested=a.rating_hasil_suggested,
        rating_reason=a.rating_reason,
        rating_perilaku=a.rating_perilaku,
        decision=a.decision,
        decision_reason=a.decision_reason,
        decided_at=a.decided_at,
        feedback={str(k): str(v) for k, v in (a.feedback or {}).items()},
        behaviour_notes={str(k): str(v) for k, v in (a.behaviour_notes or {}).items()},
    )
