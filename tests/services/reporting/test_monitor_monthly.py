"""The completion monitor's export for a month (issue 20.4): ``demo --office NGL-GRL
--frequency monthly`` exported for March writes one line per office with March's figures and
March's deadline, titled with the month's name."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from kinerja_desktop.config import DbAddress, parse_db_address
from kinerja_desktop.domain.enums import Periodicity
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.demo.build import build_demo
from kinerja_desktop.services.evaluation import completion_summary
from kinerja_desktop.services.reporting.monitor_offices import OFFICE_SHEET, export_monitor
from tests import pg_support

TODAY = date(2026, 5, 20)


@pytest.fixture(scope="module")
def monthly_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("monthly") / "grl.sqlite"
    build_demo(path, office_code="NGL-GRL", frequency=Periodicity.MONTHLY)
    return path


@pytest.fixture(scope="module")
def monthly_pg(pg_schema_template: str) -> Iterator[DbAddress]:
    with pg_support.temporary_database("kinerja_monthly", template=pg_schema_template) as url:
        address = parse_db_address(url)
        build_demo(address, office_code="NGL-GRL", frequency=Periodicity.MONTHLY)
        yield address


@pytest.fixture
def monthly(db_engine: str, request: pytest.FixtureRequest) -> DbAddress:
    """The monthly kelurahan demo (built once per module and engine); the tests only read it."""
    return request.getfixturevalue("monthly_pg" if db_engine == "postgresql" else "monthly_file")


@pytest.mark.parametrize(("month", "title", "deadline"), [
    ("2026-03", "Maret 2026", date(2026, 4, 10)),
    ("2026-01", "Januari 2026", date(2026, 2, 10)),
])  # fmt: skip
def test_a_month_exports_a_line_per_office(
    monthly: DbAddress, tmp_path: Path, month, title, deadline
):
    with Database.open(monthly) as db:
        summary = completion_summary(db, month, today=TODAY)
    staff = [r for r in summary.rows if r.office_code == "NGL-GRL"]
    assert len(staff) == 10
    path = tmp_path / "monitor.xlsx"
    assert export_monitor(summary, path) == len(summary.rows)
    sheet = openpyxl.load_workbook(path)[OFFICE_SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == f"Kelengkapan per kantor, periode {title}."
    lines = {row[0]: row for row in rows[2:]}
    stages = [r.stage for r in staff]
    assert lines["NGL-GRL"] == (
        "NGL-GRL", "Kelurahan Gurun Laweh", 10, sum(s != "no_skp" for s in stages),
        sum(s in {"not_submitted", "no_rating", "not_approved", "done"} for s in stages),
        sum(s in {"not_approved", "done"} for s in stages), stages.count("done"),
        sum(s in {"no_skp", "not_started", "no_realisation", "not_submitted"} for s in stages),
        datetime.combine(deadline, datetime.min.time()), (deadline - TODAY).days,
    )  # fmt: skip
    assert set(lines) == {r.office_code for r in summary.rows}
    if month == "2026-01":  # January is all approved
        assert lines["NGL-GRL"][6] == 10 and lines["NGL-GRL"][7] == 0
    else:  # March is under way: some submitted, none approved yet
        assert lines["NGL-GRL"][6] == 0 and 0 < lines["NGL-GRL"][4] < 10
