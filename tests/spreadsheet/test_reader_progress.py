"""The reader's progress and cancel: a long read reports rows read and stops when asked."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.spreadsheet import reader
from kinerja_desktop.spreadsheet.columns import ColumnSpec, SheetSpec
from kinerja_desktop.spreadsheet.reader import read_sheet

SPEC = SheetSpec("Data", (ColumnSpec("name", "Nama", required=True), ColumnSpec("n", "Nomor")))


class Recorder:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[int, int]] = []
        self.cancel_after = cancel_after

    def set_progress(self, done: int, total: int, message: str = "") -> None:
        self.reports.append((done, total))

    def is_cancel_requested(self) -> bool:
        return self.cancel_after is not None and len(self.reports) >= self.cancel_after


def sheet(path: Path, rows: int) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Data"
    ws.append(["Nama", "Nomor"])
    for n in range(rows):
        ws.append([f"orang {n}", n])
    book.save(path)
    return path


def test_a_read_reports_the_rows_read_so_far(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(reader, "PROGRESS_ROWS", 10)
    recorder = Recorder()
    data = read_sheet(sheet(tmp_path / "a.xlsx", 35), SPEC, progress=recorder)
    assert len(data.rows) == 35
    assert recorder.reports == [(10, 0), (20, 0), (30, 0)]


def test_a_cancelled_read_is_refused_naming_the_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(reader, "PROGRESS_ROWS", 10)
    path = sheet(tmp_path / "a.xlsx", 35)
    with pytest.raises(ValidationError) as caught:
        read_sheet(path, SPEC, progress=Recorder(cancel_after=1))
    assert caught.value.code == "sheet.cancelled" and caught.value.file == str(path)
    assert "a.xlsx" in caught.value.message
