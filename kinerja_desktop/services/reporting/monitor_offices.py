"""The completion monitor's export with one line per office (issue 20).

The monitor's own sheet (``services.evaluation.export_completion``, one line per employee) is
written as it is; a second sheet, "Per kantor", adds one line per office with the figures the
Dasbor's table and the reminders show: staff, SKP approved, realisations complete, rated,
approved, not yet submitted (the clerk's reminder), and the deadline with the days left.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.evaluation import export_completion
from kinerja_desktop.services.evaluation.dto import CompletionSummary

__all__ = ["OFFICE_SHEET", "OfficeLine", "export_monitor", "office_lines"]

OFFICE_SHEET = "Per kantor"
#: Stages at which the realisations are complete (all entered, as the Dasbor's table counts).
_REALISED = frozenset({"not_submitted", "no_rating", "not_approved", "done"})
_RATED = frozenset({"not_approved", "done"})
#: Not yet submitted: what the clerk's reminder counts (services/sync/reminders.py).
_NOT_SUBMITTED = frozenset({"no_skp", "not_started", "no_realisation", "not_submitted"})


@dataclass(frozen=True)
class OfficeLine:
    """One office's staff at each milestone of the period."""

    office_code: str
    office_name: str
    staff: int
    skp_approved: int
    realised: int
    rated: int
    approved: int
    not_submitted: int
    deadline: date | None
    days_left: int | None


def office_lines(summary: CompletionSummary) -> tuple[OfficeLine, ...]:
    """One :class:`OfficeLine` per office of ``summary``, by office code."""
    grouped: dict[str, list] = {}  # type: ignore[type-arg]
    for row in summary.rows:
        grouped.setdefault(row.office_code, []).append(row)
    lines = []
    for code in sorted(grouped):
        rows = grouped[code]
        stages = [r.stage for r in rows]
        lines.append(
            OfficeLine(
                office_code=code,
                office_name=rows[0].office_name,
                staff=len(rows),
                skp_approved=sum(s != "no_skp" for s in stages),
                realised=sum(s in _REALISED for s in stages),
                rated=sum(s in _RATED for s in stages),
                approved=sum(s == "done" for s in stages),
                not_submitted=sum(s in _NOT_SUBMITTED for s in stages),
                deadline=rows[0].deadline,
                days_left=rows[0].days_left,
            )
        )
    return tuple(lines)


_HEADERS = (
    "Kode", "Kantor", "Pegawai", "SKP disetujui", "Realisasi lengkap", "Dinilai", "Disetujui",
    "Belum mengajukan", "Batas waktu", "Sisa hari",
)  # fmt: skip


def _period_title(code: str) -> str:
    """``Maret 2026`` / ``Triwulan I 2026``: a month and a quarter read alike on the sheet."""
    try:
        return Period.parse(code).label()
    except KinerjaError:
        return code


def export_monitor(summary: CompletionSummary, path: Path) -> int:
    """The monitor's sheet and the "Per kantor" sheet in ``path`` (.xlsx); returns the number of
    employee rows written.

    Raises:
        ValidationError: ``sheet.write_failed`` when the file cannot be written.
    """
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    count = export_completion(summary, path)
    try:
        workbook = load_workbook(path)
        sheet = workbook.create_sheet(OFFICE_SHEET, 1)
        sheet.append([f"Kelengkapan per kantor, periode {_period_title(summary.period)}."])
        sheet.append(list(_HEADERS))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for line in office_lines(summary):
            sheet.append(
                [
                    line.office_code, line.office_name, line.staff, line.skp_approved,
                    line.realised, line.rated, line.approved, line.not_submitted, line.deadline,
                    line.days_left,
                ]
            )  # fmt: skip
            if line.deadline is not None:
                sheet.cell(sheet.max_row, 9).number_format = "DD-MM-YYYY"
        for letter, width in zip(
            "ABCDEFGHIJ", (12, 32, 10, 14, 16, 10, 10, 16, 14, 10), strict=True
        ):
            sheet.column_dimensions[letter].width = width
        workbook.save(path)
    except OSError as exc:
        raise ValidationError(
            "sheet.write_failed", file=str(path), path=str(path), error=exc.strerror or str(exc)
        ) from exc
    return count
