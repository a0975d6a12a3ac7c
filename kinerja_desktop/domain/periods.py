"""Evaluation and measurement periods: year, semester, triwulan (quarter) and month.

Periods are written ``2026`` (tahunan), ``2026-S1`` (semester), ``2026-Q3`` (triwulan) and
``2026-07`` (bulanan): that text is the natural key stored in the database and in sync
packages, so :meth:`Period.parse` and ``str(period)`` are exact inverses. Each period has a
default deadline ten days after it ends; the annual one is 10 January of the next year
(DOMAIN.md A 9).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import total_ordering

from kinerja_desktop.domain.enums import Periodicity
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.messages import label as enum_label, text, validation_error

__all__ = [
    "DEADLINE_DAYS",
    "ENGLISH_MONTHS",
    "INDONESIAN_MONTHS",
    "Period",
    "PeriodKind",
    "format_date_id",
    "periods_of_year",
]

INDONESIAN_MONTHS: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
ENGLISH_MONTHS: tuple[str, ...] = tuple(calendar.month_name[m] for m in range(1, 13))
_ROMAN = ("I", "II", "III", "IV")
DEADLINE_DAYS = 10


class PeriodKind(StrEnum):
    """Length of a period. The values are stable codes; labels live in the catalogue."""

    YEAR = "year"
    SEMESTER = "semester"
    QUARTER = "quarter"
    MONTH = "month"

    @property
    def months(self) -> int:
        """Number of months in a period of this kind."""
        return _MONTHS[self]

    @property
    def count_per_year(self) -> int:
        """Number of periods of this kind in a year."""
        return 12 // _MONTHS[self]

    @classmethod
    def from_frequency(cls, frequency: Periodicity) -> PeriodKind:
        """Map an indicator's measurement periodicity to the matching period kind."""
        return _FROM_FREQUENCY[frequency]


_MONTHS = {
    PeriodKind.YEAR: 12,
    PeriodKind.SEMESTER: 6,
    PeriodKind.QUARTER: 3,
    PeriodKind.MONTH: 1,
}
_FROM_FREQUENCY = {
    Periodicity.YEARLY: PeriodKind.YEAR,
    Periodicity.SEMESTER: PeriodKind.SEMESTER,
    Periodicity.QUARTERLY: PeriodKind.QUARTER,
    Periodicity.MONTHLY: PeriodKind.MONTH,
}
_PATTERN = re.compile(r"^(\d{4})(?:-(?:([SQ])(\d)|(\d{2})))?$", re.IGNORECASE)


def format_date_id(day: date) -> str:
    """Write a date the Indonesian way: ``"15 April 1992"`` (no leading zero)."""
    return f"{day.day} {INDONESIAN_MONTHS[day.month - 1]} {day.year}"


@total_ordering
@dataclass(frozen=True, eq=True, repr=False)
class Period:
    """A calendar period: a whole year, a semester, a triwulan or a month.

    Attributes:
        kind: the length of the period.
        year: the calendar year (1900–9999).
        index: 0 for a year; 1–2 for a semester; 1–4 for a triwulan; 1–12 for a month.

    Periods sort chronologically by start date; a longer period sorts before the shorter ones
    that start on the same day (``2026`` < ``2026-S1`` < ``2026-Q1`` < ``2026-01``).

    Raises:
        ValidationError: code ``"period.invalid"`` when the index does not fit the kind.
    """

    kind: PeriodKind
    year: int
    index: int = 0

    def __post_init__(self) -> None:
        try:
            kind = PeriodKind(self.kind)
        except ValueError as exc:
            raise validation_error("period.invalid", field="periode", value=self.kind) from exc
        object.__setattr__(self, "kind", kind)
        valid_index = (
            self.index == 0 if kind == PeriodKind.YEAR else 1 <= self.index <= kind.count_per_year
        )
        if not (1900 <= self.year <= 9999 and valid_index):
            raise validation_error(
                "period.invalid", field="periode", value=f"{kind}/{self.year}/{self.index}"
            )

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read the canonical text of a period.

        Args:
            text: ``"2026"``, ``"2026-S1"``, ``"2026-Q3"`` or ``"2026-07"`` (``s``/``q`` in
                lower case and surrounding spaces are accepted).

        Raises:
            ValidationError: code ``"period.invalid"`` for anything else.
        """
        match = _PATTERN.match(str(text).strip())
        if not match:
            raise validation_error("period.invalid", field="periode", value=text)
        year = int(match.group(1))
        letter, number, month = match.group(2), match.group(3), match.group(4)
        try:
            if letter:
                kind = PeriodKind.SEMESTER if letter.upper() == "S" else PeriodKind.QUARTER
                return cls(kind, year, int(number))
            if month:
                return cls(PeriodKind.MONTH, year, int(month))
            return cls(PeriodKind.YEAR, year, 0)
        except ValidationError as exc:
            raise validation_error("period.invalid", field="periode", value=text) from exc

    @classmethod
    def from_text(cls, text: str) -> Period:
        """Read a period as the CLI accepts it: the canonical text, or the name the GUI shows.

        Besides ``"2026-Q3"``, the labels of :meth:`label` in either language are read, case and
        spacing aside: ``"Triwulan III 2026"``, ``"Semester I 2026"``, ``"Tahun 2026"``,
        ``"Juli 2026"``, ``"Q3 2026"``, ``"H1 2026"``, ``"Year 2026"``, ``"July 2026"``.

        Raises:
            ValidationError: code ``"period.invalid"`` for anything else.
        """
        words = " ".join(str(text).split())
        try:
            return cls.parse(words)
        except ValidationError:
            pass
        parsed = _LABELS.get(words.lower().rsplit(" ", 1)[0]) if " " in words else None
        year = words.rsplit(" ", 1)[-1]
        if parsed is None or not year.isdigit() or len(year) != 4:
            raise validation_error("period.invalid", field="periode", value=text)
        kind, index = parsed
        try:
            return cls(kind, int(year), index)
        except ValidationError as exc:
            raise validation_error("period.invalid", field="periode", value=text) from exc

    @classmethod
    def containing(cls, day: date, kind: PeriodKind) -> Period:
        """Return the period of ``kind`` that contains ``day``."""
        if kind == PeriodKind.YEAR:
            return cls(kind, day.year, 0)
        return cls(kind, day.year, (day.month - 1) // kind.months + 1)

    def __str__(self) -> str:
        if self.kind == PeriodKind.YEAR:
            return f"{self.year:04d}"
        if self.kind == PeriodKind.SEMESTER:
            return f"{self.year:04d}-S{self.index}"
        if self.kind == PeriodKind.QUARTER:
            return f"{self.year:04d}-Q{self.index}"
        return f"{self.year:04d}-{self.index:02d}"

    def __repr__(self) -> str:
        return f"Period({str(self)!r})"

    # -- calendar ------------------------------------------------------------------------------

    @property
    def first_month(self) -> int:
        """The calendar month (1–12) the period starts in."""
        if self.kind == PeriodKind.YEAR:
            return 1
        return (self.index - 1) * self.kind.months + 1

    @property
    def last_month(self) -> int:
        """The calendar month (1–12) the period ends in."""
        return self.first_month + self.kind.months - 1

    @property
    def start(self) -> date:
        """The first day of the period."""
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        """The last day of the period (inclusive)."""
        last = self.last_month
        return date(self.year, last, calendar.monthrange(self.year, last)[1])

    @property
    def months(self) -> int:
        """Number of months in the period (used for angka kredit)."""
        return self.kind.months

    def contains(self, other: Period) -> bool:
        """True when ``other`` lies wholly inside this period (a period contains itself)."""
        return self.start <= other.start and other.end <= self.end

    def contains_date(self, day: date) -> bool:
        """True when ``day`` falls inside this period."""
        return self.start <= day <= self.end

    def year_period(self) -> Period:
        """The whole year this period belongs to."""
        return Period(PeriodKind.YEAR, self.year, 0)

    def subperiods(self, kind: PeriodKind) -> list[Period]:
        """Split this period into periods of a shorter (or the same) kind, in order.

        Raises:
            ValidationError: code ``"period.subperiod_kind"`` when ``kind`` is longer than
                this period's kind.
        """
        kind = PeriodKind(kind)
        if kind.months > self.kind.months:
            raise validation_error(
                "period.subperiod_kind", field="periode", period=str(self), kind=enum_label(kind)
            )
        if kind == PeriodKind.YEAR:
            return [self]
        first = (self.first_month - 1) // kind.months + 1
        count = self.kind.months // kind.months
        return [Period(kind, self.year, first + n) for n in range(count)]

    def next(self) -> Period:
        """The period of the same kind right after this one."""
        return self._shift(1)

    def previous(self) -> Period:
        """The period of the same kind right before this one."""
        return self._shift(-1)

    def _shift(self, step: int) -> Period:
        if self.kind == PeriodKind.YEAR:
            return Period(self.kind, self.year + step, 0)
        per_year = self.kind.count_per_year
        ordinal = self.year * per_year + (self.index - 1) + step
        return Period(self.kind, ordinal // per_year, ordinal % per_year + 1)

    def default_deadline(self) -> date:
        """The default last day to fill in the period (DOMAIN.md A 9).

        Ten days after the period ends; for the annual evaluation 10 January of the next year
        (the e-Kinerja deadline of SE Kepala BKN 11/2023), which is the same day.
        """
        if self.kind == PeriodKind.YEAR:
            return date(self.year + 1, 1, DEADLINE_DAYS)
        return self.end + timedelta(days=DEADLINE_DAYS)

    # -- words ---------------------------------------------------------------------------------

    def label(self, lang: str = "id") -> str:
        """Name the period: ``"Tahun 2026"``, ``"Semester I 2026"``, ``"Triwulan III 2026"``,
        ``"Juli 2026"`` (English with ``lang="en"``: ``"Q3 2026"``, ``"July 2026"``...)."""
        english = lang == "en"
        if self.kind == PeriodKind.YEAR:
            return f"{'Year' if english else 'Tahun'} {self.year}"
        if self.kind == PeriodKind.SEMESTER:
            if english:
                return f"H{self.index} {self.year}"
            return f"Semester {_ROMAN[self.index - 1]} {self.year}"
        if self.kind == PeriodKind.QUARTER:
            if english:
                return f"Q{self.index} {self.year}"
            return f"Triwulan {_ROMAN[self.index - 1]} {self.year}"
        months = ENGLISH_MONTHS if english else INDONESIAN_MONTHS
        return f"{months[self.index - 1]} {self.year}"

    def range_label(self) -> str:
        """The printed span: ``"1 Januari s.d. 31 Desember 2026"`` (s.d. = sampai dengan)."""
        start, end = self.start, self.end
        return f"{start.day} {INDONESIAN_MONTHS[start.month - 1]} s.d. {format_date_id(end)}"

    # -- ordering ------------------------------------------------------------------------------

    def _sort_key(self) -> tuple[date, int]:
        return (self.start, -self.kind.months)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() < other._sort_key()


def periods_of_year(year: int, kind: PeriodKind) -> list[Period]:
    """All periods of ``kind`` in ``year``, in order (``[Period(YEAR, year)]`` for a year)."""
    return Period(PeriodKind.YEAR, year, 0).subperiods(kind)


def _label_table() -> dict[str, tuple[PeriodKind, int]]:
    """Lower-case period names without the year, as :meth:`Period.label` writes them."""
    table: dict[str, tuple[PeriodKind, int]] = {"tahun": (PeriodKind.YEAR, 0)}
    table["year"] = (PeriodKind.YEAR, 0)
    for index, roman in enumerate(_ROMAN, start=1):
        table[f"triwulan {roman.lower()}"] = (PeriodKind.QUARTER, index)
        table[f"q{index}"] = (PeriodKind.QUARTER, index)
        if index <= 2:
            table[f"semester {roman.lower()}"] = (PeriodKind.SEMESTER, index)
            table[f"h{index}"] = (PeriodKind.SEMESTER, index)
    for index, (indonesian, english) in enumerate(
        zip(INDONESIAN_MONTHS, ENGLISH_MONTHS, strict=True), start=1
    ):
        table[indonesian.lower()] = (PeriodKind.MONTH, index)
        table[english.lower()] = (PeriodKind.MONTH, index)
    return table


_LABELS = _label_table()


def deadline_text(days_left: int, lang: str = "id") -> str:
    """The days to a deadline as a clerk says them: ``"3 hari lagi"``, ``"batas hari ini"``,
    ``"terlambat 4 hari"`` (English pluralised: ``"1 day late"``, ``"4 days late"``)."""
    if days_left == 0:
        return text("deadline.today", lang)
    days = abs(days_left)
    stem = "deadline.left" if days_left > 0 else "deadline.late"
    return text(f"{stem}_one" if days == 1 else stem, lang, days=days)


def short_period(code: str, lang: str = "id") -> str:
    """A period's name for a narrow chart axis: ``TW II`` / ``Q2``, ``Smt I`` / ``H1``, a
    month's first three letters, the year; the code itself when it does not parse."""
    try:
        period = Period.parse(code)
    except ValidationError:
        return code
    if period.kind == PeriodKind.QUARTER:
        return f"Q{period.index}" if lang == "en" else f"TW {_ROMAN[period.index - 1]}"
    if period.kind == PeriodKind.SEMESTER:
        return f"H{period.index}" if lang == "en" else f"Smt {_ROMAN[period.index - 1]}"
    if period.kind == PeriodKind.MONTH:
        return period.label(lang)[:3]
    return str(period.year)
