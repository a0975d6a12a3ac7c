"""What the evaluation editor shows, read in one go: off the GUI thread when the editor opens
(issue 16: ``runner.read``), directly after one of its own writes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kinerja_desktop.services.common import Actor, Database
    from kinerja_desktop.services.evaluation.dto import EvaluationDetail, Permissions, RhkPlans


@dataclass(frozen=True)
class EditorData:
    """The evaluation, what the actor may do with it, the category bands and its plans."""

    detail: EvaluationDetail
    perms: Permissions
    bands: Any
    plans: tuple[RhkPlans, ...]


def read_editor(db: Database, actor: Actor | None, uuid: str) -> EditorData:
    """Everything the editor of evaluation ``uuid`` shows (a plain function: the runner's
    read worker calls it with the database's reader)."""
    from kinerja_desktop.services.admin import load_settings
    from kinerja_desktop.services.evaluation import get_evaluation, list_rencana_aksi, permissions

    detail = get_evaluation(db, uuid)
    return EditorData(
        detail, permissions(db, actor, detail), load_settings(db).bands,
        list_rencana_aksi(db, uuid),
    )  # fmt: skip


def evidence_by_plan(detail: EvaluationDetail) -> dict[str, list[str]]:
    """The file names linked to each rencana aksi (by the plan's uuid)."""
    found: dict[str, list[str]] = {}
    for line in detail.lines:
        for file in line.evidence:
            if file.rencana_aksi_uuid:
                found.setdefault(file.rencana_aksi_uuid, []).append(file.filename)
    return found
