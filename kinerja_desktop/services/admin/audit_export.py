"""Exporting the audit trail to an xlsx workbook (Admin and Pimpinan, like reading it).

openpyxl's write-only mode streams rows to disk, so a trail of a hundred thousand entries does
not sit in memory as cell objects. The file is written to a temporary name beside the target
and renamed at the end: a failed export never leaves a half-written workbook under the name the
user chose. Times are written in the computer's local time zone (what a clerk reads on the
wall clock); the sheet says so in its header. Every text (a summary, a user name, the JSON of
a record's values) goes in as a string cell through :mod:`kinerja_desktop.spreadsheet.cells`,
so a value recorded as ``=HYPERLINK("…")`` never runs as a formula when the trail is opened.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from kinerja_desktop.domain import messages
from kinerja_desktop.domain.errors import DatabaseError
from kinerja_desktop.services.admin.audit_log import AuditRow, list_audit
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.spreadsheet.cells import row_cells, set_value

#: No practical limit: the export holds everything the filters match.
EXPORT_LIMIT = 1_000_000_000

HEADERS = (
    "Waktu (waktu setempat)",
    "Pengguna",
    "Tindakan",
    "Jenis data",
    "UUID rekaman",
    "Rekaman",
    "Ringkasan",
    "Sebelum",
    "Sesudah",
)
_WIDTHS = (20, 24, 16, 16, 38, 40, 40, 50, 50)

Progress = Callable[[int, int], None]


def _json(value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def action_label(action: str, lang: str = "id") -> str:
    """``"update"`` → ``"Ubah"``; an action without a catalogue entry is shown as stored."""
    code = f"audit.action.{action}"
    return code_label(code, action, lang)


def entity_label(entity: str, lang: str = "id") -> str:
    """``"user"`` → ``"Akun"``; a kind without a catalogue entry is shown as stored."""
    return code_label(f"audit.entity.{entity}", entity, lang)


def code_label(code: str, fallback: str, lang: str) -> str:
    return messages.text(code, lang) if code in messages.MESSAGES else fallback


def audit_cells(row: AuditRow, lang: str = "id") -> list[str]:
    """One sheet row of an audit entry, in the words the Audit view uses."""
    return [
        row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
        row.username,
        action_label(row.action, lang),
        entity_label(row.entity, lang),
        row.record_uuid or "",
        row.record_text,
        row.summary or "",
        _json(row.before),
        _json(row.after),
    ]


def export_audit(
    db: Database,
    actor: Actor,
    out: Path,
    *,
    username: str | None = None,
    record_uuid: str | None = None,
    entity: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    progress: Progress | None = None,
    lang: str = "id",
) -> int:
    """Write the entries the filters match (newest first) to ``out``; the number written.

    Raises:
        PermissionDeniedError: the actor is neither Admin nor Pimpinan.
        DatabaseError: ``admin.export_failed`` when the file
            cannot be written (open in Excel, a full disk); nothing is left under ``out``.
    """
    rows = list_audit(
        db,
        actor,
        username=username,
        record_uuid=record_uuid,
        entity=entity,
        date_from=date_from,
        date_to=date_to,
        limit=EXPORT_LIMIT,
        lang=lang,
    )
    from openpyxl import Workbook  # 0.1 s to import: only when exporting
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Jejak audit")
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for text in HEADERS:
        cell = set_value(WriteOnlyCell(sheet), text)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    total = len(rows)
    for number, row in enumerate(rows, start=1):
        sheet.append(row_cells(sheet, audit_cells(row, lang)))
        if progress is not None and (number % 500 == 0 or number == total):
            progress(number, total)
    temporary = out.with_name(f".{out.name}.tmp")
    try:
        book.save(temporary)
        os.replace(temporary, out)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise DatabaseError(
            "admin.export_failed", path=str(out), file=str(out), error=exc.strerror or str(exc)
        ) from exc
    return total
