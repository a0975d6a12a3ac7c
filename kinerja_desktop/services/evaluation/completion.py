"""The completion monitor: per office and period, who is behind and at which step.

For every active employee with a current assignment (in one office, or all) it reports the
first missing step (:class:`~kinerja_desktop.services.evaluation.dto.CompletionRow` ``stage``):
no approved SKP, evaluation not started ("Belum dimulai", DESIGN.md 7b), realisations
incomplete, not submitted, not rated, not approved, or done, with the days left to the
period's deadline (negative once it passed). Sorted by office, then the furthest behind first.
Beside the stage, each started evaluation counts its RHK without a rencana aksi in the period
("Belum ada rencana aksi", issue 19); a count, never a stage, since nothing waits on a plan.

Decision: the deadline is the period's (``PeriodSetting``), else the default of DOMAIN.md A 9;
every office shares it, since the deadline table has no office column.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.messages import label, text
from kinerja_desktop.domain.names import full_name
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.scoring import round2
from kinerja_desktop.services.admin.settings import load_settings
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation import completion_reads as reads_, core
from kinerja_desktop.services.evaluation.dto import CompletionRow, CompletionSummary
from kinerja_desktop.services.evaluation.heads import paused_gc
from kinerja_desktop.services.office_eval.periods import locking_period
from kinerja_desktop.storage.models import Assignment, Employee, Office

__all__ = ["STAGES", "completion_summary", "export_completion", "stage_label"]

STAGES = (
    "no_skp",
    "not_started",
    "no_realisation",
    "not_submitted",
    "no_rating",
    "not_approved",
    "done",
)
_RANK = {s: n for n, s in enumerate(STAGES)}


def stage_label(stage: str, lang: str = "id") -> str:
    """The words of a stage (``"Belum dinilai"``)."""
    return text(f"completion.{stage}", lang)


def completion_stage(has_skp: bool, status: Any, filled: int, total: int, rated: bool) -> str:
    if status is None:
        return "not_started" if has_skp else "no_skp"
    if status in core.EDITABLE:
        return "no_realisation" if filled < total or total == 0 else "not_submitted"
    if status == EvaluationStatus.SUBMITTED:
        return "not_approved" if rated else "no_rating"
    return "done"


def completion_summary(
    db: Database, period: str, *, office_code: str | None = None, today: date | None = None
) -> CompletionSummary:
    """Who has not finished ``period`` (see the module docstring).

    Raises:
        ValidationError: ``period.invalid``; ``evaluation.period_kind`` for a period of another
            frequency than the installation's; ``office.not_found`` for an unknown office code.
    """
    code = str(Period.parse(period))
    today = today or date.today()
    settings = load_settings(db)
    # A month asked of a quarterly installation (or the reverse) would list everyone as not
    # started: say which periods this installation evaluates instead.
    core.check_period_kind(Period.parse(code), settings)
    with paused_gc(), db.uow() as uow:  # a city's reads set off full collections otherwise
        session = uow.session
        office_id = _office_id(session, office_code)
        setting = core.period_setting(session, code)
        deadline = setting.deadline if setting else Period.parse(code).default_deadline()
        locked = locking_period(session, code) is not None  # a locked year covers it
        ctx = _Context(code, deadline, today, locked)
        # A fixed handful of grouped reads for the whole monitor, never one per employee.
        reads = _Reads(
            skps=reads_.skp_states(session, Period.parse(code).year),
            progress=reads_.period_progress(session, code),
            names=reads_.penilai_names(session),
        )
        rows = [_row(ctx, reads, p) for p in _current_assignments(session, office_id)]
        rows.sort(key=lambda r: (r.office_code, _RANK[r.stage], r.name.casefold()))
    stages = Counter(r.stage for r in rows)
    return CompletionSummary(
        period=code,
        office_code=office_code,
        total=len(rows),
        stages={s: stages.get(s, 0) for s in STAGES},
        rows=tuple(rows),
        unplanned=sum(1 for r in rows if r.evaluation_uuid and r.unplanned),
    )


@dataclass(frozen=True)
class _Context:
    """What every row of one monitor shares: the period, its deadline and lock, today."""

    code: str
    deadline: date
    today: date
    locked: bool

    @property
    def days_left(self) -> int:
        """Days to the deadline, negative once it passed."""
        return (self.deadline - self.today).days


@dataclass(frozen=True)
class _Reads:
    """The monitor's grouped reads (see :mod:`completion_reads`)."""

    skps: dict[int, tuple[bool, EvaluationStatus]]
    progress: dict[int, reads_.Progress]
    names: tuple[dict[int, str], dict[int, str]]

    def penilai(self, post: Any) -> str:
        """The penilai of the assignment: its atasan, else its external penilai."""
        people, externals = self.names
        if post.atasan_id is not None:
            return people.get(post.atasan_id, "")
        if post.external_penilai_id is not None:
            return externals.get(post.external_penilai_id, "")
        return ""


def _office_id(session: Session, office_code: str | None) -> int | None:
    """The id of the office asked for (``None``: every office)."""
    if office_code is None:
        return None
    found = session.connection().execute(select(Office.id).where(Office.code == office_code))
    office_id = found.scalar()
    if office_id is None:
        raise NotFoundError("office.not_found", value=office_code)
    return int(office_id)


def _current_assignments(session: Session, office_id: int | None) -> Any:
    """The current assignment of every active employee (of one office, or all) as plain rows
    with what a monitor line shows of the employee and the office: a city's 11,000 ORM
    assignments and employees cost most of the monitor's time (issue 16), for a dozen columns.
    Read one row at a time, so the GUI thread gets Python's lock between rows."""
    query = (
        select(
            Employee.id,
            Employee.uuid,
            Employee.nip,
            Employee.name,
            Employee.title_prefix,
            Employee.title_suffix,
            Assignment.jabatan,
            Assignment.atasan_id,
            Assignment.external_penilai_id,
            Office.code.label("office_code"),
            Office.name.label("office_name"),
        )
        .join(Employee, Assignment.employee_id == Employee.id)
        .join(Office, Assignment.office_id == Office.id)
        .where(
            Assignment.end_date.is_(None),
            Assignment.deleted_at.is_(None),
            Employee.deleted_at.is_(None),
            Employee.active.is_(True),
        )
    )
    if office_id is not None:
        query = query.where(Assignment.office_id == office_id)
    return session.connection().execute(query)


class _NotStarted:
    """What a row reads of an evaluation that does not exist yet: nothing started."""

    uuid = None
    revision = filled = total = rhks = unplanned = 0
    status = mean = predikat = None
    rated = False


_NOT_STARTED: Any = _NotStarted()


def _row(ctx: _Context, reads: _Reads, post: Any) -> CompletionRow:
    """One employee's row (``post``: a row of :func:`_current_assignments`): SKP, evaluation,
    how far it is and the stage it stands at."""
    has_skp, skp_status = reads.skps.get(post.id, (False, None))
    ev = reads.progress.get(post.id, _NOT_STARTED)
    status = ev.status
    return CompletionRow(
        employee_uuid=post.uuid,
        nip=post.nip,
        name=full_name(post.name, post.title_prefix, post.title_suffix),
        jabatan=post.jabatan,
        office_code=post.office_code,
        office_name=post.office_name,
        penilai_name=reads.penilai(post),
        skp_status=skp_status,
        evaluation_uuid=ev.uuid,
        status=status,
        revision=ev.revision,
        filled=ev.filled,
        indicators=ev.total,
        rated=ev.rated,
        mean_capaian=ev.mean,
        predikat=ev.predikat if status == EvaluationStatus.APPROVED else None,
        stage=completion_stage(has_skp, status, ev.filled, ev.total, ev.rated),
        deadline=ctx.deadline,
        days_left=ctx.days_left,
        locked=ctx.locked,
        rhks=ev.rhks,
        unplanned=ev.unplanned,
    )


def row_json(row: CompletionRow, lang: str = "id") -> dict[str, Any]:
    """One row as the command line prints it (numbers as strings with two decimals)."""
    return {
        "nip": row.nip,
        "name": row.name,
        "office": row.office_code,
        "stage": row.stage,
        "stage_label": stage_label(row.stage, lang),
        "skp_status": row.skp_status.value if row.skp_status else None,
        "status": row.status.value if row.status else None,
        "revision": row.revision,
        "filled": row.filled,
        "indicators": row.indicators,
        "rated": row.rated,
        "mean_capaian": None if row.mean_capaian is None else str(round2(row.mean_capaian)),
        "predikat": row.predikat.value if row.predikat else None,
        "deadline": row.deadline.isoformat() if row.deadline else None,
        "days_left": row.days_left,
        "rhk": row.rhks,
        "rhk_without_rencana_aksi": row.unplanned,
    }


def export_completion(summary: CompletionSummary, path: Path) -> int:
    """Write the monitor to ``path`` (.xlsx); returns the number of rows written."""
    from kinerja_desktop.spreadsheet.columns import ColumnSpec, SheetSpec
    from kinerja_desktop.spreadsheet.writer import write_sheet

    spec = SheetSpec(
        sheet="Monitor",
        columns=(
            ColumnSpec("office", "Kantor", width=12),
            ColumnSpec("nip", "NIP", kind="nip", width=22),
            ColumnSpec("name", "Nama", width=32),
            ColumnSpec("jabatan", "Jabatan", width=32),
            ColumnSpec("penilai", "Penilai", width=28),
            ColumnSpec("stage", "Tahap", width=24),
            ColumnSpec("status", "Status", width=14),
            ColumnSpec("filled", "Realisasi terisi", kind="int", width=10),
            ColumnSpec("indicators", "Jumlah indikator", kind="int", width=10),
            ColumnSpec("unplanned", "RHK belum ada rencana aksi", kind="int", width=12),
            ColumnSpec("mean", "Rata-rata capaian", kind="decimal", width=12),
            ColumnSpec("predikat", "Predikat", width=18),
            ColumnSpec("deadline", "Batas waktu", kind="date", width=14),
            ColumnSpec("days_left", "Sisa hari", kind="int", width=10),
        ),
        intro=(
            f"Monitor kelengkapan evaluasi periode {summary.period}.",
            f"Belum ada rencana aksi: {summary.unplanned} pegawai.",
        ),
    )
    rows = [
        {
            "office": r.office_code,
            "nip": r.nip,
            "name": r.name,
            "jabatan": r.jabatan,
            "penilai": r.penilai_name,
            "stage": stage_label(r.stage),
            "status": label(r.status) if r.status else "Belum dimulai",
            "filled": r.filled,
            "indicators": r.indicators,
            "unplanned": r.unplanned if r.evaluation_uuid else None,
            "mean": None if r.mean_capaian is None else round2(r.mean_capaian),
            "predikat": label(r.predikat) if r.predikat else "",
            "deadline": r.deadline,
            "days_left": r.days_left,
        }
        for r in summary.rows
    ]
    return write_sheet(path, spec, rows)
