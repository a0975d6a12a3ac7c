"""Periods: parsing, calendar, labels, containment, ordering, deadlines (DOMAIN.md A 9)."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.enums import Periodicity
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import (
    INDONESIAN_MONTHS,
    Period,
    PeriodKind,
    format_date_id,
    periods_of_year,
)


@pytest.mark.parametrize(
    ("text", "kind", "index"),
    [
        ("2026", PeriodKind.YEAR, 0),
        ("2026-S1", PeriodKind.SEMESTER, 1),
        ("2026-S2", PeriodKind.SEMESTER, 2),
        ("2026-Q3", PeriodKind.QUARTER, 3),
        ("2026-07", PeriodKind.MONTH, 7),
        ("2026-12", PeriodKind.MONTH, 12),
    ],
)
def test_parse_and_round_trip(text: str, kind: PeriodKind, index: int) -> None:
    period = Period.parse(text)
    assert period.kind == kind
    assert period.year == 2026
    assert period.index == index
    assert str(period) == text
    assert Period.parse(str(period)) == period


def test_parse_is_lenient_on_case_and_spaces() -> None:
    assert str(Period.parse(" 2026-q3 ")) == "2026-Q3"
    assert str(Period.parse("2026-s2")) == "2026-S2"


@pytest.mark.parametrize(
    "text",
    ["", "26", "2026-S3", "2026-Q0", "2026-Q5", "2026-13", "2026-00", "2026-7", "2026/07", "x"],
)
def test_parse_refuses(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        Period.parse(text)
    assert info.value.code == "period.invalid"


def test_constructor_validates() -> None:
    with pytest.raises(ValidationError):
        Period(PeriodKind.YEAR, 2026, 1)
    with pytest.raises(ValidationError):
        Period(PeriodKind.QUARTER, 2026, 5)
    with pytest.raises(ValidationError):
        Period("week", 2026, 1)  # type: ignore[arg-type]
    assert Period("quarter", 2026, 2).kind is PeriodKind.QUARTER  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-S1", date(2026, 1, 1), date(2026, 6, 30)),
        ("2026-S2", date(2026, 7, 1), date(2026, 12, 31)),
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
    ],
)
def test_start_and_end(text: str, start: date, end: date) -> None:
    period = Period.parse(text)
    assert period.start == start
    assert period.end == end


@pytest.mark.parametrize(
    ("text", "label_id", "label_en"),
    [
        ("2026", "Tahun 2026", "Year 2026"),
        ("2026-S1", "Semester I 2026", "H1 2026"),
        ("2026-S2", "Semester II 2026", "H2 2026"),
        ("2026-Q3", "Triwulan III 2026", "Q3 2026"),
        ("2026-Q4", "Triwulan IV 2026", "Q4 2026"),
        ("2026-07", "Juli 2026", "July 2026"),
    ],
)
def test_labels(text: str, label_id: str, label_en: str) -> None:
    assert Period.parse(text).label() == label_id
    assert Period.parse(text).label("en") == label_en


def test_range_label() -> None:
    assert Period.parse("2026").range_label() == "1 Januari s.d. 31 Desember 2026"
    assert Period.parse("2026-Q1").range_label() == "1 Januari s.d. 31 Maret 2026"
    assert Period.parse("2026-08").range_label() == "1 Agustus s.d. 31 Agustus 2026"


def test_indonesian_months_and_date_format() -> None:
    assert len(INDONESIAN_MONTHS) == 12
    assert INDONESIAN_MONTHS[0] == "Januari"
    assert INDONESIAN_MONTHS[4] == "Mei"
    assert format_date_id(date(1992, 4, 15)) == "15 April 1992"
    assert format_date_id(date(2026, 1, 5)) == "5 Januari 2026"


def test_contains() -> None:
    year = Period.parse("2026")
    assert year.contains(Period.parse("2026-Q3"))
    assert year.contains(year)
    assert Period.parse("2026-S2").contains(Period.parse("2026-Q3"))
    assert Period.parse("2026-S2").contains(Period.parse("2026-07"))
    assert not Period.parse("2026-S1").contains(Period.parse("2026-Q3"))
    assert not Period.parse("2026-Q3").contains(year)
    assert not year.contains(Period.parse("2025-12"))
    assert Period.parse("2026-Q1").contains_date(date(2026, 3, 31))
    assert not Period.parse("2026-Q1").contains_date(date(2026, 4, 1))


def test_subperiods() -> None:
    year = Period.parse("2026")
    assert [str(p) for p in year.subperiods(PeriodKind.QUARTER)] == [
        "2026-Q1",
        "2026-Q2",
        "2026-Q3",
        "2026-Q4",
    ]
    assert [str(p) for p in Period.parse("2026-S2").subperiods(PeriodKind.QUARTER)] == [
        "2026-Q3",
        "2026-Q4",
    ]
    assert [str(p) for p in Period.parse("2026-Q2").subperiods(PeriodKind.MONTH)] == [
        "2026-04",
        "2026-05",
        "2026-06",
    ]
    assert len(year.subperiods(PeriodKind.MONTH)) == 12
    assert year.subperiods(PeriodKind.YEAR) == [year]
    q = Period.parse("2026-Q2")
    assert q.subperiods(PeriodKind.QUARTER) == [q]


def test_subperiods_refuses_a_longer_kind() -> None:
    with pytest.raises(ValidationError) as info:
        Period.parse("2026-Q2").subperiods(PeriodKind.SEMESTER)
    assert info.value.code == "period.subperiod_kind"


def test_year_period_and_periods_of_year() -> None:
    assert Period.parse("2026-07").year_period() == Period.parse("2026")
    assert [str(p) for p in periods_of_year(2026, PeriodKind.SEMESTER)] == ["2026-S1", "2026-S2"]
    assert periods_of_year(2026, PeriodKind.YEAR) == [Period.parse("2026")]


def test_containing() -> None:
    day = date(2026, 8, 17)
    assert str(Period.containing(day, PeriodKind.QUARTER)) == "2026-Q3"
    assert str(Period.containing(day, PeriodKind.SEMESTER)) == "2026-S2"
    assert str(Period.containing(day, PeriodKind.MONTH)) == "2026-08"
    assert str(Period.containing(day, PeriodKind.YEAR)) == "2026"


def test_next_and_previous() -> None:
    assert str(Period.parse("2026-Q4").next()) == "2027-Q1"
    assert str(Period.parse("2026-Q1").previous()) == "2025-Q4"
    assert str(Period.parse("2026-12").next()) == "2027-01"
    assert str(Period.parse("2026-S1").next()) == "2026-S2"
    assert str(Period.parse("2026").previous()) == "2025"


def test_ordering_is_chronological_with_longer_first() -> None:
    texts = ["2026-02", "2026-Q1", "2025-12", "2026", "2026-S1", "2026-01", "2026-Q2", "2025"]
    assert [str(p) for p in sorted(Period.parse(t) for t in texts)] == [
        "2025",
        "2025-12",
        "2026",
        "2026-S1",
        "2026-Q1",
        "2026-01",
        "2026-02",
        "2026-Q2",
    ]
    assert Period.parse("2026-Q1") < Period.parse("2026-Q2")
    assert Period.parse("2026-Q2") >= Period.parse("2026-Q1")


def test_hashable_and_equal() -> None:
    assert len({Period.parse("2026-Q1"), Period.parse("2026-q1"), Period.parse("2026")}) == 2
    assert repr(Period.parse("2026-Q1")) == "Period('2026-Q1')"


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("2026", date(2027, 1, 10)),
        ("2026-Q1", date(2026, 4, 10)),
        ("2026-Q4", date(2027, 1, 10)),
        ("2026-S1", date(2026, 7, 10)),
        ("2026-02", date(2026, 3, 10)),
        ("2026-07", date(2026, 8, 10)),
    ],
)
def test_default_deadline(text: str, deadline: date) -> None:
    assert Period.parse(text).default_deadline() == deadline


def test_kind_helpers() -> None:
    assert PeriodKind.from_frequency(Periodicity.MONTHLY) is PeriodKind.MONTH
    assert PeriodKind.from_frequency(Periodicity.QUARTERLY) is PeriodKind.QUARTER
    assert PeriodKind.from_frequency(Periodicity.SEMESTER) is PeriodKind.SEMESTER
    assert PeriodKind.from_frequency(Periodicity.YEARLY) is PeriodKind.YEAR
    assert PeriodKind.QUARTER.count_per_year == 4
    assert Period.parse("2026-S1").months == 6


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Triwulan III 2026", "2026-Q3"),
        ("triwulan  iii 2026", "2026-Q3"),
        ("Semester I 2026", "2026-S1"),
        ("Tahun 2026", "2026"),
        ("Juli 2026", "2026-07"),
        ("Q3 2026", "2026-Q3"),
        ("H2 2026", "2026-S2"),
        ("July 2026", "2026-07"),
        (" 2026-q3 ", "2026-Q3"),
    ],
)
def test_from_text_reads_the_names_the_gui_shows(text: str, code: str) -> None:
    period = Period.from_text(text)
    assert str(period) == code
    # Every name the GUI prints reads back as the same period.
    assert Period.from_text(period.label()) == period
    assert Period.from_text(period.label("en")) == period


@pytest.mark.parametrize(
    "text", ["Triwulan V 2026", "Juli", "2026-Q5", "Triwulan III 26", "x 2026"]
)
def test_from_text_refuses_what_is_no_period(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        Period.from_text(text)
    assert err.value.code == "period.invalid"


def test_deadline_text_says_late_days_as_a_clerk_would() -> None:
    from kinerja_desktop.domain.periods import deadline_text

    assert deadline_text(3) == "3 hari lagi"
    assert deadline_text(1) == "1 hari lagi"
    assert deadline_text(0) == "batas hari ini"
    assert deadline_text(-4) == "terlambat 4 hari"
    assert deadline_text(-1, "en") == "1 day late"
    assert deadline_text(-4, "en") == "4 days late"
    assert deadline_text(2, "en") == "2 days left"
