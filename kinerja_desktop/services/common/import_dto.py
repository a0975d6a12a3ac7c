"""What every spreadsheet import answers with: the flat summary of the command line contract
(DESIGN.md section 6) and its messages. Shared by the importers of every capability."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kinerja_desktop.domain import messages

__all__ = ["ImportSummary", "RowMessage", "worded_message"]


def worded_message(code: str, message: str, params: tuple[tuple[str, Any], ...], lang: str) -> str:
    """The catalogue's wording of ``code`` in ``lang``, else the message as it was made."""
    if code in messages.MESSAGES:
        return messages.text(code, lang, **dict(params))
    return message


@dataclass(frozen=True)
class RowMessage:
    """An import error or warning: ``row`` as the spreadsheet shows it, ``column`` its header."""

    row: int | None
    column: str
    value: str
    message: str
    code: str
    params: tuple[tuple[str, Any], ...] = field(default=(), compare=False)

    def worded(self, lang: str = "id") -> str:
        return worded_message(self.code, self.message, self.params, lang)

    def as_json(self, lang: str = "id") -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "message": self.worded(lang),
            "code": self.code,
        }


@dataclass(frozen=True)
class ImportSummary:
    """What an import found and did (DESIGN.md section 6: the flat spreadsheet summary).

    ``applied`` is True only when rows were written (no errors, not a dry run). With errors,
    nothing was applied and the counts say what *would* have happened to the rows that were
    readable.
    """

    file: str
    created: int
    updated: int
    unchanged: int
    errors: tuple[RowMessage, ...]
    warnings: tuple[RowMessage, ...]
    dry_run: bool
    applied: bool
    changed_uuids: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_json(self, lang: str = "id") -> dict[str, Any]:
        """The summary shape of the command line contract, plus ``dry_run``."""
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [e.as_json(lang) for e in self.errors],
            "warnings": [w.as_json(lang) for w in self.warnings],
            "dry_run": self.dry_run,
        }
