"""Newest assessments as plain rows, for the lists (issue 16), and the batch size of the
rooms' long reads.

A city's period holds some 11,000 evaluations: reading their assessments as ORM objects, with
the frozen snapshot and the JSON notes decoded, cost seconds. These rows carry only what
:func:`core.effective` reads, under the same names; ``snapshot`` reads as ``None`` (no list
shows it). The evaluations themselves the list reads as stored (``evaluations.py``,
``stored.py``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, null, select
from sqlalchemy.orm import Session

# The app's one collector policy; named here too for the rooms' reads that pause it themselves.
from kinerja_desktop.services.common.collector import paused_gc
from kinerja_desktop.storage.models import Assessment

__all__ = ["BATCH", "newest_decisions", "paused_gc", "streamed"]

#: Rows fetched per call of a long read. A read runs on the worker while the GUI thread waits
#: for Python's lock; a fetch of a city's 50,000 rows in one call keeps it for tens of
#: milliseconds in C. Batches give it back between them.
BATCH = 1000


def streamed(session: Session, stmt: Any) -> Any:
    """``session.execute(stmt)`` read in batches of :data:`BATCH` rows (see there); iterate
    it once."""
    return session.execute(stmt, execution_options={"yield_per": BATCH})


def newest_decisions(
    session: Session, chosen: Select[tuple[int]], *, status_only: bool = False
) -> dict[int, Any]:
    """:func:`core.newest_assessments` as plain rows without the frozen snapshot and the JSON
    notes: what :func:`core.effective` and a list line need (a city reads tens of thousands).
    ``status_only`` reads only what decides the status (the rest reads as ``None``)."""
    wanted = (Assessment.evaluation_id, Assessment.decision, Assessment.decided_at)
    rest = (
        Assessment.penilai_id,
        Assessment.external_penilai_id,
        Assessment.rating_hasil,
        Assessment.rating_perilaku,
        Assessment.decision_reason,
        Assessment.predikat,
    )
    newest: dict[int, Any] = {}
    for row in streamed(
        session,
        select(*wanted, *_columns(rest, status_only), null().label("snapshot"))
        .where(Assessment.evaluation_id.in_(chosen), Assessment.deleted_at.is_(None))
        .order_by(Assessment.id),
    ):
        newest[row.evaluation_id] = row
    return newest


def _columns(columns: tuple[Any, ...], as_null: bool) -> tuple[Any, ...]:
    # The same names, read as NULL when the caller does not need them (no conversion cost).
    return tuple(null().label(c.key) for c in columns) if as_null else columns
