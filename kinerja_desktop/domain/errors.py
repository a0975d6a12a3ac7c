"""Typed errors of the domain. They carry a code and a location; the edges word them.

The CLI and the GUI turn a :class:`KinerjaError` into one clear sentence through the message
catalogue (:mod:`kinerja_desktop.domain.messages`), never a traceback.
"""

from __future__ import annotations

from typing import Any


class KinerjaError(Exception):
    """Base of every expected error.

    Args:
        code: a stable key of the message catalogue, e.g. ``"nip.length"``.
        message: the already worded Indonesian sentence (used when the catalogue has no entry).
        file: the file the error is about, if any.
        row: the 1-based row number as a spreadsheet shows it, if any.
        field: the field or column name, if any.
        params: values for the catalogue template.
    """

    def __init__(
        self,
        code: str,
        message: str = "",
        *,
        file: str | None = None,
        row: int | None = None,
        field: str | None = None,
        **params: Any,
    ) -> None:
        super().__init__(message or code)
        self.code = code
        self.message = message
        self.file = file
        self.row = row
        self.field = field
        self.params = params

    def __str__(self) -> str:
        return self.message or self.code


class ValidationError(KinerjaError):
    """Input that breaks a domain rule (bad NIP, bad period, impossible target)."""


class NotFoundError(KinerjaError):
    """A record that was asked for does not exist."""


class PermissionDeniedError(KinerjaError):
    """The acting user may not do this."""


class ConflictError(KinerjaError):
    """The action conflicts with stored data (duplicate key, a changed version)."""


class DatabaseError(KinerjaError):
    """The database file is missing, locked, damaged, or newer than this app."""
