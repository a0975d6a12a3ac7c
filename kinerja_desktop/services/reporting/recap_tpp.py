"""The TPP in rupiah of the recaps (issue 20.3): per employee and per office.

``rupiah = base(kelas jabatan) × percentage(predikat)`` from the installation's settings
(:func:`kinerja_desktop.domain.tpp.tpp_for`), only for an approved predikat. An employee
without a figure is listed with the reason, so a missing kelas is visible and never read as
Rp 0. Every section carries the note that this is a calculation, not a payroll.
"""

from __future__ import annotations

from collections.abc import Iterable

from kinerja_desktop.domain.messages import label, text
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.scoring import format_number
from kinerja_desktop.domain.tpp import tpp_for
from kinerja_desktop.reports.tpp_model import TppEmployeeRow, TppOfficeRow, TppSection
from kinerja_desktop.services.admin.settings import AppSettings
from kinerja_desktop.services.reporting.people import EvalState
from kinerja_desktop.storage.models import Assignment, Employee

__all__ = ["employee_tpp_rows", "kecamatan_tpp", "office_tpp", "office_tpp_row"]


def _reason(kelas: int | None, base: int, approved: bool) -> str:
    if not approved:
        return text("report.tpp_no_predikat")
    if kelas is None:
        return text("report.tpp_no_kelas")
    if base <= 0:
        return text("report.tpp_no_base", kelas=kelas)
    return ""


def employee_tpp_rows(
    staff: Iterable[tuple[Employee, Assignment]],
    states: dict[int, EvalState],
    settings: AppSettings,
) -> tuple[TppEmployeeRow, ...]:
    """One row per employee of ``staff`` (the recap's order)."""
    rows = []
    for employee, a in staff:
        state = states.get(employee.id)
        grade = state.predikat if state is not None and state.approved else None
        kelas = a.kelas_jabatan
        base = settings.tpp_base.get(kelas, 0) if kelas is not None else 0
        rupiah = tpp_for(kelas, grade, bases=settings.tpp_base, percents=settings.tpp_percent)
        rows.append(
            TppEmployeeRow(
                nip=format_nip(employee.nip),
                name=full_name(employee.name, employee.title_prefix, employee.title_suffix),
                kelas=str(kelas) if kelas is not None else "-",
                predikat=label(grade) if grade is not None else "-",
                base=base or None,
                percent=format_number(settings.tpp_percent[grade]) if grade is not None else "-",
                rupiah=rupiah,
                reason="" if rupiah is not None else _reason(kelas, base, grade is not None),
            )
        )
    return tuple(rows)


def _base_set(settings: AppSettings) -> bool:
    return any(v > 0 for v in settings.tpp_base.values())


def _note(settings: AppSettings) -> str:
    note = text("report.tpp_note")
    return note if _base_set(settings) else f"{note} {text('report.tpp_not_set')}"


def office_tpp(rows: tuple[TppEmployeeRow, ...], settings: AppSettings) -> TppSection:
    """The office recap's section: every employee, the count and the sum of the figures."""
    figures = [r.rupiah for r in rows if r.rupiah is not None]
    return TppSection(
        note=_note(settings), base_set=_base_set(settings), employees=rows,
        counted=len(figures), total=sum(figures),
    )  # fmt: skip


def office_tpp_row(code: str, name: str, rows: tuple[TppEmployeeRow, ...]) -> TppOfficeRow:
    """One office of the kecamatan recap: employees, figures, their sum and (rounded) mean."""
    figures = [r.rupiah for r in rows if r.rupiah is not None]
    total = sum(figures)
    mean = (2 * total + len(figures)) // (2 * len(figures)) if figures else None  # half up
    return TppOfficeRow(code, name, len(rows), len(figures), total, mean)


def kecamatan_tpp(offices: list[TppOfficeRow], settings: AppSettings) -> TppSection:
    """The kecamatan recap's section: one row per office and the totals."""
    return TppSection(
        note=_note(settings), base_set=_base_set(settings), offices=tuple(offices),
        counted=sum(o.counted for o in offices), total=sum(o.total for o in offices),
    )  # fmt: skip
