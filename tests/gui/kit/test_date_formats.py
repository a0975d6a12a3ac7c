"""One date format per context: tables ``01-12-2026``, forms and sentences ``1 Desember 2026``
(issue 14 point 4)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from kinerja_desktop.gui.kit.format import fmt_date, fmt_date_long, fmt_datetime, fmt_datetime_long
from kinerja_desktop.gui.register.history import history_table
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.register.employee_admin import get_employee
from kinerja_desktop.services.register.employees import list_employees


def test_table_and_sentence_formats() -> None:
    assert fmt_date(date(2026, 12, 1)) == "01-12-2026"
    assert fmt_date_long(date(2026, 12, 1)) == "1 Desember 2026"
    assert fmt_date(None) == fmt_date_long(None) == fmt_datetime(None) == ""
    moment = datetime(2026, 3, 7, 7, 5, tzinfo=UTC)
    local = moment.astimezone()
    assert fmt_datetime(moment) == f"{local:%d-%m-%Y %H:%M}"
    assert fmt_datetime_long(moment).startswith(f"{local.day} ")
    assert fmt_datetime_long(moment).endswith(f"{local.year} {local:%H:%M}")
    # SQLite hands back naive UTC: read as UTC, not as local time.
    assert fmt_datetime(moment.replace(tzinfo=None)) == fmt_datetime(moment)


def test_assignment_history_table_uses_the_table_format(qtbot, demo_db_path: Path) -> None:
    with Database.open(demo_db_path) as db:
        person = list_employees(db)[0]
        detail = get_employee(db, person.uuid)
    table = history_table(detail.history)
    qtbot.addWidget(table)
    starts = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert starts and all(re.fullmatch(r"\d\d-\d\d-\d{4}", s) for s in starts), starts
