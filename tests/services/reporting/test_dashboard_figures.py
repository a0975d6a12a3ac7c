"""The Dasbor's IKU lines and IKM points against the office services read one by one."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.ikm import compute_ikm
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.common.actor import SYSTEM
from kinerja_desktop.services.office_eval import office_capaian, save_survey
from kinerja_desktop.services.reporting import office_figures
from tests.cli.test_ikm_cli import example_answers
from tests.services.common.test_bounded_parameters import limited

YEAR = 2026


def test_one_office_has_a_line_per_iku_equal_to_its_realisations(demo_db):
    figures = office_figures(demo_db, YEAR, "ngl-grl")
    assert figures.office_code == "NGL-GRL"
    assert figures.periods == ("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")
    assert figures.target == Decimal(100)
    per_period = {p: office_capaian(demo_db, "NGL-GRL", p) for p in figures.periods}
    codes = [row.code for row in per_period["2026-Q1"].rows]
    assert [line.indicator_code for line in figures.iku] == codes
    measured = 0
    for line in figures.iku:
        assert line.office_code == "NGL-GRL"
        got = {point.period: point.capaian for point in line.points}
        for period, capaian in per_period.items():
            expected = capaian.row(line.indicator_code).capaian
            assert got.get(period) == expected, (line.indicator_code, period)
            measured += expected is not None
    assert measured > 0  # the demo has realisations in Q1–Q3


def test_every_office_is_one_line_of_its_mean_capaian(demo_db):
    figures = office_figures(demo_db, YEAR)
    assert figures.office_code is None
    assert len(figures.iku) > 1
    for line in figures.iku:
        assert line.indicator_code == ""
        for point in line.points:
            overall = office_capaian(demo_db, line.office_code, point.period).overall
            assert point.capaian == overall, (line.office_code, point.period)


def test_ikm_per_office_and_period(db):
    answers = example_answers()
    save_survey(db, SYSTEM, "NGL", "2026-S1", answers)
    save_survey(db, SYSTEM, "NGL", "2026-Q3", answers[:6])
    save_survey(db, SYSTEM, "NGL", "2025-S2", answers)  # another year: not shown
    figures = office_figures(db, YEAR)
    expected = [
        ("NGL", "2026-Q3", compute_ikm(answers[:6]).converted),
        ("NGL", "2026-S1", compute_ikm(answers).converted),
    ]
    assert sorted((p.office_code, p.period, p.converted) for p in figures.ikm) == expected
    assert figures.ikm_periods == tuple(sorted(("2026-Q3", "2026-S1"), key=Period.parse))
    assert {p.mutu for p in figures.ikm} <= {"A", "B", "C", "D"}
    assert office_figures(db, YEAR, "NGL-GRL").ikm == ()


def test_reads_bind_a_bounded_number_of_values(demo_db_path, monkeypatch):
    with limited(demo_db_path, monkeypatch) as db:
        figures = office_figures(db, YEAR)
    assert figures.iku


def test_a_year_out_of_range_is_refused(demo_db):
    with pytest.raises(ValidationError):
        office_figures(demo_db, 1999)
