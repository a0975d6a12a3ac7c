"""0013's reporting views (issue 18.4): a BI tool reading them sees the app's own figures.

On the demo, every figure of ``v_completion`` and ``v_predikat_distribution`` equals what the
completion monitor counts, and ``v_capaian_iku`` gives the mean capaian the office recap shows.
The views go away on downgrade to 0012 and come back on upgrade, the data untouched.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation.completion import completion_summary
from kinerja_desktop.services.reporting.recaps import office_recap
from kinerja_desktop.storage.migrate import alembic_config, head_revision, open_database

VIEWS = {"v_capaian_iku", "v_completion", "v_predikat_distribution"}


def _rows(db: Database, sql: str) -> list[tuple]:
    with db.uow() as uow:
        return [tuple(r) for r in uow.session.execute(text(sql))]


def _views(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    finally:
        con.close()


def _completion_figures(db: Database) -> dict[tuple[str, str], tuple[int, ...]]:
    """(office, period) -> staff, SKP approved, realisations complete, rated, approved."""
    figures: dict[tuple[str, str], list[int]] = {}
    periods = [p for (p,) in _rows(db, "SELECT DISTINCT period FROM v_completion")]
    for period in periods:
        for r in completion_summary(db, period).rows:
            counts = figures.setdefault((r.office_code, period), [0] * 5)
            counts[0] += 1
            counts[1] += r.skp_status == EvaluationStatus.APPROVED
            counts[2] += r.indicators > 0 and r.filled == r.indicators
            counts[3] += r.rated
            counts[4] += r.status == EvaluationStatus.APPROVED
    return {key: tuple(value) for key, value in figures.items()}


def test_completion_view_counts_what_the_monitor_counts(demo_db: Database) -> None:
    view = {
        (office, period): tuple(int(n) for n in counts)
        for office, period, *counts in _rows(
            demo_db,
            "SELECT office, period, staff, skp_approved, realisations, ratings, approvals "
            "FROM v_completion",
        )
    }
    expected = _completion_figures(demo_db)
    assert view == expected
    # The demo is not trivially empty: several periods, some work done, some not.
    assert len({period for _office, period in view}) >= 3
    assert 0 < sum(c[4] for c in view.values()) < sum(c[0] for c in view.values())


def test_predikat_view_counts_the_approved_evaluations(demo_db: Database) -> None:
    view = Counter(
        {
            (office, period, predikat): int(count)
            for office, period, predikat, count in _rows(
                demo_db, "SELECT office, period, predikat, count FROM v_predikat_distribution"
            )
        }
    )
    expected: Counter[tuple[str, str, str]] = Counter()
    for period in {period for _office, period, _p in view}:
        for r in completion_summary(demo_db, period).rows:
            if r.predikat is not None:
                expected[(r.office_code, period, r.predikat.value)] += 1
    assert view == expected
    assert len({predikat for _o, _p, predikat in view}) >= 4


def test_capaian_view_gives_the_recaps_mean_capaian(demo_db: Database) -> None:
    by_office: dict[tuple[str, str], list[Decimal]] = defaultdict(list)
    measured = _rows(
        demo_db,
        "SELECT office, period, indicator_code, target, realisation, capaian FROM v_capaian_iku",
    )
    for office, period, _code, _target, realisation, capaian in measured:
        if capaian is not None:
            by_office[(office, period)].append(Decimal(str(capaian)))
        else:
            assert realisation is None  # the demo measures every realised indicator
    assert len(by_office) >= 4
    for period in {period for _office, period in by_office}:
        for row in office_recap(demo_db, period=period):
            values = by_office.get((row.office_code, period), [])
            if row.mean_capaian is None:
                assert values == []
                continue
            mean = sum(values, Decimal(0)) / len(values)
            assert mean == pytest.approx(row.mean_capaian, abs=Decimal("0.0001")), row


def test_views_go_down_to_0012_and_come_back_with_the_same_figures(demo_copy: Path) -> None:
    assert head_revision() >= "0013" and _views(demo_copy) == VIEWS
    with Database.open(demo_copy) as db:
        before = _rows(db, "SELECT * FROM v_completion ORDER BY office, period")
    engine = create_engine(f"sqlite:///{demo_copy}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0012")
    engine.dispose()
    assert _views(demo_copy) == set()

    result = open_database(demo_copy)  # the app's own upgrade, from 0012
    try:
        assert result.migrated_from == "0012" and result.revision == head_revision()
    finally:
        result.engine.dispose()
    assert _views(demo_copy) == VIEWS
    with Database.open(demo_copy) as db:
        assert _rows(db, "SELECT * FROM v_completion ORDER BY office, period") == before
