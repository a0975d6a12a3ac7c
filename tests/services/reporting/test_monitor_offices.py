"""The completion monitor's export: one line per office with the Dasbor's and reminders' figures."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from kinerja_desktop.domain.enums import Role
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.gui.dashboard.figures import load_figures
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.evaluation import completion_summary
from kinerja_desktop.services.reporting import export_monitor, office_lines
from kinerja_desktop.services.sync import reminders_for

TODAY = date(2026, 10, 5)


@pytest.mark.parametrize("period", ["2026-Q2", "2026-Q3"])
def test_office_lines_match_the_dasbor_and_the_reminders(demo_db, period):
    summary = completion_summary(demo_db, period, today=TODAY)
    lines = office_lines(summary)
    dasbor = load_figures(demo_db, period, None, today=TODAY)
    assert [line.office_code for line in lines] == [o.office_code for o in dasbor.completion]
    for line, office in zip(lines, dasbor.completion, strict=True):
        assert line.staff == office.total
        assert line.skp_approved == office.total - office.count("no_skp")
        assert line.approved == office.done
        assert line.rated == office.count("not_approved") + office.done
        assert line.deadline == dasbor.deadline and line.days_left == dasbor.days_left
    clerk = reminders_for(demo_db, Actor("op", frozenset({Role.OPERATOR})), today=TODAY,
                          period=period)  # fmt: skip
    behind = {b.office_code: b.missing for b in clerk.backlog}
    assert {line.office_code: line.not_submitted for line in lines if line.not_submitted} == behind
    assert sum(line.staff for line in lines) == summary.total


def test_the_export_keeps_the_monitor_sheet_and_adds_one_line_per_office(demo_db, tmp_path):
    summary = completion_summary(demo_db, "2026-Q2", today=TODAY)
    path = tmp_path / "monitor.xlsx"
    assert export_monitor(summary, path) == summary.total
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:2] == ["Monitor", "Per kantor"]
    sheet = book["Per kantor"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    lines = office_lines(summary)
    assert [r[0] for r in rows] == [line.office_code for line in lines]
    for row, line in zip(rows, lines, strict=True):
        assert row[2:8] == (
            line.staff, line.skp_approved, line.realised, line.rated, line.approved,
            line.not_submitted,
        )  # fmt: skip
        assert row[8].date() == line.deadline and row[9] == line.days_left


def test_an_unwritable_file_is_said_not_raised(demo_db, tmp_path):
    summary = completion_summary(demo_db, "2026-Q2", today=TODAY)
    with pytest.raises(ValidationError) as caught:
        export_monitor(summary, tmp_path / "missing-folder" / "monitor.xlsx")
    assert caught.value.code == "sheet.write_failed"
