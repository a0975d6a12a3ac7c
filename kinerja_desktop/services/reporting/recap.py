"""Read services for the office recap and the kecamatan recap, and writing them (PDF, xlsx).

Decisions where DOMAIN.md is silent (also said in the recap's own notes):

- The IKU target of a period is its stored period target, else the annual target split by
  the indicator's rule; for the year, the realisation is the stored annual value, else the
  roll-up of the period values (DOMAIN.md A 9).
- The predikat distribution counts the latest approved evaluation of each employee whose
  current assignment is at the office.
- A recap is "final" (no DRAF watermark) when every active employee of the office (of every
  office, for the kecamatan) has an approved evaluation for the period.
- TPP percentage and angka kredit come from the installation's tables (``load_settings``) and
  the B 1.7 formula, only for an approved predikat.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import (
    EvaluationStatus,
    FunctionalLevel,
    JobKind,
    OfficeKind,
    Predikat,
)
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.messages import label, text
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.periods import Period, format_date_id
from kinerja_desktop.domain.predikat import (
    ExpectedShare,
    angka_kredit,
    check_distribution,
    expected_distribution,
)
from kinerja_desktop.domain.scoring import category, format_number, round2
from kinerja_desktop.reports.model import (
    DocMeta,
    IkuRow,
    KecamatanRecapDoc,
    OfficeRecapDoc,
    OfficeSummaryRow,
    Person,
    RecapEmployeeRow,
    with_hash,
)
from kinerja_desktop.reports.tpp_model import TppEmployeeRow
from kinerja_desktop.services.admin.settings import AppSettings, load_settings
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.offices import home_office_code
from kinerja_desktop.services.reporting.city_groups import city_groups, root_office
from kinerja_desktop.services.reporting.dashboard import recap_page
from kinerja_desktop.services.reporting.data import Prepared
from kinerja_desktop.services.reporting.letterhead import letterhead_of
from kinerja_desktop.services.reporting.output import (
    Written,
    check_period_kind,
    check_writable,
    chosen_paper,
    write_atomically,
)
from kinerja_desktop.services.reporting.people import EvalState, live_identity, person_from_card
from kinerja_desktop.services.reporting.recap_reads import RecapReads, iku_rows
from kinerja_desktop.services.reporting.recap_tpp import (
    employee_tpp_rows,
    kecamatan_tpp,
    office_tpp,
    office_tpp_row,
)
from kinerja_desktop.storage.models import (
    Assignment,
    Employee,
    Office,
)

__all__ = ["kecamatan_recap_data", "office_recap_data", "write_recap"]

NOT_STARTED = "Belum dimulai"
_NO_EVALUATION = EvalState(None, None, None, None)


@dataclass(frozen=True)
class _Figures:
    iku: tuple[IkuRow, ...]
    mean: Decimal | None
    org: Any
    statuses: Counter[str]
    predikat: Counter[Predikat]
    employees: tuple[RecapEmployeeRow, ...]
    tpp_values: tuple[Decimal, ...]
    active: int
    approved: int
    tpp: tuple[TppEmployeeRow, ...] = ()


def _office(session: Session, code: str) -> Office:
    found = session.execute(
        select(Office).where(Office.code == code.strip().upper(), Office.deleted_at.is_(None))
    ).scalar()
    if found is None:
        raise NotFoundError("report.unknown_office", office=code)
    return found


def _figures(reads: RecapReads, office: Office, period: Period, settings: AppSettings) -> _Figures:
    iku, mean = iku_rows(reads, office, period, settings)
    org = reads.org.get(office.id)
    staff = reads.staff.get(office.id, [])
    statuses: Counter[str] = Counter()
    grades: Counter[Predikat] = Counter()
    employees = []
    tpp_values = []
    approved = 0
    months = min(12, period.months)
    for employee, a in staff:
        state = reads.states.get(employee.id, _NO_EVALUATION)
        status = label(state.status) if state.status is not None else NOT_STARTED
        statuses[status] += 1
        grade = state.predikat if state.approved else None
        tpp = ak = ""
        if state.approved:
            approved += 1
        if grade is not None:
            grades[grade] += 1
            percent = settings.tpp_percent[grade]
            tpp_values.append(percent)
            tpp = format_number(percent)
        if a.job_kind == JobKind.FUNGSIONAL and a.functional_level is not None:
            ak = "-"
            if grade is not None:
                ak = format_number(angka_kredit(months, grade, FunctionalLevel(a.functional_level)))
        employees.append(
            RecapEmployeeRow(
                nip=format_nip(employee.nip),
                name=full_name(employee.name, employee.title_prefix, employee.title_suffix),
                jabatan=f"{label(a.acting)} {a.jabatan}".strip(),
                status=status,
                predikat=label(grade) if grade else "-",
                tpp=tpp or "-",
                angka_kredit=ak,
            )
        )
    return _Figures(
        iku=iku, mean=mean, org=org, statuses=statuses, predikat=grades,
        employees=tuple(employees), tpp_values=tuple(tpp_values), active=len(staff),
        approved=approved, tpp=employee_tpp_rows(staff, reads.states, settings),
    )  # fmt: skip


def _head(session: Session, office: Office, day: date) -> Person | None:
    head = session.execute(
        select(Employee)
        .join(Assignment, Assignment.employee_id == Employee.id)
        .where(
            Assignment.office_id == office.id,
            Assignment.is_head.is_(True),
            Assignment.end_date.is_(None),
            Assignment.deleted_at.is_(None),
        )
    ).scalar()
    if head is None:
        return None
    return person_from_card(live_identity(session, head, day)["pegawai"])


def _bands_note(settings: AppSettings) -> str:
    b = settings.bands
    return (
        f"Kategori capaian: ≥ {format_number(b.sangat_tinggi)} Sangat Tinggi; "
        f"≥ {format_number(b.tinggi)} Tinggi; ≥ {format_number(b.sedang)} Sedang; "
        f"≥ {format_number(b.rendah)} Rendah; di bawahnya Sangat Rendah."
    )


def _place(office: Office) -> str:
    return f"{office.city or 'Padang'}, {format_date_id(date.today())}"


def office_recap_data(db: Database, *, office_code: str, period: str) -> Prepared:
    """The recap of one office and period.

    Raises:
        NotFoundError: ``report.unknown_office``; ValidationError: ``report.no_data`` when the
            office has neither IKU nor evaluations in the period.
    """
    check_period_kind(db, period)
    parsed = Period.parse(period)
    settings = load_settings(db)
    with db.uow() as uow:
        session = uow.session
        office = _office(session, office_code)
        fig = _figures(RecapReads.read(session, parsed, office.id), office, parsed, settings)
        if not fig.iku and not sum(fig.statuses.values()) - fig.statuses[NOT_STARTED]:
            raise ValidationError("report.no_data", period=parsed.label())
        head, warnings = letterhead_of(office)
        total = sum(fig.predikat.values())
        distribution = tuple(
            (
                label(p),
                fig.predikat[p],
                format_number(Decimal(fig.predikat[p] * 100) / total) if total else "0,00",
            )
            for p in Predikat
        )
        dist_warnings = (
            tuple(w.message for w in check_distribution(fig.org, fig.predikat)) if fig.org else ()
        )
        bands: tuple[str, ...] = ()
        if fig.org:
            expected = expected_distribution(fig.org)
            bands = tuple(_band_text(expected.share_of(p)) for p in Predikat)
        order = [NOT_STARTED] + [label(s) for s in EvaluationStatus]
        doc = OfficeRecapDoc(
            letterhead=head,
            meta=DocMeta(record_uuid=office.uuid, approved=fig.approved == fig.active > 0),
            office_name=office.name,
            period_title=parsed.label(),
            org_predikat=label(fig.org) if fig.org else "-",
            iku=fig.iku,
            mean_capaian=format_number(round2(fig.mean)) if fig.mean is not None else "-",
            distribution=distribution,
            distribution_warnings=dist_warnings,
            completion=tuple((s, fig.statuses[s]) for s in order),
            employees=fig.employees,
            signer=_head(session, office, min(parsed.end, date.today())),
            place_date=_place(office),
            bands_note=_bands_note(settings),
            distribution_bands=bands,
            pattern_note=text("report.pattern_source") if bands else "",
            tpp=office_tpp(fig.tpp, settings),
        )
    return Prepared(with_hash(doc), tuple(warnings))


def _band_text(share: ExpectedShare) -> str:
    band = (
        f"{share.minimum}%"
        if share.minimum == share.maximum
        else (f"{share.minimum}–{share.maximum}%")
    )
    return f"{band}, {text('report.pattern_largest')}" if share.largest else band


def kecamatan_recap_data(db: Database, *, period: str) -> Prepared:
    """The recap across every office for one period.

    Raises:
        ValidationError: ``report.no_data`` when no office has IKU or evaluations.
    """
    check_period_kind(db, period)
    parsed = Period.parse(period)
    settings = load_settings(db)
    with db.uow() as uow:
        session = uow.session
        offices = (
            session.execute(select(Office).where(Office.deleted_at.is_(None)).order_by(Office.code))
            .scalars()
            .all()
        )
        home = home_office_code(session)
        main = next((o for o in offices if o.code == home), None) or next(
            (o for o in offices if o.kind == OfficeKind.KECAMATAN), None
        )
        if main is None and offices:
            main = offices[0]
        rows, tpp_rows = [], []
        totals = [0] * len(Predikat)
        any_data = False
        approved = active = 0
        # One set of grouped reads for every office, not a round of queries per office.
        reads = RecapReads.read(session, parsed, None)
        for office in offices:
            fig = _figures(reads, office, parsed, settings)
            started = sum(fig.statuses.values()) - fig.statuses[NOT_STARTED]
            any_data = any_data or bool(fig.iku) or started > 0
            counts = tuple(fig.predikat[p] for p in Predikat)
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
            approved += fig.approved
            active += fig.active
            tpp_rows.append(office_tpp_row(office.code, office.name, fig.tpp))
            rows.append(_summary_row(office, fig, settings, started, counts))
        if not any_data or main is None:
            raise ValidationError("report.no_data", period=parsed.label())
        head, warnings = letterhead_of(main)
        groups, ordered = city_groups(offices, rows, root_office(offices, main))
        doc = KecamatanRecapDoc(
            letterhead=head,
            meta=DocMeta(record_uuid=main.uuid, approved=approved == active > 0),
            period_title=parsed.label(),
            offices=ordered,
            predikat_labels=tuple(label(p) for p in Predikat),
            totals=tuple(totals),
            signer=_head(session, main, min(parsed.end, date.today())),
            place_date=_place(main),
            bands_note=_bands_note(settings),
            tpp=kecamatan_tpp(tpp_rows, settings),
            title=recap_title(offices, main),
            groups=groups,
        )
    doc = replace(doc, dashboard=recap_page(db, period))  # issue 20: the Dasbor page
    return Prepared(with_hash(doc), tuple(warnings))


def _summary_row(
    office: Office, fig: _Figures, settings: AppSettings, started: int, counts: tuple[int, ...]
) -> OfficeSummaryRow:
    """One office's line of the kecamatan (or city) recap."""
    mean = fig.mean
    mean_tpp = (
        format_number(sum(fig.tpp_values, Decimal(0)) / len(fig.tpp_values))
        if fig.tpp_values
        else "-"
    )
    return OfficeSummaryRow(
        code=office.code,
        name=office.name,
        employees=fig.active,
        iku=len(fig.iku),
        mean_capaian=format_number(round2(mean)) if mean is not None else "-",
        category=label(category(mean, settings.bands)) if mean is not None else "-",
        category_key=category(mean, settings.bands).value if mean is not None else "",
        capaian_value=float(round2(mean)) if mean is not None else None,
        org_predikat=label(fig.org) if fig.org else "-",
        approved=fig.approved,
        pending=started - fig.approved,
        not_started=fig.statuses[NOT_STARTED],
        predikat_counts=counts,
        mean_tpp=mean_tpp,
    )


#: The whole-database recap's title under a kecamatan (or a lone office): as printed so far.
KECAMATAN_TITLE = "REKAPITULASI KINERJA KECAMATAN"


def recap_title(offices: Sequence[Office], main: Office | None) -> str:
    """The recap's title line, after the kind of the root office above ``main``.

    A city's database (its root a ``kota`` office, BKPSDM Kota Padang) recaps the city, so
    the title names the city ("REKAPITULASI KINERJA KOTA PADANG"), not a kecamatan.
    """
    root = root_office(offices, main)
    if root is None or root.kind != OfficeKind.KOTA:
        return KECAMATAN_TITLE
    city = (root.city or "").strip().upper()
    if not city:
        return f"REKAPITULASI KINERJA {root.name.strip().upper()}"
    return f"REKAPITULASI KINERJA {city if city.startswith('KOTA ') else f'KOTA {city}'}"


def write_recap(
    db: Database,
    *,
    period: str,
    out: Path,
    office_code: str | None = None,
    paper: str | None = None,
) -> Written:
    """The office recap (with ``office_code``) or the kecamatan recap, as .pdf or .xlsx."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationError("report.bad_extension", path=str(out), expected=".pdf / .xlsx")
    check_writable(out)
    chosen = chosen_paper(db, paper)
    if office_code:
        prepared = office_recap_data(db, office_code=office_code, period=period)
    else:
        prepared = kecamatan_recap_data(db, period=period)
    pages = 0
    if suffix == ".pdf":
        from kinerja_desktop.reports.render import write_pdf

        pages = write_atomically(out, lambda temp: write_pdf([prepared.doc], temp, paper=chosen))
    else:
        from kinerja_desktop.spreadsheet.recap_writer import write_recap_xlsx

        write_atomically(out, lambda temp: write_recap_xlsx(prepared.doc, Path(temp)))
    meta = prepared.doc.meta
    return Written((str(out),), pages, 1, prepared.warnings, meta.record_uuid, meta.content_hash)
