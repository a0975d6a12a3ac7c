"""The screens read set-based (issue 16): the number of statements behind the Evaluasi list,
the completion monitor and the Laporan counts and recaps does not grow with the employees.

Counted with a ``before_cursor_execute`` listener, not timed: the demo is read once as built
and once with half of its staff made inactive (fewer rows behind every screen), and each
screen must issue exactly as many statements both times. A per-employee query (the monitor
used to build each employee's evaluation detail) makes the counts differ.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from kinerja_desktop.services.common.database import Database

PERIOD = "2026-Q2"
SMALL, LARGE = "NGL-TBG", "PKM-NGL"  # 9 and 21 active employees in the demo


@contextmanager
def _counting() -> Iterator[list[int]]:
    count = [0]

    def tick(*_args: Any, **_kwargs: Any) -> None:
        count[0] += 1

    event.listen(Engine, "before_cursor_execute", tick)
    try:
        yield count
    finally:
        event.remove(Engine, "before_cursor_execute", tick)


def statements(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> int:
    """How many statements ``fn(*args, **kwargs)`` sends to the database."""
    with _counting() as count:
        fn(*args, **kwargs)
    return count[0]


@pytest.fixture(scope="module")
def thinned_path(demo_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with every second employee who heads nothing made inactive."""
    path = tmp_path_factory.mktemp("thinned") / "demo.sqlite"
    shutil.copy(demo_db_path, path)
    with sqlite3.connect(path) as con:
        changed = con.execute(
            "UPDATE employees SET active = 0 WHERE id % 2 = 0 AND id NOT IN "
            "(SELECT employee_id FROM assignments WHERE is_head = 1)"
        ).rowcount
    assert changed > 20
    return path


def _screens() -> dict[str, Callable[[Database], Any]]:
    from kinerja_desktop.services.evaluation.completion import completion_summary
    from kinerja_desktop.services.evaluation.evaluations import list_evaluations
    from kinerja_desktop.services.register.employees import list_employees
    from kinerja_desktop.services.reporting.recap import kecamatan_recap_data, office_recap_data
    from kinerja_desktop.services.reporting.recaps import office_recap

    return {
        "evaluasi": lambda db: list_evaluations(db, period=PERIOD),
        "evaluasi, semua periode": lambda db: list_evaluations(db),
        "monitor": lambda db: completion_summary(db, PERIOD),
        "monitor of an office": lambda db: completion_summary(db, PERIOD, office_code=LARGE),
        "laporan counts": lambda db: office_recap(db, period=PERIOD),
        "office recap": lambda db: office_recap_data(db, office_code=LARGE, period=PERIOD),
        "kecamatan recap": lambda db: kecamatan_recap_data(db, period=PERIOD),
        "employees": lambda db: list_employees(db, include_inactive=False),
    }


@pytest.mark.parametrize("screen", list(_screens()))
def test_statements_do_not_grow_with_the_staff(
    screen: str, demo_db_path: Path, thinned_path: Path
) -> None:
    read = _screens()[screen]
    with Database.open(demo_db_path) as db:
        read(db)  # settle one-off reads (settings cache, schema probes) before counting
        full = statements(read, db)
    with Database.open(thinned_path) as db:
        read(db)
        thinned = statements(read, db)
    assert full == thinned, f"{screen}: {full} statements with the whole staff, {thinned} with half"


def test_an_office_of_21_costs_what_an_office_of_9_costs(demo_db: Database) -> None:
    from kinerja_desktop.services.evaluation.completion import completion_summary
    from kinerja_desktop.services.evaluation.evaluations import list_evaluations

    small = completion_summary(demo_db, PERIOD, office_code=SMALL)
    large = completion_summary(demo_db, PERIOD, office_code=LARGE)
    assert (small.total, large.total) == (9, 21)
    for read in (completion_summary, lambda db, p, office_code: list_evaluations(
        db, period=p, office_code=office_code
    )):  # fmt: skip
        counts = {o: statements(read, demo_db, PERIOD, office_code=o) for o in (SMALL, LARGE)}
        assert counts[SMALL] == counts[LARGE], counts


def test_the_monitor_is_a_handful_of_statements(demo_db: Database) -> None:
    """Not one per employee: the demo's 98 rows come from a dozen statements at most."""
    from kinerja_desktop.services.evaluation.completion import completion_summary

    completion_summary(demo_db, PERIOD)
    with _counting() as count:
        summary = completion_summary(demo_db, PERIOD)
    assert summary.total > 90
    assert count[0] <= 15, count[0]


def test_a_sheet_counts_its_office_predikat_in_two_statements(demo_db: Database) -> None:
    """Every sheet of a batch counts its whole office's predikat: per employee that made a
    batch cost the square of the office's size."""
    from kinerja_desktop.services.reporting.distribution import approved_predikat

    with demo_db.uow() as uow:
        counts = {
            office: statements(approved_predikat, uow.session, "2026-Q1", office)
            for office in (SMALL, LARGE)
        }
        assert len(approved_predikat(uow.session, "2026-Q1", LARGE)) > 15
    assert counts == {SMALL: 2, LARGE: 2}
