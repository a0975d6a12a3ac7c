"""The Konversi Predikat Kinerja ke Angka Kredit of one jabatan fungsional employee.

Contract:

- Figures come only from an *approved* evaluation (its frozen snapshot: predikat, angka kredit,
  identity); an evaluation that is missing or not approved prints "-" with a warning and the
  DRAF stamp, like the other documents.
- The angka kredit is :func:`domain.predikat.angka_kredit` (never recomputed here by hand):
  months of the period / 12 × prosentase × koefisien per tahun of the jenjang held at the end
  of the period. An annual evaluation covers the months of the year's approved periodic
  evaluations (:func:`evaluation_core.annual_months`), as on the evaluation screen.
- The document's date ("Ditetapkan … pada tanggal …") is the approval date of the evaluation:
  the day the pejabat penilai fixed the predikat, so a reprint is the same document. Masa kerja
  golongan is counted from the TMT golongan to that date (to the end of the period while the
  evaluation is not approved), never from the start of the current assignment.
- The NOMOR is typed by the clerk; a NOMOR given is kept in ``ak_documents`` (one per employee
  and period) in the same transaction, and a later print without one reuses it.
- An employee who is not in a jabatan fungsional at the end of the period is refused
  (``report.ak_not_fungsional``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import FunctionalLevel, Gender, JobKind, Predikat
from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.masa_kerja import masa_kerja
from kinerja_desktop.domain.messages import label, text
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.periods import Period, PeriodKind, format_date_id, periods_of_year
from kinerja_desktop.domain.predikat import PREDIKAT_PERCENT, angka_kredit
from kinerja_desktop.domain.ranks import AK_COEFFICIENT
from kinerja_desktop.domain.scoring import format_number
from kinerja_desktop.reports.ak_model import AkDoc, AkRow
from kinerja_desktop.reports.model import DocMeta, with_hash
from kinerja_desktop.services.admin.settings import load_settings
from kinerja_desktop.services.common.actor import SYSTEM, Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.queries import latest_evaluation
from kinerja_desktop.services.common.recording import audit, now_utc
from kinerja_desktop.services.evaluation.core import annual_months, year_periods
from kinerja_desktop.services.reporting.data import Prepared, employees_of_office
from kinerja_desktop.services.reporting.letterhead import (
    city_of,
    instansi_of,
    letterhead_of,
    office_by_code,
)
from kinerja_desktop.services.reporting.people import (
    assignment_on,
    evaluation_state,
    find_employee,
    live_identity,
    owner_line,
    person_from_card,
)
from kinerja_desktop.services.reporting.results import fmt_value
from kinerja_desktop.storage.models import AkDocument, Assignment, Employee, Evaluation

__all__ = ["MAX_NOMOR", "ak_batch_people", "ak_data", "kept_nomor", "stored_nomor"]

#: The longest NOMOR kept (the column's width).
MAX_NOMOR = 120
NONE = "-"


@dataclass(frozen=True)
class _Figures:
    row: AkRow
    value: Decimal | None
    formula: str


def _level(a: Assignment | None) -> FunctionalLevel | None:
    if a is None or a.job_kind != JobKind.FUNGSIONAL or a.functional_level is None:
        return None
    return FunctionalLevel(a.functional_level)


def _percent(grade: Predikat) -> str:
    return f"{fmt_value(PREDIKAT_PERCENT[grade])}%"


def _figures(
    session: Session, ev: Evaluation | None, period: Period, level: FunctionalLevel
) -> _Figures:
    """The conversion line of one evaluation; figures only when it is approved."""
    coefficient = fmt_value(AK_COEFFICIENT[level])
    state = evaluation_state(session, ev)
    months = period.months if period.kind != PeriodKind.YEAR else 12
    shown = period.label() if period.kind != PeriodKind.YEAR else f"Tahunan {period.year}"
    if ev is None or not state.approved or state.predikat is None:
        row = AkRow(shown, NONE, NONE, coefficient, NONE, str(months))
        return _Figures(row, None, "")
    if period.kind == PeriodKind.YEAR:
        months = annual_months(session, ev)
    grade = Predikat(state.predikat)
    frozen = (state.snapshot or {}).get("angka_kredit")
    value = Decimal(str(frozen)) if frozen else angka_kredit(months, grade, level)
    ak = format_number(value)
    row = AkRow(shown, label(grade), _percent(grade), coefficient, ak, str(months))
    formula = f"{months}/12 × {row.percent} × {coefficient} = {ak}"
    return _Figures(row, value, formula)


def stored_nomor(session: Session, employee_id: int, period: str) -> str:
    """The NOMOR kept for this employee and period, or ""."""
    found = session.execute(
        select(AkDocument.nomor).where(
            AkDocument.employee_id == employee_id, AkDocument.period == period
        )
    ).scalar()
    return found or ""


def kept_nomor(db: Database, *, nip: str, period: str) -> str:
    """The NOMOR kept for the employee with ``nip`` and ``period`` ("" when none or unknown),
    so the Laporan view can show which NOMOR an empty field will print."""
    try:
        parsed = str(Period.parse(period))
        with db.uow() as uow:
            employee = find_employee(uow.session, nip)
            return stored_nomor(uow.session, employee.id, parsed)
    except KinerjaError:
        return ""


def _keep_nomor(
    session: Session, employee: Employee, period: str, nomor: str, *, actor: Actor,
    record_uuid: str,
) -> None:  # fmt: skip
    """Keep ``nomor`` for the employee and period, with an audit entry when it changes."""
    row = session.execute(
        select(AkDocument).where(AkDocument.employee_id == employee.id, AkDocument.period == period)
    ).scalar()
    before = row.nomor if row is not None else None
    if before == nomor:
        return
    who = actor.username[:64]
    if row is None:
        session.add(AkDocument(employee_id=employee.id, period=period, nomor=nomor,
                               updated_at=now_utc(), updated_by=who))  # fmt: skip
    else:
        row.nomor, row.updated_at, row.updated_by = nomor, now_utc(), who
    audit(
        session, actor, action="ak_nomor", entity="ak_document", record_uuid=record_uuid,
        before={"nomor": before} if before is not None else None,
        after={"nomor": nomor, "period": period}, summary=f"{employee.nip} {period}",
    )  # fmt: skip


def _dated(value: str, day: date | None) -> str:
    if day is None:
        return value or NONE
    return f"{value} / TMT {format_date_id(day)}" if value else f"TMT {format_date_id(day)}"


def _identity(
    employee: Employee, a: Assignment | None, card: dict[str, Any], on: date
) -> tuple[tuple[str, str], ...]:
    tmt_golongan = a.tmt_golongan if a else None
    served = masa_kerja(tmt_golongan, on) if tmt_golongan else None
    born = format_date_id(employee.birth_date) if employee.birth_date else ""
    place_date = ", ".join(x for x in (employee.birth_place, born) if x) or NONE
    return (
        ("Nama", str(card.get("nama", ""))),
        ("NIP", format_nip(str(card.get("nip", employee.nip)))),
        ("Nomor Seri Karpeg", employee.karpeg or NONE),
        ("Pangkat/Golongan Ruang/TMT", _dated(str(card.get("pangkat", "")), tmt_golongan)),
        ("Tempat/Tanggal Lahir", place_date),
        ("Jenis Kelamin", label(Gender(employee.gender))),
        ("Pendidikan", employee.education or NONE),
        ("Jabatan/TMT", _dated(str(card.get("jabatan", "")), a.tmt_jabatan if a else None)),
        ("Masa Kerja Golongan", served.text() if served else NONE),
        ("Unit Kerja", str(card.get("unit", "")) or NONE),
    )


def _accumulation(
    session: Session, employee_id: int, year: int, kind: PeriodKind, warnings: list[str]
) -> tuple[tuple[AkRow, ...], str]:
    """The periods of the year: every period of the installation's frequency (a missing
    evaluation prints "-" and is said) and any other period that has an evaluation; periods
    before the employee's first assignment, or served outside a jabatan fungsional, are left
    out (they earn no angka kredit)."""
    evaluated = {Period.parse(p): ev for p, ev in year_periods(session, employee_id, year)}
    first = session.execute(
        select(Assignment.start_date)
        .where(Assignment.employee_id == employee_id, Assignment.deleted_at.is_(None))
        .order_by(Assignment.start_date)
        .limit(1)
    ).scalar()
    periods = sorted(set(periods_of_year(year, kind)) | set(evaluated))
    rows: list[AkRow] = []
    total = Decimal(0)
    for period in periods:
        ev = evaluated.get(period)
        if ev is None and (first is None or period.end < first):
            continue
        level = _level(assignment_on(session, employee_id, period.end))
        if level is None:
            continue
        figures = _figures(session, ev, period, level)
        if ev is None:
            warnings.append(text("report.ak_period_missing", period=period.label()))
        elif figures.value is None:
            warnings.append(text("report.ak_period_not_approved", period=period.label()))
        if figures.value is not None:
            total += figures.value
        rows.append(figures.row)
    if not rows:
        warnings.append(text("report.ak_no_periods", year=year))
    return tuple(rows), format_number(total)


def ak_data(
    db: Database, *, nip: str, period: str, nomor: str | None = None,
    actor: Actor | None = None,
) -> Prepared:  # fmt: skip
    """The Konversi Predikat Kinerja ke Angka Kredit of one employee and period.

    Args:
        nomor: the NOMOR typed now; kept for the next print. None or blank reuses the kept one.
        actor: who prints; a NOMOR that changes is audited under this account (the system
            account when none is given).

    Raises:
        NotFoundError: ``report.unknown_employee``.
        ValidationError: ``report.ak_not_fungsional``; ``report.ak_nomor_long``.
    """
    parsed = Period.parse(period)
    typed = (nomor or "").strip()
    if len(typed) > MAX_NOMOR:
        raise ValidationError("report.ak_nomor_long", field="nomor", limit=MAX_NOMOR)
    kind = PeriodKind.from_frequency(load_settings(db).evaluation_frequency)
    with db.uow() as uow:
        session = uow.session
        employee = find_employee(session, nip)
        a = assignment_on(session, employee.id, parsed.end)
        level = _level(a)
        if level is None:
            raise ValidationError(
                "report.ak_not_fungsional", field="nip", nip=format_nip(employee.nip),
                period=parsed.label(),
            )  # fmt: skip
        warnings: list[str] = []
        ev = latest_evaluation(session, employee.id, str(parsed))
        state = evaluation_state(session, ev)
        if ev is None:
            warnings.append(text("report.ak_no_evaluation", period=parsed.label()))
        elif not state.approved:
            warnings.append(text("report.ak_not_approved", period=parsed.label()))
        identity = state.snapshot or live_identity(session, employee, parsed.end)
        card = identity.get("pegawai") or {}
        office = office_by_code(session, card.get("unit_code"))
        head, logo_warnings = letterhead_of(office)
        warnings += logo_warnings
        issued = state.approved_at.date() if state.approved and state.approved_at else None
        figures = _figures(session, ev, parsed, level)
        rows: tuple[AkRow, ...] = ()
        total = ""
        if parsed.kind == PeriodKind.YEAR:
            rows, total = _accumulation(session, employee.id, parsed.year, kind, warnings)
        if typed:
            record = ev.uuid if ev is not None else employee.uuid
            _keep_nomor(session, employee, str(parsed), typed, actor=actor or SYSTEM,
                        record_uuid=record)  # fmt: skip
        kept = typed or stored_nomor(session, employee.id, str(parsed))
        doc = AkDoc(
            letterhead=head,
            meta=DocMeta(
                record_uuid=ev.uuid if ev is not None else employee.uuid,
                approved=state.approved,
                owner=owner_line(card),
            ),
            nomor=kept,
            instansi=instansi_of(office).removeprefix("INSTANSI: "),
            period_title=parsed.label() if parsed.kind != PeriodKind.YEAR else
            f"Tahunan {parsed.year}",
            period_range=parsed.range_label(),
            identity=_identity(employee, a, card, issued or parsed.end),
            conversion=figures.row,
            formula=figures.formula,
            accumulation=rows,
            accumulation_total=total,
            place=city_of(session, office),
            issued_on=format_date_id(issued) if issued else "",
            penilai=person_from_card(identity.get("penilai")),
        )  # fmt: skip
        uow.commit()
    return Prepared(with_hash(doc), tuple(warnings), str(card.get("nama", "")), employee.nip)


def ak_batch_people(
    db: Database, office_code: str, period: str
) -> tuple[list[tuple[str, str]], list[str]]:
    """The office's jabatan fungsional employees whose evaluation of ``period`` is approved,
    and a warning for each fungsional employee left out because it is not.

    Raises:
        NotFoundError: ``report.unknown_office``.
    """
    parsed = Period.parse(period)
    people = employees_of_office(db, office_code)
    chosen: list[tuple[str, str]] = []
    warnings: list[str] = []
    with db.uow() as uow:
        session = uow.session
        for nip, name in people:
            employee = find_employee(session, nip)
            if _level(assignment_on(session, employee.id, parsed.end)) is None:
                continue
            state = evaluation_state(session, latest_evaluation(session, employee.id, str(parsed)))
            if state.approved:
                chosen.append((nip, name))
            else:
                warnings.append(f"{name}: {text('report.ak_batch_skipped', period=parsed.label())}")
    return chosen, warnings
