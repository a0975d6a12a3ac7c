"""Helpers shared by the evaluation service tests: sign in as a demo role, find records."""

from __future__ import annotations

from pathlib import Path

from kinerja_desktop.domain.enums import EvaluationStatus
from kinerja_desktop.services.admin.accounts import actor_for, authenticate
from kinerja_desktop.services.common.actor import Actor
from kinerja_desktop.services.common.database import Database
from kinerja_desktop.services.evaluation.dto import EvaluationDetail, RealisationInput
from kinerja_desktop.services.evaluation.evaluations import list_evaluations
from kinerja_desktop.services.evaluation.realisations import get_evaluation

PASSWORDS = {
    "admin": "demo-admin",
    "operator": "demo-operator",
    "penilai": "demo-penilai",
    "pimpinan": "demo-pimpinan",
}


def sign_in(db: Database, username: str) -> Actor:
    """The actor of a demo account, signed in with its real password."""
    return actor_for(authenticate(db, username, PASSWORDS[username]))


def open_db(path: Path) -> Database:
    return Database.open(path)


def find(
    db: Database,
    period: str,
    status: EvaluationStatus,
    *,
    penilai: Actor | None = None,
    not_penilai: Actor | None = None,
) -> EvaluationDetail:
    """The first evaluation of ``period`` in ``status`` (of ``penilai``'s subordinates)."""
    for row in list_evaluations(db, period=period):
        if row.status != status:
            continue
        detail = get_evaluation(db, row.uuid)
        if penilai is not None and detail.penilai_uuid != penilai.employee_uuid:
            continue
        if not_penilai is not None and detail.penilai_uuid == not_penilai.employee_uuid:
            continue
        return detail
    raise LookupError(f"no {status} evaluation in {period}")


def fill_all(detail: EvaluationDetail, value: str = "") -> list[RealisationInput]:
    """Inputs that give every line its period target (or ``value``)."""
    return [
        RealisationInput(line.skp_indicator_uuid, value or str(line.target), "sesuai target")
        for line in detail.lines
    ]
