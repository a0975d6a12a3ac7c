"""What the two per-period sheet imports of the evaluation room (realisations, rencana aksi)
share: the period must be open before any row is read, and a message for a row names the
cell with the error worded as the clerk reads it."""

from __future__ import annotations

from typing import Any

from kinerja_desktop.domain.errors import KinerjaError
from kinerja_desktop.domain.messages import describe
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.import_dto import ImportSummary, RowMessage
from kinerja_desktop.services.common.sheet_import import SheetFile, SheetImport
from kinerja_desktop.services.office_eval.periods import require_unlocked
from kinerja_desktop.spreadsheet.columns import SheetSpec

__all__ = ["PeriodSheetImport", "cell_message"]


def cell_message(row: int | None, column: str, value: object, err: KinerjaError) -> RowMessage:
    """``err`` at ``row`` and ``column`` (the cell's ``value``), worded."""
    text = "" if value is None else str(value)
    return RowMessage(row, column, text, describe(err), err.code, tuple(err.params.items()))


class PeriodSheetImport(SheetImport):
    """A sheet import for one period, refused whole while the period is locked."""

    def __init__(self, actor: Actor, *, spec: SheetSpec, period: Period) -> None:
        super().__init__(actor, spec=spec)
        self.period, self.code = period, str(period)

    def before_read(self, session: Any) -> KinerjaError | None:
        try:
            require_unlocked(session, self.code)
        except KinerjaError as exc:
            return exc
        return None

    def refused(self, file: SheetFile, dry_run: bool) -> ImportSummary:
        exc = file.refusal
        assert exc is not None
        error = cell_message(exc.row, exc.field or "", "", exc)
        return ImportSummary(str(file.path), 0, 0, 0, (error,), (), dry_run, False)
