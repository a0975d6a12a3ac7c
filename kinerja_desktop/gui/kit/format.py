"""How values look on screen: Indonesian numbers, NIP groups, dates, enum labels.

Kept apart from the table models so views, dialogs and the status bar word values the same way.
Every function tolerates ``None`` (shown as an empty cell, never as "None").

One date format per context: table cells use :func:`fmt_date` / :func:`fmt_datetime`
(``01-12-2026``, ``01-12-2026 14:05``: fixed width, they line up and sort by eye); forms,
notes and sentences use :func:`fmt_date_long` / :func:`fmt_datetime_long` (``1 Desember
2026``, ``1 Desember 2026 14:05``), as the printed documents do.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum

from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.periods import Period, format_date_id
from kinerja_desktop.domain.scoring import format_number

__all__ = [
    "enum_label",
    "fmt_capaian",
    "fmt_count",
    "fmt_date",
    "fmt_date_long",
    "fmt_datetime",
    "fmt_datetime_long",
    "fmt_decimal",
    "fmt_nip",
    "fmt_period",
]


def fmt_count(value: int | None) -> str:
    """An integer with a dot as thousands separator: ``12.345``."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", ".")


def fmt_decimal(value: Decimal | int | None) -> str:
    """A target or realisation: whole numbers without decimals, others with two.

    Targets are mostly counts ("12 dokumen") where ``12,00`` would only add noise, while
    percentages such as ``95,5`` must keep their decimals.
    """
    if value is None:
        return ""
    if Decimal(value) == Decimal(value).to_integral_value():
        return format_number(value, 0)
    return format_number(value, 2)


def fmt_capaian(value: Decimal | None) -> str:
    """A capaian (achievement percentage): always two decimals, decimal comma, ``107,14``."""
    return "" if value is None else format_number(value, 2)


def fmt_nip(nip: str) -> str:
    """``19920415 201903 2 001``; damaged values are shown as they are (never hidden)."""
    return format_nip(nip) if nip else ""


def fmt_period(code: str | None, lang: str = "id") -> str:
    """``2026-Q1`` → ``Triwulan I 2026``; an unreadable code is shown raw."""
    if not code:
        return ""
    try:
        return Period.parse(code).label(lang)
    except Exception:  # a label is never worth a crash in a table cell
        return code


def _local(value: datetime) -> datetime:
    # The database stores UTC; SQLite hands it back without a zone, so a naive value is read
    # as UTC before converting to the PC's zone (WIB in Padang).
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone()


def fmt_date(value: date | None) -> str:
    """A date in a table cell: ``01-12-2026``."""
    return "" if value is None else f"{value.day:02d}-{value.month:02d}-{value.year}"


def fmt_date_long(value: date | None) -> str:
    """A date in a form or a sentence: ``1 Desember 2026``."""
    return "" if value is None else format_date_id(value)


def fmt_datetime(value: datetime | None) -> str:
    """A moment in a table cell, local time: ``07-03-2026 14:05``."""
    if value is None:
        return ""
    local = _local(value)
    return f"{fmt_date(local.date())} {local.hour:02d}:{local.minute:02d}"


def fmt_datetime_long(value: datetime | None) -> str:
    """A moment in a form or a sentence, local time: ``7 Maret 2026 14:05``."""
    if value is None:
        return ""
    local = _local(value)
    return f"{format_date_id(local.date())} {local.hour:02d}:{local.minute:02d}"


def enum_label(member: StrEnum | None, lang: str = "id") -> str:
    """The catalogue label of an enum member, or an empty cell for ``None``."""
    return "" if member is None else label(member, lang)
