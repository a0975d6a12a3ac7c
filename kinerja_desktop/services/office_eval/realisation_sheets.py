"""Office IKU realisations as a spreadsheet: export (also the template) and import.

The sheet "Realisasi IKU" lists an office's IKU of one period: Kode IKU, Indikator, Satuan,
Target (for reading only), Realisasi and Catatan. The office and the period are chosen by the
caller (the GUI's selection), not read from the file, so a sheet cannot land on the wrong
office by a typo.

Import rules (the same as the other imports): every row is checked first (unknown or repeated
code, a realisation that is not a number, a negative count); with any error nothing is written;
otherwise all rows are saved in one transaction through
:func:`office_realisations.save_realisations` (ownership, lock, audit). An empty Realisasi cell
leaves the stored value as it is (an import never deletes a realisation; clear it in the form).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.admin.permissions import require
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.import_dto import ImportSummary
from kinerja_desktop.services.common.sheet_import import (
    ImportMeter,
    SheetFile,
    SheetImport,
    SheetPlan,
    SheetPreview,
    preview_import,
    row_message,
    run_import,
)
from kinerja_desktop.services.office_eval.realisations import (
    EDITORS,
    RealisationEntry,
    check_value,
    find_indicator,
    office_capaian,
    writable_office,
    write_entries,
)
from kinerja_desktop.services.register.dto import ExportResult
from kinerja_desktop.spreadsheet.columns import ColumnSpec, RowError, SheetSpec, fold
from kinerja_desktop.spreadsheet.reader import SheetRow
from kinerja_desktop.spreadsheet.writer import write_sheet

__all__ = [
    "OfficeRealisationImport",
    "export_office_realisations",
    "import_office_realisations",
    "preview_office_realisations",
    "realisation_spec",
]


def realisation_spec(office: str = "", period: str = "") -> SheetSpec:
    """The realisation sheet (the intro names the office and period it was made for)."""
    intro = (
        f"Realisasi IKU kantor {office} periode {period}." if office else "Realisasi IKU kantor.",
        "Isi kolom Realisasi (angka; koma atau titik sebagai tanda desimal) dan Catatan. Kolom "
        "Indikator, Satuan dan Target hanya sebagai keterangan.",
        "Sel Realisasi yang kosong tidak mengubah data yang tersimpan.",
        "Semua baris diperiksa lebih dahulu; bila ada satu kesalahan, tidak ada yang disimpan.",
    )
    c = ColumnSpec
    columns = (
        c("code", "Kode IKU", ("Kode", "Kode Indikator"), True, width=10, example="IKU-01"),
        c("name", "Indikator", ("Nama Indikator", "Indikator Kinerja"), width=60),
        c("unit", "Satuan", (), width=10),
        c("target", "Target", ("Target Periode",), kind="decimal", width=10),
        c("value", "Realisasi", ("Realisasi Periode", "Capaian Realisasi"), kind="decimal",
          width=12, help="Nilai yang dicapai kantor pada periode ini.", example="96,5"),
        c("note", "Catatan", ("Keterangan", "Sumber Data"), width=40),
    )  # fmt: skip
    return SheetSpec("Realisasi IKU", columns, intro=intro)


def export_office_realisations(
    db: Database, path: Path, office_code: str, period: str
) -> ExportResult:
    """Write the office's IKU of ``period`` with targets and stored realisations to ``path``."""
    result = office_capaian(db, office_code, period)
    rows = [
        {
            "code": r.code,
            "name": r.name,
            "unit": r.unit,
            "target": r.target,
            "value": None if r.derived else r.value,
            "note": r.note,
        }
        for r in result.rows
    ]
    spec = realisation_spec(result.office_code, Period.parse(period).label())
    count = write_sheet(path, spec, rows)
    return ExportResult(str(path), count)


class OfficeRealisationImport(SheetImport):
    """One office's IKU realisations of one period, saved as the form saves them."""

    def __init__(
        self, actor: Actor, office_code: str, period: str, current: dict[str, Any]
    ) -> None:
        super().__init__(actor)
        self.office_code, self.period = office_code, Period.parse(period)
        self.current = current
        self.office: Any = None

    def before_read(self, session: Any) -> None:
        assert self.actor is not None
        self.office = writable_office(session, self.actor, self.office_code, self.period)
        return None

    def spec(self, session: Any) -> SheetSpec:
        return realisation_spec()

    def refused(self, file: SheetFile, dry_run: bool) -> ImportSummary:
        assert file.refusal is not None
        raise file.refusal

    def plan(self, session: Any, file: SheetFile, meter: ImportMeter) -> SheetPlan:
        plan = SheetPlan(file)
        plan.warnings = [row_message(w) for w in plan.data.warnings]
        entries: list[RealisationEntry] = []
        seen: dict[str, int] = {}
        for row in plan.data.rows:
            plan.errors.extend(row_message(e) for e in row.errors)
            entry = self._row(session, plan, row, seen)
            if entry is not None:
                entries.append(entry)
            meter.advance()
        for entry in entries:
            stored = self.current[entry.indicator_code]
            if stored.value is None or stored.derived:
                plan.counts["created"] += 1
            elif stored.value == entry.value and stored.note == entry.note.strip():
                plan.counts["unchanged"] += 1
            else:
                plan.counts["updated"] += 1
        plan.items = entries
        return plan

    def _row(
        self, session: Any, plan: SheetPlan, row: SheetRow, seen: dict[str, int]
    ) -> RealisationEntry | None:
        """One row as an entry; None for an empty Realisasi cell (left as stored) or an error."""
        code = (row.values.get("code") or "").strip()
        if not code or "code" in row.failed:
            return None
        header = plan.header("code")
        if fold(code) in seen:
            plan.errors.append(row_message(RowError.make(
                row.row, header, code, "office_eval.duplicate_row", value=code,
                other=seen[fold(code)],
            )))  # fmt: skip
            return None
        seen[fold(code)] = row.row
        try:
            indicator = find_indicator(session, self.office, self.period.year, code)
        except KinerjaError as err:
            plan.errors.append(row_message(RowError.make(row.row, header, code, err.code,
                                                         **err.params)))  # fmt: skip
            return None
        value = row.values.get("value")
        if value is None or "value" in row.failed:
            return None
        try:
            check_value(indicator, value)
        except KinerjaError as err:
            plan.errors.append(row_message(RowError.make(
                row.row, plan.header("value"), row.text("value"), err.code, **err.params,
            )))  # fmt: skip
            return None
        if "note" in plan.data.header.index:
            note = row.values.get("note") or ""
        else:  # no Catatan column: keep the stored note
            note = self.current[indicator.code].note
        return RealisationEntry(indicator.code, value, note)

    def apply(self, session: Any, plan: SheetPlan, meter: ImportMeter) -> list[str]:
        """Save the changed entries as the form does (each audited on its own)."""
        assert self.actor is not None
        current = self.current
        changed = [
            e for e in plan.items
            if not (current[e.indicator_code].value == e.value
                    and current[e.indicator_code].note == e.note.strip())
        ]  # fmt: skip
        write_entries(session, self.actor, self.office, self.period, changed)
        return []

    def record(self, session: Any, plan: SheetPlan, uuids: list[str]) -> None:
        """No import entry: every saved realisation has its own (as the form saves it)."""


def _job(db: Database, actor: Actor, office_code: str, period: str) -> OfficeRealisationImport:
    require(actor, *EDITORS)
    Period.parse(period)
    current = {r.code: r for r in office_capaian(db, office_code, period).rows}
    return OfficeRealisationImport(actor, office_code, period, current)


def preview_office_realisations(
    db: Database, actor: Actor, path: Path, office_code: str, period: str
) -> SheetPreview[Any]:
    """The dry run of :func:`import_office_realisations` (same refusals), keeping the rows
    read: hand its ``file`` to the import so the file is not read again."""
    return preview_import(db, _job(db, actor, office_code, period), Path(path))


def import_office_realisations(
    db: Database,
    actor: Actor,
    path: Path | SheetFile,
    office_code: str,
    period: str,
    *,
    dry_run: bool = False,
) -> ImportSummary:
    """Check and (unless ``dry_run`` or an error was found) save a realisation sheet (or the
    rows a preview read: the office, period, lock and stored values are checked again).

    Raises:
        ValidationError: the file as a whole cannot be read.
        ConflictError / PermissionDeniedError: as :func:`save_realisations` (not the home
            office, a locked period, a read-only account), before any row is read.
    """
    source = path if isinstance(path, SheetFile) else Path(path)
    return run_import(db, _job(db, actor, office_code, period), source, dry_run=dry_run)
