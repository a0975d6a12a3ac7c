"""The import wizard's preview: the dry run of the employee import with every row kept.

:func:`import_employees` answers with a summary (counts, errors, warnings); the GUI wizard also
shows each row with its planned action, and writes the rows back out with their messages so a
clerk can fix the file in Excel. Both use the very same plan (:class:`ImportPlan` of
:mod:`employee_sheets`), so the preview can never disagree with the import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.checks import load_state
from kinerja_desktop.services.register.dto import ExportResult, ImportSummary, RowMessage

# The plan and its bookkeeping are the import's own; reusing them (rather than copying the
# rules) is the point of this module.
from kinerja_desktop.services.register.employee_sheets import (
    CHANGES,
    COUNTED,
    ImportMeter,
    ImportPlan,
    Progress,
    employee_spec,
    refused_summary,
)
from kinerja_desktop.spreadsheet.columns import ColumnSpec, SheetSpec
from kinerja_desktop.spreadsheet.reader import read_sheet
from kinerja_desktop.spreadsheet.writer import write_sheet

__all__ = ["ImportPreview", "ImportRowPreview", "preview_employee_import", "write_import_report"]


@dataclass(frozen=True)
class ImportRowPreview:
    """One sheet row as the import wizard shows it before anything is written.

    ``action`` is ``create``, ``update``, ``mutasi``, ``unchanged`` or ``error`` (a row with
    any error, a duplicate NIP included); ``cells`` are the cells as read (column key -> value),
    so the rows can be written back out with their messages.
    """

    row: int
    nip: str
    name: str
    office_code: str
    action: str
    errors: tuple[RowMessage, ...]
    warnings: tuple[RowMessage, ...]
    cells: tuple[tuple[str, Any], ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class ImportPreview:
    """A dry run of :func:`import_employees` with every row (the wizard's preview page)."""

    summary: ImportSummary
    rows: tuple[ImportRowPreview, ...]


_PREVIEW_ACTION = {"revive": "create", "duplicate": "error", "": "error"}


def preview_employee_import(
    db: Database, path: Path, *, today: date | None = None, progress: Progress | None = None
) -> ImportPreview:
    """Read and check the sheet at ``path`` exactly as :func:`import_employees` does, without
    writing; returns the dry-run summary and every row with its planned action and messages.

    A file refused as a whole (not an xlsx, missing columns...) gives no rows and one error.
    ``progress(done, total)`` is told how far the checks are, as for the import (two steps
    per row, about 100 calls, the last one ``(total, total)``).
    """
    today = today or date.today()
    path = Path(path)
    with db.uow() as uow:
        state = load_state(uow.session)
    try:
        data = read_sheet(path, employee_spec(state.offices))
    except ValidationError as exc:
        return ImportPreview(refused_summary(path, exc, True), ())
    meter = ImportMeter(progress, 2 * len(data.rows))
    meter.to(0)
    plan = ImportPlan(state, data, today)
    plan.run(meter)
    meter.finish()
    rows, counts = [], {name: 0 for name in ("created", "updated", "unchanged")}
    for item in plan.items:
        if not item.errors and item.action in (*CHANGES, "unchanged"):
            counts[COUNTED.get(item.action, "updated")] += 1
        action = "error" if item.errors else _PREVIEW_ACTION.get(item.action, item.action)
        values = item.row.values
        rows.append(
            ImportRowPreview(
                item.row.row,
                item.row.text("nip"),
                str(values.get("name") or ""),
                str(values.get("office_code") or item.row.text("office_code")),
                action,
                tuple(item.errors),
                tuple(item.warnings),
                tuple(item.row.cells.items()),
            )
        )
    errors = [e for item in plan.items for e in item.errors]
    warnings = plan.warnings + [w for item in plan.items for w in item.warnings]
    summary = ImportSummary(
        str(path), counts["created"], counts["updated"], counts["unchanged"], tuple(errors),
        tuple(warnings), True, False,
    )  # fmt: skip
    return ImportPreview(summary, tuple(rows))


def write_import_report(
    db: Database, preview: ImportPreview, path: Path, *, lang: str = "id"
) -> ExportResult:
    """Write the previewed rows back out in the template layout with two more columns, the
    planned action and the messages, so the clerk can fix the file and import it again (the
    extra columns are ignored by the import).

    Raises:
        ValidationError: ``sheet.write_failed``.
    """
    with db.uow() as uow:
        state = load_state(uow.session)
    spec = employee_spec(state.offices)
    extra = (
        ColumnSpec("import_status", "Status Impor", width=14),
        ColumnSpec("import_messages", "Pesan Impor", width=80),
    )
    report = SheetSpec(spec.sheet, spec.columns + extra, intro=spec.intro)
    words = {"create": "baru", "update": "diubah", "mutasi": "mutasi", "unchanged": "tetap"}
    words |= {"error": "KESALAHAN"}

    def line(row: ImportRowPreview) -> dict[str, Any]:
        notes = [f"{m.column}: {m.worded(lang)}" if m.column else m.worded(lang)
                 for m in (*row.errors, *row.warnings)]  # fmt: skip
        status = words.get(row.action, row.action)
        return dict(row.cells) | {"import_status": status, "import_messages": "; ".join(notes)}

    count = write_sheet(path, report, (line(r) for r in preview.rows))
    return ExportResult(str(path), count)
