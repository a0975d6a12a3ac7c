"""The import wizard's preview: the dry run of the employee import with every row kept.

:func:`import_employees` answers with a summary (counts, errors, warnings); the GUI wizard also
shows each row with its planned action, and writes the rows back out with their messages so a
clerk can fix the file in Excel. Both run the very same pipeline and plan
(:class:`EmployeeImport`), so the preview can never disagree with the import, and the preview
keeps the rows it read (:attr:`SheetPreview.file`) for the apply, which does not read the file
again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.progress import Progress
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.import_dto import RowMessage
from kinerja_desktop.services.common.sheet_import import (
    MeterCallback,
    SheetPlan,
    SheetPreview,
    preview_import,
)
from kinerja_desktop.services.register.checks import load_state
from kinerja_desktop.services.register.dto import ExportResult
from kinerja_desktop.services.register.employee_import import EmployeeImport
from kinerja_desktop.services.register.employee_sheets import employee_spec
from kinerja_desktop.spreadsheet.columns import ColumnSpec, SheetSpec
from kinerja_desktop.spreadsheet.writer import write_sheet

__all__ = ["ImportRowPreview", "preview_employee_import", "write_import_report"]


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


_PREVIEW_ACTION = {"revive": "create", "duplicate": "error", "": "error"}


def _preview_rows(plan: SheetPlan) -> tuple[ImportRowPreview, ...]:
    rows = []
    for item in plan.items:
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
    return tuple(rows)


def preview_employee_import(
    db: Database,
    path: Path,
    *,
    today: date | None = None,
    progress: MeterCallback | None = None,
    state: Progress | None = None,
) -> SheetPreview[ImportRowPreview]:
    """Read and check the sheet at ``path`` exactly as :func:`import_employees` does, without
    writing; returns the dry-run summary and every row with its planned action and messages.

    A file refused as a whole (not an xlsx, missing columns...) gives no rows and one error.
    ``progress(done, total)`` is told how far the checks are, as for the import (two steps
    per row, about 100 calls, the last one ``(total, total)``); ``state`` hears the rows read
    and may cancel the read.
    """
    job = EmployeeImport(None, today or date.today())
    return preview_import(db, job, Path(path), rows=_preview_rows, progress=progress, state=state)


def write_import_report(
    db: Database, preview: SheetPreview[ImportRowPreview], path: Path, *, lang: str = "id"
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
