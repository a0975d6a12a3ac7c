"""IKM surveys (Survei Kepuasan Masyarakat, PermenPANRB 14/2017) of an office, and posting the
result as the realisation of the office's IKM indicator.

The maths is :mod:`kinerja_desktop.domain.ikm` (exact 1/9 weight, DOMAIN.md A 6 and B 4); this
module adds the respondent count, the stored survey and the two-decimal report that the GUI,
the CLI (``ikm compute --json``) and the printed recap share.

Contract:

- :func:`compute_answers` turns answers by respondent (nine answers of 1–4, ``None`` for a
  blank) into an :class:`IkmReport`; a respondent with no answer at all is not counted.
- :func:`save_survey` stores the survey of an office and period as per-unsur totals (the
  :class:`IkmSurvey` row; the per-respondent answers are not kept, see the report of issue 6),
  replacing an earlier one; Admin or Operator, only in the office's own database, never in a
  locked period; one audit entry.
- :func:`post_to_indicator` writes the converted value (25–100) as the realisation of the
  office's IKM indicator, through the same rules as any office realisation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.ikm import IKM_UNSUR, IkmResult, compute_ikm, compute_ikm_from_totals
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.admin.settings import load_settings
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.conflicts import check_version
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.dto import NO_CHANGES, Changes
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.common.recording import audit, row_values, stamp_change, stamp_new
from kinerja_desktop.services.office_eval.realisations import (
    IndicatorCapaian,
    build_capaian,
    find_indicator,
    is_home_office,
    office_row,
    upsert_realisation,
    writable_office,
)
from kinerja_desktop.storage.models import IkmSurvey, Indicator, Office

__all__ = [
    "IkmReport",
    "IkmSurveyDTO",
    "compute_answers",
    "get_survey",
    "ikm_indicators",
    "list_surveys",
    "post_to_indicator",
    "report_from_totals",
    "save_survey",
]

_CENT = Decimal("0.01")
UNSUR_CODES: tuple[str, ...] = tuple(code for code, _ in IKM_UNSUR)


def _two(value: Decimal) -> Decimal:
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class IkmReport:
    """A computed survey: the respondent count and the :class:`IkmResult`."""

    respondents: int
    result: IkmResult

    @property
    def nrr(self) -> tuple[Decimal, ...]:
        """NRR of U1..U9 rounded half up to two decimals (3.5 → 3.50)."""
        return tuple(_two(v) for v in self.result.nrr)

    @property
    def weakest(self) -> tuple[str, str]:
        """Code and name of the unsur with the lowest NRR."""
        code = self.result.weakest_unsur
        return code, dict(IKM_UNSUR)[code]

    def as_json(self) -> dict[str, object]:
        """The ``ikm compute --json`` object: numbers as strings with two decimals."""
        result = self.result
        return {
            "respondents": self.respondents,
            "nrr": {code: str(v) for code, v in zip(UNSUR_CODES, self.nrr, strict=True)},
            "ikm": str(result.ikm_rounded),
            "converted": str(result.converted),
            "mutu": result.mutu.value,
            "kinerja": result.kinerja,
        }


def compute_answers(answers: Sequence[Sequence[int | None]]) -> IkmReport:
    """Compute a survey from answers by respondent (rows without any answer are skipped).

    Raises:
        ValidationError: ``office_eval.ikm_no_respondents``; the domain's ``ikm.answer_count``,
            ``ikm.answer_range`` (``row`` = respondent number, ``field`` = unsur code) and
            ``ikm.unsur_unanswered``.
    """
    filled = [list(row) for row in answers if any(a is not None for a in row)]
    if not filled:
        raise ValidationError("office_eval.ikm_no_respondents")
    return IkmReport(len(filled), compute_ikm(filled))


def report_from_totals(
    respondents: int, totals: Sequence[int], answered: Sequence[int]
) -> IkmReport:
    """The report of a stored survey (per-unsur totals and answer counts)."""
    return IkmReport(int(respondents), compute_ikm_from_totals(totals, answered))


@dataclass(frozen=True)
class IkmSurveyDTO:
    """A stored survey of one office and period, with its computed report."""

    uuid: str
    version: int
    office_code: str
    office_name: str
    period: str
    period_label: str
    respondents: int
    totals: tuple[int, ...]
    answered: tuple[int, ...]
    note: str
    report: IkmReport
    editable: bool
    #: What the write that returned this changed (empty for a plain read).
    changes: Changes = field(default=NO_CHANGES, compare=False)


def _dto(session: Session, row: IkmSurvey, office: Office) -> IkmSurveyDTO:
    period = Period.parse(row.period)
    return IkmSurveyDTO(
        uuid=row.uuid,
        version=row.version,
        office_code=office.code,
        office_name=office.name,
        period=row.period,
        period_label=period.label(),
        respondents=row.respondents,
        totals=tuple(int(t) for t in row.totals),
        answered=tuple(int(a) for a in row.answered),
        note=row.note,
        report=report_from_totals(row.respondents, row.totals, row.answered),
        editable=is_home_office(session, office),
    )


def _survey_row(session: Session, office: Office, period: str) -> IkmSurvey | None:
    return session.execute(
        select(IkmSurvey).where(IkmSurvey.office_id == office.id, IkmSurvey.period == period)
    ).scalar()


def get_survey(db: Database, office_code: str, period: str) -> IkmSurveyDTO | None:
    """The survey of an office and period, or ``None`` when there is none."""
    parsed = str(Period.parse(period))
    with db.uow() as uow:
        office = office_row(uow.session, office_code)
        row = _survey_row(uow.session, office, parsed)
        if row is None or row.deleted_at is not None:
            return None
        return _dto(uow.session, row, office)


def list_surveys(db: Database, office_code: str | None = None) -> list[IkmSurveyDTO]:
    """Every live survey (of one office), by office and period."""
    with db.uow() as uow:
        stmt = (
            select(IkmSurvey, Office)
            .join(Office, Office.id == IkmSurvey.office_id)
            .where(IkmSurvey.deleted_at.is_(None))
        )
        if office_code:
            stmt = stmt.where(Office.code == office_code.strip().upper())
        found = [_dto(uow.session, s, o) for s, o in uow.session.execute(stmt).all()]
    found.sort(key=lambda s: (s.office_code, Period.parse(s.period)))
    return found


def save_survey(
    db: Database,
    actor: Actor,
    office_code: str,
    period: str,
    answers: Sequence[Sequence[int | None]],
    *,
    note: str = "",
    expected_version: int | None = None,
) -> IkmSurveyDTO:
    """Store (or replace) the survey of an office and period from answers by respondent.

    Raises:
        ValidationError: the errors of :func:`compute_answers`; ``period.invalid``.
        ConflictError: ``office_eval.not_home_office``, ``office_eval.period_locked``,
            ``record.changed``.
        PermissionDeniedError: not Admin or Operator.
    """
    parsed = Period.parse(period)
    report = compute_answers(answers)
    totals = [0] * len(UNSUR_CODES)
    answered = [0] * len(UNSUR_CODES)
    for row in answers:
        for index, value in enumerate(row):
            if value is not None:
                totals[index] += int(value)
                answered[index] += 1
    with db.uow() as uow:
        session = uow.session
        office = writable_office(session, actor, office_code, parsed)
        row = _survey_row(session, office, str(parsed))
        summary = (
            f"{office.code} {parsed}: {report.respondents} responden, "
            f"IKM {report.result.converted} ({report.result.mutu.value})"
        )
        if row is None:
            row = IkmSurvey(office_id=office.id, period=str(parsed))
            row.respondents, row.totals, row.answered, row.note = (
                report.respondents, totals, answered, note.strip(),
            )  # fmt: skip
            stamp_new(row, actor, office=home_office_code(session) or office.code)
            session.add(row)
            session.flush()
            audit(
                session, actor, action="create", entity="ikm_survey", record_uuid=row.uuid,
                after=row_values(row), summary=summary,
            )  # fmt: skip
        else:
            check_version(row, expected_version, name=f"IKM {parsed}")
            before = row_values(row)
            row.respondents, row.totals, row.answered = report.respondents, totals, answered
            row.note, row.deleted_at = note.strip(), None
            stamp_change(row, actor)
            session.flush()
            audit(
                session, actor, action="update", entity="ikm_survey", record_uuid=row.uuid,
                before=before, after=row_values(row), summary=summary,
            )  # fmt: skip
        dto = _dto(session, row, office)
        uow.commit()
    return replace(dto, changes=Changes.of("indicators", uuids={"ikm_surveys": [dto.uuid]}))


def _ikm_candidates(session: Session, office: Office, year: int) -> list[Indicator]:
    return list(
        session.execute(
            select(Indicator)
            .where(
                Indicator.office_id == office.id,
                Indicator.year == year,
                Indicator.deleted_at.is_(None),
                or_(
                    Indicator.name.ilike("%IKM%"),
                    Indicator.name.ilike("%kepuasan masyarakat%"),
                    Indicator.code.ilike("%IKM%"),
                ),
            )
            .order_by(Indicator.sort_order, Indicator.code)
        ).scalars()
    )


def ikm_indicators(db: Database, office_code: str, year: int) -> list[tuple[str, str]]:
    """``(code, name)`` of the office's indicators of ``year`` that look like an IKM indicator
    (the name mentions "IKM" or "kepuasan masyarakat"), the first one being the default."""
    with db.uow() as uow:
        office = office_row(uow.session, office_code)
        return [(i.code, i.name) for i in _ikm_candidates(uow.session, office, year)]


def post_to_indicator(
    db: Database,
    actor: Actor,
    office_code: str,
    period: str,
    *,
    indicator_code: str | None = None,
    target_period: str | None = None,
) -> IndicatorCapaian:
    """Post a stored survey's converted value as the realisation of an IKM indicator.

    Args:
        indicator_code: the indicator; default the office's first IKM-looking indicator.
        target_period: the realisation period; default the survey's period.

    Raises:
        NotFoundError: ``office_eval.ikm_not_found``, ``office_eval.indicator_not_found``.
        ValidationError: ``office_eval.ikm_indicator_missing``, ``office_eval.period_year``.
        ConflictError: as :func:`office_realisations.save_realisations`.
    """
    survey_period = Period.parse(period)
    goal = Period.parse(target_period) if target_period else survey_period
    bands = load_settings(db).bands
    with db.uow() as uow:
        session = uow.session
        office = writable_office(session, actor, office_code, goal)
        row = _survey_row(session, office, str(survey_period))
        if row is None or row.deleted_at is not None:
            raise NotFoundError(
                "office_eval.ikm_not_found", office=office.code, period=survey_period.label()
            )
        if goal.year != survey_period.year:
            raise ValidationError(
                "office_eval.period_year", field="period", period=goal.label(),
                year=survey_period.year,
            )  # fmt: skip
        if indicator_code:
            indicator = find_indicator(session, office, goal.year, indicator_code)
        else:
            candidates = _ikm_candidates(session, office, goal.year)
            if not candidates:
                raise ValidationError(
                    "office_eval.ikm_indicator_missing", field="indicator", office=office.code,
                    year=goal.year,
                )  # fmt: skip
            indicator = candidates[0]
        report = report_from_totals(row.respondents, row.totals, row.answered)
        note = (
            f"Dari Survei IKM {survey_period.label()}: {report.respondents} responden, "
            f"mutu {report.result.mutu.value} ({report.result.kinerja})."
        )
        action, before, after, uuid = upsert_realisation(
            session, actor, indicator, goal, report.result.converted, note
        )
        if action != "unchanged":
            audit(
                session, actor, action=action, entity="indicator_realisation", record_uuid=uuid,
                before=before, after=after,
                summary=f"{office.code} {indicator.code} {goal} dari survei IKM",
            )  # fmt: skip
        session.flush()
        result = build_capaian(session, office, goal, bands).row(indicator.code)
        uow.commit()
    return result
