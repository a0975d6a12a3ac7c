"""How values look on screen: Indonesian numbers, NIP groups, dates, enum labels.

Kept apart from the table models so views, dialogs and the status bar word values the same way.
Every function tolerates ``None`` (shown as an empty cell, never as "None").
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum

from kinerja_desktop.domain.messages import label
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.periods import INDONESIAN_MONTHS, Period
from kinerja_desktop.domain.scoring import format_number

__all__ = [
    "enum_label",
    "fmt_capaian",
    "fmt_count",
    "fmt_datetime",
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


def fmt_datetime(value: datetime | None) -> str:
    """Local time, ``07 Mar 2026 14:05``.

    The database stores UTC; SQLite hands it back without a zone, so a naive value is read as
    UTC before converting to the PC's zone (WIB in Padang).
    """
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone()
    month = INDONESIAN_MONTHS[local.month - 1][:3]
    return f"{local.day:02d} {month} {local.year} {local.hour:02d}:{local.minute:02d}"


def enum_label(member: StrEnum | None, lang: str = "id") -> str:
    """The catalogue label of an enum member, or an empty cell for ``None``."""
    return "" if member is None else label(member, lang)
