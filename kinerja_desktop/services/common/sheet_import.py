"""One spreadsheet import pipeline for every importer: read once, plan, show, apply.

Contract:

- **read** (:func:`read_file`): the file is read once, through the spreadsheet adapter, into a
  :class:`SheetFile` that holds its typed rows, or the reason the file as a whole was refused.
  Reading reports rows read and honours a cancel when given a
  :class:`~kinerja_desktop.domain.progress.Progress` (the GUI's task state).
- **plan** (:meth:`SheetImport.plan`): every row is checked against the database as it is in
  this transaction; each error names the row as the spreadsheet shows it and the column header
  (the :class:`SheetPlan` holds the file, so the file and sheet are known too), and the plan
  decides what is created, updated or left unchanged.
- **show** (:func:`preview_import`): the plan as a :class:`SheetPreview` (counts, errors,
  warnings, the importer's rows), worked out in a transaction that is rolled back.
- **apply** (:func:`run_import`): in one transaction, whole or nothing: the plan is made
  (again, from the rows already read: the database may have changed since a preview), and only
  without an error and outside a dry run are its rows written and the audit entry recorded.

The GUI keeps the :class:`SheetPreview` between its preview and its apply and hands the
preview's :class:`SheetFile` to :func:`run_import`, so the file is opened once per import; the
command line reads, plans and applies in one call. Each importer supplies only its specifics as
a :class:`SheetImport`: the columns, the checks made before reading, how its rows are planned
and applied, and its audit entry.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from kinerja_desktop.domain.errors import KinerjaError, ValidationError
from kinerja_desktop.domain.messages import validation_error
from kinerja_desktop.domain.progress import Progress
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.common.import_dto import ImportSummary, RowMessage
from kinerja_desktop.services.common.recording import audit
from kinerja_desktop.spreadsheet.columns import RowError, SheetSpec
from kinerja_desktop.spreadsheet.reader import SheetData, read_sheet

__all__ = [
    "COUNTS",
    "ImportCancelled",
    "ImportMeter",
    "MeterCallback",
    "SheetFile",
    "SheetImport",
    "SheetPlan",
    "SheetPreview",
    "preview_import",
    "read_file",
    "refused_summary",
    "row_message",
    "run_import",
]

#: ``progress(done, total)``: how far an import is; ``total`` stays the same for one import.
MeterCallback = Callable[[int, int], None]
COUNTS = ("created", "updated", "unchanged")


class ImportCancelled(Exception):
    """The person asked to stop while rows were being checked (a preview only)."""


class ImportMeter:
    """Counts an import's steps and tells a progress callback, about 100 times at most.

    The importer decides the steps (the employee import: a merge pass and a check pass over
    every row, then the writing spread over the last third). A dry run, a refused import or one
    with nothing to change jumps to the end. Without a callback it only counts, which is cheap
    enough to run on every row. With ``cancelled``, each report first asks it and raises
    :class:`ImportCancelled` once it says yes.
    """

    def __init__(
        self,
        callback: MeterCallback | None,
        total: int,
        *,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.callback = callback
        self.cancelled = cancelled
        self.total = max(total, 1)
        self.step = max(1, self.total // 100)
        self.done = 0
        self._next = 0  # the first report (0, total) tells the GUI the total at once
        self._last = -1

    def to(self, done: int) -> None:
        """Move to ``done`` (never backwards, never past the total); report every 1 %."""
        done = min(max(done, self.done), self.total)
        self.done = done
        if self.callback is None or done == self._last:
            return
        if done < self._next and done < self.total:
            return
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()
        self.callback(done, self.total)
        self._last, self._next = done, done + self.step

    def advance(self, count: int = 1) -> None:
        self.to(self.done + count)

    def finish(self) -> None:
        self.to(self.total)

    def span(self, units: int) -> Callable[[int], None]:
        """Spread ``units`` of work over the rest of the meter; returns ``advance(count)``."""
        start, budget, units = self.done, self.total - self.done, max(units, 1)
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            done += count
            self.to(start + budget * min(done, units) // units)

        return advance


def row_message(error: RowError) -> RowMessage:
    """A reader's cell or sheet problem as an import message."""
    return RowMessage(error.row, error.column, error.value, error.message, error.code, error.params)


def refused_summary(path: Path, exc: KinerjaError, dry_run: bool) -> ImportSummary:
    """The summary of a file refused as a whole (or an import refused before any row)."""
    error = RowMessage(
        exc.row, exc.field or "", "", exc.message or exc.code, exc.code, tuple(exc.params.items())
    )
    return ImportSummary(str(path), 0, 0, 0, (error,), (), dry_run, False)


@dataclass(frozen=True, eq=False)
class SheetFile:
    """A spreadsheet read once: its rows, or why the file as a whole was refused."""

    path: Path
    data: SheetData | None = None
    refusal: KinerjaError | None = None

    @property
    def name(self) -> str:
        return self.path.name


def read_file(path: Path | str, spec: SheetSpec, *, state: Progress | None = None) -> SheetFile:
    """Read ``path`` once; a file refused as a whole gives a :class:`SheetFile` with
    ``refusal`` set instead of an exception (the importer decides how to report it)."""
    path = Path(path)
    try:
        return SheetFile(path, read_sheet(path, spec, progress=state))
    except ValidationError as exc:
        return SheetFile(path, refusal=exc)


@dataclass
class SheetPlan:
    """What an importer's plan found: messages, counts, and its own items (``items``)."""

    file: SheetFile
    errors: list[RowMessage] = field(default_factory=list)
    warnings: list[RowMessage] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    uuids: list[str] = field(default_factory=list)
    items: Any = None

    @classmethod
    def with_cell_errors(cls, file: SheetFile) -> SheetPlan:
        """A plan that starts with every cell error and warning the reader found."""
        assert file.data is not None, "a refused file has no plan"
        data = file.data
        errors = [row_message(e) for r in data.rows for e in r.errors]
        return cls(file, errors, [row_message(w) for w in data.warnings])

    @property
    def data(self) -> SheetData:
        assert self.file.data is not None, "a refused file has no plan"
        return self.file.data

    def header(self, key: str) -> str:
        return self.data.header.header(key)

    def summary(self, *, dry_run: bool, applied: bool) -> ImportSummary:
        c = self.counts
        return ImportSummary(
            str(self.file.path), c["created"], c["updated"], c["unchanged"], tuple(self.errors),
            tuple(self.warnings), dry_run, applied, tuple(self.uuids),
        )  # fmt: skip


R = TypeVar("R")


@dataclass(frozen=True)
class SheetPreview(Generic[R]):
    """The plan as the GUI shows it before anything is written.

    ``summary`` is the dry run's summary; ``rows`` the importer's rows (each with its planned
    action and messages); ``file`` the rows as read, which the apply uses instead of reading
    the file again.
    """

    summary: ImportSummary
    rows: tuple[R, ...]
    sheet: str = ""
    file: SheetFile | None = field(default=None, compare=False, repr=False)


class SheetImport(ABC):
    """One importer's specifics; the pipeline runs them in order inside one transaction.

    Attributes:
        entity: the audit entry's entity.
        noun: how the audit summary names the records ("SKP baru" rather than "baru").
    """

    entity: ClassVar[str] = ""
    noun: ClassVar[str] = ""

    def __init__(self, actor: Actor | None, *, spec: SheetSpec | None = None) -> None:
        self.actor = actor
        self._spec = spec

    def before_read(self, session: Any) -> KinerjaError | None:
        """Checks made before any row is read: raise to refuse the import with an exception,
        or return the error to refuse it as the file's own refusal (:meth:`refused`)."""
        return None

    def spec(self, session: Any) -> SheetSpec:
        """The columns to read (the one given, unless the importer needs the database)."""
        assert self._spec is not None
        return self._spec

    def refused(self, file: SheetFile, dry_run: bool) -> ImportSummary:
        """A file refused as a whole: one error in the summary (some importers raise)."""
        assert file.refusal is not None
        return refused_summary(file.path, file.refusal, dry_run)

    def meter_total(self, rows: int, *, applying: bool) -> int:
        """How many steps the meter counts (its callback is told the total first)."""
        return rows

    @abstractmethod
    def plan(self, session: Any, file: SheetFile, meter: ImportMeter) -> SheetPlan:
        """Check every row and decide what it does; may write tentatively into ``session``
        (the pipeline rolls back unless the plan is applied)."""

    def has_changes(self, plan: SheetPlan) -> bool:
        return bool(plan.counts["created"] + plan.counts["updated"])

    @abstractmethod
    def apply(self, session: Any, plan: SheetPlan, meter: ImportMeter) -> list[str]:
        """Write the planned rows; returns the changed record uuids."""

    def audit_after(self, plan: SheetPlan, uuids: list[str]) -> dict[str, Any]:
        return {"file": plan.file.name, **plan.counts, "records": uuids}

    def record(self, session: Any, plan: SheetPlan, uuids: list[str]) -> None:
        """The audit entry of an applied import: one entry with its counts and uuids."""
        assert self.actor is not None
        c, noun = plan.counts, f"{self.noun} " if self.noun else ""
        audit(
            session, self.actor, action="import", entity=self.entity,
            after=self.audit_after(plan, uuids),
            summary=f"{plan.file.name}: {c['created']} {noun}baru, {c['updated']} diubah",
        )  # fmt: skip


def _checked_read(
    job: SheetImport, session: Any, source: Path | SheetFile, state: Progress | None
) -> SheetFile:
    """The importer's checks before reading, then the file read once (unless it was)."""
    path = source.path if isinstance(source, SheetFile) else Path(source)
    early = job.before_read(session)
    if early is not None:
        return SheetFile(path, refusal=early)
    if isinstance(source, SheetFile):
        return source
    return read_file(path, job.spec(session), state=state)


def run_import(
    db: Database,
    job: SheetImport,
    source: Path | SheetFile,
    *,
    dry_run: bool = False,
    progress: MeterCallback | None = None,
    state: Progress | None = None,
) -> ImportSummary:
    """Read (unless ``source`` was read already), plan and, without errors and outside a dry
    run, apply ``job`` in one transaction; returns the flat summary (DESIGN.md section 6)."""
    with db.uow() as uow:
        session = uow.session
        file = _checked_read(job, session, source, state)
        if file.data is None:
            return job.refused(file, dry_run)
        meter = ImportMeter(progress, job.meter_total(len(file.data.rows), applying=True))
        meter.to(0)
        plan = job.plan(session, file, meter)
        applied = not plan.errors and not dry_run and job.has_changes(plan)
        if applied:
            plan.uuids = job.apply(session, plan, meter)
            job.record(session, plan, plan.uuids)
            uow.commit()
        else:
            uow.rollback()
        meter.finish()
    return plan.summary(dry_run=dry_run, applied=applied)


def preview_import(
    db: Database,
    job: SheetImport,
    path: Path,
    *,
    rows: Callable[[SheetPlan], tuple[Any, ...]] = lambda plan: (),
    progress: MeterCallback | None = None,
    state: Progress | None = None,
) -> SheetPreview[Any]:
    """Read ``path`` once and plan it without writing; the preview keeps the rows read.

    ``state`` hears the rows read (total unknown) and may cancel the read or the checks (the
    preview then holds one ``sheet.cancelled`` error); ``progress`` hears the plan's steps.
    ``rows(plan)`` makes the importer's preview rows.
    """
    path = Path(path)
    with db.uow() as uow:
        file = _checked_read(job, uow.session, path, state)
        if file.data is None:
            return SheetPreview(job.refused(file, True), (), file=file)
        total = job.meter_total(len(file.data.rows), applying=False)
        cancelled = state.is_cancel_requested if state is not None else None
        meter = ImportMeter(progress, total, cancelled=cancelled)
        try:
            meter.to(0)
            plan = job.plan(uow.session, file, meter)
        except ImportCancelled:
            stop = validation_error("sheet.cancelled", file=str(path), path=path.name)
            return SheetPreview(refused_summary(path, stop, True), (), file=file)
        finally:
            uow.rollback()
    meter.finish()
    summary = plan.summary(dry_run=True, applied=False)
    return SheetPreview(summary, rows(plan), file.data.sheet, file)
