"""The shared sheet import pipeline: read once, plan, preview, apply (all or nothing)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.employee_import import import_employees
from kinerja_desktop.services.register.import_preview import preview_employee_import
from kinerja_desktop.spreadsheet.reader import SheetReader

TODAY = date(2026, 12, 1)
HEADER = ["NIP", "Nama", "Status", "Golongan", "Jabatan", "Jenis Jabatan", "Kode Kantor"]


def row(n: int, *, nip: object = None) -> list[object]:
    number = nip if nip is not None else f"19990{n % 9 + 1}01202203{2}{n:03d}"
    return [number, f"Pegawai Baru {n}", "PNS", "III/a", "Pengelola Data", "Pelaksana", "NGL"]


def sheet(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Pegawai"
    ws.append(HEADER)
    for values in rows:
        ws.append(values)
    wb.save(path)
    return path


def counts(db: Database) -> tuple[int, int]:
    """Rows of employees and of the audit trail, read on a connection of its own (either engine)."""
    with db.engine.connect() as con:
        employees = con.execute(text("SELECT count(*) FROM employees")).scalar_one()
        audits = con.execute(text("SELECT count(*) FROM audit_entries")).scalar_one()
    return employees, audits


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every workbook the reader opens, in order."""
    paths: list[Path] = []
    real_enter = SheetReader.__enter__

    def spy(reader: SheetReader) -> SheetReader:
        paths.append(reader.path)
        return real_enter(reader)

    monkeypatch.setattr(SheetReader, "__enter__", spy)
    return paths


def test_an_error_in_one_row_names_file_row_and_column_and_writes_nothing(
    db: Database, tmp_path: Path
) -> None:
    path = sheet(tmp_path / "pegawai.xlsx", [row(1), row(2), row(3, nip=1.9990101202203e17)])
    before = counts(db)
    summary = import_employees(db, SYSTEM, path, today=TODAY)
    assert summary.file == str(path) and not summary.applied and summary.changed_uuids == ()
    assert [(e.row, e.column, e.code) for e in summary.errors] == [(4, "NIP", "nip.not_text")]
    assert summary.created == 2  # what the readable rows would have done
    assert counts(db) == before


def test_the_preview_keeps_its_rows_and_the_apply_does_not_read_again(
    db: Database, tmp_path: Path, opened: list[Path]
) -> None:
    path = sheet(tmp_path / "pegawai.xlsx", [row(1), row(2)])
    preview = preview_employee_import(db, path, today=TODAY)
    assert opened == [path] and preview.sheet == "Pegawai"
    assert (preview.summary.created, preview.summary.dry_run) == (2, True)
    assert [r.action for r in preview.rows] == ["create", "create"]
    assert preview.file is not None
    path.unlink()  # the apply must not need the file any more
    summary = import_employees(db, SYSTEM, preview.file, today=TODAY)
    assert summary.applied and summary.created == 2
    assert len(summary.changed_uuids) == 4  # two employees and their two assignments
    assert summary.file == str(path) and opened == [path]


def test_the_apply_of_a_preview_checks_the_database_again(db: Database, tmp_path: Path) -> None:
    """Rows read before another import wrote the same NIPs are planned again, as updates."""
    path = sheet(tmp_path / "pegawai.xlsx", [row(1)])
    preview = preview_employee_import(db, path, today=TODAY)
    assert preview.summary.created == 1
    assert import_employees(db, SYSTEM, path, today=TODAY).created == 1
    assert preview.file is not None
    again = import_employees(db, SYSTEM, preview.file, today=TODAY)
    assert (again.created, again.unchanged, again.applied) == (0, 1, False)


class Cancelled:
    def set_progress(self, done: int, total: int = 0, message: str = "") -> None:
        pass

    def is_cancel_requested(self) -> bool:
        return True


def test_a_cancelled_read_refuses_the_import_and_writes_nothing(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kinerja_desktop.spreadsheet import reader

    monkeypatch.setattr(reader, "PROGRESS_ROWS", 1)
    path = sheet(tmp_path / "pegawai.xlsx", [row(1), row(2)])
    before = counts(db)
    summary = import_employees(db, SYSTEM, path, today=TODAY, state=Cancelled())
    assert [e.code for e in summary.errors] == ["sheet.cancelled"] and not summary.applied
    assert counts(db) == before


def test_an_skp_row_of_an_unknown_employee_is_named_and_nothing_written(
    db: Database, tmp_path: Path
) -> None:
    from kinerja_desktop.services.plans.skp_sheets import export_skp, import_skp

    path = tmp_path / "skp.xlsx"
    assert export_skp(db, path, year=2026).rows > 0
    wb = openpyxl.load_workbook(path)
    ws = wb["SKP"]
    ws.cell(2, 13).value = 99  # a changed target: the SKP would be updated
    ws.cell(3, 1).value = "199901012022032999"  # nobody has this NIP
    wb.save(path)
    before = counts(db)
    summary = import_skp(db, SYSTEM, path, year=2026)
    assert summary.file == str(path) and not summary.applied
    assert ("NIP", "skp.sheet_employee") in {(e.column, e.code) for e in summary.errors}
    assert 3 in {e.row for e in summary.errors if e.code == "skp.sheet_employee"}
    assert counts(db) == before


def test_a_preview_cancelled_while_checking_holds_one_message(db: Database, tmp_path: Path) -> None:
    """Two rows are read without a cancel point; the checks ask at their first report."""
    path = sheet(tmp_path / "pegawai.xlsx", [row(1), row(2)])
    state = Cancelled()
    preview = preview_employee_import(db, path, today=TODAY, progress=state.set_progress,
                                      state=state)  # fmt: skip
    assert preview.rows == () and [e.code for e in preview.summary.errors] == ["sheet.cancelled"]
    assert "pegawai.xlsx" in preview.summary.errors[0].worded()
